import Foundation

/// Heat sold to an offtaker (district heating, an industrial user) from the facility water
/// (`heat_reuse`): up to its demand per step, at its supply temperature, through a heat pump when
/// the facility's return water is too cold.
public struct HeatReuse: Sendable, Equatable {
    /// Heat the offtaker takes at most per step, MW thermal.
    public var demandMW: [Double]
    /// Temperature the offtaker needs, C.
    public var supplyTemperatureC: Double
    /// Paid per MWh of heat delivered, USD/MWh.
    public var priceUSDPerMWh: Double
    /// Heat pump efficiency as a fraction of Carnot (heating COP = fraction x T_sink / lift).
    public var heatPumpCarnotFraction: Double
    public var heatPumpMaximumCOP: Double

    public init(demandMW: [Double], supplyTemperatureC: Double, priceUSDPerMWh: Double = 0,
                heatPumpCarnotFraction: Double = 0.5, heatPumpMaximumCOP: Double = 8) {
        self.demandMW = demandMW
        self.supplyTemperatureC = supplyTemperatureC
        self.priceUSDPerMWh = priceUSDPerMWh
        self.heatPumpCarnotFraction = heatPumpCarnotFraction
        self.heatPumpMaximumCOP = heatPumpMaximumCOP
    }

    /// Heating COP (heat delivered / electricity) lifting water from `sourceC` to the supply
    /// temperature; nil when the source is hot enough for a heat exchanger alone.
    public func heatPumpCOP(sourceC: Double) -> Double? {
        guard supplyTemperatureC > sourceC else { return nil }
        let sinkK = supplyTemperatureC + 273.15
        return min(heatPumpMaximumCOP, heatPumpCarnotFraction * sinkK / (supplyTemperatureC - sourceC))
    }

    /// Per MWh delivered: facility heat recovered and heat pump electricity, MWh.
    public func split(sourceC: Double) -> (recoveredMWh: Double, electricityMWh: Double) {
        guard let cop = heatPumpCOP(sourceC: sourceC) else { return (1, 0) }
        return (1 - 1 / cop, 1 / cop)
    }
}
