import Foundation
import Island
import Optimization

extension OperatingSolve {
    /// How the relaxed running flags are rounded for the upper bound, tried in this order.
    enum PauseRounding: CaseIterable {
        /// On where the relaxed schedule draws power.
        case whereDrawing
        /// On where the relaxed flag is at least 1/2.
        case halfFlag
        /// On from the first to the last step with power in each stretch the job may run in.
        case spanned
        /// Flags the relaxation left at 0 or 1 kept there, the fractional ones binary again: a
        /// small MILP, tried only when the three roundings above leave no feasible schedule.
        case fractionalBinary
    }

    /// For a site with relaxed pause models (docs/formulation.md, 4.11): the relaxed optimum is a
    /// lower bound on the exact (binary) optimum; this finds an upper bound. Each relaxed job's
    /// running flags are fixed to a rounding of the relaxed solution and the model is solved
    /// again (an LP when every pause model is relaxed): its optimum is the cost of a schedule the
    /// exact model accepts, so exact optimum <= that cost. Three roundings are tried
    /// (``PauseRounding``), then, if none is feasible, the MILP over the fractional flags; the
    /// least feasible cost gives the bound.
    ///
    /// - Returns: the least rounded cost less the relaxed bound (USD, at least 0), or nil when
    ///   the site has no relaxed job, the relaxed solve found no optimum, or no rounding is feasible.
    static func relaxedPauseGapBound(site: Site, model: SiteModel, result: SolveResult, solver: SolverOptions) throws -> Double? {
        let relaxed = site.trainingJobs.indices.filter { site.trainingJobs[$0].pause?.model == .relaxed }
        guard !relaxed.isEmpty, result.status == .optimal, let objective = result.objectiveValue,
              result.primalValues.count == model.program.columnCount else { return nil }
        var options = solver
        options.concurrent = false
        var best: Double?
        for rounding in PauseRounding.allCases {
            if rounding == .fractionalBinary && best != nil { break }
            var program = model.program
            for index in relaxed {
                guard let columns = model.trainingPause[index] else { continue }
                let job = site.trainingJobs[index]
                let tolerance = 1e-6 * max(1, job.maxPowerMW)
                let power = model.training[index].map { result.primalValues[$0.index] }
                let flags = columns.running.map { result.primalValues[$0.index] }
                let allowed = columns.running.map { program.columnUpper[$0.index] > 0 }
                var on: [Bool]
                switch rounding {
                case .whereDrawing: on = power.map { $0 > tolerance }
                case .halfFlag: on = flags.map { $0 >= 0.5 }
                case .fractionalBinary:
                    on = flags.map { $0 >= 0.5 }
                    for (offset, running) in columns.running.enumerated() where allowed[offset] && flags[offset] > 1e-6 && flags[offset] < 1 - 1e-6 {
                        program.setKind(running, .binary)
                    }
                case .spanned:
                    on = power.map { $0 > tolerance }
                    var start = 0
                    while start < on.count {
                        guard allowed[start] else { start += 1; continue }
                        var end = start
                        while end + 1 < on.count && allowed[end + 1] { end += 1 }
                        if let first = (start...end).first(where: { on[$0] }), let last = (start...end).last(where: { on[$0] }) {
                            for offset in first...last { on[offset] = true }
                        }
                        start = end + 1
                    }
                }
                for (offset, running) in columns.running.enumerated() where program.columnKinds[running.index] == .continuous {
                    let value: Double = on[offset] && allowed[offset] ? 1 : 0
                    program.setBounds(running, lower: value, upper: value)
                }
            }
            let rounded = try GLPK.solve(program, options: options)
            if rounded.status == .optimal, let upper = rounded.objectiveValue { best = min(best ?? .infinity, upper) }
        }
        guard let best else { return nil }
        return max(0, best - (result.mipBound ?? objective))
    }
}
