import Foundation
import Testing

@Suite("insula plan --representative-days")
struct AggregationCommandTests {
    static func json(_ url: URL) throws -> [String: Any] {
        try #require(try JSONSerialization.jsonObject(with: Data(contentsOf: url)) as? [String: Any])
    }

    static func lines(_ url: URL) throws -> [Substring] {
        try String(contentsOf: url, encoding: .utf8).split(separator: "\n")
    }

    @Test("the week planned over 3 representative days: the representatives' dispatch with weights, every day's representative, and the build operated over the whole week")
    func planWeekOverThreeDays() throws {
        let folder = try InsulaRunner.temporaryFolder().appendingPathComponent("run")
        let outcome = try InsulaRunner.run(["plan", "data/sites/plan-example-week.yaml", "--representative-days", "3", "--out", folder.path])
        #expect(outcome.exitCode == 0, "\(outcome.standardError)")
        #expect(outcome.standardOutput.contains("3 representative of 7") && outcome.standardOutput.contains("aggregation   error"))
        for name in ["build_plan.csv", "plan_candidates.csv", "representative_days.csv", "days.csv", "verification.json", "dispatch.csv",
                     "jobs.csv", "summary.json", "summary.csv", "manifest.json"] {
            #expect(FileManager.default.fileExists(atPath: folder.appendingPathComponent(name).path), "\(name)")
        }
        // The representatives' dispatch: 3 days of 24 steps, weights adding up to the 7 days.
        let representative = try Self.lines(folder.appendingPathComponent("representative_days.csv"))
        #expect(representative.first?.hasPrefix("period,weight,timestamp,smr_mw,") == true)
        #expect(representative.count == 1 + 3 * 24)
        let weights = representative.dropFirst().map { Double($0.split(separator: ",")[1])! }
        #expect(weights.reduce(0, +) == 7 * 24)
        // Every day names its representative; the full operation covers every step.
        let days = try Self.lines(folder.appendingPathComponent("days.csv"))
        #expect(days.count == 1 + 7 && days[0].hasPrefix("start_utc,steps,kind,role,representative_start_utc,weight,soc_start_mwh"))
        #expect(try Self.lines(folder.appendingPathComponent("dispatch.csv")).count == 1 + 168)
        // The aggregation error is (verified - estimate) / verified, the same in both files.
        let verification = try Self.json(folder.appendingPathComponent("verification.json"))
        let estimate = try #require(verification["estimate"] as? [String: Any]), verified = try #require(verification["verified"] as? [String: Any])
        let planned = try #require(estimate["total_cost_usd"] as? Double), operated = try #require(verified["total_cost_usd"] as? Double)
        let error = try #require(verification["cost_error"] as? Double)
        #expect(abs(error - (operated - planned) / abs(operated)) < 1e-12)
        #expect(verified["status"] as? String == "optimal" && verification["kinds_of_day"] as? Int == 3)
        let summary = try Self.json(folder.appendingPathComponent("summary.json"))
        #expect(summary["aggregation_cost_error"] as? Double == error)
        #expect(summary["representative_days"] as? Int == 3 && summary["steps"] as? Int == 168)
        #expect(abs(try #require(summary["objective_usd"] as? Double) - operated) <= 1e-9 * abs(operated))
        #expect(abs(try #require(summary["plan_total_cost_usd"] as? Double) - planned) <= 1e-9 * abs(planned))
    }

    @Test("bad representative days exit 2 naming the key", arguments: [
        (["--representative-days", "0"], "aggregation.representative_days"),
        (["--representative-days", "8"], "at most the 7 whole days"),
        (["--representative-days", "2"], "at least 3"),
        (["--representative-days", "3", "--set", "smr.commitment=integer", "--set", "smr.min_up_hours=6"], "smr.commitment"),
        (["--representative-days", "3", "--scenarios", "data/scenarios/plan-example-week.yaml"], "--scenarios"),
    ])
    func badInput(arguments: [String], fragment: String) throws {
        let folder = try InsulaRunner.temporaryFolder().appendingPathComponent("run")
        let outcome = try InsulaRunner.run(["plan", "data/sites/plan-example-week.yaml", "--out", folder.path] + arguments)
        #expect(outcome.exitCode == 2, "\(outcome.standardError)")
        #expect(outcome.standardError.contains(fragment), "\(outcome.standardError)")
        #expect(!FileManager.default.fileExists(atPath: folder.appendingPathComponent("summary.json").path))
    }
}
