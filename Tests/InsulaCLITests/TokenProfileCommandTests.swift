import Foundation
import Testing

/// `insula data profile` on the real Azure LLM traces, and a site served in tokens end to end.
@Suite("insula data profile and sites in tokens",
       .enabled(if: FileManager.default.fileExists(atPath: InsulaRunner.sharedData.path)))
struct TokenProfileCommandTests {
    static func trace(_ name: String) -> String {
        InsulaRunner.sharedData.appendingPathComponent("workloads/azure_llm_inference_2023/AzureLLMInferenceTrace_\(name).csv").path
    }

    /// The trace's token total, read independently of Insula: sum of both count columns.
    static func traceTokens(_ path: String) throws -> (requests: Int, total: Double, generated: Double) {
        let lines = try String(contentsOfFile: path, encoding: .utf8).split(whereSeparator: \.isNewline).dropFirst()
        var total = 0.0, generated = 0.0
        for line in lines {
            let fields = line.split(separator: ",")
            total += Double(fields[1])! + Double(fields[2])!
            generated += Double(fields[2])!
        }
        return (lines.count, total, generated)
    }

    /// (timestamp, tokens/s, mw?) rows of a profile CSV.
    static func rows(_ csv: String) -> [(String, Double, Double?)] {
        csv.split(whereSeparator: \.isNewline).dropFirst().map { line in
            let fields = line.split(separator: ",").map(String.init)
            return (fields[0], Double(fields[1])!, fields.count > 2 ? Double(fields[2]) : nil)
        }
    }

    @Test("The trace binned at its own period conserves every token", arguments: [("conv", "1h"), ("code", "5min"), ("conv", "15min")])
    func conservesTokens(name: String, step: String) throws {
        let path = Self.trace(name)
        let outcome = try InsulaRunner.run(["data", "profile", path, "--step", step])
        #expect(outcome.exitCode == 0, "\(outcome.standardError)")
        let seconds = step == "1h" ? 3600.0 : Double(step.dropLast(3))! * 60
        let rows = Self.rows(outcome.standardOutput)
        let expected = try Self.traceTokens(path)
        let profiled = rows.map(\.1).reduce(0, +) * seconds
        #expect(abs(profiled - expected.total) <= 1e-9 * expected.total, "\(profiled) vs \(expected.total)")
        // About an hour of trace: at 1 h it falls in two clock hours (18:xx and 19:xx).
        if step == "1h" { #expect(rows.map(\.0) == ["2023-11-16T18:00:00Z", "2023-11-16T19:00:00Z"]) }
        #expect(outcome.standardError.contains("\(expected.requests) requests"))
    }

    @Test("Output tokens only: --tokens generated counts GeneratedTokens alone")
    func generatedOnly() throws {
        let path = Self.trace("code")
        let outcome = try InsulaRunner.run(["data", "profile", path, "--step", "1h", "--tokens", "generated"])
        #expect(outcome.exitCode == 0)
        let profiled = Self.rows(outcome.standardOutput).map(\.1).reduce(0, +) * 3600
        let expected = try Self.traceTokens(path).generated
        #expect(abs(profiled - expected) <= 1e-9 * expected)
    }

    @Test("A year-shaped site profile: flat keeps the trace's mean rate; a cosine day scaled to a mean has that mean and its peak at the named hour")
    func siteProfile() throws {
        let path = Self.trace("conv")
        let expected = try Self.traceTokens(path)
        // The trace's mean rate: tokens over first-to-last arrival plus one mean gap.
        let lines = try String(contentsOfFile: path, encoding: .utf8).split(whereSeparator: \.isNewline).dropFirst()
        func seconds(_ line: Substring) -> Double {
            let time = line.split(separator: ",")[0].split(separator: " ")[1].split(separator: ":")
            return Double(time[0])! * 3600 + Double(time[1])! * 60 + Double(time[2])!
        }
        let span = seconds(lines.last!) - seconds(lines.first!)
        let meanRate = expected.total / (span * Double(lines.count) / Double(lines.count - 1))
        let flat = try InsulaRunner.run(["data", "profile", path, "--step", "1h", "--start", "2025-01-01T00:00Z", "--days", "3"])
        #expect(flat.exitCode == 0, "\(flat.standardError)")
        let flatRows = Self.rows(flat.standardOutput)
        #expect(flatRows.count == 72)
        #expect(flatRows.allSatisfy { abs($0.1 - meanRate) <= 1e-9 * meanRate })
        let folder = try InsulaRunner.temporaryFolder()
        let out = folder.appendingPathComponent("profile.csv")
        let shaped = try InsulaRunner.run(["data", "profile", path, "--step", "15min", "--start", "2025-01-01T00:00Z", "--days", "2",
                                           "--diurnal", "cosine", "--amplitude", "0.5", "--peak-hour", "14",
                                           "--mean-tokens-per-second", "40000", "--tokens-per-mwh", "2.5e7", "--out", out.path])
        #expect(shaped.exitCode == 0, "\(shaped.standardError)")
        let rows = Self.rows(try String(contentsOf: out, encoding: .utf8))
        #expect(rows.count == 192)
        let mean = rows.map(\.1).reduce(0, +) / Double(rows.count)
        #expect(abs(mean - 40000) < 1e-6)
        let peak = try #require(rows.max { $0.1 < $1.1 })
        #expect(peak.0.contains("T13:45:00Z") || peak.0.contains("T14:00:00Z") || peak.0.contains("T13:00:00Z"))
        // mw = tokens/s x 3600 / tokens per MWh.
        #expect(rows.allSatisfy { abs(($0.2 ?? .nan) - $0.1 * 3600 / 2.5e7) < 1e-9 })
    }

    @Test("A site reads the profile in tokens per second and serves every token on a capped curve")
    func siteServesProfile() throws {
        let folder = try InsulaRunner.temporaryFolder()
        let profile = folder.appendingPathComponent("tokens.csv")
        let made = try InsulaRunner.run(["data", "profile", Self.trace("conv"), "--step", "1h", "--start", "2025-01-01T00:00Z",
                                         "--steps", "24", "--diurnal", "cosine", "--peak-tokens-per-second", "2.0e5", "--out", profile.path])
        #expect(made.exitCode == 0, "\(made.standardError)")
        let tokens = Self.rows(try String(contentsOf: profile, encoding: .utf8)).map(\.1).reduce(0, +) * 3600
        let site = """
            name: tokens
            horizon: {start_utc: 2025-01-01T00:00Z, steps: 24, step_minutes: 60}
            grid_feeds:
              - {name: grid, import_capacity_mw: 100, price_usd_per_mwh: 60, carbon_intensity_g_per_kwh: 350}
            it_fleet: {racks: 400, power_per_rack_kw: 132}
            workloads:
              performance_curves:
                h100: {points: [[0.6, 0.84], [0.8, 0.96], [1, 1]], tokens_per_second_per_rack_at_full_power: 1000}
              inference:
                tokens_per_second: {file: tokens.csv, column: tokens_per_second, timestamp_column: timestamp_utc}
                performance_curve: h100
                min_power_fraction: 0.8
            cooling: {cop: 5}
            """
        try site.write(to: folder.appendingPathComponent("site.yaml"), atomically: true, encoding: .utf8)
        let run = try InsulaRunner.run(["solve", folder.appendingPathComponent("site.yaml").path, "--out", folder.appendingPathComponent("run").path])
        #expect(run.exitCode == 0, "\(run.standardError)")
        let summary = try #require(JSONSerialization.jsonObject(with: Data(contentsOf: folder.appendingPathComponent("run/summary.json"))) as? [String: Any])
        let served = try #require(summary["inference_tokens_served"] as? Double)
        #expect(abs(served - tokens) <= 1e-6 * tokens)
        // Racks to spare: everything runs at the latency floor, 0.8 of full power for 0.96 of throughput.
        let perToken = try #require(summary["inference_energy_per_token_j"] as? Double)
        // 132 kW rack, 1000 tokens/s at full power: 132 J/token; at 0.8 power, 0.96 throughput: 110 J/token.
        #expect(abs(perToken - 132 * 0.8 / 0.96) < 1e-6 * perToken)
        #expect((summary["inference_capped_share"] as? Double).map { abs($0 - 1) < 1e-6 } == true)
    }

    @Test("Bad traces and options exit 2 naming the file, line and column")
    func badInput() throws {
        let folder = try InsulaRunner.temporaryFolder()
        let bad = folder.appendingPathComponent("trace.csv")
        try "TIMESTAMP,ContextTokens,GeneratedTokens\n2023-11-16 18:17:03.9799600,4808,10\n2023-11-16 18:17:04.0319600,31.5,8\n"
            .write(to: bad, atomically: true, encoding: .utf8)
        let fraction = try InsulaRunner.run(["data", "profile", bad.path])
        #expect(fraction.exitCode == 2)
        #expect(fraction.standardError.contains("trace.csv:3 (column ContextTokens)"))
        let missing = folder.appendingPathComponent("prices.csv")
        try "timestamp,price\n2025-01-01T00:00Z,4\n".write(to: missing, atomically: true, encoding: .utf8)
        let wrong = try InsulaRunner.run(["data", "profile", missing.path])
        #expect(wrong.exitCode == 2)
        #expect(wrong.standardError.contains("missing column \"TIMESTAMP\""))
        let step = try InsulaRunner.run(["data", "profile", Self.trace("code"), "--step", "7s"])
        #expect(step.exitCode == 2)
        #expect(step.standardError.contains("--step 7s"))
        let both = try InsulaRunner.run(["data", "profile", Self.trace("code"), "--start", "2025-01-01T00:00Z", "--days", "1",
                                         "--scale", "2", "--mean-tokens-per-second", "5"])
        #expect(both.exitCode == 2)
    }

    @Test("A curve that is not concave exits 2 naming the point's key path")
    func nonConcaveCurve() throws {
        let folder = try InsulaRunner.temporaryFolder()
        let site = """
            name: bad-curve
            horizon: {start_utc: 2025-01-01T00:00Z, steps: 2, step_minutes: 60}
            grid_feeds:
              - {name: grid, import_capacity_mw: 100, price_usd_per_mwh: 60, carbon_intensity_g_per_kwh: 350}
            it_fleet: {racks: 10, power_per_rack_kw: 132}
            workloads:
              performance_curves:
                convex: {points: [[0.5, 0.3], [0.8, 0.7], [1, 1]]}
              inference: {demand_mw: 0.5, performance_curve: convex}
            cooling: {cop: 5}
            """
        try site.write(to: folder.appendingPathComponent("site.yaml"), atomically: true, encoding: .utf8)
        let run = try InsulaRunner.run(["validate", folder.appendingPathComponent("site.yaml").path])
        #expect(run.exitCode == 2)
        let text = run.standardOutput + run.standardError
        #expect(text.contains("workloads.performance_curves.convex.points[1]"))
        #expect(text.contains("not concave"))
    }

    @Test("The Splitwise fit: the curve it derives from the -pcap rows loads into a site",
          .enabled(if: pythonWithPandasForCurves, "needs python3 with pandas"))
    func splitwiseCurveLoads() throws {
        let folder = try InsulaRunner.temporaryFolder()
        let yaml = folder.appendingPathComponent("curve.yaml")
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3", "tools/perfcurve/splitwise_curve.py", "--model", "llama2-70b", "--tp", "8",
                             "--cap-power-fraction", "0.7", "--gpus-per-rack", "72", "--yaml-out", yaml.path,
                             "--perf-model", InsulaRunner.sharedData.appendingPathComponent("workloads/splitwise_perf_model/perf_model.csv").path]
        process.currentDirectoryURL = InsulaRunner.repositoryRoot
        let output = Pipe()
        process.standardOutput = output
        try process.run()
        let text = String(decoding: output.fileHandleForReading.readAllRetryingInterrupts(), as: UTF8.self)
        process.waitUntilExit()
        #expect(process.terminationStatus == 0)
        // What the data says, checked each run: power only on A100 rows; the cap slows prefill by exactly 1.3.
        #expect(text.contains("only the full-power point survives"))
        #expect(text.contains("prompt_time x 1.300000 (spread 0.0e+00), token_time x 1.000000"))
        let curve = try String(contentsOf: yaml, encoding: .utf8)
            .split(separator: "\n").map { "    " + $0 }.joined(separator: "\n")
        let site = """
            name: splitwise
            horizon: {start_utc: 2025-01-01T00:00Z, steps: 2, step_minutes: 60}
            grid_feeds:
              - {name: grid, import_capacity_mw: 100, price_usd_per_mwh: 60, carbon_intensity_g_per_kwh: 350}
            it_fleet: {racks: 100, power_per_rack_kw: 132}
            workloads:
              performance_curves:
            \(curve)
              inference: {tokens_per_second: 50000, performance_curve: splitwise_pcap}
            cooling: {cop: 5}
            """
        try site.write(to: folder.appendingPathComponent("site.yaml"), atomically: true, encoding: .utf8)
        let run = try InsulaRunner.run(["validate", folder.appendingPathComponent("site.yaml").path])
        #expect(run.exitCode == 0, "\(run.standardOutput)\(run.standardError)\n\(site)")
    }

    @Test("A batch over a capped site stores the token KPIs and per-step token columns; a latency floor of 1 turns capping off")
    func batchStoresTokens() throws {
        let folder = try InsulaRunner.temporaryFolder()
        let site = InsulaRunner.repositoryRoot.appendingPathComponent("tools/crosscheck/sites/power-capping.yaml").path
        let batch = folder.appendingPathComponent("batch.yaml")
        try "site: \(site)\ngrid:\n  workloads.inference.min_power_fraction: [0.7, 1]\n".write(to: batch, atomically: true, encoding: .utf8)
        let out = folder.appendingPathComponent("out")
        let run = try InsulaRunner.run(["batch", "run", batch.path, "--out", out.path, "--dispatch"])
        #expect(run.exitCode == 0, "\(run.standardError)")
        let lines = try String(contentsOf: out.appendingPathComponent("summary.csv"), encoding: .utf8).split(separator: "\n")
        let header = lines[0].split(separator: ",").map(String.init)
        func value(_ row: Int, _ name: String) throws -> Double {
            let index = try #require(header.firstIndex(of: name), "no column \(name)")
            return try #require(Double(lines[row].split(separator: ",", omittingEmptySubsequences: false)[index]))
        }
        let capped = try value(1, "inference_capped_share"), floor = try value(2, "inference_capped_share")
        #expect(capped > 0.5)
        #expect(floor == 0)
        // Capping lowers the energy per inference token; tokens served are the same work.
        #expect(try value(1, "inference_energy_per_token_j") < value(2, "inference_energy_per_token_j"))
        #expect(abs(try value(1, "inference_tokens_served") - value(2, "inference_tokens_served")) < 1e-6 * (try value(2, "inference_tokens_served")))
        for name in ["tokens_served", "cost_usd_per_million_tokens", "emissions_g_per_thousand_tokens", "training_tokens_served"] {
            #expect(try value(1, name) > 0, "\(name)")
        }
        // The per-step columns come back out of the store in dispatch.csv.
        let scenarios = try FileManager.default.contentsOfDirectory(atPath: out.appendingPathComponent("scenarios").path)
        #expect(scenarios.count == 2)
        let dispatch = try String(contentsOf: out.appendingPathComponent("scenarios/\(scenarios[0])/dispatch.csv"), encoding: .utf8)
        let columns = dispatch.split(separator: "\n")[0]
        let dispatchHeader = columns.split(separator: ",").map(String.init)
        let firstRow = dispatch.split(separator: "\n")[1].split(separator: ",", omittingEmptySubsequences: false).map(String.init)
        for name in ["inference_tokens_per_s", "training_tokens_per_s", "inference_power_fraction", "it_energy_cost_usd"] {
            // Stored and written back as numbers, not empty cells.
            let index = try #require(dispatchHeader.firstIndex(of: name), "no column \(name)")
            #expect(Double(firstRow[index]) != nil, "\(name): \(firstRow[index])")
        }
        #expect(Double(firstRow[try #require(dispatchHeader.firstIndex(of: "inference_tokens_per_s"))])! > 0)
    }
}

/// Whether `python3` with pandas is on PATH (the Splitwise fit needs it).
private let pythonWithPandasForCurves: Bool = {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
    process.arguments = ["python3", "-c", "import pandas"]
    process.standardOutput = FileHandle.nullDevice
    process.standardError = FileHandle.nullDevice
    guard (try? process.run()) != nil else { return false }
    process.waitUntilExit()
    return process.terminationStatus == 0
}()
