import Foundation
import Testing

@Suite("insula solve: resource limits and the input dump")
struct TrustCommandTests {
    @Test("A site over --max-nonzeros is refused with exit 2 and a message, and writes nothing")
    func sizeLimit() throws {
        let out = try InsulaRunner.temporaryFolder().appendingPathComponent("run")
        let outcome = try InsulaRunner.run(["solve", "data/sites/example-week.yaml", "--out", out.path, "--max-nonzeros", "1000"])
        #expect(outcome.exitCode == 2)
        #expect(outcome.standardError.contains("above the limit of 1000; shorten the horizon or raise the limit"))
        #expect(!FileManager.default.fileExists(atPath: out.path))
    }

    @Test("An oversized site (3 years at 15 minutes, 1,000 batteries) is refused before its LP is allocated: it runs in 1.5 GB of address space")
    func refusedBeforeAllocation() throws {
        let folder = try InsulaRunner.temporaryFolder()
        var yaml = """
        horizon: {start_utc: 2025-01-01T00:00Z, steps: 105408, step_minutes: 15}
        grid_feeds: [{import_capacity_mw: 100, price_usd_per_mwh: 50, carbon_intensity_g_per_kwh: 300}]
        it_fleet: {racks: 100, power_per_rack_kw: 300}
        cooling: {cop: 5}
        batteries:

        """
        for index in 0..<1000 { yaml += "  - {name: b\(index), energy_mwh: 40, power_mw: 10}\n" }
        let site = folder.appendingPathComponent("huge.yaml")
        try yaml.write(to: site, atomically: true, encoding: .utf8)
        let binary = try #require(InsulaRunner.executable)
        // The LP would need about 1.4 billion coefficients (tens of GB); under a 1.5 GB limit on
        // virtual memory the refusal can only come from the estimate, before any allocation.
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/bin/bash")
        process.arguments = ["-c", "ulimit -v 1500000; exec \"$0\" solve \"$1\" --out \"$2\"", binary.path, site.path,
                             folder.appendingPathComponent("run").path]
        let error = Pipe()
        process.standardError = error
        process.standardOutput = FileHandle.nullDevice
        try process.run()
        let message = String(decoding: error.fileHandleForReading.readAllRetryingInterrupts(), as: UTF8.self)
        process.waitUntilExit()
        #expect(process.terminationStatus == 2, "\(message)")
        #expect(message.contains("above the limit of 20000000"), "\(message)")
    }

    @Test("--dump-inputs writes every series after alignment and every parameter, units in the keys")
    func dumpInputs() throws {
        let folder = try InsulaRunner.temporaryFolder()
        let dump = folder.appendingPathComponent("inputs.json")
        let outcome = try InsulaRunner.run(["solve", "data/sites/example-week.yaml", "--out", folder.appendingPathComponent("run").path,
                                            "--dump-inputs", dump.path])
        #expect(outcome.exitCode == 0, "\(outcome.standardError)")
        let json = try #require(try JSONSerialization.jsonObject(with: Data(contentsOf: dump)) as? [String: Any])
        let horizon = try #require(json["horizon"] as? [String: Any])
        #expect(horizon["steps"] as? Int == 168)
        #expect(horizon["step_hours"] as? Double == 1)
        let feed = try #require((json["grid_feeds"] as? [[String: Any]])?.first)
        for key in ["import_price_usd_per_mwh", "export_price_usd_per_mwh", "carbon_intensity_g_per_kwh", "carbon_free_share", "import_limit_mw"] {
            #expect((feed[key] as? [Double])?.count == 168, "\(key)")
        }
        // The export price is the import price x export_price_fraction (0.9 in this site).
        let importPrice = try #require(feed["import_price_usd_per_mwh"] as? [Double]), exportPrice = try #require(feed["export_price_usd_per_mwh"] as? [Double])
        #expect(zip(importPrice, exportPrice).allSatisfy { abs($0 * 0.9 - $1) < 1e-9 })
        // The first step is 2025-07-14T00:00Z, row 4632 of the series file (0-based 4631 data row).
        let csv = try String(contentsOf: InsulaRunner.repositoryRoot.appendingPathComponent("data/series/temperate-2025.csv"), encoding: .utf8)
        let row = try #require(csv.split(separator: "\n").first { $0.hasPrefix("2025-07-14T00:00:00Z") })
        #expect(importPrice[0] == Double(row.split(separator: ",")[6]))
        for key in ["cop", "cooling_mw_per_mw_heat", "inference_demand_mw", "dry_bulb_c", "wet_bulb_c"] {
            #expect((json[key] as? [Double])?.count == 168, "\(key)")
        }
        let distribution = try #require(json["power_distribution"] as? [String: Any])
        #expect(distribution["bus_to_rack_efficiency"] as? Double == 0.9775)
        let job = try #require((json["training_jobs"] as? [[String: Any]])?.first)
        #expect(job["first_step"] as? Int == 0 && job["last_step"] as? Int == 119)
        #expect((json["carbon"] as? [String: Any])?["price_usd_per_t"] as? Double == 50)
    }

    @Test("An invalid site writes no input dump")
    func noDumpWhenInvalid() throws {
        let folder = try InsulaRunner.temporaryFolder()
        let dump = folder.appendingPathComponent("inputs.json")
        let outcome = try InsulaRunner.run(["solve", "data/sites/nope.yaml", "--out", folder.appendingPathComponent("run").path, "--dump-inputs", dump.path])
        #expect(outcome.exitCode == 2)
        #expect(!FileManager.default.fileExists(atPath: dump.path))
    }

    @Test("An exported MPS file keeps the objective of a site whose first row is free, and re-solves to the same cost")
    func exportedObjective() throws {
        let folder = try InsulaRunner.temporaryFolder()
        let model = folder.appendingPathComponent("week.mps")
        let export = try InsulaRunner.run(["lp", "export", "data/sites/example-week.yaml", "--format", "mps", "-o", model.path])
        #expect(export.exitCode == 0, "\(export.standardError)")
        let solved = try InsulaRunner.run(["lp", "solve", model.path, "--format", "json"])
        let site = try InsulaRunner.run(["solve", "data/sites/example-week.yaml", "--out", folder.appendingPathComponent("run").path, "--format", "json"])
        let lpObjective = try #require((try JSONSerialization.jsonObject(with: Data(solved.standardOutput.utf8)) as? [String: Any])?["objective"] as? Double)
        let siteObjective = try #require((try JSONSerialization.jsonObject(with: Data(site.standardOutput.utf8)) as? [String: Any])?["objective_usd"] as? Double)
        #expect(abs(lpObjective - siteObjective) <= 1e-6 * abs(siteObjective), "MPS \(lpObjective) vs site \(siteObjective)")
    }
}
