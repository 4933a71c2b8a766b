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
    /// entries is made right (``Carried/repaired(maximumTries:isNonsingular:)``).
    ///
    /// Rows and columns are matched through their ``StepBlock``s: the entry at step `t` of a
    /// family in `next` takes the status of step `t + shift` of the same family in `previous`;
    /// steps `previous` does not have (the new end of the window) repeat its nearest step and
    /// count as guesses. Entries outside any block (window-wide rows, single columns) are
    /// matched by their rank among such entries when both models have as many of them, and
    /// are otherwise guesses that start as slacks and columns on a bound. Whatever the result,
    /// it is only a start: the simplex from it reaches the same optimum, in fewer iterations
    /// when the guess is good.
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
        return Carried(basis: result, guessedRows: guessedRows, guessedColumns: guessedColumns, lower: next.columnLower, upper: next.columnUpper,
                       rowLower: next.rowLower, rowUpper: next.rowUpper)
    }

    /// A basis carried onto the next window (``Basis/shifted(from:by:to:)``), with the entries
    /// whose status was guessed, and the bounds that say which nonbasic status each may take.
    public struct Carried: Sendable {
        /// The carried statuses; the number of basic entries may differ from the number of rows.
        public var basis: Basis
        public var guessedRows: [Int]
        public var guessedColumns: [Int]
        var lower: [Double], upper: [Double], rowLower: [Double], rowUpper: [Double]

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
            var result = basis
            let matrix = CompressedColumns(model)
            let rowCount = model.rowCount
            // Rows that need a pivot from a structural column.
            var rowAlive = result.rows.map { $0 != .basic }
            var isGuessed = [Bool](repeating: false, count: model.columnCount)
            for column in guessedColumns { isGuessed[column] = true }
            let candidates = (0..<model.columnCount).filter { result.columns[$0] == .basic && !isGuessed[$0] }
                + (0..<model.columnCount).filter { result.columns[$0] == .basic && isGuessed[$0] }
            var columnAlive = [Bool](repeating: false, count: model.columnCount)
            for column in candidates { columnAlive[column] = true }
            // Entries of candidate columns on rows that need a pivot, by column and by row.
            var columnEntries = [Int](repeating: 0, count: model.columnCount)
            var rowColumns = [[Int32]](repeating: [], count: rowCount)
            for column in candidates {
                var largest = 0.0
                for k in matrix.columnStart[column]..<matrix.columnStart[column + 1] { largest = max(largest, abs(matrix.value[k])) }
                for k in matrix.columnStart[column]..<matrix.columnStart[column + 1] where rowAlive[Int(matrix.rowIndex[k])] {
                    guard abs(matrix.value[k]) > Self.pivotTolerance * largest else { continue }
                    columnEntries[column] += 1
                    rowColumns[Int(matrix.rowIndex[k])].append(Int32(column))
                }
            }
            var rowEntries = rowColumns.map(\.count)
            func dropColumn(_ column: Int) {
                columnAlive[column] = false
                result.columns[column] = Basis.nonbasicStatus(lower: lower[column], upper: upper[column])
                for k in matrix.columnStart[column]..<matrix.columnStart[column + 1] where rowAlive[Int(matrix.rowIndex[k])] {
                    rowEntries[Int(matrix.rowIndex[k])] -= 1
                }
            }
            // Pivot (row, column): both leave the active part.
            func pivot(_ row: Int, _ column: Int) {
                columnAlive[column] = false
                rowAlive[row] = false
                for k in matrix.columnStart[column]..<matrix.columnStart[column + 1] where rowAlive[Int(matrix.rowIndex[k])] {
                    rowEntries[Int(matrix.rowIndex[k])] -= 1
                }
                for other in rowColumns[row] where columnAlive[Int(other)] { columnEntries[Int(other)] -= 1 }
            }
            // Singletons, until none is left.
            var changed = true
            while changed {
                changed = false
                for column in candidates where columnAlive[column] && columnEntries[column] <= 1 {
                    if columnEntries[column] == 0 {
                        dropColumn(column)
                    } else if let row = rowsOf(column, matrix: matrix, alive: rowAlive, columnEntries: rowColumns).first {
                        pivot(row, column)
                    } else {
                        dropColumn(column)
                    }
                    changed = true
                }
                for row in 0..<rowCount where rowAlive[row] && rowEntries[row] == 1 {
                    guard let column = rowColumns[row].first(where: { columnAlive[Int($0)] }) else { continue }
                    pivot(row, Int(column))
                    changed = true
                }
            }
            // The bump, densely.
            let bumpRows = (0..<rowCount).filter { rowAlive[$0] && rowEntries[$0] > 0 }
            let bumpColumns = candidates.filter { columnAlive[$0] }
            guard bumpRows.count <= maximumBump, bumpColumns.count <= maximumBump else { return nil }
            var position = [Int](repeating: -1, count: rowCount)
            for (offset, row) in bumpRows.enumerated() { position[row] = offset }
            var pivots: [(row: Int, vector: [Double])] = []
            var pivoted = [Bool](repeating: false, count: bumpRows.count)
            for column in bumpColumns {
                var vector = [Double](repeating: 0, count: bumpRows.count)
                var largest = 0.0
                for k in matrix.columnStart[column]..<matrix.columnStart[column + 1] {
                    let offset = position[Int(matrix.rowIndex[k])]
                    guard offset >= 0, rowAlive[Int(matrix.rowIndex[k])] else { continue }
                    vector[offset] = matrix.value[k]
                    largest = max(largest, abs(matrix.value[k]))
                }
                for (row, eliminated) in pivots where vector[row] != 0 {
                    let factor = vector[row]
                    for offset in 0..<vector.count where eliminated[offset] != 0 { vector[offset] -= factor * eliminated[offset] }
                }
                var best = -1, bestSize = Self.pivotTolerance * max(largest, 1e-300)
                for offset in 0..<vector.count where !pivoted[offset] && abs(vector[offset]) > bestSize {
                    best = offset
                    bestSize = abs(vector[offset])
                }
                guard best >= 0 else {
                    dropColumn(column)
                    continue
                }
                let scale = 1 / vector[best]
                for offset in 0..<vector.count { vector[offset] *= scale }
                pivoted[best] = true
                pivots.append((best, vector))
                columnAlive[column] = false
            }
            for (offset, row) in bumpRows.enumerated() where pivoted[offset] { rowAlive[row] = false }
            // Rows still without a pivot take their slack back.
            for row in 0..<rowCount where rowAlive[row] { result.rows[row] = .basic }
            return result
        }

        /// Rows of `column` still needing a pivot (with a non-negligible entry).
        private func rowsOf(_ column: Int, matrix: CompressedColumns, alive: [Bool], columnEntries: [[Int32]]) -> [Int] {
            var rows: [Int] = []
            for k in matrix.columnStart[column]..<matrix.columnStart[column + 1] where alive[Int(matrix.rowIndex[k])] {
                if columnEntries[Int(matrix.rowIndex[k])].contains(Int32(column)) { rows.append(Int(matrix.rowIndex[k])) }
            }
            return rows
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
