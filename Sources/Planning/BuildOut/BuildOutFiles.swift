import Foundation
import Island
import Optimization
import Scheduling

/// One year of a build-out's cash flows (`cashflows.csv`): what the objective charges in that
/// calendar year, undiscounted and discounted to the base year.
public struct BuildOutCashFlow: Sendable, Equatable {
    public var period: Int
    public var year: Int
    /// (1 + r)^-(year - base year).
    public var discountFactor: Double
    /// Overnight capital of what the period adds, booked in its first year (for the record:
    /// the objective charges capital as ``annualisedCapexUSD``).
    public var overnightCapexUSD: Double
    /// Annuities (capex x CRF) of every addition in service, USD.
    public var annualisedCapexUSD: Double
    public var fixedOMUSD: Double
    /// Grid purchases and SMR and backup fuel and running costs, carbon price excluded, USD.
    public var energyUSD: Double
    /// Carbon price x location-based emissions, USD.
    public var carbonUSD: Double
    /// Export revenue, USD (a positive number, subtracted from the total).
    public var revenueUSD: Double
    /// The rest of the operating cost (battery throughput, demand charge, shedding and
    /// training penalties, water, tie-breaks, ...), USD.
    public var otherOperatingUSD: Double
    /// Operating cost of the year: energy + carbon - revenue + other, USD.
    public var operatingUSD: Double { energyUSD + carbonUSD - revenueUSD + otherOperatingUSD }
    public var totalUSD: Double { annualisedCapexUSD + fixedOMUSD + operatingUSD }
    public var discountedTotalUSD: Double { totalUSD * discountFactor }
}

/// Per-period figures a planner quotes (`summary.json`, `periods`).
public struct BuildOutPeriodSummary: Sendable, Encodable {
    public var year: Int
    public var years: Int
    public var objectiveWeight: Double
    public var operation: String
    public var status: String
    public var capitalUSDPerYear: Double
    public var fixedOMUSDPerYear: Double
    public var operatingCostUSDPerYear: Double?
    public var itMWhPerYear: Double?
    public var emissionsTonnesPerYear: Double?
    public var smrCapacityFactor: Double?
    public var tokensPerYear: Double?
    public var verifiedOperatingCostUSDPerYear: Double?
    public var verifiedEmissionsTonnesPerYear: Double?
    public var operatingCostError: Double?
    public var emissionsError: Double?

    enum CodingKeys: String, CodingKey {
        case year, years, operation, status
        case objectiveWeight = "objective_weight"
        case capitalUSDPerYear = "annualised_capex_usd_per_year", fixedOMUSDPerYear = "fixed_om_usd_per_year"
        case operatingCostUSDPerYear = "operating_cost_usd_per_year", itMWhPerYear = "it_mwh_per_year"
        case emissionsTonnesPerYear = "emissions_t_per_year", smrCapacityFactor = "smr_capacity_factor", tokensPerYear = "tokens_per_year"
        case verifiedOperatingCostUSDPerYear = "verified_operating_cost_usd_per_year"
        case verifiedEmissionsTonnesPerYear = "verified_emissions_t_per_year"
        case operatingCostError = "operating_cost_error", emissionsError = "emissions_error"
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(year, forKey: .year)
        try container.encode(years, forKey: .years)
        try container.encode(objectiveWeight, forKey: .objectiveWeight)
        try container.encode(operation, forKey: .operation)
        try container.encode(status, forKey: .status)
        try container.encode(capitalUSDPerYear, forKey: .capitalUSDPerYear)
        try container.encode(fixedOMUSDPerYear, forKey: .fixedOMUSDPerYear)
        for (key, value) in [(CodingKeys.operatingCostUSDPerYear, operatingCostUSDPerYear), (.itMWhPerYear, itMWhPerYear),
                             (.emissionsTonnesPerYear, emissionsTonnesPerYear), (.smrCapacityFactor, smrCapacityFactor),
                             (.tokensPerYear, tokensPerYear), (.verifiedOperatingCostUSDPerYear, verifiedOperatingCostUSDPerYear),
                             (.verifiedEmissionsTonnesPerYear, verifiedEmissionsTonnesPerYear), (.operatingCostError, operatingCostError),
                             (.emissionsError, emissionsError)] {
            try container.encode(value, forKey: key)
        }
    }
}

/// `summary.json` of a build-out: the present values and levelised costs, and each period.
public struct BuildOutSummary: Sendable, Encodable {
    public var status: String
    public var strategy: String
    public var method: String
    public var discountRate: Double
    public var baseYear: Int
    public var npvTotalCostUSD: Double?
    public var npvCapitalUSD: Double?
    public var npvFixedOMUSD: Double?
    public var npvOperatingUSD: Double?
    public var discountedITMWh: Double?
    public var levelisedCostUSDPerMWhIT: Double?
    public var costUSDPerMillionTokens: Double?
    public var verifiedNPVTotalCostUSD: Double?
    public var periods: [BuildOutPeriodSummary]
    public var rows: Int
    public var columns: Int
    public var nonzeros: Int
    public var buildSeconds: Double
    public var solveSeconds: Double
    public var verificationSeconds: Double
    /// The Benders decomposition's bounds, gap and iterations (absent for the stacked LP).
    public var decomposition: BendersReport?

    enum CodingKeys: String, CodingKey {
        case status, strategy, method, periods, rows, columns, nonzeros, decomposition
        case discountRate = "discount_rate", baseYear = "base_year"
        case npvTotalCostUSD = "npv_total_cost_usd", npvCapitalUSD = "npv_capital_usd", npvFixedOMUSD = "npv_fixed_om_usd"
        case npvOperatingUSD = "npv_operating_usd", discountedITMWh = "discounted_it_mwh"
        case levelisedCostUSDPerMWhIT = "levelised_cost_usd_per_mwh_it", costUSDPerMillionTokens = "cost_usd_per_million_tokens"
        case verifiedNPVTotalCostUSD = "verified_npv_total_cost_usd"
        case buildSeconds = "build_seconds", solveSeconds = "solve_seconds", verificationSeconds = "verification_seconds"
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(status, forKey: .status)
        try container.encode(strategy, forKey: .strategy)
        try container.encode(method, forKey: .method)
        try container.encode(discountRate, forKey: .discountRate)
        try container.encode(baseYear, forKey: .baseYear)
        for (key, value) in [(CodingKeys.npvTotalCostUSD, npvTotalCostUSD), (.npvCapitalUSD, npvCapitalUSD), (.npvFixedOMUSD, npvFixedOMUSD),
                             (.npvOperatingUSD, npvOperatingUSD), (.discountedITMWh, discountedITMWh),
                             (.levelisedCostUSDPerMWhIT, levelisedCostUSDPerMWhIT), (.costUSDPerMillionTokens, costUSDPerMillionTokens),
                             (.verifiedNPVTotalCostUSD, verifiedNPVTotalCostUSD)] {
            try container.encode(value, forKey: key)
        }
        try container.encode(periods, forKey: .periods)
        try container.encode(rows, forKey: .rows)
        try container.encode(columns, forKey: .columns)
        try container.encode(nonzeros, forKey: .nonzeros)
        try container.encode(buildSeconds, forKey: .buildSeconds)
        try container.encode(solveSeconds, forKey: .solveSeconds)
        try container.encode(verificationSeconds, forKey: .verificationSeconds)
        try container.encodeIfPresent(decomposition, forKey: .decomposition)
    }
}

extension BuildOutPlan {
    /// Operating cost of period `p`'s block split by what it pays for, over its horizon (every
    /// step weighted), from the block's own objective terms: exact for representative days too.
    func operatingParts(_ p: Int) -> (energy: Double, carbon: Double, revenue: Double, other: Double)? {
        let run = periods[p]
        guard let objective = run.outcome.result.objectiveValue, !run.outcome.result.primalValues.isEmpty,
              let figures = run.figures else { return nil }
        let model = run.outcome.model, x = run.outcome.result.primalValues, c = model.program.objective
        func sum(_ blocks: [ColumnBlock]) -> Double { blocks.reduce(0.0) { total, block in block.reduce(total) { $0 + c[$1.index] * x[$1.index] } } }
        let priced = sum(model.gridImport) + sum(model.smr.map { [$0] } ?? []) + sum(model.backup)
        let carbon = run.compiledSite.carbon.priceUSDPerTonne * (figures.emissionsTonnes ?? 0)
        let revenue = -sum(model.gridExport)
        let energy = priced - carbon
        return (energy, carbon, revenue, objective - energy - carbon + revenue)
    }

    /// One row per calendar year from the first period to the end of the last.
    public var cashFlows: [BuildOutCashFlow] {
        guard !capacities.isEmpty else { return [] }
        var rows: [BuildOutCashFlow] = []
        for (p, run) in periods.enumerated() {
            let here = capacities.filter { $0.period == p }
            let parts = operatingParts(p) ?? (0, 0, 0, 0)
            let perYear = 1 / run.horizonYears
            for offset in 0..<run.period.years {
                let year = run.period.year + offset
                rows.append(BuildOutCashFlow(
                    period: p, year: year, discountFactor: buildOut.discountFactor(year: year, rate: discountRate),
                    overnightCapexUSD: offset == 0 ? here.reduce(0.0) { $0 + $1.capexUSD } : 0,
                    annualisedCapexUSD: here.reduce(0.0) { $0 + $1.annualisedCapexUSDPerYear },
                    fixedOMUSD: here.reduce(0.0) { $0 + $1.fixedOMUSDPerYear },
                    energyUSD: parts.energy * perYear, carbonUSD: parts.carbon * perYear, revenueUSD: parts.revenue * perYear,
                    otherOperatingUSD: parts.other * perYear))
            }
        }
        return rows
    }

    public func summary() -> BuildOutSummary {
        let solved = !capacities.isEmpty
        var periodSummaries: [BuildOutPeriodSummary] = []
        var discountedIT = 0.0, discountedTokens = 0.0, npvCapital = 0.0, npvFixed = 0.0, npvOperating = 0.0
        var verifiedNPV: Double? = solved ? npvUSD : nil
        for (p, run) in periods.enumerated() {
            let here = capacities.filter { $0.period == p }
            let capital = here.reduce(0.0) { $0 + $1.annualisedCapexUSDPerYear }, fixed = here.reduce(0.0) { $0 + $1.fixedOMUSDPerYear }
            let perYear = 1 / run.horizonYears
            let figures = run.figures
            var summary = BuildOutPeriodSummary(
                year: run.period.year, years: run.period.years, objectiveWeight: run.objectiveWeight,
                operation: run.compiledSite.representativePeriods.map { "\($0.periods.count) representative periods" } ?? "full horizon",
                status: run.outcome.result.status.rawValue, capitalUSDPerYear: capital, fixedOMUSDPerYear: fixed,
                operatingCostUSDPerYear: figures?.operatingCostUSD.map { $0 * perYear }, itMWhPerYear: figures?.itMWh.map { $0 * perYear },
                emissionsTonnesPerYear: figures?.emissionsTonnes.map { $0 * perYear })
            if let smr = run.site.smr, let units = here.first(where: { $0.key.asset == .smr })?.installed ?? Optional(Double(smr.units)),
               let mwh = figures?.smrMWh, units > 0 {
                summary.smrCapacityFactor = mwh / (units * smr.capacityMWPerUnit * Double(run.site.horizon.steps) * run.site.horizon.stepHours)
            }
            if let schedule = run.outcome.schedule, schedule.kpis.tokensServed > 0, let it = figures?.itMWh, schedule.kpis.itEnergyMWh > 0 {
                // Tokens scale with IT energy: the block's token rate applied to its weighted IT energy.
                summary.tokensPerYear = schedule.kpis.tokensServed / schedule.kpis.itEnergyMWh * it * perYear
                discountedTokens += (summary.tokensPerYear ?? 0) * run.objectiveWeight
            }
            if let verification = run.verification {
                summary.verifiedOperatingCostUSDPerYear = verification.figures.operatingCostUSD.map { $0 * perYear }
                summary.verifiedEmissionsTonnesPerYear = verification.figures.emissionsTonnes.map { $0 * perYear }
                summary.operatingCostError = verification.operatingCostError
                summary.emissionsError = verification.emissionsError
                if let verified = summary.verifiedOperatingCostUSDPerYear, let estimated = summary.operatingCostUSDPerYear {
                    verifiedNPV = verifiedNPV.map { $0 + (verified - estimated) * run.objectiveWeight }
                } else {
                    verifiedNPV = nil
                }
            }
            discountedIT += (summary.itMWhPerYear ?? 0) * run.objectiveWeight
            npvCapital += capital * run.objectiveWeight
            npvFixed += fixed * run.objectiveWeight
            npvOperating += (summary.operatingCostUSDPerYear ?? 0) * run.objectiveWeight
            periodSummaries.append(summary)
        }
        let npv = solved ? npvUSD : nil
        return BuildOutSummary(
            status: result.status.rawValue, strategy: strategy.rawValue, method: result.method.rawValue, discountRate: discountRate,
            baseYear: buildOut.baseYear, npvTotalCostUSD: npv, npvCapitalUSD: solved ? npvCapital : nil, npvFixedOMUSD: solved ? npvFixed : nil,
            npvOperatingUSD: solved ? npvOperating : nil, discountedITMWh: solved ? discountedIT : nil,
            levelisedCostUSDPerMWhIT: solved && discountedIT > 0 ? npv.map { $0 / discountedIT } : nil,
            costUSDPerMillionTokens: solved && discountedTokens > 0 ? npv.map { $0 / discountedTokens * 1e6 } : nil,
            verifiedNPVTotalCostUSD: periods.contains { $0.verification != nil } ? verifiedNPV : nil,
            periods: periodSummaries, rows: rows, columns: columns, nonzeros: nonzeros, buildSeconds: buildSeconds,
            solveSeconds: result.solveSeconds, verificationSeconds: verificationSeconds, decomposition: decomposition)
    }
}

/// The files a build-out adds to its run folder.
public enum BuildOutFiles {
    /// `build_plan.csv` with a `period` column (the period's year) and `retired`: one row per
    /// period and sized dimension; `horizon_cost_usd` is the discounted share of the objective.
    public static let buildPlanColumns = ["period"] + PlanFiles.buildPlanColumns + ["retired"]

    public static func buildPlanCSV(_ plan: BuildOutPlan) -> String {
        var text = buildPlanColumns.joined(separator: ",") + "\n"
        for capacity in plan.capacities {
            let numbers = [capacity.existing, capacity.added, capacity.installed, capacity.capexUSD, capacity.annualisedCapexUSDPerYear,
                           capacity.fixedOMUSDPerYear, capacity.discountedCostUSD, capacity.retired]
            text += ["\(capacity.year)", capacity.key.asset.rawValue, RunWriter.csvField(capacity.key.name), capacity.key.dimension.rawValue]
                .joined(separator: ",")
            text += "," + numbers.map(PlanFiles.number).joined(separator: ",") + "\n"
        }
        return text
    }

    public static let cashFlowColumns = [
        "period", "year", "discount_factor", "overnight_capex_usd", "annualised_capex_usd", "fixed_om_usd", "energy_usd", "carbon_usd",
        "revenue_usd", "other_operating_usd", "operating_usd", "total_usd", "discounted_total_usd",
    ]

    public static func cashFlowsCSV(_ plan: BuildOutPlan) -> String {
        var text = cashFlowColumns.joined(separator: ",") + "\n"
        for row in plan.cashFlows {
            let numbers = [row.discountFactor, row.overnightCapexUSD, row.annualisedCapexUSD, row.fixedOMUSD, row.energyUSD, row.carbonUSD,
                           row.revenueUSD, row.otherOperatingUSD, row.operatingUSD, row.totalUSD, row.discountedTotalUSD]
            // (`$0 == 0 ? 0 : $0` writes a negative zero, say no revenue negated, as 0.)
            text += "\(plan.buildOut.periods[row.period].year),\(row.year)," + numbers.map { PlanFiles.number($0 == 0 ? 0 : $0) }.joined(separator: ",") + "\n"
        }
        return text
    }
}
