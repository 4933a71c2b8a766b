/// The algorithm a solve uses.
public enum SolverMethod: String, CaseIterable, Sendable, Codable {
    /// Chosen from the model: see ``SolverOptions/resolvedMethod(for:warmStart:)``.
    case auto
    /// Primal simplex.
    case primal
    /// Dual simplex (falls back to primal when the start is not dual feasible).
    case dual
    /// Primal-dual interior point (GLPK's `glp_interior`): no basis, no time limit.
    case interior
    /// Branch-and-cut (`glp_intopt`); required when the model has integer columns.
    case mip
}

/// Scaling of the constraint matrix before a simplex solve (`glp_scale_prob`).
public enum Scaling: String, CaseIterable, Sendable, Codable {
    case none, geometricMean = "geometric_mean", equilibration, auto
}

/// How to solve: method, presolve, scaling and limits.
public struct SolverOptions: Sendable {
    public var method: SolverMethod
    /// GLPK's LP presolver for simplex. Off by default, as in glpsol: on a one-step site
    /// (tests/SchedulingTests, "One step") GLPK 5.0's presolver returned an "optimal"
    /// solution violating a busway-loss row by 2.6e-4 MW; without it the optimum is exact.
    public var presolve: Bool
    public var scaling: Scaling
    /// Wall-clock limit for simplex and branch-and-cut; interior point has none in GLPK.
    public var timeLimitSeconds: Double?
    /// Simplex iteration limit.
    public var iterationLimit: Int?
    /// Relative gap at which branch-and-cut stops (GLPK `mip_gap`).
    public var mipRelativeGap: Double
    /// GLPK's MIP presolver (branch-and-cut); a solve whose answer misses the tolerances is
    /// repeated without it.
    public var mipPresolve = true
    /// What a solution must meet to be reported optimal (checked on the original model).
    public var tolerances = SolutionTolerances()
    /// Under `auto`, race interior point against the dual simplex on two threads and keep
    /// the first proven optimum (cancelling the other). Off where the cores are already
    /// busy (batch workers).
    public var concurrent = true
    /// Split dense rows and columns before interior point (``DenseSplit``); 0 turns it off.
    public var denseEntries = DenseSplit.defaultDenseEntries
    public var denseBlockSize = DenseSplit.defaultBlockSize
    /// Columns with more entries than this are split into copies of `denseColumnBlockSize` entries.
    public var denseColumnEntries = DenseSplit.defaultDenseColumnEntries
    public var denseColumnBlockSize = DenseSplit.defaultColumnBlockSize
    /// Split dense rows too (off for the retry after a failed interior point on the split model).
    public var splitDenseRows = true
    /// Under `scaling: .auto`, interior point scales by equilibration; its retry on the split
    /// model sets this to use GLPK's automatic scaling instead (docs/formulation.md 13.4).
    var interiorScalingRetry = false
    /// After an interior point that misses the tolerances, cross over to an optimal basis
    /// from its point (fix and polish with the simplex) before the retry with whole rows.
    /// Off by default: on the CAISO CFE year (degenerate: few columns are priced firmly at a
    /// bound, so little is fixed) it took the solve from 50 s to 217 s (docs/formulation.md 13.5).
    public var crossover = false
    /// When both interior points of `auto` fail near the optimum, cross over from the nearer
    /// (``GLPK`` 13.5's last resort). Off for a caller whose own fallback is cheaper: a Benders
    /// subproblem cuts at the refused point's duals (measured: one such crossover on a year of
    /// plan-buildout took 135 s, against 7-17 s for the interior point).
    public var lastResortCrossover = true
    /// Start from the optimal basis of an earlier, similar model (the previous window of a
    /// receding-horizon run) carried over to this one; nil: a cold start. Used under `auto`
    /// on continuous models: the simplex runs from that basis, and only when its answer is
    /// not certified optimal does the cold path below run.
    public var warmStart: WarmStart?
    /// Called from the solving thread(s) for every progress line the solver prints.
    public var progress: (@Sendable (SolveProgress) -> Void)?

    public init(
        method: SolverMethod = .auto, presolve: Bool = false, scaling: Scaling = .auto,
        timeLimitSeconds: Double? = nil, iterationLimit: Int? = nil, mipRelativeGap: Double = 1e-4
    ) {
        self.method = method
        self.presolve = presolve
        self.scaling = scaling
        self.timeLimitSeconds = timeLimitSeconds
        self.iterationLimit = iterationLimit
        self.mipRelativeGap = mipRelativeGap
    }

    /// Non-zeros from which `auto` picks interior point for a cold continuous solve.
    ///
    /// Measured with `insula bench lp --hours N --methods interior,dual` (release build, this
    /// 2-core machine; README "Choosing a method"): on the time-coupled dispatch LP interior
    /// point beats dual simplex from 168 steps (3.5k non-zeros: 7.9 ms vs 11.3 ms) and the
    /// gap grows with size (720: 0.05 vs 0.16 s; 2,190: 0.26 vs 1.67 s; 8,760: 4.4 vs 38 s).
    /// Below a few thousand non-zeros both take milliseconds and simplex gives a vertex.
    public static let interiorPointNonzeroThreshold = 2_000

    /// The method `auto` stands for.
    ///
    /// Integer columns need branch-and-cut. A warm start (a session re-solve) uses dual
    /// simplex, which keeps the previous basis. Otherwise large models go to interior point
    /// and small ones to dual simplex.
    public func resolvedMethod(for model: LinearProgram, warmStart: Bool = false) -> SolverMethod {
        if model.hasIntegerColumns { return .mip }
        guard method == .auto else { return method }
        if warmStart { return .dual }
        return model.entryCount >= Self.interiorPointNonzeroThreshold ? .interior : .dual
    }
}

/// An earlier model and its optimal basis, for a warm start of a model issued `shiftSteps`
/// later (``Basis/shifted(from:by:to:)`` carries the basis over).
public struct WarmStart: Sendable {
    /// The earlier model (its ``LinearProgram/stepBlocks`` place the basis).
    public var model: LinearProgram
    /// Its optimal basis; nil starts the simplex from the slack basis.
    public var basis: Basis?
    /// How many steps after the earlier model's first step the new model's first step lies.
    public var shiftSteps: Int
    /// The simplex that runs from the carried basis: primal (the basis of a window shifted by
    /// one step is primal feasible but for the window's ends) or dual.
    public var method: SolverMethod

    public init(model: LinearProgram, basis: Basis?, shiftSteps: Int, method: SolverMethod = .primal) {
        precondition(method == .primal || method == .dual, "a warm start runs a simplex")
        self.model = model
        self.basis = basis
        self.shiftSteps = shiftSteps
        self.method = method
    }
}
