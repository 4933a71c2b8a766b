import Foundation

/// A PV plant after NREL's PVWatts v5 (Dobos 2014, NREL/TP-6A20-62641): plane-of-array
/// irradiance by the Perez model, glass-cover loss on the beam, module temperature, a linear
/// temperature coefficient, lumped system losses, and the PVWatts inverter curve with clipping at
/// the AC rating (DC rating / `dcACRatio`).
///
/// Output is a fraction of the **DC** rating (PVWatts' "system size"), so a plant of
/// `capacity_mw` DC delivers `capacity_mw x fraction` MW AC.
public struct PVModel: Sendable, Equatable {
    public enum Tracking: String, Sendable, Equatable {
        case fixed
        /// One horizontal axis (azimuth `axisAzimuthDegrees`), rotating to face the sun within
        /// `maxRotationDegrees`, with optional backtracking (Lorenzo et al. 2011).
        case singleAxis = "single_axis"
    }

    public enum TemperatureModel: Sendable, Equatable {
        /// Sandia (King et al. 2004, SAND2004-3535, eqs. 11-12): module back
        /// `T_m = E exp(a + b WS) + T_a`, cell `T_c = T_m + E/1000 ΔT`.
        case sapm(a: Double, b: Double, deltaTC: Double)
        /// Faiman (2008), Prog. Photovolt. 16:307-315: `T_c = T_a + E / (u0 + u1 WS)`.
        case faiman(u0: Double, u1: Double)

        /// SAPM glass/cell/polymer-sheet, open rack: PVWatts' "standard" module on a rack.
        public static let openRack = TemperatureModel.sapm(a: -3.56, b: -0.075, deltaTC: 3)
        /// SAPM glass/cell/glass, close roof mount.
        public static let closeRoofMount = TemperatureModel.sapm(a: -2.98, b: -0.0471, deltaTC: 1)
        /// SAPM glass/cell/polymer-sheet, insulated back.
        public static let insulatedBack = TemperatureModel.sapm(a: -2.81, b: -0.0455, deltaTC: 0)
        /// Faiman with the PVsyst free-standing defaults (u0 = 25 W/m²K, u1 = 6.84 W/m³sK).
        public static let faimanFreeStanding = TemperatureModel.faiman(u0: 25, u1: 6.84)

        func cellC(poaWPerM2: Double, airC: Double, windMPerS: Double) -> Double {
            switch self {
            case .sapm(let a, let b, let deltaT):
                return poaWPerM2 * exp(a + b * windMPerS) + airC + poaWPerM2 / 1000 * deltaT
            case .faiman(let u0, let u1):
                return airC + poaWPerM2 / (u0 + u1 * windMPerS)
            }
        }
    }

    public var tiltDegrees = 20.0
    /// Degrees clockwise from north (180 faces south).
    public var azimuthDegrees = 180.0
    public var tracking = Tracking.fixed
    public var axisAzimuthDegrees = 180.0
    public var maxRotationDegrees = 45.0
    public var groundCoverageRatio = 0.4
    public var backtracking = true
    /// DC rating / inverter AC rating.
    public var dcACRatio = 1.2
    /// Nominal inverter efficiency.
    public var inverterEfficiency = 0.96
    /// PVWatts' lumped system losses (soiling, shading, mismatch, wiring, ...), fraction of DC.
    public var lossesFraction = 0.1408
    /// Relative change in DC power per kelvin above 25 C (PVWatts "standard" module: -0.47 %/K).
    public var temperatureCoefficientPerK = -0.0047
    public var albedo = 0.2
    public var temperatureModel = TemperatureModel.openRack

    public init() {}

    /// PVWatts v5 reference inverter efficiency at which the part-load curve is normalised.
    static let referenceInverterEfficiency = 0.9637

    /// One step's intermediate values, for validation and inspection.
    public struct StepResult: Sendable, Equatable {
        /// Plane-of-array irradiance before the glass loss, W/m².
        public var poaWPerM2 = 0.0
        /// After the glass-cover loss on the beam, W/m².
        public var transmittedWPerM2 = 0.0
        public var cellC = 0.0
        /// DC output after losses, fraction of the DC rating.
        public var dcFraction = 0.0
        /// AC output, fraction of the DC rating (clipped at 1 / dcACRatio).
        public var acFraction = 0.0
        /// Surface tilt and azimuth used (they move with a tracker), degrees.
        public var surfaceTiltDegrees = 0.0
        public var surfaceAzimuthDegrees = 0.0
    }

    /// Surface orientation for a sun position: fixed, or the tracker's rotation.
    func surface(for sun: SolarPosition) -> (tiltDegrees: Double, azimuthDegrees: Double) {
        guard tracking == .singleAxis else { return (tiltDegrees, azimuthDegrees) }
        let radians = Double.pi / 180
        let zenith = sun.zenithDegrees * radians, azimuth = sun.azimuthDegrees * radians
        let sunEast = sin(zenith) * sin(azimuth), sunNorth = sin(zenith) * cos(azimuth), sunUp = cos(zenith)
        // Horizontal unit vector across the axis, 90 degrees clockwise of it: rotation toward it is positive.
        let across = (axisAzimuthDegrees + 90) * radians
        let sunAcross = sunEast * sin(across) + sunNorth * cos(across)
        var rotation = atan2(sunAcross, sunUp) / radians
        if backtracking, groundCoverageRatio > 0 {
            let ratio = abs(cos(rotation * radians)) / groundCoverageRatio
            if ratio < 1 { rotation -= (rotation < 0 ? -1 : 1) * acos(ratio) / radians }
        }
        rotation = max(-maxRotationDegrees, min(maxRotationDegrees, rotation))
        var surfaceAzimuth = rotation >= 0 ? axisAzimuthDegrees + 90 : axisAzimuthDegrees - 90
        surfaceAzimuth = (surfaceAzimuth + 360).truncatingRemainder(dividingBy: 360)
        return (abs(rotation), surfaceAzimuth)
    }

    /// The plant's output for one interval.
    /// - Parameters:
    ///   - sun: position for the interval (`SolarPosition.forInterval`), nil with the sun down.
    ///   - ghi, dni, dhi: mean irradiance over the interval, W/m²; `dhi`/`dni` nil to use the Erbs
    ///     decomposition of `ghi`; `ghi` nil to compute it from `dni` and `dhi`.
    ///   - airC: ambient dry bulb, C; windMPerS: wind speed at 10 m, m/s.
    public func step(sun: SolarPosition?, ghiWPerM2: Double?, dniWPerM2: Double?, dhiWPerM2: Double?,
                     airC: Double, windMPerS: Double) -> StepResult {
        var result = StepResult()
        result.cellC = airC
        guard let sun else { return result }
        let radians = Double.pi / 180
        let cosZenith = cos(sun.zenithDegrees * radians)
        var dni = dniWPerM2 ?? 0, dhi = dhiWPerM2 ?? 0
        var ghi = ghiWPerM2 ?? (dni * max(0, cosZenith) + dhi)
        if dniWPerM2 == nil || dhiWPerM2 == nil, let given = ghiWPerM2 {
            (dhi, dni) = Irradiance.erbs(ghiWPerM2: given, zenithDegrees: sun.zenithDegrees,
                                         extraterrestrialWPerM2: sun.extraterrestrialNormalWPerM2)
            ghi = given
        }
        dni = max(0, dni); dhi = max(0, dhi); ghi = max(0, ghi)
        let (tilt, surfaceAzimuth) = surface(for: sun)
        result.surfaceTiltDegrees = tilt
        result.surfaceAzimuthDegrees = surfaceAzimuth
        let tiltRadians = tilt * radians
        let cosIncidence = cosZenith * cos(tiltRadians)
            + sin(sun.zenithDegrees * radians) * sin(tiltRadians) * cos((sun.azimuthDegrees - surfaceAzimuth) * radians)
        let beam = sun.zenithDegrees < 90 ? dni * max(0, cosIncidence) : 0
        let sky = Irradiance.perezSkyDiffuse(tiltDegrees: tilt, cosIncidence: cosIncidence, zenithDegrees: sun.zenithDegrees,
                                             dniWPerM2: dni, dhiWPerM2: dhi,
                                             extraterrestrialWPerM2: sun.extraterrestrialNormalWPerM2)
        let ground = ghi * albedo * (1 - cos(tiltRadians)) / 2
        let poa = beam + sky + ground
        let incidence = acos(max(-1, min(1, cosIncidence))) / radians
        let transmitted = beam * Irradiance.glassTransmittanceModifier(incidenceDegrees: incidence) + sky + ground
        result.poaWPerM2 = poa
        result.transmittedWPerM2 = transmitted
        result.cellC = temperatureModel.cellC(poaWPerM2: poa, airC: airC, windMPerS: windMPerS)
        let dc = max(0, transmitted / 1000 * (1 + temperatureCoefficientPerK * (result.cellC - 25)) * (1 - lossesFraction))
        result.dcFraction = dc
        result.acFraction = inverterACFraction(dcFraction: dc)
        return result
    }

    /// PVWatts v5 inverter: with `ζ = P_dc / P_dc0`, `P_dc0 = P_ac0 / η_nom`,
    /// `η = η_nom / 0.9637 x (-0.0162 ζ - 0.0059 / ζ + 0.9858)`, `P_ac = min(η P_dc, P_ac0)`.
    /// Fractions of the DC rating; `P_ac0 = 1 / dcACRatio`.
    func inverterACFraction(dcFraction: Double) -> Double {
        guard dcFraction > 0 else { return 0 }
        let acRating = 1 / dcACRatio
        let dcRating = acRating / inverterEfficiency
        let zeta = dcFraction / dcRating
        let efficiency = inverterEfficiency / Self.referenceInverterEfficiency * (-0.0162 * zeta - 0.0059 / zeta + 0.9858)
        return min(acRating, max(0, efficiency * dcFraction))
    }
}
