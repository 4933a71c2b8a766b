import Foundation

/// Where surplus the site can neither use, store nor export goes: a turbine bypass (steam dumped
/// to the condenser, so the SMR's electrical output falls below its reactor's must-run floor) or
/// a load bank on the AC switchyard. Priced per MWh so the schedule shows what dumping costs.
public struct Dump: Sendable, Equatable {
    public enum Kind: String, Sendable, Equatable {
        /// At the SMR's terminals, before its rectifier or step-up transformer; needs an `smr`.
        case turbineBypass = "turbine_bypass"
        /// A resistive load bank on the AC bus (point of common coupling).
        case loadBank = "load_bank"
    }

    public var kind: Kind
    /// Largest power dumped, MW (a turbine bypass defaults to the fleet's capacity).
    public var capacityMW: Double
    /// Cost of each MWh dumped (wear, O&M), USD/MWh, >= 0.
    public var costUSDPerMWh: Double

    public init(kind: Kind, capacityMW: Double, costUSDPerMWh: Double) {
        self.kind = kind
        self.capacityMW = capacityMW
        self.costUSDPerMWh = costUSDPerMWh
    }
}
