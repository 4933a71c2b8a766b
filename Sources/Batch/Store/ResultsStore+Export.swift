import Foundation
import GRDB
import Scheduling

extension ResultsStore {
    /// `summary.csv`: one row per finished scenario in batch order.
    ///
    /// Columns: `scenario_id,scenario_name,status,message`, one column per override key path
    /// (the value this scenario sets, empty if none), the KPI columns of the single-run
    /// `summary.csv` (empty for failed scenarios), then the timing columns (`*_seconds`).
    /// Everything but the timings depends only on the scenarios' results, so the file is
    /// byte-identical whatever the number of workers, shards or resumes; `includeTimings:
    /// false` leaves the timing columns out.
    public func summaryCSV(includeTimings: Bool = true) throws -> String {
        let tables = try summaryTables()
        return includeTimings ? tables.withTimings : tables.withoutTimings
    }

    /// `summary.csv` with and without its timing columns, in one pass over the store.
    func summaryTables() throws -> (withTimings: String, withoutTimings: String) {
        let metadata = try metadata()
        let head = (StoreColumns.identity + metadata.overridePaths + StoreColumns.kpis).map(RunWriter.csvField).joined(separator: ",")
        var withTimings = head + "," + StoreColumns.timings.joined(separator: ",") + "\n"
        var withoutTimings = head + "\n"
        let select = (["id", "name", "status", "message"] + StoreColumns.kpis + StoreColumns.timings)
            .map(StoreColumns.quoted).joined(separator: ", ")
        try database.read { db in
            var cells: [String: [String: String]] = [:]
            for row in try Row.fetchAll(db, sql: "SELECT scenario_id, path, value_text FROM scenario_override") {
                cells[row["scenario_id"], default: [:]][row["path"]] = row["value_text"]
            }
            let rows = try Row.fetchCursor(db, sql: "SELECT \(select) FROM scenario WHERE status <> 'pending' ORDER BY position, id")
            while let row = try rows.next() {
                var fields: [String] = [row["id"], row["name"], row["status"], (row["message"] as String?) ?? ""]
                let overrides = cells[row["id"]] ?? [:]
                for path in metadata.overridePaths { fields.append(overrides[path] ?? "") }
                for column in StoreColumns.kpis { fields.append(Self.cell(row[column] as DatabaseValue)) }
                let line = fields.map(RunWriter.csvField).joined(separator: ",")
                withoutTimings += line + "\n"
                withTimings += line + "," + StoreColumns.timings.map { Self.cell(row[$0] as DatabaseValue) }.joined(separator: ",") + "\n"
            }
        }
        return (withTimings, withoutTimings)
    }

    /// The `dispatch.csv` of one scenario, rebuilt from its stored steps (the same columns and
    /// number format as `insula solve`), or nil when it has no schedule.
    public func dispatchCSV(scenarioID: String) throws -> String? {
        let names = ["timestamp"] + StoreColumns.stepValues
        return try database.read { db in
            let rows = try Row.fetchCursor(db, sql: "SELECT \(names.map(StoreColumns.quoted).joined(separator: ", ")) FROM step WHERE scenario_id = ? ORDER BY step",
                                           arguments: [scenarioID])
            var text = RunWriter.dispatchColumns.joined(separator: ",") + "\n"
            var count = 0
            while let row = try rows.next() {
                var fields: [String] = [try stepText(row, "timestamp", scenario: scenarioID, step: count)]
                for name in StoreColumns.stepValues {
                    let value = try stepNumber(row, name, scenario: scenarioID, step: count)
                    fields.append(value.map(Self.dispatchNumber) ?? "")
                }
                text += fields.joined(separator: ",") + "\n"
                count += 1
            }
            return count == 0 ? nil : text
        }
    }

    /// Ids of finished scenarios with a stored schedule, in batch order.
    public func scenariosWithSteps() throws -> [String] {
        try database.read { db in
            try String.fetchAll(db, sql: "SELECT id FROM scenario WHERE id IN (SELECT DISTINCT scenario_id FROM step) ORDER BY position, id")
        }
    }

    /// Writes `summary.csv`, `summary-no-timings.csv`, `distribution.csv`, `build_plans.csv` (plans
    /// only) and, with `dispatch`, `scenarios/ID/dispatch.csv` into `folder`, atomically.
    public func export(to folder: URL, includeTimings: Bool = true, dispatch: Bool = false) throws {
        let tables = try summaryTables()
        var files: [(name: String, contents: String)] = [("summary.csv", includeTimings ? tables.withTimings : tables.withoutTimings)]
        if includeTimings {
            // The same table without its timing columns, for byte-for-byte comparisons.
            files.append(("summary-no-timings.csv", tables.withoutTimings))
        }
        // Outcomes over outage draws (one group of everything in a batch without draws).
        files.append(("distribution.csv", try distributionCSV()))
        if let plans = try buildPlansCSV() { files.append(("build_plans.csv", plans)) }
        try RunWriter.write(files, into: folder)
        guard dispatch else { return }
        for id in try scenariosWithSteps() {
            guard let csv = try dispatchCSV(scenarioID: id) else { continue }
            try RunWriter.write([("dispatch.csv", csv)], into: folder.appendingPathComponent("scenarios").appendingPathComponent(id))
        }
    }

    /// `build_plans.csv`: every plan scenario's capacities (`build_plan.csv`'s columns after the
    /// scenario's id and name), in scenario order; nil when no scenario planned capacity.
    public func buildPlansCSV() throws -> String? {
        try database.read { db in
            let names = ["asset", "name", "dimension"] + StoreColumns.capacityNumbers
            let rows = try Row.fetchAll(db, sql: """
                SELECT s.id AS scenario_id, s.name AS scenario_name, \(names.map { "c.\(StoreColumns.quoted($0))" }.joined(separator: ", "))
                FROM capacity c JOIN scenario s ON s.id = c.scenario_id ORDER BY s.position, s.id, c.ordinal
                """)
            guard !rows.isEmpty else { return nil }
            var text = (["scenario_id", "scenario_name"] + names).joined(separator: ",") + "\n"
            for row in rows {
                var fields = [RunWriter.csvField(row["scenario_id"] as String), RunWriter.csvField(row["scenario_name"] as String)]
                fields += ["asset", "name", "dimension"].map { RunWriter.csvField(row[$0] as String) }
                fields += StoreColumns.capacityNumbers.map { Self.dispatchNumber(row[$0] as Double) }
                text += fields.joined(separator: ",") + "\n"
            }
            return text
        }
    }

    /// A CSV cell for a stored value: numbers in their shortest round-trip form.
    static func cell(_ value: DatabaseValue) -> String {
        switch value.storage {
        case .null, .blob: return ""
        case .int64(let integer): return String(integer)
        case .double(let double): return CanonicalValue.format(double)
        case .string(let string): return string
        }
    }

    /// `dispatch.csv`'s number format (as `RunWriter`): whole numbers bare, others with 6 decimals.
    static func dispatchNumber(_ value: Double) -> String {
        guard value.isFinite else { return value.isNaN ? "" : (value > 0 ? "inf" : "-inf") }
        if value == value.rounded(), abs(value) < 1e15 { return String(Int64(value)) }
        return String(format: "%.6f", value)
    }
}
