import Testing
@testable import Thermal

@Suite("Steady state")
struct SteadyStateTests {
    /// Equal trays: T_R - T_fac = P / (eps F); T_S = T_R - P / F; each tray outlet is
    /// T_S + P_k / f_k; the die sits P_k (R_dp + R_pc) / devices above its outlet.
    @Test("series resistances and coolant rise match the closed form", arguments: [1, 2, 18])
    func closedForm(trays: Int) throws {
        var p = RackThermalParameters()
        p.trayCount = trays
        let network = try RackThermalNetwork(p)
        let powerW = 100_000.0, facilityC = 32.0
        let state = try network.steadyState(rackPowerW: powerW, facilitySupplyTemperatureC: facilityC)
        let rackAdvection = p.massFlowKgPerS * p.coolantSpecificHeatJPerKgK
        let eps = network.cduEffectiveness
        let trayPower = powerW / Double(trays), trayAdvection = rackAdvection / Double(trays)
        let returnC = facilityC + powerW / (eps * rackAdvection)
        let supplyC = returnC - powerW / rackAdvection
        let outletC = supplyC + trayPower / trayAdvection
        let seriesKPerW = (p.dieToPlateResistanceKPerW + p.plateToCoolantResistanceKPerW) / Double(p.devicesPerTray)
        let tolerance = 1e-9 * powerW * seriesKPerW  // relative to the die rise
        #expect(abs(state.returnTemperatureC - returnC) < 1e-9)
        #expect(abs(state.supplyTemperatureC - supplyC) < 1e-9)
        for tray in 0..<trays {
            // coolant rise through a tray = P_k / (m_dot_k cp)
            #expect(abs(state.temperaturesC[network.coolantNode(tray: tray)] - state.supplyTemperatureC - trayPower / trayAdvection) < 1e-9)
            #expect(abs(state.temperaturesC[network.plateNode(tray: tray)] - outletC
                        - trayPower * p.plateToCoolantResistanceKPerW / Double(p.devicesPerTray)) < tolerance)
            #expect(abs(state.temperaturesC[network.dieNode(tray: tray)] - outletC - trayPower * seriesKPerW) < tolerance)
        }
    }

    @Test("rack coolant rise equals P / (m_dot cp) and heat in equals heat to the plant to 1e-9")
    func energyBalance() throws {
        let network = try RackThermalNetwork(Fixtures.smallRack())
        let powerW = 18_000.0
        let state = try network.steadyState(rackPowerW: powerW, facilitySupplyTemperatureC: 25)
        let rise = state.returnTemperatureC - state.supplyTemperatureC
        #expect(abs(rise - powerW / network.rackAdvectionWPerK) < 1e-9 * rise)
        #expect(abs(state.heatToPlantW - powerW) < 1e-9 * powerW)
    }

    @Test("agrees with a dense Gaussian elimination of the same network", arguments: [1.0, 22_000.0])
    func matchesDense(powerW: Double) throws {
        let parameters = Fixtures.smallRack()
        let network = try RackThermalNetwork(parameters)
        let state = try network.steadyState(rackPowerW: powerW, facilitySupplyTemperatureC: 27)
        let dense = DenseRack(parameters).steady(powerW: powerW, facilityC: 27)
        #expect(maxAbsDifference(state.temperaturesC, dense) < 1e-9)
    }

    @Test("with no power every node sits at the facility supply temperature")
    func zeroPower() throws {
        let state = try RackThermalNetwork(Fixtures.smallRack()).steadyState(rackPowerW: 0, facilitySupplyTemperatureC: 21)
        #expect(state.temperaturesC.allSatisfy { abs($0 - 21) < 1e-12 })
    }
}
