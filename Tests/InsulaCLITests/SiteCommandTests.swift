import Foundation
import Testing

@Suite("insula validate and solve, end to end on the bundled sites")
struct SiteCommandTests {
    @Test("validate accepts every bundled site with a one-line summary",
          arguments: ["example", "example-week", "example-ac415", "hot-climate", "hot-free-cooling"])
    func validateExamples(site: String) throws {
        let outcome = try InsulaRunner.run(["validate", "data/sites/\(site).yaml"])
        #expect(outcome.exitCode == 0, "\(outcome.standardError)")
        #expect(outcome.standardOutput.split(separator: "\n").count == 1)
        #expect(outcome.standardOutput.contains("valid"))
    }

    @Test("validate lists every problem with file and key path, and exits 2")
    func validateBadSite() throws {
        let folder = try InsulaRunner.temporaryFolder()
        var text = try String(contentsOf: InsulaRunner.repositoryRoot.appendingPathComponent("data/sites/example-week.yaml"), encoding: .utf8)
        text = text.replacingOccurrences(of: "import_capacity_mw: 200", with: "import_capacity_mw: -5")
        text = text.replacingOccurrences(of: "charge_efficiency: 0.95", with: "charge_efficiency: 1.3")
        text = text.replacingOccurrences(of: "../series/", with: InsulaRunner.repositoryRoot.appendingPathComponent("data/series").path + "/")
        let file = folder.appendingPathComponent("bad.yaml")
        try text.write(to: file, atomically: true, encoding: .utf8)
        let outcome = try InsulaRunner.run(["validate", file.path])
        #expect(outcome.exitCode == 2)
        #expect(outcome.standardError.contains("grid_feeds[0].import_capacity_mw"))
        #expect(outcome.standardError.contains("batteries[0].charge_efficiency"))
        #expect(outcome.standardError.contains("bad.yaml"))
    }

    @Test("solve writes every run file and a JSON summary with the documented keys")
    func solveWeek() throws {
        let folder = try InsulaRunner.temporaryFolder().appendingPathComponent("run")
        let outcome = try InsulaRunner.run(["solve", "data/sites/example-week.yaml", "--out", folder.path, "--format", "json"])
        #expect(outcome.exitCode == 0, "\(outcome.standardError)")
        for name in ["dispatch.csv", "jobs.csv", "pauses.csv", "summary.json", "summary.csv", "manifest.json"] {
            #expect(FileManager.default.fileExists(atPath: folder.appendingPathComponent(name).path), "\(name)")
        }
        let leftovers = try FileManager.default.contentsOfDirectory(atPath: folder.path).filter { $0.hasPrefix(".") }
        #expect(leftovers.isEmpty)
        let json = try #require(try JSONSerialization.jsonObject(with: Data(outcome.standardOutput.utf8)) as? [String: Any])
        for key in ["status", "method", "objective_usd", "emissions_t", "it_energy_mwh", "cfe_score", "pue", "inference_served_share",
                    "training_delivered_share", "carbon_shadow_price_usd_per_t", "rows", "columns", "nonzeros", "build_seconds",
                    "solve_seconds", "total_seconds"] {
            #expect(json[key] != nil, "\(key)")
        }
        let dispatch = try String(contentsOf: folder.appendingPathComponent("dispatch.csv"), encoding: .utf8).split(separator: "\n")
        #expect(dispatch.count == 169)
        #expect(dispatch[0].hasPrefix("timestamp,smr_mw,grid_import_mw,grid_export_mw,solar_mw,wind_mw,battery_charge_mw"))
        #expect(dispatch[1].hasPrefix("2025-07-14T00:00Z,"))
    }

    @Test("An infeasible site exits 3, explains why on stderr and in infeasibility.json")
    func infeasibleSite() throws {
        let folder = try InsulaRunner.temporaryFolder()
        var text = try String(contentsOf: InsulaRunner.repositoryRoot.appendingPathComponent("data/sites/example-week.yaml"), encoding: .utf8)
        text = text.replacingOccurrences(of: "capacity_mw_per_unit: 77", with: "capacity_mw_per_unit: 15")
        text = text.replacingOccurrences(of: "price_usd_per_t: 50", with: "price_usd_per_t: 50\n  cap_t: 1")
        text = text.replacingOccurrences(of: "../series/", with: InsulaRunner.repositoryRoot.appendingPathComponent("data/series").path + "/")
        let file = folder.appendingPathComponent("capped.yaml")
        try text.write(to: file, atomically: true, encoding: .utf8)
        let out = folder.appendingPathComponent("run")
        let outcome = try InsulaRunner.run(["solve", file.path, "--out", out.path])
        #expect(outcome.exitCode == 3, "\(outcome.standardError)")
        #expect(outcome.standardError.contains("carbon cap 1 t cannot be met: the least achievable is"))
        let report = try String(contentsOf: out.appendingPathComponent("infeasibility.json"), encoding: .utf8)
        #expect(report.contains("carbon_cap"))
        #expect(!FileManager.default.fileExists(atPath: out.appendingPathComponent("dispatch.csv").path))
    }

    @Test("A missing site file exits 2 naming it")
    func missingSite() throws {
        let outcome = try InsulaRunner.run(["solve", "data/sites/nope.yaml", "--out", "/tmp/never"])
        #expect(outcome.exitCode == 2)
        #expect(outcome.standardError.contains("nope.yaml"))
    }
}

@Suite("insula plan")
struct PlanCommandTests {
    @Test("plan sizes the week's build sections and writes build_plan.csv and the enumerated module counts")
    func planWeek() throws {
        let folder = try InsulaRunner.temporaryFolder().appendingPathComponent("run")
        let outcome = try InsulaRunner.run(["plan", "data/sites/plan-example-week.yaml", "--out", folder.path, "--format", "json"])
        #expect(outcome.exitCode == 0, "\(outcome.standardError)")
        let plan = try String(contentsOf: folder.appendingPathComponent("build_plan.csv"), encoding: .utf8)
        let lines = plan.split(separator: "\n")
        #expect(lines.first == "asset,name,dimension,existing,added,installed,capex_usd,annualised_capex_usd_per_year,fixed_om_usd_per_year,horizon_cost_usd")
        #expect(lines.count == 6)  // SMR, grid, solar, battery power and energy
        #expect(lines.contains { $0.hasPrefix("battery,bess,energy_mwh,") })
        let candidates = try String(contentsOf: folder.appendingPathComponent("plan_candidates.csv"), encoding: .utf8)
        #expect(candidates.split(separator: "\n").count == 8)  // header + 0...6 modules
        let json = try #require(try JSONSerialization.jsonObject(with: Data(outcome.standardOutput.utf8)) as? [String: Any])
        #expect(json["annualised_capex_usd"] is Double && json["fixed_om_usd"] is Double)
        for name in ["dispatch.csv", "summary.json", "manifest.json"] {
            #expect(FileManager.default.fileExists(atPath: folder.appendingPathComponent(name).path), "\(name)")
        }
    }

    @Test("solve refuses a site with build sections and names them; plan refuses a site without")
    func wrongCommand() throws {
        let folder = try InsulaRunner.temporaryFolder()
        let solve = try InsulaRunner.run(["solve", "data/sites/plan-example-week.yaml", "--out", folder.appendingPathComponent("a").path])
        #expect(solve.exitCode == 2)
        #expect(solve.standardError.contains("renewable[solar].power_mw") && solve.standardError.contains("insula plan"))
        let plan = try InsulaRunner.run(["plan", "data/sites/example-week.yaml", "--out", folder.appendingPathComponent("b").path])
        #expect(plan.exitCode == 2)
        #expect(plan.standardError.contains("no component has a build section"))
    }

    @Test("plan --scenarios writes one build, each scenario's run, and an expected cost that is the probability-weighted one")
    func planAcrossScenarios() throws {
        let folder = try InsulaRunner.temporaryFolder().appendingPathComponent("run")
        let outcome = try InsulaRunner.run(["plan", "data/sites/plan-example-week.yaml", "--scenarios", "data/scenarios/plan-example-week.yaml",
                                            "--module-counts", "relaxed", "--out", folder.path, "--format", "json"])
        #expect(outcome.exitCode == 0, "\(outcome.standardError)")
        let json = try #require(try JSONSerialization.jsonObject(with: Data(outcome.standardOutput.utf8)) as? [String: Any])
        let scenarios = try #require(json["scenarios"] as? [[String: Any]])
        #expect(scenarios.map { $0["name"] as? String } == ["temperate", "hot-dear"])
        let weighted = scenarios.reduce(0.0) { $0 + (($1["probability"] as? Double) ?? .nan) * (($1["cost_usd"] as? Double) ?? .nan) }
        let expected = try #require(json["expected_cost_usd"] as? Double)
        #expect(abs(weighted - expected) <= 1e-9 * expected)
        for name in ["build_plan.csv", "scenarios.csv", "stochastic.json", "manifest.json", "scenarios/temperate/dispatch.csv",
                     "scenarios/hot-dear/summary.json", "scenarios/hot-dear/manifest.json"] {
            #expect(FileManager.default.fileExists(atPath: folder.appendingPathComponent(name).path), "\(name)")
        }
        let table = try String(contentsOf: folder.appendingPathComponent("scenarios.csv"), encoding: .utf8).split(separator: "\n")
        #expect(table.count == 3 && table[0].hasPrefix("scenario,probability,site,status,objective_usd"))
    }

    @Test("plan --scenarios refuses a bad scenario file with its key path, and options that need --scenarios")
    func badScenarios() throws {
        let folder = try InsulaRunner.temporaryFolder()
        let file = folder.appendingPathComponent("futures.yaml")
        try "scenarios:\n  - {name: a, probability: 0.7}\n  - {name: b, probability: 0.7}\n".write(to: file, atomically: true, encoding: .utf8)
        let bad = try InsulaRunner.run(["plan", "data/sites/plan-example-week.yaml", "--scenarios", file.path, "--out", folder.appendingPathComponent("a").path])
        #expect(bad.exitCode == 2)
        #expect(bad.standardError.contains("scenarios") && bad.standardError.contains("sum to 1"))
        #expect(!FileManager.default.fileExists(atPath: folder.appendingPathComponent("a").path))
        let orphan = try InsulaRunner.run(["plan", "data/sites/plan-example-week.yaml", "--bounds", "--out", folder.appendingPathComponent("b").path])
        #expect(orphan.exitCode != 0 && orphan.standardError.contains("need --scenarios"))
    }
}
