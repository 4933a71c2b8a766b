import Testing
@testable import Thermal

@Suite("Maximum power at a die limit")
struct LimitTests {
    @Test("round-trips through the forward steady state", arguments: [10.0, 25.0, 32.0, 40.0])
    func roundTrip(facilityC: Double) throws {
        for parameters in [RackThermalParameters(), Fixtures.smallRack()] {
            let network = try RackThermalNetwork(parameters)
            let maximumW = network.maxRackPowerW(facilitySupplyTemperatureC: facilityC)
            let state = try network.steadyState(rackPowerW: maximumW, facilitySupplyTemperatureC: facilityC)
            #expect(abs(state.maxDieTemperatureC - parameters.dieLimitC) < 1e-9)
            // A little more power breaks the limit.
            let above = try network.steadyState(rackPowerW: maximumW * 1.001, facilitySupplyTemperatureC: facilityC)
            #expect(above.maxDieTemperatureC > parameters.dieLimitC)
        }
    }

    @Test("no power is allowed when the facility water is at or above the die limit")
    func tooWarm() throws {
        let network = try RackThermalNetwork(RackThermalParameters())
        #expect(network.maxRackPowerW(facilitySupplyTemperatureC: 83) == 0)
        #expect(network.maxRackPowerW(facilitySupplyTemperatureC: 95) == 0)
    }

    @Test("the vectorised table matches the scalar function, with and without the rated cap")
    func table() throws {
        let networks = try [RackThermalParameters(), Fixtures.smallRack(), RackThermalParameters(massFlowKgPerS: 1.5)].map(RackThermalNetwork.init)
        let temperatures: [Double] = [5, 20, 30, 35, 45, 90]
        for cap in [false, true] {
            for threads in [1, 2] {
                var limits = [Double](repeating: -1, count: networks.count * temperatures.count)
                try limits.withUnsafeMutableBufferPointer {
                    try ThermalLimits.maxRackPowerW(networks: networks, facilitySupplyTemperaturesC: temperatures,
                                                    capAtRatedPower: cap, threads: threads, into: $0)
                }
                for (rack, network) in networks.enumerated() {
                    for (hour, temperature) in temperatures.enumerated() {
                        var expected = network.maxRackPowerW(facilitySupplyTemperatureC: temperature)
                        if cap { expected = min(expected, network.parameters.ratedPowerW) }
                        #expect(abs(limits[rack * temperatures.count + hour] - expected) <= 1e-9 * max(1, expected))
                    }
                }
            }
        }
    }

    @Test("a site gets less IT capacity in hot hours")
    func hotHours() throws {
        let groups = [try RackGroup(network: RackThermalNetwork(RackThermalParameters()), rackCount: 100)]
        let capacity = try ThermalLimits.siteCapacityW(groups: groups, facilitySupplyTemperaturesC: [15, 30, 36, 42])
        #expect(capacity[0] == 100 * 132_000)  // cool water: the electrical rating binds
        #expect(capacity[1] > capacity[2] && capacity[2] > capacity[3] && capacity[3] > 0)
    }
}
