import Foundation
import Scheduling

/// Column names of the results store and of `summary.csv` (see `docs/results-schema.md`).
public enum StoreColumns {
    /// KPI columns: exactly the names of the single-run `summary.csv`, ordered as there (headline first).
    public static let kpis: [String] = {
        guard let data = try? JSONEncoder().encode(KPIs()),
              let object = try? JSONSerialization.jsonObject(with: data) as? [String: Any] else {
            preconditionFailure("KPIs must encode to a flat JSON object")
        }
        return RunWriter.summaryColumnOrder(Array(object.keys))
    }()

    /// Timing columns, last in `summary.csv` (all end in `_seconds`; they vary run to run).
    public static let timings = ["build_seconds", "load_seconds", "solve_seconds", "total_seconds"]

    /// The leading columns of `summary.csv`.
    public static let identity = ["scenario_id", "scenario_name", "status", "message"]

    /// Per-step series: the columns of `dispatch.csv` after `timestamp`.
    public static let stepValues: [String] = Array(RunWriter.dispatchColumns.dropFirst())

    /// Descriptive columns of the `scenario` table besides identity, KPIs and timings.
    static let runFields: [(name: String, type: String)] = [
        ("method", "TEXT"), ("iterations", "INTEGER"), ("rows", "INTEGER"), ("columns", "INTEGER"),
        ("nonzeros", "INTEGER"), ("steps", "INTEGER"), ("warm_start", "INTEGER"), ("inputs_sha256", "TEXT"),
        ("insula_version", "TEXT"), ("glpk_version", "TEXT"), ("finished_utc", "TEXT"),
    ]

    /// Number columns of the `capacity` table: `build_plan.csv`'s after asset, name, dimension.
    public static let capacityNumbers = ["existing", "added", "installed", "capex_usd", "annualised_capex_usd_per_year",
                                         "fixed_om_usd_per_year", "horizon_cost_usd"]

    /// A capacity's numbers in ``capacityNumbers`` order.
    static func capacityValues(_ capacity: InstalledCapacity) -> [Double] {
        [capacity.existing, capacity.added, capacity.installed, capacity.capexUSD, capacity.annualisedCapexUSDPerYear,
         capacity.fixedOMUSDPerYear, capacity.horizonCostUSD]
    }

    /// `"name"`: every identifier is quoted (`rows` and `columns` are SQL words).
    static func quoted(_ name: String) -> String { "\"" + name + "\"" }
}
