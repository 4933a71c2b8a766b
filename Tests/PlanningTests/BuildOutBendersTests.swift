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
    static func options(_ decomposition: BuildOutDecomposition, gap: Double = 1e-9) -> PlanOptions {
        var options = PlanOptions(solver: SolverOptions(method: .dual))
        options.decomposition = decomposition
        options.benders.relativeGap = gap
        return options
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
    @Test("A week per period of plan-buildout: Benders' NPV equals the stacked LP's to 1e-7, its capacities agree, its lower bound is valid",
          arguments: [168])
    func weekEqualsStacked(steps: Int) throws {
        let site = try BendersSites.buildOut(steps: steps)
        let stacked = try BuildOutPlanner.plan(site, options: BendersSites.options(.none))
        let benders = try BuildOutPlanner.plan(site, options: BendersSites.options(.benders))
        #expect(stacked.result.status == .optimal && benders.result.status == .optimal)
        #expect(stacked.decomposition == nil)
        let report = try #require(benders.decomposition)
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
