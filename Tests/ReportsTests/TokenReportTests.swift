import Foundation
import Island
import Optimization
import Scheduling
import Testing
@testable import Reports

@Suite("Run report: tokens")
struct TokenReportTests {
    @Test("A site serving tokens gets a token table per workload and for the site, with the summary's figures; a site without tokens gets none")
    func tokenTable() throws {
        let folder = try ReportFixtures.temporaryFolder("tokens")
        let url = ReportFixtures.repositoryRoot.appendingPathComponent("tools/crosscheck/sites/power-capping.yaml")
        let site = try SiteLoader.load(from: url)
        let outcome = try OperatingSolve.run(site)
        let schedule = try #require(outcome.schedule)
        let summary = RunSummary(site: site, outcome: outcome, insulaVersion: "test")
        try RunWriter.write([("dispatch.csv", RunWriter.dispatchCSV(schedule)), ("jobs.csv", RunWriter.jobsCSV(schedule)),
                             ("summary.json", String(decoding: try RunWriter.jsonEncoder().encode(summary), as: UTF8.self))], into: folder)
        let document = try RunReport.document(try RunResults.read(folder: folder))
        let tables = document.blocks.compactMap { block -> ReportDocument.Table? in
            if case .table(let table) = block { return table }
            return nil
        }
        let tokens = try #require(tables.first { $0.caption?.hasPrefix("Tokens") == true })
        #expect(tokens.rows.map(\.[0]) == ["Inference", "Training", "Site"])
        let kpis = schedule.kpis
        let site3 = try #require(tokens.rows.first { $0[0] == "Site" })
        #expect(site3[1] == ReportFormat.number(kpis.tokensServed / 1e9, decimals: 3))
        #expect(site3[2] == ReportFormat.number(kpis.energyPerTokenJoules, decimals: 3))
        #expect(site3[3] == ReportFormat.number(kpis.costUSDPerMillionTokens, decimals: 4))
        #expect(tokens.rows[0][4] == ReportFormat.number(kpis.inferenceEmissionsGramsPerThousandTokens, decimals: 3))
        // The summer week has no token rate: no token table.
        let week = try RunReport.document(try RunResults.read(folder: ReportFixtures.weekRun))
        #expect(!week.blocks.contains { if case .table(let table) = $0 { return table.caption?.hasPrefix("Tokens") == true } else { return false } })
    }
}
