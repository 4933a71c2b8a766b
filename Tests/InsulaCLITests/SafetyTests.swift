import Foundation
import GRDB
import Testing

/// Issue 17: run folders and results stores that can be trusted under concurrent runs, kills,
/// damaged stores, edited inputs and hostile output paths. Each test ran against the binary
/// before the fix and failed there.
@Suite("Safety under concurrency, faults and hostile paths")
struct SafetyTests {
    // MARK: Helpers

    /// Starts `insula` without waiting (output discarded unless `capture`).
    static func start(_ arguments: [String], environment: [String: String] = [:]) throws -> (Process, Pipe) {
        let binary = try #require(InsulaRunner.executable, "the insula binary was not built beside the tests")
        let process = Process()
        process.executableURL = binary
        process.arguments = arguments
        process.currentDirectoryURL = InsulaRunner.repositoryRoot
        process.environment = ProcessInfo.processInfo.environment.merging(environment) { _, new in new }
        let error = Pipe()
        process.standardOutput = FileHandle.nullDevice
        process.standardError = error
        try process.run()
        return (process, error)
    }

    /// Runs two copies of `arguments` at once; their exit codes and stderr.
    static func runTwice(_ arguments: [String]) throws -> [(code: Int32, error: String)] {
        let first = try start(arguments), second = try start(arguments)
        return [first, second].map { process, pipe in
            let text = String(decoding: pipe.fileHandleForReading.readAllRetryingInterrupts(), as: UTF8.self)
            process.waitUntilExit()
            return (process.terminationStatus, text)
        }
    }

    static func integrity(_ store: URL) throws -> String {
        var configuration = Configuration()
        configuration.readonly = true
        let queue = try DatabaseQueue(path: store.path, configuration: configuration)
        return try queue.read { try String.fetchOne($0, sql: "PRAGMA integrity_check") ?? "" }
    }

    static func json(_ text: String) throws -> [String: Any] {
        try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
    }

    /// A copy of the week site and its series in `folder`, so a test may edit them.
    static func privateSite(in folder: URL) throws -> URL {
        let series = folder.appendingPathComponent("series")
        try FileManager.default.createDirectory(at: series, withIntermediateDirectories: true)
        try FileManager.default.copyItem(at: InsulaRunner.repositoryRoot.appendingPathComponent("data/series/temperate-2025.csv"),
                                         to: series.appendingPathComponent("temperate-2025.csv"))
        let sites = folder.appendingPathComponent("sites")
        try FileManager.default.createDirectory(at: sites, withIntermediateDirectories: true)
        let site = sites.appendingPathComponent("week.yaml")
        try FileManager.default.copyItem(at: InsulaRunner.repositoryRoot.appendingPathComponent("data/sites/example-week.yaml"), to: site)
        return site
    }

    // MARK: 1. One writer per folder

    @Test("two batch runs on one new --out, 20 times: one runs, the other is refused; the store stays whole")
    func concurrentBatchRuns() throws {
        let folder = try InsulaRunner.temporaryFolder()
        let batch = try BatchCommandTests.batchFile("grid:\n  carbon.price_usd_per_t: [10, 20]\n", in: folder)
        for round in 0..<20 {
            let out = folder.appendingPathComponent("out-\(round)")
            let outcomes = try Self.runTwice(["batch", "run", batch.path, "--out", out.path, "--jobs", "1", "--quiet"])
            let codes = outcomes.map(\.code).sorted()
            // Overlapping: 0 and 7 (busy); one after the other: 0 and 2 ("already holds results.sqlite").
            #expect(codes == [0, 7] || codes == [0, 2], "round \(round): \(outcomes)")
            if codes == [0, 7] {
                #expect(outcomes.contains { $0.error.contains("is being written by another insula process") })
            }
            #expect(try Self.integrity(out.appendingPathComponent("results.sqlite")) == "ok")
            let status = try InsulaRunner.run(["batch", "status", out.path, "--format", "json"])
            let counts = try Self.json(status.standardOutput)
            #expect(counts["planned"] as? Int == 2 && counts["succeeded"] as? Int == 2 && counts["remaining"] as? Int == 0, "\(counts)")
        }
    }

    @Test("two solves into one --out, 20 times: never interleaved; the folder is one complete run")
    func concurrentSolves() throws {
        let folder = try InsulaRunner.temporaryFolder()
        let out = folder.appendingPathComponent("run")
        for round in 0..<20 {
            let outcomes = try Self.runTwice(["solve", "data/sites/example-week.yaml", "--out", out.path, "--method", "dual", "--no-race"])
            #expect(outcomes.allSatisfy { $0.code == 0 || $0.code == 7 } && outcomes.contains { $0.code == 0 }, "round \(round): \(outcomes)")
            let names = try FileManager.default.contentsOfDirectory(atPath: out.path).sorted()
            #expect(names == ["dispatch.csv", "jobs.csv", "manifest.json", "pauses.csv", "summary.csv", "summary.json"], "round \(round): \(names)")
            let leftovers = try FileManager.default.contentsOfDirectory(atPath: folder.path).filter { $0.hasPrefix(".") }
            #expect(leftovers.isEmpty, "\(leftovers)")
        }
    }

    // MARK: 4. Run folders as one unit

    @Test("a feasible then an infeasible solve into one folder leaves no stale dispatch.csv, and the reverse no stale infeasibility.json")
    func staleRunFiles() throws {
        let out = try InsulaRunner.temporaryFolder().appendingPathComponent("run")
        let infeasible = ["--set", "smr.capacity_mw_per_unit=15", "--set", "carbon.cap_t=1"]
        #expect(try InsulaRunner.run(["solve", "data/sites/example-week.yaml", "--out", out.path]).exitCode == 0)
        let capped = try InsulaRunner.run(["solve", "data/sites/example-week.yaml", "--out", out.path] + infeasible)
        #expect(capped.exitCode == 3, "\(capped.standardError)")
        var names = Set(try FileManager.default.contentsOfDirectory(atPath: out.path))
        #expect(names == ["infeasibility.json", "summary.json", "summary.csv", "manifest.json"], "\(names)")
        #expect(try InsulaRunner.run(["solve", "data/sites/example-week.yaml", "--out", out.path]).exitCode == 0)
        names = Set(try FileManager.default.contentsOfDirectory(atPath: out.path))
        #expect(!names.contains("infeasibility.json"), "\(names)")
    }

    @Test("a folder that is not an insula run is never replaced; --out '' is refused")
    func foreignFolder() throws {
        let folder = try InsulaRunner.temporaryFolder()
        let notes = folder.appendingPathComponent("notes.txt")
        try "mine".write(to: notes, atomically: true, encoding: .utf8)
        let outcome = try InsulaRunner.run(["solve", "data/sites/example-week.yaml", "--out", folder.path])
        #expect(outcome.exitCode == 2)
        #expect(outcome.standardError.contains("holds no insula run"), "\(outcome.standardError)")
        #expect(FileManager.default.fileExists(atPath: notes.path))
        for arguments in [["solve", "data/sites/example-week.yaml", "--out", ""],
                          ["batch", "run", BatchCommandTests.weekBatch, "--out", ""]] {
            let refused = try InsulaRunner.run(arguments, in: folder)
            #expect(refused.exitCode == 2, "\(arguments): \(refused.standardError)")
            #expect(refused.standardError.contains("--out is empty"), "\(refused.standardError)")
        }
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path) == ["notes.txt"])
    }

    @Test("kill -9 at 30 random moments of solve: the folder is the complete old run, the complete new run, or absent")
    func crashConsistentSolve() throws {
        let folder = try InsulaRunner.temporaryFolder()
        let out = folder.appendingPathComponent("run")
        let common = ["solve", "data/sites/example-week.yaml", "--method", "dual", "--no-race"]
        // References: the "old" run (carbon at 10 USD/t) and the "new" one (at 90).
        // Each run is recognised by its dispatch.csv bytes, its objective and its manifest together.
        var references: [String: (dispatch: String, objective: Double)] = [:]
        for price in ["10", "90"] {
            let reference = folder.appendingPathComponent("reference-\(price)")
            #expect(try InsulaRunner.run(common + ["--set", "carbon.price_usd_per_t=\(price)", "--out", reference.path]).exitCode == 0)
            let summary = try Self.json(try String(contentsOf: reference.appendingPathComponent("summary.json"), encoding: .utf8))
            references[price] = (try String(contentsOf: reference.appendingPathComponent("dispatch.csv"), encoding: .utf8),
                                 summary["objective_usd"] as? Double ?? .nan)
        }
        var seen: [String: Int] = [:]
        for round in 0..<30 {
            try? FileManager.default.removeItem(at: out)
            #expect(try InsulaRunner.run(common + ["--set", "carbon.price_usd_per_t=10", "--out", out.path]).exitCode == 0)
            let (process, _) = try Self.start(common + ["--set", "carbon.price_usd_per_t=90", "--out", out.path],
                                              environment: ["INSULA_DEBUG_DELAY_MS": "150"])
            Thread.sleep(forTimeInterval: Double.random(in: 0.05...0.9))
            kill(process.processIdentifier, SIGKILL)
            process.waitUntilExit()
            let state: String
            if !FileManager.default.fileExists(atPath: out.path) {
                state = "absent"
            } else {
                // A kill before the swap leaves the old run with the killed process's lock file.
                let names = Set(try FileManager.default.contentsOfDirectory(atPath: out.path)).subtracting([".insula.lock"])
                #expect(names == ["dispatch.csv", "jobs.csv", "manifest.json", "pauses.csv", "summary.csv", "summary.json"], "round \(round): \(names)")
                let dispatch = try String(contentsOf: out.appendingPathComponent("dispatch.csv"), encoding: .utf8)
                let manifest = try String(contentsOf: out.appendingPathComponent("manifest.json"), encoding: .utf8)
                let objective = try Self.json(try String(contentsOf: out.appendingPathComponent("summary.json"), encoding: .utf8))["objective_usd"] as? Double
                func matches(_ price: String) -> Bool {
                    dispatch == references[price]?.dispatch && objective == references[price]?.objective
                        && manifest.contains("\"carbon.price_usd_per_t=\(price)\"")
                }
                state = matches("10") ? "old" : matches("90") ? "new" : "mixed"
                #expect(state != "mixed", "round \(round): the files of two runs side by side")
            }
            seen[state, default: 0] += 1
            // The next run cleans what the killed one left beside the folder.
            #expect(try InsulaRunner.run(common + ["--out", out.path]).exitCode == 0)
            let leftovers = try FileManager.default.contentsOfDirectory(atPath: folder.path).filter { $0.hasPrefix(".") }
            #expect(leftovers.isEmpty, "round \(round): \(leftovers)")
        }
        #expect(seen["mixed"] == nil)
    }

    @Test("kill -9 at 12 random moments of batch run: the store passes integrity_check and --resume converges")
    func crashConsistentBatch() throws {
        let folder = try InsulaRunner.temporaryFolder()
        let batch = try BatchCommandTests.batchFile("grid:\n  carbon.price_usd_per_t: [0, 40, 80, 120]\n", in: folder)
        let reference = folder.appendingPathComponent("reference")
        #expect(try InsulaRunner.run(["batch", "run", batch.path, "--out", reference.path, "--quiet"]).exitCode == 0)
        let expected = try String(contentsOf: reference.appendingPathComponent("summary-no-timings.csv"), encoding: .utf8)
        for round in 0..<12 {
            let out = folder.appendingPathComponent("killed-\(round)")
            let (process, _) = try Self.start(["batch", "run", batch.path, "--out", out.path, "--jobs", "2", "--quiet"])
            Thread.sleep(forTimeInterval: Double.random(in: 0.05...1.5))
            kill(process.processIdentifier, SIGKILL)
            process.waitUntilExit()
            let store = out.appendingPathComponent("results.sqlite")
            if FileManager.default.fileExists(atPath: store.path) {
                #expect(try Self.integrity(store) == "ok", "round \(round)")
            }
            let resumed = try InsulaRunner.run(["batch", "run", batch.path, "--out", out.path, "--resume", "--quiet"])
            #expect(resumed.exitCode == 0, "round \(round): \(resumed.standardError)")
            #expect(try String(contentsOf: out.appendingPathComponent("summary-no-timings.csv"), encoding: .utf8) == expected, "round \(round)")
        }
    }

    // MARK: 5. Damaged stores

    @Test("a value of the wrong type or a missing metadata row: resume, merge and status exit 2 naming store, table and row; merge writes nothing")
    func damagedStore() throws {
        let folder = try InsulaRunner.temporaryFolder()
        let batch = try BatchCommandTests.batchFile("grid:\n  carbon.price_usd_per_t: [10, 20]\n", in: folder)
        let out = folder.appendingPathComponent("out")
        #expect(try InsulaRunner.run(["batch", "run", batch.path, "--out", out.path, "--quiet"]).exitCode == 0)
        let store = out.appendingPathComponent("results.sqlite")
        let queue = try DatabaseQueue(path: store.path)
        try queue.write { try $0.execute(sql: "UPDATE scenario SET name = x'00ff' WHERE position = (SELECT MIN(position) FROM scenario)") }
        try queue.close()
        let merged = folder.appendingPathComponent("merged")
        for arguments in [["batch", "run", batch.path, "--out", out.path, "--resume"], ["batch", "merge", out.path, "--out", merged.path],
                          ["batch", "status", out.path]] {
            let outcome = try InsulaRunner.run(arguments)
            #expect(outcome.exitCode == 2, "\(arguments): \(outcome.exitCode) \(outcome.standardError)")
            #expect(outcome.standardError.contains("results.sqlite: table scenario, row '"), "\(outcome.standardError)")
            #expect(outcome.standardError.contains("column name holds blob"), "\(outcome.standardError)")
        }
        #expect(!FileManager.default.fileExists(atPath: merged.path))

        let other = folder.appendingPathComponent("other")
        #expect(try InsulaRunner.run(["batch", "run", batch.path, "--out", other.path, "--quiet"]).exitCode == 0)
        let otherQueue = try DatabaseQueue(path: other.appendingPathComponent("results.sqlite").path)
        try otherQueue.write { try $0.execute(sql: "DELETE FROM batch_meta WHERE key = 'shard'") }
        try otherQueue.close()
        let missing = try InsulaRunner.run(["batch", "status", other.path])
        #expect(missing.exitCode == 2, "\(missing.standardError)")
        #expect(missing.standardError.contains("table batch_meta has no row 'shard'"), "\(missing.standardError)")
    }

    @Test("batch status never writes: an empty store file stays empty, a store's bytes are unchanged")
    func statusIsReadOnly() throws {
        let folder = try InsulaRunner.temporaryFolder()
        let empty = folder.appendingPathComponent("empty")
        try FileManager.default.createDirectory(at: empty, withIntermediateDirectories: true)
        #expect(FileManager.default.createFile(atPath: empty.appendingPathComponent("results.sqlite").path, contents: Data()))
        let outcome = try InsulaRunner.run(["batch", "status", empty.path])
        #expect(outcome.exitCode == 2)
        #expect(outcome.standardError.contains("not an insula results store"), "\(outcome.standardError)")
        let size = try FileManager.default.attributesOfItem(atPath: empty.appendingPathComponent("results.sqlite").path)[.size] as? Int
        #expect(size == 0)

        let batch = try BatchCommandTests.batchFile("grid:\n  carbon.price_usd_per_t: [10]\n", in: folder)
        let out = folder.appendingPathComponent("out")
        #expect(try InsulaRunner.run(["batch", "run", batch.path, "--out", out.path, "--quiet"]).exitCode == 0)
        let before = try Data(contentsOf: out.appendingPathComponent("results.sqlite"))
        #expect(try InsulaRunner.run(["batch", "status", out.path]).exitCode == 0)
        #expect(try Data(contentsOf: out.appendingPathComponent("results.sqlite")) == before)
    }

    // MARK: 3. Provenance

    @Test("a series file edited before --resume or between shards is refused, naming the file")
    func provenance() throws {
        let folder = try InsulaRunner.temporaryFolder()
        let site = try Self.privateSite(in: folder)
        let batch = folder.appendingPathComponent("batch.yaml")
        try "site: \(site.path)\ngrid:\n  carbon.price_usd_per_t: [10, 20, 30, 40]\n".write(to: batch, atomically: true, encoding: .utf8)
        let shard0 = folder.appendingPathComponent("shard-0"), shard1 = folder.appendingPathComponent("shard-1")
        #expect(try InsulaRunner.run(["batch", "run", batch.path, "--out", shard0.path, "--shard", "0/2", "--quiet"]).exitCode == 0)
        // Edit one price in the series file.
        let series = folder.appendingPathComponent("series/temperate-2025.csv")
        var lines = try String(contentsOf: series, encoding: .utf8).components(separatedBy: "\n")
        let header = lines[0].split(separator: ",").map(String.init)
        let price = try #require(header.firstIndex(of: "price_usd_per_mwh"))
        for index in 1..<min(lines.count, 4000) where !lines[index].isEmpty {
            var cells = lines[index].split(separator: ",", omittingEmptySubsequences: false).map(String.init)
            cells[price] = "999"
            lines[index] = cells.joined(separator: ",")
        }
        try lines.joined(separator: "\n").write(to: series, atomically: true, encoding: .utf8)

        let resumed = try InsulaRunner.run(["batch", "run", batch.path, "--out", shard0.path, "--shard", "0/2", "--resume", "--quiet"])
        #expect(resumed.exitCode == 2, "\(resumed.standardError)")
        #expect(resumed.standardError.contains("temperate-2025.csv changed"), "\(resumed.standardError)")
        #expect(resumed.standardError.contains("--resume would mix them"))

        #expect(try InsulaRunner.run(["batch", "run", batch.path, "--out", shard1.path, "--shard", "1/2", "--quiet"]).exitCode == 0)
        let merged = folder.appendingPathComponent("merged")
        let merge = try InsulaRunner.run(["batch", "merge", shard0.path, shard1.path, "--out", merged.path])
        #expect(merge.exitCode == 2, "\(merge.standardError)")
        #expect(merge.standardError.contains("temperate-2025.csv changed"), "\(merge.standardError)")
        #expect(!FileManager.default.fileExists(atPath: merged.path))
    }

    // MARK: 2. Output paths

    @Test("symbolic links and device nodes given as output files are refused and left as they are")
    func hostileOutputPaths() throws {
        let folder = try InsulaRunner.temporaryFolder()
        let target = folder.appendingPathComponent("precious.txt")
        try "keep me".write(to: target, atomically: true, encoding: .utf8)
        let link = folder.appendingPathComponent("link")
        try FileManager.default.createSymbolicLink(at: link, withDestinationURL: target)
        var paths = [link.path]
        let device = folder.appendingPathComponent("null-device")
        if getuid() == 0 {
            // A private node (the system's /dev/null is never touched), made only as root.
            #expect(mknod(device.path, S_IFCHR | 0o666, dev_t((1 << 8) | 3)) == 0)
            paths.append(device.path)
        } else {
            print("device-node case skipped: mknod needs root")
        }
        let run = folder.appendingPathComponent("run")
        #expect(try InsulaRunner.run(["solve", "data/sites/example-week.yaml", "--out", run.path]).exitCode == 0)
        for path in paths {
            for arguments in [["report", run.path, "-o", path], ["lp", "export", "data/sites/example-week.yaml", "-o", path],
                              ["lp", "solve", "data/models/wyndor.lp", "--solution", path],
                              ["solve", "data/sites/example-week.yaml", "--out", run.path, "--dump-inputs", path]] {
                let outcome = try InsulaRunner.run(arguments)
                #expect(outcome.exitCode == 2, "\(arguments): \(outcome.exitCode) \(outcome.standardError)")
                #expect(outcome.standardError.contains("is a symbolic link") || outcome.standardError.contains("is a device"), "\(outcome.standardError)")
            }
        }
        #expect(try FileManager.default.destinationOfSymbolicLink(atPath: link.path) == target.path)
        #expect(try String(contentsOf: target, encoding: .utf8) == "keep me")
        if paths.count > 1 {
            let kind = try FileManager.default.attributesOfItem(atPath: device.path)[.type] as? FileAttributeType
            #expect(kind == .typeCharacterSpecial)
        }
        let linkedOut = folder.appendingPathComponent("linked-run")
        try FileManager.default.createSymbolicLink(at: linkedOut, withDestinationURL: run)
        let outcome = try InsulaRunner.run(["solve", "data/sites/example-week.yaml", "--out", linkedOut.path])
        #expect(outcome.exitCode == 2 && outcome.standardError.contains("is a symbolic link"), "\(outcome.standardError)")
    }

    // MARK: 7. Unbounded echo

    @Test("a 500 kB cell with control characters is echoed capped (80 characters) and escaped, not in full")
    func cappedEcho() throws {
        let folder = try InsulaRunner.temporaryFolder()
        let site = try Self.privateSite(in: folder)
        let series = folder.appendingPathComponent("series/temperate-2025.csv")
        var lines = try String(contentsOf: series, encoding: .utf8).components(separatedBy: "\n")
        let header = lines[0].split(separator: ",").map(String.init)
        let price = try #require(header.firstIndex(of: "price_usd_per_mwh"))
        // A row inside the week's horizon (from 2025-07-14).
        let row = try #require(lines.firstIndex { $0.hasPrefix("2025-07-14T00") })
        var cells = lines[row].split(separator: ",", omittingEmptySubsequences: false).map(String.init)
        // Under the 1 MiB line limit (a longer line is refused unread: InputStrictnessTests).
        cells[price] = "\u{1B}[31m" + String(repeating: "x", count: 500_000)
        lines[row] = cells.joined(separator: ",")
        try lines.joined(separator: "\n").write(to: series, atomically: true, encoding: .utf8)
        let outcome = try InsulaRunner.run(["validate", site.path])
        #expect(outcome.exitCode == 2)
        #expect(outcome.standardError.utf8.count < 20_000, "\(outcome.standardError.utf8.count) bytes on stderr")
        #expect(!outcome.standardError.contains("\u{1B}"))
        #expect(outcome.standardError.contains("\"\\u{1B}[31m" + String(repeating: "x", count: 75) + "\"... (500005 bytes)"), "\(outcome.standardError.prefix(300))")
    }

    // MARK: 8. Markdown report

    @Test("report --format md escapes names from the inputs as the HTML report does")
    func markdownEscaping() throws {
        let folder = try InsulaRunner.temporaryFolder()
        let run = folder.appendingPathComponent("run")
        let hostile = "<script>alert(1)</script><img src=x onerror=alert(2)>"
        let solved = try InsulaRunner.run(["solve", "data/sites/example-week.yaml", "--out", run.path, "--set", "name=\"\(hostile)\""])
        #expect(solved.exitCode == 0, "\(solved.standardError)")
        let output = folder.appendingPathComponent("report.md")
        let outcome = try InsulaRunner.run(["report", run.path, "-o", output.path, "--format", "md"])
        #expect(outcome.exitCode == 0, "\(outcome.standardError)")
        let text = try String(contentsOf: output, encoding: .utf8)
        #expect(!text.contains("<script") && !text.contains("<img"), "\(text.prefix(400))")
        #expect(text.contains("&lt;script&gt;"))
    }

    // MARK: 6. Time limits

    @Test("--time-limit bounds the whole solve, the thermal check included, and the status says so")
    func timeLimitBoundsTheRun() throws {
        let out = try InsulaRunner.temporaryFolder().appendingPathComponent("run")
        // Loading a year (debug build) takes seconds of its own, more on a busy machine: the
        // reference is the same site loaded and checked by `validate`, in the same conditions.
        let loadStart = Date()
        _ = try InsulaRunner.run(["validate", "data/sites/example.yaml"])
        let loadSeconds = Date().timeIntervalSince(loadStart)
        let start = Date()
        let outcome = try InsulaRunner.run(["solve", "data/sites/example.yaml", "--method", "dual", "--time-limit", "1", "--out", out.path, "--format", "json"])
        let seconds = Date().timeIntervalSince(start)
        #expect(outcome.exitCode == 4, "\(outcome.standardError)")
        #expect(try Self.json(outcome.standardOutput)["status"] as? String == "time_limit")
        // The dual simplex alone runs for minutes on this year; the limit stops it after 1 s,
        // so the run is the load, the limit and the writing.
        #expect(seconds < 2 * loadSeconds + 10, "\(seconds) s against \(loadSeconds) s to load")
    }
}
