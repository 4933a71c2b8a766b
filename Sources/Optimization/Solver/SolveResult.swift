/// How a solve ended. Infeasible and unbounded are outcomes, not errors.
public enum SolveStatus: String, Sendable, Codable {
    case optimal
    case infeasible
    case unbounded
    /// Primal infeasible or unbounded: the method could not tell which.
    case infeasibleOrUnbounded = "infeasible_or_unbounded"
    case timeLimit = "time_limit"
    case iterationLimit = "iteration_limit"
    case numericalFailure = "numerical_failure"

    /// Whether primal values are a usable solution.
    public var hasSolution: Bool { self == .optimal }
}

/// The outcome of a solve: status, objective, primal and dual values, and solve metadata.
public struct SolveResult: Sendable {
    public var status: SolveStatus
    /// Objective value including the constant; `nil` when there is no solution.
    public var objectiveValue: Double?
    /// Column values (empty without a solution).
    public var primalValues: [Double]
    /// Row activities `A·x` (empty without a solution).
    public var rowActivities: [Double]
    /// Row duals: change of the objective per unit increase of the row's right-hand side
    /// (empty for MIP and without a solution).
    public var rowDuals: [Double]
    /// Reduced costs of the columns (empty for MIP and without a solution).
    public var reducedCosts: [Double]
    /// Simplex or interior-point iterations.
    public var iterations: Int
    /// Wall time inside the solver call, seconds.
    public var solveSeconds: Double
    /// Wall time to validate the model and load it into the solver, seconds.
    public var loadSeconds: Double = 0
    /// The method that ran (never `auto`).
    public var method: SolverMethod
    /// Best bound on the objective (MIP only).
    public var mipBound: Double?
    /// Relative gap |objective - bound| / max(1, |objective|) (MIP only).
    public var mipGap: Double?
    /// The solver's own explanation when it did not reach optimality, or how an optimum
    /// was reached when that is worth knowing (an accepted interior best point).
    public var message: String?
    /// The solution measured against the original model: violations, dual bound, gap.
    public var quality: SolutionQuality?
    /// The optimal basis, when a simplex ended the solve (a warm start for the next, similar model).
    public var basis: Basis?
    /// Every method that ran, in the order they finished (one entry for a plain solve).
    public var attempts: [SolveAttempt] = []
    /// An interior point refused by ``GLPK/certify(_:model:tolerances:)``: its values and
    /// reduced costs on the original model, kept for a crossover to start from.
    var refusedPoint: RefusedPoint?
    /// A crossover whose model with the point's columns fixed had no optimum: a stricter fix may still work.
    var fixedModelFailed = false
    /// How many columns that crossover fixed.
    var crossoverFixedColumns = 0
    /// The refused interior point's row duals (empty without one).
    public var refusedRowDuals: [Double] { refusedPoint?.rowDuals ?? [] }
    /// The refused interior point's column values (empty without one): with
    /// ``refusedRowDuals``, a Lagrangian bound (weak duality holds at any duals) for a caller
    /// that needs a bound rather than an optimum (a Benders cut, formulation.md 17.2).
    public var refusedValues: [Double] { refusedPoint?.values ?? [] }

    public init(
        status: SolveStatus, objectiveValue: Double? = nil, primalValues: [Double] = [],
        rowActivities: [Double] = [], rowDuals: [Double] = [], reducedCosts: [Double] = [],
        iterations: Int = 0, solveSeconds: Double = 0, method: SolverMethod,
        mipBound: Double? = nil, mipGap: Double? = nil, message: String? = nil
    ) {
        self.status = status
        self.objectiveValue = objectiveValue
        self.primalValues = primalValues
        self.rowActivities = rowActivities
        self.rowDuals = rowDuals
        self.reducedCosts = reducedCosts
        self.iterations = iterations
        self.solveSeconds = solveSeconds
        self.method = method
        self.mipBound = mipBound
        self.mipGap = mipGap
        self.message = message
    }

    /// Value of `column` in the solution.
    public subscript(column: Column) -> Double { primalValues[column.index] }
    /// Dual value of `row`.
    public func dual(_ row: Row) -> Double { rowDuals[row.index] }
    /// Activity of `row`.
    public func activity(_ row: Row) -> Double { rowActivities[row.index] }
}

/// One method's run within a solve: what was tried, and how it ended.
public struct SolveAttempt: Sendable, Codable, Equatable {
    public var method: SolverMethod
    public var status: SolveStatus
    public var seconds: Double
    public var iterations: Int
    /// Stopped because another method finished first.
    public var cancelled: Bool
    public var message: String?

    public init(method: SolverMethod, status: SolveStatus, seconds: Double, iterations: Int, cancelled: Bool = false, message: String? = nil) {
        self.method = method
        self.status = status
        self.seconds = seconds
        self.iterations = iterations
        self.cancelled = cancelled
        self.message = message
    }

    /// "interior point optimal in 8.1 s (38 iterations)" and the like.
    public var summary: String {
        let what = cancelled ? "cancelled" : status.rawValue.replacingOccurrences(of: "_", with: " ")
        let seconds = (self.seconds * 10).rounded() / 10
        return "\(method.displayName) \(what) after \(seconds) s (\(iterations) iterations)\(message.map { ": \($0)" } ?? "")"
    }
}

extension SolverMethod {
    /// Readable name for messages.
    public var displayName: String {
        switch self {
        case .auto: return "auto"
        case .primal: return "primal simplex"
        case .dual: return "dual simplex"
        case .interior: return "interior point"
        case .mip: return "branch-and-cut"
        }
    }
}

/// A progress report from a running solve (one per line GLPK prints).
public struct SolveProgress: Sendable {
    public var method: SolverMethod
    public var iteration: Int
    public var objective: Double
    /// Interior point: the relative primal-dual gap; simplex: the sum of infeasibilities.
    public var gap: Double?
    public var infeasibility: Double?
    public var elapsedSeconds: Double
}

extension SolveResult {
    /// The part of this result (a solve of a model built by appending blocks) that belongs to
    /// `block`, as if `blockModel` had been solved alone: its values, activities and objective,
    /// and its row duals divided by `dualScale`, the weight the block's costs carried in the
    /// whole (a scenario's probability, a period's discount weight), so that they are the
    /// block's own prices. Status, timings, attempts and certificate are the whole solve's.
    public func slice(_ block: LinearProgram.AppendedBlock, of blockModel: LinearProgram, dualScale: Double) -> SolveResult {
        var slice = SolveResult(status: status, method: method, message: message)
        slice.iterations = iterations
        slice.solveSeconds = solveSeconds
        slice.loadSeconds = loadSeconds
        slice.quality = quality
        slice.attempts = attempts
        guard primalValues.count >= block.columnOffset + block.columnCount, !primalValues.isEmpty else { return slice }
        slice.primalValues = Array(primalValues[block.columnOffset..<(block.columnOffset + block.columnCount)])
        slice.rowActivities = blockModel.rowActivities(at: slice.primalValues)
        slice.objectiveValue = blockModel.objectiveValue(at: slice.primalValues)
        if rowDuals.count >= block.rowOffset + block.rowCount, !rowDuals.isEmpty, dualScale > 0 {
            slice.rowDuals = rowDuals[block.rowOffset..<(block.rowOffset + block.rowCount)].map { $0 / dualScale }
            slice.reducedCosts = blockModel.reducedCosts(rowDuals: slice.rowDuals)
        }
        return slice
    }
}

/// An interior point that missed the tolerances, on the original model (a struct, not a tuple:
/// one place to add what a fallback needs).
struct RefusedPoint: Sendable {
    var values: [Double]
    var reducedCosts: [Double]
    var rowDuals: [Double]
}
