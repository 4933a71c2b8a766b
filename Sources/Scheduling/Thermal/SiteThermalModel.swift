import Foundation
import Island
import Thermal

/// The racks of a site seen thermally: Island's `thermal` section turned into a
/// `Thermal.RackThermalNetwork`, with the site's facility supply temperature per step.
///
/// This is the adapter between the two modules: `Thermal` knows nothing of sites or LPs.
public struct SiteThermalModel: Sendable {
    public let network: RackThermalNetwork
    public let rackCount: Int
    public let ratedRackPowerW: Double
    public let dieLimitC: Double
    /// Facility water supply per step, C.
    public let facilitySupplyC: [Double]
    /// Training racks' power swing, if the site has one.
    public let trainingSwing: TrainingOscillation?

    /// - Throws: `ThermalModelError` when the site has no `thermal` section or its values do not
    ///   make a valid network.
    public init(site: Site) throws {
        guard let spec = site.thermal else { throw ThermalModelError.noThermalSection }
        var parameters = RackThermalParameters()
        parameters.trayCount = spec.traysPerRack
        parameters.devicesPerTray = spec.devicesPerTray
        parameters.dieToPlateResistanceKPerW = spec.dieToPlateResistanceKPerW
        parameters.plateToCoolantResistanceKPerW = spec.plateToCoolantResistanceKPerW
        parameters.dieCapacitanceJPerK = spec.dieCapacitanceJPerK
        parameters.plateCapacitanceJPerK = spec.plateCapacitanceJPerK
        parameters.massFlowKgPerS = spec.coolantFlowKgPerSPerRack
        parameters.ratedPowerW = site.itFleet.powerPerRackKW * 1000
        parameters.cdu = .approach(approachK: spec.cduApproachK, atHeatLoadW: parameters.ratedPowerW)
        parameters.dieLimitC = spec.dieLimitC
        do {
            network = try RackThermalNetwork(parameters)
            trainingSwing = try spec.trainingSwing.map {
                try TrainingOscillation(lowFraction: $0.lowFraction, periodSeconds: $0.periodSeconds, highDutyCycle: $0.highDutyCycle)
            }
        } catch {
            throw ThermalModelError.invalidParameters("\(error)")
        }
        rackCount = site.itFleet.racks
        ratedRackPowerW = parameters.ratedPowerW
        dieLimitC = spec.dieLimitC
        facilitySupplyC = site.facilitySupplyC
    }

    /// Compute-phase power of a swinging training rack over its mean power (1 without a swing):
    /// the level the racks reach while computing is the scheduled mean times this.
    public var swingHighFactor: Double {
        trainingSwing.map { 1 / $0.meanFactor(fromSeconds: 0, toSeconds: $0.periodSeconds) } ?? 1
    }

    /// Hottest-die rise above the facility supply per watt of steady rack power, K/W.
    public var dieRiseKPerW: Double { network.dieRiseKPerW }

    /// Per step, the most one rack may draw: min(rated power, the power at which its hottest die
    /// reaches the limit in steady state).
    ///
    /// The limit is taken at the warmer of this and the previous step's facility supply: racks
    /// change power at the step boundary within a second, the facility water takes minutes to
    /// follow, so a rack raised to a cooler step's cap would briefly run at the old, warmer
    /// supply (simulated: 40 -> 33 C with the cap raised at once peaks 3 K above the limit). A
    /// training rack that swings is held to the limit at its compute-phase (high) power: the
    /// steady state at the high level bounds the die temperature of the square wave from above.
    public func steadyRackCaps() -> RackCaps {
        let supplyC = facilitySupplyC.indices.map { t in t == 0 ? facilitySupplyC[t] : max(facilitySupplyC[t], facilitySupplyC[t - 1]) }
        let limitW = supplyC.map { network.maxRackPowerW(facilitySupplyTemperatureC: $0) }
        let highFactor = swingHighFactor
        return RackCaps(inferenceW: limitW.map { min(ratedRackPowerW, $0) },
                        trainingW: limitW.map { min(ratedRackPowerW, $0 / highFactor) })
    }
}

/// Per-step limits on the mean power of one rack, by workload, W.
public struct RackCaps: Sendable, Equatable {
    public var inferenceW: [Double]
    public var trainingW: [Double]

    public init(inferenceW: [Double], trainingW: [Double]) {
        self.inferenceW = inferenceW
        self.trainingW = trainingW
    }

    /// The same cap for both workloads (e.g. from an externally imposed capacity).
    public init(uniformW: [Double]) {
        self.init(inferenceW: uniformW, trainingW: uniformW)
    }

    /// The site's IT capacity per step, MW: all racks but one at the inference cap. The rack
    /// held back lets training and inference each fill whole racks (ceil(a) + ceil(b) <= N
    /// whenever a + b <= N - 1); without it one rack would have to exceed its cap.
    public func capacityMW(racks: Int) -> [Double] {
        let usable = Double(max(1, racks - 1))
        return inferenceW.map { usable * $0 / 1e6 }
    }

    /// Per step, the capacity one MW of training uses up, in MW of inference capacity
    /// (inference cap / training cap >= 1): the LP's rack-count constraint
    /// `weight x training + inference <= racks x inference cap` in MW.
    public var trainingWeight: [Double] {
        zip(inferenceW, trainingW).map { inference, training in training > 0 ? max(1, inference / training) : 1 }
    }

    /// The inference cap behind an IT capacity written by ``capacityMW(racks:)``, W.
    public static func inferenceCapW(capacityMW: Double, racks: Int) -> Double {
        capacityMW * 1e6 / Double(max(1, racks - 1))
    }

    /// Both caps of step `t` scaled by `factor`.
    public mutating func scale(step t: Int, by factor: Double) {
        inferenceW[t] *= factor
        trainingW[t] *= factor
    }
}

public enum ThermalModelError: Error, CustomStringConvertible, Equatable {
    case noThermalSection
    case invalidParameters(String)

    public var description: String {
        switch self {
        case .noThermalSection: "the site has no thermal section (add `thermal: {}` for NVL72-class defaults)"
        case .invalidParameters(let reason): "the thermal section does not make a valid rack model: \(reason)"
        }
    }
}
