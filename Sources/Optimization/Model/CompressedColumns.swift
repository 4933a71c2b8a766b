/// The constraint matrix in compressed-column form with repeated (row, column) pairs summed
/// and zeros dropped: what a solver loads in one call.
struct CompressedColumns: Sendable {
    /// `columnStart[j] ..< columnStart[j + 1]` indexes the entries of column `j`.
    var columnStart: [Int]
    var rowIndex: [Int32]
    var value: [Double]

    var nonzeroCount: Int { value.count }

    /// Builds the matrix of `model` by a counting sort on columns, then on rows within each
    /// column. Expects a validated model (indices in range).
    /// - Complexity: O(rows + columns + entries) time and memory.
    init(_ model: LinearProgram) {
        let columns = model.columnCount, entries = model.entryCount
        // Counting sort by row first, then a stable counting sort by column, gives entries
        // ordered by (column, row): repeated pairs become adjacent.
        var rowStart = [Int](repeating: 0, count: model.rowCount + 1)
        for k in 0..<entries { rowStart[Int(model.entryRows[k]) + 1] += 1 }
        for i in 0..<model.rowCount { rowStart[i + 1] += rowStart[i] }
        var byRow = [Int](repeating: 0, count: entries)
        var next = rowStart
        for k in 0..<entries {
            let row = Int(model.entryRows[k])
            byRow[next[row]] = k
            next[row] += 1
        }
        var start = [Int](repeating: 0, count: columns + 1)
        for k in 0..<entries { start[Int(model.entryColumns[k]) + 1] += 1 }
        for j in 0..<columns { start[j + 1] += start[j] }
        var ordered = [Int](repeating: 0, count: entries)
        var fill = start
        for k in byRow {
            let column = Int(model.entryColumns[k])
            ordered[fill[column]] = k
            fill[column] += 1
        }
        // Merge repeated pairs and drop exact zeros.
        var columnStart = [Int](repeating: 0, count: columns + 1)
        var rowIndex: [Int32] = []
        var value: [Double] = []
        rowIndex.reserveCapacity(entries)
        value.reserveCapacity(entries)
        for j in 0..<columns {
            var position = start[j]
            while position < start[j + 1] {
                let row = model.entryRows[ordered[position]]
                var sum = 0.0
                while position < start[j + 1], model.entryRows[ordered[position]] == row {
                    sum += model.entryValues[ordered[position]]
                    position += 1
                }
                if sum != 0 {
                    rowIndex.append(row)
                    value.append(sum)
                }
            }
            columnStart[j + 1] = value.count
        }
        self.columnStart = columnStart
        self.rowIndex = rowIndex
        self.value = value
    }
}

extension LinearProgram {
    /// Number of distinct non-zero coefficients (repeated pairs summed, zeros dropped).
    public var nonzeroCount: Int { CompressedColumns(self).nonzeroCount }
}
