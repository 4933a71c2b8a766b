import Foundation
import GRDB
import Scheduling

extension ResultsStore {
    /// The KPIs `distribution.csv` summarises, in its row order: what an outage study decides on.
    public static let distributionKPIs = [
        "objective_usd", "emissions_t", "inference_shed_mwh", "inference_shed_hours", "inference_served_share",
        "training_undelivered_mwh", "training_delivered_share", "smr_forced_outage_unit_hours", "smr_mwh",
        "grid_import_mwh", "backup_mwh", "peak_grid_import_mw",
    ]

    /// Override key paths that only choose an outage draw: scenarios differing in nothing else
    /// form one group of `distribution.csv`.
    public static let drawPaths: Set<String> = [BatchDefinition.OutageDraws.drawPath, BatchDefinition.OutageDraws.seedPath]

    /// `distribution.csv`: per group of scenarios that differ only in their outage draw
    /// (`smr.forced_outages.draw` and `.seed`), and per KPI of ``distributionKPIs``, the
    /// statistics of the finished scenarios that have a value (``OutcomeStatistics``). A batch
    /// that varies no draw is one group of all its scenarios.
    ///
    /// Columns: `group` (1-based, groups in the order of their first scenario), one column per
    /// override key path other than the draw's when the batch draws (the group's value), `scenarios` (finished
    /// scenarios in the group), `kpi`, `count` (of them, those with a value: the succeeded ones),
    /// `mean`, `std`, `min`, `p50`, `p90`, `p99`, `max` (empty when `count` is 0; `std` empty below 2).
    /// Values are summed in batch order, so the file is byte-identical whatever the number of
    /// workers, shards or resumes (docs/results-schema.md).
    public func distributionCSV() throws -> String {
        let metadata = try metadata()
        // A batch without draws is one group: the spread of its outcomes over everything it varies.
        let drawn = metadata.overridePaths.contains(where: Self.drawPaths.contains)
        let groupPaths = drawn ? metadata.overridePaths.filter { !Self.drawPaths.contains($0) } : []
        // A store written before a KPI existed has no column for it: that KPI is left out.
        let present = try database.read { db in Set(try db.columns(in: "scenario").map(\.name)) }
        let kpis = Self.distributionKPIs.filter(present.contains)
        struct Group {
            var values: [String]
            var scenarios = 0
            var samples: [[Double]]
        }
        var groups: [Group] = []
        var index: [[String]: Int] = [:]
        try database.read { db in
            var cells: [String: [String: String]] = [:]
            for row in try Row.fetchAll(db, sql: "SELECT scenario_id, path, value_text FROM scenario_override") {
                cells[row["scenario_id"], default: [:]][row["path"]] = row["value_text"]
            }
            let select = (["id"] + kpis).map(StoreColumns.quoted).joined(separator: ", ")
            let rows = try Row.fetchCursor(db, sql: "SELECT \(select) FROM scenario WHERE status <> 'pending' ORDER BY position, id")
            while let row = try rows.next() {
                let overrides = cells[row["id"]] ?? [:]
                let key = groupPaths.map { overrides[$0] ?? "" }
                let position: Int
                if let known = index[key] {
                    position = known
                } else {
                    position = groups.count
                    index[key] = position
                    groups.append(Group(values: key, samples: Array(repeating: [], count: kpis.count)))
                }
                groups[position].scenarios += 1
                for (column, name) in kpis.enumerated() {
                    let value = row[name] as DatabaseValue
                    if case .double(let number) = value.storage, number.isFinite { groups[position].samples[column].append(number) }
                    if case .int64(let number) = value.storage { groups[position].samples[column].append(Double(number)) }
                }
            }
        }
        let header = ["group"] + groupPaths + ["scenarios", "kpi", "count", "mean", "std", "min", "p50", "p90", "p99", "max"]
        var text = header.map(RunWriter.csvField).joined(separator: ",") + "\n"
        for (number, group) in groups.enumerated() {
            for (column, name) in kpis.enumerated() {
                var fields = [String(number + 1)] + group.values + [String(group.scenarios), name]
                if let statistics = OutcomeStatistics(group.samples[column]) {
                    fields.append(String(statistics.count))
                    fields += [statistics.mean, statistics.standardDeviation ?? .nan, statistics.minimum, statistics.p50,
                               statistics.p90, statistics.p99, statistics.maximum].map { $0.isNaN ? "" : CanonicalValue.format($0) }
                } else {
                    fields += ["0"] + Array(repeating: "", count: 7)
                }
                text += fields.map(RunWriter.csvField).joined(separator: ",") + "\n"
            }
        }
        return text
    }
}
