import Foundation
import Testing

/// `solve --thermal-check` and `thermal simulate` on two July days of the chiller-less hot site.
@Suite("insula solve --thermal-check and insula thermal simulate, end to end")
struct ThermalCommandTests {
    static let window = [
        "--set", "horizon.start_utc=2025-07-14T00:00Z", "--set", "horizon.steps=48", "--set", "smr.outages=[]",
        "--set", "workloads.training_jobs=[{name: burst, energy_mwh: 3000, release_utc: 2025-07-14T00:00Z, deadline_utc: 2025-07-16T00:00Z, max_power_mw: 100}]",
    ]

    /// The two days solved with the thermal check, once for the suite.
    static let solved: (outcome: InsulaRunner.Outcome, folder: URL)? = {
        guard let folder = try? InsulaRunner.temporaryFolder().appendingPathComponent("hot"),
              let outcome = try? InsulaRunner.run(["solve", "data/sites/hot-free-cooling.yaml"] + window
                                                  + ["--thermal-check", "--out", folder.path, "--format", "json"])
        else { return nil }
        return (outcome, folder)
    }()

    static func csv(_ url: URL) throws -> (header: [String], rows: [[String]]) {
        let lines = try String(contentsOf: url, encoding: .utf8).split(separator: "\n").map { $0.split(separator: ",", omittingEmptySubsequences: false).map(String.init) }
        return (lines[0], Array(lines.dropFirst()))
    }

    @Test("the summary reports the check's rounds, fixes and hottest die; every step has its max_die_c")
    func summaryAndDispatch() throws {
        let (outcome, folder) = try #require(Self.solved)
        #expect(outcome.exitCode == 0, "\(outcome.standardError)")
        let summary = try #require(try JSONSerialization.jsonObject(with: Data(outcome.standardOutput.utf8)) as? [String: Any])
        #expect(summary["status"] as? String == "optimal")
        #expect((summary["thermal_rounds"] as? Int ?? 0) >= 1)
        #expect(summary["thermal_violations_fixed"] as? Int != nil)
        #expect(summary["thermal_violations_remaining"] as? Int == 0)
        let hottest = try #require(summary["max_die_c"] as? Double)
        #expect(hottest <= 83.01 && hottest > 70)
        let (header, rows) = try Self.csv(folder.appendingPathComponent("dispatch.csv"))
        let die = try #require(header.firstIndex(of: "max_die_c"))
        let capacity = try #require(header.firstIndex(of: "it_capacity_mw"))
        #expect(rows.count == 48)
        let dieC = rows.map { Double($0[die]) ?? .nan }
        #expect(dieC.allSatisfy { $0 <= 83.01 })
        #expect(abs((dieC.max() ?? 0) - hottest) < 1e-4)
        // Hot afternoons leave less IT capacity than the cool early mornings.
        let capacityMW = rows.map { Double($0[capacity])! }
        #expect(capacityMW.min()! < 0.8 * capacityMW.max()!)
    }

    @Test("thermal simulate writes one row per second of the window with the site's temperatures")
    func simulateWindow() throws {
        let (_, folder) = try #require(Self.solved)
        let out = folder.appendingPathComponent("temperatures.csv")
        let outcome = try InsulaRunner.run(["thermal", "simulate", "data/sites/hot-free-cooling.yaml"] + Self.window
                                           + ["--schedule", folder.appendingPathComponent("dispatch.csv").path,
                                              "--window", "2025-07-14T13:00Z..2025-07-14T15:00Z", "--step-seconds", "2", "-o", out.path,
                                              "--racks-out", folder.appendingPathComponent("racks.csv").path])
        #expect(outcome.exitCode == 0, "\(outcome.standardError)")
        #expect(outcome.standardOutput.contains("hottest die"))
        let (header, rows) = try Self.csv(out)
        #expect(header == ["timestamp_utc", "facility_supply_c", "max_die_c", "heat_to_plant_mw", "rack_power_mw"])
        #expect(rows.count == 2 * 3600 / 2)
        #expect(rows.first?[0] == "2025-07-14T13:00:02Z" && rows.last?[0] == "2025-07-14T15:00:00Z")
        let die = rows.map { Double($0[2])! }, supply = rows.map { Double($0[1])! }
        #expect(die.allSatisfy { $0 <= 83.01 })
        #expect(zip(die, supply).allSatisfy { $0 > $1 })
        // One row per rack (1,500), none above the limit, the hottest equal to the site's hottest.
        let (rackHeader, racks) = try Self.csv(folder.appendingPathComponent("racks.csv"))
        #expect(rackHeader == ["rack", "max_die_c", "seconds_above_limit", "max_return_c"])
        #expect(racks.count == 1500)
        // Return water leaves each rack warmer than the facility water it was cooled by.
        #expect(racks.allSatisfy { Double($0[2]) == 0 && Double($0[3])! > supply.min()! })
        #expect(abs(racks.map { Double($0[1])! }.max()! - die.max()!) < 1e-4)
        // Heat to the plant and rack power agree on average (what goes in comes out).
        let heat = rows.map { Double($0[3])! }.reduce(0, +), power = rows.map { Double($0[4])! }.reduce(0, +)
        #expect(abs(heat - power) < 0.01 * power)
    }

    @Test("bad thermal inputs exit 2 with the reason", arguments: [
        (["--window", "2025-07-20T00:00Z..2025-07-21T00:00Z"], "must be a non-empty window inside the horizon"),
        (["--window", "tomorrow"], "expected START..END in UTC"),
        (["--step-seconds", "0"], "--step-seconds must be in (0, 3600]"),
    ])
    func badInput(arguments: [String], message: String) throws {
        let (_, folder) = try #require(Self.solved)
        let outcome = try InsulaRunner.run(["thermal", "simulate", "data/sites/hot-free-cooling.yaml"] + Self.window
                                           + ["--schedule", folder.appendingPathComponent("dispatch.csv").path, "-o", folder.appendingPathComponent("x.csv").path]
                                           + arguments)
        #expect(outcome.exitCode == 2)
        #expect(outcome.standardError.contains(message), "\(outcome.standardError)")
        #expect(!FileManager.default.fileExists(atPath: folder.appendingPathComponent("x.csv").path))
    }

    @Test("a schedule from another horizon is refused with its row")
    func mismatchedSchedule() throws {
        let (_, folder) = try #require(Self.solved)
        let outcome = try InsulaRunner.run(["thermal", "simulate", "data/sites/hot-free-cooling.yaml", "--set", "horizon.start_utc=2025-07-14T00:00Z",
                                            "--set", "horizon.steps=48", "--set", "smr.outages=[]", "--set", "workloads.training_jobs=[]",
                                            "--set", "horizon.start_utc=2025-07-15T00:00Z",
                                            "--schedule", folder.appendingPathComponent("dispatch.csv").path, "-o", folder.appendingPathComponent("y.csv").path])
        #expect(outcome.exitCode == 2)
        #expect(outcome.standardError.contains("dispatch.csv:2: timestamp 2025-07-14T00:00Z but the site's step 0 is 2025-07-15T00:00Z"), "\(outcome.standardError)")
    }

    @Test("--thermal-check on a site without a thermal section is refused")
    func checkNeedsThermal() throws {
        let folder = try InsulaRunner.temporaryFolder()
        let outcome = try InsulaRunner.run(["solve", "data/sites/example-week.yaml", "--thermal-check", "--out", folder.path])
        #expect(outcome.exitCode == 2)
        #expect(outcome.standardError.contains("the site has no thermal section"))
    }
}
