import Foundation
import Island
import Scheduling

/// The files a plan over representative days adds to a run folder (docs/results-schema.md,
/// "Representative days").
public enum AggregationFiles {
    /// `representative_days.csv`: the dispatch of the representative periods, each step with
    /// its period and weight (the days it stands for), then the columns of `dispatch.csv`
    /// (`timestamp` is the representative day's own date; `battery_soc_mwh` that day's state).
    public static func representativeDaysCSV(_ plan: AggregatedPlan) -> String? {
        guard let schedule = plan.plan.outcome.schedule, let periods = plan.plan.site.representativePeriods else { return nil }
        let dispatch = RunWriter.dispatchCSV(schedule).split(separator: "\n", omittingEmptySubsequences: false)
        var period = [Int](repeating: 0, count: periods.originalSteps.count)
        for (k, range) in periods.periods.enumerated() { for t in range { period[t] = k } }
        var text = "period,weight," + dispatch[0] + "\n"
        for t in 0..<periods.originalSteps.count {
            text += "\(period[t]),\(RunWriter.plainNumber(periods.stepWeights[t])),\(dispatch[t + 1])\n"
        }
        return text
    }

    /// `days.csv`: one row per original period (day) in time order: its start, steps, kind, role
    /// (`medoid`, `member`, `extreme`, `edge`), the representative's start and weight, and the
    /// battery state of charge reconstructed for that day (start, lowest, highest, MWh; empty
    /// without batteries).
    public static func daysCSV(_ plan: AggregatedPlan) -> String {
        let days = plan.days, horizon = plan.days.partition
        let original = plan.plan.site.representativePeriods?.originalHorizon
        var text = "start_utc,steps,kind,role,representative_start_utc,weight,soc_start_mwh,soc_lowest_mwh,soc_highest_mwh\n"
        var weight: [Int: Int] = [:]
        for representative in days.representative { weight[representative, default: 0] += 1 }
        for (index, range) in horizon.periods.enumerated() {
            let representative = days.representative[index]
            let label = { (period: Int) in original?.label(horizon.periods[period].lowerBound) ?? "" }
            var fields = [label(index), "\(range.count)", "\(days.kinds[index])", days.roles[index].rawValue, label(representative),
                          "\(weight[representative] ?? 0)"]
            if plan.periodStates.indices.contains(index) {
                let state = plan.periodStates[index]
                fields += [state.startMWh, state.lowestMWh, state.highestMWh].map { String(format: "%.6f", $0) }
            } else {
                fields += ["", "", ""]
            }
            text += fields.joined(separator: ",") + "\n"
        }
        return text
    }

    /// `verification.json`: how the days were chosen, the plan's estimate beside the full
    /// operation of its build, and the aggregation error.
    public struct Report: Encodable {
        public struct Extreme: Encodable {
            var rule: String
            var startUTC: String
            enum CodingKeys: String, CodingKey { case rule, startUTC = "start_utc" }
        }
        var method: String
        var representativeDays: Int
        var utcOffsetHours: Int
        var extremeDays: [Extreme]
        var wholeDays: Int
        var edgePeriods: Int
        var kindsOfDay: Int
        var representativePeriods: Int
        var featureSeries: [String]
        var rescale: Bool
        var scaleFactors: [String: Double]
        var clusteringCost: Double
        var clusteringSeconds: Double
        var swaps: Int
        var planSeconds: Double
        var verificationSeconds: Double?
        var estimate: PlanFigures?
        var verified: PlanFigures?
        var verifiedInfeasibility: String?
        var costError: Double?
        var operatingCostError: Double?
        var emissionsError: Double?
        var capacities: [InstalledCapacity]

        enum CodingKeys: String, CodingKey {
            case method, estimate, verified, capacities, swaps
            case representativeDays = "representative_days", utcOffsetHours = "utc_offset_hours", extremeDays = "extreme_days"
            case wholeDays = "whole_days", edgePeriods = "edge_periods", kindsOfDay = "kinds_of_day"
            case representativePeriods = "representative_periods", featureSeries = "feature_series", clusteringCost = "clustering_cost"
            case rescale, scaleFactors = "scale_factors"
            case clusteringSeconds = "clustering_seconds", planSeconds = "plan_seconds", verificationSeconds = "verification_seconds"
            case verifiedInfeasibility = "verified_infeasibility", costError = "cost_error", operatingCostError = "operating_cost_error"
            case emissionsError = "emissions_error"
        }

        public func encode(to encoder: any Encoder) throws {
            var container = encoder.container(keyedBy: CodingKeys.self)
            try container.encode(method, forKey: .method)
            try container.encode(representativeDays, forKey: .representativeDays)
            try container.encode(utcOffsetHours, forKey: .utcOffsetHours)
            try container.encode(extremeDays, forKey: .extremeDays)
            try container.encode(wholeDays, forKey: .wholeDays)
            try container.encode(edgePeriods, forKey: .edgePeriods)
            try container.encode(kindsOfDay, forKey: .kindsOfDay)
            try container.encode(representativePeriods, forKey: .representativePeriods)
            try container.encode(featureSeries, forKey: .featureSeries)
            try container.encode(rescale, forKey: .rescale)
            try container.encode(scaleFactors, forKey: .scaleFactors)
            try container.encode(clusteringCost, forKey: .clusteringCost)
            try container.encode(clusteringSeconds, forKey: .clusteringSeconds)
            try container.encode(swaps, forKey: .swaps)
            try container.encode(planSeconds, forKey: .planSeconds)
            try container.encode(verificationSeconds, forKey: .verificationSeconds)
            try container.encode(estimate, forKey: .estimate)
            try container.encode(verified, forKey: .verified)
            try container.encodeIfPresent(verifiedInfeasibility, forKey: .verifiedInfeasibility)
            try container.encode(costError, forKey: .costError)
            try container.encode(operatingCostError, forKey: .operatingCostError)
            try container.encode(emissionsError, forKey: .emissionsError)
            try container.encode(capacities, forKey: .capacities)
        }
    }

    public static func report(_ plan: AggregatedPlan) -> Report {
        let days = plan.days
        let original = plan.plan.site.representativePeriods?.originalHorizon
        let label = { (period: Int) in original?.label(days.partition.periods[period].lowerBound) ?? "" }
        let whole = days.partition.periods.indices.filter(days.partition.isWholeDay)
        return Report(
            method: days.settings.method.rawValue, representativeDays: days.settings.representativeDays,
            utcOffsetHours: days.settings.utcOffsetHours,
            extremeDays: days.extremes.map { Report.Extreme(rule: $0.rule.rawValue, startUTC: label($0.period)) },
            wholeDays: whole.count, edgePeriods: days.partition.periods.count - whole.count,
            kindsOfDay: Set(whole.map { days.kinds[$0] }).count, representativePeriods: days.periodCount,
            featureSeries: days.featureSeries, rescale: days.settings.rescale,
            scaleFactors: Dictionary(days.scaleFactors.map { ($0.name, $0.factor) }, uniquingKeysWith: { a, _ in a }),
            clusteringCost: days.clusteringCost, clusteringSeconds: days.seconds, swaps: days.swaps,
            planSeconds: plan.planSeconds, verificationSeconds: plan.verification?.seconds, estimate: plan.estimate,
            verified: plan.verification?.figures, verifiedInfeasibility: plan.verification?.outcome.infeasibility?.text,
            costError: plan.verification?.costError, operatingCostError: plan.verification?.operatingCostError,
            emissionsError: plan.verification?.emissionsError, capacities: plan.plan.outcome.schedule?.capacities ?? [])
    }

    /// The fields `summary.json` gains.
    public static func summary(_ plan: AggregatedPlan) -> AggregationSummary {
        AggregationSummary(representativeDays: plan.days.settings.representativeDays, representativePeriods: plan.days.periodCount,
                           planTotalCostUSD: plan.estimate?.totalCostUSD, planEmissionsTonnes: plan.estimate?.emissionsTonnes,
                           costError: plan.verification?.costError, operatingCostError: plan.verification?.operatingCostError,
                           emissionsError: plan.verification?.emissionsError, planSeconds: plan.planSeconds,
                           verificationSeconds: plan.verification?.seconds)
    }
}
