import Foundation
import Testing

@Suite("insula plan on a site with periods (multi-period build-out)")
struct BuildOutCommandTests {
    static let site = "tools/crosscheck/buildout-sites/plan-buildout.yaml"

    @Test("three periods: build_plan.csv with a period column, cash flows that discount to the NPV, each period's run files, and a report")
    func threePeriods() throws {
        let folder = try InsulaRunner.temporaryFolder().appendingPathComponent("run")
        let outcome = try InsulaRunner.run(["plan", Self.site, "--out", folder.path])
        #expect(outcome.exitCode == 0, "\(outcome.standardError)")
        #expect(outcome.standardOutput.contains("build-out over 3 periods (2030, 2035, 2040): optimal"))
        for name in ["build_plan.csv", "cashflows.csv", "summary.json", "manifest.json"] + [2030, 2035, 2040].flatMap { year in
            ["dispatch.csv", "jobs.csv", "summary.json", "manifest.json"].map { "periods/\(year)/\($0)" }
        } {
            #expect(FileManager.default.fileExists(atPath: folder.appendingPathComponent(name).path), "\(name)")
        }
        let plan = try String(contentsOf: folder.appendingPathComponent("build_plan.csv"), encoding: .utf8).split(separator: "\n")
        #expect(plan.first?.hasPrefix("period,asset,name,dimension,existing,added,installed,") == true)
        #expect(plan.count == 1 + 3 * 2)
        // The gas backup built in 2030 (8-year life) is retired by 2040.
        let gas2040 = try #require(plan.first { $0.hasPrefix("2040,backup_generator,gas,") }).split(separator: ",")
        let gas2030 = try #require(plan.first { $0.hasPrefix("2030,backup_generator,gas,") }).split(separator: ",")
        #expect(abs(Double(gas2040.last!)! - Double(gas2030[5])!) < 1e-6)
        let summary = try AggregationCommandTests.json(folder.appendingPathComponent("summary.json"))
        let npv = try #require(summary["npv_total_cost_usd"] as? Double)
        let flows = try String(contentsOf: folder.appendingPathComponent("cashflows.csv"), encoding: .utf8).split(separator: "\n")
        #expect(flows.count == 1 + 15)
        let discounted = flows.dropFirst().map { Double($0.split(separator: ",").last!)! }.reduce(0, +)
        #expect(abs(discounted - npv) < 1e-6 * npv)
        let parts = ["npv_capital_usd", "npv_fixed_om_usd", "npv_operating_usd"].compactMap { summary[$0] as? Double }.reduce(0, +)
        #expect(abs(parts - npv) < 1e-6 * npv)
        let levelised = try #require(summary["levelised_cost_usd_per_mwh_it"] as? Double)
        #expect(abs(levelised - npv / (summary["discounted_it_mwh"] as! Double)) < 1e-9 * levelised)
        #expect((summary["periods"] as? [[String: Any]])?.count == 3)
        let report = try InsulaRunner.run(["report", folder.path, "-o", folder.appendingPathComponent("report.md").path, "--format", "md"])
        #expect(report.exitCode == 0, "\(report.standardError)")
        let text = try String(contentsOf: folder.appendingPathComponent("report.md"), encoding: .utf8)
        #expect(text.contains("over 3 periods") && text.contains("A multi-period build-out"))
    }

    @Test("a build-out with --scenarios is refused: exit 2 naming periods")
    func refusedWithScenarios() throws {
        let folder = try InsulaRunner.temporaryFolder().appendingPathComponent("run")
        let outcome = try InsulaRunner.run(["plan", Self.site, "--scenarios", "data/scenarios/plan-example-week.yaml", "--out", folder.path])
        #expect(outcome.exitCode == 2, "\(outcome.standardError)")
        #expect(outcome.standardError.contains("periods"), "\(outcome.standardError)")
    }
}
