import Foundation

/// The electrical architecture between sources and racks, with stage efficiencies and busway losses.
///
/// Defaults are the mid-points of the ranges in `docs/sources.md`, "Power distribution" (all marked
/// there as assumptions, consistent with NVIDIA's ~5 % end-to-end claim for 800 V DC).
public struct PowerDistribution: Sendable, Equatable {
    public enum Architecture: String, Sendable, Equatable {
        /// MV AC -> solid-state transformer -> 800 V DC busway -> rack DC/DC 800 -> 54 V.
        case dc800
        /// MV AC -> transformer -> double-conversion UPS -> PDU -> PSU (AC/DC to 54 V).
        case ac415
    }

    /// Conversion-stage efficiencies (fractions in (0, 1]). Only the stages of the chosen
    /// architecture (plus the shared ones) are used.
    public struct StageEfficiencies: Sendable, Equatable {
        // dc800
        /// Grid (MV AC) to the 800 V DC bus. docs/sources.md: SST 0.975-0.985.
        public var solidStateTransformer: Double = 0.98
        /// SMR generator (AC) to the 800 V DC bus. Assumption, as the SST's rectifier stage.
        public var smrRectifier: Double = 0.985
        /// DC-coupled PV or battery to the bus. docs/sources.md: one DC/DC stage 0.98-0.99.
        public var dcDC: Double = 0.985
        /// Rack DC/DC 800 -> 54 V. docs/sources.md: 0.975-0.98.
        public var rackDCDC: Double = 0.9775
        // ac415
        /// MV/LV transformer. docs/sources.md: 0.985-0.99.
        public var transformer: Double = 0.9875
        /// Double-conversion UPS. docs/sources.md: 0.94-0.97.
        public var ups: Double = 0.955
        /// Power distribution unit. docs/sources.md: 0.98.
        public var pdu: Double = 0.98
        /// Rack power supply AC -> 54 V. docs/sources.md: 0.95-0.975.
        public var psu: Double = 0.9625
        // both
        /// LV transformer feeding the cooling plant. docs/sources.md: transformer 0.985-0.99.
        public var coolingTransformer: Double = 0.9875
        /// SMR generator step-up transformer to the AC switchyard (`smr.connection: ac_switchyard`).
        /// Default 1: `capacity_mw_per_unit` is the net output at the switchyard, as vendors quote
        /// net MWe; set it (~0.995-0.997, assumption) when the rating is at the generator terminals.
        public var smrStepUpTransformer: Double = 1
        /// Inverter for AC-coupled storage and PV. Assumption (one conversion stage, 0.97-0.98).
        public var storageInverter: Double = 0.975

        public init() {}
    }

    public var architecture: Architecture
    public var efficiencies: StageEfficiencies
    /// Largest power the bus carries, MW (default 1.25 x IT capacity).
    public var busCapacityMW: Double
    /// 800 (dc800) or 415 (ac415) by default.
    public var busVoltageV: Double
    /// I^2R busway loss at bus capacity, as a fraction of bus capacity (assumption: 0.005 dc800,
    /// 0.01 ac415). Loss at power P is this x busCapacityMW x (P / busCapacityMW)^2.
    public var buswayLossFractionAtCapacity: Double
    /// Number of piecewise-linear outer segments for the convex loss curve.
    public var buswayLossSegments: Int

    /// Busway loss at bus power `powerMW`, MW (the exact quadratic).
    public func buswayLossMW(atPowerMW powerMW: Double) -> Double {
        let loading = powerMW / busCapacityMW
        return buswayLossFractionAtCapacity * busCapacityMW * loading * loading
    }

    /// Tangent lines under the quadratic loss curve at `buswayLossSegments` equally spaced points
    /// in (0, capacity]: loss >= slope x P + intercept for each; exact at the tangent points.
    public var buswayLossTangents: [(slopeMWPerMW: Double, interceptMW: Double)] {
        let coefficient = buswayLossFractionAtCapacity / busCapacityMW
        return (1...max(1, buswayLossSegments)).map { index in
            let point = busCapacityMW * Double(index) / Double(max(1, buswayLossSegments))
            return (2 * coefficient * point, -coefficient * point * point)
        }
    }

    /// Efficiency from the bus to the 54 V rack input: rack DC/DC (dc800) or UPS x PDU x PSU (ac415).
    public var busToRackEfficiency: Double {
        switch architecture {
        case .dc800: return efficiencies.rackDCDC
        case .ac415: return efficiencies.ups * efficiencies.pdu * efficiencies.psu
        }
    }

    /// Efficiency from the grid's MV connection to the bus: SST (dc800) or transformer (ac415).
    public var gridToBusEfficiency: Double {
        switch architecture {
        case .dc800: return efficiencies.solidStateTransformer
        case .ac415: return efficiencies.transformer
        }
    }
}

extension PowerDistribution {
    /// The busway loss the LP's chords give at bus power `powerMW` (the interpolation of the
    /// quadratic through `buswayLossSegments` equal segments of [0, `maximumMW`]), with the
    /// slope of the segment it falls in (MW of loss per MW of bus power). docs/formulation.md, 4.6.
    public func buswayChord(atPowerMW powerMW: Double, maximumMW: Double) -> (lossMW: Double, slope: Double) {
        let segments = max(1, buswayLossSegments)
        guard maximumMW > 0 else { return (0, 0) }
        let width = maximumMW / Double(segments)
        let index = min(max(0, Int((powerMW / width).rounded(.down))), segments - 1)
        let low = width * Double(index), high = width * Double(index + 1)
        let lossLow = buswayLossMW(atPowerMW: low), lossHigh = buswayLossMW(atPowerMW: high)
        let slope = (lossHigh - lossLow) / (high - low)
        return (max(0, lossLow + slope * (powerMW - low)), slope)
    }
}
