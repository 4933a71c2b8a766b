import Foundation
import Optimization
import Island

/// Writes a run's files into a folder so that each appears complete or not at all: every
/// file is written to a temporary name in the same folder and renamed into place.
public enum RunWriter {
    public struct Files: Sendable {
        public var dispatchCSV: String?
        public var jobsCSV: String?
        public var summaryJSON: String
        public var summaryCSV: String
        public var manifestJSON: String
        public var infeasibilityJSON: String?
    }

    /// The column order of `dispatch.csv` (see `docs/formulation.md`).
    public static let dispatchColumns = [
        "timestamp", "smr_mw", "grid_import_mw", "grid_export_mw", "solar_mw", "wind_mw", "battery_charge_mw",
        "battery_discharge_mw", "battery_soc_mwh", "backup_mw", "it_mw", "inference_mw", "inference_shed_mw", "training_mw",
        "idle_mw", "cooling_mw", "losses_mw", "curtailment_mw", "cop", "pue", "grid_carbon_g_per_kwh", "emissions_t",
        "cfe_share", "marginal_price_usd_per_mwh", "it_capacity_mw", "max_die_c", "dry_bulb_c",
        "dump_mw", "export_path_losses_mw", "it_marginal_cost_usd_per_mwh", "water_m3", "wue_l_per_kwh_it", "heat_reuse_mw", "heat_pump_mw",
        "inference_tokens_per_s", "inference_shed_tokens_per_s", "training_tokens_per_s", "inference_power_fraction",
        "training_power_fraction", "it_energy_cost_usd",
    ]

    public static func dispatchCSV(_ schedule: Schedule) -> String {
        var text = dispatchColumns.joined(separator: ",") + "\n"
        text.reserveCapacity(schedule.steps.count * 260)
        for step in schedule.steps {
            let values: [Double] = [
                step.smrMW, step.gridImportMW, step.gridExportMW, step.solarMW, step.windMW, step.batteryChargeMW,
                step.batteryDischargeMW, step.batterySOCMWh, step.backupMW, step.itMW, step.inferenceMW, step.inferenceShedMW,
                step.trainingMW, step.idleMW, step.coolingMW, step.lossesMW, step.curtailmentMW, step.cop, step.pue,
                step.gridCarbonGramsPerKWh, step.emissionsTonnes, step.cfeShare, step.marginalPriceUSDPerMWh, step.itCapacityMW,
            ]
            text += step.timestampUTC
            for value in values { text += "," + number(value) }
            text += "," + (step.maxDieC.map(number) ?? "")
            text += "," + (step.dryBulbC.map(number) ?? "")
            for value in [step.dumpMW, step.exportPathLossesMW, step.itMarginalCostUSDPerMWh, step.waterCubicMetres, step.wueLitresPerKWhIT,
                          step.heatReuseMW, step.heatPumpMW, step.inferenceTokensPerSecond, step.inferenceShedTokensPerSecond,
                          step.trainingTokensPerSecond, step.inferencePowerFraction, step.trainingPowerFraction, step.itEnergyCostUSD] {
                text += "," + number(value)
            }
            text += "\n"
        }
        return text
    }

    public static func jobsCSV(_ schedule: Schedule) -> String {
        var text = "job,required_mwh,delivered_mwh,undelivered_mwh,release_utc,deadline_utc,first_step_with_power,last_step_with_power,completion_utc,"
            + "starts,pauses,paused_hours,restart_energy_mwh,restart_cost_usd,"
            + "drawn_mwh,min_power_fraction,tokens,energy_per_token_j,cost_usd,cost_usd_per_million_tokens,emissions_t,emissions_g_per_thousand_tokens\n"
        for job in schedule.jobs {
            // Token figures are empty for a job without a token rate.
            let tokens = job.tokens.flatMap { $0 > 0 ? $0 : nil }
            let fields = [
                csvField(job.name), number(job.requiredMWh), number(job.deliveredMWh), number(job.undeliveredMWh),
                job.releaseUTC, job.deadlineUTC, job.firstStepWithPower ?? "", job.lastStepWithPower ?? "", job.completionUTC ?? "",
                String(job.starts), String(job.pauses.count), number(job.pauses.map(\.hours).reduce(0, +)),
                number(job.restartEnergyMWh), number(job.restartCostUSD),
                number(job.drawnMWh), number(job.minimumPowerFraction), job.tokens.map(number) ?? "",
                tokens.map { number(job.allocatedITEnergyMWh * 3.6e9 / $0) } ?? "", number(job.allocatedCostUSD),
                tokens.map { number(job.allocatedCostUSD * 1e6 / $0) } ?? "", number(job.allocatedEmissionsTonnes),
                tokens.map { number(job.allocatedEmissionsTonnes * 1e9 / $0) } ?? "",
            ]
            text += fields.joined(separator: ",") + "\n"
        }
        return text
    }

    /// Every pause of every job: `job,start_utc,end_utc,hours` (docs/results-schema.md).
    public static func pausesCSV(_ schedule: Schedule) -> String {
        var text = "job,start_utc,end_utc,hours\n"
        for pause in schedule.jobs.flatMap(\.pauses) {
            text += [csvField(pause.job), pause.startUTC, pause.endUTC, number(pause.hours)].joined(separator: ",") + "\n"
        }
        return text
    }

    /// `smr_outages.csv`: every SMR outage of the run, planned (`smr.outages`) and forced (the
    /// applied draw of `smr.forced_outages`): `unit,start_utc,end_utc,hours,kind`, in the order of
    /// `SMRFleet.outages`; nil when the site has neither (docs/results-schema.md).
    public static func smrOutagesCSV(_ site: Site) -> String? {
        guard let fleet = site.smr, !fleet.outages.isEmpty || fleet.forcedOutages?.draw != nil else { return nil }
        var text = "unit,start_utc,end_utc,hours,kind\n"
        for outage in fleet.outages {
            let hours = outage.endUTC.timeIntervalSince(outage.startUTC) / 3600
            text += [String(outage.unit), Horizon.format(outage.startUTC), Horizon.format(outage.endUTC), plainNumber(hours),
                     outage.kind.rawValue].joined(separator: ",") + "\n"
        }
        return text
    }

    /// One header row and one value row, keys sorted as in the JSON.
    public static func summaryCSV(_ summary: RunSummary) throws -> String {
        let data = try jsonEncoder().encode(summary)
        guard let object = try JSONSerialization.jsonObject(with: data) as? [String: Any] else { return "" }
        let keys = summaryColumnOrder(Array(object.keys))
        let values = keys.map { key -> String in
            switch object[key] {
            case let number as NSNumber:
                return plainNumber(number.doubleValue)
            case let text as String: return csvField(text)
            case let list as [Any]: return csvField(list.map { "\($0)" }.joined(separator: " | "))
            default: return ""
            }
        }
        return keys.joined(separator: ",") + "\n" + values.joined(separator: ",") + "\n"
    }

    /// The columns a reader looks at first, in this order: what ran, the objective, then the
    /// headline KPIs and the cost breakdown (`summary.csv` of a run and of a batch).
    public static let headlineColumns = [
        "site", "status", "message", "objective_usd", "emissions_t", "carbon_intensity_g_per_kwh_it", "cfe_score", "pue",
        "it_energy_mwh", "inference_served_share", "training_delivered_share", "inference_shed_mwh", "inference_shed_hours",
        "training_undelivered_mwh", "peak_grid_import_mw",
        "energy_cost_usd", "smr_cost_usd", "backup_cost_usd", "battery_throughput_cost_usd", "demand_charge_usd",
        "carbon_cost_usd", "lost_inference_penalty_usd", "undelivered_training_penalty_usd", "export_revenue_usd",
        "smr_mwh", "grid_import_mwh", "grid_export_mwh", "solar_mwh", "wind_mwh", "backup_mwh",
    ]

    /// `keys` with the headline columns first (those present), then the rest sorted, `_seconds` timings last.
    public static func summaryColumnOrder(_ keys: [String]) -> [String] {
        let present = Set(keys)
        let lead = headlineColumns.filter(present.contains)
        let rest = keys.filter { !headlineColumns.contains($0) }.sorted()
        return lead + rest.filter { !$0.hasSuffix("_seconds") } + rest.filter { $0.hasSuffix("_seconds") }
    }

    /// One number format for summaries: whole numbers bare, others in plain decimal (shortest
    /// form that reads back the same, never an exponent): `364`, `366.4`, `0.00001`.
    public static func plainNumber(_ value: Double) -> String {
        guard value.isFinite else { return value.isNaN ? "" : (value > 0 ? "inf" : "-inf") }
        if value == value.rounded(), abs(value) < 1e15 { return String(Int64(value)) }
        let shortest = "\(value)"
        guard shortest.contains("e") else { return shortest }
        var fixed = String(format: "%.17f", value)
        while fixed.hasSuffix("0") { fixed.removeLast() }
        if fixed.hasSuffix(".") { fixed.removeLast() }
        return fixed
    }

    public static func jsonEncoder() -> JSONEncoder {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        encoder.nonConformingFloatEncodingStrategy = .convertToString(positiveInfinity: "inf", negativeInfinity: "-inf", nan: "nan")
        return encoder
    }

    /// Writes every named file into `folder` (created if missing), each atomically.
    public static func write(_ files: [(name: String, contents: String)], into folder: URL) throws {
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let token = "\(ProcessInfo.processInfo.processIdentifier)-\(UUID().uuidString.prefix(8))"
        var staged: [(URL, URL)] = []
        do {
            for file in files {
                StaleTemporaries.remove(name: file.name, in: folder)
                let target = folder.appendingPathComponent(file.name)
                let temporary = folder.appendingPathComponent(".\(file.name).\(token).tmp")
                // Staged before the write: a write that fails part-way (a full disk) leaves a partial file to remove.
                staged.append((temporary, target))
                try Data(file.contents.utf8).write(to: temporary)
            }
        } catch {
            for (temporary, _) in staged { try? FileManager.default.removeItem(at: temporary) }
            throw error
        }
        for (temporary, target) in staged where rename(temporary.path, target.path) != 0 {
            let reason = String(cString: strerror(errno))
            for (leftover, _) in staged { try? FileManager.default.removeItem(at: leftover) }
            throw CocoaError(.fileWriteUnknown, userInfo: [NSFilePathErrorKey: target.path, NSLocalizedDescriptionKey: reason])
        }
    }

    static func number(_ value: Double) -> String {
        guard value.isFinite else { return value.isNaN ? "" : (value > 0 ? "inf" : "-inf") }
        if value == value.rounded(), abs(value) < 1e15 { return String(Int64(value)) }
        return String(format: "%.6f", value)
    }

    /// Quotes a CSV field when it holds a separator, quote or newline.
    public static func csvField(_ text: String) -> String {
        guard text.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" }) else { return text }
        return "\"" + text.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }
}
