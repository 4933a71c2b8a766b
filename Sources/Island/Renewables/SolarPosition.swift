import Foundation

/// The sun's position seen from a place on the ground at one instant.
///
/// NOAA's solar calculator algorithm (Meeus, *Astronomical Algorithms*, 2nd ed. 1998, ch. 25
/// low-precision series), with NOAA's atmospheric refraction correction: about 0.01 degrees for
/// years 1800-2100, ample for hourly PV output.
public struct SolarPosition: Sendable, Equatable {
    /// Apparent (refraction-corrected) zenith angle, degrees; above 90 the sun is below the horizon.
    public var zenithDegrees: Double
    /// Azimuth, degrees clockwise from north (90 east, 180 south, 270 west).
    public var azimuthDegrees: Double
    /// Extraterrestrial irradiance normal to the sun's rays, W/m²: 1,367 W/m² / R², R the
    /// Earth-sun distance in astronomical units.
    public var extraterrestrialNormalWPerM2: Double

    public var elevationDegrees: Double { 90 - zenithDegrees }

    /// Solar constant used for the extraterrestrial irradiance, W/m² (Perez et al. 1990 use 1,367).
    public static let solarConstantWPerM2 = 1367.0

    /// - Parameters:
    ///   - epochSeconds: UTC instant, seconds since 1970-01-01.
    ///   - latitudeDegrees: north positive.
    ///   - longitudeDegrees: east positive.
    public init(epochSeconds: Double, latitudeDegrees: Double, longitudeDegrees: Double) {
        let radians = Double.pi / 180
        let julianDay = epochSeconds / 86_400 + 2_440_587.5
        let century = (julianDay - 2_451_545) / 36_525
        let meanLongitude = (280.46646 + century * (36_000.76983 + century * 0.0003032))
            .truncatingRemainder(dividingBy: 360)
        let meanAnomaly = 357.52911 + century * (35_999.05029 - 0.0001537 * century)
        let eccentricity = 0.016708634 - century * (0.000042037 + 0.0000001267 * century)
        let anomalyRadians = meanAnomaly * radians
        let centre = sin(anomalyRadians) * (1.914602 - century * (0.004817 + 0.000014 * century))
            + sin(2 * anomalyRadians) * (0.019993 - 0.000101 * century) + sin(3 * anomalyRadians) * 0.000289
        let trueLongitude = meanLongitude + centre
        let trueAnomaly = meanAnomaly + centre
        let distanceAU = 1.000001018 * (1 - eccentricity * eccentricity) / (1 + eccentricity * cos(trueAnomaly * radians))
        let omega = (125.04 - 1934.136 * century) * radians
        let apparentLongitude = (trueLongitude - 0.00569 - 0.00478 * sin(omega)) * radians
        let meanObliquity = 23 + (26 + (21.448 - century * (46.815 + century * (0.00059 - century * 0.001813))) / 60) / 60
        let obliquity = (meanObliquity + 0.00256 * cos(omega)) * radians
        let declination = asin(sin(obliquity) * sin(apparentLongitude))
        let y = pow(tan(obliquity / 2), 2)
        let l0 = meanLongitude * radians
        let equationOfTimeMinutes = 4 / radians * (y * sin(2 * l0) - 2 * eccentricity * sin(anomalyRadians)
            + 4 * eccentricity * y * sin(anomalyRadians) * cos(2 * l0) - 0.5 * y * y * sin(4 * l0)
            - 1.25 * eccentricity * eccentricity * sin(2 * anomalyRadians))
        let minutesOfDay = (epochSeconds / 60).truncatingRemainder(dividingBy: 1440)
        let trueSolarMinutes = (minutesOfDay + equationOfTimeMinutes + 4 * longitudeDegrees)
            .truncatingRemainder(dividingBy: 1440)
        var hourAngle = trueSolarMinutes / 4 - 180
        if hourAngle < -180 { hourAngle += 360 }
        let latitude = latitudeDegrees * radians
        let hourAngleRadians = hourAngle * radians
        let cosZenith = max(-1, min(1, sin(latitude) * sin(declination)
            + cos(latitude) * cos(declination) * cos(hourAngleRadians)))
        let zenith = acos(cosZenith) / radians
        let fromSouth = atan2(sin(hourAngleRadians),
                              cos(hourAngleRadians) * sin(latitude) - tan(declination) * cos(latitude)) / radians
        var azimuth = fromSouth + 180
        if azimuth >= 360 { azimuth -= 360 }
        self.zenithDegrees = zenith - Self.refractionDegrees(elevationDegrees: 90 - zenith)
        self.azimuthDegrees = azimuth
        self.extraterrestrialNormalWPerM2 = Self.solarConstantWPerM2 / (distanceAU * distanceAU)
    }

    /// NOAA's atmospheric refraction correction for a true elevation, degrees.
    static func refractionDegrees(elevationDegrees elevation: Double) -> Double {
        let radians = Double.pi / 180
        let arcseconds: Double
        if elevation > 85 {
            arcseconds = 0
        } else if elevation > 5 {
            let t = tan(elevation * radians)
            arcseconds = 58.1 / t - 0.07 / pow(t, 3) + 0.000086 / pow(t, 5)
        } else if elevation > -0.575 {
            arcseconds = 1735 + elevation * (-518.2 + elevation * (103.4 + elevation * (-12.79 + elevation * 0.711)))
        } else {
            arcseconds = -20.772 / tan(elevation * radians)
        }
        return arcseconds / 3600
    }

    /// The position for an interval's irradiance: at the middle of the part of
    /// [start, start + duration) with the sun above the horizon (PVWatts does the same for the
    /// sunrise and sunset hours), or nil when the sun is down the whole interval.
    ///
    /// The interval is sampled at 12 points; the position is taken at the mean sunlit sample time.
    public static func forInterval(startEpochSeconds: Double, durationSeconds: Double, latitudeDegrees: Double,
                                   longitudeDegrees: Double) -> SolarPosition? {
        let middle = SolarPosition(epochSeconds: startEpochSeconds + durationSeconds / 2,
                                   latitudeDegrees: latitudeDegrees, longitudeDegrees: longitudeDegrees)
        let first = SolarPosition(epochSeconds: startEpochSeconds, latitudeDegrees: latitudeDegrees,
                                  longitudeDegrees: longitudeDegrees)
        let last = SolarPosition(epochSeconds: startEpochSeconds + durationSeconds, latitudeDegrees: latitudeDegrees,
                                 longitudeDegrees: longitudeDegrees)
        if middle.zenithDegrees < 90 && first.zenithDegrees < 90 && last.zenithDegrees < 90 { return middle }
        let samples = 12
        var sunlitTimes = 0.0, count = 0
        for index in 0..<samples {
            let time = startEpochSeconds + (Double(index) + 0.5) * durationSeconds / Double(samples)
            if SolarPosition(epochSeconds: time, latitudeDegrees: latitudeDegrees,
                             longitudeDegrees: longitudeDegrees).zenithDegrees < 90 {
                sunlitTimes += time
                count += 1
            }
        }
        guard count > 0 else { return nil }
        return SolarPosition(epochSeconds: sunlitTimes / Double(count), latitudeDegrees: latitudeDegrees,
                             longitudeDegrees: longitudeDegrees)
    }
}
