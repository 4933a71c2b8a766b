import Foundation
import Testing
@testable import Thermal

/// A small two-type site driven by a changing schedule, an oscillation and a changing
/// facility temperature: the same inputs for the structured solver and the dense reference.
struct SmallSite {
    let parametersByGroup: [RackThermalParameters]
    let racksByGroup: [Int]
    let groups: [RackGroup]
    let levelsByRack: [[Double]]   // per rack, per 4-second interval
    let oscillations: [TrainingOscillation?]
    let facilityC: [Double]
    let intervalSeconds = 4.0

    init(steps: Int = 40) throws {
        var second = Fixtures.uniformRack(trays: 2)
        second.ratedPowerW = 20_000
        parametersByGroup = [Fixtures.smallRack(), second]
        racksByGroup = [3, 2]
        groups = try zip(parametersByGroup, racksByGroup).map { try RackGroup(network: RackThermalNetwork($0), rackCount: $1) }
        let racks = racksByGroup.reduce(0, +)
        let intervals = (steps + 3) / 4
        var levels = [[Double]]()
        for rack in 0..<racks {
            var row = [Double]()
            for interval in 0..<intervals {
                let variation = Double((rack * 7 + interval * 3) % 5)
                row.append(8_000 + 2_500 * variation)
            }
            levels.append(row)
        }
        levelsByRack = levels
        let swing = try TrainingOscillation(lowFraction: 0.2, periodSeconds: 3, highDutyCycle: 0.6, phaseSeconds: 0.5)
        oscillations = (0..<racks).map { $0 % 2 == 0 ? swing : nil }
        facilityC = (0..<steps).map { (step: Int) -> Double in 28 + 4 * sin(Double(step) / 5) }
    }

    var rackCount: Int { racksByGroup.reduce(0, +) }

    func schedule() throws -> RackPowerSchedule {
        let racks = rackCount, intervals = levelsByRack[0].count
        var levels = [Double](repeating: 0, count: racks * intervals)
        for rack in 0..<racks { for interval in 0..<intervals { levels[interval * racks + rack] = levelsByRack[rack][interval] } }
        return try RackPowerSchedule(rackCount: racks, intervalSeconds: intervalSeconds, levelsW: levels, oscillations: oscillations)
    }

    func parameters(ofRack rack: Int) -> RackThermalParameters { rack < racksByGroup[0] ? parametersByGroup[0] : parametersByGroup[1] }

    /// Mean rack power over step `step` (1 s steps), computed independently of the module.
    func powerW(rack: Int, step: Int) -> Double {
        let level = levelsByRack[rack][min(step / 4, levelsByRack[rack].count - 1)]
        guard let oscillation = oscillations[rack] else { return level }
        // Integrate the square wave numerically (fine sampling is exact for these rational times).
        let samples = 6_000
        var high = 0
        for sample in 0..<samples {
            let t = Double(step) + (Double(sample) + 0.5) / Double(samples) + oscillation.phaseSeconds
            let phase = t - (t / oscillation.periodSeconds).rounded(.down) * oscillation.periodSeconds
            if phase < oscillation.highDutyCycle * oscillation.periodSeconds { high += 1 }
        }
        let highFraction = Double(high) / Double(samples)
        return level * (oscillation.lowFraction + (1 - oscillation.lowFraction) * highFraction)
    }
}

@Suite("Transient")
struct TransientTests {
    @Test("agrees with a dense direct solve to 1e-9 K, step by step", arguments: [1, 2])
    func matchesDense(threads: Int) throws {
        let site = try SmallSite()
        let simulator = try ThermalSimulator(groups: site.groups, stepSeconds: 1)
        try simulator.setUniformTemperature(35)
        let schedule = try site.schedule()
        var output = ThermalSimulationOutput()
        var dense = (0..<site.rackCount).map { [Double](repeating: 35, count: DenseRack(site.parameters(ofRack: $0)).n) }
        var maxDie = [Double](repeating: -.infinity, count: site.rackCount)
        var worst = 0.0
        for step in 0..<site.facilityC.count {
            try simulator.run(schedule: schedule, facilitySupplyTemperatureC: [site.facilityC[step]], startSeconds: Double(step),
                              threads: threads, into: &output)
            var heatW = 0.0
            for rack in 0..<site.rackCount {
                let model = DenseRack(site.parameters(ofRack: rack))
                dense[rack] = model.step(dense[rack], powerW: site.powerW(rack: rack, step: step), facilityC: site.facilityC[step], stepSeconds: 1)
                for node in 0..<model.n {
                    worst = max(worst, abs(simulator.temperatureC(rack: rack, node: node) - dense[rack][node]))
                }
                for tray in 0..<model.trays { maxDie[rack] = max(maxDie[rack], dense[rack][3 * tray]) }
                heatW += model.plantConductance * (dense[rack][model.n - 1] - site.facilityC[step])
            }
            #expect(abs(output.heatToPlantW[0] - heatW) < 1e-9 * heatW)
        }
        #expect(worst < 1e-9)
        // One run over all steps gives the same per-rack results.
        try simulator.setUniformTemperature(35)
        try simulator.run(schedule: schedule, facilitySupplyTemperatureC: site.facilityC, threads: threads, into: &output)
        #expect(maxAbsDifference(output.maxDieTemperatureC, maxDie) < 1e-9)
        for rack in 0..<site.rackCount {
            #expect(abs(output.returnTemperatureC[rack] - dense[rack].last!) < 1e-9)
        }
    }

    @Test("energy is conserved each step: heat in = heat to plant + heat stored, to 1e-9 relative")
    func energyConservation() throws {
        let site = try SmallSite(steps: 12)
        let simulator = try ThermalSimulator(groups: site.groups, stepSeconds: 1)
        try simulator.setUniformTemperature(30)
        let schedule = try site.schedule()
        var output = ThermalSimulationOutput()
        for step in 0..<site.facilityC.count {
            let before = (0..<site.rackCount).map { rack in (0..<DenseRack(site.parameters(ofRack: rack)).n).map { simulator.temperatureC(rack: rack, node: $0) } }
            try simulator.run(schedule: schedule, facilitySupplyTemperatureC: [site.facilityC[step]], startSeconds: Double(step), into: &output)
            var heatInJ = 0.0, storedJ = 0.0
            for rack in 0..<site.rackCount {
                let network = site.groups[rack < site.racksByGroup[0] ? 0 : 1].network
                heatInJ += site.powerW(rack: rack, step: step)
                for node in 0..<network.nodeCount {
                    storedJ += network.capacitancesJPerK[node] * (simulator.temperatureC(rack: rack, node: node) - before[rack][node])
                }
            }
            let removedJ = output.heatToPlantW[0]
            #expect(abs(heatInJ - removedJ - storedJ) < 1e-9 * heatInJ)
        }
    }

    @Test("converges to the steady state under constant inputs")
    func convergesToSteadyState() throws {
        let network = try RackThermalNetwork(Fixtures.smallRack())
        let simulator = try ThermalSimulator(groups: [RackGroup(network: network, rackCount: 2)], stepSeconds: 1)
        try simulator.setUniformTemperature(20)
        var output = ThermalSimulationOutput()
        try simulator.run(schedule: .constant(powerW: [15_000, 20_000]), facilitySupplyTemperatureC: Array(repeating: 30, count: 900), into: &output)
        for (rack, powerW) in [15_000.0, 20_000].enumerated() {
            let steady = try network.steadyState(rackPowerW: powerW, facilitySupplyTemperatureC: 30)
            for node in 0..<network.nodeCount {
                #expect(abs(simulator.temperatureC(rack: rack, node: node) - steady.temperaturesC[node]) < 1e-9)
            }
            #expect(abs(output.heatToPlantW.last! - 35_000) < 1e-6)
        }
    }

    @Test("setSteadyState is a fixed point of the time step")
    func steadyStateIsFixedPoint() throws {
        let network = try RackThermalNetwork(Fixtures.smallRack())
        let simulator = try ThermalSimulator(groups: [RackGroup(network: network, rackCount: 70)], stepSeconds: 1)
        let powers = (0..<70).map { 5_000 + 200 * Double($0) }
        try simulator.setSteadyState(rackPowerW: powers, facilitySupplyTemperatureC: 31)
        let before = (0..<70).map { simulator.temperatureC(rack: $0, node: network.returnNode) }
        var output = ThermalSimulationOutput()
        try simulator.run(schedule: .constant(powerW: powers), facilitySupplyTemperatureC: [31, 31, 31], into: &output)
        for rack in 0..<70 {
            #expect(abs(simulator.temperatureC(rack: rack, node: network.returnNode) - before[rack]) < 1e-9)
        }
    }

    @Test("time above the die limit counts the steps whose hottest die exceeds it")
    func secondsAboveLimit() throws {
        var parameters = Fixtures.smallRack()
        parameters.dieLimitC = 60
        let network = try RackThermalNetwork(parameters)
        let simulator = try ThermalSimulator(groups: [RackGroup(network: network, rackCount: 1)], stepSeconds: 1)
        try simulator.setUniformTemperature(30)
        var output = ThermalSimulationOutput()
        var hot = 0.0, hottest = -Double.infinity
        let schedule = try RackPowerSchedule.constant(powerW: [40_000])
        for step in 0..<30 {
            try simulator.run(schedule: schedule, facilitySupplyTemperatureC: [30], startSeconds: Double(step), into: &output)
            let die = (0..<3).map { simulator.temperatureC(rack: 0, node: network.dieNode(tray: $0)) }.max()!
            hottest = max(hottest, die)
            if die > 60 { hot += 1 }
        }
        try simulator.setUniformTemperature(30)
        try simulator.run(schedule: schedule, facilitySupplyTemperatureC: Array(repeating: 30, count: 30), into: &output)
        #expect(hot > 0 && hot < 30)
        #expect(output.secondsAboveDieLimit[0] == hot)
        #expect(abs(output.maxDieTemperatureC[0] - hottest) < 1e-12)
        #expect(abs(output.maxDieTemperatureCByStep.max()! - hottest) < 1e-12)
    }

    @Test("the oscillation's step mean is the exact integral of the square wave")
    func oscillationMean() throws {
        let wave = try TrainingOscillation(lowFraction: 0.25, periodSeconds: 4, highDutyCycle: 0.5)
        #expect(abs(wave.meanFactor(fromSeconds: 0, toSeconds: 2) - 1) < 1e-15)
        #expect(abs(wave.meanFactor(fromSeconds: 2, toSeconds: 4) - 0.25) < 1e-15)
        #expect(abs(wave.meanFactor(fromSeconds: 1, toSeconds: 3) - 0.625) < 1e-15)
        #expect(abs(wave.meanFactor(fromSeconds: 0, toSeconds: 400) - 0.625) < 1e-12)
        // A period shorter than the step averages out.
        let fast = try TrainingOscillation(lowFraction: 0, periodSeconds: 0.1, highDutyCycle: 0.3)
        #expect(abs(fast.meanFactor(fromSeconds: 7, toSeconds: 8) - 0.3) < 1e-9)
    }
}
