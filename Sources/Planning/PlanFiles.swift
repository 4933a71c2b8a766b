import Foundation
import Scheduling

/// The files a capacity plan adds to a run folder.
public enum PlanFiles {
    /// The columns of `build_plan.csv`, one row per sized asset dimension.
    public static let buildPlanColumns = [
        "asset", "name", "dimension", "existing", "added", "installed", "capex_usd", "annualised_capex_usd_per_year",
        "fixed_om_usd_per_year", "horizon_cost_usd",
    ]

    public static func buildPlanCSV(_ capacities: [InstalledCapacity]) -> String {
        var text = buildPlanColumns.joined(separator: ",") + "\n"
        for capacity in capacities {
            let numbers = [capacity.existing, capacity.added, capacity.installed, capacity.capexUSD, capacity.annualisedCapexUSDPerYear,
                           capacity.fixedOMUSDPerYear, capacity.horizonCostUSD]
            text += [capacity.asset, RunWriter.csvField(capacity.name), capacity.dimension].joined(separator: ",")
            text += "," + numbers.map(number).joined(separator: ",") + "\n"
        }
        return text
    }

    /// `plan_candidates.csv`: every SMR module count tried by enumeration.
    public static func candidatesCSV(_ candidates: [CapacityPlan.Candidate]) -> String {
        var text = "smr_units,status,objective_usd,solve_seconds\n"
        for candidate in candidates {
            text += "\(candidate.smrUnits),\(candidate.status.rawValue),\(candidate.objectiveUSD.map(number) ?? ""),\(String(format: "%.3f", candidate.seconds))\n"
        }
        return text
    }

    /// Six decimals, as `dispatch.csv` writes them.
    static func number(_ value: Double) -> String { String(format: "%.6f", value) }
}
