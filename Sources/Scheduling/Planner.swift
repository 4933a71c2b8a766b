import Foundation
import Island
import Optimization

/// The whole planning run for one site: compile, solve, read back, explain infeasibility.
public enum Planner {
    public struct Outcome: Sendable {
        public var model: SiteModel
        public var result: SolveResult
        /// The schedule, when the solve found one.
        public var schedule: Schedule?
        /// Why the site is infeasible, when it is.
        public var infeasibility: InfeasibilityReport?
        public var buildSeconds: Double
    }

    /// Solves `site`; throws only for inputs that cannot be compiled (size limit) or a model
    /// that fails validation (a bug).
    public static func plan(_ site: Site, solver: SolverOptions = SolverOptions(), compile: CompileOptions = CompileOptions()) throws -> Outcome {
        let clock = ContinuousClock()
        let start = clock.now
        let model = try SiteCompiler.compile(site, options: compile)
        let buildSeconds = (clock.now - start).seconds
        let result = try GLPK.solve(model.program, options: solver)
        var outcome = Outcome(model: model, result: result, buildSeconds: buildSeconds)
        if result.primalValues.count == model.program.columnCount, result.status == .optimal || result.status == .timeLimit {
            outcome.schedule = ScheduleReader.read(site: site, model: model, result: result)
        }
        if result.status == .infeasible || result.status == .infeasibleOrUnbounded {
            outcome.infeasibility = try InfeasibilityExplainer.explain(site, compile: compile, solver: solver)
        }
        return outcome
    }
}
