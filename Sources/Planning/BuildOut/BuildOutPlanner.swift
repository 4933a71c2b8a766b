import Foundation
import Island
import Optimization
import Scheduling

/// A solved multi-period build-out: what is added in each investment period, each period's
/// operation under what is then installed, and the present value of it all
/// (docs/planning.md, "Multi-period build-out"; docs/formulation.md, section 16).
public struct BuildOutPlan: Sendable {
    /// One period's operating block, read back as an operating run.
    public struct PeriodRun: Sendable {
        public var period: BuildOutPeriod
        /// The period's site as read (its overrides, series year and demand applied).
        public var site: Site
        /// The site its block was compiled from: the representative days of ``site`` when it
        /// has an `aggregation` section, else ``site`` (build costs zeroed: capital is charged
        /// on the build-out's own columns).
        public var compiledSite: Site
        public var days: RepresentativeDays?
        /// Its block of the LP: schedule and KPIs over the period's horizon (operating cost only).
        public var outcome: OperatingSolve.Outcome
        /// The block's figures over the horizon it stands for (every step weighted).
        public var figures: PlanFigures?
        /// The period's full operation under its installed capacity (representative days only).
        public var verification: PlanVerification?
        /// Present value of one USD a year over the period's years (``BuildOut/objectiveWeight(period:rate:)``).
        public var objectiveWeight: Double
        /// The horizon's length in years: the block's operating cost is for this long.
        public var horizonYears: Double
        /// Operating cost per year of the period, USD/year (the block's objective / horizon years).
        public var operatingCostUSDPerYear: Double? { figures?.operatingCostUSD.map { $0 / horizonYears } }
    }

    /// One sized dimension in one period.
    public struct Capacity: Sendable, Equatable {
        public var period: Int
        public var year: Int
        public var key: ExpansionKey
        /// In service at the period's start from before it (the site's existing amount and earlier
        /// additions not yet retired), in the dimension's unit.
        public var existing: Double
        public var added: Double
        /// Earlier additions that reached the end of their lifetime before this period.
        public var retired: Double
        public var installed: Double { existing + added }
        /// Overnight capital of what is added in this period, USD.
        public var capexUSD: Double
        /// Annualised capital (capex x CRF at the building period's costs) of every addition in service, USD/year.
        public var annualisedCapexUSDPerYear: Double
        /// Fixed O&M of everything installed, USD/year.
        public var fixedOMUSDPerYear: Double
        /// (annualised capital + fixed O&M) x the period's objective weight: the objective's share, USD.
        public var discountedCostUSD: Double
    }

    public var buildOut: BuildOut
    public var discountRate: Double
    /// The strategy that settled whole SMR modules (`mip` or `relaxed`; `auto` without an SMR build).
    public var strategy: ModuleCountStrategy
    public var result: SolveResult
    public var periods: [PeriodRun]
    /// Period-major, each period in ``Site/expansions`` order; empty without a solution.
    public var capacities: [Capacity]
    public var rows: Int
    public var columns: Int
    public var nonzeros: Int
    public var buildSeconds: Double
    public var verificationSeconds: Double
    /// How the Benders decomposition went, when it solved the plan (nil: the stacked LP).
    public var decomposition: BendersReport?

    /// The objective: present value of capital, fixed O&M and operation over every period, USD.
    public var npvUSD: Double? { result.status.hasSolution ? result.objectiveValue : nil }
}

/// Plans a multi-period build-out in one LP (docs/formulation.md, section 16): one block per
/// period, compiled by ``SiteCompiler`` exactly as a single-year plan of that period's site
/// (over its representative days when it has an `aggregation` section) but with the build's
/// costs taken out, and per period and sized dimension an addition column `A[q,k]`; each
/// block's capacity column is tied to what is in service then:
/// `C[p,k] - sum over q active at p of A[q,k] = existing_k`.
public enum BuildOutPlanner {
    /// Plans `site` (which must have `periods`, with ``Site/periodSites`` resolved by the loader).
    public static func plan(_ site: Site, options: PlanOptions = PlanOptions(), verify: Bool = true) throws -> BuildOutPlan {
        guard let buildOut = site.buildOut, site.periodSites.count == buildOut.periods.count else {
            preconditionFailure("the site has no resolved periods")
        }
        let sites = site.periodSites
        try checkShared(sites, buildOut: buildOut)
        let rate = site.investment.discountRate
        let clock = ContinuousClock(), start = clock.now

        let integer = site.smr?.build != nil && site.smr?.integerUnits == true
        let strategy: ModuleCountStrategy
        switch options.moduleCounts {
        case .relaxed: strategy = .relaxed
        default: strategy = integer ? .mip : (site.smr?.build == nil ? .auto : .relaxed)
        }
        let model = try buildModel(site, wholeModules: strategy == .mip, options: options)
        let compiled = model.compiled, weights = model.weights, blocks = model.blocks, program = model.program
        let additions = model.additions, keys = model.keys, expansionsByPeriod = model.expansionsByPeriod
        let buildSeconds = (clock.now - start).seconds

        let decomposition = resolvedDecomposition(options.decomposition, for: model)
        let result: SolveResult
        var report: BendersReport?
        if decomposition == .benders {
            let warmStart = bendersWarmStart(site, model: model, options: options)
            let outcome = try BendersDecomposition.solve(model, options: options, warmStart: warmStart?.additions,
                                                         warmStartSeconds: warmStart?.seconds ?? 0)
            result = outcome.result
            report = outcome.report
        } else {
            var solverOptions = options.solver
            // No race: the dual simplex it runs beside interior point does not finish this LP in
            // reasonable time (plan-buildout, 4 periods x 12 days: still running after 10 min) and
            // halves the cores interior point has (release build: race 25.7 s, without it 7.6 s).
            solverOptions.concurrent = false
            if compiled.contains(where: { $0.days != nil }) {
                // As for a single representative-day plan (AggregatedPlanner): the storage links leave
                // a degenerate face on which GLPK's interior point stops short; cross over from it.
                solverOptions.crossover = true
            }
            result = try GLPK.solve(program, options: solverOptions)
        }

        var runs: [BuildOutPlan.PeriodRun] = []
        for (p, entry) in compiled.enumerated() {
            let block = blocks[p], model = entry.model
            let scale = weights[p] / entry.site.horizonYears
            // The block's rows are priced at its weight: back to the period's own prices.
            let slice = result.slice(block, of: model.program, dualScale: scale)
            var outcome = OperatingSolve.Outcome(model: model, result: slice, buildSeconds: buildSeconds)
            if slice.status.hasSolution, !slice.primalValues.isEmpty {
                outcome.schedule = ScheduleReader.read(site: entry.site, model: model, result: slice)
            }
            var figures: PlanFigures?
            if outcome.schedule != nil {
                if let periods = entry.site.representativePeriods {
                    AggregatedPlanner.placeStates(&outcome, periods: periods)
                    figures = AggregatedPlanner.figures(ofRepresentative: outcome, site: entry.site, periods: periods)
                } else {
                    figures = fullFigures(outcome, site: entry.site)
                }
            }
            runs.append(BuildOutPlan.PeriodRun(period: buildOut.periods[p], site: sites[p], compiledSite: entry.site, days: entry.days,
                                               outcome: outcome, figures: figures, verification: nil, objectiveWeight: weights[p],
                                               horizonYears: entry.site.horizonYears))
        }

        var capacities: [BuildOutPlan.Capacity] = []
        if result.status.hasSolution, result.primalValues.count == program.columnCount {
            let x = result.primalValues
            func amount(_ q: Int, _ k: Int) -> Double { additions[q][k].map { x[$0.index] } ?? 0 }
            for p in buildOut.periods.indices {
                for (k, key) in keys.enumerated() {
                    let expansion = expansionsByPeriod[p][k].expansion
                    var carried = expansion.existing, retired = 0.0, annuity = 0.0
                    for q in 0..<p {
                        let vintage = expansionsByPeriod[q][k].expansion, earlier = amount(q, k)
                        if buildOut.isActive(builtIn: q, lifetimeYears: vintage.lifetimeYears, in: p) {
                            carried += earlier
                            annuity += earlier * vintage.annualisedCapexUSDPerUnitYear(discountRate: rate)
                        } else if buildOut.isActive(builtIn: q, lifetimeYears: vintage.lifetimeYears, in: p - 1) {
                            retired += earlier
                        }
                    }
                    let added = amount(p, k)
                    annuity += added * expansion.annualisedCapexUSDPerUnitYear(discountRate: rate)
                    // Fixed O&M: existing plant at this period's cost, each addition at its own.
                    var fixed = expansion.existing * expansion.fixedOMUSDPerUnitYear
                    for q in 0...p where buildOut.isActive(builtIn: q, lifetimeYears: expansionsByPeriod[q][k].expansion.lifetimeYears, in: p) {
                        fixed += amount(q, k) * expansionsByPeriod[q][k].expansion.fixedOMUSDPerUnitYear
                    }
                    capacities.append(BuildOutPlan.Capacity(
                        period: p, year: buildOut.periods[p].year, key: key, existing: carried, added: added, retired: retired,
                        capexUSD: added * expansion.capexUSDPerUnit, annualisedCapexUSDPerYear: annuity, fixedOMUSDPerYear: fixed,
                        discountedCostUSD: (annuity + fixed) * weights[p]))
                }
            }
        }

        var plan = BuildOutPlan(buildOut: buildOut, discountRate: rate, strategy: strategy, result: result, periods: runs,
                                capacities: capacities, rows: program.rowCount, columns: program.columnCount,
                                nonzeros: program.entryCount, buildSeconds: buildSeconds, verificationSeconds: 0, decomposition: report)
        if verify, result.status == .optimal { try verifyByFullOperation(&plan, options: options) }
        return plan
    }

    /// The stacked LP `plan` solves without decomposition (formulation.md 16), e.g. for
    /// `insula lp export`, so that other methods and solvers can be timed on it.
    public static func stackedProgram(_ site: Site, options: PlanOptions = PlanOptions()) throws -> LinearProgram {
        guard site.buildOut != nil, site.periodSites.count == site.buildOut!.periods.count else {
            preconditionFailure("the site has no resolved periods")
        }
        try checkShared(site.periodSites, buildOut: site.buildOut!)
        let integer = site.smr?.build != nil && site.smr?.integerUnits == true
        return try buildModel(site, wholeModules: integer && options.moduleCounts != .relaxed, options: options).program
    }

    /// Steps per period from which `--decomposition auto` takes Benders: measured on
    /// plan-buildout (docs/planning.md, "Multi-period build-out").
    public static let bendersMinimumSteps = 2_000

    /// The decomposition `requested` comes to: `auto` takes Benders when no period is planned
    /// over representative days, there are at least two periods, every period has at least
    /// ``bendersMinimumSteps`` steps and every period's operation is an LP.
    static func resolvedDecomposition(_ requested: BuildOutDecomposition, for model: BuildOutModel) -> BuildOutDecomposition {
        guard requested == .auto else { return requested }
        let full = model.compiled.allSatisfy { $0.days == nil && $0.site.horizon.steps >= bendersMinimumSteps }
        // Integer commitment makes a period's operation a MIP, which has no duals to cut with.
        let linear = model.compiled.allSatisfy { entry in
            let capacities = Set(entry.model.capacities.map(\.column.index))
            return !entry.model.program.columnKinds.indices.contains { entry.model.program.columnKinds[$0] != .continuous && !capacities.contains($0) }
        }
        // One period is one year's plan LP: Benders measured 7x slower on it (docs/planning.md).
        return full && linear && model.compiled.count >= 2 ? .benders : .none
    }

    /// The first Benders trial point: the additions of the same build-out planned over
    /// `options.benders.warmStartDays` representative days per period (seconds, a cheap LP), or
    /// nil when the periods are too short for that to be cheaper than the subproblems or have a
    /// feature representative days refuse. Its cuts are not reused: a representative-day LP's
    /// duals bound the representative year, not the full one.
    static func bendersWarmStart(_ site: Site, model: BuildOutModel, options: PlanOptions) -> (additions: [[Double?]], seconds: Double)? {
        let days = options.benders.warmStartDays
        guard days > 0, site.periodSites.allSatisfy({ aggregationAllowed($0) && $0.aggregation == nil
                                                        && DayPartition(horizon: $0.horizon, utcOffsetHours: 0).wholeDays >= 3 * days }) else { return nil }
        let clock = ContinuousClock(), start = clock.now
        var representative = site
        for index in representative.periodSites.indices { representative.periodSites[index].aggregation = TimeAggregation(representativeDays: days) }
        var warmOptions = options
        warmOptions.decomposition = .none
        guard let plan = try? plan(representative, options: warmOptions, verify: false), plan.result.status == .optimal else { return nil }
        var additions = model.additions.map { row in row.map { _ -> Double? in nil } }
        for capacity in plan.capacities where model.additions[capacity.period][model.keys.firstIndex(of: capacity.key)!] != nil {
            var value = capacity.added
            if model.wholeModules, capacity.key.asset == .smr { value = value.rounded() }
            additions[capacity.period][model.keys.firstIndex(of: capacity.key)!] = value
        }
        return (additions, (clock.now - start).seconds)
    }

    /// Whether representative days may stand for `site`'s days (the loader's refusals, docs/planning.md).
    static func aggregationAllowed(_ site: Site) -> Bool {
        if site.flexibility?.demandResponse.isEmpty == false { return false }
        if site.trainingJobs.contains(where: { $0.pause != nil }) { return false }
        if let smr = site.smr, smr.commitment == .integer,
           smr.minUpHours > site.horizon.stepHours || smr.minDownHours > site.horizon.stepHours { return false }
        if site.carbon.capBasis == .market, site.carbon.capTonnes != nil || site.carbon.intensityCapGramsPerKWhIT != nil,
           site.carbon.annualInstrumentMWh(stepHours: site.horizon.stepHours) > 0 { return false }
        return site.thermal == nil
    }

    /// Compiles every period's block and stacks them with the addition columns and tie rows
    /// (formulation.md 16.2-16.3).
    static func buildModel(_ site: Site, wholeModules: Bool, options: PlanOptions) throws -> BuildOutModel {
        let buildOut = site.buildOut!, sites = site.periodSites
        let rate = site.investment.discountRate
        // Each period's block, compiled from its site with the build's costs removed.
        var compiled: [(site: Site, days: RepresentativeDays?, model: SiteModel)] = []
        for periodSite in sites {
            var costless = periodSite.withoutBuildCosts()
            costless.smr?.integerUnits = wholeModules
            var days: RepresentativeDays?
            if let settings = costless.aggregation {
                let chosen = RepresentativeDays(site: costless, settings: settings)
                days = chosen
                costless = chosen.site(of: costless)
                costless.aggregation = nil
            }
            compiled.append((costless, days, try SiteCompiler.compile(costless, options: options.compile)))
        }

        let names = options.compile.names
        var program = LinearProgram(name: "build_out", sense: .minimize)
        let expansionsByPeriod = sites.map(\.expansions)
        let keys = expansionsByPeriod[0].map(\.key)
        let weights = buildOut.periods.indices.map { buildOut.objectiveWeight(period: $0, rate: rate) }
        // Additions: A[q][k], charged the present value of its annuity and fixed O&M over the
        // periods it is in service (costs of the period it is built in, for its whole life).
        // A period before a dimension's first build year has no addition column at all (rather
        // than one fixed at 0, which interior point handles worse).
        var additions: [[Column?]] = []
        for (q, expansions) in expansionsByPeriod.enumerated() {
            var row: [Column?] = []
            for (key, expansion) in expansions {
                guard Double(buildOut.periods[q].year) >= buildOut.firstBuildYear(expansion) - 1e-9 else {
                    row.append(nil)
                    continue
                }
                let cost = annualCostPerUnit(expansion, rate: rate) * buildOut.periods.indices
                    .filter { buildOut.isActive(builtIn: q, lifetimeYears: expansion.lifetimeYears, in: $0) }
                    .reduce(0.0) { $0 + weights[$1] }
                row.append(program.addColumn(lower: 0, upper: .infinity, objective: cost,
                                             kind: key.asset == .smr && wholeModules ? .integer : .continuous,
                                             name: names ? "added[\(buildOut.periods[q].year),\(key)]" : ""))
            }
            additions.append(row)
        }
        var blocks: [LinearProgram.AppendedBlock] = []
        var ties: [[Row]] = []
        var fixedOM = 0.0
        for (p, entry) in compiled.enumerated() {
            let years = entry.site.horizonYears
            let block = program.append(entry.model.program, objectiveScale: weights[p] / years,
                                       namePrefix: names ? "p\(buildOut.periods[p].year)::" : "")
            blocks.append(block)
            var periodTies: [Row] = []
            for (k, (key, column)) in entry.model.capacities.enumerated() {
                precondition(key == keys[k], "every period sizes the same dimensions (checked)")
                let existing = expansionsByPeriod[p][k].expansion.existing
                let tie = program.addRow(lower: existing, upper: existing, name: names ? "installed[\(buildOut.periods[p].year),\(key)]" : "")
                program.addCoefficient(tie, block.column(column), 1)
                for q in 0...p where buildOut.isActive(builtIn: q, lifetimeYears: expansionsByPeriod[q][k].expansion.lifetimeYears, in: p) {
                    if let addition = additions[q][k] { program.addCoefficient(tie, addition, -1) }
                }
                periodTies.append(tie)
                // Fixed O&M of the existing plant, at this period's cost: a constant.
                fixedOM += weights[p] * expansionsByPeriod[p][k].expansion.fixedOMUSDPerUnitYear * existing
            }
            ties.append(periodTies)
        }
        program.objectiveConstant += fixedOM
        return BuildOutModel(buildOut: buildOut, program: program, compiled: compiled, blocks: blocks, additions: additions, ties: ties,
                             weights: weights, keys: keys, expansionsByPeriod: expansionsByPeriod, fixedOMConstantUSD: fixedOM,
                             wholeModules: wholeModules)
    }

    /// Operates each period planned over representative days over its every step, with the
    /// capacity then installed (formulation.md 15.5, per period).
    static func verifyByFullOperation(_ plan: inout BuildOutPlan, options: PlanOptions) throws {
        let clock = ContinuousClock(), start = clock.now
        for p in plan.periods.indices where plan.periods[p].days != nil {
            guard let schedule = plan.periods[p].outcome.schedule else { continue }
            var site = plan.periods[p].site.withoutBuildCosts()
            site.smr?.integerUnits = false
            plan.periods[p].verification = try AggregatedPlanner.operate(site, capacities: schedule.capacities,
                                                                          estimate: plan.periods[p].figures, options: options)
        }
        plan.verificationSeconds = (clock.now - start).seconds
    }

    /// Annual cost of one unit added: annualised capital + fixed O&M, USD/(unit·year).
    static func annualCostPerUnit(_ expansion: Expansion, rate: Double) -> Double {
        expansion.annualCostUSDPerUnitYear(discountRate: rate)
    }

    /// Every period must size the same dimensions from the same existing plant, over horizons
    /// of the same step (the build's columns are tied across them).
    static func checkShared(_ sites: [Site], buildOut: BuildOut) throws {
        let reference = sites[0].expansions
        for (index, site) in sites.enumerated().dropFirst() {
            let year = buildOut.periods[index].year
            let mine = site.expansions
            if mine.map(\.key) != reference.map(\.key) {
                throw BuildOutError("period \(year) (periods[\(index)]) sizes \(mine.map(\.key.description).joined(separator: ", ")), the first period \(reference.map(\.key.description).joined(separator: ", ")); every period must have the same build sections (change their costs and bounds per period, not whether they exist)")
            }
            for (a, b) in zip(mine, reference) where a.expansion.existing != b.expansion.existing {
                throw BuildOutError("period \(year) (periods[\(index)]) changes the existing \(a.key) from \(b.expansion.existing) to \(a.expansion.existing); existing plant is the same in every period (what is added is carried forward by the plan)")
            }
        }
    }

    /// Figures of a block over every step (weights 1).
    static func fullFigures(_ outcome: OperatingSolve.Outcome, site: Site) -> PlanFigures? {
        guard let schedule = outcome.schedule, let objective = outcome.result.objectiveValue else { return nil }
        let k = schedule.kpis
        return PlanFigures(
            status: outcome.result.status.rawValue, totalCostUSD: objective, capitalCostUSD: 0, operatingCostUSD: objective,
            emissionsTonnes: k.emissionsTonnes, smrMWh: k.smrEnergyMWh, gridImportMWh: k.gridImportMWh, gridExportMWh: k.gridExportMWh,
            solarMWh: k.solarEnergyMWh, windMWh: k.windEnergyMWh, backupMWh: k.backupEnergyMWh, batteryDischargeMWh: k.batteryDischargeMWh,
            itMWh: k.itEnergyMWh, inferenceShedMWh: schedule.steps.reduce(0.0) { $0 + $1.inferenceShedMW } * site.horizon.stepHours,
            undeliveredTrainingMWh: schedule.jobs.reduce(0.0) { $0 + $1.undeliveredMWh },
            rows: outcome.model.program.rowCount, columns: outcome.model.program.columnCount, solveSeconds: outcome.result.solveSeconds)
    }
}

extension Site {
    /// The same site with every build's capital and fixed O&M set to 0 (bounds kept): a
    /// build-out charges them on its own columns, per vintage.
    public func withoutBuildCosts() -> Site {
        var site = self
        func zero(_ build: inout Expansion?) {
            guard build != nil else { return }
            build!.capexUSDPerUnit = 0
            build!.fixedOMUSDPerUnitYear = 0
        }
        if site.smr != nil { zero(&site.smr!.build) }
        for index in site.gridFeeds.indices { zero(&site.gridFeeds[index].connectionBuild) }
        for index in site.renewables.indices { zero(&site.renewables[index].build) }
        for index in site.batteries.indices {
            zero(&site.batteries[index].powerBuild)
            zero(&site.batteries[index].energyBuild)
        }
        for index in site.backupGenerators.indices { zero(&site.backupGenerators[index].build) }
        return site
    }
}

/// The stacked LP of a build-out (formulation.md 16) and where its parts are: what the stacked
/// solve and the Benders decomposition (section 17) both start from.
struct BuildOutModel {
    var buildOut: BuildOut
    var program: LinearProgram
    /// Each period's compiled site (its representative days when aggregated) and block.
    var compiled: [(site: Site, days: RepresentativeDays?, model: SiteModel)]
    var blocks: [LinearProgram.AppendedBlock]
    /// `A[q][k]` in ``program`` (nil before the dimension's first build year).
    var additions: [[Column?]]
    /// `installed[p,k]` rows in ``program``.
    var ties: [[Row]]
    /// `W_p` per period.
    var weights: [Double]
    var keys: [ExpansionKey]
    var expansionsByPeriod: [[(key: ExpansionKey, expansion: Expansion)]]
    /// Fixed O&M of the existing plant over every period, USD (in ``program``'s constant).
    var fixedOMConstantUSD: Double
    var wholeModules: Bool

    /// `W_p / Y_p`: the weight of block p's objective (a horizon's operation) in the NPV.
    func scale(_ p: Int) -> Double { weights[p] / compiled[p].site.horizonYears }
    /// Existing amount of dimension k (the same in every period, checked).
    var existing: [Double] { expansionsByPeriod[0].map(\.expansion.existing) }
    /// Periods q whose addition of dimension k is in service in period p.
    func activeAdditions(in p: Int, dimension k: Int) -> [Int] {
        (0...p).filter { buildOut.isActive(builtIn: $0, lifetimeYears: expansionsByPeriod[$0][k].expansion.lifetimeYears, in: p) }
    }
}

/// A build-out that cannot be set up (periods that do not share a build); the message says which and why.
public struct BuildOutError: Error, CustomStringConvertible, Sendable {
    public let description: String
    init(_ description: String) { self.description = description }
}
