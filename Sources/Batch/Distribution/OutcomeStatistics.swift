/// Summary statistics of one KPI over the scenarios of a group (`distribution.csv`).
///
/// `standardDeviation` is the sample standard deviation (divisor n - 1; nil for fewer than two
/// values); quantiles interpolate linearly between order statistics (Hyndman and Fan's type 7,
/// numpy's and pandas' default; ``quantile(_:_:)``).
public struct OutcomeStatistics: Sendable, Equatable {
    public var count: Int
    public var mean: Double
    public var standardDeviation: Double?
    public var minimum: Double
    public var p50: Double
    public var p90: Double
    public var p99: Double
    public var maximum: Double

    /// The statistics of `values` (in a fixed order, so the sums are the same on every run); nil when empty.
    public init?(_ values: [Double]) {
        guard !values.isEmpty else { return nil }
        let sorted = values.sorted()
        count = values.count
        var sum = 0.0
        for value in values { sum += value }
        mean = sum / Double(count)
        if count > 1 {
            var squares = 0.0
            for value in values { squares += (value - mean) * (value - mean) }
            standardDeviation = (squares / Double(count - 1)).squareRoot()
        } else {
            standardDeviation = nil
        }
        minimum = sorted[0]
        maximum = sorted[count - 1]
        p50 = Self.quantile(sorted, 0.5)
        p90 = Self.quantile(sorted, 0.9)
        p99 = Self.quantile(sorted, 0.99)
    }

    /// The `probability` quantile of ascending `sorted` values: with h = (n - 1) p,
    /// x[floor h] + (h - floor h) (x[floor h + 1] - x[floor h]) (0-based; type 7 of R. J. Hyndman
    /// and Y. Fan, "Sample quantiles in statistical packages", The American Statistician 50(4),
    /// 1996, 361-365).
    /// - Precondition: `sorted` is non-empty and ascending; `probability` in [0, 1].
    public static func quantile(_ sorted: [Double], _ probability: Double) -> Double {
        precondition(!sorted.isEmpty && (0...1).contains(probability), "quantile of an empty list or outside [0, 1]")
        let position = Double(sorted.count - 1) * probability
        let lower = Int(position.rounded(.down))
        guard lower + 1 < sorted.count else { return sorted[lower] }
        let fraction = position - Double(lower)
        return fraction == 0 ? sorted[lower] : sorted[lower] + fraction * (sorted[lower + 1] - sorted[lower])
    }
}
