/// Finite bounds for the columns that have none, implied by the rows they sit in: the bound
/// propagation of LP presolvers (E. D. Andersen and K. D. Andersen, "Presolving in linear
/// programming", Mathematical Programming 71(2), 1995, 221-245, section 3.3), two passes.
///
/// Why: ``DenseSplit`` gives each block of a dense row a partial-sum column bounded by what
/// its entries allow. The CFE target sums `cfe_matched` and `cfe_unmatched`, which have no
/// upper bounds of their own (their step's rows bound them: matched is at most the clean
/// supply, matched plus unmatched is the consumption), so every partial sum came out free,
/// and GLPK's interior point replaces a free column by the difference of two non-negative
/// ones, whose common part is free to drift: on three full-year CFE sites the split model
/// stopped "numerically unstable", and the Singapore year took minutes in the retries.
/// With the bounds the rows imply, the same split converged in the first attempt
/// (docs/formulation.md, 13.3).
///
/// The bounds are only used for the partial sums, never put on the columns themselves, and
/// each is widened by a relative margin so that rounding cannot cut off a feasible point.
struct ImpliedBounds {
    /// The columns' own bounds where finite, else the bound a row implies (or infinite).
    private(set) var lower: [Double]
    private(set) var upper: [Double]
    /// Whether each row's activity has a finite least or greatest value over these bounds:
    /// then no block of it has a free partial sum.
    private var rowActivityBounded: [Bool]

    /// Relative widening of an implied bound.
    static let margin = 1e-6

    init(_ model: LinearProgram, passes: Int = 2) {
        lower = model.columnLower
        upper = model.columnUpper
        rowActivityBounded = []
        let rows = model.rowCount
        // Rows as compressed lists, repeated (row, column) pairs summed into the first.
        var start = [Int](repeating: 0, count: rows + 1)
        for row in model.entryRows { start[Int(row) + 1] += 1 }
        for row in 0..<rows { start[row + 1] += start[row] }
        var fill = start
        var columns = [Int32](repeating: 0, count: model.entryCount)
        var values = [Double](repeating: 0, count: model.entryCount)
        var lastRow = [Int](repeating: -1, count: model.columnCount)
        var lastPosition = [Int](repeating: 0, count: model.columnCount)
        for k in 0..<model.entryCount {
            let row = Int(model.entryRows[k]), column = Int(model.entryColumns[k])
            if lastRow[column] == row {
                values[lastPosition[column]] += model.entryValues[k]
                continue
            }
            lastRow[column] = row
            lastPosition[column] = fill[row]
            columns[fill[row]] = model.entryColumns[k]
            values[fill[row]] = model.entryValues[k]
            fill[row] += 1
        }

        for _ in 0..<passes {
            for row in 0..<rows {
                let range = start[row]..<fill[row]
                var leastFinite = 0.0, leastInfinite = 0, greatestFinite = 0.0, greatestInfinite = 0
                for k in range where values[k] != 0 {
                    let (least, greatest) = contribution(values[k], Int(columns[k]))
                    if least.isFinite { leastFinite += least } else { leastInfinite += 1 }
                    if greatest.isFinite { greatestFinite += greatest } else { greatestInfinite += 1 }
                }
                let rowLower = model.rowLower[row], rowUpper = model.rowUpper[row]
                for k in range where values[k] != 0 {
                    let column = Int(columns[k]), value = values[k]
                    guard !lower[column].isFinite || !upper[column].isFinite else { continue }
                    let (least, greatest) = contribution(value, column)
                    // The least and greatest activity of the rest of the row.
                    let restLeast = least.isFinite ? (leastInfinite == 0 ? leastFinite - least : nil)
                                                   : (leastInfinite == 1 ? leastFinite : nil)
                    let restGreatest = greatest.isFinite ? (greatestInfinite == 0 ? greatestFinite - greatest : nil)
                                                         : (greatestInfinite == 1 ? greatestFinite : nil)
                    // value·x ≤ rowUpper - restLeast and value·x ≥ rowLower - restGreatest.
                    if rowUpper.isFinite, let restLeast {
                        tighten(column, (rowUpper - restLeast) / value, isUpper: value > 0)
                    }
                    if rowLower.isFinite, let restGreatest {
                        tighten(column, (rowLower - restGreatest) / value, isUpper: value < 0)
                    }
                }
            }
        }
        var activityBounded = [Bool](repeating: false, count: rows)
        for row in 0..<rows {
            var leastInfinite = false, greatestInfinite = false
            for k in start[row]..<fill[row] where values[k] != 0 {
                let (least, greatest) = contribution(values[k], Int(columns[k]))
                leastInfinite = leastInfinite || !least.isFinite
                greatestInfinite = greatestInfinite || !greatest.isFinite
            }
            activityBounded[row] = !leastInfinite || !greatestInfinite
        }
        rowActivityBounded = activityBounded
    }

    /// Whether `row`'s activity is bounded on at least one side (see the property).
    func activityIsBounded(row: Int) -> Bool { rowActivityBounded[row] }

    /// The least and greatest value of `value·x` for `column`'s bounds (infinite when unbounded).
    private func contribution(_ value: Double, _ column: Int) -> (least: Double, greatest: Double) {
        let a = value * lower[column], b = value * upper[column]
        // 0·∞ is NaN: a zero coefficient never gets here, so NaN means an infinite bound.
        let least = value > 0 ? a : b, greatest = value > 0 ? b : a
        return (least.isNaN ? -.infinity : least, greatest.isNaN ? .infinity : greatest)
    }

    /// Sets an infinite bound of `column` to `bound`, widened by ``margin``; finite bounds are kept.
    private mutating func tighten(_ column: Int, _ bound: Double, isUpper: Bool) {
        guard bound.isFinite else { return }
        let widening = Self.margin * max(1, abs(bound))
        if isUpper {
            if !upper[column].isFinite { upper[column] = max(bound + widening, lower[column]) }
        } else {
            if !lower[column].isFinite { lower[column] = min(bound - widening, upper[column]) }
        }
    }
}
