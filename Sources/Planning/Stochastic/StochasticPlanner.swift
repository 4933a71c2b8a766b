import Foundation
import Island
import Optimization
import Scheduling

/// A two-stage stochastic capacity plan: one build shared by every scenario, each scenario
/// operated on its own (docs/planning.md, "Planning across scenarios").
public struct StochasticPlan: Sendable {
    /// One scenario's operation under the shared build.
    public struct ScenarioRun: Sendable {
        public var name: String
        public var probability: Double
        /// The scenario's site (the base site with its overrides).
        public var site: Site
        /// Its block of the deterministic equivalent, read back as an operating run: its
        /// schedule, KPIs and cost (annualised capital + fixed O&M + operation) under the build.
        public var outcome: OperatingSolve.Outcome
        public var costUSD: Double? { outcome.schedule?.kpis.objectiveUSD }
    }

    /// The strategy that settled the module count (`auto` resolved).
    public var strategy: ModuleCountStrategy
    /// The deterministic equivalent's solve.
    public var result: SolveResult
    /// The shared build, empty without a solution.
    public var capacities: [InstalledCapacity]
    public var scenarios: [ScenarioRun]
    public var risk: RiskMeasure
    /// Module counts tried by enumeration, with the risk-adjusted objective of each.
    public var candidates: [CapacityPlan.Candidate]
    /// Size of the deterministic equivalent.
    public var rows: Int
    public var columns: Int
    public var nonzeros: Int
    public var buildSeconds: Double
    /// Wait-and-see and single-scenario plans, when asked for.
    public var bounds: StochasticBounds?

    /// Scenario costs and probabilities of the solved plan.
    var costs: [(cost: Double, probability: Double)]? {
        // A plain loop: a compactMap over optional tuples crashed the 6.x optimiser (CopyPropagation).
        var values: [(cost: Double, probability: Double)] = []
        for run in scenarios {
            guard let cost = run.outcome.schedule?.kpis.objectiveUSD else { return nil }
            values.append((cost: cost, probability: run.probability))
        }
        return values
    }
    /// Probability-weighted cost of the scenarios, USD.
    public var expectedCostUSD: Double? { costs.map { $0.reduce(0) { $0 + $1.cost * $1.probability } } }
    /// The cost exceeded with probability at most 1 - alpha (value at risk), USD.
    public var valueAtRiskUSD: Double? { costs.map { RiskMeasure.valueAtRisk($0, alpha: risk.cvarAlpha) } }
    /// Expected cost of the worst 1 - alpha of probability (conditional value at risk), USD.
    public var conditionalValueAtRiskUSD: Double? { costs.map { RiskMeasure.conditionalValueAtRisk($0, alpha: risk.cvarAlpha) } }
    /// `(1 - weight) x expected cost + weight x CVaR`: what the plan minimised, USD.
    public var riskAdjustedCostUSD: Double? { costs.map { risk.adjusted($0) } }
}

/// What perfect information and single-scenario planning would give (Birge and Louveaux,
/// "Introduction to Stochastic Programming", 2nd ed., Springer 2011, ch. 4): for a monotone
/// risk measure, `waitAndSee <= stochastic <= bestSingleScenarioPlan`.
public struct StochasticBounds: Sendable {
    public struct SingleScenarioPlan: Sendable {
        /// The scenario the plan was made for.
        public var scenario: String
        public var capacities: [InstalledCapacity]
        /// Its cost in its own scenario, USD.
        public var ownCostUSD: Double
        /// Its cost in every scenario (scenario order), USD.
        public var costsUSD: [Double]
        /// Its risk-adjusted cost across the scenarios, USD.
        public var riskAdjustedCostUSD: Double
    }

    /// The risk measure of each scenario's own optimum (each plan knows its future), USD.
    public var waitAndSeeUSD: Double
    public var plans: [SingleScenarioPlan]
    /// The best single-scenario plan's risk-adjusted cost across all scenarios, USD.
    public var bestSingleScenarioUSD: Double { plans.map(\.riskAdjustedCostUSD).min() ?? .nan }
}

public enum StochasticPlanner {
    /// Plans one build for every scenario of `set` over `base`: the deterministic equivalent
    /// (one block per scenario, the build's columns tied across blocks) minimising
    /// `(1 - w) E[cost] + w CVaR_alpha[cost]`. With `bounds`, also plans each scenario alone
    /// and prices each such plan in every scenario.
    public static func plan(base: SiteDocument, scenarios set: PlanScenarioSet, options: PlanOptions = PlanOptions(),
                            bounds: Bool = false) throws -> StochasticPlan {
        let sites = try resolve(base: base, set: set)
        let probabilities = set.scenarios.map(\.probability)
        let first = sites[0]
        let (strategy, counts) = CapacityPlanner.resolvedStrategy(options.moduleCounts, for: first)

        var plan: StochasticPlan
        switch strategy {
        case .enumerate:
            guard let counts else { throw PlanError.unboundedModuleCount }
            var best: StochasticPlan?
            var candidates: [CapacityPlan.Candidate] = []
            for units in counts {
                let clock = ContinuousClock(), start = clock.now
                let fixed = sites.map { site -> Site in
                    var site = site
                    site.smr?.build?.minimum = Double(units)
                    site.smr?.build?.maximum = Double(units)
                    site.smr?.integerUnits = false
                    return site
                }
                let candidate = try solveEquivalent(fixed, names: set.scenarios.map(\.name), probabilities: probabilities,
                                                    risk: set.risk, options: options, strategy: .enumerate)
                let objective = candidate.result.status == .optimal ? candidate.result.objectiveValue : nil
                candidates.append(CapacityPlan.Candidate(smrUnits: units, status: candidate.result.status, objectiveUSD: objective,
                                                         seconds: (clock.now - start).seconds))
                if let objective, objective < (best?.result.objectiveValue ?? .infinity) - 1e-9 * max(1, abs(objective)) { best = candidate }
                if best == nil, units == counts.upperBound { best = candidate }
            }
            plan = best!
            plan.candidates = candidates
        case .relaxed, .mip, .auto:
            let settled = sites.map { site -> Site in
                var site = site
                if strategy == .relaxed { site.smr?.integerUnits = false }
                if strategy == .mip { site.smr?.integerUnits = true }
                return site
            }
            plan = try solveEquivalent(settled, names: set.scenarios.map(\.name), probabilities: probabilities, risk: set.risk,
                                       options: options, strategy: first.smr?.build == nil ? .auto : strategy)
        }
        if bounds, plan.result.status == .optimal {
            plan.bounds = try singleScenarioBounds(sites, probabilities: probabilities, names: set.scenarios.map(\.name),
                                                   risk: set.risk, options: options)
        }
        return plan
    }

    /// The scenarios' sites, checked to share one build: same sized dimensions with the same
    /// costs and bounds, and horizons of the same length (the capital's share).
    static func resolve(base: SiteDocument, set: PlanScenarioSet) throws -> [Site] {
        guard !set.scenarios.isEmpty else { throw StochasticPlanError("the scenario set is empty") }
        var sites: [Site] = []
        for scenario in set.scenarios {
            do {
                sites.append(try SiteLoader.resolve(base.applying(overrides: scenario.overrides)))
            } catch let error as SiteValidationError {
                throw StochasticPlanError("scenario \"\(scenario.name)\":\n\(error.description)")
            }
        }
        let reference = sites[0]
        if reference.buildOut != nil {
            throw StochasticPlanError("periods: a multi-period build-out cannot be combined with --scenarios yet; plan one future at a time")
        }
        guard reference.plansCapacity else {
            throw StochasticPlanError("nothing to plan: the site has no build section (docs/site-format.md, \"Capacity planning\")")
        }
        for (scenario, site) in zip(set.scenarios, sites).dropFirst() {
            let mine = site.expansions, theirs = reference.expansions
            if mine.map(\.key) != theirs.map(\.key) || zip(mine, theirs).contains(where: { $0.expansion != $1.expansion }) {
                throw StochasticPlanError("scenario \"\(scenario.name)\" changes a build section; the build is shared by every scenario, so its costs and bounds must be the same in all of them")
            }
            if site.investment != reference.investment {
                throw StochasticPlanError("scenario \"\(scenario.name)\" changes the investment section; the discount rate is shared by every scenario")
            }
            if site.horizon.steps != reference.horizon.steps || site.horizon.stepHours != reference.horizon.stepHours {
                throw StochasticPlanError("scenario \"\(scenario.name)\" has \(site.horizon.steps) steps of \(site.horizon.stepHours) h, the first scenario \(reference.horizon.steps) of \(reference.horizon.stepHours) h; every scenario must cover the same length of time (the capital's share)")
            }
        }
        return sites
    }

    /// Builds and solves the deterministic equivalent of `sites` and reads each block back.
    static func solveEquivalent(_ sites: [Site], names: [String], probabilities: [Double], risk: RiskMeasure,
                                options: PlanOptions, strategy: ModuleCountStrategy) throws -> StochasticPlan {
        let clock = ContinuousClock(), buildStart = clock.now
        let models = try sites.map { try SiteCompiler.compile($0, options: options.compile) }
        let (program, blocks, _) = equivalent(models, probabilities: probabilities, risk: risk, names: options.compile.names ? names : nil)
        let buildSeconds = (clock.now - buildStart).seconds
        let result = try GLPK.solve(program, options: options.solver)
        var runs: [StochasticPlan.ScenarioRun] = []
        for (index, (site, model)) in zip(sites, models).enumerated() {
            let block = blocks[index]
            // The block's duals price its rows at (1 - w) p_s of their cost (the CVaR term
            // adds its share in the worst scenarios): scaled back to one scenario's prices.
            let scale = (1 - risk.cvarWeight) * probabilities[index]
            let slice = result.slice(block, of: model.program, dualScale: scale)
            let schedule = slice.status.hasSolution && !slice.primalValues.isEmpty
                ? ScheduleReader.read(site: site, model: model, result: slice) : nil
            runs.append(StochasticPlan.ScenarioRun(
                name: names[index], probability: probabilities[index], site: site,
                outcome: OperatingSolve.Outcome(model: model, result: slice, schedule: schedule, buildSeconds: buildSeconds)))
        }
        return StochasticPlan(strategy: strategy, result: result, capacities: runs.first?.outcome.schedule?.capacities ?? [],
                              scenarios: runs, risk: risk, candidates: [], rows: program.rowCount, columns: program.columnCount,
                              nonzeros: program.entryCount, buildSeconds: buildSeconds)
    }

    /// The deterministic equivalent: each scenario's model as a block with its costs weighted
    /// by `(1 - w) p_s`, one shared column per sized dimension tied to each block's copy
    /// (`x_s - x = 0`), and with `w > 0` the CVaR rows of Rockafellar and Uryasev:
    /// `u_s >= cost_s - eta`, `u_s >= 0`, objective `+ w (eta + sum_s p_s u_s / (1 - alpha))`.
    static func equivalent(_ models: [SiteModel], probabilities: [Double], risk: RiskMeasure, names: [String]?)
        -> (LinearProgram, [LinearProgram.AppendedBlock], cvar: (eta: Column, excess: [Column])?) {
        var program = LinearProgram(name: "stochastic_plan", sense: .minimize)
        let reference = models[0]
        var shared: [Column] = []
        for (key, column) in reference.capacities {
            let kind = reference.program.columnKinds[column.index]
            shared.append(program.addColumn(lower: reference.program.columnLower[column.index], upper: reference.program.columnUpper[column.index],
                                            kind: kind, name: names == nil ? "" : "build[\(key)]"))
        }
        var blocks: [LinearProgram.AppendedBlock] = []
        let weight = risk.cvarWeight
        for (index, model) in models.enumerated() {
            let block = program.append(model.program, objectiveScale: (1 - weight) * probabilities[index],
                                       namePrefix: names.map { "\($0[index])::" } ?? "")
            blocks.append(block)
            for ((_, column), sharedColumn) in zip(model.capacities, shared) {
                let tie = program.addRow(lower: 0, upper: 0, name: names == nil ? "" : "\(names![index])::build_tie[\(column.index)]")
                program.addCoefficient(tie, block.column(column), 1)
                program.addCoefficient(tie, sharedColumn, -1)
            }
        }
        guard weight > 0 else { return (program, blocks, nil) }
        let eta = program.addColumn(lower: -.infinity, upper: .infinity, objective: weight, name: names == nil ? "" : "cvar_eta")
        var excess: [Column] = []
        for (index, model) in models.enumerated() {
            let block = blocks[index]
            let u = program.addColumn(lower: 0, upper: .infinity, objective: weight * probabilities[index] / (1 - risk.cvarAlpha),
                                      name: names == nil ? "" : "cvar_excess[\(names![index])]")
            // u_s + eta - c_s . x_s >= constant_s
            let row = program.addRow(lower: model.program.objectiveConstant, upper: .infinity, name: names == nil ? "" : "cvar[\(names![index])]")
            program.addCoefficient(row, u, 1)
            program.addCoefficient(row, eta, 1)
            for (offset, cost) in model.program.objective.enumerated() where cost != 0 {
                program.addCoefficient(row, Column(block.columnOffset + offset), -cost)
            }
            excess.append(u)
        }
        return (program, blocks, (eta, excess))
    }

    /// Each scenario planned alone, and each such plan priced in every scenario (its build
    /// fixed, operation re-optimised).
    static func singleScenarioBounds(_ sites: [Site], probabilities: [Double], names: [String], risk: RiskMeasure,
                                     options: PlanOptions) throws -> StochasticBounds {
        var plans: [StochasticBounds.SingleScenarioPlan] = []
        var own: [Double] = []
        for (index, site) in sites.enumerated() {
            let alone = try CapacityPlanner.plan(site, options: options)
            guard let schedule = alone.outcome.schedule, alone.outcome.result.status == .optimal else {
                throw StochasticPlanError("scenario \"\(names[index])\" planned alone ended \(alone.outcome.result.status.rawValue)")
            }
            own.append(schedule.kpis.objectiveUSD)
            var installed: [ExpansionKey: Double] = [:]
            for capacity in schedule.capacities { if let key = capacity.key { installed[key] = capacity.installed } }
            var costs: [Double] = []
            for (other, otherSite) in sites.enumerated() {
                if other == index { costs.append(schedule.kpis.objectiveUSD); continue }
                let priced = try OperatingSolve.run(otherSite.withExpansions(fixedAt: installed), solver: options.solver, compile: options.compile)
                // A build that cannot serve another scenario costs infinitely much there.
                costs.append(priced.result.status == .optimal ? (priced.schedule?.kpis.objectiveUSD ?? .infinity) : .infinity)
            }
            plans.append(StochasticBounds.SingleScenarioPlan(scenario: names[index], capacities: schedule.capacities, ownCostUSD: own[index],
                                                             costsUSD: costs, riskAdjustedCostUSD: risk.adjusted(Array(zip(costs, probabilities)))))
        }
        return StochasticBounds(waitAndSeeUSD: risk.adjusted(Array(zip(own, probabilities))), plans: plans)
    }
}

extension RiskMeasure {
    /// The smallest cost whose probability of being exceeded is at most 1 - alpha.
    static func valueAtRisk(_ outcomes: [(cost: Double, probability: Double)], alpha: Double) -> Double {
        var cumulative = 0.0
        for outcome in outcomes.sorted(by: { $0.cost < $1.cost }) {
            cumulative += outcome.probability
            if cumulative >= alpha - 1e-12 { return outcome.cost }
        }
        return outcomes.map(\.cost).max() ?? .nan
    }

    /// Rockafellar-Uryasev: `min over eta of eta + E[max(0, cost - eta)] / (1 - alpha)`,
    /// attained at the value at risk.
    static func conditionalValueAtRisk(_ outcomes: [(cost: Double, probability: Double)], alpha: Double) -> Double {
        let eta = valueAtRisk(outcomes, alpha: alpha)
        return eta + outcomes.reduce(0) { $0 + $1.probability * max(0, $1.cost - eta) } / (1 - alpha)
    }

    /// `(1 - w) E[cost] + w CVaR_alpha[cost]`.
    func adjusted(_ outcomes: [(cost: Double, probability: Double)]) -> Double {
        let expected = outcomes.reduce(0) { $0 + $1.cost * $1.probability }
        guard cvarWeight > 0 else { return expected }
        return (1 - cvarWeight) * expected + cvarWeight * Self.conditionalValueAtRisk(outcomes, alpha: cvarAlpha)
    }
}

extension Site {
    /// The same site with every sized dimension in `installed` fixed there (its build's
    /// minimum and maximum both set to it, the module count continuous): the plan's LP then
    /// prices that build, capital included, and re-optimises only the operation.
    public func withExpansions(fixedAt installed: [ExpansionKey: Double]) -> Site {
        var site = self
        func fix(_ build: inout Expansion?, _ key: ExpansionKey) {
            guard let value = installed[key], build != nil else { return }
            build!.minimum = value
            build!.maximum = value
        }
        if site.smr?.build != nil {
            fix(&site.smr!.build, ExpansionKey(asset: .smr, name: "smr", dimension: .units))
            site.smr!.integerUnits = false
        }
        for index in site.gridFeeds.indices {
            fix(&site.gridFeeds[index].connectionBuild, ExpansionKey(asset: .grid, name: site.gridFeeds[index].name, dimension: .powerMW))
        }
        for index in site.renewables.indices {
            fix(&site.renewables[index].build, ExpansionKey(asset: .renewable, name: site.renewables[index].name, dimension: .powerMW))
        }
        for index in site.batteries.indices {
            let name = site.batteries[index].name
            fix(&site.batteries[index].powerBuild, ExpansionKey(asset: .battery, name: name, dimension: .powerMW))
            fix(&site.batteries[index].energyBuild, ExpansionKey(asset: .battery, name: name, dimension: .energyMWh))
        }
        for index in site.backupGenerators.indices {
            fix(&site.backupGenerators[index].build, ExpansionKey(asset: .backup, name: site.backupGenerators[index].name, dimension: .powerMW))
        }
        return site
    }
}

/// A stochastic plan that cannot be set up (bad scenarios); the message says which and why.
public struct StochasticPlanError: Error, CustomStringConvertible, Sendable {
    public let description: String
    init(_ description: String) { self.description = description }
}
