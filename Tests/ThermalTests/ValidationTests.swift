import Testing
@testable import Thermal

@Suite("Bad input throws a typed error, never traps")
struct ValidationTests {
    struct Case: CustomTestStringConvertible, Sendable {
        let label: String
        let mutate: @Sendable (inout RackThermalParameters) -> Void
        let mentions: String
        var testDescription: String { label }
    }

    static let cases: [Case] = [
        Case(label: "negative die-to-plate resistance", mutate: { $0.dieToPlateResistanceKPerW = -0.01 }, mentions: "dieToPlateResistanceKPerW"),
        Case(label: "zero flow", mutate: { $0.massFlowKgPerS = 0 }, mentions: "massFlowKgPerS"),
        Case(label: "NaN plate resistance", mutate: { $0.plateToCoolantResistanceKPerW = .nan }, mentions: "plateToCoolantResistanceKPerW"),
        Case(label: "NaN capacitance", mutate: { $0.dieCapacitanceJPerK = .nan }, mentions: "dieCapacitanceJPerK"),
        Case(label: "infinite specific heat", mutate: { $0.coolantSpecificHeatJPerKgK = .infinity }, mentions: "coolantSpecificHeatJPerKgK"),
        Case(label: "effectiveness above one", mutate: { $0.cdu = .effectiveness(1.2) }, mentions: "cdu.effectiveness"),
        Case(label: "negative approach", mutate: { $0.cdu = .approach(approachK: -3, atHeatLoadW: 1e5) }, mentions: "cdu.approachK"),
        Case(label: "no trays", mutate: { $0.trayCount = 0 }, mentions: "trayCount"),
        Case(label: "power shares not summing to one", mutate: { $0.trayCount = 2; $0.trayPowerShares = [0.5, 0.6] }, mentions: "trayPowerShares"),
        Case(label: "flow shares of the wrong length", mutate: { $0.trayCount = 2; $0.trayFlowShares = [1] }, mentions: "trayFlowShares"),
        Case(label: "NaN die limit", mutate: { $0.dieLimitC = .nan }, mentions: "dieLimitC"),
    ]

    @Test("invalid rack parameters", arguments: cases)
    func invalidParameters(_ testCase: Case) {
        var parameters = RackThermalParameters()
        testCase.mutate(&parameters)
        #expect {
            _ = try RackThermalNetwork(parameters)
        } throws: { error in
            guard let error = error as? ThermalError else { return false }
            return error.description.contains(testCase.mentions)
        }
    }

    @Test("invalid run inputs")
    func invalidRunInputs() throws {
        let network = try RackThermalNetwork(Fixtures.smallRack())
        #expect(throws: ThermalError.self) { _ = try FactoredOperator(network: network, stepSeconds: -1) }
        #expect(throws: ThermalError.self) { _ = try ThermalSimulator(groups: [RackGroup(network: network, rackCount: 1)], stepSeconds: .nan) }
        #expect(throws: ThermalError.self) { _ = try RackPowerSchedule.constant(powerW: [-5]) }
        #expect(throws: ThermalError.self) { _ = try RackPowerSchedule.constant(powerW: [.nan]) }
        #expect(throws: ThermalError.self) { _ = try TrainingOscillation(lowFraction: 0.3, periodSeconds: 0) }
        #expect(throws: ThermalError.self) { _ = try network.steadyState(rackPowerW: 1_000, facilitySupplyTemperatureC: .nan) }
        let simulator = try ThermalSimulator(groups: [RackGroup(network: network, rackCount: 2)])
        var output = ThermalSimulationOutput()
        #expect(throws: ThermalError.lengthMismatch(name: "schedule racks", expected: 2, actual: 1)) {
            try simulator.run(schedule: .constant(powerW: [1]), facilitySupplyTemperatureC: [30], into: &output)
        }
        #expect(throws: ThermalError.self) {
            try simulator.run(schedule: .constant(powerW: [1, 2]), facilitySupplyTemperatureC: [30, .nan], into: &output)
        }
        let misaligned = try RackPowerSchedule(rackCount: 2, intervalSeconds: 1.5, levelsW: [1, 2, 3, 4])
        #expect(throws: ThermalError.self) {
            try simulator.run(schedule: misaligned, facilitySupplyTemperatureC: [30, 30], into: &output)
        }
    }

    @Test("messages name the parameter, its value and the requirement")
    func message() {
        let error = ThermalError.invalidParameter(name: "massFlowKgPerS", value: 0, requirement: "must be finite and > 0")
        #expect(error.description == "thermal: massFlowKgPerS = 0.0 is invalid: must be finite and > 0")
    }
}
