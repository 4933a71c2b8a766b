import Foundation

/// An allowed range for a number, with the wording used in messages ("must be >= 0 MW, got -5").
struct ValueRange: Sendable {
    let contains: @Sendable (Double) -> Bool
    /// e.g. ">= 0", "in [0, 1]".
    let text: String

    static let any = ValueRange(contains: { _ in true }, text: "any number")
    static func atLeast(_ bound: Double) -> ValueRange {
        ValueRange(contains: { $0 >= bound }, text: ">= \(formatNumber(bound))")
    }
    static func greaterThan(_ bound: Double) -> ValueRange {
        ValueRange(contains: { $0 > bound }, text: "> \(formatNumber(bound))")
    }
    static func between(_ lower: Double, _ upper: Double) -> ValueRange {
        ValueRange(contains: { $0 >= lower && $0 <= upper },
                   text: "in [\(formatNumber(lower)), \(formatNumber(upper))]")
    }
    /// Half-open on the left: (lower, upper].
    static func above(_ lower: Double, atMost upper: Double) -> ValueRange {
        ValueRange(contains: { $0 > lower && $0 <= upper },
                   text: "in (\(formatNumber(lower)), \(formatNumber(upper))]")
    }
    static let nonNegative = atLeast(0)
    static let positive = greaterThan(0)
    /// A share or fraction: [0, 1].
    static let fraction = between(0, 1)
    /// A conversion efficiency: (0, 1].
    static let efficiency = above(0, atMost: 1)

    /// A size: non-negative, with a sanity upper limit that catches unit mistakes (kW for MW).
    static func size(atMost upper: Double) -> ValueRange {
        ValueRange(contains: { $0 >= 0 && $0 <= upper }, text: "in [0, \(formatNumber(upper))]", upper: upper)
    }

    /// When set, a violation names only the side broken: ">= 0" below, "<= upper" above.
    var upper: Double?

    init(contains: @escaping @Sendable (Double) -> Bool, text: String, upper: Double? = nil) {
        self.contains = contains
        self.text = text
        self.upper = upper
    }

    /// "must be >= 0 MW, got -5"
    func violation(_ value: Double, unit: String) -> String {
        let unitText = unit.isEmpty ? "" : " \(unit)"
        if let upper {
            if value < 0 { return "must be >= 0\(unitText), got \(formatNumber(value))" }
            return "must be <= \(formatNumber(upper))\(unitText) (a sanity limit: check the unit), got \(formatNumber(value))"
        }
        return "must be \(text)\(unitText), got \(formatNumber(value))"
    }
}

/// Prints a number without a trailing `.0` and without exponent noise for ordinary values.
func formatNumber(_ value: Double) -> String {
    if value.isNaN { return "NaN" }
    if value.isInfinite { return value > 0 ? "inf" : "-inf" }
    if value == value.rounded(), abs(value) < 1e15 { return String(Int64(value)) }
    var text = String(format: "%.6g", value)
    if text.contains("e") { text = "\(value)" }
    return text
}

/// Levenshtein distance on Unicode scalars, for "did you mean" hints.
func editDistance(_ first: String, _ second: String) -> Int {
    let lhs = Array(first.unicodeScalars), rhs = Array(second.unicodeScalars)
    if lhs.isEmpty { return rhs.count }
    if rhs.isEmpty { return lhs.count }
    var previous = Array(0...rhs.count)
    var current = [Int](repeating: 0, count: rhs.count + 1)
    for leftIndex in 1...lhs.count {
        current[0] = leftIndex
        for rightIndex in 1...rhs.count {
            let cost = lhs[leftIndex - 1] == rhs[rightIndex - 1] ? 0 : 1
            current[rightIndex] = min(previous[rightIndex] + 1, current[rightIndex - 1] + 1,
                                      previous[rightIndex - 1] + cost)
        }
        swap(&previous, &current)
    }
    return previous[rhs.count]
}

/// The closest candidate to `word`, if close enough to be a plausible typo or wrong unit suffix.
///
/// Keys that share everything up to the unit suffix (`capacity_kw` vs `capacity_mw`) always match.
func closestMatch(to word: String, in candidates: [String]) -> String? {
    let lowered = word.lowercased()
    var best: (candidate: String, distance: Int)?
    for candidate in candidates {
        let distance = editDistance(lowered, candidate.lowercased())
        if best == nil || distance < best!.distance { best = (candidate, distance) }
    }
    if let best, best.distance <= max(2, word.count / 3) { return best.candidate }
    // Same stem, different unit: compare everything before the first unit-like token.
    let stem = unitStem(of: lowered)
    if stem.count >= 3, let match = candidates.first(where: { unitStem(of: $0.lowercased()) == stem }) {
        return match
    }
    return nil
}

private let unitTokens: Set<String> = [
    "w", "kw", "mw", "gw", "wh", "kwh", "mwh", "gwh", "usd", "eur", "gbp", "g", "kg", "t", "c", "k", "f",
    "percent", "fraction", "share", "hours", "h", "minutes", "min", "s", "seconds", "v", "kv", "pa", "kpa",
    "mbar", "per", "utc",
]

private func unitStem(of key: String) -> String {
    let tokens = key.split(separator: "_")
    guard let firstUnit = tokens.firstIndex(where: { unitTokens.contains(String($0)) }), firstUnit > 0 else {
        return key
    }
    return tokens[..<firstUnit].joined(separator: "_")
}
