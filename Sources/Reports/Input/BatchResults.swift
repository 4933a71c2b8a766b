import Foundation
import Island
import Scheduling

/// A batch folder's `summary.csv`, split into its parts.
///
/// The contract (written by `insula batch run`): `scenario_id,scenario_name,status,message`, then
/// one column per override key path (e.g. `batteries[0].energy_mwh`), then the KPI columns of a
/// single run's `summary.csv`, then timing columns ending in `_seconds`.
public struct BatchResults: Sendable {
    public struct Scenario: Sendable, Equatable {
        public var id: String
        public var name: String
        public var status: String
        public var message: String
        /// Override values by key path, in column order.
        public var parameters: [SummaryValue]
        /// KPI and timing values by column name (empty cells are absent).
        public var values: [String: Double]

        /// True when the scenario has results to plot.
        public var succeeded: Bool { status == "optimal" && values["objective_usd"] != nil }
    }

    public static let leadingColumns = ["scenario_id", "scenario_name", "status", "message"]

    public var folder: URL
    /// Swept key paths, in column order.
    public var parameterNames: [String]
    /// Result columns (KPIs, then timings), in column order.
    public var valueNames: [String]
    public var scenarios: [Scenario]
    /// `build_plans.csv` of a batch of capacity plans: each plan scenario's sized dimensions, by
    /// scenario id (empty for a batch of operating runs).
    public var buildPlans: [String: [BuildPlan.Dimension]] = [:]

    /// True when `folder/summary.csv` starts with `scenario_id`.
    public static func isBatchFolder(_ folder: URL) -> Bool {
        guard let data = FileManager.default.contents(atPath: folder.appendingPathComponent("summary.csv").path) else { return false }
        let start = data.prefix(64)
        return String(decoding: start, as: UTF8.self).trimmingCharacters(in: CharacterSet(charactersIn: "\u{FEFF}")).hasPrefix("scenario_id,")
    }

    /// Tells swept parameters from results: the first column after the leading four that a run's
    /// summary can hold (or a timing column) starts the results.
    static func isResultColumn(_ name: String) -> Bool {
        RunSummary.columnNames.contains(name) || name.hasSuffix("_seconds")
    }

    public static func read(folder: URL) throws(ReportInputError) -> BatchResults {
        let url = folder.appendingPathComponent("summary.csv")
        let table = try NumericTable(url: url, display: url.relativePath)
        let header = table.table.header
        guard Array(header.prefix(4)) == leadingColumns else {
            throw ReportInputError(file: table.file, line: 1,
                                   "a batch summary starts with \(leadingColumns.joined(separator: ",")); found \(header.prefix(4).joined(separator: ","))")
        }
        let firstResult = header.indices.dropFirst(4).first { isResultColumn(header[$0]) } ?? header.count
        let parameterNames = Array(header[4..<firstResult])
        let valueNames = Array(header[firstResult...])
        guard valueNames.contains("objective_usd"), valueNames.contains("emissions_t") else {
            throw ReportInputError(file: table.file, line: 1, "needs the KPI columns objective_usd and emissions_t")
        }
        var scenarios: [Scenario] = []
        for (row, fields) in table.table.rows.enumerated() {
            guard fields.count == header.count else {
                throw table.cellError(header[min(fields.count, header.count - 1)], row,
                                      "row has \(fields.count) fields; the header has \(header.count)")
            }
            var values: [String: Double] = [:]
            for (offset, name) in valueNames.enumerated() {
                let text = fields[firstResult + offset].trimmingCharacters(in: .whitespaces)
                if text.isEmpty { continue }
                // Text results (e.g. method) are not plotted.
                if let value = Double(text) { values[name] = value }
            }
            let status = fields[2]
            if status == "optimal" {
                for name in ["objective_usd", "emissions_t"] where values[name] == nil {
                    throw table.cellError(name, row, "an optimal scenario needs a number here")
                }
            }
            scenarios.append(Scenario(id: fields[0], name: fields[1], status: status, message: fields[3],
                                      parameters: fields[4..<firstResult].map(SummaryValue.init(cell:)), values: values))
        }
        guard !scenarios.isEmpty else { throw ReportInputError(file: table.file, "has no scenarios") }
        var batch = BatchResults(folder: folder, parameterNames: parameterNames, valueNames: valueNames, scenarios: scenarios)
        batch.buildPlans = try readBuildPlans(folder: folder, scenarioIDs: scenarios.map(\.id))
        return batch
    }

    /// `build_plans.csv` (`scenario_id, scenario_name`, then `build_plan.csv`'s columns), when present.
    static func readBuildPlans(folder: URL, scenarioIDs: [String]) throws(ReportInputError) -> [String: [BuildPlan.Dimension]] {
        let url = folder.appendingPathComponent("build_plans.csv")
        guard FileManager.default.fileExists(atPath: url.path) else { return [:] }
        let table = try NumericTable(url: url, display: url.relativePath)
        guard Array(table.table.header.prefix(2)) == ["scenario_id", "scenario_name"] else {
            throw ReportInputError(file: table.file, line: 1, "starts with scenario_id,scenario_name; found \(table.table.header.prefix(2).joined(separator: ","))")
        }
        let dimensions = try BuildPlan.rows(of: table)
        let ids = try table.strings("scenario_id")
        var plans: [String: [BuildPlan.Dimension]] = [:]
        var seen: [String: Int] = [:]
        for (row, id) in ids.enumerated() {
            guard scenarioIDs.contains(id) else {
                throw table.cellError("scenario_id", row, "scenario \"\(id)\" is not in summary.csv")
            }
            let dimension = dimensions[row]
            let key = id + "/" + (dimension.period ?? "") + "/" + dimension.key
            if let first = seen[key] {
                throw table.cellError("dimension", row, "\(dimension.asset) \(dimension.name) \(dimension.dimension) is sized twice for scenario \(id) (first in row \(first + 1))")
            }
            seen[key] = row
            plans[id, default: []].append(dimension)
        }
        return plans
    }
}
