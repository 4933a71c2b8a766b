import CGLPK
import Foundation

/// The GLPK backend.
///
/// ``solve(_:options:)`` owns the whole life of a GLPK problem (create, load, solve, read
/// back, delete) inside one synchronous call, so the problem never leaves its thread. For
/// repeated solves of one model with small changes, use ``SolverSession``.
public enum GLPK {
    /// Validates `model`, loads it into GLPK in one call, solves it and returns the result.
    ///
    /// Throws only for a model that fails ``LinearProgram/validate(names:)``; infeasible,
    /// unbounded and limit outcomes are reported in ``SolveResult/status``.
    public static func solve(_ model: LinearProgram, options: SolverOptions = SolverOptions()) throws(ModelError) -> SolveResult {
        let clock = ContinuousClock()
        let start = clock.now
        try model.validate()
        return GLPKTerminal.capturing { terminal in
            let problem = GLPKProblem()
            problem.load(model)
            let loadSeconds = (clock.now - start).seconds
            let method = options.resolvedMethod(for: model)
            var result = run(problem, model: model, method: method, options: options, terminal: terminal, warm: false)
            if options.method == .auto, method == .interior, result.status == .numericalFailure {
                // `auto` promises an answer: GLPK's interior point has no crossover to rescue a
                // stalled run, so fall back to the dual simplex (slower, but it terminates).
                let clock = ContinuousClock(), fallbackStart = clock.now
                terminal.logger.warning("interior point failed (\(result.message ?? "numerical failure")); solving again with the dual simplex")
                let interiorSeconds = result.solveSeconds
                result = run(problem, model: model, method: .dual, options: options, terminal: terminal, warm: false)
                result.solveSeconds = interiorSeconds + (clock.now - fallbackStart).seconds
            }
            result.loadSeconds = loadSeconds
            return result
        }
    }

    /// Runs `method` on a loaded problem and reads the solution back.
    static func run(
        _ problem: GLPKProblem, model: LinearProgram, method requested: SolverMethod,
        options: SolverOptions, terminal: GLPKTerminal, warm: Bool
    ) -> SolveResult {
        problem.assertOwnerThread()
        var method = requested
        // GLPK's interior point refuses problems without rows or columns; simplex handles them.
        if method == .interior, model.rowCount == 0 || model.columnCount == 0 { method = .dual }
        let clock = ContinuousClock()
        let start = clock.now
        var result: SolveResult
        switch method {
        case .primal, .dual, .auto:
            result = simplex(problem, method: method == .primal ? .primal : .dual, options: options,
                             terminal: terminal, presolve: options.presolve && !warm, warm: warm)
        case .interior:
            result = interior(problem, options: options, terminal: terminal)
        case .mip:
            result = branchAndCut(problem, options: options, terminal: terminal)
        }
        result.solveSeconds = (clock.now - start).seconds
        if result.status == .infeasibleOrUnbounded, method != .mip {
            // Interior point, presolve and dual simplex cannot tell infeasible from unbounded;
            // primal simplex without presolve can (phase 1 decides feasibility).
            let check = simplex(problem, method: .primal, options: options, terminal: terminal, presolve: false, warm: true)
            if check.status == .infeasible || check.status == .unbounded { result.status = check.status }
            result.solveSeconds = (clock.now - start).seconds
        }
        return result
    }

    // MARK: Simplex

    /// `glp_simplex` (after `glp_scale_prob` when scaling is on).
    private static func simplex(
        _ problem: GLPKProblem, method: SolverMethod, options: SolverOptions,
        terminal: GLPKTerminal, presolve: Bool, warm: Bool
    ) -> SolveResult {
        var parm = glp_smcp()
        glp_init_smcp(&parm)
        parm.msg_lev = terminal.messageLevel
        parm.meth = method == .primal ? GLP_PRIMAL : GLP_DUALP
        parm.presolve = presolve ? GLP_ON : GLP_OFF
        if let seconds = options.timeLimitSeconds { parm.tm_lim = milliseconds(seconds) }
        if let limit = options.iterationLimit { parm.it_lim = Int32(clamping: limit) }
        // A warm start keeps the scale factors of the first solve (rescaling costs a pass).
        if options.scaling != .none, !warm { glp_scale_prob(problem.pointer, scalingFlags(options.scaling)) }

        let iterationsBefore = Int(glp_get_it_cnt(problem.pointer))
        var code = glp_simplex(problem.pointer, &parm)
        if code == GLP_EBADB || code == GLP_ESING || code == GLP_ECOND {
            // The warm-start basis is unusable: restart from an advanced basis once.
            glp_adv_basis(problem.pointer, 0)
            code = glp_simplex(problem.pointer, &parm)
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
        }
        return result
    }

    // MARK: Interior point

    /// `glp_interior` with approximate minimum degree ordering.
    private static func interior(_ problem: GLPKProblem, options: SolverOptions, terminal: GLPKTerminal) -> SolveResult {
        var parm = glp_iptcp()
        glp_init_iptcp(&parm)
        // Full output is needed to count iterations; the capture hides it unless verbose.
        parm.msg_lev = GLP_MSG_ON
        parm.ord_alg = GLP_ORD_AMD
        let linesBefore = terminal.lines.count
        // glp_interior works on the scaled problem when scale factors are set (as glpsol does).
        // Measured on a year of real CAISO data: unscaled, it stopped as numerically unstable
        // at a duality gap of 2e-8; scaled, it reached the optimum in 38 iterations.
        if options.scaling != .none { glp_scale_prob(problem.pointer, scalingFlags(options.scaling)) }
        let code = glp_interior(problem.pointer, &parm)
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
        if status == .optimal {
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
        parm.presolve = GLP_ON
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
