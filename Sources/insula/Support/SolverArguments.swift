import ArgumentParser
import Optimization

/// Solver options shared by every command that solves.
struct SolverArguments: ParsableArguments {
    @Option(help: "auto, primal, dual, interior or mip.")
    var method: SolverMethod = .auto

    @Option(name: .customLong("time-limit"), help: "Wall-clock limit in seconds (simplex and MIP).")
    var timeLimitSeconds: Double?

    @Option(help: "Matrix scaling before simplex and interior point: auto (GLPK's choice for simplex; equilibration for interior point, GLPK's choice on its retry), none, geometric_mean or equilibration.")
    var scaling: Scaling = .auto

    @Flag(inversion: .prefixedNo, help: "Under --method auto, race interior point against the dual simplex on two threads (the first verified optimum wins).")
    var race = true

    @Flag(inversion: .prefixedNo, help: "After an interior point that misses the tolerances, cross over to an optimal basis from its point before any retry (docs/formulation.md 13.5).")
    var crossover = false

    @Option(name: .customLong("dense-entries"), help: "Split rows with more entries than this into blocks before interior point (0: split nothing).")
    var denseEntries: Int = DenseSplit.defaultDenseEntries

    @Option(name: .customLong("dense-block"), help: "Entries per block when splitting a dense row.")
    var denseBlock: Int = DenseSplit.defaultBlockSize

    @Option(name: .customLong("dense-column-entries"), help: "Split columns with more entries than this into copies before interior point.")
    var denseColumnEntries: Int = DenseSplit.defaultDenseColumnEntries

    @Option(name: .customLong("dense-column-block"), help: "Entries per copy when splitting a dense column.")
    var denseColumnBlock: Int = DenseSplit.defaultColumnBlockSize

    func validate() throws {
        if denseEntries != 0 && denseEntries < 2 { throw ValidationError("--dense-entries must be 0 (off) or at least 2") }
        if denseBlock < 1 { throw ValidationError("--dense-block must be at least 1") }
        if denseColumnEntries < 2 { throw ValidationError("--dense-column-entries must be at least 2") }
        if denseColumnBlock < 1 { throw ValidationError("--dense-column-block must be at least 1") }
        if let seconds = timeLimitSeconds, !(seconds > 0 && seconds.isFinite) {
            throw ValidationError("--time-limit must be a positive number of seconds")
        }
    }

    var options: SolverOptions {
        var options = SolverOptions(method: method, scaling: scaling, timeLimitSeconds: timeLimitSeconds)
        options.concurrent = race
        options.crossover = crossover
        options.denseEntries = denseEntries
        options.denseBlockSize = denseBlock
        options.denseColumnEntries = denseColumnEntries
        options.denseColumnBlockSize = denseColumnBlock
        return options
    }
}

extension SolverMethod: ExpressibleByArgument {}
extension Scaling: ExpressibleByArgument {}
