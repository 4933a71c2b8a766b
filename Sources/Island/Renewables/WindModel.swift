import Foundation

/// A wind farm from wind speed: hub-height extrapolation, air-density correction and a
/// manufacturer power curve with linear interpolation.
///
/// Output is a fraction of the rated power (`capacity_mw` of the renewable).
public struct WindModel: Sendable, Equatable {
    /// How wind speed is carried from the measurement height to the hub.
    public enum Shear: Sendable, Equatable {
        /// `v_hub = v_ref (h_hub / h_ref)^α`; α = 1/7 over open land (the classic one-seventh law).
        case powerLaw(exponent: Double)
        /// `v_hub = v_ref ln(h_hub / z0) / ln(h_ref / z0)`, z0 the surface roughness length, m.
        case logLaw(roughnessLengthM: Double)
    }

    /// A power curve: output per hub-height wind speed at standard air density (1.225 kg/m³).
    public struct PowerCurve: Sendable, Equatable {
        /// Increasing wind speeds, m/s.
        public var speedsMPerS: [Double]
        /// Output at those speeds, fraction of rated power.
        public var powerFraction: [Double]

        /// Enercon E-82 E2 (2.35 MW, 82 m rotor): ENERCON product overview 2017, as collected in
        /// the Open Energy Database and distributed with windpowerlib (`oedb_power_curves.csv`,
        /// turbine type `E-82/2350`). kW at 1-25 m/s, 0 above 25 m/s (cut-out).
        public static let enerconE82_2350: PowerCurve = {
            let kilowatts: [Double] = [0, 3, 25, 82, 174, 321, 532, 815, 1180, 1580, 1890, 2100, 2250, 2350,
                                       2350, 2350, 2350, 2350, 2350, 2350, 2350, 2350, 2350, 2350, 2350]
            return PowerCurve(speedsMPerS: (1...25).map(Double.init), powerFraction: kilowatts.map { $0 / 2350 })
        }()

        /// Linear interpolation; 0 below the first and above the last speed (cut-in, cut-out).
        public func fraction(atMPerS speed: Double) -> Double {
            guard let first = speedsMPerS.first, let last = speedsMPerS.last, speed >= first, speed <= last else { return 0 }
            var upper = 1
            while upper < speedsMPerS.count - 1 && speedsMPerS[upper] < speed { upper += 1 }
            let lower = upper - 1
            let span = speedsMPerS[upper] - speedsMPerS[lower]
            guard span > 0 else { return powerFraction[upper] }
            let weight = (speed - speedsMPerS[lower]) / span
            return powerFraction[lower] + weight * (powerFraction[upper] - powerFraction[lower])
        }
    }

    public var hubHeightM = 100.0
    /// Height of the wind speed measurement, m (10 m for EPW, Open-Meteo `windspeed_10m`).
    public var measurementHeightM = 10.0
    public var shear = Shear.powerLaw(exponent: 1.0 / 7)
    public var powerCurve = PowerCurve.enerconE82_2350
    /// Wake, availability and electrical losses, fraction of output.
    public var lossesFraction = 0.0
    /// Apply the IEC 61400-12-1 density normalisation (pitch-regulated turbines).
    public var densityCorrection = true

    public init() {}

    /// Standard air density of power curves, kg/m³ (IEC 61400-12-1).
    public static let standardDensityKgPerM3 = 1.225
    /// Specific gas constant of dry air, J/(kg K).
    static let dryAirGasConstant = 287.05

    /// Hub-height wind speed, m/s.
    public func hubSpeed(measuredMPerS speed: Double) -> Double {
        guard speed > 0 else { return 0 }
        switch shear {
        case .powerLaw(let exponent):
            return speed * pow(hubHeightM / measurementHeightM, exponent)
        case .logLaw(let roughness):
            return speed * log(hubHeightM / roughness) / log(measurementHeightM / roughness)
        }
    }

    /// Air density from pressure and temperature (dry-air ideal gas), kg/m³.
    public static func airDensity(pressurePa: Double, airC: Double) -> Double {
        pressurePa / (dryAirGasConstant * (airC + 273.15))
    }

    /// Output as a fraction of rated power for one step.
    ///
    /// The hub speed is normalised to standard density, `v_std = v (ρ / 1.225)^(1/3)` (IEC
    /// 61400-12-1 for pitch-regulated turbines), and looked up in the power curve.
    public func fraction(measuredMPerS speed: Double, airC: Double, pressurePa: Double) -> Double {
        var hub = hubSpeed(measuredMPerS: speed)
        if densityCorrection {
            hub *= pow(Self.airDensity(pressurePa: pressurePa, airC: airC) / Self.standardDensityKgPerM3, 1.0 / 3)
        }
        return min(1, max(0, powerCurve.fraction(atMPerS: hub) * (1 - lossesFraction)))
    }
}
