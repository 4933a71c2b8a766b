import Foundation

extension SiteLoader {
    static let demandResponseKeys = ["name", "baseline_mw", "reduce_by_mw", "reduce_to_mw", "max_reduce_by_mw",
                                     "payment_usd_per_mw_year", "penalty_usd_per_mwh", "notice_hours", "events_file", "budget"]

    /// `flexibility: {demand_response: [...]}` (docs/site-format.md). Every problem is reported
    /// with its key path (and row, for an events file); nil after a problem, `.some(nil)` when absent.
    static func readFlexibility(_ root: MappingReader, gridFeeds: [GridFeed]) -> Flexibility?? {
        guard root.has("flexibility") else { return .some(nil) }
        guard let reader = root.mapping("flexibility", allowedKeys: ["demand_response"]) else { return nil }
        let issuesBefore = root.context.issues.count
        var contracts: [DemandResponseContract] = []
        for (index, item) in reader.list("demand_response").enumerated() {
            if let contract = readContract(item.node, path: item.path, index: index, gridFeeds: gridFeeds, context: root.context) {
                contracts.append(contract)
            }
        }
        var seen: Set<String> = []
        for (index, contract) in contracts.enumerated() where !seen.insert(contract.name).inserted {
            reader.context.report("flexibility.demand_response[\(index)].name", line: reader.line("demand_response"),
                                  "duplicate name \(Echo.quoted(contract.name)) (contract names must be unique)")
        }
        guard root.context.issues.count == issuesBefore else { return nil }
        return .some(Flexibility(demandResponse: contracts))
    }

    private static func readContract(_ node: YAMLNode, path: String, index: Int, gridFeeds: [GridFeed],
                                     context: LoadContext) -> DemandResponseContract? {
        guard let reader = MappingReader(node, path: path, context: context, allowedKeys: demandResponseKeys) else { return nil }
        let issuesBefore = context.issues.count
        let name = reader.string("name") ?? "dr\(index + 1)"
        if gridFeeds.isEmpty {
            context.report(path, node: node, "a demand-response contract acts on grid import, and the site has no grid_feeds")
        }
        let baseline = reader.number("baseline_mw", unit: "MW", range: capacityRange, required: true)
        let forms = ["reduce_by_mw", "reduce_to_mw", "max_reduce_by_mw"].filter(reader.has)
        if forms.count != 1 {
            if forms.isEmpty {
                reader.reportMissing("reduce_by_mw", "one of reduce_by_mw, reduce_to_mw, max_reduce_by_mw")
            } else {
                reader.report(forms[1], "give one of reduce_by_mw, reduce_to_mw, max_reduce_by_mw, not \(forms.joined(separator: " and "))")
            }
        }
        var commitment: DemandResponseContract.Commitment?
        if forms.count == 1, let baseline {
            let key = forms[0]
            // A reduction is positive; a level to reduce to may be 0 (full curtailment).
            let range: ValueRange = key == "reduce_to_mw" ? .size(atMost: maximumCapacityMW) : .above(0, atMost: maximumCapacityMW)
            if let value = reader.number(key, unit: "MW", range: range) {
                switch key {
                case "reduce_by_mw":
                    if value > baseline { reader.report(key, "must be <= baseline_mw (\(formatNumber(baseline)) MW), got \(formatNumber(value))") }
                    commitment = .fixed(value)
                case "reduce_to_mw":
                    if value >= baseline { reader.report(key, "must be below baseline_mw (\(formatNumber(baseline)) MW) for a reduction, got \(formatNumber(value))") }
                    commitment = .fixed(baseline - value)
                default:
                    if value > baseline { reader.report(key, "must be <= baseline_mw (\(formatNumber(baseline)) MW), got \(formatNumber(value))") }
                    commitment = .decision(maximumMW: value)
                }
            }
        }
        let payment = reader.number("payment_usd_per_mw_year", unit: "USD/MW-year", range: .between(0, 1e9), default: 0)
        let penalty = reader.number("penalty_usd_per_mwh", unit: "USD/MWh", range: .between(0, 1e7), required: true)
        let notice = reader.number("notice_hours", unit: "h", range: .between(0, 8760), default: 0)

        var events: [DemandResponseContract.Event]?
        var budget: DemandResponseContract.Budget?
        switch (reader.has("events_file"), reader.has("budget")) {
        case (true, true):
            reader.report("budget", "give events_file or budget, not both")
        case (false, false):
            reader.reportMissing("events_file", "events_file, or a budget to draw the events from")
        case (true, false):
            events = readEventsFile(reader, context: context)
        case (false, true):
            if let notice, let drawn = readBudget(reader, notice: notice, gridFeeds: gridFeeds, context: context) {
                (events, budget) = (drawn.events, drawn.budget)
            }
        }
        guard context.issues.count == issuesBefore, let baseline, let commitment, let payment, let penalty, let notice,
              let events else { return nil }
        return DemandResponseContract(name: name, baselineMW: baseline, commitment: commitment, paymentUSDPerMWYear: payment,
                                      penaltyUSDPerMWh: penalty, noticeHours: notice, events: events, budget: budget)
    }

    /// `events_file`: a CSV with `start_utc` and `end_utc` (UTC timestamps), one event a row; each
    /// event on step boundaries, inside the horizon, after the previous one without overlap.
    private static func readEventsFile(_ reader: MappingReader, context: LoadContext) -> [DemandResponseContract.Event]? {
        guard let file = reader.string("events_file"), let horizon = context.horizon else { return nil }
        let keyPath = reader.keyPath("events_file"), line = reader.line("events_file")
        guard let table = SeriesResolver(context: context).table(file: file, keyPath: keyPath, line: line) else { return nil }
        var columns: [Int] = []
        for column in ["start_utc", "end_utc"] {
            guard let index = table.columnIndex(column) else {
                context.reportData(keyPath, line: line, dataFile: file, dataLine: table.headerLine,
                                   "no column \(Echo.quoted(column)); an events file has columns start_utc,end_utc")
                return nil
            }
            columns.append(index)
        }
        if let extra = table.header.first(where: { !["start_utc", "end_utc"].contains($0.trimmingCharacters(in: .whitespaces).lowercased()) }) {
            // Per-event amounts would silently be ignored: the contract's reduction applies to every event.
            context.reportData(keyPath, line: line, dataFile: file, dataLine: table.headerLine,
                               "unexpected column \(Echo.quoted(extra)); an events file has only start_utc,end_utc "
                               + "(the contract's reduce_by_mw, reduce_to_mw or max_reduce_by_mw applies to every event)")
            return nil
        }
        if table.rows.isEmpty {
            context.reportData(keyPath, line: line, dataFile: file, "has no events (a header and no rows)")
            return nil
        }
        let parser = TimestampParser(zone: .utc)
        var events: [DemandResponseContract.Event] = []
        var valid = true
        for (row, fields) in table.rows.enumerated() {
            func problem(_ column: String?, _ message: String) {
                context.reportData(keyPath, line: line, dataFile: file, column: column, row: row + 1, dataLine: table.lines[row], message)
                valid = false
            }
            var instants: [Int64] = []
            for (name, index) in zip(["start_utc", "end_utc"], columns) {
                let text = index < fields.count ? fields[index] : ""
                guard case .success(let epoch) = parser.parse(Substring(text)) else {
                    problem(name, "expected a UTC timestamp like 2025-01-01T00:00Z, got \(Echo.quoted(text))")
                    continue
                }
                if (epoch - horizon.startEpochSeconds) % horizon.stepSeconds != 0 {
                    problem(name, "\(Horizon.format(epochSeconds: epoch)) is not on a \(horizon.stepMinutes)-minute step boundary")
                }
                instants.append(epoch)
            }
            guard instants.count == 2 else { continue }
            let (start, end) = (instants[0], instants[1])
            guard end > start else {
                problem("end_utc", "the event must end after it starts (\(Horizon.format(epochSeconds: start)))")
                continue
            }
            if start < horizon.startEpochSeconds || end > horizon.endEpochSeconds {
                problem(nil, "event \(Horizon.format(epochSeconds: start))..\(Horizon.format(epochSeconds: end)) is outside the horizon "
                        + "\(horizon.label(0))..\(Horizon.format(epochSeconds: horizon.endEpochSeconds))")
                continue
            }
            if let previous = events.last, start < previous.endEpochSeconds {
                problem("start_utc", "event starting \(Horizon.format(epochSeconds: start)) overlaps or precedes the previous event "
                        + "(\(Horizon.format(epochSeconds: previous.startEpochSeconds))..\(Horizon.format(epochSeconds: previous.endEpochSeconds))); "
                        + "list events in time order without overlap")
                continue
            }
            events.append(.init(startEpochSeconds: start, endEpochSeconds: end))
        }
        return valid ? events : nil
    }

    /// `budget: {hours_per_year, events_per_year, duration_hours, rule, seed}`: the calendar is
    /// drawn here, once, on the loaded horizon (``EventCalendar``).
    private static func readBudget(_ reader: MappingReader, notice: Double, gridFeeds: [GridFeed],
                                   context: LoadContext) -> (events: [DemandResponseContract.Event], budget: DemandResponseContract.Budget)? {
        guard let budgetReader = reader.mapping("budget", allowedKeys: ["hours_per_year", "events_per_year", "duration_hours", "rule", "seed"]),
              let horizon = context.horizon else { return nil }
        let hours = budgetReader.number("hours_per_year", unit: "h", range: .above(0, atMost: 8784), required: true)
        let count = budgetReader.integer("events_per_year", range: .between(1, 8784), required: true)
        let duration = budgetReader.number("duration_hours", unit: "h", range: .above(0, atMost: 8784), required: true)
        let rule = budgetReader.has("rule")
            ? budgetReader.choice("rule", ["highest_price": DemandResponseContract.CalendarRule.highestPrice, "random": .random])
            : .highestPrice
        let seed = budgetReader.integer("seed", range: .between(0, 9_007_199_254_740_991), default: 0)
        guard let hours, let count, let duration, let rule, let seed else { return nil }
        let stepHours = horizon.stepHours
        let durationSteps = duration / stepHours
        guard durationSteps == durationSteps.rounded() else {
            budgetReader.report("duration_hours", "must be a whole number of \(horizon.stepMinutes)-minute steps, got \(formatNumber(duration))")
            return nil
        }
        if duration > hours {
            budgetReader.report("duration_hours", "one event (\(formatNumber(duration)) h) exceeds hours_per_year (\(formatNumber(hours)) h)")
            return nil
        }
        let budget = DemandResponseContract.Budget(hoursPerYear: hours, eventsPerYear: count, durationHours: duration, noticeHours: notice,
                                                   rule: rule, seed: UInt64(seed))
        let years = horizon.hours / InvestmentPolicy.hoursPerYear
        let wanted = EventCalendar.eventCount(budget, years: years)
        guard !gridFeeds.isEmpty else { return nil }
        let price = (0..<horizon.steps).map { step in gridFeeds.map { $0.importPriceUSDPerMWh[step] }.reduce(0, +) / Double(gridFeeds.count) }
        let earliest = Int((notice / stepHours).rounded(.up))
        let starts = EventCalendar.draw(count: wanted, durationSteps: Int(durationSteps), earliestStep: earliest, price: price,
                                        rule: rule, seed: UInt64(seed))
        if starts.count < wanted {
            context.warn(reader.keyPath("budget"), line: reader.line("budget"),
                         "the horizon has room for \(starts.count) of the \(wanted) events the budget allows")
        }
        if wanted == 0 {
            context.warn(reader.keyPath("budget"), line: reader.line("budget"),
                         "the budget allows no event in a horizon of \(formatNumber(horizon.hours)) h (min(events_per_year, hours_per_year / duration_hours) x \(formatNumber(years)) years rounds down to 0)")
        }
        let events = starts.map { start in
            DemandResponseContract.Event(startEpochSeconds: horizon.epochSeconds(start),
                                         endEpochSeconds: horizon.epochSeconds(start) + Int64(durationSteps) * horizon.stepSeconds)
        }
        return (events, budget)
    }
}
