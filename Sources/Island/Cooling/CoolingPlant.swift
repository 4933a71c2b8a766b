import Foundation

/// The cooling plant and its weather-dependent COP (electric power = heat / COP).
///
/// Integrated economiser: the dry cooler or tower pre-cools the return water as far as the
/// ambient allows, f = clamp((T_ret - (T_amb + approach)) / (T_ret - T_sup), 0, 1), and a chiller
/// removes the rest with COP_ch = carnotFraction x T_evap / (T_cond - T_evap) (kelvin), where
/// T_evap = T_sup - evaporator approach, T_cond = T_amb + condenser approach, the lift is floored
/// at `minimumLiftK` and COP_ch capped at `maximumChillerCOP`. Fans and pumps take
/// `auxiliaryKWPerMWHeat` throughout. Overall COP = 1 / (aux + (1 - f) / COP_ch).
/// T_amb is the dry bulb for a dry cooler and the wet bulb for a wet tower. Sources: docs/sources.md,
/// "Cooling plant: COP versus weather" (Carnot-fraction model as in Modelica Buildings
/// Fluid.Chillers.Carnot; approaches from Energies 16(9):3661, 2023).
public struct CoolingPlant: Sendable, Equatable {
    public enum EconomiserKind: String, Sendable, Equatable {
        case dryCooler = "dry_cooler"
        case wetTower = "wet_tower"
    }

    public enum Model: Sendable, Equatable {
        /// COP from weather with the parameters below.
        case weather
        /// A fixed COP (only when the site has no weather).
        case constantCOP(Double)
    }

    public var model: Model
    /// Facility water supply temperature required by the racks, C (ASHRAE W32 class: 32).
    public var facilitySupplyC: Double
    /// Return minus supply temperature, K.
    public var returnDeltaK: Double
    public var economiserKind: EconomiserKind
    /// Economiser approach to dry bulb (dry cooler) or wet bulb (tower), K.
    public var approachK: Double
    /// Chiller efficiency as a fraction of Carnot (docs/sources.md: 0.3-0.5).
    public var carnotFraction: Double
    public var condenserApproachK: Double
    public var evaporatorApproachK: Double
    /// Fans and pumps, kW electric per MW of heat (towers 12-21 + CDU pumps ~3.7 %: 35).
    public var auxiliaryKWPerMWHeat: Double
    /// Floor on the chiller lift so COP stays finite, K.
    public var minimumLiftK: Double
    /// Cap on chiller COP.
    public var maximumChillerCOP: Double

    /// Whether a chiller trims the facility water to `facilitySupplyC` in any weather. Without
    /// one (`chiller: none`) the economiser does all the work and the supply floats up to the
    /// ambient plus the approach on hot days, which lowers the racks' thermal limit.
    public var hasChiller: Bool = true
    /// Water use of a wet tower (`cooling.water`); nil: not modelled.
    public var water: WaterUse? = nil

    public var facilityReturnC: Double { facilitySupplyC + returnDeltaK }

    /// Facility water supply temperature at ambient `ambientC` (dry or wet bulb per kind), C.
    public func supplyTemperatureC(ambientC: Double) -> Double {
        if hasChiller { return facilitySupplyC }
        if case .constantCOP = model { return facilitySupplyC }
        return max(facilitySupplyC, ambientC + approachK)
    }

    /// Share of the heat removed by the economiser at ambient `ambientC` (dry or wet bulb per kind).
    public func freeCoolingShare(ambientC: Double) -> Double {
        if case .constantCOP = model { return 0 }
        if !hasChiller { return 1 }
        let precooled = ambientC + approachK
        let share = (facilityReturnC - precooled) / returnDeltaK
        return min(1, max(0, share))
    }

    /// Chiller COP at ambient `ambientC`.
    public func chillerCOP(ambientC: Double) -> Double {
        let evaporatorK = facilitySupplyC - evaporatorApproachK + 273.15
        let condenserK = ambientC + condenserApproachK + 273.15
        let lift = max(condenserK - evaporatorK, minimumLiftK)
        return min(carnotFraction * evaporatorK / lift, maximumChillerCOP)
    }

    /// Plant COP (heat removed / electricity) for the given weather.
    public func cop(dryBulbC: Double, wetBulbC: Double) -> Double {
        if case .constantCOP(let cop) = model { return cop }
        let ambient = economiserKind == .dryCooler ? dryBulbC : wetBulbC
        let share = freeCoolingShare(ambientC: ambient)
        return 1 / (auxiliaryKWPerMWHeat / 1000 + (1 - share) / chillerCOP(ambientC: ambient))
    }

    /// Ambient temperature the plant rejects heat to.
    public func ambientC(dryBulbC: Double, wetBulbC: Double) -> Double {
        economiserKind == .dryCooler ? dryBulbC : wetBulbC
    }
}
