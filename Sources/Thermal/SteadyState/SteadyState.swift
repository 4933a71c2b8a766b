/// Steady-state temperatures of one rack at a given power and facility supply temperature.
public struct SteadyState: Sendable {
    public let network: RackThermalNetwork
    public let rackPowerW: Double
    public let facilitySupplyTemperatureC: Double
    /// Every node's temperature, by node index (see `RackThermalNetwork`).
    public let temperaturesC: [Double]

    public var dieTemperaturesC: [Double] { (0..<network.trayCount).map { temperaturesC[network.dieNode(tray: $0)] } }
    public var maxDieTemperatureC: Double { dieTemperaturesC.max()! }
    public var supplyTemperatureC: Double { temperaturesC[network.supplyNode] }
    public var returnTemperatureC: Double { temperaturesC[network.returnNode] }
    /// Heat handed to the facility water; equals `rackPowerW` at steady state.
    public var heatToPlantW: Double {
        network.cduEffectiveness * network.rackAdvectionWPerK * (returnTemperatureC - facilitySupplyTemperatureC)
    }
}

extension RackThermalNetwork {
    /// Solves `K T = b` for one rack (the tray-block elimination of `FactoredOperator`, without
    /// capacitance terms). Complexity: O(nodeCount).
    /// - Throws: `ThermalError` for a negative or non-finite power or temperature.
    public func steadyState(rackPowerW: Double, facilitySupplyTemperatureC: Double) throws -> SteadyState {
        try requireNonNegative(rackPowerW, "rackPowerW")
        try requireFinite(facilitySupplyTemperatureC, "facilitySupplyTemperatureC")
        var temperatures = [Double](repeating: facilitySupplyTemperatureC, count: nodeCount)
        FactoredOperator(steadyStateOf: self).solveSingleRack(
            temperaturesC: &temperatures, rackPowerW: rackPowerW, facilitySupplyTemperatureC: facilitySupplyTemperatureC)
        return SteadyState(network: self, rackPowerW: rackPowerW, facilitySupplyTemperatureC: facilitySupplyTemperatureC,
                           temperaturesC: temperatures)
    }

    /// The largest rack power whose hottest die stays at or under `dieLimitC` at steady state:
    /// `(dieLimitC - T_fac) / dieRiseKPerW`, clamped at 0 when the water is already too warm.
    /// The network is linear, so this is exact and costs one subtraction and one multiplication.
    /// Not capped at `ratedPowerW` (the scheduler takes the minimum with the electrical limit).
    @inlinable
    public func maxRackPowerW(facilitySupplyTemperatureC: Double) -> Double {
        Swift.max(0, (parameters.dieLimitC - facilitySupplyTemperatureC) / dieRiseKPerW)
    }
}
