/// A problem in a ``LinearProgram`` that no solver may see: GLPK aborts the process on most
/// of these, so they are caught in Swift before any C call.
public struct ModelError: Error, CustomStringConvertible, Sendable, Equatable {
    /// What is wrong, in words that name the row or column.
    public let problems: [String]

    public init(problems: [String]) { self.problems = problems }

    public var description: String {
        if problems.count == 1 { return "invalid model: \(problems[0])" }
        let shown = problems.prefix(20).map { "  - \($0)" }.joined(separator: "\n")
        let more = problems.count > 20 ? "\n  ... and \(problems.count - 20) more" : ""
        return "invalid model (\(problems.count) problems):\n\(shown)\(more)"
    }
}

/// What ``LinearProgram/validate(names:)`` demands of row and column names.
public enum NameRequirement: Sendable {
    /// Names that are given must be acceptable to GLPK; duplicates are allowed (solving).
    case validIfPresent
    /// Given names must also be unique (exports, where names identify rows and columns).
    case uniqueIfPresent
    /// Every row and column needs a unique name.
    case uniqueAndComplete
}

extension LinearProgram {
    /// Largest model the GLPK backend accepts: its indices are 32-bit.
    public static let maximumDimension = Int(Int32.max) - 1
    /// Largest magnitude of a finite number the GLPK backend accepts (coefficients, bounds,
    /// objective). GLPK's scaling multiplies and takes roots of coefficient pairs: at 1e300
    /// a scale factor under- or overflows and `glp_scale_prob` aborts the process (found by
    /// fuzzing). Use infinity for an absent bound.
    public static let maximumMagnitude = 1e30
    /// Smallest magnitude of a non-zero constraint coefficient the backend accepts, for the
    /// same reason (a zero is dropped; write 0 rather than 1e-300).
    public static let minimumCoefficientMagnitude = 1e-30

    /// Checks that the model can be handed to a solver, reporting every problem found.
    ///
    /// Checks: finite objective and coefficients within ``maximumMagnitude`` (non-zero
    /// coefficients at least ``minimumCoefficientMagnitude``), bounds that are not NaN with
    /// `lower ≤ upper`, no `+∞` lower or `-∞` upper bound, entry indices in range, names
    /// that GLPK accepts (at most 255 bytes, no control characters or spaces), binary
    /// bounds within [0, 1], and the `names` requirement.
    /// - Complexity: O(rows + columns + entries).
    public func validate(names: NameRequirement = .validIfPresent) throws(ModelError) {
        var problems: [String] = []
        func report(_ message: String) { if problems.count < 1000 { problems.append(message) } }

        if !objectiveConstant.isFinite || abs(objectiveConstant) > Self.maximumMagnitude {
            report("objective constant is \(objectiveConstant)\(Self.magnitudeHint(objectiveConstant))")
        }
        if columnCount > Self.maximumDimension { report("\(columnCount) columns exceed the solver's limit") }
        if rowCount > Self.maximumDimension { report("\(rowCount) rows exceed the solver's limit") }
        if entryCount > Self.maximumDimension { report("\(entryCount) coefficients exceed the solver's limit") }

        for index in 0..<columnCount {
            let column = Column(index)
            let lower = columnLower[index], upper = columnUpper[index]
            if !objective[index].isFinite || abs(objective[index]) > Self.maximumMagnitude {
                report("\(label(of: column)): objective coefficient is \(objective[index])\(Self.magnitudeHint(objective[index]))")
            }
            if let reason = Self.boundProblem(lower: lower, upper: upper) {
                report("\(label(of: column)): \(reason)")
            }
            if columnKinds[index] == .binary, lower < 0 || upper > 1 {
                report("\(label(of: column)): binary column with bounds [\(lower), \(upper)] outside [0, 1]")
            }
        }
        for index in 0..<rowCount {
            if let reason = Self.boundProblem(lower: rowLower[index], upper: rowUpper[index]) {
                report("\(label(of: Row(index))): \(reason)")
            }
        }
        for k in 0..<entryCount {
            let row = Int(entryRows[k]), column = Int(entryColumns[k])
            guard row >= 0, row < rowCount else {
                report("coefficient #\(k + 1): row index \(row) is outside 0..<\(rowCount)")
                continue
            }
            guard column >= 0, column < columnCount else {
                report("coefficient #\(k + 1): column index \(column) is outside 0..<\(columnCount)")
                continue
            }
            let value = entryValues[k]
            if !value.isFinite || abs(value) > Self.maximumMagnitude || (value != 0 && abs(value) < Self.minimumCoefficientMagnitude) {
                report("coefficient at \(label(of: Row(row))), \(label(of: Column(column))) is \(value)\(Self.magnitudeHint(value))")
            }
        }
        Self.checkNames(columnNames, kind: "column", requirement: names, report: report)
        Self.checkNames(rowNames, kind: "row", requirement: names, report: report)
        if !problems.isEmpty { throw ModelError(problems: problems) }
    }

    static func boundProblem(lower: Double, upper: Double) -> String? {
        if lower.isNaN || upper.isNaN { return "bound is NaN (lower \(lower), upper \(upper))" }
        if lower == .infinity { return "lower bound is +infinity" }
        if upper == -.infinity { return "upper bound is -infinity" }
        for bound in [lower, upper] where bound.isFinite && abs(bound) > maximumMagnitude {
            return "bound \(bound)\(magnitudeHint(bound))"
        }
        if lower > upper { return "lower bound \(lower) exceeds upper bound \(upper)" }
        return nil
    }

    /// Why a finite number is refused, or "" for NaN and infinity (whose message says enough).
    static func magnitudeHint(_ value: Double) -> String {
        guard value.isFinite, value != 0 else { return "" }
        if abs(value) > maximumMagnitude { return " (magnitude above 1e30, beyond what the solver can scale; use infinity for no bound)" }
        if abs(value) < minimumCoefficientMagnitude { return " (non-zero magnitude below 1e-30, beyond what the solver can scale; write 0)" }
        return ""
    }

    /// True when `name` has a space or a control character (Unicode category Cc: C0, DEL, C1).
    /// Scans UTF-8 bytes: Cc is exactly U+0000-U+001F, U+007F and U+0080-U+009F (0xC2 0x80-0x9F),
    /// and this runs once per row and column of every model, so it must not decode scalars.
    static func containsSpaceOrControl(_ name: String) -> Bool {
        var previous: UInt8 = 0
        for byte in name.utf8 {
            if byte <= 0x20 || byte == 0x7F || (previous == 0xC2 && (0x80...0x9F).contains(byte)) { return true }
            previous = byte
        }
        return false
    }

    private static func checkNames(
        _ names: [String], kind: String, requirement: NameRequirement, report: (String) -> Void
    ) {
        let unique = requirement != .validIfPresent
        var seen: [String: Int] = [:]
        if unique { seen.reserveCapacity(names.count) }
        for (index, name) in names.enumerated() {
            if name.isEmpty {
                if requirement == .uniqueAndComplete {
                    report("\(kind) #\(index + 1) has no name (names are required here)")
                }
                continue
            }
            if name.utf8.count > 255 {
                report("\(kind) #\(index + 1): name '\(name.prefix(40))...' is longer than 255 bytes")
            } else if containsSpaceOrControl(name) {
                report("\(kind) #\(index + 1): name '\(name)' contains a space or control character")
            }
            if unique {
                if let first = seen[name] {
                    report("\(kind) name '\(name)' is used by \(kind)s #\(first + 1) and #\(index + 1)")
                } else {
                    seen[name] = index
                }
            }
        }
    }
}
