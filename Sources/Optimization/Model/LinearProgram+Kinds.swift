extension LinearProgram {
    /// Makes `column` continuous, integer or binary (a binary column's bounds are clipped to [0, 1]),
    /// e.g. to re-solve a relaxation with some of its columns integer again.
    public mutating func setKind(_ column: Column, _ kind: ColumnKind) {
        columnKinds[column.index] = kind
        if kind == .binary {
            columnLower[column.index] = max(columnLower[column.index], 0)
            columnUpper[column.index] = min(columnUpper[column.index], 1)
        }
    }
}
