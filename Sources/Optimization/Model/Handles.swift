/// A column (decision variable) of a ``LinearProgram``, by position.
///
/// Handles are plain indices wrapped in a type so that a row can never be passed where a
/// column is expected.
public struct Column: Hashable, Comparable, Sendable {
    /// Zero-based position of the column in its model.
    public let index: Int
    public init(_ index: Int) { self.index = index }
    public static func < (a: Column, b: Column) -> Bool { a.index < b.index }
}

/// A row (linear constraint) of a ``LinearProgram``, by position.
public struct Row: Hashable, Comparable, Sendable {
    /// Zero-based position of the row in its model.
    public let index: Int
    public init(_ index: Int) { self.index = index }
    public static func < (a: Row, b: Row) -> Bool { a.index < b.index }
}

/// A contiguous family of columns added in one call, typically one per time step.
public struct ColumnBlock: RandomAccessCollection, Hashable, Sendable {
    /// Position of the first column of the block.
    public let start: Int
    /// Number of columns in the block.
    public let count: Int

    public init(start: Int, count: Int) {
        precondition(start >= 0 && count >= 0, "ColumnBlock needs a non-negative start and count")
        self.start = start
        self.count = count
    }

    public var startIndex: Int { 0 }
    public var endIndex: Int { count }
    /// The column at offset `position` within the block (e.g. the time step).
    public subscript(position: Int) -> Column {
        precondition(position >= 0 && position < count, "ColumnBlock offset \(position) is outside 0..<\(count)")
        return Column(start + position)
    }
    /// Whether `column` belongs to this block.
    public func contains(_ column: Column) -> Bool { column.index >= start && column.index < start + count }
}

/// A contiguous family of rows added in one call, typically one per time step.
public struct RowBlock: RandomAccessCollection, Hashable, Sendable {
    /// Position of the first row of the block.
    public let start: Int
    /// Number of rows in the block.
    public let count: Int

    public init(start: Int, count: Int) {
        precondition(start >= 0 && count >= 0, "RowBlock needs a non-negative start and count")
        self.start = start
        self.count = count
    }

    public var startIndex: Int { 0 }
    public var endIndex: Int { count }
    /// The row at offset `position` within the block (e.g. the time step).
    public subscript(position: Int) -> Row {
        precondition(position >= 0 && position < count, "RowBlock offset \(position) is outside 0..<\(count)")
        return Row(start + position)
    }
    /// Whether `row` belongs to this block.
    public func contains(_ row: Row) -> Bool { row.index >= start && row.index < start + count }
}
