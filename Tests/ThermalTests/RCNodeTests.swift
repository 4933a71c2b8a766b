import Foundation
import Testing
@testable import Thermal

/// One RC node through the production solver: with every capacitance but the return node's set
/// to zero, the other nodes are algebraic and the return obeys
/// `C_R dT/dt = P - eps F (T - T_fac)`, i.e. `tau = C_R / (eps F)`, `T_inf = T_fac + P / (eps F)`.
///
/// Backward Euler gives `T_n - T_inf = (T_0 - T_inf) (1 + x)^-n`, `x = h / tau`, against the exact
/// `(T_0 - T_inf) e^(-n x)`. Since `x - x^2/2 <= ln(1 + x) <= x`,
/// `0 <= (1 + x)^-n - e^(-n x) <= e^(-t/tau) (e^(t h / (2 tau^2)) - 1)` at `t = n h`:
/// the numerical response lags the exact one by at most that, which is ~ (h / 2 tau)(t / tau) e^(-t/tau)
/// <= h / (2 e tau) of the step to first order. The test asserts this bound per step (+1e-12 K
/// roundoff) and that the error is first order in h.
@Suite("One RC node")
struct RCNodeTests {
    static let powerW = 50_000.0
    static let facilityC = 30.0

    static func network() throws -> RackThermalNetwork {
        var p = RackThermalParameters(massFlowKgPerS: 0.5)
        p.trayCount = 1
        p.dieCapacitanceJPerK = 0
        p.plateCapacitanceJPerK = 0
        p.coolantOutletLagSeconds = 0
        p.supplyCapacitanceJPerK = 0
        p.returnCapacitanceJPerK = 10_000
        p.cdu = .effectiveness(0.5)
        return try RackThermalNetwork(p)
    }

    /// Returns (numerical, exact) return temperatures after each of `steps` steps of `h` seconds.
    static func response(stepSeconds h: Double, steps: Int) throws -> [(numerical: Double, exact: Double, bound: Double)] {
        let network = try network()
        let conductance = network.cduEffectiveness * network.rackAdvectionWPerK
        let tau = network.parameters.returnCapacitanceJPerK / conductance
        let infinity = facilityC + powerW / conductance
        let simulator = try ThermalSimulator(groups: [RackGroup(network: network, rackCount: 1)], stepSeconds: h)
        try simulator.setUniformTemperature(facilityC)
        let schedule = try RackPowerSchedule.constant(powerW: [powerW])
        var output = ThermalSimulationOutput()
        var result = [(Double, Double, Double)]()
        for n in 1...steps {
            try simulator.run(schedule: schedule, facilitySupplyTemperatureC: [facilityC], startSeconds: Double(n - 1) * h, into: &output)
            let t = Double(n) * h
            let amplitude = abs(facilityC - infinity)
            let bound = amplitude * exp(-t / tau) * (exp(t * h / (2 * tau * tau)) - 1)
            result.append((simulator.temperatureC(rack: 0, node: network.returnNode),
                           infinity + (facilityC - infinity) * exp(-t / tau), bound))
        }
        return result
    }

    @Test("step response stays within the backward-Euler bound of the analytic exponential", arguments: [0.5, 1.0, 2.0])
    func stepResponse(stepSeconds: Double) throws {
        for (numerical, exact, bound) in try Self.response(stepSeconds: stepSeconds, steps: Int(60 / stepSeconds)) {
            // The numerical solution rises more slowly: T_exact - T_numerical in [0, bound].
            #expect(exact - numerical >= -1e-12)
            #expect(exact - numerical <= bound + 1e-12)
        }
    }

    @Test("the error is first order: halving the step halves it")
    func firstOrder() throws {
        let coarse = try Self.response(stepSeconds: 1, steps: 10).last!
        let fine = try Self.response(stepSeconds: 0.5, steps: 20).last!
        let ratio = (coarse.exact - coarse.numerical) / (fine.exact - fine.numerical)
        #expect(abs(ratio - 2) < 0.15)
    }
}
