import Foundation
import GRDB
import Testing

/// Issue 17, items 7, 9 and 10: input that was read as something else, echoed without bound,
/// or let through validation to fail later. Each test failed on the binary before the fix.
@Suite("Input strictness, bounded echo and clear failures")
struct InputStrictnessTests {
    static let smallSite = """
        name: NAME
        horizon: {start_utc: 2025-01-01T00:00Z, steps: 6, step_minutes: 60}
        grid_feeds:
          - {name: grid, import_capacity_mw: 100, price_usd_per_mwh: PRICE, carbon_intensity_g_per_kwh: 300}
        it_fleet: {racks: 100, power_per_rack_kw: 300}
        workloads:
          inference: {demand_mw: 15}
        cooling: {cop: 5}
        CARBON
        """

    static func site(in folder: URL, name: String = "small", price: String = "50", carbon: String = "") throws -> URL {
        let url = folder.appendingPathComponent("site.yaml")
        let text = smallSite.replacingOccurrences(of: "NAME", with: name).replacingOccurrences(of: "PRICE", with: price)
            .replacingOccurrences(of: "CARBON", with: carbon)
        try text.write(to: url, atomically: true, encoding: .utf8)
        return url
    }

    @Test("a 1 GiB file of one line is refused after its first MiB: fast, small stderr")
    func oneLineGigabyte() throws {
        let folder = try InsulaRunner.temporaryFolder()
        let csv = folder.appendingPathComponent("prices.csv")
        // Sparse: a GiB of NUL bytes with no line end, costing no disk.
        #expect(FileManager.default.createFile(atPath: csv.path, contents: Data("timestamp_utc,price\n".utf8)))
        let handle = try FileHandle(forWritingTo: csv)
        try handle.truncate(atOffset: 1 << 30)
        try handle.close()
        let site = try Self.site(in: folder, price: "{file: prices.csv, column: price, timestamp_column: timestamp_utc}")
        let start = Date()
        let outcome = try InsulaRunner.run(["validate", site.path])
        let seconds = Date().timeIntervalSince(start)
        #expect(outcome.exitCode == 2, "\(outcome.standardError.prefix(300))")
        #expect(outcome.standardError.contains("line 2: longer than 1048576 bytes"), "\(outcome.standardError.prefix(300))")
        #expect(outcome.standardError.utf8.count < 2_000)
        #expect(seconds < 10, "\(seconds) s")
    }

    @Test("control characters in a site name never reach standard output raw")
    func controlCharactersInNames() throws {
        let folder = try InsulaRunner.temporaryFolder()
        let site = try Self.site(in: folder, name: "\"\\e[31mred\\e]0;title\\u0007\"")
        for arguments in [["validate", site.path], ["solve", site.path, "--out", folder.appendingPathComponent("run").path]] {
            let outcome = try InsulaRunner.run(arguments)
            #expect(outcome.exitCode == 0, "\(arguments): \(outcome.standardError)")
            #expect(!outcome.standardOutput.contains("\u{1B}") && !outcome.standardOutput.contains("\u{07}"), "\(outcome.standardOutput)")
            #expect(outcome.standardOutput.contains("\\u{1B}[31mred"), "\(outcome.standardOutput)")
        }
    }

    @Test("a value echoed in a message is cut after 80 characters with its size")
    func echoCapped() throws {
        let folder = try InsulaRunner.temporaryFolder()
        let site = try Self.site(in: folder, price: "\"" + String(repeating: "x", count: 100_000) + "\"")
        let outcome = try InsulaRunner.run(["validate", site.path])
        #expect(outcome.exitCode == 2)
        #expect(outcome.standardError.contains("\"" + String(repeating: "x", count: 80) + "\"... (100000 bytes)"), "\(outcome.standardError.prefix(400))")
        #expect(outcome.standardError.utf8.count < 1_000)
    }

    @Test("cfe_target_share 1 with no carbon-free supply: the explanation names the CFE target, not inference demand")
    func cfeTargetNamed() throws {
        let folder = try InsulaRunner.temporaryFolder()
        let site = try Self.site(in: folder, carbon: "carbon: {cfe_target_share: 1}")
        let outcome = try InsulaRunner.run(["solve", site.path, "--out", folder.appendingPathComponent("run").path])
        #expect(outcome.exitCode == 3)
        #expect(outcome.standardError.contains("24/7 carbon-free target 100% cannot be met"), "\(outcome.standardError)")
        #expect(!outcome.standardError.contains("inference demand cannot be served"), "\(outcome.standardError)")
    }

    @Test("--set KEY= (empty value) says the value is empty, not \"got a mapping\"")
    func emptyOverride() throws {
        let outcome = try InsulaRunner.run(["validate", "data/sites/example-week.yaml", "--set", "carbon.cap_t="])
        #expect(outcome.exitCode == 2)
        #expect(outcome.standardError.contains("the value after \"=\" is empty"), "\(outcome.standardError)")
        #expect(!outcome.standardError.contains("mapping"))
    }

    @Test("1e31 for the value of lost service is refused by validation (it made solve exit 1 with 24 column problems)")
    func hugeValueRefused() throws {
        let folder = try InsulaRunner.temporaryFolder()
        let site = try Self.site(in: folder)
        let outcome = try InsulaRunner.run(["solve", site.path, "--out", folder.appendingPathComponent("run").path,
                                            "--set", "workloads.inference.value_of_lost_service_usd_per_mwh=1e31"])
        #expect(outcome.exitCode == 2, "\(outcome.standardError)")
        #expect(outcome.standardError.contains("value_of_lost_service_usd_per_mwh: must be at most 1e12"), "\(outcome.standardError)")
    }

    @Test("a horizon ending in the last hours of 9999 solves and its report reads dispatch.csv; one reaching 10000 is refused")
    func horizonYears() throws {
        let folder = try InsulaRunner.temporaryFolder()
        let site = try Self.site(in: folder)
        let run = folder.appendingPathComponent("run")
        let last = try InsulaRunner.run(["solve", site.path, "--out", run.path, "--set", "horizon.start_utc=9999-12-31T18:00Z"])
        #expect(last.exitCode == 0, "\(last.standardError)")
        let report = try InsulaRunner.run(["report", run.path, "-o", folder.appendingPathComponent("report.html").path])
        #expect(report.exitCode == 0, "\(report.standardError)")
        let past = try InsulaRunner.run(["solve", site.path, "--out", run.path, "--set", "horizon.start_utc=9999-12-31T20:00Z"])
        #expect(past.exitCode == 2 && past.standardError.contains("must end by 10000-01-01T00:00Z"), "\(past.standardError)")
    }

    @Test("--out inside a regular file: exit 2 with a clear message, no Foundation dump")
    func outInsideFile() throws {
        let folder = try InsulaRunner.temporaryFolder()
        let file = folder.appendingPathComponent("file")
        try "x".write(to: file, atomically: true, encoding: .utf8)
        for arguments in [["batch", "run", BatchCommandTests.weekBatch, "--out", file.appendingPathComponent("sub").path],
                          ["solve", "data/sites/example-week.yaml", "--out", file.appendingPathComponent("sub").path]] {
            let outcome = try InsulaRunner.run(arguments)
            #expect(outcome.exitCode == 2, "\(arguments): \(outcome.standardError)")
            #expect(outcome.standardError.contains("a part of the path is a file, not a folder"), "\(outcome.standardError)")
            #expect(!outcome.standardError.contains("NSCocoaErrorDomain") && !outcome.standardError.contains("UserInfo"))
        }
    }

    @Test("a writer's .tmp file left by a killed process is removed by the next write of that file")
    func staleTemporaryCleaned() throws {
        let folder = try InsulaRunner.temporaryFolder()
        let run = folder.appendingPathComponent("run")
        #expect(try InsulaRunner.run(["solve", "data/sites/example-week.yaml", "--out", run.path]).exitCode == 0)
        // PIDs above the kernel's pid_max never run.
        let stale = folder.appendingPathComponent(".report.html.99999999-ABCDEF12.tmp")
        let live = folder.appendingPathComponent(".report.html.\(getpid())-ABCDEF12.tmp")
        try "partial".write(to: stale, atomically: false, encoding: .utf8)
        try "in use".write(to: live, atomically: false, encoding: .utf8)
        #expect(try InsulaRunner.run(["report", run.path, "-o", folder.appendingPathComponent("report.html").path]).exitCode == 0)
        #expect(!FileManager.default.fileExists(atPath: stale.path))
        #expect(FileManager.default.fileExists(atPath: live.path))
    }

    @Test("a full disk exits 6 and leaves no partial .tmp file (root only: a private 16 kB tmpfs)")
    func fullDisk() throws {
        guard getuid() == 0 else {
            print("full-disk case skipped: mounting a tmpfs needs root")
            return
        }
        let folder = try InsulaRunner.temporaryFolder()
        let run = folder.appendingPathComponent("run")
        #expect(try InsulaRunner.run(["solve", "data/sites/example-week.yaml", "--out", run.path]).exitCode == 0)
        let small = folder.appendingPathComponent("small")
        try FileManager.default.createDirectory(at: small, withIntermediateDirectories: true)
        let mount = Process()
        mount.executableURL = URL(fileURLWithPath: "/bin/mount")
        mount.arguments = ["-t", "tmpfs", "-o", "size=16k", "tmpfs", small.path]
        try mount.run()
        mount.waitUntilExit()
        guard mount.terminationStatus == 0 else {
            print("full-disk case skipped: mount refused (no CAP_SYS_ADMIN)")
            return
        }
        defer {
            let unmount = Process()
            unmount.executableURL = URL(fileURLWithPath: "/bin/umount")
            unmount.arguments = [small.path]
            try? unmount.run()
            unmount.waitUntilExit()
        }
        for arguments in [["report", run.path, "-o", small.appendingPathComponent("report.html").path],
                          ["lp", "export", "data/sites/example-week.yaml", "-o", small.appendingPathComponent("model.lp").path],
                          ["solve", "data/sites/example-week.yaml", "--out", small.appendingPathComponent("run").path]] {
            let outcome = try InsulaRunner.run(arguments)
            #expect(outcome.exitCode == 6, "\(arguments): \(outcome.exitCode) \(outcome.standardError)")
            #expect(outcome.standardError.lowercased().contains("no space left on device"), "\(outcome.standardError)")
            let leftovers = try FileManager.default.contentsOfDirectory(atPath: small.path)
            #expect(leftovers.isEmpty, "\(arguments): \(leftovers)")
        }
    }

    @Test("batch run exits 5 when scenarios of its store remain to run")
    func remainingScenariosExit5() throws {
        let folder = try InsulaRunner.temporaryFolder()
        let batch = try BatchCommandTests.batchFile("grid:\n  carbon.price_usd_per_t: [10, 20]\n", in: folder)
        let out = folder.appendingPathComponent("out")
        #expect(try InsulaRunner.run(["batch", "run", batch.path, "--out", out.path, "--quiet"]).exitCode == 0)
        // A planned scenario the batch no longer runs: what an interrupted or foreign plan leaves.
        var configuration = Configuration()
        configuration.foreignKeysEnabled = false
        let queue = try DatabaseQueue(path: out.appendingPathComponent("results.sqlite").path, configuration: configuration)
        try queue.write { try $0.execute(sql: "UPDATE scenario SET id = 'ffffffffffff', status = 'pending' WHERE position = (SELECT MIN(position) FROM scenario)") }
        try queue.close()
        let outcome = try InsulaRunner.run(["batch", "run", batch.path, "--out", out.path, "--resume", "--quiet"])
        #expect(outcome.exitCode == 5, "\(outcome.standardError)")
        #expect(outcome.standardError.contains("1 scenario of this store remain to run"), "\(outcome.standardError)")
    }
}
