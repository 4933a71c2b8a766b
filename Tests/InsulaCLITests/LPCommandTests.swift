import Foundation
import Testing

@Suite("insula lp and global behaviour, end to end")
struct LPCommandTests {
    @Test("lp export --format lp keeps readable names (as MPS does), and the file solves to the site's objective")
    func lpExportNames() throws {
        let folder = try InsulaRunner.temporaryFolder()
        let file = folder.appendingPathComponent("week.lp").path
        let export = try InsulaRunner.run(["lp", "export", "data/sites/example-week.yaml", "--format", "lp", "-o", file])
        #expect(export.exitCode == 0, "\(export.standardError)")
        let text = try String(contentsOfFile: file, encoding: .utf8)
        #expect(text.contains("smr(2025_07_14T00.00Z)"))
        #expect(text.range(of: #"\bx_\d+\b"#, options: .regularExpression) == nil)
        #expect(text.range(of: #"\br_\d+:"#, options: .regularExpression) == nil)
        let solved = try InsulaRunner.run(["lp", "solve", file, "--format", "json"])
        let site = try InsulaRunner.run(["solve", "data/sites/example-week.yaml", "--out", folder.appendingPathComponent("run").path, "--format", "json"])
        let lpObjective = try #require((try JSONSerialization.jsonObject(with: Data(solved.standardOutput.utf8)) as? [String: Any])?["objective"] as? Double)
        let siteObjective = try #require((try JSONSerialization.jsonObject(with: Data(site.standardOutput.utf8)) as? [String: Any])?["objective_usd"] as? Double)
        #expect(abs(lpObjective - siteObjective) <= 1e-6 * abs(siteObjective))
    }

    @Test("--version names Insula and GLPK")
    func version() throws {
        let outcome = try InsulaRunner.run(["--version"])
        #expect(outcome.exitCode == 0)
        #expect(outcome.standardOutput.range(of: #"^insula \d+\.\d+\.\d+ \(GLPK 5\.\d+\)\n$"#, options: .regularExpression) != nil)
    }

    @Test("Solving the bundled Wyndor LP prints JSON with the optimum and model size")
    func solveJSON() throws {
        let outcome = try InsulaRunner.run(["lp", "solve", "data/models/wyndor.lp", "--format", "json"])
        #expect(outcome.exitCode == 0)
        let json = try #require(try JSONSerialization.jsonObject(with: Data(outcome.standardOutput.utf8)) as? [String: Any])
        #expect(json["status"] as? String == "optimal")
        #expect(abs((json["objective"] as? Double ?? 0) - 36) < 1e-9)
        for key in ["iterations", "method", "solve_seconds", "rows", "columns", "nonzeros"] { #expect(json[key] != nil, "\(key)") }
        #expect(json["rows"] as? Int == 3 && json["columns"] as? Int == 2 && json["nonzeros"] as? Int == 4)
    }

    @Test("Every method solves the bundled dispatch week to the same objective",
          arguments: ["auto", "primal", "dual", "interior"])
    func methods(method: String) throws {
        let outcome = try InsulaRunner.run(["lp", "solve", "data/models/dispatch-168h.mps", "--method", method, "--format", "json"])
        #expect(outcome.exitCode == 0)
        let json = try #require(try JSONSerialization.jsonObject(with: Data(outcome.standardOutput.utf8)) as? [String: Any])
        let objective = try #require(json["objective"] as? Double)
        #expect(abs(objective - 365_427.112518) < 1e-3)
    }

    @Test("A solution file is written atomically with one row per column")
    func solutionFile() throws {
        let folder = try InsulaRunner.temporaryFolder()
        let file = folder.appendingPathComponent("solution.csv")
        let outcome = try InsulaRunner.run(["lp", "solve", "data/models/wyndor.lp", "--solution", file.path])
        #expect(outcome.exitCode == 0)
        let lines = try String(contentsOf: file, encoding: .utf8).split(separator: "\n")
        #expect(lines.first == "column,value,reduced_cost")
        #expect(lines.count == 3)
        #expect(lines.contains { $0.hasPrefix("y,6") })
    }

    @Test("An infeasible model exits 3 and says so")
    func infeasible() throws {
        let outcome = try InsulaRunner.run(["lp", "solve", "data/models/infeasible.lp"])
        #expect(outcome.exitCode == 3)
        #expect(outcome.standardOutput.contains("infeasible"))
    }

    @Test("A malformed file exits 2 naming the file and line")
    func malformed() throws {
        let folder = try InsulaRunner.temporaryFolder()
        let file = folder.appendingPathComponent("bad.lp")
        try "Minimize\n obj: x +\nSubject To\n c: x >= 1 2\nEnd\n".write(to: file, atomically: true, encoding: .utf8)
        let outcome = try InsulaRunner.run(["lp", "solve", file.path])
        #expect(outcome.exitCode == 2)
        #expect(outcome.standardError.contains("\(file.path):"))
        #expect(outcome.standardError.range(of: #"bad\.lp:\d+:"#, options: .regularExpression) != nil)
        #expect(outcome.standardOutput.isEmpty)
    }

    @Test("Missing files, binary garbage and usage errors exit 2 without a crash",
          arguments: [
              ["lp", "solve", "does-not-exist.mps"],
              ["lp", "solve", "data/models/wyndor.lp", "--method", "simplex"],
              ["lp", "solve", "data/models/wyndor.lp", "--time-limit", "-3"],
              ["lp", "solve"],
              ["no-such-command"],
          ])
    func usageErrors(arguments: [String]) throws {
        let outcome = try InsulaRunner.run(arguments)
        #expect(outcome.exitCode == 2, "\(arguments): \(outcome.standardError)")
        #expect(!outcome.standardError.isEmpty)
    }

    @Test("Binary garbage with a model extension exits 2")
    func garbage() throws {
        let folder = try InsulaRunner.temporaryFolder()
        let file = folder.appendingPathComponent("garbage.mps")
        try Data((0..<2048).map { UInt8(truncatingIfNeeded: ($0 &* 7919) ^ 0xA5) }).write(to: file)
        let outcome = try InsulaRunner.run(["lp", "solve", file.path])
        #expect(outcome.exitCode == 2)
        #expect(outcome.standardError.contains(file.path))
    }

    @Test("The LP benchmark runs on a small model and reports the keys scripts read")
    func benchmarkJSON() throws {
        let outcome = try InsulaRunner.run(["bench", "lp", "--hours", "48", "--methods", "interior,dual",
                                            "--resolve-hours", "24", "--resolves", "2", "--format", "json"])
        #expect(outcome.exitCode == 0, "\(outcome.standardError)")
        let json = try #require(try JSONSerialization.jsonObject(with: Data(outcome.standardOutput.utf8)) as? [String: Any])
        for key in ["build_seconds", "load_seconds", "solve_seconds", "glpsol_seconds", "peak_rss_mb", "rows", "columns", "nonzeros"] {
            #expect(json[key] != nil, "\(key)")
        }
        let solve = try #require(json["solve_seconds"] as? [String: Double])
        #expect(Set(solve.keys) == ["interior", "dual"])
        #expect(json["rows"] as? Int == 6 * 48 + 1 && json["columns"] as? Int == 9 * 48)
    }
}
