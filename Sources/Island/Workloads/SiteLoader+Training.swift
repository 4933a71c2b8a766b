import Foundation

/// Training windows, window shares, pause and resume, and groups with a shared cap
/// (docs/site-format.md, `workloads`).
extension SiteLoader {
    static let trainingFlexibilityKeys = ["run_hours", "run_days", "min_share_in_window", "pause"]

    /// `workloads.timezone`: the zone of every job's `run_hours`/`run_days` (UTC by default).
    static func readTrainingZone(_ workloads: MappingReader) -> TimeZoneSpec? {
        guard let text = workloads.string("timezone") else { return workloads.has("timezone") ? nil : .utc }
        guard let zone = TimeZoneSpec(parsing: text) else {
            workloads.report("timezone", "expected UTC, a fixed offset such as +01:00 or an IANA name such as Europe/Paris, got \(Echo.quoted(text))")
            return nil
        }
        return zone
    }

    /// Reads a job's window, window share and pause settings and checks they fit the job.
    /// - Returns: the job with them set, or nil after reporting.
    static func readTrainingFlexibility(_ reader: MappingReader, job: TrainingJob, zone: TimeZoneSpec?) -> TrainingJob? {
        var job = job
        guard let horizon = reader.context.horizon else { return nil }
        var valid = true
        // Window.
        if reader.has("run_hours") || reader.has("run_days") {
            var open = 0, close = 1440
            if let text = reader.string("run_hours") {
                if let parsed = TrainingWindow.parseHours(text) {
                    (open, close) = parsed
                    if open % horizon.stepMinutes != 0 || close % horizon.stepMinutes != 0 {
                        reader.report("run_hours", "\(Echo.quoted(text)) must open and close on the \(horizon.stepMinutes)-minute step grid")
                        valid = false
                    }
                } else {
                    reader.report("run_hours", "expected HH:MM-HH:MM in 24-hour local time, e.g. \"22:00-06:00\", got \(Echo.quoted(text))")
                    valid = false
                }
            } else if reader.has("run_hours") {
                valid = false
            }
            var days = Set(0..<7)
            if reader.has("run_days") {
                let items = reader.list("run_days")
                days = []
                if items.isEmpty { reader.report("run_days", "lists no day; give days as mon, tue, wed, thu, fri, sat, sun") ; valid = false }
                for item in items {
                    guard let text = item.node.scalarText?.lowercased(), let day = TrainingWindow.dayNames.firstIndex(of: String(text.prefix(3))),
                          text.count == 3 || ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"][day] == text else {
                        reader.context.report(item.path, node: item.node, "expected a day (mon, tue, wed, thu, fri, sat, sun), got \(item.node.scalarText.map(Echo.quoted) ?? item.node.kindDescription)")
                        valid = false
                        continue
                    }
                    days.insert(day)
                }
            }
            guard let zone else { return nil }
            job.runWindow = TrainingWindow(openMinute: open, closeMinute: close, days: days, zone: zone)
        }
        if reader.has("min_share_in_window") {
            let share = reader.number("min_share_in_window", range: .fraction)
            if job.runWindow == nil {
                reader.report("min_share_in_window", "needs run_hours or run_days: the share is of the energy drawn inside that window")
                valid = false
            }
            if share == nil { valid = false }
            job.minShareInWindow = share
        }
        // Pause and resume.
        if let pause = reader.mapping("pause", allowedKeys: ["restart_energy_mwh", "restart_cost_usd", "restart_hours", "min_run_hours", "model"]) {
            let energy = pause.number("restart_energy_mwh", unit: "MWh", range: .size(atMost: 1e9), default: 0)
            let cost = pause.number("restart_cost_usd", unit: "USD", range: .size(atMost: 1e12), default: 0)
            let lostHours = pause.number("restart_hours", unit: "h", range: .size(atMost: 8784), default: 0)
            let minRun = pause.number("min_run_hours", unit: "h", range: .size(atMost: 8784), default: 0)
            let model = pause.has("model") ? pause.choice("model", ["exact": TrainingPause.Model.exact, "relaxed": .relaxed]) : .exact
            if let energy, let cost, let lostHours, let minRun, let model {
                job.pause = TrainingPause(restartEnergyMWh: energy, restartCostUSD: cost, restartHours: lostHours, minRunHours: minRun, model: model)
            } else {
                valid = false
            }
            if job.minPowerMW <= 0 {
                // At 0 MW a running job could hold its state without computing and never pay a restart.
                reader.report("min_power_mw", "a job with pause needs min_power_mw > 0 (its power while running); at 0 MW it could idle instead of pausing and never restart")
                valid = false
            }
        } else if reader.has("pause") {
            valid = false
        }
        guard valid else { return nil }

        // The window must open, and the energy must fit where the job may run.
        let window = job.inWindow(horizon)
        let open = window.filter { $0 }.count
        let span = "between \(Horizon.format(job.releaseUTC)) and \(Horizon.format(job.deadlineUTC))"
        let key = reader.has("run_hours") ? "run_hours" : "run_days"
        if job.runWindow != nil && open == 0 {
            reader.report(key, "the window never opens \(span): the job could not run")
            return nil
        }
        let allowed = job.mayRun(horizon).filter { $0 }.count
        let allowedHours = Double(allowed) * horizon.stepHours
        let restart = job.pause?.restartEnergyMWh ?? 0
        // One start at least: its restart energy and its lost time.
        let lostHours = Double(job.pause?.restartSteps(stepHours: horizon.stepHours) ?? 0) * horizon.stepHours
        let achievable = job.maxPowerMW * max(0, allowedHours - lostHours)
        if job.energyMWh + restart > achievable * (1 + 1e-9) {
            let plain = job.runWindow == nil && job.pause == nil
            let workKey = reader.has("tokens") ? "tokens" : "energy_mwh"
            reader.report(job.runWindow == nil ? workKey : key, plain
                ? "needs \(formatNumber(job.energyMWh)) MWh\(workKey == "tokens" ? " of full-power work" : "") but at most \(formatNumber(achievable)) MWh fits: max_power_mw \(formatNumber(job.maxPowerMW)) x \(formatNumber(allowedHours)) h between release and deadline"
                : "needs \(formatNumber(job.energyMWh + restart)) MWh\(restart > 0 ? " (with one start's restart energy)" : "") but at most \(formatNumber(achievable)) MWh fits: max_power_mw \(formatNumber(job.maxPowerMW)) x \(formatNumber(allowedHours - lostHours)) h the job may run \(span)\(lostHours > 0 ? " less one restart's lost time" : "")")
            return nil
        }
        if let share = job.minShareInWindow, share > 0, job.undeliveredPenaltyUSDPerMWh == nil {
            let inside = job.maxPowerMW * Double(open) * horizon.stepHours
            if share * (job.energyMWh + restart) > inside * (1 + 1e-9) {
                reader.report("min_share_in_window", "\(formatNumber(share)) of \(formatNumber(job.energyMWh + restart)) MWh must fall inside the window, but at most \(formatNumber(inside)) MWh fits there (max_power_mw x \(formatNumber(Double(open) * horizon.stepHours)) h)")
                return nil
            }
        }
        // Without pause the minimum power holds in every step the job may run in, and the energy
        // row is an equality (a job never gets more than it asked for): the floor must fit.
        if job.pause == nil {
            let floorMWh = job.minPowerMW * allowedHours
            if floorMWh > job.energyMWh * (1 + 1e-9) {
                let hoursText = formatNumber(allowedHours)
                reader.report("min_power_mw", job.runWindow == nil
                    ? "\(formatNumber(job.minPowerMW)) MW in each of the \(hoursText) h between release and deadline delivers \(formatNumber(floorMWh)) MWh, more than energy_mwh \(formatNumber(job.energyMWh))"
                    : "\(formatNumber(job.minPowerMW)) MW in each of the \(hoursText) h the job may run \(span) delivers \(formatNumber(floorMWh)) MWh, more than energy_mwh \(formatNumber(job.energyMWh)); add a pause section to let it stop")
                return nil
            }
        } else if let pause = job.pause {
            let minRun = pause.minRunSteps(stepHours: horizon.stepHours)
            if minRun > 1 {
                // Some run of min_run_hours must fit in the allowed steps.
                var longest = 0, current = 0
                for ok in job.mayRun(horizon) { current = ok ? current + 1 : 0; longest = max(longest, current) }
                if longest < minRun {
                    reader.report("pause.min_run_hours", "\(formatNumber(pause.minRunHours)) h of running never fits: the longest stretch the job may run \(span) is \(formatNumber(Double(longest) * horizon.stepHours)) h")
                    return nil
                }
            }
            // Without lost time every run draws at least min_power x min_run and only the energy
            // plus one restart's energy per run may be drawn: one run must not draw too much.
            let floorMWh = job.minPowerMW * Double(minRun) * horizon.stepHours
            if pause.restartSteps(stepHours: horizon.stepHours) == 0, job.undeliveredPenaltyUSDPerMWh == nil,
               floorMWh > (job.energyMWh + pause.restartEnergyMWh) * (1 + 1e-9) {
                reader.report("pause.min_run_hours", "one run of \(formatNumber(Double(minRun) * horizon.stepHours)) h at min_power_mw \(formatNumber(job.minPowerMW)) draws \(formatNumber(floorMWh)) MWh, more than energy_mwh \(formatNumber(job.energyMWh)) plus one restart's \(formatNumber(pause.restartEnergyMWh)) MWh")
                return nil
            }
        }
        return job
    }

    /// `workloads.training_groups`: each a name, member jobs and a shared `max_power_mw` (number or series).
    static func readTrainingGroups(_ reader: MappingReader, jobs: [TrainingJob]) -> [TrainingGroup] {
        let root = reader
        var groups: [TrainingGroup] = []
        var names: Set<String> = []
        let known = Set(jobs.map(\.name))
        for item in reader.list("training_groups") {
            guard let group = MappingReader(item.node, path: item.path, context: root.context, allowedKeys: ["name", "jobs", "max_power_mw"]) else { continue }
            let name = group.string("name", required: true)
            let cap = group.series("max_power_mw", unit: "MW", range: capacityRange, required: true)
            var members: [String] = []
            let listed = group.list("jobs", required: true)
            if group.has("jobs") && listed.isEmpty { group.report("jobs", "lists no job") }
            for member in listed {
                guard let text = member.node.scalarText else {
                    root.context.report(member.path, node: member.node, "expected a job name, got \(member.node.kindDescription)")
                    continue
                }
                if !known.contains(text) {
                    var message = "no training job is named \(Echo.quoted(text))"
                    if let hint = closestMatch(to: text, in: Array(known)) { message += "; did you mean \"\(hint)\"?" }
                    root.context.report(member.path, node: member.node, message)
                } else if members.contains(text) {
                    root.context.report(member.path, node: member.node, "job \(Echo.quoted(text)) is listed twice")
                } else {
                    members.append(text)
                }
            }
            guard let name, let cap, !members.isEmpty, members.count == listed.count else { continue }
            if !names.insert(name).inserted {
                group.report("name", "duplicate group name \(Echo.quoted(name))")
                continue
            }
            groups.append(TrainingGroup(name: name, jobs: members, maxPowerMW: cap))
        }
        return groups
    }
}
