import Foundation

/// Ambient conditions per step, in UTC step order.
public struct Weather: Sendable, Equatable {
    /// Where the data came from, for reports.
    public enum Source: Sendable, Equatable {
        case series
        case epw(path: String)
        case openMeteo(path: String)
    }

    public var dryBulbC: [Double]
    /// Given, or derived psychrometrically (see `Psychrometrics`).
    public var wetBulbC: [Double]
    public var relativeHumidityPercent: [Double]?
    public var source: Source
}
