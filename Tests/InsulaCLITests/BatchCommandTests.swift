import Foundation
import Testing

@Suite("insula batch run, status and merge, end to end on the one-week site")
struct BatchCommandTests {
    static let weekBatch = "data/batches/example-week.yaml"

    /// A batch over the one-week site written into `folder` (series paths made absolute).
    static func batchFile(_ body: String, in folder: URL, name: String = "batch.yaml") throws -> URL {
        let file = folder.appendingPathComponent(name)
        let site = InsulaRunner.repositoryRoot.appendingPathComponent("data/sites/example-week.yaml").path
        try ("site: \(site)\n" + body).write(to: file, atomically: true, encoding: .utf8)
        return file
    }

    static func read(_ folder: URL, _ name: String) throws -> String {
        try String(contentsOf: folder.appendingPathComponent(name), encoding: .utf8)
    }

    @Test("an invalid batch exits 2, lists each bad scenario with its key path, and runs nothing")
    func invalidBatch() throws {
        let folder = try InsulaRunner.temporaryFolder()
        let batch = try Self.batchFile("""
            grid:
              batteries[0].energy_mwh: [400, -5]
              carbon.price_usd_per_t: [50, 100]
            """, in: folder)
        let out = folder.appendingPathComponent("out")
        let outcome = try InsulaRunner.run(["batch", "run", batch.path, "--out", out.path])
        #expect(outcome.exitCode == 2, "\(outcome.standardError)")
        #expect(outcome.standardError.contains("2 of 4 scenarios are invalid; nothing was run"))
        #expect(outcome.standardError.contains("scenario 3 \"energy_mwh=-5 price_usd_per_t=50\""))
        #expect(outcome.standardError.contains("scenario 4 \"energy_mwh=-5 price_usd_per_t=100\""))
        #expect(outcome.standardError.contains("batteries[0].energy_mwh"))
        #expect(!FileManager.default.fileExists(atPath: out.path))
    }

    @Test("a batch beyond --max-scenarios is refused before it is expanded, and --force lifts the limit")
    func scenarioLimit() throws {
        let folder = try InsulaRunner.temporaryFolder()
        // 40 x 40 x 40 = 64,000 scenarios: refused by the default limit of 10,000.
        let values = "[" + (1...40).map { String($0) }.joined(separator: ", ") + "]"
        let huge = try Self.batchFile("""
            grid:
              batteries[0].energy_mwh: \(values)
              carbon.price_usd_per_t: \(values)
              smr.units: \(values)
            """, in: folder)
        let out = folder.appendingPathComponent("out")
        let refused = try InsulaRunner.run(["batch", "run", huge.path, "--out", out.path])
        #expect(refused.exitCode == 2)
        #expect(refused.standardError.contains("the batch expands to 64000 scenarios, above the limit of 10000 (--max-scenarios)"), "\(refused.standardError)")
        #expect(refused.standardError.contains("--force"))
        #expect(!FileManager.default.fileExists(atPath: out.path))
        // A lower limit refuses the 8-scenario week batch; --force runs past it (here into validation,
        // which a negative battery stops before anything is solved).
        let small = try Self.batchFile("grid:\n  batteries[0].energy_mwh: [400, -5]\n", in: folder, name: "small.yaml")
        let limited = try InsulaRunner.run(["batch", "run", small.path, "--out", out.path, "--max-scenarios", "1"])
        #expect(limited.standardError.contains("the batch expands to 2 scenarios, above the limit of 1"))
        let forced = try InsulaRunner.run(["batch", "run", small.path, "--out", out.path, "--max-scenarios", "1", "--force"])
        #expect(forced.exitCode == 2)
        #expect(forced.standardError.contains("1 of 2 scenarios is invalid"), "\(forced.standardError)")
    }

    @Test("a malformed batch file exits 2 naming the file, key path and line")
    func malformedBatch() throws {
        let folder = try InsulaRunner.temporaryFolder()
        let batch = try Self.batchFile("grid:\n  smr.units: 3\n", in: folder)
        let outcome = try InsulaRunner.run(["batch", "run", batch.path, "--out", folder.appendingPathComponent("out").path])
        #expect(outcome.exitCode == 2)
        #expect(outcome.standardError.contains("batch.yaml:3: grid.smr.units: must be a non-empty list of values"))
    }

    @Test("an infeasible scenario is stored with its explanation, the others run, and the batch exits 5")
    func failureIsolation() throws {
        let folder = try InsulaRunner.temporaryFolder()
        let batch = try Self.batchFile("""
            scenarios:
              - name: capped
                overrides: {smr.capacity_mw_per_unit: 15, carbon.cap_t: 1}
              - name: base
              - name: pricey-carbon
                overrides: {carbon.price_usd_per_t: 200}
            """, in: folder)
        let out = folder.appendingPathComponent("out")
        let outcome = try InsulaRunner.run(["batch", "run", batch.path, "--out", out.path, "--jobs", "2"])
        #expect(outcome.exitCode == 5, "\(outcome.standardError)")
        let rows = try Self.read(out, "summary.csv").split(separator: "\n").map(String.init)
        #expect(rows.count == 4)
        #expect(rows[1].contains(",capped,infeasible,"))
        #expect(rows[1].contains("carbon cap 1 t cannot be met"))
        #expect(rows[2].contains(",base,optimal,,") && rows[3].contains(",pricey-carbon,optimal,,"))
        let status = try InsulaRunner.run(["batch", "status", out.path])
        #expect(status.exitCode == 0)
        #expect(status.standardOutput.contains("finished 3 (succeeded 2, failed 1), remaining 0"))
        #expect(status.standardOutput.contains("failed: capped: infeasible: carbon cap 1 t cannot be met"))
    }

    @Test("summary.csv is byte-identical with 1 and 2 workers (timing columns aside)")
    func determinismAcrossWorkers() throws {
        let folder = try InsulaRunner.temporaryFolder()
        var tables: [String] = []
        for jobs in ["1", "2"] {
            let out = folder.appendingPathComponent("jobs-\(jobs)")
            let outcome = try InsulaRunner.run(["batch", "run", Self.weekBatch, "--out", out.path, "--jobs", jobs, "--quiet"])
            #expect(outcome.exitCode == 0, "\(outcome.standardError)")
            tables.append(try Self.read(out, "summary-no-timings.csv"))
            let withTimings = try Self.read(out, "summary.csv")
            #expect(withTimings.split(separator: "\n").count == 9)
            #expect(withTimings.hasPrefix("scenario_id,scenario_name,status,message,batteries[0].energy_mwh,smr.units,grid_feeds[0].price_usd_per_mwh.file,"))
        }
        #expect(tables[0] == tables[1])
        #expect(tables[0].split(separator: "\n").count == 9)
    }

    @Test("a run killed with SIGKILL mid-batch and resumed gives the same summary.csv as an uninterrupted run")
    func resumeAfterKill() throws {
        let folder = try InsulaRunner.temporaryFolder()
        let batch = try Self.batchFile("""
            grid:
              batteries[0].energy_mwh: [200, 400, 600, 800]
              carbon.price_usd_per_t: [0, 50, 100, 150]
            """, in: folder)
        let reference = folder.appendingPathComponent("reference")
        #expect(try InsulaRunner.run(["batch", "run", batch.path, "--out", reference.path, "--jobs", "2", "--quiet"]).exitCode == 0)

        let out = folder.appendingPathComponent("killed")
        let process = Process()
        guard let binary = InsulaRunner.executable else {
            Issue.record("the insula binary was not built beside the tests")
            return
        }
        process.executableURL = binary
        process.arguments = ["batch", "run", batch.path, "--out", out.path, "--jobs", "1", "--quiet"]
        process.standardOutput = FileHandle.nullDevice
        try process.run()
        // Kill once a few scenarios are stored, while the others are still to run.
        var finished = 0
        let deadline = Date().addingTimeInterval(120)
        while finished < 3, process.isRunning, Date() < deadline {
            Thread.sleep(forTimeInterval: 0.02)
            let status = try InsulaRunner.run(["batch", "status", out.path, "--format", "json"])
            if status.exitCode == 0, let json = try? JSONSerialization.jsonObject(with: Data(status.standardOutput.utf8)) as? [String: Any] {
                finished = json["finished"] as? Int ?? 0
            }
        }
        let killedMidway = process.isRunning
        kill(process.processIdentifier, SIGKILL)
        process.waitUntilExit()
        #expect(killedMidway, "the batch finished before it could be killed")
        let partial = try InsulaRunner.run(["batch", "status", out.path, "--format", "json"])
        let partialCounts = try #require(try JSONSerialization.jsonObject(with: Data(partial.standardOutput.utf8)) as? [String: Any])
        #expect((partialCounts["remaining"] as? Int ?? 0) > 0)

        let refused = try InsulaRunner.run(["batch", "run", batch.path, "--out", out.path, "--quiet"])
        #expect(refused.exitCode == 2)
        #expect(refused.standardError.contains("--resume"))

        let resumed = try InsulaRunner.run(["batch", "run", batch.path, "--out", out.path, "--resume", "--jobs", "2", "--format", "json"])
        #expect(resumed.exitCode == 0, "\(resumed.standardError)")
        let json = try #require(try JSONSerialization.jsonObject(with: Data(resumed.standardOutput.utf8)) as? [String: Any])
        #expect((json["skipped"] as? Int ?? 0) >= 3)
        #expect((json["skipped"] as? Int ?? 0) + (json["ran"] as? Int ?? 0) == 16)
        #expect(json["succeeded"] as? Int == 16)
        #expect(try Self.read(out, "summary-no-timings.csv") == Self.read(reference, "summary-no-timings.csv"))
    }

    @Test("shards merge into the same summary.csv as one run; duplicates are kept once; another batch is refused")
    func shardsAndMerge() throws {
        let folder = try InsulaRunner.temporaryFolder()
        var shardFolders: [String] = []
        var planned = 0
        for index in 0..<2 {
            let out = folder.appendingPathComponent("shard-\(index)")
            let outcome = try InsulaRunner.run(["batch", "run", Self.weekBatch, "--out", out.path, "--shard", "\(index)/2", "--quiet", "--format", "json"])
            #expect(outcome.exitCode == 0, "\(outcome.standardError)")
            let json = try #require(try JSONSerialization.jsonObject(with: Data(outcome.standardOutput.utf8)) as? [String: Any])
            planned += json["scenarios"] as? Int ?? 0
            shardFolders.append(out.path)
        }
        #expect(planned == 8)
        let whole = folder.appendingPathComponent("whole")
        #expect(try InsulaRunner.run(["batch", "run", Self.weekBatch, "--out", whole.path, "--quiet"]).exitCode == 0)

        let merged = folder.appendingPathComponent("merged")
        let merge = try InsulaRunner.run(["batch", "merge"] + shardFolders + [shardFolders[0], "--out", merged.path, "--format", "json"])
        #expect(merge.exitCode == 0, "\(merge.standardError)")
        let report = try #require(try JSONSerialization.jsonObject(with: Data(merge.standardOutput.utf8)) as? [String: Any])
        #expect(report["added"] as? Int == 8)
        #expect((report["duplicates"] as? Int ?? 0) > 0)
        #expect(report["remaining"] as? Int == 0)
        #expect(try Self.read(merged, "summary-no-timings.csv") == Self.read(whole, "summary-no-timings.csv"))

        let other = try Self.batchFile("grid:\n  carbon.price_usd_per_t: [1, 2]\n", in: folder, name: "other.yaml")
        let otherOut = folder.appendingPathComponent("other")
        #expect(try InsulaRunner.run(["batch", "run", other.path, "--out", otherOut.path, "--quiet"]).exitCode == 0)
        let refused = try InsulaRunner.run(["batch", "merge", shardFolders[0], otherOut.path, "--out", folder.appendingPathComponent("mixed").path])
        #expect(refused.exitCode == 2)
        #expect(refused.standardError.contains("another batch"))
        #expect(!FileManager.default.fileExists(atPath: folder.appendingPathComponent("mixed").path))
    }

    @Test("--dispatch writes each scenario's dispatch.csv from the store, byte for byte as insula solve writes it")
    func dispatchMatchesSolve() throws {
        let folder = try InsulaRunner.temporaryFolder()
        let batch = try Self.batchFile("scenarios:\n  - name: base\n", in: folder)
        let out = folder.appendingPathComponent("batch")
        let run = try InsulaRunner.run(["batch", "run", batch.path, "--out", out.path, "--dispatch", "--quiet"])
        #expect(run.exitCode == 0, "\(run.standardError)")
        let single = folder.appendingPathComponent("single")
        // Batch workers never race; without --no-race the dual simplex can win the race on a
        // loaded machine and end at another optimal vertex, which is not what is compared here.
        #expect(try InsulaRunner.run(["solve", "data/sites/example-week.yaml", "--no-race", "--out", single.path]).exitCode == 0)
        let ids = try FileManager.default.contentsOfDirectory(atPath: out.appendingPathComponent("scenarios").path)
        #expect(ids.count == 1)
        let fromStore = try Self.read(out.appendingPathComponent("scenarios/\(ids[0])"), "dispatch.csv")
        #expect(fromStore == (try Self.read(single, "dispatch.csv")))
    }

    @Test("progress: one plain line per scenario when stderr is not a terminal, nothing with --quiet")
    func progressLines() throws {
        let folder = try InsulaRunner.temporaryFolder()
        let batch = try Self.batchFile("grid:\n  carbon.price_usd_per_t: [10, 20, 30]\n", in: folder)
        let loud = try InsulaRunner.run(["batch", "run", batch.path, "--out", folder.appendingPathComponent("a").path, "--dispatch"])
        #expect(loud.exitCode == 0)
        let lines = loud.standardError.split(separator: "\n")
        #expect(lines.count == 3)
        #expect(lines.allSatisfy { $0.hasPrefix("[") && $0.contains("/3] optimal ") })
        let quiet = try InsulaRunner.run(["batch", "run", batch.path, "--out", folder.appendingPathComponent("b").path, "--quiet"])
        #expect(quiet.standardError.isEmpty)
        let scenarios = try FileManager.default.contentsOfDirectory(atPath: folder.appendingPathComponent("a/scenarios").path)
        #expect(scenarios.count == 3)
        let dispatch = try Self.read(folder.appendingPathComponent("a/scenarios/\(scenarios[0])"), "dispatch.csv")
        #expect(dispatch.split(separator: "\n").count == 169)
    }
}
