import Foundation

/// Throughput against power per rack (power capping, DVFS): a concave piecewise-linear curve
/// through the origin (a rack switched off) and the full-power point (1, 1).
///
/// Work is measured in full-power-equivalent MWh: one MWh drawn at full power does one unit,
/// one MWh drawn at operating point k does `throughputFraction / powerFraction` units (>= 1 on a
/// concave curve through the origin: a capped rack does more work per joule and less per hour).
/// See docs/formulation.md, "Power-performance curves".
public struct PerformanceCurve: Sendable, Equatable {
    /// One operating point of a rack.
    public struct Point: Sendable, Equatable {
        /// Power drawn as a fraction of the rack's full power, in (0, 1].
        public var powerFraction: Double
        /// Throughput as a fraction of the throughput at full power, in (0, 1].
        public var throughputFraction: Double
        /// Full-power-equivalent MWh of work per MWh drawn at this point (>= 1).
        public var workPerMWh: Double { throughputFraction / powerFraction }

        public init(powerFraction: Double, throughputFraction: Double) {
            self.powerFraction = powerFraction
            self.throughputFraction = throughputFraction
        }
    }

    public var name: String
    /// Operating points in increasing power; the last is (1, 1).
    public var points: [Point]
    /// Tokens per second one rack serves at full power; nil: the curve is relative only.
    public var tokensPerSecondPerRackAtFullPower: Double?

    public init(name: String, points: [Point], tokensPerSecondPerRackAtFullPower: Double? = nil) {
        self.name = name
        self.points = points
        self.tokensPerSecondPerRackAtFullPower = tokensPerSecondPerRackAtFullPower
    }

    /// The points below full power, which the LP adds as columns beside the full-power one.
    public var cappedPoints: [Point] { points.filter { $0.powerFraction < 1 } }

    /// Throughput fraction at `powerFraction` by linear interpolation (0 at the origin).
    public func throughputFraction(atPowerFraction powerFraction: Double) -> Double {
        var previous = Point(powerFraction: 0, throughputFraction: 0)
        for point in points {
            if powerFraction <= point.powerFraction {
                let span = point.powerFraction - previous.powerFraction
                return previous.throughputFraction + (point.throughputFraction - previous.throughputFraction) * (powerFraction - previous.powerFraction) / span
            }
            previous = point
        }
        return 1
    }

    /// The curve restricted to power fractions of at least `minimumPowerFraction` (a latency
    /// target's deepest cap): points below it are replaced by the interpolated point at it.
    public func limited(toMinimumPowerFraction minimumPowerFraction: Double) -> PerformanceCurve {
        guard let first = points.first, minimumPowerFraction > first.powerFraction else { return self }
        var kept = points.filter { $0.powerFraction > minimumPowerFraction }
        kept.insert(Point(powerFraction: minimumPowerFraction,
                          throughputFraction: throughputFraction(atPowerFraction: minimumPowerFraction)), at: 0)
        return PerformanceCurve(name: name, points: kept, tokensPerSecondPerRackAtFullPower: tokensPerSecondPerRackAtFullPower)
    }

    /// Tokens per MWh drawn at full power for racks of `powerPerRackKW`; nil without a token rate.
    public func tokensPerMWhAtFullPower(powerPerRackKW: Double) -> Double? {
        // tokens/s x 3600 s/h per (kW / 1000) MW.
        tokensPerSecondPerRackAtFullPower.map { $0 * 3600 * 1000 / powerPerRackKW }
    }

    /// Why the points do not make a valid curve, with the index of the offending point; nil when valid.
    ///
    /// Valid: at least one point; fractions in (0, 1]; power and throughput strictly increasing;
    /// the last point (1, 1); slopes from the origin onwards non-increasing (concave), to 1e-9.
    public static func problem(in points: [Point]) -> (index: Int, message: String)? {
        guard !points.isEmpty else { return (0, "needs at least the full-power point [1, 1]") }
        for (index, point) in points.enumerated() {
            guard point.powerFraction > 0, point.powerFraction <= 1 else {
                return (index, "power fraction must be in (0, 1], got \(formatNumber(point.powerFraction))")
            }
            guard point.throughputFraction > 0, point.throughputFraction <= 1 else {
                return (index, "throughput fraction must be in (0, 1], got \(formatNumber(point.throughputFraction))")
            }
            if index > 0 {
                let previous = points[index - 1]
                guard point.powerFraction > previous.powerFraction else {
                    return (index, "power fractions must increase, got \(formatNumber(point.powerFraction)) after \(formatNumber(previous.powerFraction))")
                }
                guard point.throughputFraction > previous.throughputFraction else {
                    return (index, "throughput must increase with power, got \(formatNumber(point.throughputFraction)) after \(formatNumber(previous.throughputFraction))")
                }
            }
        }
        let last = points[points.count - 1]
        guard last.powerFraction == 1, last.throughputFraction == 1 else {
            return (points.count - 1, "the last point must be the full-power point [1, 1], got [\(formatNumber(last.powerFraction)), \(formatNumber(last.throughputFraction))]")
        }
        var previous = Point(powerFraction: 0, throughputFraction: 0)
        var previousSlope = Double.infinity
        for (index, point) in points.enumerated() {
            let slope = (point.throughputFraction - previous.throughputFraction) / (point.powerFraction - previous.powerFraction)
            if slope > previousSlope * (1 + 1e-9) {
                return (index, "the curve is not concave: the slope rises from \(formatNumber(previousSlope)) to \(formatNumber(slope)) at this point (slopes from the origin [0, 0] must not increase; the LP would not be exact)")
            }
            previousSlope = slope
            previous = point
        }
        return nil
    }
}

/// How a workload runs against a performance curve.
public struct WorkloadPerformance: Sendable, Equatable {
    /// The curve, already limited to the workload's `min_power_fraction`.
    public var curve: PerformanceCurve
    /// The deepest cap allowed, as a power fraction (the curve's first point after limiting).
    public var minimumPowerFraction: Double { curve.points.first?.powerFraction ?? 1 }

    public init(curve: PerformanceCurve) { self.curve = curve }
}
