import Batch
import Foundation
import Island
import Scheduling
import Testing

@Suite("outage_draws: forced-outage draws as a batch axis")
struct OutageDrawExpansionTests {
    static var site: String { BatchFixtures.outagesWeekSite }

    @Test("count draws, named draw-001 ..., each setting smr.forced_outages.draw; the seed stays the site's")
    func draws() throws {
        let definition = try BatchFixtures.definition("outage_draws: {count: 12}", site: Self.site)
        #expect(definition.outageDraws == BatchDefinition.OutageDraws(count: 12, seed: nil))
        #expect(definition.overridePaths == ["smr.forced_outages.draw"])
        let scenarios = try definition.expand()
        #expect(definition.scenarioCount == 12 && scenarios.count == 12)
        #expect(scenarios.map(\.name) == (1...12).map { String(format: "draw-%03d", $0) })
        #expect(scenarios.map { CanonicalValue.json($0.value(at: "smr.forced_outages.draw")!) } == (1...12).map(String.init))
        #expect(scenarios.allSatisfy { $0.value(at: "smr.forced_outages.seed") == nil })
        #expect(Set(scenarios.map(\.id)).count == 12)
    }

    @Test("a seed is set on every draw; names widen past 999 draws")
    func seedAndWidth() throws {
        let seeded = try BatchFixtures.scenarios("outage_draws: {count: 3, seed: 99}", site: Self.site)
        #expect(seeded.allSatisfy { CanonicalValue.json($0.value(at: "smr.forced_outages.seed")!) == "99" })
        let many = try BatchFixtures.definition("outage_draws: {count: 1000}", site: Self.site).expand()
        #expect(many.first?.name == "draw-0001" && many.last?.name == "draw-1000")
        // Another seed draws other outages: the ids (and so the results) differ from the unseeded draws.
        let unseeded = try BatchFixtures.scenarios("outage_draws: {count: 3}", site: Self.site)
        #expect(Set(seeded.map(\.id)).isDisjoint(with: unseeded.map(\.id)))
    }

    @Test("with a grid the batch is their product, the draws of one design neighbours")
    func productWithGrid() throws {
        let definition = try BatchFixtures.definition("""
            grid:
              batteries[0].energy_mwh: [200, 800]
              carbon.price_usd_per_t: [50, 100]
            outage_draws: {count: 5, seed: 3}
            """, site: Self.site)
        let scenarios = try definition.expand()
        #expect(definition.scenarioCount == 20 && scenarios.count == 20)
        #expect(definition.overridePaths == ["batteries[0].energy_mwh", "carbon.price_usd_per_t", "smr.forced_outages.draw", "smr.forced_outages.seed"])
        #expect(scenarios[0].name == "energy_mwh=200 price_usd_per_t=50 draw-001")
        #expect(scenarios[4].name == "energy_mwh=200 price_usd_per_t=50 draw-005")
        #expect(scenarios[5].name == "energy_mwh=200 price_usd_per_t=100 draw-001")
        #expect(scenarios[19].name == "energy_mwh=800 price_usd_per_t=100 draw-005")
    }

    @Test("shards split the draws by scenario id: every scenario in exactly one shard")
    func shards() throws {
        let scenarios = try BatchFixtures.scenarios("""
            grid:
              batteries[0].energy_mwh: [200, 800]
            outage_draws: {count: 50}
            """, site: Self.site)
        let shards = (0..<4).map { index in scenarios.filter { Shard(index: index, count: 4).contains($0) } }
        #expect(shards.map(\.count).reduce(0, +) == 100)
        #expect(Set(shards.flatMap { $0.map(\.id) }) == Set(scenarios.map(\.id)))
        #expect(shards.allSatisfy { !$0.isEmpty })
    }

    @Test("bad outage_draws blocks are refused with the batch file, key path and line", arguments: [
        ("outage_draws: {count: 0}", "outage_draws.count", "must be a whole number in 1...100000, got 0"),
        ("outage_draws: {seed: 3}", "outage_draws.count", "missing"),
        ("outage_draws: {count: 2.5}", "outage_draws.count", "must be a whole number in 1...100000, got 2.5"),
        ("outage_draws: {count: 4, seed: -1}", "outage_draws.seed", "must be a whole number in 0...999999999999, got -1"),
        ("outage_draws: {count: 4, draws: 3}", "outage_draws.draws", "unknown key; expected count, seed"),
        ("outage_draws: 20", "outage_draws", "must be a mapping with count"),
    ])
    func badBlock(text: String, keyPath: String, message: String) throws {
        let error = try #require(throws: BatchValidationError.self) { try BatchFixtures.definition(text, site: Self.site) }
        let issue = try #require(error.issues.first { $0.issue.keyPath == keyPath }, "\(error.issues)")
        #expect(issue.issue.message.contains(message), "\(issue.issue.message)")
        #expect(issue.issue.file.hasSuffix("batch.yaml") && issue.issue.line == 2)
    }

    @Test("a draw path varied by another block too is refused")
    func conflictingBlocks() throws {
        let error = try #require(throws: BatchValidationError.self) {
            try BatchFixtures.definition("""
                grid:
                  smr.forced_outages.draw: [1, 2]
                outage_draws: {count: 4}
                """, site: Self.site)
        }
        #expect(error.issues.contains { $0.issue.keyPath == "outage_draws" && $0.issue.message.contains("also varied by grid") })
    }

    @Test("draws of a site without smr.forced_outages are refused per scenario, naming the missing rate")
    func siteWithoutModel() throws {
        let definition = try BatchFixtures.definition("outage_draws: {count: 2}")
        let issues = BatchValidator.validate(try definition.expand(), base: try SiteDocument.read(from: definition.siteURL), jobs: 1)
        #expect(BatchValidationError(issues).invalidScenarioCount == 2)
        #expect(issues.allSatisfy { $0.issue.keyPath.hasPrefix("smr.forced_outages.") })
        #expect(issues.contains { $0.issue.keyPath == "smr.forced_outages.forced_outage_rate" && $0.issue.message.contains("which draw needs") })
    }
}

@Suite("distribution.csv: outcomes over outage draws")
struct DistributionTests {
    @Test("statistics match numpy on hand values: sample std, linear-interpolation quantiles")
    func handValues() throws {
        // numpy: mean 3.875, std(ddof=1) 2.748376143938713, quantile([.5, .9, .99]) = 3.5, 6.9, 8.79
        let statistics = try #require(OutcomeStatistics([3, 1, 4, 1, 5, 9, 2, 6]))
        #expect(statistics.count == 8 && statistics.mean == 3.875)
        #expect(abs(statistics.standardDeviation! - 2.748376143938713) < 1e-12)
        #expect(statistics.minimum == 1 && statistics.maximum == 9)
        #expect(statistics.p50 == 3.5)
        #expect(abs(statistics.p90 - 6.9) < 1e-12 && abs(statistics.p99 - 8.79) < 1e-12)
        let single = try #require(OutcomeStatistics([7]))
        #expect(single.standardDeviation == nil && single.p50 == 7 && single.p99 == 7)
        #expect(OutcomeStatistics([]) == nil)
        #expect(OutcomeStatistics.quantile([10, 20], 0.25) == 12.5)
    }

    /// Runs a batch over the outage week into a fresh store (no validation: the runner's own path).
    static func run(_ body: String, jobs: Int, shard: Shard? = nil, folder: URL? = nil) throws -> (ResultsStore, [Scenario]) {
        let definition = try BatchFixtures.definition(body, site: BatchFixtures.outagesWeekSite)
        let all = try definition.expand()
        let scenarios = all.filter { shard?.contains($0) ?? true }
        let store = try ResultsStore.create(in: try folder ?? BatchFixtures.temporaryFolder(), metadata: BatchMetadata(
            batchName: "outages", batchFile: "batch.yaml", batchSHA256: "abc", siteFile: "outages-week.yaml",
            batchScenarioCount: all.count, overridePaths: definition.overridePaths, shard: shard?.description ?? "all",
            insulaVersion: "test", glpkVersion: "test"))
        try store.plan(scenarios)
        let runner = BatchRunner(base: try SiteDocument.read(from: definition.siteURL), store: store,
                                 options: BatchRunOptions(jobs: jobs, insulaVersion: "test"))
        _ = try runner.run(scenarios)
        return (store, all)
    }

    static let body = """
        grid:
          batteries[0].energy_mwh: [200, 800]
        outage_draws: {count: 5}
        """

    @Test("per battery size, the statistics of summary.csv's column over its five draws, by hand")
    func againstSummary() throws {
        let (store, _) = try Self.run(Self.body, jobs: 2)
        let summary = try store.summaryCSV(includeTimings: false).split(separator: "\n").map { $0.split(separator: ",", omittingEmptySubsequences: false).map(String.init) }
        let header = summary[0]
        let distribution = try store.distributionCSV().split(separator: "\n").map { $0.split(separator: ",", omittingEmptySubsequences: false).map(String.init) }
        #expect(distribution[0] == ["group", "batteries[0].energy_mwh", "scenarios", "kpi", "count", "mean", "std", "min", "p50", "p90", "p99", "max"])
        #expect(distribution.count == 1 + 2 * ResultsStore.distributionKPIs.count)
        for kpi in ["objective_usd", "inference_shed_mwh", "smr_forced_outage_unit_hours", "emissions_t"] {
            let column = try #require(header.firstIndex(of: kpi))
            for (group, energy) in [(1, "200"), (2, "800")] {
                let values = summary.dropFirst().filter { $0[4] == energy }.map { Double($0[column])! }
                #expect(values.count == 5)
                let x = values.sorted()
                // Five values: h = 4p, so P50 = x[2], P90 = x[3] + 0.6 (x[4] - x[3]), P99 = x[3] + 0.96 (x[4] - x[3]).
                let mean = values.reduce(0, +) / 5
                let std = (values.map { ($0 - mean) * ($0 - mean) }.reduce(0, +) / 4).squareRoot()
                let expected = [mean, std, x[0], x[2], x[3] + 0.6 * (x[4] - x[3]), x[3] + 0.96 * (x[4] - x[3]), x[4]]
                let row = try #require(distribution.first { $0[0] == String(group) && $0[3] == kpi })
                #expect(Array(row.prefix(5)) == [String(group), energy, "5", kpi, "5"])
                for (cell, value) in zip(row.dropFirst(5), expected) {
                    #expect(abs(Double(cell)! - value) <= 1e-9 * max(1, abs(value)), "\(kpi) group \(group): \(cell) against \(value)")
                }
            }
        }
        // Each battery size sees the same outages: forced unit-hours do not depend on the battery.
        let hours = distribution.filter { $0[3] == "smr_forced_outage_unit_hours" }.map { Array($0.dropFirst(4)) }
        #expect(hours[0] == hours[1])
    }

    @Test("byte-identical with one or two workers, and after merging two shard stores")
    func identical() throws {
        let (one, _) = try Self.run(Self.body, jobs: 1)
        let (two, _) = try Self.run(Self.body, jobs: 2)
        #expect(try one.distributionCSV() == two.distributionCSV())
        let (first, _) = try Self.run(Self.body, jobs: 1, shard: Shard(index: 0, count: 2))
        let (second, _) = try Self.run(Self.body, jobs: 1, shard: Shard(index: 1, count: 2))
        let merged = try ResultsStore.createMergeTarget(in: try BatchFixtures.temporaryFolder(), like: first)
        try merged.merge(from: first)
        try merged.merge(from: second)
        #expect(try merged.distributionCSV() == one.distributionCSV())
        // Exported beside summary.csv.
        let folder = try BatchFixtures.temporaryFolder()
        try merged.export(to: folder)
        #expect(try String(contentsOf: folder.appendingPathComponent("distribution.csv"), encoding: .utf8) == one.distributionCSV())
    }

    @Test("a batch without draws is one group of all its scenarios")
    func withoutDraws() throws {
        let (store, _) = try Self.run("""
            grid:
              batteries[0].energy_mwh: [200, 800]
            """, jobs: 2)
        let rows = try store.distributionCSV().split(separator: "\n").map(String.init)
        #expect(rows[0] == "group,scenarios,kpi,count,mean,std,min,p50,p90,p99,max")
        #expect(rows.count == 1 + ResultsStore.distributionKPIs.count)
        #expect(rows[1].hasPrefix("1,2,objective_usd,2,"))
    }
}
