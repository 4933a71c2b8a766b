import Batch
import Foundation
import Island
import Testing

@Suite("The results store: one row per scenario, per-step series, exports and merges")
struct StoreTests {
    static func metadata(sha: String = "abc123", paths: [String] = ["carbon.price_usd_per_t"]) -> BatchMetadata {
        BatchMetadata(batchName: "test", batchFile: "batch.yaml", batchSHA256: sha, siteFile: "site.yaml", batchScenarioCount: 3,
                      overridePaths: paths, shard: "all", insulaVersion: "test", glpkVersion: "test")
    }

    static func scenarios() throws -> [Scenario] {
        try BatchFixtures.scenarios("""
            grid:
              carbon.price_usd_per_t: [10, 20, 30]
            """)
    }

    @Test("a run stores KPIs and steps; summary.csv follows the contract; dispatch.csv is rebuilt from the steps")
    func runAndExport() throws {
        let folder = try BatchFixtures.temporaryFolder()
        let definition = try BatchFixtures.definition("""
            grid:
              carbon.price_usd_per_t: [50, 200]
            """)
        let scenarios = try definition.expand()
        let store = try ResultsStore.create(in: folder, metadata: Self.metadata(paths: definition.overridePaths))
        try store.plan(scenarios)
        #expect(try store.counts().remaining == 2)
        let runner = BatchRunner(base: try SiteDocument.read(from: definition.siteURL), store: store,
                                 options: BatchRunOptions(jobs: 1, insulaVersion: "test"))
        let totals = try runner.run(scenarios)
        #expect(totals.succeeded == 2 && totals.failed == 0)
        #expect(try store.counts() == StoreCounts(batch: 3, planned: 2, succeeded: 2, failed: 0, remaining: 0))

        let lines = try store.summaryCSV().split(separator: "\n").map(String.init)
        let header = lines[0].split(separator: ",").map(String.init)
        #expect(Array(header.prefix(5)) == ["scenario_id", "scenario_name", "status", "message", "carbon.price_usd_per_t"])
        #expect(Array(header.dropFirst(5).prefix(StoreColumns.kpis.count)) == StoreColumns.kpis)
        #expect(Array(header.suffix(4)) == StoreColumns.timings && StoreColumns.timings.allSatisfy { $0.hasSuffix("_seconds") })
        #expect(lines.count == 3)
        #expect(lines[1].hasPrefix("\(scenarios[0].id),price_usd_per_t=50,optimal,,50,"))
        let noTimings = try store.summaryCSV(includeTimings: false)
        #expect(!noTimings.contains("_seconds"))

        let dispatch = try #require(try store.dispatchCSV(scenarioID: scenarios[1].id)).split(separator: "\n")
        #expect(dispatch.count == 169)
        #expect(dispatch[0].hasPrefix("timestamp,smr_mw,grid_import_mw"))
        #expect(dispatch[1].hasPrefix("2025-07-14T00:00Z,"))
    }

    @Test("a failed scenario is stored with its status and message and no KPIs")
    func failedScenario() throws {
        let folder = try BatchFixtures.temporaryFolder()
        let scenarios = try Self.scenarios()
        let store = try ResultsStore.create(in: folder, metadata: Self.metadata())
        try store.plan(scenarios)
        try store.record(ScenarioResult(scenario: scenarios[1], status: "infeasible", message: "carbon cap 1 t cannot be met"))
        #expect(try store.counts() == StoreCounts(batch: 3, planned: 3, succeeded: 0, failed: 1, remaining: 2))
        #expect(try store.finishedIDs() == [scenarios[1].id])
        let rows = try store.summaryCSV().split(separator: "\n")
        #expect(rows.count == 2)
        #expect(rows[1].hasPrefix("\(scenarios[1].id),price_usd_per_t=20,infeasible,carbon cap 1 t cannot be met,20,,"))
    }

    @Test("merge copies what is missing, keeps duplicates once, and refuses another batch")
    func merge() throws {
        let scenarios = try Self.scenarios()
        let first = try ResultsStore.create(in: try BatchFixtures.temporaryFolder(), metadata: Self.metadata())
        let second = try ResultsStore.create(in: try BatchFixtures.temporaryFolder(), metadata: Self.metadata())
        try first.plan(Array(scenarios.prefix(2)))
        try second.plan(Array(scenarios.suffix(2)))
        for scenario in scenarios.prefix(2) { try first.record(ScenarioResult(scenario: scenario, status: "failed", message: "a")) }
        for scenario in scenarios.suffix(2) { try second.record(ScenarioResult(scenario: scenario, status: "failed", message: "b")) }

        let merged = try ResultsStore.createMergeTarget(in: try BatchFixtures.temporaryFolder(), like: first)
        #expect(try merged.merge(from: first) == ResultsStore.MergeCounts(added: 2, duplicates: 0))
        #expect(try merged.merge(from: second) == ResultsStore.MergeCounts(added: 1, duplicates: 1))
        #expect(try merged.merge(from: second) == ResultsStore.MergeCounts(added: 0, duplicates: 2))
        #expect(try merged.counts() == StoreCounts(batch: 3, planned: 3, succeeded: 0, failed: 3, remaining: 0))
        let rows = try merged.summaryCSV().split(separator: "\n").dropFirst()
        #expect(rows.map { $0.split(separator: ",")[0] }.map(String.init) == scenarios.map(\.id))
        #expect(rows[rows.startIndex + 1].contains(",failed,a,"))

        let other = try ResultsStore.create(in: try BatchFixtures.temporaryFolder(), metadata: Self.metadata(sha: "def456"))
        let error = try #require(throws: StoreError.self) { try merged.merge(from: other) }
        #expect(error.message.contains("another batch"))
    }

    @Test("a store written by a newer schema is refused, not misread")
    func newerSchema() throws {
        let folder = try BatchFixtures.temporaryFolder()
        _ = try ResultsStore.create(in: folder, metadata: Self.metadata())
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3", "-c", """
            import sqlite3, sys
            db = sqlite3.connect(sys.argv[1]); db.execute("INSERT INTO grdb_migrations VALUES ('v99')"); db.commit()
            """, folder.appendingPathComponent(ResultsStore.fileName).path]
        try process.run()
        process.waitUntilExit()
        try #require(process.terminationStatus == 0, "python3 is needed to edit the store")
        let error = try #require(throws: StoreError.self) { try ResultsStore.open(in: folder) }
        #expect(error.message.contains("newer insula"))
    }

    @Test("creating a store where one exists is refused")
    func existingStore() throws {
        let folder = try BatchFixtures.temporaryFolder()
        _ = try ResultsStore.create(in: folder, metadata: Self.metadata())
        let error = try #require(throws: StoreError.self) { try ResultsStore.create(in: folder, metadata: Self.metadata()) }
        #expect(error.message.contains("--resume"))
    }
}
