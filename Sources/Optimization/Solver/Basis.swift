/// A simplex basis: for every row (its slack) and every column, whether it is basic or sits
/// on one of its bounds. Solver-neutral (GLPK's `GLP_BS`, `GLP_NL`, ... map onto it).
public struct Basis: Sendable, Equatable {
    public enum Status: UInt8, Sendable {
        case basic
        /// Nonbasic at the lower bound.
        case lower
        /// Nonbasic at the upper bound.
        case upper
        /// Nonbasic free (at 0).
        case free
        /// Nonbasic fixed (lower = upper).
        case fixed
    }

    public var rows: [Status]
    public var columns: [Status]

    public init(rows: [Status], columns: [Status]) {
        self.rows = rows
        self.columns = columns
    }

    /// The slack basis of `model`: every row's slack basic, every column on a bound. What a
    /// simplex starts from without a better guess.
    public static func slack(for model: LinearProgram) -> Basis {
        Basis(rows: Array(repeating: .basic, count: model.rowCount),
              columns: model.columnLower.indices.map { nonbasicStatus(lower: model.columnLower[$0], upper: model.columnUpper[$0]) })
    }

    /// Number of basic rows and columns (a valid basis has one per row).
    public var basicCount: Int {
        rows.reduce(0) { $0 + ($1 == .basic ? 1 : 0) } + columns.reduce(0) { $0 + ($1 == .basic ? 1 : 0) }
    }

    /// This basis of `previous` carried onto `next`, a model of the same site issued `shift`
    /// steps later (the next window of a receding-horizon run), before its count of basic
    /// entries and its rank are made right (``Carried/repaired(model:maximumBump:)``).
    ///
    /// Rows and columns are matched through their ``StepBlock``s: the entry at step `t` of a
    /// family in `next` takes the status of step `t + shift` of the same family in `previous`;
    /// steps `previous` does not have (the new end of the window) repeat its nearest step and
    /// count as guesses. Entries outside any block (window-wide rows, single columns) are
    /// matched by their rank among such entries when both models have as many of them, and
    /// are otherwise guesses that start as slacks and columns on a bound. Whatever the result,
    /// it is only a start: the simplex from it ends at an optimum (of the cost any start
    /// gives), in fewer iterations when the guess is good.
    /// - Complexity: O(rows + columns + blocks) of both models.
    public func shifted(from previous: LinearProgram, by shift: Int, to next: LinearProgram) -> Carried {
        precondition(rows.count == previous.rowCount && columns.count == previous.columnCount, "a basis of `previous`")
        var result = Basis.slack(for: next)
        var guessedRows: [Int] = [], guessedColumns: [Int] = []
        var inBlockRows = [Bool](repeating: false, count: next.rowCount)
        var inBlockColumns = [Bool](repeating: false, count: next.columnCount)
        var previousBlocks: [String: StepBlock] = [:]
        var previousInBlockRows = [Bool](repeating: false, count: previous.rowCount)
        var previousInBlockColumns = [Bool](repeating: false, count: previous.columnCount)
        for block in previous.stepBlocks {
            previousBlocks[(block.isRow ? "r:" : "c:") + block.family] = block
            for index in block.start..<(block.start + block.count) {
                if block.isRow { previousInBlockRows[index] = true } else { previousInBlockColumns[index] = true }
            }
        }
        for block in next.stepBlocks {
            for index in block.start..<(block.start + block.count) {
                if block.isRow { inBlockRows[index] = true } else { inBlockColumns[index] = true }
            }
            guard let old = previousBlocks[(block.isRow ? "r:" : "c:") + block.family], old.count > 0 else {
                for index in block.start..<(block.start + block.count) {
                    if block.isRow { guessedRows.append(index) } else { guessedColumns.append(index) }
                }
                continue
            }
            for offset in 0..<block.count {
                let wanted = block.firstStep + offset + shift - old.firstStep
                let source = old.start + min(max(wanted, 0), old.count - 1)
                let index = block.start + offset
                if block.isRow {
                    result.rows[index] = rows[source]
                    if wanted != source - old.start { guessedRows.append(index) }
                } else {
                    result.columns[index] = columns[source]
                    if wanted != source - old.start { guessedColumns.append(index) }
                }
            }
        }
        // Entries outside blocks, by rank.
        let looseRows = (0..<next.rowCount).filter { !inBlockRows[$0] }
        let previousLooseRows = (0..<previous.rowCount).filter { !previousInBlockRows[$0] }
        if looseRows.count == previousLooseRows.count {
            for (index, source) in zip(looseRows, previousLooseRows) { result.rows[index] = rows[source] }
        } else {
            guessedRows += looseRows
        }
        let looseColumns = (0..<next.columnCount).filter { !inBlockColumns[$0] }
        let previousLooseColumns = (0..<previous.columnCount).filter { !previousInBlockColumns[$0] }
        if looseColumns.count == previousLooseColumns.count {
            for (index, source) in zip(looseColumns, previousLooseColumns) { result.columns[index] = columns[source] }
        } else {
            guessedColumns += looseColumns
        }
        // A status on a bound the entry no longer has becomes the one it has.
        for index in 0..<next.columnCount where result.columns[index] != .basic {
            result.columns[index] = Self.nonbasicStatus(lower: next.columnLower[index], upper: next.columnUpper[index],
                                                        preferred: result.columns[index])
        }
        for index in 0..<next.rowCount where result.rows[index] != .basic {
            result.rows[index] = Self.nonbasicStatus(lower: next.rowLower[index], upper: next.rowUpper[index], preferred: result.rows[index])
        }
        return Carried(basis: result, guessedRows: guessedRows, guessedColumns: guessedColumns, lower: next.columnLower, upper: next.columnUpper)
    }

    /// A basis carried onto the next window (``Basis/shifted(from:by:to:)``), with the entries
    /// whose status was guessed, and the bounds that say which nonbasic status each may take.
    public struct Carried: Sendable {
        /// The carried statuses; the number of basic entries may differ from the number of rows.
        public var basis: Basis
        public var guessedRows: [Int]
        public var guessedColumns: [Int]
        /// Column bounds of the model carried onto: where a column leaving the basis goes.
        var lower: [Double], upper: [Double]

        /// Basic entries less rows: what the repair must remove (positive) or add (negative).
        public var surplus: Int { basis.basicCount - basis.rows.count }

        /// A basis with one basic entry per row whose matrix has full rank (up to a pivot
        /// tolerance), or nil when the part left after peeling singletons is too large to
        /// eliminate densely (`maximumBump` rows or columns).
        ///
        /// The basic columns are eliminated on the rows whose slack is nonbasic: row and column
        /// singletons first (the time-coupled model is nearly triangular), then the rest
        /// densely, column by column, carried columns before guessed ones. A column that adds
        /// no rank leaves the basis for a bound; a row left without a pivot gets its slack
        /// back. Both the count and the rank come out right in one pass, without trial
        /// factorisations.
        /// - Complexity: O(entries) for the singletons, O(bump³) for the rest.
        public func repaired(model: LinearProgram, maximumBump: Int = 300) -> Basis? {
            repaired(model: model, matrix: CompressedColumns(model), maximumBump: maximumBump)
        }

        /// ``repaired(model:maximumBump:)`` on the model's matrix as the solver loads it.
        func repaired(model: LinearProgram, matrix: CompressedColumns, maximumBump: Int = 300) -> Basis? {
            var result = basis
            let rowCount = model.rowCount, columnCount = model.columnCount
            // Rows that need a pivot from a structural column.
            var rowAlive = [Bool](repeating: false, count: rowCount)
            for row in 0..<rowCount where result.rows[row] != .basic { rowAlive[row] = true }
            var isGuessed = [Bool](repeating: false, count: columnCount)
            for column in guessedColumns { isGuessed[column] = true }
            var candidates: [Int] = []
            candidates.reserveCapacity(rowCount)
            for column in 0..<columnCount where result.columns[column] == .basic && !isGuessed[column] { candidates.append(column) }
            for column in 0..<columnCount where result.columns[column] == .basic && isGuessed[column] { candidates.append(column) }
            var columnAlive = [Bool](repeating: false, count: columnCount)
            for column in candidates { columnAlive[column] = true }
            // Entries of candidate columns on rows that need a pivot, large enough to pivot on.
            var significant = [Bool](repeating: false, count: matrix.nonzeroCount)
            var columnEntries = [Int](repeating: 0, count: columnCount)
            var rowEntries = [Int](repeating: 0, count: rowCount)
            for column in candidates {
                let entries = matrix.columnStart[column]..<matrix.columnStart[column + 1]
                var largest = 0.0
                for k in entries { largest = max(largest, abs(matrix.value[k])) }
                for k in entries where rowAlive[Int(matrix.rowIndex[k])] && abs(matrix.value[k]) > Self.pivotTolerance * largest {
                    significant[k] = true
                    columnEntries[column] += 1
                    rowEntries[Int(matrix.rowIndex[k])] += 1
                }
            }
            // The same entries by row.
            var rowStart = [Int](repeating: 0, count: rowCount + 1)
            for row in 0..<rowCount { rowStart[row + 1] = rowStart[row] + rowEntries[row] }
            var rowColumn = [Int32](repeating: 0, count: rowStart[rowCount])
            var fill = rowStart
            for column in candidates {
                for k in matrix.columnStart[column]..<matrix.columnStart[column + 1] where significant[k] {
                    let row = Int(matrix.rowIndex[k])
                    rowColumn[fill[row]] = Int32(column)
                    fill[row] += 1
                }
            }
            // Singletons, from a work list: columns with at most one entry left, rows with one.
            var columnStack = candidates.filter { columnEntries[$0] <= 1 }
            var rowStack = (0..<rowCount).filter { rowAlive[$0] && rowEntries[$0] == 1 }
            func leave(_ column: Int) {
                columnAlive[column] = false
                for k in matrix.columnStart[column]..<matrix.columnStart[column + 1] where significant[k] {
                    let row = Int(matrix.rowIndex[k])
                    guard rowAlive[row] else { continue }
                    rowEntries[row] -= 1
                    if rowEntries[row] == 1 { rowStack.append(row) }
                }
            }
            func pivot(_ row: Int, _ column: Int) {
                rowAlive[row] = false
                leave(column)
                for position in rowStart[row]..<rowStart[row + 1] {
                    let other = Int(rowColumn[position])
                    guard columnAlive[other] else { continue }
                    columnEntries[other] -= 1
                    if columnEntries[other] <= 1 { columnStack.append(other) }
                }
            }
            while !columnStack.isEmpty || !rowStack.isEmpty {
                if let column = columnStack.popLast() {
                    guard columnAlive[column] else { continue }
                    let row = (matrix.columnStart[column]..<matrix.columnStart[column + 1])
                        .first { significant[$0] && rowAlive[Int(matrix.rowIndex[$0])] }.map { Int(matrix.rowIndex[$0]) }
                    if let row {
                        pivot(row, column)
                    } else {
                        // No rank to add: the column leaves the basis for a bound.
                        leave(column)
                        result.columns[column] = Basis.nonbasicStatus(lower: lower[column], upper: upper[column])
                    }
                } else if let row = rowStack.popLast() {
                    guard rowAlive[row], rowEntries[row] == 1,
                          let column = rowColumn[rowStart[row]..<rowStart[row + 1]].first(where: { columnAlive[Int($0)] }) else { continue }
                    pivot(row, Int(column))
                }
            }
            // The bump, densely.
            let bumpRows = (0..<rowCount).filter { rowAlive[$0] && rowEntries[$0] > 0 }
            let bumpColumns = candidates.filter { columnAlive[$0] }
            guard bumpRows.count <= maximumBump, bumpColumns.count <= maximumBump else { return nil }
            if !bumpColumns.isEmpty {
                var position = [Int](repeating: -1, count: rowCount)
                for (offset, row) in bumpRows.enumerated() { position[row] = offset }
                // Each accepted column, eliminated and scaled to 1 at its pivot, kept sparse: the
                // bump of a time-coupled model (storage chains) fills in little. Measured on the
                // example windows (bumps of 90 to 150): dense vectors cost 4 % of a run's time.
                var pivots: [(row: Int, offsets: [Int], values: [Double])] = []
                var pivoted = [Bool](repeating: false, count: bumpRows.count)
                var vector = [Double](repeating: 0, count: bumpRows.count)
                for column in bumpColumns {
                    var largest = 0.0
                    for k in matrix.columnStart[column]..<matrix.columnStart[column + 1] where significant[k] {
                        let offset = position[Int(matrix.rowIndex[k])]
                        guard offset >= 0 else { continue }
                        vector[offset] = matrix.value[k]
                        largest = max(largest, abs(matrix.value[k]))
                    }
                    for pivot in pivots where vector[pivot.row] != 0 {
                        let factor = vector[pivot.row]
                        for (offset, value) in zip(pivot.offsets, pivot.values) { vector[offset] -= factor * value }
                    }
                    var best = -1, bestSize = Self.pivotTolerance * max(largest, 1e-300)
                    var offsets: [Int] = [], values: [Double] = []
                    for offset in 0..<vector.count where vector[offset] != 0 {
                        if !pivoted[offset], abs(vector[offset]) > bestSize {
                            best = offset
                            bestSize = abs(vector[offset])
                        }
                        offsets.append(offset)
                        values.append(vector[offset])
                        vector[offset] = 0
                    }
                    guard best >= 0 else {
                        result.columns[column] = Basis.nonbasicStatus(lower: lower[column], upper: upper[column])
                        continue
                    }
                    let scale = 1 / values[offsets.firstIndex(of: best)!]
                    for index in values.indices { values[index] *= scale }
                    pivoted[best] = true
                    pivots.append((best, offsets, values))
                }
                for (offset, row) in bumpRows.enumerated() where pivoted[offset] { rowAlive[row] = false }
            }
            // Rows still without a pivot take their slack back.
            for row in 0..<rowCount where rowAlive[row] { result.rows[row] = .basic }
            return result
        }

        /// Relative size below which an entry does not count as a pivot.
        static let pivotTolerance = 1e-9
    }

    /// The nonbasic status a row or column with these bounds can have, `preferred` when it may.
    static func nonbasicStatus(lower: Double, upper: Double, preferred: Status = .lower) -> Status {
        switch (lower.isFinite, upper.isFinite) {
        case (false, false): return .free
        case (true, false): return .lower
        case (false, true): return .upper
        case (true, true): return lower == upper ? .fixed : (preferred == .upper ? .upper : .lower)
        }
    }
}
