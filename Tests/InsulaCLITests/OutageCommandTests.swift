import Foundation
import Testing

/// SMR forced outages end to end (docs/risk.md): bad keys, a draw's files, windows, batches of
/// draws with distribution.csv, and plans across draws.
@Suite("Forced-outage draws through the insula binary")
struct OutageCommandTests {
    static let site = "data/sites/outages-week.yaml"

    static func read(_ folder: URL, _ name: String) throws -> String {
        try String(contentsOf: folder.appendingPathComponent(name), encoding: .utf8)
    }

    static func json(_ folder: URL, _ name: String) throws -> [String: Any] {
        try #require(JSONSerialization.jsonObject(with: Data(contentsOf: folder.appendingPathComponent(name))) as? [String: Any])
    }

    /// The outage week written into `folder` with its series paths made absolute and `edit` applied.
    static func siteCopy(in folder: URL, _ edit: (String) -> String) throws -> URL {
        let series = InsulaRunner.repositoryRoot.appendingPathComponent("data/series").path
        let text = try String(contentsOf: InsulaRunner.repositoryRoot.appendingPathComponent(site), encoding: .utf8)
            .replacingOccurrences(of: "../series/", with: series + "/")
        let file = folder.appendingPathComponent("site.yaml")
        try edit(text).write(to: file, atomically: true, encoding: .utf8)
        return file
    }

    @Test("a bad forced-outage key exits 2 naming the file, the key path and the line", arguments: [
        ("forced_outage_rate: 0.1 ", "forced_outage_rate: 1.2 ", "smr.forced_outages.forced_outage_rate: must be in [0, 1), got 1.2"),
        ("mean_time_to_repair_hours: 36 ", "mean_time_to_repair_hours: 0 ", "smr.forced_outages.mean_time_to_repair_hours: must be in (0, 87600] h, got 0"),
        ("seed: 2025", "seed: 2025\n    draw: 0", "smr.forced_outages.draw: must be in [1, 1000000000], got 0"),
    ])
    func badKey(original: String, replacement: String, message: String) throws {
        let folder = try InsulaRunner.temporaryFolder()
        let file = try Self.siteCopy(in: folder) { $0.replacingOccurrences(of: original, with: replacement) }
        let text = try String(contentsOf: file, encoding: .utf8)
        let key = String(replacement.split(separator: "\n").last!.split(separator: ":")[0]).trimmingCharacters(in: .whitespaces)
        let line = try #require(text.split(separator: "\n", omittingEmptySubsequences: false).firstIndex { $0.trimmingCharacters(in: .whitespaces).hasPrefix(key + ":") }) + 1
        for command in [["validate", file.path], ["solve", file.path, "--out", folder.appendingPathComponent("out").path]] {
            let outcome = try InsulaRunner.run(command)
            #expect(outcome.exitCode == 2, "\(command[0]): \(outcome.standardError)")
            #expect(outcome.standardError.contains("\(file.path):\(line): \(message)") || outcome.standardOutput.contains("\(file.path):\(line): \(message)"),
                    "\(command[0]): \(outcome.standardError)\(outcome.standardOutput)")
        }
        #expect(!FileManager.default.fileExists(atPath: folder.appendingPathComponent("out").path))
    }

    @Test("a solve with a draw lists its outages, records the draw and dumps the availability it solved with")
    func drawFiles() throws {
        let out = try InsulaRunner.temporaryFolder().appendingPathComponent("run")
        let dump = out.deletingLastPathComponent().appendingPathComponent("inputs.json")
        let outcome = try InsulaRunner.run(["solve", Self.site, "--set", "smr.forced_outages.draw=1", "--out", out.path, "--dump-inputs", dump.path])
        #expect(outcome.exitCode == 0, "\(outcome.standardError)")
        // tools/outages/reference_draw.py --rate 0.1 --mttr-hours 36 --seed 2025 --draw 1 --units 3 --start 2025-07-14T00:00Z --hours 168
        #expect(try Self.read(out, "smr_outages.csv") == """
            unit,start_utc,end_utc,hours,kind
            0,2025-07-13T06:05Z,2025-07-15T10:55Z,52.833333333333336,forced
            0,2025-07-18T19:03Z,2025-07-19T19:09Z,24.1,forced
            1,2025-07-13T22:54Z,2025-07-16T14:49Z,63.916666666666664,forced
            1,2025-07-20T13:56Z,2025-07-22T01:59Z,36.05,forced
            2,2025-07-19T09:12Z,2025-07-19T18:20Z,9.133333333333333,forced

            """)
        let manifest = try Self.json(out, "manifest.json")
        let forced = try #require(manifest["smr_forced_outages"] as? [String: Any])
        #expect(forced["draw"] as? Int == 1 && forced["seed"] as? Int == 2025 && forced["outages"] as? Int == 5)
        let inputs = try #require(JSONSerialization.jsonObject(with: Data(contentsOf: dump)) as? [String: Any])
        let smr = try #require(inputs["smr"] as? [String: Any])
        let available = try #require(smr["available_units"] as? [Int])
        #expect((smr["outages"] as? [[String: Any]])?.count == 5)
        #expect((smr["forced_outages"] as? [String: Any])?["draw"] as? Int == 1)
        // Unit 2 is out from 09:12 to 18:20 on 19 July: steps 129 (09:00) to 138 (18:00) lose it.
        #expect(available[128] == 3 - 1 && available[129] == 1 && available[138] == 1 && available[139] == 2)
        let summary = try Self.json(out, "summary.json")
        #expect(summary["smr_forced_outage_unit_hours"] as? Double == Double(available.map { 3 - $0 }.reduce(0, +)))
    }

    @Test("a windowed solve of a draw sees the full week's outages in that window")
    func windowedDraw() throws {
        let folder = try InsulaRunner.temporaryFolder()
        var results: [(csv: [String], available: [Int])] = []
        for window in [nil, "2025-07-16T00:00Z..2025-07-20T00:00Z"] {
            let out = folder.appendingPathComponent(window == nil ? "full" : "window")
            let dump = folder.appendingPathComponent(window == nil ? "full.json" : "window.json")
            let outcome = try InsulaRunner.run(["solve", Self.site, "--set", "smr.forced_outages.draw=1", "--out", out.path,
                                                "--dump-inputs", dump.path] + (window.map { ["--window", $0] } ?? []))
            #expect(outcome.exitCode == 0, "\(outcome.standardError)")
            let inputs = try #require(JSONSerialization.jsonObject(with: Data(contentsOf: dump)) as? [String: Any])
            let available = try #require((inputs["smr"] as? [String: Any])?["available_units"] as? [Int])
            results.append((try Self.read(out, "smr_outages.csv").split(separator: "\n").map(String.init), available))
        }
        let (full, window) = (results[0], results[1])
        #expect(window.available == Array(full.available[48..<144]))
        // Every outage overlapping the window, exactly as the full week lists it (unit 0's second,
        // unit 1's first, unit 2's).
        #expect(window.csv == [full.csv[0], full.csv[2], full.csv[3], full.csv[5]])
    }

    @Test("a batch of draws runs through workers, shards and merge into one summary.csv and distribution.csv")
    func batchOfDraws() throws {
        let folder = try InsulaRunner.temporaryFolder()
        let batch = folder.appendingPathComponent("draws.yaml")
        try """
            site: \(InsulaRunner.repositoryRoot.appendingPathComponent(Self.site).path)
            grid:
              batteries[0].energy_mwh: [200, 800]
            outage_draws: {count: 3, seed: 11}
            """.write(to: batch, atomically: true, encoding: .utf8)
        let whole = folder.appendingPathComponent("whole")
        let run = try InsulaRunner.run(["batch", "run", batch.path, "--out", whole.path, "--jobs", "2", "--quiet"])
        #expect(run.exitCode == 0, "\(run.standardError)")
        for index in 0..<2 {
            let shard = try InsulaRunner.run(["batch", "run", batch.path, "--out", folder.appendingPathComponent("shard-\(index)").path,
                                              "--shard", "\(index)/2", "--jobs", "1", "--quiet"])
            #expect(shard.exitCode == 0, "\(shard.standardError)")
        }
        let merged = folder.appendingPathComponent("merged")
        let merge = try InsulaRunner.run(["batch", "merge", folder.appendingPathComponent("shard-0").path,
                                          folder.appendingPathComponent("shard-1").path, "--out", merged.path])
        #expect(merge.exitCode == 0, "\(merge.standardError)")
        #expect(try Self.read(whole, "summary-no-timings.csv") == Self.read(merged, "summary-no-timings.csv"))
        let distribution = try Self.read(whole, "distribution.csv")
        #expect(try Self.read(merged, "distribution.csv") == distribution)
        let summary = try Self.read(whole, "summary-no-timings.csv").split(separator: "\n")
        #expect(summary[0].hasPrefix("scenario_id,scenario_name,status,message,batteries[0].energy_mwh,smr.forced_outages.draw,smr.forced_outages.seed,objective_usd"))
        #expect(summary.dropFirst().map { $0.split(separator: ",")[1] } == ["energy_mwh=200 draw-001", "energy_mwh=200 draw-002", "energy_mwh=200 draw-003",
                                                                          "energy_mwh=800 draw-001", "energy_mwh=800 draw-002", "energy_mwh=800 draw-003"])
        let rows = distribution.split(separator: "\n")
        #expect(rows[0] == "group,batteries[0].energy_mwh,scenarios,kpi,count,mean,std,min,p50,p90,p99,max")
        #expect(rows[1].hasPrefix("1,200,3,objective_usd,3,") && rows.contains { $0.hasPrefix("2,800,3,inference_shed_mwh,3,") })
    }

    @Test("a plan across outage draws writes each draw's outages and prices the expected cost")
    func planAcrossDraws() throws {
        let folder = try InsulaRunner.temporaryFolder()
        let futures = folder.appendingPathComponent("futures.yaml")
        try "outage_draws: {count: 3}\n".write(to: futures, atomically: true, encoding: .utf8)
        let out = folder.appendingPathComponent("plan")
        let outcome = try InsulaRunner.run(["plan", "data/sites/outages-week-plan.yaml", "--scenarios", futures.path, "--out", out.path])
        #expect(outcome.exitCode == 0, "\(outcome.standardError)")
        let report = try Self.json(out, "stochastic.json")
        let scenarios = try #require(report["scenarios"] as? [[String: Any]])
        #expect(scenarios.map { $0["name"] as? String } == ["draw-001", "draw-002", "draw-003"])
        var weighted = 0.0
        for scenario in scenarios { weighted += (scenario["probability"] as? Double ?? .nan) * (scenario["cost_usd"] as? Double ?? .nan) }
        let expected = try #require(report["expected_cost_usd"] as? Double)
        #expect(abs(expected - weighted) <= 1e-9 * abs(weighted))
        for name in ["draw-001", "draw-002", "draw-003"] {
            let csv = try Self.read(out.appendingPathComponent("scenarios/\(name)"), "smr_outages.csv")
            #expect(csv.hasPrefix("unit,start_utc,end_utc,hours,kind\n"))
        }
    }
}
