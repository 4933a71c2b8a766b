import Foundation

/// Moist-air relations used to derive wet-bulb temperature for cooling towers.
///
/// - Saturation vapour pressure: Magnus form with Alduchov & Eskridge (1996) coefficients over
///   water, and over ice below 0 C (accurate to ~0.1 % over -40...50 C).
/// - Humidity ratio and the psychrometric (wet-bulb) equation: ASHRAE Handbook, Fundamentals
///   (2017), chapter 1, equations 20 and 33/35 (above freezing) and 37 (below).
/// - Quick estimate from temperature and RH at sea level: Stull (2011), "Wet-bulb temperature
///   from relative humidity and air temperature", J. Appl. Meteor. Climatol. 50, 2267-2269.
public enum Psychrometrics {
    /// Standard atmosphere at sea level, Pa.
    public static let standardPressurePa = 101_325.0

    /// Saturation vapour pressure, Pa.
    public static func saturationVapourPressurePa(temperatureC: Double) -> Double {
        if temperatureC >= 0 { return 610.94 * exp(17.625 * temperatureC / (temperatureC + 243.04)) }
        return 611.21 * exp(22.587 * temperatureC / (temperatureC + 273.86))
    }

    /// Station pressure from elevation with the standard atmosphere (ASHRAE Fundamentals eq. 3), Pa.
    public static func pressurePa(elevationM: Double) -> Double {
        standardPressurePa * pow(1 - 2.25577e-5 * elevationM, 5.2559)
    }

    /// Humidity ratio (kg water per kg dry air) for vapour pressure `vapourPressurePa`.
    public static func humidityRatio(vapourPressurePa: Double, pressurePa: Double) -> Double {
        0.621945 * vapourPressurePa / max(pressurePa - vapourPressurePa, 1)
    }

    /// Dew point from dry bulb and relative humidity (inverse Magnus), C.
    public static func dewPointC(dryBulbC: Double, relativeHumidityPercent: Double) -> Double {
        let rh = min(max(relativeHumidityPercent, 0.1), 100) / 100
        let gamma = log(rh) + 17.625 * dryBulbC / (dryBulbC + 243.04)
        return 243.04 * gamma / (17.625 - gamma)
    }

    /// Relative humidity from dry bulb and dew point, percent (capped at 100).
    public static func relativeHumidityPercent(dryBulbC: Double, dewPointC: Double) -> Double {
        min(100, 100 * saturationVapourPressurePa(temperatureC: min(dewPointC, dryBulbC))
            / saturationVapourPressurePa(temperatureC: dryBulbC))
    }

    /// Thermodynamic wet-bulb temperature from dry bulb, dew point and pressure, C.
    ///
    /// Solves the ASHRAE psychrometric equation for t* by bisection between the dew point and
    /// the dry bulb (the function is monotonic there); 40 halvings give < 1e-9 K.
    public static func wetBulbC(dryBulbC: Double, dewPointC: Double, pressurePa: Double = standardPressurePa) -> Double {
        let dewPoint = min(dewPointC, dryBulbC)
        let target = humidityRatio(vapourPressurePa: saturationVapourPressurePa(temperatureC: dewPoint),
                                   pressurePa: pressurePa)
        func humidityRatioForWetBulb(_ wetBulb: Double) -> Double {
            let saturated = humidityRatio(vapourPressurePa: saturationVapourPressurePa(temperatureC: wetBulb),
                                          pressurePa: pressurePa)
            if wetBulb >= 0 {
                return ((2501 - 2.326 * wetBulb) * saturated - 1.006 * (dryBulbC - wetBulb))
                    / (2501 + 1.86 * dryBulbC - 4.186 * wetBulb)
            }
            return ((2830 - 0.24 * wetBulb) * saturated - 1.006 * (dryBulbC - wetBulb))
                / (2830 + 1.86 * dryBulbC - 2.1 * wetBulb)
        }
        var low = dewPoint - 1, high = dryBulbC
        for _ in 0..<40 {
            let middle = (low + high) / 2
            if humidityRatioForWetBulb(middle) > target { high = middle } else { low = middle }
        }
        return (low + high) / 2
    }

    /// Wet bulb from dry bulb, relative humidity and pressure, C.
    public static func wetBulbC(dryBulbC: Double, relativeHumidityPercent: Double,
                                pressurePa: Double = standardPressurePa) -> Double {
        wetBulbC(dryBulbC: dryBulbC,
                 dewPointC: dewPointC(dryBulbC: dryBulbC, relativeHumidityPercent: relativeHumidityPercent),
                 pressurePa: pressurePa)
    }

    /// Stull (2011) closed-form wet bulb at sea-level pressure; valid for RH 5-99 % and -20...50 C,
    /// error within about -1...+0.65 K.
    public static func stullWetBulbC(dryBulbC: Double, relativeHumidityPercent rh: Double) -> Double {
        dryBulbC * atan(0.151977 * (rh + 8.313659).squareRoot()) + atan(dryBulbC + rh) - atan(rh - 1.676331)
            + 0.00391838 * pow(rh, 1.5) * atan(0.023101 * rh) - 4.686035
    }
}
