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
    /// Mean global horizontal, direct normal and diffuse horizontal irradiance over each step,
    /// W/m², when the source has them (EPW fields 14-16, or series keys).
    public var globalHorizontalWPerM2: [Double]? = nil
    public var directNormalWPerM2: [Double]? = nil
    public var diffuseHorizontalWPerM2: [Double]? = nil
    /// Wind speed at `windMeasurementHeightM`, m/s (EPW field 22, Open-Meteo `windspeed_10m` / 3.6).
    public var windSpeedMPerS: [Double]? = nil
    /// Station pressure per step, Pa (EPW field 10, a series, or from elevation).
    public var pressurePa: [Double]? = nil
    /// Where the weather was observed, when known (EPW LOCATION line, Open-Meteo response, or keys).
    public var location: GeoLocation? = nil
}

/// A point on the ground.
public struct GeoLocation: Sendable, Equatable {
    /// North positive, degrees.
    public var latitudeDegrees: Double
    /// East positive, degrees.
    public var longitudeDegrees: Double
    public var elevationM: Double

    public init(latitudeDegrees: Double, longitudeDegrees: Double, elevationM: Double) {
        self.latitudeDegrees = latitudeDegrees
        self.longitudeDegrees = longitudeDegrees
        self.elevationM = elevationM
    }
}

/// How a weather file's missing values are filled (`weather.fill`).
enum WeatherFill {
    /// Fills nil entries: `previous` carries the last value forward, `interpolate` is linear
    /// between the neighbours; at either end of the series, where one side has no value, both hold
    /// the nearest value (a local-time year leaves a few UTC hours uncovered at one end).
    /// - Returns: nil when `fill` is `.error` and a value is missing, or no value is present at all.
    static func apply(_ values: [Double?], fill: GapFill, stepSeconds: Int64) -> [Double]? {
        if fill == .error { return values.contains(where: { $0 == nil }) ? nil : values.map { $0! } }
        guard let firstIndex = values.firstIndex(where: { $0 != nil }),
              let lastIndex = values.lastIndex(where: { $0 != nil }) else { return nil }
        var held = values
        for index in 0..<firstIndex { held[index] = values[firstIndex] }
        for index in (lastIndex + 1)..<values.count { held[index] = values[lastIndex] }
        let result = fill.fill(held, epochSeconds: { Int64($0) * stepSeconds }, before: nil, after: nil)
        return result.unfilled.isEmpty ? result.values : nil
    }
}
