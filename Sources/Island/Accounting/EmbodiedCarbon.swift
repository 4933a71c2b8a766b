import Foundation

/// Embodied (manufacturing and construction) carbon per installed unit of each asset class,
/// amortised straight-line over its lifetime (`embodied_carbon` section).
public struct EmbodiedCarbon: Sendable, Equatable {
    public enum Asset: String, Sendable, Equatable, CaseIterable {
        /// Per kW of SMR net capacity.
        case smr
        /// Per kW of PV (DC nameplate as given in `capacity_mw`).
        case solar
        /// Per kW of wind capacity.
        case wind
        /// Per kWh of battery energy capacity.
        case battery
        /// Per kW of backup generator capacity.
        case backup
        /// Per rack, servers included.
        case racks

        /// The installed unit its factor is per: `kw`, `kwh` or `rack`.
        public var unit: String {
            switch self {
            case .battery: return "kwh"
            case .racks: return "rack"
            default: return "kw"
            }
        }
    }

    public struct Factor: Sendable, Equatable {
        /// kgCO2e per installed unit (kW, kWh or rack).
        public var kilogramsPerUnit: Double
        public var lifetimeYears: Double
        public init(kilogramsPerUnit: Double, lifetimeYears: Double) {
            self.kilogramsPerUnit = kilogramsPerUnit
            self.lifetimeYears = lifetimeYears
        }

        /// Tonnes charged to `years` of operation for `units` installed.
        public func amortisedTonnes(units: Double, years: Double) -> Double {
            units * kilogramsPerUnit / 1000 * years / lifetimeYears
        }
    }

    public var factors: [Asset: Factor]
    public init(factors: [Asset: Factor] = [:]) { self.factors = factors }
}
