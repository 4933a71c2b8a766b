import Foundation
import Island
import Optimization
import Scheduling
import Testing

private let ercotSite = SiteFixtures.repositoryRoot.appendingPathComponent("tools/crosscheck/sites/real-ercot-2023.yaml")
private let sharedData = SiteFixtures.repositoryRoot.deletingLastPathComponent().appendingPathComponent("shared/data")

@Suite("The auto method survives an interior-point breakdown", .enabled(if: FileManager.default.fileExists(atPath: sharedData.path)))
struct SolverFallbackTests {
    /// Found by the PyPSA cross-check: on two real ERCOT weeks with a binding intensity cap,
    /// GLPK's interior point stops with a numerical failure while both simplex methods (and
    /// PyPSA with GLPK and HiGHS) reach the optimum.
    @Test("auto falls back to dual simplex and reaches the simplex optimum")
    func autoFallsBack() throws {
        let site = try SiteLoader.load(from: ercotSite)
        let interior = try Planner.plan(site, solver: SolverOptions(method: .interior))
        let automatic = try Planner.plan(site, solver: SolverOptions(method: .auto))
        let dual = try Planner.plan(site, solver: SolverOptions(method: .dual))
        #expect(interior.result.status == .numericalFailure, "the regression case no longer breaks interior point; pick another")
        #expect(automatic.result.status == .optimal)
        let expected = try #require(dual.result.objectiveValue), found = try #require(automatic.result.objectiveValue)
        #expect(abs(found - expected) <= 1e-7 * abs(expected))
    }
}
