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
        for name in ["build_plan.csv", "cashflows.csv", "summary.json", "manifest.json"] + [2030, 2035, 2040].flatMap({ year in
            ["dispatch.csv", "jobs.csv", "summary.json", "manifest.json"].map { "periods/\(year)/\($0)" }
        }) {
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

    @Test("lp export of a build-out writes the stacked LP of every period, which solves to the plan's NPV")
    func exportStacked() throws {
        let temporary = try InsulaRunner.temporaryFolder()
        let file = temporary.appendingPathComponent("buildout.mps").path
        let export = try InsulaRunner.run(["lp", "export", Self.site, "-o", file])
        #expect(export.exitCode == 0, "\(export.standardError)")
        let text = try String(contentsOfFile: file, encoding: .utf8)
        #expect(text.contains("p2030::") && text.contains("p2040::") && text.contains("installed[2035,"))
        let solved = try InsulaRunner.run(["lp", "solve", file, "--format", "json"])
        let plan = try InsulaRunner.run(["plan", Self.site, "--decomposition", "none", "--out", temporary.appendingPathComponent("run").path,
                                         "--format", "json"])
        #expect(solved.exitCode == 0 && plan.exitCode == 0, "\(solved.standardError) \(plan.standardError)")
        let objective = try #require((try JSONSerialization.jsonObject(with: Data(solved.standardOutput.utf8)) as? [String: Any])?["objective"] as? Double)
        let npv = try #require((try JSONSerialization.jsonObject(with: Data(plan.standardOutput.utf8)) as? [String: Any])?["npv_total_cost_usd"] as? Double)
        #expect(abs(objective - npv) <= 1e-6 * abs(npv))
    }

    @Test("a build-out with --scenarios is refused: exit 2 naming periods")
    func refusedWithScenarios() throws {
        let folder = try InsulaRunner.temporaryFolder().appendingPathComponent("run")
        let outcome = try InsulaRunner.run(["plan", Self.site, "--scenarios", "data/scenarios/plan-example-week.yaml", "--out", folder.path])
        #expect(outcome.exitCode == 2, "\(outcome.standardError)")
        #expect(outcome.standardError.contains("periods"), "\(outcome.standardError)")
    }

    @Test("--decomposition benders: the same plan as the stacked LP, with both bounds and the gap in summary.json")
    func benders() throws {
        let temporary = try InsulaRunner.temporaryFolder()
        let stacked = try InsulaRunner.run(["plan", Self.site, "--decomposition", "none", "--out", temporary.appendingPathComponent("none").path])
        let benders = try InsulaRunner.run(["plan", Self.site, "--decomposition", "benders", "--out", temporary.appendingPathComponent("benders").path])
        #expect(stacked.exitCode == 0 && benders.exitCode == 0, "\(stacked.standardError) \(benders.standardError)")
        func summary(_ name: String) throws -> [String: Any] {
            let data = try Data(contentsOf: temporary.appendingPathComponent("\(name)/summary.json"))
            return try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
        }
        let none = try summary("none"), split = try summary("benders")
        #expect(none["decomposition"] == nil)
        let report = try #require(split["decomposition"] as? [String: Any])
        let npv = try #require(split["npv_total_cost_usd"] as? Double), optimum = try #require(none["npv_total_cost_usd"] as? Double)
        let lower = try #require(report["lower_bound_usd"] as? Double), gap = try #require(report["relative_gap"] as? Double)
        // Interior point subproblems are certified to 5e-7 each, so the two paths agree to about 1e-6.
        #expect(abs(npv - optimum) <= 2e-6 * abs(optimum))
        #expect(lower <= optimum * (1 + 1e-6) && gap <= 1e-6 && report["converged"] as? Bool == true)
        #expect(benders.standardOutput.contains("Benders"))
    }

    @Test("invalid Benders options are refused: exit 2 naming the option", arguments: [
        (["--decomposition", "dantzig"], "decomposition"), (["--benders-gap", "0"], "--benders-gap"),
        (["--benders-gap", "nan"], "--benders-gap"), (["--benders-iterations", "0"], "--benders-iterations"),
        (["--benders-centre-weight", "1.5"], "--benders-centre-weight"), (["--benders-stabilisation", "trust"], "stabilisation"),
    ])
    func invalidOptions(arguments: [String], fragment: String) throws {
        let folder = try InsulaRunner.temporaryFolder().appendingPathComponent("run")
        let outcome = try InsulaRunner.run(["plan", Self.site] + arguments + ["--out", folder.path])
        #expect(outcome.exitCode == 2, "\(outcome.standardError)")
        #expect(outcome.standardError.contains(fragment), "\(outcome.standardError)")
    }
}
