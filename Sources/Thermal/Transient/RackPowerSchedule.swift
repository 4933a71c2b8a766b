/// Per-rack power over time: a piecewise-constant level per rack and interval (from the
/// schedule), optionally modulated by a synchronous-training oscillation.
public struct RackPowerSchedule: Sendable {
    public let rackCount: Int
    public let intervalCount: Int
    /// Length of one schedule interval; a whole multiple of the simulation step when there is
    /// more than one interval. The last interval's level holds after the schedule ends.
    public let intervalSeconds: Double
    /// `[interval][rack]` levels (the high level for oscillating racks).
    public let levelsW: [Double]
    /// Distinct oscillations; index 0 is "none".
    let oscillationTable: [TrainingOscillation?]
    /// Per rack, an index into `oscillationTable`.
    let oscillationIndex: [Int32]

    /// - Parameters:
    ///   - levelsW: `intervalCount x rackCount` values, interval-major (one row per interval), >= 0.
    ///   - oscillations: one per rack (nil: steady at the level), or empty for none at all.
    /// - Throws: `ThermalError` on a length mismatch or a negative or non-finite level.
    public init(rackCount: Int, intervalSeconds: Double, levelsW: [Double], oscillations: [TrainingOscillation?] = []) throws {
        guard rackCount >= 1 else {
            throw ThermalError.invalidCount(name: "rackCount", value: rackCount, requirement: "must be >= 1")
        }
        try requirePositive(intervalSeconds, "intervalSeconds")
        guard !levelsW.isEmpty, levelsW.count % rackCount == 0 else {
            throw ThermalError.lengthMismatch(name: "levelsW", expected: rackCount * Swift.max(1, levelsW.count / rackCount), actual: levelsW.count)
        }
        try requireAllNonNegative(levelsW, "levelsW")
        guard oscillations.isEmpty || oscillations.count == rackCount else {
            throw ThermalError.lengthMismatch(name: "oscillations", expected: rackCount, actual: oscillations.count)
        }
        var table: [TrainingOscillation?] = [nil]
        var lookup: [TrainingOscillation: Int32] = [:]
        var index = [Int32](repeating: 0, count: rackCount)
        for (rack, oscillation) in oscillations.enumerated() {
            guard let oscillation else { continue }
            if let known = lookup[oscillation] {
                index[rack] = known
            } else {
                let next = Int32(table.count)
                table.append(oscillation)
                lookup[oscillation] = next
                index[rack] = next
            }
        }
        self.rackCount = rackCount
        self.intervalCount = levelsW.count / rackCount
        self.intervalSeconds = intervalSeconds
        self.levelsW = levelsW
        self.oscillationTable = table
        self.oscillationIndex = index
    }

    /// A constant level per rack.
    public static func constant(powerW: [Double], oscillations: [TrainingOscillation?] = []) throws -> RackPowerSchedule {
        try RackPowerSchedule(rackCount: powerW.count, intervalSeconds: .greatestFiniteMagnitude, levelsW: powerW, oscillations: oscillations)
    }
}
