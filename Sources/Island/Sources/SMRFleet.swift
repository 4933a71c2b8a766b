import Foundation

/// Identical small modular reactor units (e.g. NuScale 77 MWe modules).
public struct SMRFleet: Sendable, Equatable {
    /// How the scheduler models on/off decisions.
    public enum Commitment: String, Sendable, Equatable {
        /// Relaxed: committed capacity is continuous between 0 and the available units (default).
        case linear
        /// A clustered commitment: a general integer count of online units per step (0 to the units
        /// available) with minimum up and down times, solved as a MILP; not per-unit binaries.
        case integer
    }

    /// Where the fleet's output enters the site (`smr.connection`).
    public enum Connection: String, Sendable, Equatable {
        /// The AC switchyard (point of common coupling) through the SMR's own step-up
        /// transformer: exports leave without passing through the IT bus. The only choice for ac415.
        case acSwitchyard = "ac_switchyard"
        /// The IT bus (800 V DC) through a rectifier (dc800 only; the default there).
        case dcBus = "dc_bus"
    }

    /// A unit out of service over [startUTC, endUTC).
    public struct Outage: Sendable, Equatable {
        /// Why the unit is out.
        public enum Kind: String, Sendable, Equatable {
            /// Listed in `smr.outages` (refuelling, maintenance).
            case planned
            /// Drawn from `smr.forced_outages` (``ForcedOutageModel``).
            case forced
        }

        /// 0-based unit index.
        public var unit: Int
        public var startUTC: Date
        public var endUTC: Date
        public var kind: Kind = .planned

        public init(unit: Int, startUTC: Date, endUTC: Date, kind: Kind = .planned) {
            self.unit = unit
            self.startUTC = startUTC
            self.endUTC = endUTC
            self.kind = kind
        }

        /// Hours of the outage inside [start, end) (epoch seconds).
        public func hours(insideEpochSeconds start: Int64, _ end: Int64) -> Double {
            let from = max(start, Int64(startUTC.timeIntervalSince1970)), to = min(end, Int64(endUTC.timeIntervalSince1970))
            return to > from ? Double(to - from) / 3600 : 0
        }
    }

    public var units: Int
    /// Net electrical output of one unit, MW.
    public var capacityMWPerUnit: Double
    /// Minimum stable load of a running unit, as a fraction of its capacity.
    public var minStableLoadFraction: Double
    /// Ramp limit per running unit, as a fraction of its capacity per hour.
    public var rampFractionPerHour: Double
    public var marginalCostUSDPerMWh: Double
    /// Life-cycle emission factor (0 by default: operational emissions are nil).
    public var emissionFactorGramsPerKWh: Double
    public var commitment: Commitment
    public var minUpHours: Double
    public var minDownHours: Double
    /// Planned outages (`smr.outages`), then the forced outages of the applied draw, each in
    /// unit and time order.
    public var outages: [Outage]
    /// Units available in each step: a unit in an outage (planned or forced) during any part of
    /// a step, or not in service for the whole step, is unavailable.
    public var availableUnits: [Int]
    /// `smr.forced_outages`: the model, and the draw applied (nil: no forced outages).
    public var forcedOutages: ForcedOutageModel? = nil
    /// Per step, the units unavailable only because of a forced outage (in service and in no
    /// planned outage); empty when no draw is applied.
    public var forcedOutageUnits: [Int] = []
    /// Number of modules as a decision (`build`): `units` is then the existing fleet, and
    /// ``Expansion`` counts modules (costs per module).
    public var build: Expansion? = nil
    /// Whether a planned module count must be whole (a MILP) or may be fractional (its LP relaxation).
    public var integerUnits: Bool = true

    /// Where the output enters the site; nil until the loader resolves it from the architecture.
    public var connection: Connection = .dcBus

    /// Installed capacity of all units, MW.
    public var capacityMW: Double { Double(units) * capacityMWPerUnit }
    /// Capacity available in each step, MW.
    public var availableCapacityMW: [Double] { availableUnits.map { Double($0) * capacityMWPerUnit } }
}
