/// A sparse linear (or mixed-integer linear) program as a plain value, independent of any solver.
///
/// The model is `min` or `max` of `c·x + constant` subject to `rowLower ≤ A·x ≤ rowUpper` and
/// `columnLower ≤ x ≤ columnUpper`, with some columns integer. Bounds use `±.infinity` for
/// "none", so every bound type (free, lower, upper, double, fixed) and every row sense
/// (≤, ≥, =, ranged) is expressed by one pair of numbers (the HiGHS/JuMP convention).
///
/// Coefficients are stored as triplets in three flat arrays, so memory is O(non-zeros) and
/// adding a coefficient never allocates per entry. Repeated (row, column) pairs are summed
/// when the model is loaded into a solver. Nothing is checked while building: call
/// ``validate(requireUniqueNames:)`` (solvers do it for you) to get every problem reported
/// with the row or column name.
public struct LinearProgram: Sendable {
    /// Direction of optimisation.
    public enum ObjectiveSense: String, Sendable, Codable { case minimize, maximize }

    /// Integrality of a column.
    public enum ColumnKind: UInt8, Sendable { case continuous, integer, binary }

    /// Sense of a row, derived from its bounds.
    public enum RowSense: String, Sendable { case lessOrEqual = "<=", greaterOrEqual = ">=", equal = "=", ranged, free }

    /// Kind of bounds of a column, derived from its bounds.
    public enum BoundKind: String, Sendable { case free, lower, upper, double, fixed }

    /// Name of the model (used in exported files).
    public var name: String
    public var objectiveSense: ObjectiveSense
    /// Constant term of the objective.
    public var objectiveConstant: Double = 0

    public internal(set) var columnLower: [Double] = []
    public internal(set) var columnUpper: [Double] = []
    public internal(set) var objective: [Double] = []
    public internal(set) var columnKinds: [ColumnKind] = []
    /// Column names; the empty string means unnamed.
    public internal(set) var columnNames: [String] = []

    public internal(set) var rowLower: [Double] = []
    public internal(set) var rowUpper: [Double] = []
    /// Row names; the empty string means unnamed.
    public internal(set) var rowNames: [String] = []

    /// Families of columns and rows indexed by time step, as the builder declared them
    /// (``addColumns(count:lower:upper:objective:kind:name:family:firstStep:)``): what lets the
    /// next window of a receding-horizon run start from this window's basis (``Basis/shifted(from:by:to:)``).
    public internal(set) var stepBlocks: [StepBlock] = []

    /// Coefficient triplets: `entryValues[k]` sits at (`entryRows[k]`, `entryColumns[k]`).
    public internal(set) var entryRows: [Int32] = []
    public internal(set) var entryColumns: [Int32] = []
    public internal(set) var entryValues: [Double] = []

    public init(name: String = "insula", sense: ObjectiveSense = .minimize) {
        self.name = name
        self.objectiveSense = sense
    }

    public var columnCount: Int { columnLower.count }
    public var rowCount: Int { rowLower.count }
    /// Number of stored coefficient triplets (before summing repeated pairs).
    public var entryCount: Int { entryValues.count }
    /// Whether any column is integer or binary.
    public var hasIntegerColumns: Bool { columnKinds.contains { $0 != .continuous } }

    /// Reserves storage so that building a model of known size does not reallocate.
    public mutating func reserve(columns: Int, rows: Int, entries: Int) {
        for array in [\LinearProgram.columnLower, \.columnUpper, \.objective] as [WritableKeyPath<LinearProgram, [Double]>] {
            self[keyPath: array].reserveCapacity(columns)
        }
        columnKinds.reserveCapacity(columns)
        columnNames.reserveCapacity(columns)
        rowLower.reserveCapacity(rows)
        rowUpper.reserveCapacity(rows)
        rowNames.reserveCapacity(rows)
        entryRows.reserveCapacity(entries)
        entryColumns.reserveCapacity(entries)
        entryValues.reserveCapacity(entries)
    }

    // MARK: Columns

    /// Adds one column.
    @discardableResult
    public mutating func addColumn(
        lower: Double = 0, upper: Double = .infinity, objective coefficient: Double = 0,
        kind: ColumnKind = .continuous, name: String = ""
    ) -> Column {
        let column = Column(columnCount)
        columnLower.append(kind == .binary ? max(lower, 0) : lower)
        columnUpper.append(kind == .binary ? min(upper, 1) : upper)
        objective.append(coefficient)
        columnKinds.append(kind)
        columnNames.append(name)
        return column
    }

    /// Adds `count` columns in one call (one per time step, say).
    ///
    /// - Parameters:
    ///   - lower, upper, objective: value for the column at each offset of the block.
    ///   - name: name of the column at each offset, or `nil` for unnamed columns.
    /// - Complexity: O(count).
    @discardableResult
    public mutating func addColumns(
        count: Int,
        lower: (Int) -> Double = { _ in 0 },
        upper: (Int) -> Double = { _ in .infinity },
        objective coefficient: (Int) -> Double = { _ in 0 },
        kind: ColumnKind = .continuous,
        name: ((Int) -> String)? = nil,
        family: String? = nil,
        firstStep: Int = 0
    ) -> ColumnBlock {
        precondition(count >= 0, "addColumns needs a non-negative count")
        let block = ColumnBlock(start: columnCount, count: count)
        if let family { stepBlocks.append(StepBlock(family: family, isRow: false, start: block.start, count: count, firstStep: firstStep)) }
        for offset in 0..<count {
            addColumn(lower: lower(offset), upper: upper(offset), objective: coefficient(offset),
                      kind: kind, name: name?(offset) ?? "")
        }
        return block
    }

    /// Replaces the objective coefficient of `column`.
    public mutating func setObjective(_ column: Column, _ coefficient: Double) {
        objective[column.index] = coefficient
    }

    /// Replaces the bounds of `column`.
    public mutating func setBounds(_ column: Column, lower: Double, upper: Double) {
        columnLower[column.index] = lower
        columnUpper[column.index] = upper
    }

    /// Names `column` (the empty string removes the name).
    public mutating func setName(_ column: Column, _ name: String) { columnNames[column.index] = name }

    public func boundKind(of column: Column) -> BoundKind {
        Self.boundKind(lower: columnLower[column.index], upper: columnUpper[column.index])
    }

    // MARK: Rows

    /// Adds one row `lower ≤ a·x ≤ upper`; use `±.infinity` for a one-sided row.
    @discardableResult
    public mutating func addRow(lower: Double, upper: Double, name: String = "") -> Row {
        let row = Row(rowCount)
        rowLower.append(lower)
        rowUpper.append(upper)
        rowNames.append(name)
        return row
    }

    /// Adds one row with a sense and right-hand side.
    @discardableResult
    public mutating func addRow(_ sense: RowSense, _ rhs: Double, name: String = "") -> Row {
        let (lower, upper) = Self.bounds(sense, rhs)
        return addRow(lower: lower, upper: upper, name: name)
    }

    /// Adds `count` rows in one call with per-offset bounds.
    @discardableResult
    public mutating func addRows(
        count: Int,
        lower: (Int) -> Double,
        upper: (Int) -> Double,
        name: ((Int) -> String)? = nil,
        family: String? = nil,
        firstStep: Int = 0
    ) -> RowBlock {
        precondition(count >= 0, "addRows needs a non-negative count")
        let block = RowBlock(start: rowCount, count: count)
        if let family { stepBlocks.append(StepBlock(family: family, isRow: true, start: block.start, count: count, firstStep: firstStep)) }
        for offset in 0..<count {
            addRow(lower: lower(offset), upper: upper(offset), name: name?(offset) ?? "")
        }
        return block
    }

    /// Adds `count` rows of one sense with per-offset right-hand sides.
    @discardableResult
    public mutating func addRows(
        count: Int, _ sense: RowSense, rhs: (Int) -> Double, name: ((Int) -> String)? = nil,
        family: String? = nil, firstStep: Int = 0
    ) -> RowBlock {
        addRows(count: count,
                lower: { Self.bounds(sense, rhs($0)).lower },
                upper: { Self.bounds(sense, rhs($0)).upper },
                name: name, family: family, firstStep: firstStep)
    }

    /// Replaces the bounds of `row`.
    public mutating func setBounds(_ row: Row, lower: Double, upper: Double) {
        rowLower[row.index] = lower
        rowUpper[row.index] = upper
    }

    /// Names `row` (the empty string removes the name).
    public mutating func setName(_ row: Row, _ name: String) { rowNames[row.index] = name }

    public func sense(of row: Row) -> RowSense {
        let lower = rowLower[row.index], upper = rowUpper[row.index]
        switch (lower.isFinite, upper.isFinite) {
        case (false, false): return .free
        case (true, false): return .greaterOrEqual
        case (false, true): return .lessOrEqual
        case (true, true): return lower == upper ? .equal : .ranged
        }
    }

    // MARK: Blocks

    /// Where an appended model's columns and rows start in this one.
    public struct AppendedBlock: Sendable, Equatable {
        public var columnOffset: Int
        public var rowOffset: Int
        public var columnCount: Int
        public var rowCount: Int

        /// This model's column for `column` of the appended model.
        public func column(_ column: Column) -> Column { Column(columnOffset + column.index) }
        /// This model's row for `row` of the appended model.
        public func row(_ row: Row) -> Row { Row(rowOffset + row.index) }
    }

    /// Appends `other` as a block of its own (no shared rows or columns): its costs (and
    /// constant) multiplied by `objectiveScale`, its names prefixed with `namePrefix`.
    /// The deterministic equivalent of a stochastic program is built this way, one block per
    /// scenario weighted by its probability. `other` must have the same objective sense.
    /// - Complexity: O(columns + rows + entries of `other`).
    @discardableResult
    public mutating func append(_ other: LinearProgram, objectiveScale: Double = 1, namePrefix: String = "") -> AppendedBlock {
        precondition(other.objectiveSense == objectiveSense, "append needs models of the same objective sense")
        let block = AppendedBlock(columnOffset: columnCount, rowOffset: rowCount, columnCount: other.columnCount, rowCount: other.rowCount)
        columnLower += other.columnLower
        columnUpper += other.columnUpper
        objective += other.objective.map { $0 * objectiveScale }
        columnKinds += other.columnKinds
        columnNames += namePrefix.isEmpty ? other.columnNames : other.columnNames.map { $0.isEmpty ? $0 : namePrefix + $0 }
        rowLower += other.rowLower
        rowUpper += other.rowUpper
        rowNames += namePrefix.isEmpty ? other.rowNames : other.rowNames.map { $0.isEmpty ? $0 : namePrefix + $0 }
        let rowShift = Int32(block.rowOffset), columnShift = Int32(block.columnOffset)
        entryRows += other.entryRows.map { $0 + rowShift }
        entryColumns += other.entryColumns.map { $0 + columnShift }
        entryValues += other.entryValues
        stepBlocks += other.stepBlocks.map {
            StepBlock(family: namePrefix + $0.family, isRow: $0.isRow, start: $0.start + ($0.isRow ? block.rowOffset : block.columnOffset),
                      count: $0.count, firstStep: $0.firstStep)
        }
        objectiveConstant += other.objectiveConstant * objectiveScale
        return block
    }

    // MARK: Coefficients

    /// Adds `value` at (`row`, `column`). Repeated pairs are summed when loaded.
    public mutating func addCoefficient(_ row: Row, _ column: Column, _ value: Double) {
        entryRows.append(Int32(truncatingIfNeeded: row.index))
        entryColumns.append(Int32(truncatingIfNeeded: column.index))
        entryValues.append(value)
    }

    /// Adds coefficients pairing row `t` of `rows` with column `t + columnOffset` of `columns`
    /// for every `t` where both exist: the common shape of time-coupled families
    /// (`columnOffset: -1` couples each step with the previous one).
    public mutating func addCoefficients(
        rows: RowBlock, columns: ColumnBlock, columnOffset: Int = 0, value: (Int) -> Double
    ) {
        for t in 0..<rows.count {
            let position = t + columnOffset
            guard position >= 0, position < columns.count else { continue }
            addCoefficient(rows[t], columns[position], value(t))
        }
    }

    /// Same as ``addCoefficients(rows:columns:columnOffset:value:)`` with one value throughout.
    public mutating func addCoefficients(rows: RowBlock, columns: ColumnBlock, columnOffset: Int = 0, value: Double) {
        addCoefficients(rows: rows, columns: columns, columnOffset: columnOffset) { _ in value }
    }

    /// Adds `value(t)` at (`rows[t]`, `column`) for every row of the block: one column in every
    /// step's row (an installed capacity that bounds each step's output).
    public mutating func addCoefficients(rows: RowBlock, column: Column, value: (Int) -> Double) {
        for t in 0..<rows.count { addCoefficient(rows[t], column, value(t)) }
    }

    /// Adds `value(t)` at (`row`, `columns[t]`) for every column of the block: a sum over steps.
    public mutating func addCoefficients(row: Row, columns: ColumnBlock, value: (Int) -> Double) {
        for t in 0..<columns.count { addCoefficient(row, columns[t], value(t)) }
    }

    // MARK: Helpers

    /// The (lower, upper) pair that expresses `sense rhs`.
    public static func bounds(_ sense: RowSense, _ rhs: Double) -> (lower: Double, upper: Double) {
        switch sense {
        case .lessOrEqual: return (-.infinity, rhs)
        case .greaterOrEqual: return (rhs, .infinity)
        case .equal: return (rhs, rhs)
        case .free: return (-.infinity, .infinity)
        case .ranged: preconditionFailure("a ranged row has two bounds: use addRow(lower:upper:)")
        }
    }

    static func boundKind(lower: Double, upper: Double) -> BoundKind {
        switch (lower.isFinite, upper.isFinite) {
        case (false, false): return .free
        case (true, false): return .lower
        case (false, true): return .upper
        case (true, true): return lower == upper ? .fixed : .double
        }
    }

    /// A readable label for a column: its name, or `#index` when unnamed.
    public func label(of column: Column) -> String {
        let name = columnNames[column.index]
        return name.isEmpty ? "column #\(column.index + 1)" : "column '\(name)'"
    }

    /// A readable label for a row: its name, or `#index` when unnamed.
    public func label(of row: Row) -> String {
        let name = rowNames[row.index]
        return name.isEmpty ? "row #\(row.index + 1)" : "row '\(name)'"
    }

    /// Value of the objective at `values` (one per column), constant included.
    public func objectiveValue(at values: [Double]) -> Double {
        precondition(values.count == columnCount, "objectiveValue needs one value per column")
        var total = objectiveConstant
        for index in 0..<columnCount { total += objective[index] * values[index] }
        return total
    }

    /// Row activities `A·x` at `values` (one per column), summing repeated pairs.
    public func rowActivities(at values: [Double]) -> [Double] {
        precondition(values.count == columnCount, "rowActivities needs one value per column")
        var activity = [Double](repeating: 0, count: rowCount)
        for k in 0..<entryCount {
            activity[Int(entryRows[k])] += entryValues[k] * values[Int(entryColumns[k])]
        }
        return activity
    }
}
