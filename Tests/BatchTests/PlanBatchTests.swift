import Batch
import Foundation
import Island
import Planning
import Testing

@Suite("Batches of capacity plans: every scenario a plan, its capacities in the store")
struct PlanBatchTests {
    static var planWeekSite: String { BatchFixtures.repositoryRoot.appendingPathComponent("data/sites/plan-example-week.yaml").path }

    /// Runs a batch over the plan week into a store; returns the definition, the store and the results.
    static func run(_ grid: String) throws -> (BatchDefinition, ResultsStore, [ScenarioResult]) {
        let folder = try BatchFixtures.temporaryFolder()
        let file = folder.appendingPathComponent("plans.yaml")
        try "site: \(planWeekSite)\n\(grid)".write(to: file, atomically: true, encoding: .utf8)
        let definition = try BatchDefinition.read(from: file)
        let scenarios = try definition.expand()
        let store = try ResultsStore.create(in: folder, metadata: StoreTests.metadata(paths: definition.overridePaths))
        try store.plan(scenarios)
        let runner = BatchRunner(base: try SiteDocument.read(from: definition.siteURL), store: store,
                                 options: BatchRunOptions(jobs: 2, warmStart: .off, insulaVersion: "test"))
        let results = ResultsBox()
        _ = try runner.run(scenarios) { results.add($0) }
        return (definition, store, results.sorted)
    }

    @Test("solar built never grows with its capital cost, and each stored plan is the plan `insula plan` makes of the scenario")
    func sweepOfCapex() throws {
        let (_, store, results) = try Self.run("""
            grid:
              renewables[0].build.capex_usd_per_kw: [700, 1100, 1500]
            """)
        #expect(results.count == 3 && results.allSatisfy(\.succeeded))
        var previousSolarMW = Double.infinity
        for result in results {
            let solar = try #require(result.capacities.first { $0.asset == "renewable" && $0.name == "solar" })
            // An LP's optimal amount of a good never rises with its own price (800 MW allowed: 1e-6 of it).
            #expect(solar.installed <= previousSolarMW + 8e-4, "\(result.scenario.name)")
            previousSolarMW = solar.installed

            // The same plan, made directly from the site with the scenario's override.
            let document = try SiteDocument.read(from: URL(fileURLWithPath: Self.planWeekSite))
            let site = try SiteLoader.resolve(document.applying(overrides: result.scenario.overrides.map { ($0.path, $0.value) }))
            let direct = try CapacityPlanner.plan(site)
            let directObjective = try #require(direct.outcome.result.objectiveValue)
            let storedObjective = try #require(result.kpis?.objectiveUSD)
            #expect(abs(storedObjective - directObjective) <= 1e-6 * abs(directObjective))
            #expect(result.capacities.count == direct.outcome.schedule?.capacities.count)
        }
        // Stored and exported: one row per sized dimension of every scenario, in the plan's order.
        let csv = try #require(try store.buildPlansCSV())
        let lines = csv.split(separator: "\n")
        #expect(lines.first == "scenario_id,scenario_name,asset,name,dimension,existing,added,installed,capex_usd,annualised_capex_usd_per_year,fixed_om_usd_per_year,horizon_cost_usd")
        #expect(lines.count == 1 + results.reduce(0) { $0 + $1.capacities.count })
        for result in results {
            let stored = lines.filter { $0.hasPrefix(result.scenario.id + ",") }
            #expect(stored.map { $0.split(separator: ",")[2] } == result.capacities.map { Substring($0.asset) })
        }
    }

    @Test("a batch sweeps representative days: each scenario stores the plan's build and the full week operated with it, as `insula plan` makes them")
    func representativeDays() throws {
        let (_, _, results) = try Self.run("""
            grid:
              aggregation.representative_days: [3, 7]
            """)
        #expect(results.count == 2 && results.allSatisfy(\.succeeded))
        for result in results {
            #expect(result.steps.count == 168 && result.stepCount == 168)
            let document = try SiteDocument.read(from: URL(fileURLWithPath: Self.planWeekSite))
            let site = try SiteLoader.resolve(document.applying(overrides: result.scenario.overrides.map { ($0.path, $0.value) }))
            let direct = try AggregatedPlanner.plan(site)
            let verified = try #require(direct.verification?.figures.totalCostUSD)
            let stored = try #require(result.kpis?.objectiveUSD)
            #expect(abs(stored - verified) <= 1e-6 * abs(verified), "\(result.scenario.name)")
            #expect(result.capacities.count == direct.plan.outcome.schedule?.capacities.count)
        }
    }

    @Test("a merge carries the plans' capacities with their scenarios")
    func mergeKeepsCapacities() throws {
        let (_, store, results) = try Self.run("""
            grid:
              investment.discount_rate: [0.05, 0.1]
            """)
        let merged = try ResultsStore.createMergeTarget(in: try BatchFixtures.temporaryFolder(), like: store)
        #expect(try merged.merge(from: store).added == 2)
        #expect(try merged.buildPlansCSV() == store.buildPlansCSV())
        #expect(results.allSatisfy { !$0.capacities.isEmpty })
    }

    @Test("a batch of operating sites exports no build plans")
    func operatingBatchHasNoPlans() throws {
        let folder = try BatchFixtures.temporaryFolder()
        let definition = try BatchFixtures.definition("""
            grid:
              carbon.price_usd_per_t: [0]
            """)
        let store = try ResultsStore.create(in: folder, metadata: StoreTests.metadata(paths: definition.overridePaths))
        let scenarios = try definition.expand()
        try store.plan(scenarios)
        let runner = BatchRunner(base: try SiteDocument.read(from: definition.siteURL), store: store,
                                 options: BatchRunOptions(jobs: 1, warmStart: .off, insulaVersion: "test"))
        _ = try runner.run(scenarios) { _ in }
        #expect(try store.buildPlansCSV() == nil)
        try store.export(to: folder)
        #expect(!FileManager.default.fileExists(atPath: folder.appendingPathComponent("build_plans.csv").path))
    }
}

/// Results handed back by the runner's callback, from any worker thread.
private final class ResultsBox: @unchecked Sendable {
    private let lock = NSLock()
    private var results: [ScenarioResult] = []
    func add(_ result: ScenarioResult) { lock.withLock { results.append(result) } }
    var sorted: [ScenarioResult] { lock.withLock { results.sorted { $0.scenario.position < $1.scenario.position } } }
}
