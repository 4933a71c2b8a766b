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
        /// Every flag binary: the exact model, tried last, under a time limit; its incumbent
        /// (optimal or not) is a feasible schedule.
        case allBinary
    }

    /// For a site with relaxed pause models (docs/formulation.md, 4.13): the relaxed optimum is a
    /// lower bound on the exact (binary) optimum; this finds an upper bound. Each relaxed job's
    /// running flags are fixed to a rounding of the relaxed solution and the model is solved
    /// again (an LP when every pause model is relaxed): its optimum is the cost of a schedule the
    /// exact model accepts, so exact optimum <= that cost. Three roundings are tried
    /// (``PauseRounding``), then, if none is feasible, the MILP over the fractional flags, then the
    /// exact MILP itself; each MILP gets at most ten times the relaxed solve's time (at least
    /// 10 s, within the caller's limit), and any incumbent it finds counts. The least feasible
    /// cost gives the bound.
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
        let milpSeconds = min(solver.timeLimitSeconds ?? .infinity, max(10, 10 * result.solveSeconds))
        rounding: for rounding in PauseRounding.allCases {
            if (rounding == .fractionalBinary || rounding == .allBinary) && best != nil { break }
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
                case .allBinary:
                    on = flags.map { $0 >= 0.5 }
                    for (offset, running) in columns.running.enumerated() where allowed[offset] { program.setKind(running, .binary) }
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
                // With lost time a start beyond the flags' transitions would let the job waste
                // energy as a relaxation does: starts follow the flags (binary where they are free).
                if job.pause?.restartSteps(stepHours: site.horizon.stepHours) ?? 0 > 0 {
                    for (offset, start) in columns.starts.enumerated() {
                        let running = columns.running[offset]
                        if program.columnKinds[running.index] != .continuous || (offset > 0 && program.columnKinds[columns.running[offset - 1].index] != .continuous) {
                            program.setKind(start, .binary)
                        } else {
                            let now = program.columnLower[running.index], before = offset > 0 ? program.columnLower[columns.running[offset - 1].index] : 0
                            let transition = max(0, now - before)
                            // A start the model forbids here (too late for the minimum run): no schedule.
                            if transition > program.columnUpper[start.index] { continue rounding }
                            program.setBounds(start, lower: transition, upper: transition)
                        }
                    }
                }
            }
            var attempt = options
            if program.hasIntegerColumns { attempt.timeLimitSeconds = milpSeconds }
            let rounded = try GLPK.solve(program, options: attempt)
            let found = rounded.status == .optimal || (rounded.status == .timeLimit && rounded.primalValues.count == program.columnCount)
            if found, let upper = rounded.objectiveValue, upper.isFinite { best = min(best ?? .infinity, upper) }
        }
        guard let best else { return nil }
        return max(0, best - (result.mipBound ?? objective))
    }
}
