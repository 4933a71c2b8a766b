import CGLPK
import Foundation

/// A model kept loaded in GLPK for repeated solves with small changes: objective
/// coefficients, column bounds and row bounds change in place and the next solve starts from
/// the previous optimal basis instead of rebuilding and solving from scratch.
///
/// A session is bound to the thread that created it (GLPK keeps per-thread state): it is not
/// `Sendable`, and using it from another thread traps. Create it where you solve, use it,
/// let it go on that thread.
public final class SolverSession {
    /// The model as currently loaded, with every change applied.
    public private(set) var model: LinearProgram
    private var problem: GLPKProblem
    private var hasBasis = false
    private var objectiveChanged = false
    private var boundsChanged = false

    /// Validates `model` and loads it into GLPK (`glp_create_prob`, `glp_load_matrix`).
    public init(model: LinearProgram) throws(ModelError) {
        try model.validate()
        self.model = model
        problem = GLPKTerminal.capturing { _ in
            let problem = GLPKProblem()
            problem.load(model)
            return problem
        }
    }

    /// Replaces the objective coefficient of `column` (`glp_set_obj_coef`).
    public func setObjective(_ column: Column, _ coefficient: Double) throws(ModelError) {
        try check(column)
        guard coefficient.isFinite else {
            throw ModelError(problems: ["\(model.label(of: column)): objective coefficient is \(coefficient)"])
        }
        if !problem.abandoned { problem.setObjective(column.index, coefficient) }  // else reloaded at the next solve
        model.setObjective(column, coefficient)
        objectiveChanged = true
    }

    /// Replaces the bounds of `column` (`glp_set_col_bnds`).
    public func setBounds(_ column: Column, lower: Double, upper: Double) throws(ModelError) {
        try check(column)
        if let reason = LinearProgram.boundProblem(lower: lower, upper: upper) {
            throw ModelError(problems: ["\(model.label(of: column)): \(reason)"])
        }
        if !problem.abandoned { problem.setColumnBounds(column.index, lower: lower, upper: upper) }
        model.setBounds(column, lower: lower, upper: upper)
        boundsChanged = true
    }

    /// Replaces the bounds (right-hand side) of `row` (`glp_set_row_bnds`).
    public func setBounds(_ row: Row, lower: Double, upper: Double) throws(ModelError) {
        problem.assertOwnerThread()
        guard row.index >= 0, row.index < model.rowCount else {
            throw ModelError(problems: ["row index \(row.index) is outside 0..<\(model.rowCount)"])
        }
        if let reason = LinearProgram.boundProblem(lower: lower, upper: upper) {
            throw ModelError(problems: ["\(model.label(of: row)): \(reason)"])
        }
        if !problem.abandoned { problem.setRowBounds(row.index, lower: lower, upper: upper) }
        model.setBounds(row, lower: lower, upper: upper)
        boundsChanged = true
    }

    /// Solves the model as it stands.
    ///
    /// With `method: .auto`, the first solve is dual simplex (it leaves a basis to start
    /// from); later solves start from the previous basis with primal simplex when only
    /// objective coefficients changed (the basis stays primal feasible) and dual simplex
    /// otherwise (it stays dual feasible when only bounds changed). Presolve is skipped on
    /// warm starts because it would discard the basis.
    public func solve(options: SolverOptions = SolverOptions()) -> SolveResult {
        problem.assertOwnerThread()
        if problem.abandoned {
            // A GLPK error freed the thread's environment in the last solve: load the model afresh.
            problem = GLPKTerminal.capturing { [model] _ in
                let fresh = GLPKProblem()
                fresh.load(model)
                return fresh
            }
            hasBasis = false
        }
        let warm = hasBasis
        var method = options.resolvedMethod(for: model, warmStart: warm)
        if options.method == .auto, !model.hasIntegerColumns {
            method = warm && objectiveChanged && !boundsChanged ? .primal : .dual
        }
        // No cancellation flag, so the run always returns.
        var result = GLPKTerminal.capturing { terminal in
            GLPK.run(problem, model: model, method: method, options: options, terminal: terminal, warm: warm)!
        }
        GLPK.certify(&result, model: model, tolerances: options.tolerances)
        result.attempts = [SolveAttempt(method: result.method, status: result.status, seconds: result.solveSeconds,
                                        iterations: result.iterations, message: result.message)]
        hasBasis = !problem.abandoned && (method == .primal || method == .dual) && glp_get_status(problem.pointer) == GLP_OPT
        objectiveChanged = false
        boundsChanged = false
        return result
    }

    private func check(_ column: Column) throws(ModelError) {
        problem.assertOwnerThread()
        guard column.index >= 0, column.index < model.columnCount else {
            throw ModelError(problems: ["column index \(column.index) is outside 0..<\(model.columnCount)"])
        }
    }
}

@available(*, unavailable, message: "a GLPK session must stay on the thread that created it")
extension SolverSession: Sendable {}
