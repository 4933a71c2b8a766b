/// How far a solution is from feasible and from optimal, measured on the model itself (not on
/// the solver's scaled working copy), so that no solver's "optimal" is taken on trust.
///
/// Violations are relative: a row's violation is divided by `max(1, |bound|, 1e-3·Σ_k |a_k·x_k|)`
/// (the bound it breaks, or the size of what it sums: see ``LinearProgram/rowMagnitudeShare``),
/// a column's by `max(1, |bound|)`, a reduced cost's wrong-signed part by
/// `max(1, |c_j|)`. The gap compares the objective at the primal values with the Lagrangian
/// bound of the duals (below), relative to `max(1, |objective|)`.
public struct SolutionQuality: Sendable, Codable, Equatable {
    /// Largest relative violation of a row bound by `A·x`.
    public var maxRowViolation: Double
    /// Largest relative violation of a column bound by `x`.
    public var maxColumnViolation: Double
    /// The row with the largest violation (nil when no row is violated): names the place a
    /// refused solution breaks, in messages.
    public var worstRow: Int?
    /// The column with the largest bound violation (nil when none is violated).
    public var worstColumn: Int?
    /// Largest relative amount by which a reduced cost has the sign that would improve the
    /// objective at a bound that cannot move (0 without duals).
    public var maxDualViolation: Double
    /// The objective at the primal values, recomputed from the model.
    public var primalObjective: Double
    /// The Lagrangian dual bound at the duals; `nil` for a MIP or without duals.
    public var dualBound: Double?
    /// `|primalObjective - dualBound| / max(1, |primalObjective|)`; `nil` without a bound.
    public var relativeGap: Double?

    /// The larger of the row and column violations.
    public var maxPrimalViolation: Double { max(maxRowViolation, maxColumnViolation) }

    /// Whether the solution meets `tolerances` (primal always; gap and dual only when known).
    public func meets(_ tolerances: SolutionTolerances) -> Bool {
        guard maxPrimalViolation <= tolerances.primal else { return false }
        guard maxDualViolation <= tolerances.dual else { return false }
        if let relativeGap { return relativeGap <= tolerances.relativeGap }
        return true
    }
}

/// Tolerances a solution must meet to be reported optimal.
public struct SolutionTolerances: Sendable, Equatable {
    /// Relative primal violation (row and column bounds).
    public var primal: Double
    /// Relative dual violation (wrong-signed reduced costs).
    public var dual: Double
    /// Relative gap between the objective and the dual bound.
    public var relativeGap: Double

    /// 1e-6 primal and dual (HiGHS' defaults are 1e-7), 5e-7 relative gap: an accepted
    /// solution's objective is within 5e-7 of the optimum, inside the 1e-6 the PyPSA
    /// cross-check demands. (At 1e-7, the ERCOT scarcity year's interior point, stopped at a
    /// gap of 1.2e-7, was refused and the unsplit retry took minutes.)
    public init(primal: Double = 1e-6, dual: Double = 1e-6, relativeGap: Double = 5e-7) {
        self.primal = primal
        self.dual = dual
        self.relativeGap = relativeGap
    }
}

/// A Lagrangian lower bound of a minimisation (upper bound of a maximisation) at some row
/// duals: ``LinearProgram/lagrangianBound(values:rowDuals:)``.
public struct LagrangianBound: Sendable {
    /// `Σ_i ŷ_i b_i + Σ_j min_{l_j ≤ x_j ≤ u_j} d_j x_j` plus the objective constant.
    public var bound: Double
    /// The duals used: the given ones, with a dual on a bound that does not exist set to 0.
    public var projectedDuals: [Double]
    /// `c - Aᵀŷ` at the projected duals.
    public var reducedCosts: [Double]
    /// Largest relative reduced cost that needed an infinite column bound (see ``SolutionQuality/maxDualViolation``).
    public var maxDualViolation: Double
}

extension LinearProgram {
    /// The share of a row's terms, `Σ_k |a_k·x_k|`, that scales its violation when larger than 1
    /// and than its bound. Why: a row that sums a year (a CFE target, `Σ 0.75·matched - 0.25·
    /// unmatched ≥ 0` over 17,500 terms of about 1e6 MWh in all) cannot be held to an absolute
    /// 1e-6: that is 1e-12 of its terms, the rounding of the sum itself. Measured on the GB
    /// CFE year: interior points with a relative gap of 1e-7 were refused for a violation of
    /// 4e-6 MWh in that row, and a crossover of minutes followed. With this scale a row is held
    /// to 1e-9 of its terms (at the primal tolerance of 1e-6), far above double precision's
    /// summation error (about 1e-11 for 1e5 terms); a step's balance (terms of hundreds of MW)
    /// keeps its absolute 1e-6.
    public static let rowMagnitudeShare = 1e-3

    /// Measures `values` (and, when given, `rowDuals`) against this model.
    ///
    /// The dual bound is the Lagrangian one: for a minimisation with duals `y` (GLPK's sign
    /// convention: `y_i > 0` prices the lower bound of row i, `y_i < 0` its upper bound),
    /// `L(y) = Σ_i y_i·b_i + Σ_j min_{l_j ≤ x_j ≤ u_j} d_j·x_j` with `d = c - Aᵀy` and `b_i`
    /// the bound `y_i` prices. A dual on a bound that does not exist is dropped (projected to
    /// 0), which keeps `L` a valid bound; a reduced cost that needs an infinite column bound
    /// cannot be bounded, so that column contributes `d_j·x_j` and its reduced cost is
    /// counted as a dual violation instead. Maximisation is the same with signs flipped.
    /// - Complexity: O(rows + columns + entries).
    public func quality(values: [Double], rowDuals: [Double]? = nil) -> SolutionQuality {
        precondition(values.count == columnCount, "one value per column")
        let activities = rowActivities(at: values)
        var magnitudes = [Double](repeating: 0, count: rowCount)
        for k in 0..<entryCount {
            magnitudes[Int(entryRows[k])] += abs(entryValues[k] * values[Int(entryColumns[k])])
        }
        var rowViolation = 0.0, worstRow: Int?
        for row in 0..<rowCount {
            let activity = activities[row]
            let size = Self.rowMagnitudeShare * magnitudes[row]
            var violation = 0.0
            if activity < rowLower[row] { violation = (rowLower[row] - activity) / max(1, abs(rowLower[row]), size) }
            if activity > rowUpper[row] { violation = (activity - rowUpper[row]) / max(1, abs(rowUpper[row]), size) }
            if activity.isNaN { violation = .infinity }
            if violation > rowViolation { rowViolation = violation; worstRow = row }
        }
        var columnViolation = 0.0, worstColumn: Int?
        for column in 0..<columnCount {
            let value = values[column]
            var violation = 0.0
            if value < columnLower[column] { violation = (columnLower[column] - value) / max(1, abs(columnLower[column])) }
            if value > columnUpper[column] { violation = (value - columnUpper[column]) / max(1, abs(columnUpper[column])) }
            if value.isNaN { violation = .infinity }
            if violation > columnViolation { columnViolation = violation; worstColumn = column }
        }
        let primalObjective = objectiveValue(at: values)
        var quality = SolutionQuality(maxRowViolation: rowViolation, maxColumnViolation: columnViolation,
                                      worstRow: worstRow, worstColumn: worstColumn,
                                      maxDualViolation: 0, primalObjective: primalObjective)
        guard let rowDuals, rowDuals.count == rowCount, !hasIntegerColumns else { return quality }

        let lagrangian = lagrangianBound(values: values, rowDuals: rowDuals)
        quality.maxDualViolation = lagrangian.maxDualViolation
        quality.dualBound = lagrangian.bound
        quality.relativeGap = abs(primalObjective - lagrangian.bound) / max(1, abs(primalObjective))
        return quality
    }

    /// The Lagrangian bound of ``quality(values:rowDuals:)`` at `rowDuals`, with the duals it
    /// uses (those on a bound that does not exist projected to 0) and the reduced costs
    /// `c - Aᵀŷ` at them, in the model's own sense.
    ///
    /// Why public: a Benders cut (docs/formulation.md 17) is this bound at a trial capacity
    /// plus the projected reduced costs of the capacity columns times their change; both must
    /// come from the same projected duals for the cut to be a valid lower bound.
    /// - Complexity: O(rows + columns + entries).
    public func lagrangianBound(values: [Double], rowDuals: [Double]) -> LagrangianBound {
        precondition(values.count == columnCount && rowDuals.count == rowCount, "one value per column and one dual per row")
        // Work as a minimisation: negate costs and duals of a maximisation.
        let sign: Double = objectiveSense == .minimize ? 1 : -1
        var bound = sign * objectiveConstant
        var projected = [Double](repeating: 0, count: rowCount)
        for row in 0..<rowCount {
            let dual = sign * rowDuals[row]
            if dual > 0, rowLower[row].isFinite {
                projected[row] = dual
                bound += dual * rowLower[row]
            } else if dual < 0, rowUpper[row].isFinite {
                projected[row] = dual
                bound += dual * rowUpper[row]
            }
        }
        var reduced = objective.map { sign * $0 }
        for k in 0..<entryCount {
            reduced[Int(entryColumns[k])] -= entryValues[k] * projected[Int(entryRows[k])]
        }
        var dualViolation = 0.0
        for column in 0..<columnCount {
            let d = reduced[column]
            if d > 0 {
                if columnLower[column].isFinite { bound += d * columnLower[column] } else {
                    bound += d * values[column]
                    dualViolation = max(dualViolation, d / max(1, abs(objective[column])))
                }
            } else if d < 0 {
                if columnUpper[column].isFinite { bound += d * columnUpper[column] } else {
                    bound += d * values[column]
                    dualViolation = max(dualViolation, -d / max(1, abs(objective[column])))
                }
            }
        }
        return LagrangianBound(bound: sign * bound, projectedDuals: projected.map { sign * $0 },
                               reducedCosts: reduced.map { sign * $0 }, maxDualViolation: dualViolation)
    }

    /// Reduced costs `c - Aᵀy` of every column at row duals `y`.
    public func reducedCosts(rowDuals: [Double]) -> [Double] {
        var reduced = objective
        for k in 0..<entryCount {
            reduced[Int(entryColumns[k])] -= entryValues[k] * rowDuals[Int(entryRows[k])]
        }
        return reduced
    }
}
