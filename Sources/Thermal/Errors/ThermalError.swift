/// A user's bad input to the thermal model: thrown, never trapped, and always naming the
/// offending parameter (style.md point 8).
public enum ThermalError: Error, Equatable, Sendable, CustomStringConvertible {
    /// A parameter is out of its physical range (negative resistance, zero flow, NaN, ...).
    case invalidParameter(name: String, value: Double, requirement: String)
    /// A count or index is out of range (tray count, rack count, ...).
    case invalidCount(name: String, value: Int, requirement: String)
    /// Two inputs that must agree in length do not.
    case lengthMismatch(name: String, expected: Int, actual: Int)

    public var description: String {
        switch self {
        case let .invalidParameter(name, value, requirement):
            return "thermal: \(name) = \(value) is invalid: \(requirement)"
        case let .invalidCount(name, value, requirement):
            return "thermal: \(name) = \(value) is invalid: \(requirement)"
        case let .lengthMismatch(name, expected, actual):
            return "thermal: \(name) has \(actual) values, expected \(expected)"
        }
    }
}

// MARK: - Validation helpers

@usableFromInline
func requirePositive(_ value: Double, _ name: String) throws {
    guard value.isFinite, value > 0 else {
        throw ThermalError.invalidParameter(name: name, value: value, requirement: "must be finite and > 0")
    }
}

@usableFromInline
func requireNonNegative(_ value: Double, _ name: String) throws {
    guard value.isFinite, value >= 0 else {
        throw ThermalError.invalidParameter(name: name, value: value, requirement: "must be finite and >= 0")
    }
}

@usableFromInline
func requireFinite(_ value: Double, _ name: String) throws {
    guard value.isFinite else {
        throw ThermalError.invalidParameter(name: name, value: value, requirement: "must be finite")
    }
}

/// Checks every value of a series; reports the first bad index (`name[i]`).
func requireAllFinite<C: Collection>(_ values: C, _ name: String) throws where C.Element == Double, C.Index == Int {
    for index in values.indices where !values[index].isFinite {
        throw ThermalError.invalidParameter(name: "\(name)[\(index)]", value: values[index], requirement: "must be finite")
    }
}

func requireAllNonNegative<C: Collection>(_ values: C, _ name: String) throws where C.Element == Double, C.Index == Int {
    for index in values.indices where !(values[index].isFinite && values[index] >= 0) {
        throw ThermalError.invalidParameter(name: "\(name)[\(index)]", value: values[index], requirement: "must be finite and >= 0")
    }
}
