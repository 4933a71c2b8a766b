import Foundation
import Island
import Optimization
import Scheduling

/// What a plan's operation adds up to over the horizon: the estimate of a plan over
/// representative days (every step weighted by the days it stands for), or the full operation
/// of the site as built that verifies it.
public struct PlanFigures: Sendable, Codable, Equatable {
    public var status: String
    /// Annualised capital + fixed O&M + operating cost over the horizon, USD.
    public var totalCostUSD: Double?
    /// The capital part: annualised capex + fixed O&M of the build over the horizon, USD.
    public var capitalCostUSD: Double
    /// The rest: what `insula solve` minimises for the site as built, USD.
    public var operatingCostUSD: Double?
    public var emissionsTonnes: Double?
    public var smrMWh: Double?
    public var gridImportMWh: Double?
    public var gridExportMWh: Double?
    public var solarMWh: Double?
    public var windMWh: Double?
    public var backupMWh: Double?
    public var batteryDischargeMWh: Double?
    public var itMWh: Double?
    public var inferenceShedMWh: Double?
    public var undeliveredTrainingMWh: Double?
    /// LP size and solve time of the model behind the figures.
    public var rows: Int
    public var columns: Int
    public var solveSeconds: Double

    enum CodingKeys: String, CodingKey {
        case status, rows, columns
        case totalCostUSD = "total_cost_usd", capitalCostUSD = "capital_cost_usd", operatingCostUSD = "operating_cost_usd"
        case emissionsTonnes = "emissions_t", smrMWh = "smr_mwh", gridImportMWh = "grid_import_mwh", gridExportMWh = "grid_export_mwh"
        case solarMWh = "solar_mwh", windMWh = "wind_mwh", backupMWh = "backup_mwh", batteryDischargeMWh = "battery_discharge_mwh"
        case itMWh = "it_mwh", inferenceShedMWh = "inference_shed_mwh", undeliveredTrainingMWh = "undelivered_training_mwh"
        case solveSeconds = "solve_seconds"
    }

    /// Encodes every key, null when there is no value (tables keep their columns).
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(status, forKey: .status)
        try container.encode(totalCostUSD, forKey: .totalCostUSD)
        try container.encode(capitalCostUSD, forKey: .capitalCostUSD)
        try container.encode(operatingCostUSD, forKey: .operatingCostUSD)
        try container.encode(emissionsTonnes, forKey: .emissionsTonnes)
        for (key, value) in [(CodingKeys.smrMWh, smrMWh), (.gridImportMWh, gridImportMWh), (.gridExportMWh, gridExportMWh),
                             (.solarMWh, solarMWh), (.windMWh, windMWh), (.backupMWh, backupMWh),
                             (.batteryDischargeMWh, batteryDischargeMWh), (.itMWh, itMWh), (.inferenceShedMWh, inferenceShedMWh),
                             (.undeliveredTrainingMWh, undeliveredTrainingMWh)] {
            try container.encode(value, forKey: key)
        }
        try container.encode(rows, forKey: .rows)
        try container.encode(columns, forKey: .columns)
        try container.encode(solveSeconds, forKey: .solveSeconds)
    }
}

/// A plan made over representative days, and its verification by full operation.
public struct AggregatedPlan: Sendable {
    /// Which days stand for which.
    public var days: RepresentativeDays
    /// The plan solved on the site of representative days (``RepresentativeDays/site(of:)``);
    /// its schedule is the representative days' dispatch, with the battery state of charge of
    /// each medoid's own day (``Schedule/Step/batterySOCMWh``).
    public var plan: CapacityPlan
    /// The plan's own figures over the horizon (each step weighted); nil without a solution.
    public var estimate: PlanFigures?
    /// The full-horizon operation of the site as built, when the plan found a build.
    public var verification: PlanVerification?
    /// Per original period, per battery summed: the state of charge at its start and its
    /// lowest and highest within it, MWh, reconstructed from the plan (empty without batteries
    /// or a solution).
    public var periodStates: [(startMWh: Double, lowestMWh: Double, highestMWh: Double)]
    /// Wall time of the plan (clustering, build and solve of every module count), s.
    public var planSeconds: Double
}

/// The site as built by a plan, operated over every step of its horizon.
public struct PlanVerification: Sendable {
    /// The original site with every planned capacity fixed (a fractional SMR module count of a
    /// relaxed plan stays a build fixed at its value).
    public var site: Site
    /// Its solve; the schedule carries the plan's capacities, and its objective KPI the capital
    /// too (annualised capex + fixed O&M), so that it reads as the plan's full-year figures.
    public var outcome: OperatingSolve.Outcome
    public var figures: PlanFigures
    /// (verified - estimate) / |verified| of the total cost, of the operating cost, and of the
    /// emissions; nil when the verification found no optimum or the verified value is 0.
    public var costError: Double?
    public var operatingCostError: Double?
    public var emissionsError: Double?
    public var seconds: Double
}

/// Capacity plans over representative days (time-series aggregation), verified by operating
/// the plan's build over the full horizon (docs/planning.md, "Representative days";
/// docs/formulation.md, 15).
public enum AggregatedPlanner {
    /// Plans `site` over the representative days of its `aggregation` section, then operates
    /// the build over every step of the horizon (unless `verify` is false).
    /// - Precondition: `site.aggregation` is set (the loader has checked it).
    /// - Parameter days: the days already chosen for `site` (as `--dump-inputs` needs them first); nil: chosen here.
    public static func plan(_ site: Site, options: PlanOptions = PlanOptions(), verify: Bool = true,
                            days chosen: RepresentativeDays? = nil) throws -> AggregatedPlan {
        guard let settings = site.aggregation else { preconditionFailure("the site has no aggregation section") }
        let clock = ContinuousClock()
        let start = clock.now
        let days = chosen ?? RepresentativeDays(site: site, settings: settings)
        var representative = days.site(of: site)
        representative.aggregation = nil
        // GLPK's interior point stops short ("numerically unstable") on most representative-day
        // LPs with a battery, where the storage links leave a degenerate face (plan-example, K =
        // 24: 26 iterations, no certified point); crossing over from its point (formulation
        // 13.5) finishes in a fraction of the dual simplex's time on these small LPs.
        var planOptions = options
        planOptions.solver.crossover = true
        var plan = try CapacityPlanner.plan(representative, options: planOptions)
        let planSeconds = (clock.now - start).seconds
        var estimate: PlanFigures?
        var states: [(startMWh: Double, lowestMWh: Double, highestMWh: Double)] = []
        if plan.outcome.schedule != nil, let periods = plan.site.representativePeriods {
            states = reconstructStates(plan.outcome, periods: periods)
            placeStates(&plan.outcome, periods: periods)
            estimate = figures(ofRepresentative: plan.outcome, site: plan.site, periods: periods)
        }
        var verification: PlanVerification?
        if verify, let capacities = plan.outcome.schedule?.capacities, plan.outcome.result.status == .optimal {
            verification = try operate(site, capacities: capacities, estimate: estimate, options: options)
        }
        return AggregatedPlan(days: days, plan: plan, estimate: estimate, verification: verification, periodStates: states,
                              planSeconds: planSeconds)
    }

    /// The original site with `capacities` built, operated over its whole horizon.
    static func operate(_ site: Site, capacities: [InstalledCapacity], estimate: PlanFigures?, options: PlanOptions) throws -> PlanVerification {
        let clock = ContinuousClock()
        let start = clock.now
        var installed: [ExpansionKey: Double] = [:]
        var fractionalModules: Double?
        for capacity in capacities {
            guard let key = capacity.key else { continue }
            if key.dimension == .units, abs(capacity.installed - capacity.installed.rounded()) > 1e-6 {
                fractionalModules = capacity.installed
            } else {
                installed[key] = key.dimension == .units ? capacity.installed.rounded() : capacity.amountForSite
            }
        }
        var built = try site.withInstalled(installed)
        built.aggregation = nil
        if let units = fractionalModules {
            built.smr?.build?.minimum = units
            built.smr?.build?.maximum = units
            built.smr?.integerUnits = false
        }
        var outcome = try OperatingSolve.run(built, solver: options.solver, compile: options.compile)
        // The capital the operating model does not carry (every capacity fixed as built).
        let years = site.horizonYears
        let capital = capacities.reduce(0.0) { $0 + $1.horizonCostUSD }
        let carried = outcome.schedule?.capacities.reduce(0.0) { $0 + $1.horizonCostUSD } ?? 0
        if var schedule = outcome.schedule {
            schedule.capacities = capacities
            schedule.kpis.annualisedCapexUSD = capacities.reduce(0.0) { $0 + $1.annualisedCapexUSDPerYear } * years
            schedule.kpis.fixedOMUSD = capacities.reduce(0.0) { $0 + $1.fixedOMUSDPerYear } * years
            schedule.kpis.objectiveUSD += capital - carried
            outcome.schedule = schedule
        }
        let optimal = outcome.result.status == .optimal && outcome.schedule != nil
        var figures = PlanFigures(status: outcome.result.status.rawValue, capitalCostUSD: capital, rows: outcome.model.program.rowCount,
                                  columns: outcome.model.program.columnCount, solveSeconds: outcome.result.solveSeconds)
        if optimal, let schedule = outcome.schedule {
            let k = schedule.kpis
            figures.totalCostUSD = k.objectiveUSD
            figures.operatingCostUSD = k.objectiveUSD - capital
            figures.emissionsTonnes = k.emissionsTonnes
            figures.smrMWh = k.smrEnergyMWh
            figures.gridImportMWh = k.gridImportMWh
            figures.gridExportMWh = k.gridExportMWh
            figures.solarMWh = k.solarEnergyMWh
            figures.windMWh = k.windEnergyMWh
            figures.backupMWh = k.backupEnergyMWh
            figures.batteryDischargeMWh = k.batteryDischargeMWh
            figures.itMWh = k.itEnergyMWh
            figures.inferenceShedMWh = schedule.steps.reduce(0.0) { $0 + $1.inferenceShedMW } * site.horizon.stepHours
            figures.undeliveredTrainingMWh = schedule.jobs.reduce(0.0) { $0 + $1.undeliveredMWh }
        }
        func error(_ verified: Double?, _ estimated: Double?) -> Double? {
            guard optimal, let verified, let estimated, abs(verified) > 1e-9 else { return nil }
            return (verified - estimated) / abs(verified)
        }
        return PlanVerification(site: built, outcome: outcome, figures: figures,
                                costError: error(figures.totalCostUSD, estimate?.totalCostUSD),
                                operatingCostError: error(figures.operatingCostUSD, estimate?.operatingCostUSD),
                                emissionsError: error(figures.emissionsTonnes, estimate?.emissionsTonnes),
                                seconds: (clock.now - start).seconds)
    }

    /// The plan's own figures: every representative step weighted by the steps it stands for.
    static func figures(ofRepresentative outcome: OperatingSolve.Outcome, site: Site, periods: RepresentativePeriods) -> PlanFigures? {
        guard let schedule = outcome.schedule, let objective = outcome.result.objectiveValue else { return nil }
        let hours = site.horizon.stepHours
        func total(_ value: (Schedule.Step) -> Double) -> Double {
            zip(schedule.steps, periods.stepWeights).reduce(0.0) { $0 + value($1.0) * $1.1 * hours }
        }
        let capital = schedule.capacities.reduce(0.0) { $0 + $1.horizonCostUSD }
        let x = outcome.result.primalValues
        let undelivered = outcome.model.trainingUndelivered.reduce(0.0) { sum, column in sum + (column.map { x[$0.index] } ?? 0) }
        return PlanFigures(
            status: outcome.result.status.rawValue, totalCostUSD: objective, capitalCostUSD: capital, operatingCostUSD: objective - capital,
            emissionsTonnes: zip(schedule.steps, periods.stepWeights).reduce(0.0) { $0 + $1.0.emissionsTonnes * $1.1 },
            smrMWh: total(\.smrMW), gridImportMWh: total(\.gridImportMW), gridExportMWh: total(\.gridExportMW), solarMWh: total(\.solarMW),
            windMWh: total(\.windMW), backupMWh: total(\.backupMW), batteryDischargeMWh: total(\.batteryDischargeMW), itMWh: total(\.itMW),
            inferenceShedMWh: total(\.inferenceShedMW), undeliveredTrainingMWh: undelivered,
            rows: outcome.model.program.rowCount, columns: outcome.model.program.columnCount, solveSeconds: outcome.result.solveSeconds)
    }

    /// Per original period, summed over batteries: the state at its start (the boundary
    /// column) and, through its representative's within-period states, its lowest and highest
    /// (the start included).
    static func reconstructStates(_ outcome: OperatingSolve.Outcome, periods: RepresentativePeriods) -> [(startMWh: Double, lowestMWh: Double, highestMWh: Double)] {
        let model = outcome.model, x = outcome.result.primalValues
        guard !model.storageLinks.isEmpty else { return [] }
        return periods.sequence.enumerated().map { i, k in
            var start = 0.0
            var within = [Double](repeating: 0, count: periods.periods[k].count)
            for (link, soc) in zip(model.storageLinks, model.batterySOC) {
                start += x[link.boundary[i].index]
                for (offset, t) in periods.periods[k].enumerated() { within[offset] += x[soc[t].index] }
            }
            return (start, start + min(0, within.min() ?? 0), start + max(0, within.max() ?? 0))
        }
    }

    /// Puts each representative period's battery state on its own day's footing: its medoid's
    /// starting state plus the state within the period (the LP's column is relative).
    static func placeStates(_ outcome: inout OperatingSolve.Outcome, periods: RepresentativePeriods) {
        guard var schedule = outcome.schedule, !outcome.model.storageLinks.isEmpty else { return }
        let x = outcome.result.primalValues
        for (k, range) in periods.periods.enumerated() {
            let original = periods.originalPeriods[k]
            var start = 0.0
            for link in outcome.model.storageLinks { start += x[link.boundary[original].index] }
            for t in range { schedule.steps[t].batterySOCMWh += start }
        }
        outcome.schedule = schedule
    }
}
