import Foundation
import Island
import Optimization
import Planning
import Scheduling
import Testing

/// Stochastic plans over SMR forced-outage draws: `outage_draws` in the scenario file.
@Suite("Plans across outage draws: outage_draws in the scenario file")
struct OutageDrawPlanTests {
    static let repositoryRoot = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    static func parse(_ yaml: String) throws -> PlanScenarioSet {
        try PlanScenarioSet.parse(YAMLNode.parse(yaml: yaml, file: "futures.yaml"), file: "futures.yaml")
    }

    @Test("outage_draws alone: N equally likely draws, draw-001 ..., each setting smr.forced_outages.draw")
    func drawsAlone() throws {
        let set = try Self.parse("outage_draws: {count: 4, seed: 9}")
        #expect(set.scenarios.map(\.name) == ["draw-001", "draw-002", "draw-003", "draw-004"])
        #expect(set.scenarios.allSatisfy { $0.probability == 0.25 })
        #expect(set.scenarios[2].overrides.map(\.path) == ["smr.forced_outages.draw", "smr.forced_outages.seed"])
        #expect(set.scenarios[2].overrides.map { $0.value.scalarText } == ["3", "9"])
    }

    @Test("with named scenarios: their product, probabilities multiplied")
    func productWithNamed() throws {
        let set = try Self.parse("""
            scenarios:
              - {name: calm, probability: 0.75}
              - {name: dear, probability: 0.25, overrides: {carbon.price_usd_per_t: 150}}
            outage_draws: {count: 2}
            risk: {cvar_weight: 0.5, cvar_alpha: 0.9}
            """)
        #expect(set.scenarios.map(\.name) == ["calm-draw-001", "calm-draw-002", "dear-draw-001", "dear-draw-002"])
        #expect(set.scenarios.map(\.probability) == [0.375, 0.375, 0.125, 0.125])
        #expect(set.scenarios[3].overrides.map(\.path) == ["carbon.price_usd_per_t", "smr.forced_outages.draw"])
        #expect(set.risk == RiskMeasure(cvarWeight: 0.5, cvarAlpha: 0.9))
    }

    @Test("bad outage_draws are refused with the file, key path and line", arguments: [
        ("outage_draws: {count: 0}", "outage_draws.count", "must be a whole number in 1...1000, got 0"),
        ("outage_draws: {count: 3, seed: x}", "outage_draws.seed", "must be a whole number in 0...999999999999"),
        ("outage_draws: {seed: 3}", "outage_draws.count", "missing"),
        ("outage_draws: {count: 3, draw: 2}", "outage_draws.draw", "unknown key; expected count, seed"),
        ("scenarios:\n  - {name: a, overrides: {smr.forced_outages.draw: 2}}\noutage_draws: {count: 3}",
         "scenarios[0].overrides.smr.forced_outages.draw", "is set by outage_draws"),
        ("risk: {cvar_weight: 0.5}", "scenarios", "(or give outage_draws)"),
    ])
    func badInput(yaml: String, keyPath: String, message: String) throws {
        let error = try #require(throws: SiteValidationError.self) { try Self.parse(yaml) }
        let issue = try #require(error.issues.first { $0.keyPath == keyPath }, "\(error.issues)")
        #expect(issue.message.contains(message), "\(issue.message)")
        #expect(issue.file == "futures.yaml" && issue.line != nil)
    }

    @Test("a plan over four draws: each scenario operates its own draw, and the expected cost is the probability-weighted scenario costs")
    func expectedCost() throws {
        let document = try SiteDocument.read(from: Self.repositoryRoot.appendingPathComponent("data/sites/outages-week-plan.yaml"))
        let set = try Self.parse("outage_draws: {count: 4}")
        let plan = try StochasticPlanner.plan(base: document, scenarios: set)
        #expect(plan.result.status == .optimal)
        var weighted = 0.0
        for run in plan.scenarios {
            weighted += run.probability * (try #require(run.costUSD))
            #expect(run.site.smr?.forcedOutages?.draw == Int(run.name.dropFirst("draw-".count)))
        }
        let expected = try #require(plan.expectedCostUSD)
        #expect(abs(expected - weighted) <= 1e-9 * abs(weighted))
        // Risk-neutral: the deterministic equivalent's objective is that expectation.
        #expect(abs(try #require(plan.result.objectiveValue) - weighted) <= 1e-6 * abs(weighted))
        // The draws differ: not every scenario sees the same outages, nor the same cost.
        let hours = plan.scenarios.map { $0.outcome.schedule?.kpis.smrForcedOutageUnitHours ?? -1 }
        #expect(Set(hours).count > 1 && hours.allSatisfy { $0 >= 0 })
        #expect(Set(plan.scenarios.map { $0.costUSD ?? 0 }).count > 1)
        // One battery for every draw.
        for run in plan.scenarios {
            for (mine, shared) in zip(run.outcome.schedule?.capacities ?? [], plan.capacities) {
                #expect(abs(mine.installed - shared.installed) <= 1e-6 * max(1, shared.installed))
            }
        }
    }
}
