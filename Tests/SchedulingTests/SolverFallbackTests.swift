import Foundation
import Island
import Optimization
import Scheduling
import Testing

private let ercotSite = SiteFixtures.repositoryRoot.appendingPathComponent("tools/crosscheck/sites/real-ercot-2023.yaml")
private let sharedData = SiteFixtures.repositoryRoot.deletingLastPathComponent().appendingPathComponent("shared/data")

@Suite("auto solves the real ERCOT cross-check site", .enabled(if: FileManager.default.fileExists(atPath: sharedData.path)))
struct SolverFallbackTests {
    /// Found by the PyPSA cross-check: on two real ERCOT weeks with a binding intensity cap,
    /// GLPK's (then unscaled) interior point stopped with a numerical failure and `insula solve`
    /// exited 4, while both simplex methods (and PyPSA with GLPK and HiGHS) reach the optimum.
    /// Interior point now runs scaled and `auto` falls back to the dual simplex; either way
    /// auto must reach the simplex optimum.
    @Test("auto and interior point reach the dual simplex optimum")
    func autoReachesOptimum() throws {
        let site = try SiteLoader.load(from: ercotSite)
        let dual = try OperatingSolve.run(site, solver: SolverOptions(method: .dual))
        let expected = try #require(dual.result.objectiveValue)
        for method in [SolverMethod.auto, .interior] {
            let outcome = try OperatingSolve.run(site, solver: SolverOptions(method: method))
            #expect(outcome.result.status == .optimal, "\(method)")
            let found = try #require(outcome.result.objectiveValue)
            #expect(abs(found - expected) <= 1e-7 * abs(expected), "\(method): \(found) vs \(expected)")
        }
    }
}
