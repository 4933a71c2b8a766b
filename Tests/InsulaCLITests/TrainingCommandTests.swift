import Foundation
import Testing

/// `insula solve` on a site whose training jobs pause, run in windows and share a cap.
@Suite("solve reports training pauses")
struct TrainingCommandTests {
    static func rows(_ url: URL) throws -> [[String: String]] {
        let lines = try String(contentsOf: url, encoding: .utf8).split(separator: "\n").map { $0.split(separator: ",", omittingEmptySubsequences: false).map(String.init) }
        return lines.dropFirst().map { Dictionary(uniqueKeysWithValues: zip(lines[0], $0)) }
    }

    @Test("jobs.csv and pauses.csv agree with dispatch.csv: energy drawn = delivered + restart energy, pauses between runs")
    func pausesFromTheBinary() throws {
        let folder = try InsulaRunner.temporaryFolder().appendingPathComponent("run")
        let site = "tools/crosscheck/sites/training-pause-exact.yaml"
        let outcome = try InsulaRunner.run(["solve", site, "--out", folder.path, "--format", "json"])
        #expect(outcome.exitCode == 0, "\(outcome.standardError)")
        let summary = try #require(try JSONSerialization.jsonObject(with: Data(outcome.standardOutput.utf8)) as? [String: Any])
        #expect(summary["method"] as? String == "mip")
        let jobs = try Self.rows(folder.appendingPathComponent("jobs.csv"))
        let pauses = try Self.rows(folder.appendingPathComponent("pauses.csv"))
        let dispatch = try Self.rows(folder.appendingPathComponent("dispatch.csv"))
        #expect(jobs.count == 3)
        var delivered = 0.0, restart = 0.0, pauseCount = 0
        for job in jobs {
            let required = try #require(Double(job["required_mwh"] ?? ""))
            #expect(abs(try #require(Double(job["delivered_mwh"] ?? "")) - required) < 1e-6 * required)
            delivered += required
            restart += try #require(Double(job["restart_energy_mwh"] ?? ""))
            let starts = try #require(Int(job["starts"] ?? "")), count = try #require(Int(job["pauses"] ?? ""))
            #expect(count == max(0, starts - 1))
            #expect(pauses.filter { $0["job"] == job["job"] }.count == count)
            pauseCount += count
        }
        let drawn = dispatch.compactMap { Double($0["training_mw"] ?? "") }.reduce(0, +)
        #expect(abs(drawn - delivered - restart) < 1e-4, "drawn \(drawn), delivered \(delivered), restart \(restart)")
        #expect((summary["training_pauses"] as? Int) == pauseCount)
        // The pretrain job pauses on these prices (its runs are at least 3 h).
        #expect(pauses.contains { $0["job"] == "pretrain" })
        for pause in pauses {
            let hours = try #require(Double(pause["hours"] ?? ""))
            #expect(hours >= 1)
            #expect((pause["start_utc"] ?? "") < (pause["end_utc"] ?? ""))
        }
    }
}
