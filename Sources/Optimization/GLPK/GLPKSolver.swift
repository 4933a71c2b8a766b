import CGLPK
import Foundation
import Logging

/// The GLPK backend.
///
/// ``solve(_:options:)`` owns the whole life of a GLPK problem (create, load, solve, read
/// back, delete) inside one synchronous call, so the problem never leaves its thread. For
/// repeated solves of one model with small changes, use ``SolverSession``.
public enum GLPK {
    /// Validates `model`, solves it and returns a certified result.
    ///
    /// Under `auto` a large continuous model goes to interior point (after ``DenseSplit``);
    /// with ``SolverOptions/concurrent`` the dual simplex races it on a second thread and the
    /// first proven optimum wins, the other being cancelled. Every solution is measured on
    /// the original model (``SolutionQuality``): an "optimal" that violates the tolerances
    /// is not reported optimal, and an interior point that stops short ("numerically
    /// unstable" near the optimum, as GLPK's does on degenerate LPs) is accepted at its best
    /// point when that point meets them.
    ///
    /// Throws only for a model that fails ``LinearProgram/validate(names:)``; infeasible,
    /// unbounded and limit outcomes are reported in ``SolveResult/status``.
    public static func solve(_ model: LinearProgram, options: SolverOptions = SolverOptions()) throws(ModelError) -> SolveResult {
        let clock = ContinuousClock()
        let start = clock.now
        try model.validate()
        let validateSeconds = (clock.now - start).seconds
        let method = options.resolvedMethod(for: model)
        var warmAttempts: [SolveAttempt] = []
        var warmSeconds = 0.0
        if let warm = options.warmStart, options.method == .auto, !model.hasIntegerColumns {
            var warmResult = warmSimplex(model, from: warm, options: options)
            // The primal simplex's own verdicts are final: an infeasible window (one that a
            // receding-horizon run then relaxes) would otherwise be solved twice, and the cold
            // path asks the same primal simplex to tell infeasible from unbounded.
            if warmResult.status == .optimal || (warm.method == .primal && (warmResult.status == .infeasible || warmResult.status == .unbounded)) {
                warmResult.loadSeconds += validateSeconds
                return warmResult
            }
            warmAttempts = warmResult.attempts
            warmSeconds = warmResult.loadSeconds + warmResult.solveSeconds
        }
        var result: SolveResult
        if method == .interior, options.method == .auto, options.concurrent, ProcessInfo.processInfo.activeProcessorCount >= 2 {
            result = SolverRace.run(model, options: options)
        } else {
            let deadline = options.timeLimitSeconds.map { Date().addingTimeInterval($0) }
            let timer = options.timeLimitSeconds.map { SolverRace.Watchdog(seconds: $0) }
            result = (method == .interior ? interiorPoint(model, options: options, cancel: timer?.flag)
                      : attempt(model, method: method, options: options, cancel: timer?.flag))
                ?? SolveResult(status: .timeLimit, method: method, message: "time limit reached")
            timer?.stop()
            if method == .mip, result.status == .numericalFailure, options.mipPresolve {
                // Branch-and-cut's answer broke a row: GLPK accepted an integer column within
                // its integrality tolerance (1e-5) and stored it rounded (found by the
                // certificate: on `c: 1e6 x + y >= 1`, x integer, it answered 0 with x = y = 0).
                // Solve again without the presolver and with a tolerance of 1e-9.
                let logger = Logger(label: "insula.glpk")
                logger.warning("branch-and-cut failed (\(result.message ?? "numerical failure")); solving again with a tighter integrality tolerance")
                var careful = options
                careful.mipPresolve = false
                // The retry gets what is left of the time limit, not a second one.
                if let deadline { careful.timeLimitSeconds = max(0.001, deadline.timeIntervalSinceNow) }
                let attempts = result.attempts
                result = attempt(model, method: .mip, options: careful, cancel: nil)!
                result.attempts = attempts + result.attempts
            }
            if options.method == .auto, method == .interior, interiorFailed(result, options: options) {
                // `auto` promises an answer: GLPK's interior point has no crossover to rescue
                // a failed run, so fall back to the dual simplex (slower, but it terminates).
                let logger = Logger(label: "insula.glpk")
                logger.warning("interior point failed (\(result.message ?? "numerical failure")); solving again with the dual simplex")
                let attempts = result.attempts
                var fallback = options
                if let deadline { fallback.timeLimitSeconds = max(0.001, deadline.timeIntervalSinceNow) }
                let retryTimer = fallback.timeLimitSeconds.map { SolverRace.Watchdog(seconds: $0) }
                result = attempt(model, method: .dual, options: fallback, cancel: retryTimer?.flag)
                    ?? SolveResult(status: .timeLimit, method: .dual, message: "time limit reached")
                retryTimer?.stop()
                result.attempts = attempts + result.attempts
            }
            if let timer, timer.fired, result.status == .numericalFailure {
                result.status = .timeLimit
                result.message = "time limit reached"
            }
        }
        result.loadSeconds += validateSeconds
        result.attempts = warmAttempts + result.attempts
        result.solveSeconds += warmSeconds
        return result
    }

    /// The warm half of ``solve(_:options:)`` alone: the simplex from `warm`'s basis carried
    /// over to `model`, certified, without the cold path after it. For a caller with its own
    /// fallback: a Benders subproblem at a new trial point (only its right-hand sides moved,
    /// so its last optimal basis is still dual feasible) re-solved by the dual simplex, whose
    /// failure goes to interior point rather than to a dual simplex of a year from scratch.
    /// Its verdicts: `optimal`, `infeasible` (a dual simplex from a dual feasible basis that
    /// finds the dual unbounded), or anything else for the caller's fallback.
    public static func solveWarm(_ model: LinearProgram, from warm: WarmStart, options: SolverOptions) throws(ModelError) -> SolveResult {
        let clock = ContinuousClock()
        let start = clock.now
        try model.validate()
        precondition(!model.hasIntegerColumns, "a warm start runs a simplex, on a continuous model")
        let validateSeconds = (clock.now - start).seconds
        var result = warmSimplex(model, from: warm, options: options)
        result.loadSeconds += validateSeconds
        return result
    }

    /// An optimal basis for `model` from an interior point's certified optimum `interior` of
    /// it, by the crossover of ``crossover(_:from:options:cancel:)`` (fix and polish). Nil when
    /// `interior` has no values and reduced costs; otherwise the crossover's certified result,
    /// which has a ``SolveResult/basis`` when it is optimal.
    public static func crossover(_ model: LinearProgram, from interior: SolveResult, options: SolverOptions) -> SolveResult? {
        guard interior.primalValues.count == model.columnCount, interior.reducedCosts.count == model.columnCount else { return nil }
        return crossover(model, from: (interior.primalValues, interior.reducedCosts), options: options, cancel: nil)
    }

    /// The simplex (``WarmStart/method``) from `warm`'s basis carried over to `model`
    /// (``Basis/shifted(from:by:to:)``, then ``Basis/Carried/repaired(model:maximumBump:)``
    /// and `glp_factorize` to check it; GLPK's crash basis, `glp_adv_basis`, when it still
    /// does not factorise), without presolve (it would discard the basis), certified like any
    /// other answer. Not cancellable: on the window LPs it runs for milliseconds.
    static func warmSimplex(_ model: LinearProgram, from warm: WarmStart, options: SolverOptions) -> SolveResult {
        let clock = ContinuousClock()
        let start = clock.now
        let carried = warm.basis.map { $0.shifted(from: warm.model, by: warm.shiftSteps, to: model) }
        var result: SolveResult = GLPKTerminal.capturing { terminal in
            terminal.progress = options.progress
            let problem = GLPKProblem()
            let matrix = CompressedColumns(model)
            problem.load(model, matrix: matrix)
            if let carried {
                // A basis of a model of the same shape (nothing guessed, one basic entry per
                // row: a Benders subproblem at a new trial point) is tried as it is first: the
                // repair's dense bump is limited to 300 and a full year's basis exceeds it,
                // which would throw away an optimal basis for GLPK's crash basis.
                var exact = false
                if carried.guessedRows.isEmpty, carried.guessedColumns.isEmpty, carried.surplus == 0 {
                    problem.setBasis(carried.basis)
                    exact = glp_factorize(problem.pointer) == 0
                }
                // A carried basis that does not factorise would send glp_simplex back to a
                // crash basis (hundreds of iterations): repair it first.
                var basis = exact ? carried.basis : carried.repaired(model: model, matrix: matrix)
                if !exact, let repaired = basis {
                    problem.setBasis(repaired)
                    if glp_factorize(problem.pointer) != 0 { basis = nil }
                }
                if basis == nil {
                    // GLPK's own crash basis: a simplex from (nearly) scratch, which leaves a
                    // basis for the next window to start from again.
                    glp_adv_basis(problem.pointer, 0)
                }
            } else {
                problem.setBasis(Basis.slack(for: model))
            }
            let loadSeconds = (clock.now - start).seconds
            // Not cancellable (no flag), so it always returns.
            var plain = options
            plain.presolve = false
            var result = run(problem, model: model, method: warm.method, options: plain, terminal: terminal, warm: false)!
            result.loadSeconds = loadSeconds
            return result
        }
        certify(&result, model: model, tolerances: options.tolerances)
        result.attempts = [SolveAttempt(method: result.method, status: result.status, seconds: result.solveSeconds,
                                        iterations: result.iterations, message: "from the previous model's basis" + (result.message.map { ": \($0)" } ?? ""))]
        return result
    }

    /// Interior point on the split model (``DenseSplit``: cheap iterations); should that fail,
    /// under `scaling: .auto` the split model again with GLPK's automatic scaling, and then
    /// once more with the dense rows as they are (dearer iterations, but on some sites
    /// the row split's extra equalities are what made GLPK's Newton systems unstable:
    /// measured on a Singapore year with an intensity cap and a CFE target). Dense columns
    /// stay split: unsplit, one fills `A·D·Aᵀ` and a year's factorisation takes minutes.
    /// Nil when cancelled.
    static func interiorPoint(_ model: LinearProgram, options: SolverOptions, cancel: CancellationFlag?) -> SolveResult? {
        guard var first = attempt(model, method: .interior, options: options, cancel: cancel) else { return nil }
        if interiorFailed(first, options: options), options.crossover, let refusedPoint = first.refusedPoint {
            let point = (values: refusedPoint.values, reducedCosts: refusedPoint.reducedCosts)
            // A point that misses the tolerances (or stopped short) is usually near the
            // optimum: a crossover reaches a certified vertex in a few simplex iterations,
            // where the retries below and the dual simplex take minutes on a year.
            guard let crossed = crossover(model, from: point, options: options, cancel: cancel) else { return nil }
            first.attempts += crossed.attempts
            if crossed.status == .optimal {
                var result = crossed
                result.attempts = first.attempts
                return result
            }
        }
        guard interiorFailed(first, options: options) else { return first }
        var last = first
        // The refused points of the runs so far, each with the gap it was measured at.
        var refused: [(point: (values: [Double], reducedCosts: [Double]), gap: Double)] = []
        func keepRefusedPoint(of run: SolveResult) {
            if let point = run.refusedPoint, let gap = run.quality?.relativeGap { refused.append(((point.values, point.reducedCosts), gap)) }
        }
        keepRefusedPoint(of: first)
        // One more interior point under `variant`, named by `label` in its attempt, after the
        // runs so far; nil when cancelled.
        func rerun(_ variant: SolverOptions, label: String) -> SolveResult? {
            guard var run = attempt(model, method: .interior, options: variant, cancel: cancel) else { return nil }
            run.attempts[0].message = label + (run.attempts[0].message.map { ": \($0)" } ?? "")
            run.attempts = last.attempts + run.attempts
            keepRefusedPoint(of: run)
            return run
        }
        // The split model once more under the other scaling (13.4): its iterations cost what
        // the first run's did, where the whole-row retry below can cost 30 times more per
        // iteration (the Singapore two-limits year: 235 s against 8 s).
        if options.scaling == .auto, !options.interiorScalingRetry {
            var rescaled = options
            rescaled.interiorScalingRetry = true
            guard let retry = rerun(rescaled, label: "GLPK's automatic scaling") else { return nil }
            guard interiorFailed(retry, options: options) else { return retry }
            last = retry
        }
        if options.denseEntries > 0, options.splitDenseRows,
           DenseSplit.denseCount(model, denseEntries: options.denseEntries, denseColumnEntries: options.denseColumnEntries)
            > DenseSplit.denseCount(model, denseEntries: options.denseEntries, rows: false, denseColumnEntries: options.denseColumnEntries) {
            var plain = options
            plain.splitDenseRows = false
            guard let second = rerun(plain, label: "dense rows left whole") else { return nil }
            guard interiorFailed(second, options: options) else { return second }
            last = second
        }
        // Last resort of the interior-point path: cross over from the last refused point.
        // Both runs usually stop within 1e-6 of the optimum (one step short, 13.2), where the
        // dual simplex from scratch takes many minutes on a year (measured: a full-year
        // operation of a German campus build, both interior points refused at gaps of 1e-6
        // and 2e-7, the dual simplex still running after 15 minutes). Under the race the
        // dual simplex keeps running beside it, so this only uses a core that would idle.
        // Only from a point near the optimum (a relative gap of at most 1e-5 on the model):
        // from a far one (measured: an interior point stopped by GLPK's 100-iteration limit on a
        // capped plan year) few columns are fixed and the crossover's simplex is the whole year.
        // The nearer of the two points is taken, with the gap measured on that same point.
        guard !options.crossover, options.lastResortCrossover, let nearest = refused.min(by: { $0.gap < $1.gap }),
              nearest.gap <= Self.lastResortCrossoverGap else { return last }
        guard let crossed = crossover(model, from: nearest.point, options: options, cancel: cancel) else { return nil }
        if crossed.status == .optimal {
            var result = crossed
            result.attempts = last.attempts + crossed.attempts
            return result
        }
        last.attempts += crossed.attempts
        return last
    }

    /// Largest relative gap of a refused interior point from which the interior-point path
    /// still crosses over as its last resort.
    static let lastResortCrossoverGap = 1e-5

    /// Whether an interior-point result is a failure of the method that the next attempt should
    /// take over from: a numerical failure, or GLPK's own limit of 100 iterations when the
    /// caller set none (measured: a full-year plan with a carbon cap stopped there at iteration
    /// 100 and, before, ended the plan's solve of that module count as "iteration limit").
    static func interiorFailed(_ result: SolveResult, options: SolverOptions) -> Bool {
        result.method == .interior && (result.status == .numericalFailure || (result.status == .iterationLimit && options.iterationLimit == nil))
    }

    /// Crossover from an interior point to an optimal basis (fix and polish): columns the
    /// point's reduced costs price firmly at a bound, and that sit near it, are fixed there;
    /// the dual simplex (with presolve, which removes them) solves what is left, a small LP
    /// near the optimal face; then the bounds are restored and the primal simplex, started
    /// from that basis (primal feasible: the fixed columns sit on their own bounds), moves
    /// to the optimum of the whole model and certifies it. Exact whatever the point: a wrong
    /// fix only costs primal simplex iterations. "Near" is tried at each of
    /// ``crossoverFixDistances`` in turn, loosest first, while the fixed model has no optimum.
    /// Returns a failed result when no fixed model has one (the point was too far off), nil
    /// when cancelled.
    static func crossover(_ model: LinearProgram, from point: (values: [Double], reducedCosts: [Double]), options: SolverOptions,
                          cancel: CancellationFlag?) -> SolveResult? {
        guard !model.hasIntegerColumns, point.values.count == model.columnCount, point.reducedCosts.count == model.columnCount else {
            return SolveResult(status: .numericalFailure, method: .primal, message: "no point to cross over from")
        }
        let clock = ContinuousClock()
        let start = clock.now
        var attempts: [SolveAttempt] = []
        var last: SolveResult?
        for distance in crossoverFixDistances {
            let fixedAt = crossoverFixes(model, from: point, distance: distance)
            // A stricter distance fixes a subset: the same count is the same model again.
            if let last, fixedAt.count == last.crossoverFixedColumns { break }
            guard var result = crossover(model, fixing: fixedAt, options: options, cancel: cancel) else { return nil }
            result.method = .primal
            result.solveSeconds = (clock.now - start).seconds
            certify(&result, model: model, tolerances: options.tolerances)
            let message = "crossover from the interior point (\(fixedAt.count) of \(model.columnCount) columns fixed within "
                + "\(distance) of their bound, then primal simplex)" + (result.message.map { ": \($0)" } ?? "")
            if result.status == .optimal { result.message = nil }
            attempts.append(SolveAttempt(method: .primal, status: result.status, seconds: result.solveSeconds,
                                         iterations: result.iterations, message: message))
            result.attempts = attempts
            result.crossoverFixedColumns = fixedAt.count
            last = result
            // Only a fixed model without an optimum (a fix that was wrong, not merely costly)
            // is worth a stricter try; a polish that failed would fail again.
            guard result.status != .optimal, result.fixedModelFailed else { break }
        }
        return last
    }

    /// How far from a bound (relative to `max(1, |bound|)`) a firmly priced column of the
    /// interior point may sit to be fixed there, loosest first. Measured on plan-buildout's
    /// 4 x 12-day LP (docs/planning.md, "Multi-period build-out"): GLPK's interior point stops at
    /// a gap near 1e-5, where columns at a bound sit up to about 1e-3 from it; 1e-5 alone fixed
    /// 650 of 15,043 columns and the crossover took 11 s (12,000 dual simplex iterations),
    /// 1e-3 fixed 4,800 and took 5.3 s, 3e-3 fixed a column wrongly enough that the fixed model
    /// had no solution (found by the presolver in 0.06 s, so a failed try is cheap).
    static let crossoverFixDistances = [1e-3, 1e-5]

    /// The columns `point` prices firmly at a bound and that lie within `distance` of it.
    static func crossoverFixes(_ model: LinearProgram, from point: (values: [Double], reducedCosts: [Double]),
                               distance: Double) -> [(column: Int, lower: Bool)] {
        let sign: Double = model.objectiveSense == .minimize ? 1 : -1
        var fixedAt: [(column: Int, lower: Bool)] = []
        for column in 0..<model.columnCount {
            let lower = model.columnLower[column], upper = model.columnUpper[column]
            guard lower < upper else { continue }
            let reduced = sign * point.reducedCosts[column], value = point.values[column]
            let firm = 1e-7 * max(1, abs(model.objective[column]))
            if reduced > firm, lower.isFinite, value - lower <= distance * max(1, abs(lower)) {
                fixedAt.append((column, true))
            } else if reduced < -firm, upper.isFinite, upper - value <= distance * max(1, abs(upper)) {
                fixedAt.append((column, false))
            }
        }
        return fixedAt
    }

    /// One fix and polish with `fixedAt` fixed; nil when cancelled.
    private static func crossover(_ model: LinearProgram, fixing fixedAt: [(column: Int, lower: Bool)], options: SolverOptions,
                                  cancel: CancellationFlag?) -> SolveResult? {
        var fixed = model
        for (column, atLower) in fixedAt {
            let bound = atLower ? model.columnLower[column] : model.columnUpper[column]
            fixed.setBounds(Column(column), lower: bound, upper: bound)
        }
        let outcome: SolveResult?? = GLPKTerminal.capturing { terminal in
            terminal.progress = options.progress
            let problem = GLPKProblem()
            problem.load(fixed)
            var presolved = options
            presolved.presolve = true
            // nil: cancelled (`call` has freed the thread's GLPK state).
            guard let reduced = simplex(problem, method: .dual, options: presolved, terminal: terminal, presolve: true, warm: false,
                                        cancel: cancel) else { return .some(nil) }
            guard reduced.status == .optimal else {
                var failed = SolveResult(status: .numericalFailure, iterations: reduced.iterations, method: .primal,
                                         message: "crossover: the model with \(fixedAt.count) columns fixed at the interior point's bounds ended \(reduced.status.rawValue)")
                failed.fixedModelFailed = true
                return failed
            }
            // Restore the bounds; each fixed column stays nonbasic on the bound it was fixed at.
            for (column, atLower) in fixedAt {
                problem.setColumnBounds(column, lower: model.columnLower[column], upper: model.columnUpper[column])
                if glp_get_col_stat(problem.pointer, Int32(column + 1)) != GLP_BS {
                    glp_set_col_stat(problem.pointer, Int32(column + 1), atLower ? GLP_NL : GLP_NU)
                }
            }
            guard var polished = simplex(problem, method: .primal, options: options, terminal: terminal, presolve: false, warm: true,
                                         cancel: cancel) else { return .some(nil) }
            polished.iterations += reduced.iterations
            return polished
        }
        guard let solved = outcome else { return nil }
        return solved
    }

    /// One method from start to finish on the calling thread: prepare (``DenseSplit`` for
    /// interior point), load, solve, read back, certify. Returns nil when `cancel` was
    /// raised while it ran (the thread's GLPK environment has then been freed).
    static func attempt(_ model: LinearProgram, method requested: SolverMethod, options: SolverOptions,
                        cancel: CancellationFlag?) -> SolveResult? {
        let clock = ContinuousClock()
        let start = clock.now
        let split = requested == .interior && options.denseEntries > 0
            ? DenseSplit(model, denseEntries: options.denseEntries, blockSize: options.denseBlockSize, rows: options.splitDenseRows,
                         denseColumnEntries: options.denseColumnEntries, columnBlockSize: options.denseColumnBlockSize) : nil
        let outcome: SolveResult? = GLPKTerminal.capturing { terminal in
            terminal.progress = options.progress
            let problem = GLPKProblem()
            problem.load(split?.model ?? model)
            let loadSeconds = (clock.now - start).seconds
            guard var result = run(problem, model: split?.model ?? model, method: requested, options: options,
                                   terminal: terminal, warm: false, cancel: cancel) else {
                return nil  // cancelled: `call` has freed the thread's GLPK state
            }
            result.loadSeconds = loadSeconds
            return result
        }
        guard var result = outcome else { return nil }
        if let split { result = split.recover(result, original: model) }
        certify(&result, model: model, tolerances: options.tolerances)
        var message = result.message
        if let split, split.splitRows + split.splitColumns > 0 {
            message = "\(split.splitRows) dense rows and \(split.splitColumns) dense columns split" + (message.map { "; \($0)" } ?? "")
        }
        result.attempts = [SolveAttempt(method: result.method, status: result.status, seconds: result.solveSeconds,
                                        iterations: result.iterations, message: message)]
        return result
    }

    /// Measures the solution on `model` and settles its status: an optimum must meet the
    /// tolerances; an interior point's best point is accepted when it does.
    static func certify(_ result: inout SolveResult, model: LinearProgram, tolerances: SolutionTolerances) {
        guard !result.primalValues.isEmpty else { return }
        let quality = model.quality(values: result.primalValues, rowDuals: result.rowDuals.isEmpty ? nil : result.rowDuals)
        result.quality = quality
        var place = ""
        if quality.maxPrimalViolation > tolerances.primal {
            if quality.maxRowViolation >= quality.maxColumnViolation, let row = quality.worstRow {
                place = " in row \(model.rowNames[row].isEmpty ? "#\(row + 1)" : model.rowNames[row])"
            } else if let column = quality.worstColumn {
                place = " at column \(model.columnNames[column].isEmpty ? "#\(column + 1)" : model.columnNames[column])"
            }
        }
        let describe = "primal violation \(scientific(quality.maxPrimalViolation))\(place), dual violation \(scientific(quality.maxDualViolation))"
            + (quality.relativeGap.map { ", relative gap \(scientific($0))" } ?? "")
        switch result.status {
        case .optimal:
            // A MIP is judged on its primal values only (its gap is branch-and-cut's).
            let meets = result.method == .mip ? quality.maxPrimalViolation <= tolerances.primal : quality.meets(tolerances)
            if !meets {
                result.status = .numericalFailure
                result.message = "\(result.method.displayName) reported optimal, but its solution misses the tolerances (\(describe))"
            }
        // Any method's numerical failure, but only interior point's iteration limit (GLPK's
        // own 100; a simplex's limit is the caller's and stays a limit).
        case .numericalFailure,
             .iterationLimit where result.method == .interior:
            if quality.relativeGap != nil, quality.meets(tolerances) {
                result.message = "interior point stopped before GLPK's own 1e-8 tolerances (\(result.message ?? "stopped early")), "
                    + "at a point that meets Insula's: \(describe)"
                result.status = .optimal
                if result.objectiveValue == nil { result.objectiveValue = quality.primalObjective }
            } else if !result.primalValues.isEmpty {
                // Say how far the refused point was: it decides what the next attempt is.
                result.message = (result.message ?? "stopped early") + ", at a point that misses Insula's tolerances (\(describe))"
            }
        default:
            break
        }
        if !result.status.hasSolution {
            if result.method == .interior, !result.primalValues.isEmpty, result.reducedCosts.count == result.primalValues.count {
                result.refusedPoint = RefusedPoint(values: result.primalValues, reducedCosts: result.reducedCosts, rowDuals: result.rowDuals)
            }
            result.primalValues = []
            result.basis = nil
            result.rowActivities = []
            result.rowDuals = []
            result.reducedCosts = []
            result.objectiveValue = nil
        }
    }

    private static func scientific(_ value: Double) -> String {
        value == 0 ? "0" : String(format: "%.1e", value)
    }

    /// Runs `method` on a loaded problem and reads the solution back; nil when cancelled.
    static func run(
        _ problem: GLPKProblem, model: LinearProgram, method requested: SolverMethod,
        options: SolverOptions, terminal: GLPKTerminal, warm: Bool, cancel: CancellationFlag? = nil
    ) -> SolveResult? {
        problem.assertOwnerThread()
        var method = requested
        // GLPK's interior point refuses problems without rows or columns; simplex handles them.
        if method == .interior, model.rowCount == 0 || model.columnCount == 0 { method = .dual }
        let clock = ContinuousClock()
        let start = clock.now
        var result: SolveResult
        switch method {
        case .primal, .dual, .auto:
            guard let simplexResult = simplex(problem, method: method == .primal ? .primal : .dual, options: options,
                                              terminal: terminal, presolve: options.presolve && !warm, warm: warm, cancel: cancel)
            else { return nil }
            result = simplexResult
        case .interior:
            guard let interiorResult = interior(problem, options: options, terminal: terminal, cancel: cancel) else { return nil }
            result = interiorResult
        case .mip:
            result = branchAndCut(problem, options: options, terminal: terminal)
        }
        result.solveSeconds = (clock.now - start).seconds
        if result.status == .infeasibleOrUnbounded, method != .mip {
            // Interior point, presolve and dual simplex cannot tell infeasible from unbounded;
            // primal simplex without presolve can (phase 1 decides feasibility).
            guard let check = simplex(problem, method: .primal, options: options, terminal: terminal, presolve: false,
                                      warm: true, cancel: cancel) else { return nil }
            if check.status == .infeasible || check.status == .unbounded { result.status = check.status }
            result.solveSeconds = (clock.now - start).seconds
        }
        return result
    }

    /// How a guarded GLPK call ended.
    enum CallOutcome {
        /// GLPK returned this code.
        case finished(Int32)
        /// The cancellation flag was raised (the thread's GLPK environment has been freed).
        case cancelled
        /// GLPK hit one of its fatal errors (an assertion, its memory limit); its own words.
        /// The thread's GLPK environment has been freed and `problem` with it.
        case failed(String)
    }

    /// `glp_simplex` or `glp_interior` through the guarded shim: cancellable when `cancel` is
    /// given, within ``SolverOptions/memoryLimitMegabytes``, and with GLPK's fatal errors
    /// turned into `.failed` instead of an abort. Freeing the thread's environment after an
    /// error would free every other problem on the thread too, so a thread that holds
    /// other problems (an operating session beside its window LPs) runs unguarded, as before.
    private static func call(_ problem: GLPKProblem, interior: Bool, simplex: inout glp_smcp, interiorPoint: inout glp_iptcp,
                             options: SolverOptions, terminal: GLPKTerminal, cancel: CancellationFlag?) -> CallOutcome {
        let alone = GLPKEnvironment.liveProblemsOnCurrentThread == 1
        guard cancel != nil || alone else {
            return .finished(interior ? glp_interior(problem.pointer, &interiorPoint) : glp_simplex(problem.pointer, &simplex))
        }
        var code: Int32 = 0
        let linesBefore = terminal.lines.count
        let outcome = insula_solve_guarded(problem.pointer, interior ? 1 : 0, &simplex, &interiorPoint, cancel?.pointer,
                                           GLPKTerminal.hook, terminal.hookInfo, alone ? Int32(clamping: options.resolvedMemoryLimitMegabytes) : 0,
                                           &code)
        // The shim restored the terminal's own hook when GLPK finished.
        if outcome == 0 { return .finished(code) }
        problem.abandon()
        glp_free_env()
        glp_term_hook(GLPKTerminal.hook, terminal.hookInfo)
        if outcome == 1 { return .cancelled }
        let said = terminal.lines.dropFirst(linesBefore).filter { !$0.hasPrefix("Error detected in file") }
            .last(where: { !$0.trimmingCharacters(in: .whitespaces).isEmpty && !$0.contains("obj =") })
        return .failed(said?.trimmingCharacters(in: .whitespaces) ?? "an internal error")
    }

    /// The result of an attempt that GLPK's fatal error ended.
    private static func glpkError(_ message: String, method: SolverMethod, iterations: Int = 0) -> SolveResult {
        SolveResult(status: .numericalFailure, iterations: iterations, method: method,
                    message: "GLPK stopped with an error (\(message)); its state was freed and the process goes on")
    }

    // MARK: Simplex

    /// `glp_simplex` (after `glp_scale_prob` when scaling is on).
    private static func simplex(
        _ problem: GLPKProblem, method: SolverMethod, options: SolverOptions,
        terminal: GLPKTerminal, presolve: Bool, warm: Bool, cancel: CancellationFlag? = nil
    ) -> SolveResult? {
        var parm = glp_smcp()
        glp_init_smcp(&parm)
        var unusedInterior = glp_iptcp()
        parm.msg_lev = terminal.messageLevel
        // A progress line (a cancellation point) every 200 ms.
        parm.out_frq = 200
        parm.meth = method == .primal ? GLP_PRIMAL : GLP_DUALP
        parm.presolve = presolve ? GLP_ON : GLP_OFF
        if let seconds = options.timeLimitSeconds { parm.tm_lim = milliseconds(seconds) }
        if let limit = options.iterationLimit { parm.it_lim = Int32(clamping: limit) }
        // A warm start keeps the scale factors of the first solve (rescaling costs a pass).
        if options.scaling != .none, !warm { glp_scale_prob(problem.pointer, scalingFlags(options.scaling)) }

        let iterationsBefore = Int(glp_get_it_cnt(problem.pointer))
        terminal.beginProgress(method)
        defer { terminal.progressMethod = nil }
        var code: Int32
        switch call(problem, interior: false, simplex: &parm, interiorPoint: &unusedInterior, options: options, terminal: terminal, cancel: cancel) {
        case .cancelled: return nil
        case .failed(let error): return glpkError(error, method: method)
        case .finished(let finished): code = finished
        }
        if code == GLP_EBADB || code == GLP_ESING || code == GLP_ECOND {
            // The warm-start basis is unusable: restart from an advanced basis once.
            glp_adv_basis(problem.pointer, 0)
            switch call(problem, interior: false, simplex: &parm, interiorPoint: &unusedInterior, options: options, terminal: terminal, cancel: cancel) {
            case .cancelled: return nil
            case .failed(let error): return glpkError(error, method: method)
            case .finished(let again): code = again
            }
        }
        let iterations = Int(glp_get_it_cnt(problem.pointer)) - iterationsBefore
        let status: SolveStatus
        var message: String?
        switch code {
        case 0:
            switch glp_get_status(problem.pointer) {
            case GLP_OPT: status = .optimal
            case GLP_NOFEAS: status = .infeasible
            case GLP_UNBND: status = .unbounded
            default:
                if glp_get_dual_stat(problem.pointer) == GLP_NOFEAS {
                    status = .infeasibleOrUnbounded  // dual simplex: no dual feasible point
                } else {
                    status = .numericalFailure
                    message = "simplex ended without an optimal basis"
                }
            }
        case GLP_ENOPFS: status = .infeasible
        case GLP_ENODFS: status = .infeasibleOrUnbounded
        case GLP_EITLIM: status = .iterationLimit
        case GLP_ETMLIM: status = .timeLimit
        default:
            status = .numericalFailure
            message = "glp_simplex failed with code \(code)"
        }
        var result = SolveResult(status: status, iterations: iterations, method: method, message: message ?? limitMessage(status))
        if status == .optimal {
            readSolution(problem, into: &result, objective: glp_get_obj_val, columnValue: glp_get_col_prim,
                         rowValue: glp_get_row_prim, duals: (glp_get_col_dual, glp_get_row_dual))
            result.basis = problem.basis()
        }
        return result
    }

    // MARK: Interior point

    /// `glp_interior` with approximate minimum degree ordering. When it stops without an
    /// optimum, GLPK has stored its best point (least merit function, `ipm_main`), which is
    /// read back for ``certify(_:model:tolerances:)`` to judge.
    private static func interior(_ problem: GLPKProblem, options: SolverOptions, terminal: GLPKTerminal,
                                 cancel: CancellationFlag?) -> SolveResult? {
        var parm = glp_iptcp()
        glp_init_iptcp(&parm)
        var unusedSimplex = glp_smcp()
        glp_init_smcp(&unusedSimplex)
        // Full output is needed to count iterations; the capture hides it unless verbose.
        parm.msg_lev = GLP_MSG_ON
        parm.ord_alg = GLP_ORD_AMD
        let linesBefore = terminal.lines.count
        // glp_interior works on the scaled problem when scale factors are set (as glpsol does).
        // Measured on a year of real CAISO data: unscaled, it stopped as numerically unstable
        // at a duality gap of 2e-8; scaled, it reached the optimum in 38 iterations.
        if options.scaling != .none { glp_scale_prob(problem.pointer, interiorScalingFlags(options)) }
        terminal.beginProgress(.interior)
        defer { terminal.progressMethod = nil }
        let code: Int32
        switch call(problem, interior: true, simplex: &unusedSimplex, interiorPoint: &parm, options: options, terminal: terminal, cancel: cancel) {
        case .cancelled: return nil
        case .failed(let error):
            return glpkError(error, method: .interior, iterations: interiorIterations(terminal.lines.dropFirst(linesBefore)))
        case .finished(let finished): code = finished
        }
        let iterations = interiorIterations(terminal.lines.dropFirst(linesBefore))
        let status: SolveStatus
        var message: String?
        switch code {
        case 0:
            switch glp_ipt_status(problem.pointer) {
            case GLP_OPT: status = .optimal
            case GLP_NOFEAS: status = .infeasibleOrUnbounded
            default:
                status = .numericalFailure
                message = "interior point ended without an optimal solution"
            }
        case GLP_ENOFEAS: status = .infeasibleOrUnbounded
        case GLP_EITLIM: status = .iterationLimit
        case GLP_ENOCVG: status = .numericalFailure; message = "interior point did not converge"
        case GLP_EINSTAB: status = .numericalFailure; message = "interior point became numerically unstable"
        default: status = .numericalFailure; message = "glp_interior failed with code \(code)"
        }
        var result = SolveResult(status: status, iterations: iterations, method: .interior, message: message ?? limitMessage(status))
        let stoppedShort = code == GLP_EINSTAB || code == GLP_ENOCVG || code == GLP_EITLIM
        if status == .optimal || stoppedShort {
            readSolution(problem, into: &result, objective: glp_ipt_obj_val, columnValue: glp_ipt_col_prim,
                         rowValue: glp_ipt_row_prim, duals: (glp_ipt_col_dual, glp_ipt_row_dual))
        }
        return result
    }

    /// The last iteration number GLPK's interior point printed ("  12: obj = ...").
    private static func interiorIterations(_ lines: ArraySlice<String>) -> Int {
        for line in lines.reversed() {
            let trimmed = line.drop(while: { $0 == " " })
            guard let colon = trimmed.firstIndex(of: ":"), trimmed[colon...].contains("obj") else { continue }
            if let count = Int(trimmed[..<colon]) { return count }
        }
        return 0
    }

    // MARK: Branch and cut

    /// Best bound seen by the branch-and-cut callback.
    private final class MIPProgress { var bestBound: Double? }

    /// `glp_intopt` with GLPK's MIP presolver (or an LP relaxation solved first without it).
    private static func branchAndCut(_ problem: GLPKProblem, options: SolverOptions, terminal: GLPKTerminal) -> SolveResult {
        let progress = MIPProgress()
        var parm = glp_iocp()
        glp_init_iocp(&parm)
        parm.msg_lev = terminal.messageLevel
        parm.presolve = options.mipPresolve ? GLP_ON : GLP_OFF
        if !options.mipPresolve {
            // The careful retry also tightens the integrality tolerance (default 1e-5): GLPK
            // rounds integer columns in the solution it stores, so an x = 1e-6 accepted as 0
            // breaks a row where x has a coefficient of 1e6.
            parm.tol_int = 1e-9
            // Without the presolver glp_intopt starts from an optimal LP relaxation.
            var relaxation = glp_smcp()
            glp_init_smcp(&relaxation)
            relaxation.msg_lev = terminal.messageLevel
            relaxation.meth = GLP_DUALP
            if options.scaling != .none { glp_scale_prob(problem.pointer, scalingFlags(options.scaling)) }
            let code = glp_simplex(problem.pointer, &relaxation)
            guard code == 0, glp_get_status(problem.pointer) == GLP_OPT else {
                let status: SolveStatus = glp_get_status(problem.pointer) == GLP_NOFEAS ? .infeasible : .infeasibleOrUnbounded
                return SolveResult(status: code == 0 ? status : .numericalFailure, method: .mip,
                                   message: code == 0 ? limitMessage(status) : "the LP relaxation failed (glp_simplex code \(code))")
            }
        }
        parm.mip_gap = options.mipRelativeGap
        if let seconds = options.timeLimitSeconds { parm.tm_lim = milliseconds(seconds) }
        parm.cb_info = Unmanaged.passUnretained(progress).toOpaque()
        parm.cb_func = { tree, info in
            guard let tree, let info else { return }
            let reason = glp_ios_reason(tree)
            guard reason == GLP_ISELECT || reason == GLP_IBINGO || reason == GLP_IBRANCH else { return }
            let node = glp_ios_best_node(tree)
            if node != 0 {
                Unmanaged<MIPProgress>.fromOpaque(info).takeUnretainedValue().bestBound = glp_ios_node_bound(tree, node)
            }
        }
        if options.scaling != .none { glp_scale_prob(problem.pointer, scalingFlags(options.scaling)) }
        let code = withExtendedLifetime(progress) { glp_intopt(problem.pointer, &parm) }
        let mipStatus = glp_mip_status(problem.pointer)
        let hasIncumbent = mipStatus == GLP_OPT || mipStatus == GLP_FEAS
        let status: SolveStatus
        var message: String?
        switch code {
        case 0, GLP_EMIPGAP:
            switch mipStatus {
            case GLP_OPT, GLP_FEAS: status = .optimal
            case GLP_NOFEAS: status = .infeasible
            default: status = .numericalFailure; message = "branch-and-cut ended without a solution"
            }
        case GLP_ENOPFS: status = .infeasible
        case GLP_ENODFS: status = .infeasibleOrUnbounded
        case GLP_ETMLIM: status = .timeLimit
        default: status = .numericalFailure; message = "glp_intopt failed with code \(code)"
        }
        var result = SolveResult(status: status, iterations: Int(glp_get_it_cnt(problem.pointer)), method: .mip,
                                 message: message ?? limitMessage(status))
        if hasIncumbent {
            readSolution(problem, into: &result, objective: glp_mip_obj_val, columnValue: glp_mip_col_val,
                         rowValue: glp_mip_row_val, duals: nil)
            let objective = result.objectiveValue!
            let bound = mipStatus == GLP_OPT && code == 0 ? objective : (progress.bestBound ?? objective)
            result.mipBound = bound
            result.mipGap = abs(objective - bound) / max(abs(objective), 1e-9)
        }
        return result
    }

    // MARK: Helpers

    /// Reads one of GLPK's three solutions (basic, interior point, MIP) through its accessors;
    /// `duals` is nil for MIP, which has none.
    private static func readSolution(
        _ problem: GLPKProblem, into result: inout SolveResult,
        objective: (OpaquePointer?) -> Double,
        columnValue: (OpaquePointer?, Int32) -> Double,
        rowValue: (OpaquePointer?, Int32) -> Double,
        duals: (column: (OpaquePointer?, Int32) -> Double, row: (OpaquePointer?, Int32) -> Double)?
    ) {
        let p = problem.pointer
        result.objectiveValue = objective(p)
        result.primalValues = (0..<problem.columnCount).map { columnValue(p, Int32($0 + 1)) }
        result.rowActivities = (0..<problem.rowCount).map { rowValue(p, Int32($0 + 1)) }
        if let duals {
            result.reducedCosts = (0..<problem.columnCount).map { duals.column(p, Int32($0 + 1)) }
            result.rowDuals = (0..<problem.rowCount).map { duals.row(p, Int32($0 + 1)) }
        }
    }

    /// Interior point's scaling. Under `auto`, equilibration (every row and column's largest
    /// entry 1) first and GLPK's own choice (geometric mean, then equilibration) on the retry:
    /// measured on the corpus (docs/formulation.md 13.3), equilibration took the Singapore
    /// two-limits year from 72 iterations to 55 and was within a few iterations of GLPK's choice
    /// elsewhere; where the split model's point stops short under one scaling, the other has
    /// reached the optimum (ERCOT scarcity, PJM staged SMR).
    private static func interiorScalingFlags(_ options: SolverOptions) -> Int32 {
        guard options.scaling == .auto else { return scalingFlags(options.scaling) }
        return options.interiorScalingRetry ? GLP_SF_AUTO : GLP_SF_EQ
    }

    private static func scalingFlags(_ scaling: Scaling) -> Int32 {
        switch scaling {
        case .none: return 0
        case .geometricMean: return GLP_SF_GM
        case .equilibration: return GLP_SF_EQ
        case .auto: return GLP_SF_AUTO
        }
    }

    private static func milliseconds(_ seconds: Double) -> Int32 {
        guard seconds.isFinite, seconds > 0 else { return 1 }
        return Int32(clamping: Int64(min(seconds * 1000, Double(Int32.max))))
    }

    private static func limitMessage(_ status: SolveStatus) -> String? {
        switch status {
        case .timeLimit: return "time limit reached"
        case .iterationLimit: return "iteration limit reached"
        case .infeasible: return "no feasible solution exists"
        case .unbounded: return "the objective is unbounded"
        case .infeasibleOrUnbounded: return "the model is infeasible or unbounded"
        default: return nil
        }
    }
}

extension Duration {
    /// The duration in seconds as a `Double`.
    public var seconds: Double {
        let (whole, attoseconds) = components
        return Double(whole) + Double(attoseconds) * 1e-18
    }
}
