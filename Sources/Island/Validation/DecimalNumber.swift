import Foundation

/// Numbers as site and data files may write them: plain decimal only.
///
/// `Double(String)` also reads hexadecimal floats (`0x1p3` is 8), `inf`, `nan` and
/// `infinity`, and stops at a NUL byte (`1\0` is 1), so a cell could mean something other
/// than what it shows. This grammar is `[+-]? (digits [. digits?] | . digits) ([eE] [+-]? digits)?`.
public enum DecimalNumber {
    /// Magnitudes above this are refused in a site and its series: every product the LP
    /// compiler forms from a site's numbers then stays within what the solver accepts
    /// (`LinearProgram.maximumMagnitude`, 1e30).
    public static let maximumMagnitude = 1e12
    /// Non-zero magnitudes below this are read as 0: far below any solver tolerance, and a
    /// coefficient under 1e-30 would make the LP invalid (`LinearProgram.minimumCoefficientMagnitude`).
    public static let negligibleMagnitude = 1e-12

    /// The value of a plain decimal number (overflow gives an infinity), or nil for anything else.
    public static func parse(_ text: some StringProtocol) -> Double? {
        let bytes = Array(text.utf8)
        var index = 0
        func isDigit(_ at: Int) -> Bool { at < bytes.count && bytes[at] >= 0x30 && bytes[at] <= 0x39 }
        if index < bytes.count, bytes[index] == 0x2B || bytes[index] == 0x2D { index += 1 }
        var mantissaDigits = 0
        while isDigit(index) { index += 1; mantissaDigits += 1 }
        if index < bytes.count, bytes[index] == 0x2E {
            index += 1
            while isDigit(index) { index += 1; mantissaDigits += 1 }
        }
        guard mantissaDigits > 0 else { return nil }
        if index < bytes.count, bytes[index] == 0x65 || bytes[index] == 0x45 {
            index += 1
            if index < bytes.count, bytes[index] == 0x2B || bytes[index] == 0x2D { index += 1 }
            guard isDigit(index) else { return nil }
            while isDigit(index) { index += 1 }
        }
        guard index == bytes.count else { return nil }
        return Double(String(decoding: bytes, as: UTF8.self))
    }

    /// Why a cell that is not plain decimal was refused: "not a finite number" for what
    /// `Double` reads as infinite or NaN, "not a decimal number" for hexadecimal and the like.
    static func refusal(_ text: some StringProtocol) -> String {
        if let loose = Double(String(text)), !loose.isFinite {
            return "not a finite number (\(Echo.quoted(text)))"
        }
        if Double(String(text)) != nil {
            return "not a plain decimal number (\(Echo.quoted(text))); write it in decimal digits, e.g. 8 or 1.5e3"
        }
        return "not a number (\(Echo.quoted(text)))"
    }

    /// A site number after the magnitude rules: negligible magnitudes read as 0.
    static func flushed(_ value: Double) -> Double { abs(value) < negligibleMagnitude ? 0 : value }

    /// The magnitude rule broken by a finite `value`, or nil.
    static func magnitudeProblem(_ value: Double, unit: String = "") -> String? {
        guard abs(value) > maximumMagnitude else { return nil }
        return "must be at most 1e12 in magnitude\(unit.isEmpty ? "" : " (\(unit))"), got \(formatNumber(value)): larger numbers would make the optimisation model unsolvable"
    }
}
