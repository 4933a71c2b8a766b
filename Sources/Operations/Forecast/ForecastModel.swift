import Foundation

/// A forecast series: which inputs of a site a forecast replaces (`docs/operations.md`).
public enum ForecastSeries: String, CaseIterable, Sendable, Codable {
    /// Every grid feed's import price; its export price moves by the same amount.
    case price
    /// Every grid feed's carbon intensity.
    case carbon
    /// Capacity factor of every solar plant.
    case solar
    /// Capacity factor of every wind plant.
    case wind
    /// Inference demand.
    case inference
}

/// How a forecast is made from the realised series.
public enum ErrorModel: Sendable, Equatable, CustomStringConvertible {
    /// The realised value (perfect foresight).
    case perfect
    /// The latest observed value at the same time of day (issue time minus whole days).
    case persistence
    /// The realised value plus an AR(1) error in lead time with this standard deviation (in
    /// the series' own unit) and the run's lag-one autocorrelation.
    case dayAhead(standardDeviation: Double)

    /// Parses `perfect`, `persistence` or `day_ahead:SIGMA`.
    public init?(parsing text: String) {
        switch text {
        case "perfect": self = .perfect
        case "persistence": self = .persistence
        default:
            let parts = text.split(separator: ":", maxSplits: 1)
            guard parts.count == 2, parts[0] == "day_ahead", let sigma = Double(parts[1]) else { return nil }
            self = .dayAhead(standardDeviation: sigma)
        }
    }

    public var description: String {
        switch self {
        case .perfect: return "perfect"
        case .persistence: return "persistence"
        case .dayAhead(let sigma): return "day_ahead:\(sigma)"
        }
    }
}

/// SplitMix64 (Steele, Lea and Flood 2014): a tiny generator whose stream is the same on
/// every machine, so a seeded forecast is reproducible.
struct SplitMix64 {
    var state: UInt64

    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    /// Uniform in (0, 1): 53 random bits, never 0.
    mutating func uniform() -> Double { (Double(next() >> 11) + 0.5) / 9_007_199_254_740_992 }

    /// Standard normal by Box-Muller (one of the pair; the generator stays simple to reproduce).
    mutating func normal() -> Double { (-2 * log(uniform())).squareRoot() * cos(2 * Double.pi * uniform()) }

    /// A stream for one series of one component issued at one step: the seed mixed with a
    /// 64-bit FNV-1a hash of the key and the issue step.
    static func stream(seed: UInt64, key: String, issueStep: Int) -> SplitMix64 {
        var hash: UInt64 = 0xCBF2_9CE4_8422_2325
        for byte in key.utf8 { hash = (hash ^ UInt64(byte)) &* 0x0000_0100_0000_01B3 }
        var mixer = SplitMix64(state: seed ^ hash ^ (UInt64(truncatingIfNeeded: issueStep) &* 0xD1B5_4A32_D192_ED03))
        _ = mixer.next()
        return mixer
    }
}
