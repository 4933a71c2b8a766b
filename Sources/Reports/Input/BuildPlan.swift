import Foundation

/// A capacity plan's `build_plan.csv` (docs/planning.md, "Outputs"), read strictly: one row per
/// sized dimension, every number present and finite, capacities not negative and `installed`
/// equal to `existing + added`.
///
/// An optional `period` column (a multi-period build-out) is kept as text; without it the plan
/// has one period.
public struct BuildPlan: Sendable {
    /// One row: a sized dimension of an asset. Capacities are in the dimension's unit (`units`:
    /// modules, `power_mw`: MW, `energy_mwh`: MWh); costs in USD.
    public struct Dimension: Sendable, Equatable {
        public var period: String?
        /// `smr`, `grid_feed`, `renewable`, `battery`, `backup`.
        public var asset: String
        /// The component's name in the site.
        public var name: String
        /// `units`, `power_mw` or `energy_mwh`.
        public var dimension: String
        public var existing: Double
        public var added: Double
        public var installed: Double
        /// Overnight capital of what is added.
        public var capexUSD: Double
        public var annualisedCapexUSDPerYear: Double
        public var fixedOMUSDPerYear: Double
        /// (Annualised capex + fixed O&M) x horizon years: the objective's share.
        public var horizonCostUSD: Double

        /// Asset, name and dimension: what a row sizes, whatever the period.
        public var key: String { "\(asset)/\(name)/\(dimension)" }
    }

    /// The columns every `build_plan.csv` has (`insula plan`'s `PlanFiles.buildPlanColumns`).
    public static let columns = [
        "asset", "name", "dimension", "existing", "added", "installed", "capex_usd", "annualised_capex_usd_per_year",
        "fixed_om_usd_per_year", "horizon_cost_usd",
    ]
    static let periodColumn = "period"
    /// `installed` may differ from `existing + added` by this much (the file writes six decimals).
    static let absoluteTolerance = 1e-5
    static let relativeTolerance = 1e-6

    /// The file as named in messages.
    public var file: String
    public var dimensions: [Dimension]

    /// True when the file has a `period` column.
    public var hasPeriods: Bool { dimensions.contains { $0.period != nil } }

    /// Periods in the order they first appear (one `nil` period without the column).
    public var periods: [String?] {
        var seen: [String?] = []
        for dimension in dimensions where !seen.contains(dimension.period) { seen.append(dimension.period) }
        return seen
    }

    /// Reads `folder/build_plan.csv`.
    /// - Throws: `ReportInputError` with the file, column and row of the first problem.
    public static func read(url: URL) throws(ReportInputError) -> BuildPlan {
        let table = try NumericTable(url: url, display: RunResults.display(url))
        guard table.rowCount > 0 else { throw ReportInputError(file: table.file, "has no data rows (a plan sizes at least one dimension)") }
        let dimensions = try rows(of: table)
        var seen: [String: Int] = [:]
        for (row, dimension) in dimensions.enumerated() {
            let key = (dimension.period.map { "\($0)/" } ?? "") + dimension.key
            if let first = seen[key] {
                throw table.cellError("dimension", row, "\(dimension.asset) \(dimension.name) \(dimension.dimension) is sized twice"
                                      + (dimension.period.map { " in period \($0)" } ?? "") + " (first in row \(first + 1))")
            }
            seen[key] = row
        }
        return BuildPlan(file: table.file, dimensions: dimensions)
    }

    /// The plan rows of `table` (a `build_plan.csv`, or a batch's `build_plans.csv` with its
    /// scenario columns first), checked cell by cell.
    static func rows(of table: NumericTable) throws(ReportInputError) -> [Dimension] {
        let header = table.table.header
        for column in columns where !header.contains(column) {
            throw ReportInputError(file: table.file, line: 1,
                                   "no column \"\(column)\"; a build plan has \(columns.joined(separator: ", ")) (and optionally period)")
        }
        for (row, fields) in table.table.rows.enumerated() where fields.count != header.count {
            throw table.cellError(header[min(fields.count, header.count - 1)], row,
                                  "row has \(fields.count) fields; the header has \(header.count)")
        }
        func text(_ column: String) throws(ReportInputError) -> [String] {
            let values = try table.strings(column).map { $0.trimmingCharacters(in: .whitespaces) }
            if let row = values.firstIndex(where: \.isEmpty) { throw table.cellError(column, row, "empty cell") }
            return values
        }
        func finite(_ column: String, notNegative: Bool) throws(ReportInputError) -> [Double] {
            let values = try table.requiredNumbers(column)
            for (row, value) in values.enumerated() {
                guard value.isFinite else { throw table.cellError(column, row, "not a finite number (\(value))") }
                if notNegative, value < 0 { throw table.cellError(column, row, "a capacity cannot be negative (\(value))") }
            }
            return values
        }
        let periods: [String]? = header.contains(periodColumn) ? try text(periodColumn) : nil
        let assets = try text("asset"), names = try text("name"), kinds = try text("dimension")
        let existing = try finite("existing", notNegative: true), added = try finite("added", notNegative: true)
        let installed = try finite("installed", notNegative: true)
        let capex = try finite("capex_usd", notNegative: false)
        let annualised = try finite("annualised_capex_usd_per_year", notNegative: false)
        let fixedOM = try finite("fixed_om_usd_per_year", notNegative: false)
        let horizon = try finite("horizon_cost_usd", notNegative: false)
        var dimensions: [Dimension] = []
        for row in assets.indices {
            let sum = existing[row] + added[row]
            if abs(installed[row] - sum) > absoluteTolerance + relativeTolerance * max(abs(installed[row]), abs(sum)) {
                throw table.cellError("installed", row, "installed (\(installed[row])) is not existing + added (\(existing[row]) + \(added[row]))")
            }
            dimensions.append(Dimension(period: periods?[row], asset: assets[row], name: names[row], dimension: kinds[row],
                                        existing: existing[row], added: added[row], installed: installed[row], capexUSD: capex[row],
                                        annualisedCapexUSDPerYear: annualised[row], fixedOMUSDPerYear: fixedOM[row],
                                        horizonCostUSD: horizon[row]))
        }
        return dimensions
    }
}
