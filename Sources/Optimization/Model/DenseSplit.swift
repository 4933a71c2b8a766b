/// An equivalent model in which no row and no column is dense, for interior point.
///
/// Why: an interior-point iteration factors `A·D·Aᵀ`. A column with entries in many rows
/// (a demand-charge peak that bounds every step's import) fills that matrix completely; a
/// row that sums over the whole horizon (an annual carbon cap, a CFE target, a training
/// job's energy) couples every step's rows in it. GLPK's Cholesky pays for both: measured on
/// a full year, a binding carbon cap took interior point from 6 s to 50 s. Splitting keeps
/// every row and column short:
///
/// - a dense row `lo ≤ Σ_k a_k·x_k ≤ up` keeps its index and bounds but now reads
///   `lo ≤ Σ_b s_b ≤ up`; each block `b` of `blockSize` consecutive entries gets a new column
///   `s_b` (its partial sum, bounded by what its entries allow, see ``ImpliedBounds``) and a
///   new row `Σ_{k∈b} a_k·x_k - s_b = 0`; a dense row whose partial sums would be free stays
///   whole (GLPK's interior point turns a free column into an unstable difference of two);
/// - a dense column `x` keeps its index, bounds and cost, but its entries move to copies
///   `x_b` (same bounds, no cost), one per block of `columnBlockSize` rows; the copies are tied
///   to `x` through a tree (rows `child - parent = 0`, at most `columnBlockSize` children per
///   parent), so that no column of the split model is dense either: tied to `x` directly,
///   a year's 730 copies made `x` a dense column of the tie rows again, and the interior
///   point's time grew 15-fold from a month to a quarter.
///
/// Every original row and column keeps its index, new ones come after, so a solution maps
/// back by truncation: the original rows' duals are the duals of the kept rows (a kept
/// row's dual prices the same right-hand side), and activities and reduced costs are
/// recomputed from the original model. The optimum is the same; `SolverTests` checks it.
public struct DenseSplit: Sendable {
    /// The equivalent model (the original when nothing is dense).
    public let model: LinearProgram
    /// Rows and columns of the original model.
    public let originalRowCount: Int
    public let originalColumnCount: Int
    /// How many rows and columns were split.
    public let splitRows: Int
    public let splitColumns: Int

    /// Entries from which a row counts as dense (measured on a full-year site with a binding
    /// carbon cap) and block size: a block row costs about its neighbours x its length per
    /// iteration, and blocks of a day beat blocks of a week across the real-data corpus
    /// (docs/formulation.md 13.3).
    public static let defaultDenseEntries = 1_000
    public static let defaultBlockSize = 24
    /// Columns are split from fewer entries and into smaller blocks than rows: each copy's
    /// rows form a clique in `A·D·Aᵀ`, and an installed capacity (a plan's column in every
    /// step's limit row) spread over blocks of 168 made each block's Cholesky factor dense
    /// (docs/formulation.md, "Solving"; measured on the plan examples).
    public static let defaultDenseColumnEntries = 48
    public static let defaultColumnBlockSize = 6

    /// Splits every row and column of `original` with more than `denseEntries` entries into
    /// blocks of `blockSize` entries.
    /// - Complexity: O(rows + columns + entries).
    ///   With `rows` false only columns are split: a dense column is the costly kind
    ///   (it fills `A·D·Aᵀ` completely), and on one site the row split made GLPK unstable.
    public init(_ original: LinearProgram, denseEntries: Int = DenseSplit.defaultDenseEntries,
                blockSize: Int = DenseSplit.defaultBlockSize, rows splittingRows: Bool = true,
                denseColumnEntries: Int = DenseSplit.defaultDenseColumnEntries,
                columnBlockSize: Int = DenseSplit.defaultColumnBlockSize) {
        precondition(denseEntries >= 2 && blockSize >= 1 && denseColumnEntries >= 2 && columnBlockSize >= 1,
                     "DenseSplit needs at least 2 entries to call dense and blocks of at least 1")
        originalRowCount = original.rowCount
        originalColumnCount = original.columnCount
        let (rowLength, columnLength) = Self.entryCounts(original)
        let implied = splittingRows ? ImpliedBounds(original) : nil
        let denseRow = rowLength.indices.map { row in
            splittingRows && rowLength[row] > denseEntries && implied!.activityIsBounded(row: row)
        }
        let denseColumn = columnLength.map { $0 > denseColumnEntries }
        splitRows = denseRow.count { $0 }
        splitColumns = denseColumn.count { $0 }
        guard splitRows > 0 || splitColumns > 0 else {
            model = original
            return
        }

        var model = original
        model.removeAllEntries(reservingCapacity: original.entryCount + 2 * (original.entryCount / blockSize + 1))

        // Dense columns first: for each, the block copy that takes the entry in a given row.
        // Entries are visited in stored order; a copy is opened every `blockSize` entries.
        var copyFill = [Int](repeating: 0, count: original.columnCount)
        var currentCopy = [Int](repeating: -1, count: original.columnCount)
        var leaves: [Int: [Int]] = [:]
        var rowBlockFill = [Int](repeating: 0, count: original.rowCount)
        var currentBlock = [Int](repeating: -1, count: original.rowCount)
        let name = { (base: String, suffix: String) in base.isEmpty ? "" : "\(base)\(suffix)" }

        for k in 0..<original.entryCount {
            let row = Int(original.entryRows[k])
            var column = Int(original.entryColumns[k])
            let value = original.entryValues[k]
            if denseColumn[column] {
                if copyFill[column] % columnBlockSize == 0 {
                    let copy = model.addColumn(lower: original.columnLower[column], upper: original.columnUpper[column],
                                               name: name(original.columnNames[column], "#copy\(copyFill[column] / columnBlockSize + 1)"))
                    leaves[column, default: []].append(copy.index)
                    currentCopy[column] = copy.index
                }
                copyFill[column] += 1
                column = currentCopy[column]
            }
            if denseRow[row] {
                if rowBlockFill[row] % blockSize == 0 {
                    let partial = model.addColumn(lower: -.infinity, upper: .infinity,
                                                  name: name(original.rowNames[row], "#sum\(rowBlockFill[row] / blockSize + 1)"))
                    let block = model.addRow(lower: 0, upper: 0, name: name(original.rowNames[row], "#block\(rowBlockFill[row] / blockSize + 1)"))
                    model.appendEntry(block.index, partial.index, -1)
                    model.appendEntry(row, partial.index, 1)
                    currentBlock[row] = block.index
                }
                rowBlockFill[row] += 1
                model.appendEntry(currentBlock[row], column, value)
            } else {
                model.appendEntry(row, column, value)
            }
        }
        // Tie each dense column's copies to it through a tree of fan-out `columnBlockSize`.
        let fanout = max(2, columnBlockSize)
        for column in leaves.keys.sorted() {
            var level = leaves[column]!
            var depth = 0
            while level.count > fanout {
                depth += 1
                var parents: [Int] = []
                for start in stride(from: 0, to: level.count, by: fanout) {
                    let parent = model.addColumn(lower: original.columnLower[column], upper: original.columnUpper[column],
                                                 name: name(original.columnNames[column], "#node\(depth).\(parents.count + 1)"))
                    for child in level[start..<min(start + fanout, level.count)] {
                        let tie = model.addRow(lower: 0, upper: 0, name: name(original.columnNames[column], "#tie\(depth).\(child)"))
                        model.appendEntry(tie.index, child, 1)
                        model.appendEntry(tie.index, parent.index, -1)
                    }
                    parents.append(parent.index)
                }
                level = parents
            }
            for child in level {
                let tie = model.addRow(lower: 0, upper: 0, name: name(original.columnNames[column], "#tie0.\(child)"))
                model.appendEntry(tie.index, child, 1)
                model.appendEntry(tie.index, column, -1)
            }
        }
        // Partial sums get the bounds their entries imply (interval arithmetic over the
        // columns' bounds, or the bounds their other rows imply): GLPK's interior point would
        // split a free column in two.
        self.model = implied.map {
            model.withImpliedPartialSumBounds(originalRows: original.rowCount, originalColumns: original.columnCount, implied: $0)
        } ?? model
    }

    /// How many rows and columns of `model` have more than `denseEntries` entries.
    /// With `rows`, only the dense rows that the split would split count (see ``ImpliedBounds``).
    public static func denseCount(_ model: LinearProgram, denseEntries: Int, rows: Bool = true,
                                  denseColumnEntries: Int = DenseSplit.defaultDenseColumnEntries) -> Int {
        let (rowLength, columnLength) = entryCounts(model)
        var count = columnLength.count { $0 > denseColumnEntries }
        if rows, rowLength.contains(where: { $0 > denseEntries }) {
            let implied = ImpliedBounds(model)
            count += rowLength.indices.count { rowLength[$0] > denseEntries && implied.activityIsBounded(row: $0) }
        }
        return count
    }

    /// Stored entries per row and per column of `model`.
    private static func entryCounts(_ model: LinearProgram) -> (rows: [Int], columns: [Int]) {
        var rows = [Int](repeating: 0, count: model.rowCount)
        var columns = [Int](repeating: 0, count: model.columnCount)
        for k in 0..<model.entryCount {
            rows[Int(model.entryRows[k])] += 1
            columns[Int(model.entryColumns[k])] += 1
        }
        return (rows, columns)
    }

    /// Maps a solution of ``model`` back to the original model: values and row duals by
    /// truncation, activities and reduced costs recomputed from `original`.
    public func recover(_ result: SolveResult, original: LinearProgram) -> SolveResult {
        guard model.columnCount != originalColumnCount || model.rowCount != originalRowCount else { return result }
        var recovered = result
        guard !result.primalValues.isEmpty else { return recovered }
        recovered.primalValues = Array(result.primalValues.prefix(originalColumnCount))
        recovered.rowActivities = original.rowActivities(at: recovered.primalValues)
        if !result.rowDuals.isEmpty {
            recovered.rowDuals = Array(result.rowDuals.prefix(originalRowCount))
            recovered.reducedCosts = original.reducedCosts(rowDuals: recovered.rowDuals)
        }
        return recovered
    }
}

extension LinearProgram {
    /// Drops every coefficient and reserves room for `capacity` new ones: the start of a
    /// rewrite that keeps the rows and columns but rebuilds the matrix (a split, a substitution).
    mutating func removeAllEntries(reservingCapacity capacity: Int) {
        entryRows = []
        entryColumns = []
        entryValues = []
        entryRows.reserveCapacity(capacity)
        entryColumns.reserveCapacity(capacity)
        entryValues.reserveCapacity(capacity)
    }

    /// Appends one coefficient triplet (internal: no checks).
    mutating func appendEntry(_ row: Int, _ column: Int, _ value: Double) {
        entryRows.append(Int32(row))
        entryColumns.append(Int32(column))
        entryValues.append(value)
    }

    /// Gives each partial-sum column of a split (a free column added after `originalColumns`
    /// whose block row is `Σ a·x - s = 0`) the bounds its block implies, over the columns'
    /// bounds where they have them and `implied`'s where they do not.
    fileprivate func withImpliedPartialSumBounds(originalRows: Int, originalColumns: Int, implied: ImpliedBounds) -> LinearProgram {
        let boundOf = { (column: Int) -> (lower: Double, upper: Double) in
            column < originalColumns ? (implied.lower[column], implied.upper[column]) : (columnLower[column], columnUpper[column])
        }
        var model = self
        var lower = [Double](repeating: 0, count: rowCount)
        var upper = [Double](repeating: 0, count: rowCount)
        var partialOfRow = [Int](repeating: -1, count: rowCount)
        for k in 0..<entryCount where Int(entryRows[k]) >= originalRows {
            let row = Int(entryRows[k]), column = Int(entryColumns[k]), value = entryValues[k]
            if column >= originalColumns, columnLower[column] == -.infinity, columnUpper[column] == .infinity, value == -1 {
                partialOfRow[row] = column
                continue
            }
            let (columnLow, columnHigh) = boundOf(column)
            let low = value > 0 ? value * columnLow : value * columnHigh
            let high = value > 0 ? value * columnHigh : value * columnLow
            lower[row] += low.isNaN ? -.infinity : low
            upper[row] += high.isNaN ? .infinity : high
        }
        for row in originalRows..<rowCount where partialOfRow[row] >= 0 {
            let column = partialOfRow[row]
            // One side only where the block has one sign (the usual case: one family of
            // columns per block): a second, never-active bound would add a row and a column
            // to the interior point's working problem for nothing.
            if lower[row] >= 0 {
                model.columnLower[column] = lower[row]
            } else if upper[row] <= 0 {
                model.columnUpper[column] = upper[row]
            } else {
                model.columnLower[column] = lower[row]
                model.columnUpper[column] = upper[row]
            }
        }
        return model
    }
}
