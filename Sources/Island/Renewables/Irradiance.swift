import Foundation

/// Irradiance models: sky-diffuse transposition onto a tilted plane, decomposition of global
/// horizontal irradiance, and the glass cover's angle-of-incidence loss.
public enum Irradiance {
    static let radians = Double.pi / 180

    /// Perez et al. (1990), "Modeling daylight availability and irradiance components from direct
    /// and global irradiance", Solar Energy 44(5):271-289, Table 6 ("all sites composite"):
    /// F11, F12, F13, F21, F22, F23 for the eight sky-clearness bins.
    static let perezCoefficients: [[Double]] = [
        [-0.0083117, 0.5877285, -0.0620636, -0.0596012, 0.0721249, -0.0220216],
        [0.1299457, 0.6825954, -0.1513752, -0.0189325, 0.0659650, -0.0288748],
        [0.3296958, 0.4868735, -0.2210958, 0.0554140, -0.0639588, -0.0260542],
        [0.5682053, 0.1874525, -0.2951290, 0.1088631, -0.1519229, -0.0139754],
        [0.8730280, -0.3920403, -0.3616149, 0.2255647, -0.4620442, 0.0012448],
        [1.1326077, -1.2367284, -0.4118494, 0.2877813, -0.8230357, 0.0558651],
        [1.0601591, -1.5999137, -0.3589221, 0.2642124, -1.1272340, 0.1310694],
        [0.6777470, -0.3272588, -0.2504286, 0.1561313, -1.3765031, 0.2506212],
    ]
    /// Upper bounds of the first seven sky-clearness bins (Perez et al. 1990, Table 1).
    static let perezClearnessBins = [1.065, 1.230, 1.500, 1.950, 2.800, 4.500, 6.200]

    /// Relative air mass, Kasten and Young (1989), Applied Optics 28(22):4735.
    public static func relativeAirMass(zenithDegrees: Double) -> Double {
        guard zenithDegrees < 90 else { return .infinity }
        return 1 / (cos(zenithDegrees * radians) + 0.50572 * pow(96.07995 - zenithDegrees, -1.6364))
    }

    /// Sky-diffuse irradiance on a tilted plane by the Perez (1990) model, W/m².
    ///
    /// `DHI [(1 - F1)(1 + cos β)/2 + F1 a/b + F2 sin β]` with `a = max(0, cos θ)`,
    /// `b = max(cos 85°, cos Z)`, clearness `ε = ((DHI + DNI)/DHI + κZ³)/(1 + κZ³)` (κ = 1.041,
    /// Z in radians) and brightness `Δ = DHI m / E0n`.
    public static func perezSkyDiffuse(tiltDegrees: Double, cosIncidence: Double, zenithDegrees: Double,
                                       dniWPerM2: Double, dhiWPerM2: Double, extraterrestrialWPerM2: Double) -> Double {
        guard dhiWPerM2 > 0 else { return 0 }
        let tilt = tiltDegrees * radians
        guard zenithDegrees < 90 else {
            // Sun down: isotropic sky.
            return dhiWPerM2 * (1 + cos(tilt)) / 2
        }
        let zenith = zenithDegrees * radians
        let kappaZ3 = 1.041 * pow(zenith, 3)
        let clearness = ((dhiWPerM2 + dniWPerM2) / dhiWPerM2 + kappaZ3) / (1 + kappaZ3)
        let brightness = dhiWPerM2 * relativeAirMass(zenithDegrees: zenithDegrees) / extraterrestrialWPerM2
        let bin = perezClearnessBins.firstIndex(where: { clearness < $0 }) ?? 7
        let f = perezCoefficients[bin]
        let f1 = max(0, f[0] + f[1] * brightness + f[2] * zenith)
        let f2 = f[3] + f[4] * brightness + f[5] * zenith
        let a = max(0, cosIncidence)
        let b = max(cos(85 * radians), cos(zenith))
        return max(0, dhiWPerM2 * ((1 - f1) * (1 + cos(tilt)) / 2 + f1 * a / b + f2 * sin(tilt)))
    }

    /// Diffuse horizontal and direct normal irradiance from global horizontal irradiance by the
    /// Erbs, Klein and Duffie (1982) correlation, Solar Energy 28(4):293-302.
    ///
    /// Clearness index `kt = GHI / (E0n cos Z)`; diffuse fraction `kd = 1 - 0.09 kt` (kt <= 0.22),
    /// `0.9511 - 0.1604 kt + 4.388 kt² - 16.638 kt³ + 12.336 kt⁴` (<= 0.8), else 0.165.
    /// DNI = (GHI - DHI) / cos Z, and 0 with the sun within 3 degrees of the horizon.
    public static func erbs(ghiWPerM2: Double, zenithDegrees: Double, extraterrestrialWPerM2: Double)
        -> (dhiWPerM2: Double, dniWPerM2: Double) {
        guard ghiWPerM2 > 0 else { return (0, 0) }
        let cosZenith = cos(zenithDegrees * radians)
        guard zenithDegrees < 87, cosZenith > 0 else { return (ghiWPerM2, 0) }
        let kt = min(1, max(0, ghiWPerM2 / (extraterrestrialWPerM2 * cosZenith)))
        let kd: Double
        if kt <= 0.22 {
            kd = 1 - 0.09 * kt
        } else if kt <= 0.8 {
            kd = 0.9511 - 0.1604 * kt + 4.388 * kt * kt - 16.638 * pow(kt, 3) + 12.336 * pow(kt, 4)
        } else {
            kd = 0.165
        }
        let dhi = kd * ghiWPerM2
        return (dhi, max(0, (ghiWPerM2 - dhi) / cosZenith))
    }

    /// Transmittance of the module's glass cover relative to normal incidence (Fresnel reflection
    /// plus absorption; De Soto et al. 2006, Solar Energy 80(1):78-88, eqs. 14-16, as in PVWatts
    /// v5 with refractive index 1.526, extinction 4 /m and thickness 2 mm).
    public static func glassTransmittanceModifier(incidenceDegrees: Double, refractiveIndex: Double = 1.526,
                                                  extinctionPerM: Double = 4, thicknessM: Double = 0.002) -> Double {
        guard incidenceDegrees < 90 else { return 0 }
        func transmittance(_ theta: Double) -> Double {
            let thetaR = asin(sin(theta) / refractiveIndex)
            let absorption = exp(-extinctionPerM * thicknessM / cos(thetaR))
            if theta < 1e-6 {
                let r = (refractiveIndex - 1) / (refractiveIndex + 1)
                return absorption * (1 - r * r)
            }
            let s = pow(sin(thetaR - theta), 2) / pow(sin(thetaR + theta), 2)
            let p = pow(tan(thetaR - theta), 2) / pow(tan(thetaR + theta), 2)
            return absorption * (1 - 0.5 * (s + p))
        }
        return max(0, transmittance(incidenceDegrees * radians) / transmittance(0))
    }
}
