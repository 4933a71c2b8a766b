import Foundation

/// Water a wet cooling tower consumes (`cooling.water`): evaporation of the heat it rejects,
/// plus blowdown to hold the dissolved solids at the cycles of concentration.
///
/// Per MWh of heat drawn from the IT bus, the tower rejects that heat plus the plant's own
/// electricity, `1 + 1/COP` MWh; a fraction `evaporativeFraction` of it leaves as latent heat,
/// evaporating `3,600 MJ x fraction / h_fg(T_wb)` kg of water (h_fg, the latent heat of
/// vaporisation, at the wet bulb). Blowdown adds `E / (cycles - 1)`, so the make-up is
/// `E x cycles / (cycles - 1)`. Drift (about 0.001 % of the circulating flow for modern drift
/// eliminators) is left out. Sources: docs/sources.md, "Water".
public struct WaterUse: Sendable, Equatable {
    /// Share of rejected heat leaving as latent heat (evaporation); the rest is sensible.
    public var evaporativeFraction: Double
    /// Concentration of dissolved solids in the circulating water over the make-up's (> 1).
    public var cyclesOfConcentration: Double
    /// Price of make-up water, USD/m³ (in the objective when > 0).
    public var priceUSDPerCubicMetre: Double
    /// Cap on water over the horizon, m³.
    public var capCubicMetres: Double?

    public init(evaporativeFraction: Double = 0.85, cyclesOfConcentration: Double = 4, priceUSDPerCubicMetre: Double = 0,
                capCubicMetres: Double? = nil) {
        self.evaporativeFraction = evaporativeFraction
        self.cyclesOfConcentration = cyclesOfConcentration
        self.priceUSDPerCubicMetre = priceUSDPerCubicMetre
        self.capCubicMetres = capCubicMetres
    }

    /// Latent heat of vaporisation of water at `temperatureC`, MJ/kg: 2.501 - 0.002361 T
    /// (linear fit over 0-40 C, within 0.1 % of steam tables).
    public static func latentHeatMJPerKg(temperatureC: Double) -> Double { 2.501 - 0.002361 * temperatureC }

    /// Make-up water per MWh of heat drawn from the IT bus, m³/MWh (= L/kWh).
    public func cubicMetresPerMWhHeat(wetBulbC: Double, cop: Double) -> Double {
        let rejectedMWh = 1 + 1 / cop
        let evaporatedKg = rejectedMWh * 3600 * evaporativeFraction / Self.latentHeatMJPerKg(temperatureC: wetBulbC)
        return evaporatedKg / 1000 * cyclesOfConcentration / (cyclesOfConcentration - 1)
    }
}
