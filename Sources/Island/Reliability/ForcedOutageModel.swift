import Foundation

/// SMR forced outages drawn by Monte Carlo (`smr.forced_outages`; docs/risk.md).
///
/// Each unit alternates between up and forced-out states: the two-state Markov (alternating
/// renewal) model of a repairable component (R. Billinton and R. N. Allan, *Reliability
/// Evaluation of Power Systems*, 2nd ed., Plenum 1996, ch. 2 and 11). Up times are exponential
/// with mean MTTF = MTTR (1 - FOR) / FOR, repair times exponential with mean MTTR, so the
/// long-run share of time out is MTTR / (MTTF + MTTR) = FOR. A unit starts in the stationary
/// distribution (out with probability FOR), so the process is stationary at every instant and
/// the expected unavailable share of any period is FOR. Units are independent.
///
/// A draw is a function of (seed, draw, unit) and absolute time alone: the process of every unit
/// starts at 00:00 UTC on 1 January of the horizon's first year (``anchorEpochSeconds(for:)``),
/// so a `--window` of a draw, or a shorter horizon in the same year, sees the same outages.
public struct ForcedOutageModel: Sendable, Equatable {
    /// Forced-outage rate FOR: the long-run share of time a unit is out for forced causes, [0, 1).
    public var rate: Double
    /// Mean time to repair MTTR, hours (> 0).
    public var meanTimeToRepairHours: Double
    /// Seed of the draws (`seed`, default 1).
    public var seed: UInt64
    /// The draw applied (>= 1); nil: the model is described but no outages are applied.
    public var draw: Int?

    public init(rate: Double, meanTimeToRepairHours: Double, seed: UInt64 = ForcedOutageModel.defaultSeed, draw: Int? = nil) {
        precondition(rate >= 0 && rate < 1 && meanTimeToRepairHours > 0, "forced-outage rate must be in [0, 1) and MTTR > 0")
        self.rate = rate
        self.meanTimeToRepairHours = meanTimeToRepairHours
        self.seed = seed
        self.draw = draw
    }

    public static let defaultSeed: UInt64 = 1

    /// Mean time to failure MTTF = MTTR (1 - FOR) / FOR, hours; infinite at FOR = 0.
    public var meanTimeToFailureHours: Double {
        rate > 0 ? meanTimeToRepairHours * (1 - rate) / rate : .infinity
    }

    /// Where every unit's process starts: 00:00 UTC on 1 January of the year `horizon` starts in.
    public static func anchorEpochSeconds(for horizon: Horizon) -> Int64 {
        let start = CivilTime(epochSeconds: horizon.startEpochSeconds)
        return CivilTime(year: start.year, month: 1, day: 1).epochSeconds
    }

    /// Expected forced outages of one unit from `anchor` to `end`: the span over the mean cycle
    /// MTTF + MTTR = MTTR / FOR.
    public func expectedOutages(fromEpochSeconds anchor: Int64, toEpochSeconds end: Int64) -> Double {
        Double(end - anchor) / 3600 * rate / meanTimeToRepairHours
    }

    /// The seed of the stream of (`draw`, `unit`):
    /// `mix(mix(mix(seed) XOR draw) XOR unit)`, with `mix` SplitMix64's first output
    /// (``SplitMix64/mix(_:)``).
    public static func streamSeed(seed: UInt64, draw: Int, unit: Int) -> UInt64 {
        SplitMix64.mix(SplitMix64.mix(SplitMix64.mix(seed) ^ UInt64(draw)) ^ UInt64(unit))
    }

    /// The forced outages of `unit` in `draw` that overlap [`startEpochSeconds`, `endEpochSeconds`),
    /// as [start, end) in epoch seconds, in time order, unclipped.
    ///
    /// From the unit's stream (``streamSeed(seed:draw:unit:)``), at the anchor: one uniform
    /// `u0`, the unit out when `u0 < FOR`; then alternately a repair time (when out) or an up
    /// time (when up), each `-mean x ln(1 - u)` for a fresh uniform `u` in [0, 1) (53 bits,
    /// ``SplitMix64/nextUnit()``), until the end. Boundaries are rounded to the nearest
    /// minute (an outage shorter than 30 s may vanish); repair times are memoryless, so starting
    /// out at the anchor with a fresh repair time is the stationary start.
    /// - Complexity: O(span / (MTTF + MTTR)) per unit.
    public func outages(draw: Int, unit: Int, anchorEpochSeconds anchor: Int64, startEpochSeconds: Int64,
                        endEpochSeconds: Int64) -> [(start: Int64, end: Int64)] {
        guard rate > 0, endEpochSeconds > startEpochSeconds else { return [] }
        var stream = SplitMix64(seed: Self.streamSeed(seed: seed, draw: draw, unit: unit))
        let repairSeconds = meanTimeToRepairHours * 3600
        let upSeconds = meanTimeToFailureHours * 3600
        let spanSeconds = Double(endEpochSeconds - anchor)
        func minute(_ seconds: Double) -> Int64 { anchor + Int64((seconds / 60).rounded()) * 60 }
        var out = stream.nextUnit() < rate
        var clock = 0.0
        var found: [(start: Int64, end: Int64)] = []
        while clock < spanSeconds {
            let length = -(out ? repairSeconds : upSeconds) * log(1 - stream.nextUnit())
            if out {
                let start = minute(clock), end = minute(clock + length)
                if end > start, end > startEpochSeconds, start < endEpochSeconds {
                    // An up time shorter than 30 s rounds to nothing: the two repairs are one outage.
                    if let last = found.last, last.end == start { found[found.count - 1].end = end } else { found.append((start, end)) }
                }
            }
            clock += length
            out.toggle()
        }
        return found
    }
}
