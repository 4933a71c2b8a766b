import Foundation
import Testing
@testable import Island

/// `workloads.performance_curves`: what a valid curve is, and every bad one named by key path.
@Suite("Performance curves")
struct PerformanceCurveTests {
    static func workloads(curve: String, inference: String = "{demand_mw: 1, performance_curve: c}", jobs: String = "") -> String {
        MinimalSite.yaml("""
            workloads:
              performance_curves:
                c: \(curve)
              inference: \(inference)
            \(jobs)
            """)
    }

    @Test("A concave curve loads; work per MWh is throughput over power, at least 1 below full power")
    func validCurve() throws {
        let site = try Scratch().load(Self.workloads(curve: "{points: [[0.6, 0.84], [0.8, 0.96], [1, 1]], tokens_per_second_per_rack_at_full_power: 1000}"))
        let curve = try #require(site.inference.performance?.curve)
        #expect(curve.cappedPoints.map(\.workPerMWh) == [0.84 / 0.6, 0.96 / 0.8])
        // 1000 tokens/s on a 132 kW rack: 1000 x 3600 / 0.132 tokens per MWh.
        #expect(abs(site.inference.tokensPerMWhAtFullPower! - 1000 * 3600 / 0.132) < 1e-3)
    }

    @Test("min_power_fraction cuts the curve at an interpolated point")
    func latencyFloor() throws {
        let site = try Scratch().load(Self.workloads(curve: "{points: [[0.6, 0.84], [0.8, 0.96], [1, 1]]}",
                                                    inference: "{demand_mw: 1, performance_curve: c, min_power_fraction: 0.7}"))
        let points = try #require(site.inference.performance?.curve.points)
        #expect(points.count == 3)
        #expect(points[0].powerFraction == 0.7)
        #expect(abs(points[0].throughputFraction - 0.9) < 1e-12)  // halfway between 0.84 and 0.96
    }

    @Test("Bad curves are named by the point's key path", arguments: [
        ("{points: [[0.5, 0.3], [0.8, 0.7], [1, 1]]}", "workloads.performance_curves.c.points[1]", "not concave"),
        ("{points: [[0.5, 0.8], [0.4, 0.9], [1, 1]]}", "workloads.performance_curves.c.points[1]", "power fractions must increase"),
        ("{points: [[0.5, 0.8], [0.8, 0.8], [1, 1]]}", "workloads.performance_curves.c.points[1]", "throughput must increase"),
        ("{points: [[0.5, 0.8], [0.9, 0.95]]}", "workloads.performance_curves.c.points[1]", "full-power point [1, 1]"),
        ("{points: [[0.5, 1.2], [1, 1]]}", "workloads.performance_curves.c.points[0]", "throughput fraction must be in (0, 1]"),
        ("{points: [[0.5], [1, 1]]}", "workloads.performance_curves.c.points[0]", "expected a pair"),
        ("{points: [[0, 0.5], [1, 1]]}", "workloads.performance_curves.c.points[0]", "power fraction must be in (0, 1]"),
        ("{points: [[1, 1]], tokens_per_second_per_rack_at_full_power: -3}", "workloads.performance_curves.c.tokens_per_second_per_rack_at_full_power", "must be in (0"),
        ("{pionts: [[1, 1]]}", "workloads.performance_curves.c.pionts", "did you mean \"points\""),
    ])
    func badCurves(curve: String, keyPath: String, message: String) throws {
        let issues = try Scratch().issues(Self.workloads(curve: curve))
        let issue = try #require(issues.first { $0.keyPath == keyPath }, "got \(issues.map(\.description))")
        #expect(issue.message.contains(message), "\(issue.message)")
        #expect(issue.file.hasSuffix("site.yaml"))
        #expect(issue.line != nil)
    }

    @Test("Workloads naming curves: unknown names, floors below the curve, tokens without a rate")
    func badReferences() throws {
        let curve = "{points: [[0.6, 0.84], [1, 1]]}"
        let unknown = try Scratch().issues(Self.workloads(curve: curve, inference: "{demand_mw: 1, performance_curve: d}"))
        #expect(unknown.single(at: "workloads.inference.performance_curve")?.message.contains("unknown performance curve \"d\"") == true)
        let floor = try Scratch().issues(Self.workloads(curve: curve, inference: "{demand_mw: 1, performance_curve: c, min_power_fraction: 0.5}"))
        #expect(floor.single(at: "workloads.inference.min_power_fraction")?.message.contains("at least the curve's lowest power fraction 0.6") == true)
        let orphan = try Scratch().issues(Self.workloads(curve: curve, inference: "{demand_mw: 1, min_power_fraction: 0.7}"))
        #expect(orphan.single(at: "workloads.inference.min_power_fraction")?.message.contains("needs performance_curve") == true)
        let tokens = try Scratch().issues(Self.workloads(curve: curve, inference: "{tokens_per_second: 100, performance_curve: c}"))
        #expect(tokens.single(at: "workloads.inference.tokens_per_second")?.message.contains("tokens_per_second_per_rack_at_full_power") == true)
        let job = try Scratch().issues(Self.workloads(curve: curve, jobs: """
              training_jobs:
                - {name: j, tokens: 1.0e9, performance_curve: c, release_utc: 2025-01-01T00:00Z, deadline_utc: 2025-01-01T04:00Z}
            """))
        #expect(job.single(at: "workloads.training_jobs[0].tokens")?.message.contains("has no tokens_per_second_per_rack_at_full_power") == true)
        // A curve that failed its own checks is reported once, not again at every workload naming it.
        let broken = try Scratch().issues(Self.workloads(curve: "{points: [[0.5, 0.3], [1, 1]]}"))
        #expect(broken.filter { $0.keyPath.hasPrefix("workloads.inference") }.isEmpty, "\(broken.map(\.description))")
    }

    @Test("A working rack must draw more than an idle one")
    func aboveIdle() throws {
        let yaml = Self.workloads(curve: "{points: [[0.2, 0.5], [1, 1]]}").replacingOccurrences(of: "power_per_rack_kw: 132", with: "power_per_rack_kw: 132\n  idle_fraction: 0.25")
        let issues = try Scratch().issues(yaml)
        #expect(issues.single(at: "workloads.performance_curves.c.points[0]")?.message.contains("idle_fraction 0.25") == true)
    }

    @Test("A training job in tokens: full-power work is tokens over tokens per MWh at full power")
    func jobInTokens() throws {
        let site = try Scratch().load(Self.workloads(curve: "{points: [[0.6, 0.84], [1, 1]], tokens_per_second_per_rack_at_full_power: 1000}",
                                                    inference: "{demand_mw: 0}", jobs: """
              training_jobs:
                - {name: j, tokens: 1.0e9, performance_curve: c, release_utc: 2025-01-01T00:00Z, deadline_utc: 2025-01-01T04:00Z}
            """))
        let job = try #require(site.trainingJobs.first)
        #expect(abs(job.energyMWh - 1.0e9 / (1000 * 3600 / 0.132)) < 1e-9)
        #expect(job.performance?.curve.name == "c")
    }
}
