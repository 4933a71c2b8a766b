import Foundation
import Island
import Operations
import Optimization
import Scheduling
import Testing

/// Sites for operating tests: the bundled examples.
enum OperationFixtures {
    static let repositoryRoot = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    static func site(_ name: String, _ overrides: [(path: String, value: YAMLNode)] = []) throws -> Site {
        let document = try SiteDocument.read(from: repositoryRoot.appendingPathComponent("data/sites/\(name).yaml")).applying(overrides: overrides)
        return try SiteLoader.resolve(document)
    }

    /// The example week cut to its first `days` days.
    static func week(days: Int = 7) throws -> Site {
        let site = try site("example-week")
        guard days < 7 else { return site }
        return try site.windowed(SiteWindow(startEpochSeconds: site.horizon.startEpochSeconds,
                                            endEpochSeconds: site.horizon.epochSeconds(24 * days), trainingEnergy: .proRata))
    }
}

@Suite("Receding-horizon operation")
struct OperationsTests {
    @Test("Perfect foresight with a window covering the horizon reproduces solve's objective")
    func perfectForesightCoveringHorizon() throws {
        let site = try OperationFixtures.week()
        let solved = try Planner.plan(site)
        let objective = try #require(solved.schedule?.kpis.objectiveUSD)
        for replan in [24, 168] {
            let run = try RecedingHorizon.run(site, options: OperationOptions(replanSteps: replan, lookaheadSteps: 168))
            #expect(run.status == "completed")
            #expect(abs(run.realised.objectiveUSD - objective) <= 1e-6 * abs(objective), "replan \(replan): \(run.realised.objectiveUSD) vs \(objective)")
            #expect(run.windows.allSatisfy { $0.realisation == "plan" })
        }
    }
}
