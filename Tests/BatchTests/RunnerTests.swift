import Batch
import Foundation
import Island
import Testing

@Suite("The batch runner: workers, warm re-solves, failures as outcomes")
struct RunnerTests {
    /// Runs `body`'s scenarios without a store and returns the results by scenario id.
    static func run(_ body: String, jobs: Int, warmStart: WarmStartPolicy) throws -> (RunTotals, [String: ScenarioResult]) {
        let definition = try BatchFixtures.definition(body)
        let runner = BatchRunner(base: try SiteDocument.read(from: definition.siteURL), store: nil,
                                 options: BatchRunOptions(jobs: jobs, warmStart: warmStart, insulaVersion: "test"))
        let collected = Collected()
        let totals = try runner.run(try definition.expand()) { collected.add($0) }
        return (totals, collected.byID)
    }

    static let priceSweep = """
        grid:
          carbon.price_usd_per_t: [0, 100]
          smr.marginal_cost_usd_per_mwh: [12, 40]
        """

    @Test("a price sweep re-solves warm from the previous basis and agrees with cold solves within 1e-6")
    func warmAgreesWithCold() throws {
        let (coldTotals, cold) = try Self.run(Self.priceSweep, jobs: 1, warmStart: .off)
        let (warmTotals, warm) = try Self.run(Self.priceSweep, jobs: 1, warmStart: .on)
        #expect(coldTotals.warmStarts == 0 && coldTotals.succeeded == 4)
        #expect(warmTotals.warmStarts == 3 && warmTotals.succeeded == 4)
        for (id, coldResult) in cold {
            let coldObjective = try #require(coldResult.kpis?.objectiveUSD)
            let warmObjective = try #require(warm[id]?.kpis?.objectiveUSD)
            #expect(abs(warmObjective - coldObjective) <= 1e-6 * abs(coldObjective), "\(coldResult.scenario.name)")
        }
    }

    @Test("a change of structure (a carbon cap row appears) starts a new warm chain instead of a wrong re-solve")
    func structureChangeRestartsChain() throws {
        let (totals, results) = try Self.run("""
            grid:
              carbon.cap_t: [~, 1000000]
              carbon.price_usd_per_t: [0, 100]
            """, jobs: 1, warmStart: .on)
        #expect(totals.succeeded == 4)
        #expect(totals.warmStarts == 2)
        #expect(results.values.filter(\.warmStart).allSatisfy { $0.scenario.position % 2 == 1 })
    }

    @Test("a scenario that cannot be built fails alone, with its message, and the others run")
    func failureIsOutcome() throws {
        let (totals, results) = try Self.run("""
            scenarios:
              - name: too-big
                overrides: {horizon.steps: 100000}
              - name: fine
            """, jobs: 2, warmStart: .off)
        #expect(totals.succeeded == 1 && totals.failed == 1)
        let failed = try #require(results.values.first { $0.scenario.name == "too-big" })
        #expect(failed.status == ScenarioResult.failedStatus)
        #expect(failed.message?.isEmpty == false)
    }
}

private final class Collected: @unchecked Sendable {
    private let lock = NSLock()
    private var results: [String: ScenarioResult] = [:]
    func add(_ result: ScenarioResult) { lock.withLock { results[result.scenario.id] = result } }
    var byID: [String: ScenarioResult] { lock.withLock { results } }
}
