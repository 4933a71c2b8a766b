import Foundation

/// A battery energy storage system.
public struct Battery: Sendable, Equatable {
    /// End-of-horizon state-of-charge condition.
    public enum FinalSOC: Sendable, Equatable {
        /// Final state of charge equals the initial one.
        case cyclic
        /// Final state of charge at least this fraction of the energy capacity.
        case fraction(Double)
    }

    public var name: String
    public var energyMWh: Double
    public var chargePowerMW: Double
    public var dischargePowerMW: Double
    public var chargeEfficiency: Double
    public var dischargeEfficiency: Double
    public var socMinFraction: Double
    public var socMaxFraction: Double
    public var initialSOCFraction: Double
    public var finalSOC: FinalSOC
    /// Degradation cost per MWh discharged, USD/MWh.
    public var throughputCostUSDPerMWh: Double
    public var coupling: Coupling
    /// Charge and discharge power as a decision (`build`), MW (one power rating for both).
    public var powerBuild: Expansion? = nil
    /// Energy capacity as a decision (`build`), MWh.
    public var energyBuild: Expansion? = nil
    /// Per step, whether the battery is in service (`commissioning_utc` / `retirement_utc`); nil:
    /// always. Out of service it neither charges nor discharges (its charge is held).
    public var inService: [Bool]? = nil

    public func chargeLimitMW(_ step: Int) -> Double { inService?[step] == false ? 0 : chargePowerMW }
    public func dischargeLimitMW(_ step: Int) -> Double { inService?[step] == false ? 0 : dischargePowerMW }

    public var roundTripEfficiency: Double { chargeEfficiency * dischargeEfficiency }
    public var initialSOCMWh: Double { initialSOCFraction * energyMWh }
}
