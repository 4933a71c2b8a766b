import Foundation
import Island

/// What `insula solve` wrote into a run folder, read back for a report.
public struct RunResults: Sendable {
    /// One row of `jobs.csv`.
    public struct Job: Sendable, Equatable {
        public var name: String
        public var requiredMWh: Double
        public var deliveredMWh: Double
        public var releaseEpochSeconds: Int64
        public var deadlineEpochSeconds: Int64
        public var firstPowerEpochSeconds: Int64?
        public var lastPowerEpochSeconds: Int64?
        public var completionEpochSeconds: Int64?
    }

    /// `dispatch.csv` as columns: each power in MW, SoC in MWh, intensity in g/kWh, price in USD/MWh.
    public struct Dispatch: Sendable {
        /// Start of each step, UTC epoch seconds.
        public var epochSeconds: [Int64]
        public var stepSeconds: Int64
        /// Every numeric column by header; empty cells (e.g. `max_die_c` without a thermal check) are NaN.
        public var columns: [String: [Double]]

        public func column(_ name: String) -> [Double] { columns[name] ?? [] }

        /// True when the column exists and has at least one value.
        public func hasValues(_ name: String) -> Bool { columns[name]?.contains { !$0.isNaN } ?? false }
    }

    public var folder: URL
    /// `summary.json`: numbers and strings by key (flat, snake_case).
    public var summary: [String: SummaryValue]
    /// Nil when the solve found no schedule (infeasible, unbounded, solver limit without a point).
    public var dispatch: Dispatch?
    public var jobs: [Job]
    /// `build_plan.csv` of a capacity plan (`insula plan`); nil for an operating run.
    public var buildPlan: BuildPlan?
    /// `plan_candidates.csv`, when the plan enumerated SMR module counts.
    public var candidates: PlanCandidates?

    /// Columns a run report needs from `dispatch.csv` (older runs without `dry_bulb_c` still report).
    static let requiredDispatchColumns = [
        "smr_mw", "grid_import_mw", "grid_export_mw", "solar_mw", "wind_mw", "battery_charge_mw", "battery_discharge_mw",
        "battery_soc_mwh", "backup_mw", "it_mw", "inference_mw", "training_mw", "cooling_mw", "losses_mw", "cop", "pue",
        "grid_carbon_g_per_kwh",
    ]
    static let optionalDispatchColumns = ["marginal_price_usd_per_mwh", "max_die_c", "dry_bulb_c", "inference_shed_mw",
                                          "idle_mw", "curtailment_mw", "emissions_t", "cfe_share", "it_capacity_mw"]

    /// Reads `summary.json`, and `dispatch.csv`, `jobs.csv`, `build_plan.csv` and
    /// `plan_candidates.csv` when present.
    /// - Throws: `ReportInputError` naming the file, column and row of the first problem.
    public static func read(folder: URL) throws(ReportInputError) -> RunResults {
        let summaryURL = folder.appendingPathComponent("summary.json")
        let summary = try SummaryValue.readObject(url: summaryURL, display: display(summaryURL))
        let dispatchURL = folder.appendingPathComponent("dispatch.csv")
        var dispatch: Dispatch?
        if FileManager.default.fileExists(atPath: dispatchURL.path) {
            dispatch = try readDispatch(url: dispatchURL)
        }
        let jobsURL = folder.appendingPathComponent("jobs.csv")
        let jobs = FileManager.default.fileExists(atPath: jobsURL.path) ? try readJobs(url: jobsURL) : []
        let (buildPlan, candidates) = try readPlan(folder: folder)
        return RunResults(folder: folder, summary: summary, dispatch: dispatch, jobs: jobs, buildPlan: buildPlan, candidates: candidates)
    }

    /// `build_plan.csv` and `plan_candidates.csv` of `folder` (candidates only beside a build plan).
    static func readPlan(folder: URL) throws(ReportInputError) -> (BuildPlan?, PlanCandidates?) {
        let planURL = folder.appendingPathComponent("build_plan.csv")
        guard FileManager.default.fileExists(atPath: planURL.path) else { return (nil, nil) }
        let plan = try BuildPlan.read(url: planURL)
        let candidatesURL = folder.appendingPathComponent("plan_candidates.csv")
        let candidates = FileManager.default.fileExists(atPath: candidatesURL.path) ? try PlanCandidates.read(url: candidatesURL) : nil
        return (plan, candidates)
    }

    public func number(_ key: String) -> Double? { summary[key]?.number }
    public func text(_ key: String) -> String? { summary[key]?.text }

    static func display(_ url: URL) -> String { url.relativePath }

    static func readDispatch(url: URL) throws(ReportInputError) -> Dispatch {
        let table = try NumericTable(url: url, display: display(url))
        guard table.rowCount > 0 else { throw ReportInputError(file: table.file, "has no data rows") }
        let stamps = try table.strings("timestamp")
        var epochs: [Int64] = []
        epochs.reserveCapacity(stamps.count)
        for (row, text) in stamps.enumerated() {
            guard let epoch = Timestamps.epochSeconds(text) else {
                throw table.cellError("timestamp", row, "cannot read timestamp \"\(text)\" (expected e.g. 2025-07-14T00:00Z)")
            }
            if let previous = epochs.last, epoch <= previous {
                throw table.cellError("timestamp", row, "timestamps must increase (\(text) follows \(stamps[row - 1]))")
            }
            epochs.append(epoch)
        }
        var columns: [String: [Double]] = [:]
        for name in requiredDispatchColumns {
            columns[name] = try table.numbers(name, optional: name == "grid_carbon_g_per_kwh").map { $0 ?? .nan }
        }
        for name in optionalDispatchColumns where table.has(name) {
            columns[name] = try table.numbers(name, optional: true).map { $0 ?? .nan }
        }
        let step = epochs.count > 1 ? epochs[1] - epochs[0] : 3600
        return Dispatch(epochSeconds: epochs, stepSeconds: step, columns: columns)
    }

    static func readJobs(url: URL) throws(ReportInputError) -> [Job] {
        let table = try NumericTable(url: url, display: display(url))
        let names = try table.strings("job")
        let required = try table.requiredNumbers("required_mwh")
        let delivered = try table.requiredNumbers("delivered_mwh")
        func times(_ column: String, optional: Bool) throws(ReportInputError) -> [Int64?] {
            var values: [Int64?] = []
            for (row, text) in try table.strings(column).enumerated() {
                if text.isEmpty {
                    guard optional else { throw table.cellError(column, row, "empty cell") }
                    values.append(nil)
                } else if let epoch = Timestamps.epochSeconds(text) {
                    values.append(epoch)
                } else {
                    throw table.cellError(column, row, "cannot read timestamp \"\(text)\"")
                }
            }
            return values
        }
        let release = try times("release_utc", optional: false), deadline = try times("deadline_utc", optional: false)
        let first = try times("first_step_with_power", optional: true), last = try times("last_step_with_power", optional: true)
        let completion = try times("completion_utc", optional: true)
        return names.indices.map {
            Job(name: names[$0], requiredMWh: required[$0], deliveredMWh: delivered[$0], releaseEpochSeconds: release[$0]!,
                deadlineEpochSeconds: deadline[$0]!, firstPowerEpochSeconds: first[$0], lastPowerEpochSeconds: last[$0],
                completionEpochSeconds: completion[$0])
        }
    }
}

/// A flat JSON or CSV value: a number or text.
public enum SummaryValue: Sendable, Equatable {
    case number(Double)
    case text(String)

    public var number: Double? { if case .number(let value) = self { value } else { nil } }
    public var text: String? {
        switch self {
        case .text(let value): value
        case .number(let value): String(value)
        }
    }

    /// A CSV cell: a number when it reads as one, else text.
    init(cell: String) {
        if let value = Double(cell.trimmingCharacters(in: .whitespaces)) { self = .number(value) } else { self = .text(cell) }
    }

    static func readObject(url: URL, display: String) throws(ReportInputError) -> [String: SummaryValue] {
        guard let data = FileManager.default.contents(atPath: url.path) else {
            throw ReportInputError(file: display, "file not found or unreadable")
        }
        guard let object = (try? JSONSerialization.jsonObject(with: data)) as? [String: Any] else {
            throw ReportInputError(file: display, "not a JSON object")
        }
        var values: [String: SummaryValue] = [:]
        for (key, value) in object {
            switch value {
            case let number as NSNumber: values[key] = .number(number.doubleValue)
            case let text as String: values[key] = Double(text).map(SummaryValue.number) ?? .text(text)
            default: continue
            }
        }
        return values
    }
}
