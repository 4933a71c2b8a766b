import Foundation
import Island
import Optimization
@testable import Planning
import Scheduling
import Testing

/// Sites for the Benders decomposition of a build-out: the bundled plan-buildout and the
/// PyPSA cross-check build-out, on horizons short enough for the stacked LP to solve quickly.
enum BendersSites {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    static func load(_ path: String, _ overrides: [(String, String)]) throws -> Site {
        let document = try SiteDocument.read(from: root.appendingPathComponent(path))
        return try SiteLoader.resolve(document.applying(overrides: try overrides.map { ($0.0, try YAMLNode.parse(yaml: $0.1)) }))
    }

    /// `data/sites/plan-buildout.yaml` (4 periods, 2027-2044) over `steps` hours from 2025-05-01
    /// per period, every step in the LP (no representative days).
    /// Its training jobs are replaced by two inside the horizon (a week from 2025-05-01).
    static func buildOut(steps: Int, _ more: [(String, String)] = []) throws -> Site {
        let jobs = """
            [{name: pretrain, energy_mwh: 8000, release_utc: 2025-05-01T00:00Z, deadline_utc: 2025-05-08T00:00Z, max_power_mw: 120},
             {name: tune, energy_mwh: 3000, release_utc: 2025-05-02T00:00Z, deadline_utc: 2025-05-06T00:00Z, max_power_mw: 60,
              undelivered_penalty_usd_per_mwh: 500}]
            """
        return try load("data/sites/plan-buildout.yaml", [("aggregation", "null"), ("horizon.steps", "\(steps)"),
                                                          ("horizon.start_utc", "2025-05-01T00:00Z"), ("workloads.training_jobs", jobs)] + more)
    }

    /// The cross-check build-out (3 periods of 48 hours: solar, a gas backup that retires, an
    /// existing battery) with an SMR build of 20 MW modules.
    static func crosscheckWithSMR(integer: Bool, _ more: [(String, String)] = []) throws -> Site {
        try load("tools/crosscheck/buildout-sites/plan-buildout.yaml", [("smr", """
            {units: 0, capacity_mw_per_unit: 20, marginal_cost_usd_per_mwh: 12, min_stable_load_fraction: 0.4, ramp_fraction_per_hour: 0.2,
             commitment: linear, build: {max_units: 6, integer: \(integer), capex_usd_per_kw: 3000, fixed_om_usd_per_kw_year: 100, lifetime_years: 40}}
            """)] + more)
    }

    /// Exact solves (a vertex from the simplex), so that the two paths can be compared to 1e-7.
    /// `method: .auto`: the subproblems' own path (interior point, a crossover, then the dual simplex).
    static func options(_ decomposition: BuildOutDecomposition, gap: Double = 1e-9, method: SolverMethod = .dual,
                        warmSubproblems: Bool = BendersOptions().warmSubproblems) -> PlanOptions {
        var options = PlanOptions(solver: SolverOptions(method: method))
        options.decomposition = decomposition
        options.benders.relativeGap = gap
        options.benders.warmSubproblems = warmSubproblems
        return options
    }

    /// Whether every period was solved from its last optimal basis (`warm_dual` first) in every
    /// iteration after one that left it a basis (any solve but the elastic form), and never
    /// otherwise; without warm subproblems, never.
    static func warmWhereverABasisWas(_ report: BendersReport, warm: Bool) -> Bool {
        let periods = report.history.first?.periods.count ?? 0
        var hasBasis = [Bool](repeating: false, count: periods)
        for entry in report.history where !entry.periods.isEmpty {
            for (p, solve) in entry.periods.enumerated() {
                guard solve.path.hasPrefix("warm_dual") == hasBasis[p] else { return false }
                if warm, !solve.path.hasSuffix("elastic") { hasBasis[p] = true }
            }
        }
        return true
    }

    static func relative(_ a: Double, _ b: Double) -> Double { abs(a - b) / max(1, abs(a), abs(b)) }

    /// Capacities of two plans agree within `tolerance` of the largest capacity (degenerate
    /// optima may split a build differently between equivalent dimensions).
    static func capacitiesAgree(_ a: BuildOutPlan, _ b: BuildOutPlan, tolerance: Double = 1e-4) -> Bool {
        let largest = max(1, a.capacities.map(\.installed).max() ?? 0)
        return a.capacities.count == b.capacities.count
            && zip(a.capacities, b.capacities).allSatisfy { abs($0.installed - $1.installed) <= tolerance * largest }
    }
}

@Suite("Benders decomposition of a build-out by period: the stacked LP's plan, period by period")
struct BuildOutBendersTests {
    /// Subproblems by the dual simplex, each re-solved from its last basis or from scratch, and
    /// by the default path (interior point, a crossover to a basis, then the dual simplex from it).
    @Test("A week per period of plan-buildout: Benders' NPV equals the stacked LP's to 1e-7, its capacities agree, its lower bound is valid",
          arguments: [(SolverMethod.dual, true), (.dual, false), (.auto, true)])
    func weekEqualsStacked(method: SolverMethod, warmSubproblems: Bool) throws {
        let site = try BendersSites.buildOut(steps: 168)
        let stacked = try BuildOutPlanner.plan(site, options: BendersSites.options(.none))
        let benders = try BuildOutPlanner.plan(site, options: BendersSites.options(.benders, method: method, warmSubproblems: warmSubproblems))
        #expect(stacked.result.status == .optimal && benders.result.status == .optimal)
        #expect(stacked.decomposition == nil)
        let report = try #require(benders.decomposition)
        #expect(BendersSites.warmWhereverABasisWas(report, warm: warmSubproblems))
        let paths = report.history.flatMap(\.periods).map(\.path)
        if method == .auto {
            // The first basis of each period comes from a crossover after its interior point.
            #expect(paths.filter { $0.hasSuffix("interior_crossover") }.count == (warmSubproblems ? stacked.periods.count : 0))
        }
        let optimum = try #require(stacked.npvUSD), npv = try #require(benders.npvUSD)
        #expect(report.converged)
        #expect(BendersSites.relative(npv, optimum) <= 1e-7)
        #expect(BendersSites.capacitiesAgree(benders, stacked))
        // Every lower bound the master reported lies below the optimum, every upper bound above.
        for entry in report.history {
            if let lower = entry.lowerBoundUSD { #expect(lower <= optimum + 1e-9 * abs(optimum)) }
            if let upper = entry.upperBoundUSD { #expect(upper >= optimum - 1e-9 * abs(optimum)) }
        }
        #expect((report.relativeGap ?? 1) <= 1e-9)
        // The assembled plan is a solution of the stacked LP, and reads back as the same periods.
        #expect((benders.result.quality?.maxPrimalViolation ?? 1) <= 1e-6)
        for (a, b) in zip(benders.periods, stacked.periods) {
            let costA = try #require(a.operatingCostUSDPerYear), costB = try #require(b.operatingCostUSDPerYear)
            #expect(BendersSites.relative(costA, costB) <= 1e-6)
        }
    }

    /// The period's LP at a second trial point, re-solved by the dual simplex from its optimal
    /// basis at the first (interior point and a crossover), against a cold dual simplex there:
    /// the same optimum, so the same intercept, and the same slopes (a nondegenerate point).
    @Test("A period re-solved from its last basis gives the cut of a solve from scratch at the new trial point")
    func warmCutEqualsCold() throws {
        let site = try BendersSites.buildOut(steps: 168)
        let model = try BuildOutPlanner.buildModel(site, wholeModules: false, options: PlanOptions())
        var solver = SolverOptions()
        solver.concurrent = false
        var warmSettings = BendersOptions()
        warmSettings.warmSubproblems = true
        var cold = BendersOptions()
        cold.warmSubproblems = false
        for subproblem in BendersDecomposition.subproblems(of: model) {
            let program = subproblem.program
            // Capacities at 60 % and then 80 % of their ranges (the grid alone serves the draw).
            func at(_ fraction: Double) -> [Double] {
                subproblem.capacities.map { column in
                    let lower = program.columnLower[column.index], upper = min(program.columnUpper[column.index], 1e4)
                    return lower + fraction * (upper - lower)
                }
            }
            let first = try BendersDecomposition.evaluate(subproblem, at: at(0.6), basis: nil, options: solver, settings: warmSettings)
            #expect(first.solve.path == "interior_crossover")
            let firstBasis = first.basis
            let basis = try #require(firstBasis)
            let warm = try BendersDecomposition.evaluate(subproblem, at: at(0.8), basis: basis, options: solver, settings: warmSettings)
            let scratch = try BendersDecomposition.evaluate(subproblem, at: at(0.8), basis: nil, options: SolverOptions(method: .dual), settings: cold)
            #expect(warm.solve.path == "warm_dual" && scratch.solve.path == "simplex")
            #expect(warm.exact && scratch.exact)
            #expect(BendersSites.relative(warm.interceptUSD, scratch.interceptUSD) <= 1e-9)
            let largest = max(1, scratch.slopes.map(abs).max() ?? 0)
            #expect(zip(warm.slopes, scratch.slopes).allSatisfy { abs($0 - $1) <= 1e-7 * largest }, "\(warm.slopes) against \(scratch.slopes)")
        }
    }

    /// The corners' cuts are extra rows of the same first master, so its bound can only rise;
    /// the optimum is the same.
    @Test("Cuts at every period's largest capacities in the first iteration: a first lower bound at least as high, the same optimum")
    func cornerCuts() throws {
        let site = try BendersSites.crosscheckWithSMR(integer: false)
        var plainOptions = BendersSites.options(.benders)
        plainOptions.benders.cornerCuts = false
        let plain = try BuildOutPlanner.plan(site, options: plainOptions)
        let corners = try BuildOutPlanner.plan(site, options: BendersSites.options(.benders))
        let withCorners = try #require(corners.decomposition), without = try #require(plain.decomposition)
        let periods = corners.periods.count
        #expect(withCorners.subproblemSolves == periods * (withCorners.history.filter { !$0.periods.isEmpty }.count + 1))
        #expect(without.subproblemSolves == periods * without.history.filter { !$0.periods.isEmpty }.count)
        let first = try #require(withCorners.history.dropFirst().first?.lowerBoundUSD)
        #expect(first >= without.history.dropFirst().first?.lowerBoundUSD ?? -.infinity)
        let a = try #require(plain.npvUSD), b = try #require(corners.npvUSD)
        #expect(BendersSites.relative(a, b) <= 1e-7)
    }

    @Test("Whole SMR modules in the master (branch-and-cut) and relaxed: the stacked LP's optimum and build",
          arguments: [true, false])
    func modules(integer: Bool) throws {
        let site = try BendersSites.crosscheckWithSMR(integer: integer)
        let stacked = try BuildOutPlanner.plan(site, options: BendersSites.options(.none))
        let benders = try BuildOutPlanner.plan(site, options: BendersSites.options(.benders))
        #expect(stacked.result.status == .optimal && benders.result.status == .optimal)
        #expect(stacked.strategy == (integer ? .mip : .relaxed) && benders.strategy == stacked.strategy)
        let optimum = try #require(stacked.npvUSD), npv = try #require(benders.npvUSD)
        #expect(BendersSites.relative(npv, optimum) <= 1e-7)
        #expect(BendersSites.capacitiesAgree(benders, stacked))
        if integer {
            for capacity in benders.capacities where capacity.key.asset == .smr {
                #expect(abs(capacity.added - capacity.added.rounded()) < 1e-9)
            }
        }
        let report = try #require(benders.decomposition)
        #expect(try #require(report.lowerBoundUSD) <= optimum + 1e-9 * abs(optimum))
    }

    /// With the grid connection cut to 10 MW and no value of lost load, building nothing (the
    /// master's first point) leaves the draw unserved: those periods get the elastic form, whose
    /// cuts lead the master to builds that operate, and the optimum is still the stacked LP's.
    @Test("Periods that cannot operate at a trial build: elastic cuts, and still the stacked optimum")
    func elasticCuts() throws {
        let site = try BendersSites.crosscheckWithSMR(integer: false, [("grid_feeds[0].import_capacity_mw", "10")])
        let stacked = try BuildOutPlanner.plan(site, options: BendersSites.options(.none))
        let benders = try BuildOutPlanner.plan(site, options: BendersSites.options(.benders))
        #expect(stacked.result.status == .optimal && benders.result.status == .optimal)
        let report = try #require(benders.decomposition)
        #expect(report.elasticSolves > 0)
        let optimum = try #require(stacked.npvUSD), npv = try #require(benders.npvUSD)
        #expect(BendersSites.relative(npv, optimum) <= 1e-7)
        #expect(BendersSites.capacitiesAgree(benders, stacked))
    }

    @Test("Plain Kelley cutting planes (centre weight 0) reach the same optimum as the in-out points")
    func kelleyAgrees() throws {
        let site = try BendersSites.crosscheckWithSMR(integer: false)
        var kelley = BendersSites.options(.benders)
        kelley.benders.centreWeight = 0
        let plain = try BuildOutPlanner.plan(site, options: kelley)
        let stabilised = try BuildOutPlanner.plan(site, options: BendersSites.options(.benders))
        let a = try #require(plain.npvUSD), b = try #require(stabilised.npvUSD)
        #expect(BendersSites.relative(a, b) <= 1e-7)
    }

    @Test("An iteration limit before the gap closes: the best plan found, reported as not converged")
    func iterationLimit() throws {
        let site = try BendersSites.crosscheckWithSMR(integer: false)
        var options = BendersSites.options(.benders)
        options.benders.maximumIterations = 1
        let plan = try BuildOutPlanner.plan(site, options: options)
        let report = try #require(plan.decomposition)
        #expect(!report.converged && report.iterations == 1)
        #expect(plan.result.status != .optimal)
    }

    @Test("auto: Benders for full horizons of at least 2,000 steps per period, the stacked LP otherwise")
    func autoChoice() throws {
        let short = try BuildOutPlanner.buildModel(try BendersSites.buildOut(steps: 168), wholeModules: false, options: PlanOptions())
        #expect(BuildOutPlanner.resolvedDecomposition(.auto, for: short) == .none)
        #expect(BuildOutPlanner.resolvedDecomposition(.benders, for: short) == .benders)
    }
}
