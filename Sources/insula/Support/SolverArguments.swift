import ArgumentParser
import Optimization

/// Solver options shared by every command that solves.
struct SolverArguments: ParsableArguments {
    @Option(help: "auto, primal, dual, interior or mip.")
    var method: SolverMethod = .auto

    @Option(name: .customLong("time-limit"), help: "Wall-clock limit in seconds (simplex and MIP).")
    var timeLimitSeconds: Double?

    @Option(help: "Matrix scaling before simplex and interior point: auto, none, geometric_mean or equilibration.")
    var scaling: Scaling = .auto

    func validate() throws {
        if let seconds = timeLimitSeconds, !(seconds > 0 && seconds.isFinite) {
            throw ValidationError("--time-limit must be a positive number of seconds")
        }
    }

    var options: SolverOptions { SolverOptions(method: method, scaling: scaling, timeLimitSeconds: timeLimitSeconds) }
}

extension SolverMethod: ExpressibleByArgument {}
extension Scaling: ExpressibleByArgument {}
