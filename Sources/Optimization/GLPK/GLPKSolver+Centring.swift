import Foundation

extension GLPK {
    /// Moves `result`, a simplex optimum of the loaded `problem`, to the mean of the optimal
    /// face's least and greatest points along each of `centring`'s directions (``FaceCentring``).
    ///
    /// The objective becomes a row held within ``FaceCentring/objectiveSlack`` of the optimum
    /// (its slack basic, so the optimal basis stays a feasible basis), then each direction is
    /// minimised and maximised by the primal simplex from where the last run ended. `result`
    /// keeps its basis, duals and reduced costs (an optimal basis and dual solution: the mean
    /// is optimal with them up to the slack); its values, row activities and objective become
    /// the mean's. Left as it was when a direction has no columns or a run does not end optimal.
    /// Cost: `2 × directions` primal simplex runs of a few iterations each.
    static func centre(_ problem: GLPKProblem, model: LinearProgram, result: inout SolveResult, centring: FaceCentring,
                       options: SolverOptions, terminal: GLPKTerminal) {
        guard let optimum = result.objectiveValue, optimum.isFinite else { return }
        let directions = centring.columns(in: model).filter { !$0.isEmpty }
        guard !directions.isEmpty else { return }
        var objectiveColumns: [Int] = [], objectiveValues: [Double] = []
        for column in 0..<model.columnCount where model.objective[column] != 0 {
            objectiveColumns.append(column)
            objectiveValues.append(model.objective[column])
        }
        let slack = FaceCentring.objectiveSlack * max(1, abs(optimum))
        let held = optimum - model.objectiveConstant
        if model.objectiveSense == .minimize {
            problem.addRow(columns: objectiveColumns, values: objectiveValues, lower: -.infinity, upper: held + slack)
        } else {
            problem.addRow(columns: objectiveColumns, values: objectiveValues, lower: held - slack, upper: .infinity)
        }
        for column in objectiveColumns { problem.setObjective(column, 0) }
        var columnSums = [Double](repeating: 0, count: model.columnCount)
        var rowSums = [Double](repeating: 0, count: model.rowCount)
        var iterations = 0
        var previous: [Int] = []
        // GLPK's primal simplex can stall on the degenerate face (measured: without a limit,
        // some window LPs of the example site ran for minutes); a run that hits the limit
        // leaves the vertex as it was.
        var limited = options
        limited.iterationLimit = FaceCentring.iterationLimit
        let debug = ProcessInfo.processInfo.environment["INSULA_DEBUG_CENTRING"] != nil
        for columns in directions {
            for column in previous { problem.setObjective(column, 0) }
            for column in columns { problem.setObjective(column, 1) }
            previous = columns
            for sense in [LinearProgram.ObjectiveSense.minimize, .maximize] {
                problem.setObjectiveSense(sense)
                let extreme = simplex(problem, method: .primal, options: limited, terminal: terminal, presolve: false, warm: true)
                if debug { FileHandle.standardError.write("centring \(columns.count) \(sense) \(extreme?.status.rawValue ?? "nil") \(extreme?.iterations ?? -1)\n".data(using: .utf8)!) }
                guard let extreme, extreme.status == .optimal else { return }
                iterations += extreme.iterations
                for column in columnSums.indices { columnSums[column] += extreme.primalValues[column] }
                for row in rowSums.indices { rowSums[row] += extreme.rowActivities[row] }
            }
        }
        let count = Double(2 * directions.count)
        result.primalValues = columnSums.map { $0 / count }
        result.rowActivities = rowSums.map { $0 / count }
        var objective = model.objectiveConstant
        for (column, value) in zip(objectiveColumns, objectiveValues) { objective += value * result.primalValues[column] }
        result.objectiveValue = objective
        result.iterations += iterations
    }
}
