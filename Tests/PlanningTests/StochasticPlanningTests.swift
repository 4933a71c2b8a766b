import Foundation
import Island
import Optimization
import Planning
import Scheduling
import Testing

/// Two-stage stochastic plans: one build for every scenario, each operated on its own.
@Suite("Planning across scenarios: one build, every scenario operated, risk priced")
struct StochasticPlanningTests {
    static let repositoryRoot = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    static var weekDocument: SiteDocument {
        get throws { try SiteDocument.read(from: repositoryRoot.appendingPathComponent("data/sites/plan-example-week.yaml")) }
    }

    /// Two futures for the week: today's prices and carbon, and a hot, dear one with a carbon price.
    static func twoFutures(risk: RiskMeasure = RiskMeasure()) -> PlanScenarioSet {
        PlanScenarioSet(scenarios: [
            .init(name: "temperate", probability: 0.6),
            .init(name: "hot-dear", probability: 0.4, overrides: [
                ("grid_feeds[0].price_usd_per_mwh.file", .string("../series/hot-dry-2025.csv")),
                ("carbon.price_usd_per_t", .number(150)),
            ]),
        ], risk: risk)
    }

    static func relative(_ a: Double, _ b: Double) -> Double { abs(a - b) / max(1, abs(b)) }

    @Test("one scenario of probability 1 is the deterministic plan")
    func singleScenarioIsThePlan() throws {
        let document = try Self.weekDocument
        let stochastic = try StochasticPlanner.plan(base: document, scenarios: PlanScenarioSet(scenarios: [.init(name: "only", probability: 1)]))
        let deterministic = try CapacityPlanner.plan(try SiteLoader.resolve(document))
        #expect(stochastic.result.status == .optimal)
        let expected = try #require(deterministic.outcome.schedule?.kpis.objectiveUSD)
        #expect(Self.relative(try #require(stochastic.expectedCostUSD), expected) <= 1e-6)
        let planned = try #require(deterministic.outcome.schedule?.capacities)
        for (shared, alone) in zip(stochastic.capacities, planned) {
            #expect(abs(shared.installed - alone.installed) <= 1e-4 * max(1, alone.installed), "\(shared.name) \(shared.dimension)")
        }
    }

    @Test("a scenario repeated with its probability split is still the deterministic plan")
    func duplicatedScenario() throws {
        let document = try Self.weekDocument
        let split = try StochasticPlanner.plan(base: document, scenarios: PlanScenarioSet(scenarios: [
            .init(name: "a", probability: 0.3), .init(name: "b", probability: 0.7)]))
        let deterministic = try CapacityPlanner.plan(try SiteLoader.resolve(document))
        let expected = try #require(deterministic.outcome.schedule?.kpis.objectiveUSD)
        #expect(Self.relative(try #require(split.expectedCostUSD), expected) <= 1e-6)
        #expect(split.scenarios.allSatisfy { Self.relative($0.costUSD ?? .nan, expected) <= 1e-6 })
    }

    @Test("wait-and-see <= stochastic <= the best single-scenario plan, risk-neutral and with CVaR",
          arguments: [RiskMeasure(), RiskMeasure(cvarWeight: 0.5, cvarAlpha: 0.5)])
    func boundsHold(risk: RiskMeasure) throws {
        let plan = try StochasticPlanner.plan(base: try Self.weekDocument, scenarios: Self.twoFutures(risk: risk), bounds: true)
        #expect(plan.result.status == .optimal)
        let stochastic = try #require(plan.riskAdjustedCostUSD)
        let bounds = try #require(plan.bounds)
        let tolerance = 1e-6 * stochastic
        #expect(bounds.waitAndSeeUSD <= stochastic + tolerance, "wait-and-see \(bounds.waitAndSeeUSD) vs \(stochastic)")
        #expect(stochastic <= bounds.bestSingleScenarioUSD + tolerance, "best single \(bounds.bestSingleScenarioUSD) vs \(stochastic)")
        // The two futures want different builds: the stochastic one is a real compromise.
        #expect(bounds.waitAndSeeUSD < bounds.bestSingleScenarioUSD - 1e-4 * stochastic)
        // The deterministic equivalent's objective is the risk measure of the scenario costs.
        #expect(Self.relative(try #require(plan.result.objectiveValue), stochastic) <= 1e-6)
        // Every scenario runs on the same build.
        for run in plan.scenarios {
            let capacities = try #require(run.outcome.schedule?.capacities)
            for (mine, shared) in zip(capacities, plan.capacities) { #expect(abs(mine.installed - shared.installed) <= 1e-6 * max(1, shared.installed)) }
        }
        // Each single-scenario plan costs in its own scenario what it cost alone.
        for single in bounds.plans {
            let index = try #require(plan.scenarios.firstIndex { $0.name == single.scenario })
            #expect(single.costsUSD[index] == single.ownCostUSD)
        }
    }

    @Test("a worst-case weight trades expected cost for a lower worst case")
    func cvarHedges() throws {
        let neutral = try StochasticPlanner.plan(base: try Self.weekDocument, scenarios: Self.twoFutures())
        let averse = try StochasticPlanner.plan(base: try Self.weekDocument, scenarios: Self.twoFutures(risk: RiskMeasure(cvarWeight: 1, cvarAlpha: 0.6)))
        let neutralWorst = try #require(neutral.scenarios.compactMap(\.costUSD).max())
        let averseWorst = try #require(averse.scenarios.compactMap(\.costUSD).max())
        // With alpha 0.6 the CVaR of two outcomes at 0.6/0.4 is the worse one's cost.
        #expect(Self.relative(try #require(averse.conditionalValueAtRiskUSD), averseWorst) <= 1e-9)
        #expect(averseWorst <= neutralWorst * (1 + 1e-6))
        let averseExpected = try #require(averse.expectedCostUSD), neutralExpected = try #require(neutral.expectedCostUSD)
        #expect(averseExpected >= neutralExpected * (1 - 1e-6))
    }

    @Test("scenario files: probabilities, names and keys are checked, with key paths")
    func scenarioFileChecks() throws {
        func problems(_ yaml: String) -> String {
            do {
                _ = try PlanScenarioSet.parse(YAMLNode.parse(yaml: yaml, file: "s.yaml"), file: "s.yaml")
                return ""
            } catch { return "\(error)" }
        }
        #expect(problems("scenarios: [{name: a, probability: 0.5}, {name: b, probability: 0.4}]").contains("sum to 1"))
        #expect(problems("scenarios: [{name: a, probability: 0.5}, {name: b}]").contains("every scenario a probability"))
        #expect(problems("scenarios: [{name: a}, {name: a}]").contains("scenarios[1].name"))
        #expect(problems("scenarios: [{name: a, weight: 1}]").contains("scenarios[0].weight"))
        #expect(problems("scenarios: []").contains("non-empty"))
        #expect(problems("scenarios: [{name: a}]\nrisk: {cvar_weight: 2}").contains("risk.cvar_weight"))
        let equal = try PlanScenarioSet.parse(YAMLNode.parse(yaml: "scenarios: [{name: a}, {name: b}, {name: c}]", file: "s.yaml"), file: "s.yaml")
        let probabilities: [Double] = equal.scenarios.map(\.probability)
        let third: Double = 1.0 / 3
        #expect(probabilities == [third, third, third])
    }

    @Test("a scenario may not change the shared build's costs")
    func buildIsShared() throws {
        let set = PlanScenarioSet(scenarios: [
            .init(name: "a", probability: 0.5),
            .init(name: "b", probability: 0.5, overrides: [("renewables[0].build.capex_usd_per_kw", .number(500))]),
        ])
        #expect { try StochasticPlanner.plan(base: try Self.weekDocument, scenarios: set) } throws: { error in
            "\(error)".contains("scenario \"b\" changes a build section")
        }
    }
}
