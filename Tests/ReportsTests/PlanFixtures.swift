import Foundation
@testable import Reports

/// Plan folders in the contract of `insula plan` (docs/planning.md, "Outputs"), written by hand
/// so every number is known.
enum PlanFixtures {
    /// One row of `build_plan.csv`: capacities in the dimension's unit, costs in USD (per year where named so).
    struct Row {
        var period: String? = nil
        var asset: String, name: String, dimension: String
        var existing: Double, added: Double
        var capexUSD: Double, annualisedUSDPerYear: Double, fixedOMUSDPerYear: Double
    }

    /// The week of `example-week`: 168 hours.
    static let horizonYears = 168.0 / 8760

    /// Two SMR modules exist and one is added; a grid upgrade, solar and a battery sized apart.
    static let rows: [Row] = [
        Row(asset: "smr", name: "smr", dimension: "units", existing: 2, added: 1, capexUSD: 770_000_000, annualisedUSDPerYear: 59_000_000,
            fixedOMUSDPerYear: 27_720_000),
        Row(asset: "grid_feed", name: "utility", dimension: "power_mw", existing: 200, added: 35.5, capexUSD: 5_325_000,
            annualisedUSDPerYear: 399_412.25, fixedOMUSDPerYear: 0),
        Row(asset: "renewable", name: "solar", dimension: "power_mw", existing: 150, added: 215.276166, capexUSD: 236_803_782.6,
            annualisedUSDPerYear: 19_083_165.17, fixedOMUSDPerYear: 7_305_523.32),
        Row(asset: "battery", name: "bess", dimension: "power_mw", existing: 0, added: 219.256768, capexUSD: 54_814_192,
            annualisedUSDPerYear: 6_018_303.63, fixedOMUSDPerYear: 2_192_567.68),
        Row(asset: "battery", name: "bess", dimension: "energy_mwh", existing: 0, added: 242.943787, capexUSD: 60_735_946.75,
            annualisedUSDPerYear: 6_668_480.47, fixedOMUSDPerYear: 0),
    ]

    /// The module counts tried: 3 is the plan, 5 hit the time limit.
    static let candidateDeltasUSD: [(units: Int, status: String, delta: Double?)] = [
        (2, "optimal", 118_250.7), (3, "optimal", 0), (4, "optimal", 307_912.25), (5, "time_limit", nil),
    ]

    static func buildPlanCSV(_ rows: [Row]) -> String {
        let periods = rows.contains { $0.period != nil }
        var text = (periods ? "period," : "") + BuildPlan.columns.joined(separator: ",") + "\n"
        for row in rows {
            let horizon = (row.annualisedUSDPerYear + row.fixedOMUSDPerYear) * horizonYears
            let numbers = [row.existing, row.added, row.existing + row.added, row.capexUSD, row.annualisedUSDPerYear, row.fixedOMUSDPerYear, horizon]
            text += (periods ? "\(row.period ?? ""),"  : "") + "\(row.asset),\(row.name),\(row.dimension),"
                + numbers.map { String(format: "%.6f", $0) }.joined(separator: ",") + "\n"
        }
        return text
    }

    /// `summary.json` of the solved week with a plan's capital and fixed O&M added to its objective.
    static func planSummary(rows: [Row]) throws -> [String: Any] {
        let data = try Data(contentsOf: ReportFixtures.weekRun.appendingPathComponent("summary.json"))
        var summary = try JSONSerialization.jsonObject(with: data) as! [String: Any]
        let annualised = rows.map(\.annualisedUSDPerYear).reduce(0, +) * horizonYears
        let fixedOM = rows.map(\.fixedOMUSDPerYear).reduce(0, +) * horizonYears
        summary["annualised_capex_usd"] = annualised
        summary["fixed_om_usd"] = fixedOM
        summary["objective_usd"] = (summary["objective_usd"] as! Double) + annualised + fixedOM
        return summary
    }

    static func write(_ text: String, _ name: String, in folder: URL) throws {
        try text.write(to: folder.appendingPathComponent(name), atomically: true, encoding: .utf8)
    }

    static func writeJSON(_ object: Any, _ name: String, in folder: URL) throws {
        let data = try JSONSerialization.data(withJSONObject: object, options: [.prettyPrinted, .sortedKeys])
        try data.write(to: folder.appendingPathComponent(name))
    }

    /// A plan's run folder: the solved week's dispatch and jobs, its summary with the plan's
    /// costs, `build_plan.csv` and `plan_candidates.csv`.
    static func planFolder(rows: [Row] = rows, candidates: Bool = true, label: String = "plan") throws -> URL {
        let folder = try ReportFixtures.temporaryFolder(label)
        for name in ["dispatch.csv", "jobs.csv"] {
            try FileManager.default.copyItem(at: ReportFixtures.weekRun.appendingPathComponent(name), to: folder.appendingPathComponent(name))
        }
        let summary = try planSummary(rows: rows)
        try writeJSON(summary, "summary.json", in: folder)
        try write(buildPlanCSV(rows), "build_plan.csv", in: folder)
        if candidates {
            let objective = summary["objective_usd"] as! Double
            var text = "smr_units,status,objective_usd,solve_seconds\n"
            for candidate in candidateDeltasUSD {
                text += "\(candidate.units),\(candidate.status),\(candidate.delta.map { String(format: "%.6f", objective + $0) } ?? ""),0.250\n"
            }
            try write(text, "plan_candidates.csv", in: folder)
        }
        return folder
    }

    static let plan: URL = try! planFolder()

    /// A two-period build-out (a future multi-period plan adds `period` to build_plan.csv).
    static let periodRows: [Row] = [
        Row(period: "2027", asset: "smr", name: "smr", dimension: "units", existing: 0, added: 0, capexUSD: 0, annualisedUSDPerYear: 0, fixedOMUSDPerYear: 0),
        Row(period: "2027", asset: "renewable", name: "solar", dimension: "power_mw", existing: 0, added: 100, capexUSD: 95e6,
            annualisedUSDPerYear: 7.6e6, fixedOMUSDPerYear: 2e6),
        Row(period: "2027", asset: "battery", name: "bess", dimension: "power_mw", existing: 0, added: 50, capexUSD: 12.5e6,
            annualisedUSDPerYear: 1.4e6, fixedOMUSDPerYear: 0.5e6),
        Row(period: "2030", asset: "smr", name: "smr", dimension: "units", existing: 0, added: 2, capexUSD: 1.54e9, annualisedUSDPerYear: 115e6,
            fixedOMUSDPerYear: 18.5e6),
        Row(period: "2030", asset: "renewable", name: "solar", dimension: "power_mw", existing: 100, added: 150, capexUSD: 142.5e6,
            annualisedUSDPerYear: 11.4e6, fixedOMUSDPerYear: 5e6),
        Row(period: "2030", asset: "battery", name: "bess", dimension: "power_mw", existing: 50, added: 70, capexUSD: 17.5e6,
            annualisedUSDPerYear: 1.96e6, fixedOMUSDPerYear: 1.2e6),
    ]

    /// Rows of a CSV file as dictionaries by column (plain CSV without quoted commas).
    static func csvRows(_ url: URL) throws -> [[String: String]] {
        let lines = try String(contentsOf: url, encoding: .utf8).split(separator: "\n").map(String.init)
        let header = lines[0].split(separator: ",", omittingEmptySubsequences: false).map(String.init)
        return lines.dropFirst().map { line in
            Dictionary(uniqueKeysWithValues: zip(header, line.split(separator: ",", omittingEmptySubsequences: false).map(String.init)))
        }
    }

    /// A table cell as a number (thousands separators and a leading + removed).
    static func number(_ cell: String) -> Double? {
        Double(cell.replacingOccurrences(of: ",", with: "").replacingOccurrences(of: "+", with: ""))
    }
}
