/// Per-step series reduced to calendar days (UTC), so a year draws as 365 points, not 8,760.
struct TimeBins {
    /// Start of each day that has at least one step, UTC epoch seconds.
    let startEpochSeconds: [Int64]
    /// For each day, the step indices it holds.
    let stepRanges: [Range<Int>]

    init(epochSeconds: [Int64], binSeconds: Int64 = 86_400) {
        var starts: [Int64] = []
        var ranges: [Range<Int>] = []
        var first = 0
        for index in epochSeconds.indices {
            let bin = Self.floor(epochSeconds[index], binSeconds)
            if index + 1 == epochSeconds.count || Self.floor(epochSeconds[index + 1], binSeconds) != bin {
                starts.append(bin)
                ranges.append(first..<(index + 1))
                first = index + 1
            }
        }
        startEpochSeconds = starts
        stepRanges = ranges
    }

    /// Mean of each bin, ignoring NaN (NaN when a bin has no value).
    func mean(_ values: [Double]) -> [Double] { reduce(values) { $0.reduce(0, +) / Double($0.count) } }
    func minimum(_ values: [Double]) -> [Double] { reduce(values) { $0.min()! } }
    func maximum(_ values: [Double]) -> [Double] { reduce(values) { $0.max()! } }

    private func reduce(_ values: [Double], _ combine: ([Double]) -> Double) -> [Double] {
        stepRanges.map { range in
            let present = values[range].filter { !$0.isNaN }
            return present.isEmpty ? .nan : combine(present)
        }
    }

    private static func floor(_ value: Int64, _ divisor: Int64) -> Int64 {
        let quotient = value / divisor
        return (value % divisor != 0 && value < 0 ? quotient - 1 : quotient) * divisor
    }
}
