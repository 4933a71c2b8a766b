extension LinearProgram {
    /// This model with `columns` fixed at `values` and taken out of every row: each entry
    /// `a_ij` of a fixed column j moves into its row's bounds (`lower_i - a_ij v_j`,
    /// `upper_i - a_ij v_j`), and the column keeps its cost with bounds `[v_j, v_j]` and no
    /// entries (and continuous), so the objective is unchanged and every row and column keeps its index.
    ///
    /// Why: a capacity held at a trial value (a Benders subproblem, docs/formulation.md 17)
    /// is a column with one entry per step. Fixed by its bounds it would still be dense and
    /// be split into a tree of copies before interior point (``DenseSplit``); taken out, the
    /// subproblem is an operating LP of the same shape as `insula solve`'s. Duals of the two
    /// forms are the same (each row prices the same right-hand side).
    /// - Complexity: O(rows + columns + entries).
    public func substitutingFixed(_ columns: [Column], at values: [Double]) -> LinearProgram {
        precondition(columns.count == values.count, "one value per fixed column")
        var fixedValue = [Double?](repeating: nil, count: columnCount)
        for (column, value) in zip(columns, values) {
            precondition(value.isFinite, "a fixed column's value must be finite")
            fixedValue[column.index] = value
        }
        var model = self
        model.removeAllEntries(reservingCapacity: entryCount)
        for k in entryValues.indices {
            let row = Int(entryRows[k])
            if let value = fixedValue[Int(entryColumns[k])] {
                let shift = entryValues[k] * value
                if model.rowLower[row].isFinite { model.rowLower[row] -= shift }
                if model.rowUpper[row].isFinite { model.rowUpper[row] -= shift }
            } else {
                model.entryRows.append(entryRows[k])
                model.entryColumns.append(entryColumns[k])
                model.entryValues.append(entryValues[k])
            }
        }
        for (column, value) in zip(columns, values) {
            model.columnLower[column.index] = value
            model.columnUpper[column.index] = value
            // Fixed, its integrality is moot; left integer it would make the model a MIP, without duals.
            model.columnKinds[column.index] = .continuous
        }
        return model
    }
}
