#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Figures of one benchmark run; keys become snake_case in the CLI's JSON.
public struct ThermalBenchmarkReport: Codable, Sendable {
    public var racks: Int
    public var nodesPerRack: Int
    public var steps: Int
    public var threads: Int
    /// Transient node-steps per second with `threads` workers (best of the repetitions).
    public var nodeStepsPerSecond: Double
    public var nodeStepsPerSecondSingleThread: Double
    /// The straightforward sparse-LU reference, single thread, same run, on `referenceRacks`.
    public var referenceNodeStepsPerSecond: Double
    public var referenceRacks: Int
    public var referenceSteps: Int
    /// Largest |reference - fast| over per-rack max die and final return temperatures (K).
    public var referenceMaxDifferenceK: Double
    public var speedupSingleThreadOverReference: Double
    public var speedupOverReference: Double
    /// Heap bytes retained per step of the time loop divided by the 32-byte minimum chunk,
    /// rounded up: 0 means the loop keeps no allocation (see `HeapProbe` and docs/thermal.md).
    public var allocationsPerStep: Double
    public var heapBytesRetainedPerStep: Double
    /// Wall time for maximum-power limits of every rack at every hour (networks built,
    /// output allocated and filled).
    public var steadyLimitsSeconds: Double
    public var steadyLimitsRacks: Int
    public var steadyLimitsHours: Int
    public var maxDieTemperatureC: Double
    public var siteHeatToPlantMW: Double
}

/// The benchmark behind `insula bench thermal`: a 1 GW-class site (7,500 NVL72-class racks,
/// two rack types, training racks oscillating), simulated in release builds.
public enum ThermalBenchmark {
    /// - Parameters:
    ///   - racks: site size (default 7,500 x 132 kW ~ 1 GW).
    ///   - steps: 1 s steps per timed run (at least 600 in the figure).
    ///   - threads: workers for the multi-threaded figure.
    ///   - repetitions: timed runs per figure; the best is reported.
    public static func run(racks: Int = 7_500, steps: Int = 600, threads: Int = 2, repetitions: Int = 3) throws -> ThermalBenchmarkReport {
        guard racks >= 2, steps >= 1, threads >= 1, repetitions >= 1 else {
            throw ThermalError.invalidCount(name: "racks/steps/threads/repetitions", value: Swift.min(racks, steps, threads, repetitions),
                                            requirement: "racks >= 2, steps, threads and repetitions >= 1")
        }
        let site = try BenchmarkSite(racks: racks, steps: steps)
        let simulator = try ThermalSimulator(groups: site.groups, stepSeconds: 1)
        var output = ThermalSimulationOutput(rackCount: racks, steps: steps)
        let nodeSteps = Double(simulator.nodeCount) * Double(steps)

        func timedRuns(threads: Int) throws -> Double {
            var best = Double.infinity
            for _ in 0..<repetitions {
                try simulator.setSteadyState(rackPowerW: site.initialPowerW, facilitySupplyTemperatureC: site.facilityC[0])
                let seconds = try measure {
                    try simulator.run(schedule: site.schedule, facilitySupplyTemperatureC: site.facilityC, threads: threads, into: &output)
                }
                best = Swift.min(best, seconds)
            }
            return best
        }
        // Warm up (scratch sized, pages touched), then measure.
        try simulator.run(schedule: site.schedule, facilitySupplyTemperatureC: site.facilityC, threads: threads, into: &output)
        let multiSeconds = try timedRuns(threads: threads)
        let singleSeconds = try timedRuns(threads: 1)
        let maxDieC = output.maxDieTemperatureC.max() ?? .nan
        let heatMW = (output.heatToPlantW.last ?? 0) / 1e6

        // Retained heap across a whole single-thread run.
        try simulator.setSteadyState(rackPowerW: site.initialPowerW, facilitySupplyTemperatureC: site.facilityC[0])
        let heapBefore = HeapProbe.bytesInUse()
        try simulator.run(schedule: site.schedule, facilitySupplyTemperatureC: site.facilityC, threads: 1, into: &output)
        let heapAfter = HeapProbe.bytesInUse()
        let heapBytesPerStep = heapBefore.flatMap { before in heapAfter.map { Double(Swift.max(0, $0 - before)) / Double(steps) } } ?? .nan

        let reference = try referenceComparison(site: site, steps: Swift.min(steps, 600))
        let limitsSeconds = try steadyLimits(racks: racks, hours: 8_760, threads: threads)

        let single = nodeSteps / singleSeconds
        let multi = nodeSteps / multiSeconds
        return ThermalBenchmarkReport(
            racks: racks, nodesPerRack: simulator.nodeCount / racks, steps: steps, threads: threads,
            nodeStepsPerSecond: multi, nodeStepsPerSecondSingleThread: single,
            referenceNodeStepsPerSecond: reference.nodeStepsPerSecond, referenceRacks: reference.racks,
            referenceSteps: reference.steps, referenceMaxDifferenceK: reference.maxDifferenceK,
            speedupSingleThreadOverReference: single / reference.nodeStepsPerSecond,
            speedupOverReference: multi / reference.nodeStepsPerSecond,
            allocationsPerStep: (heapBytesPerStep / 32).rounded(.up), heapBytesRetainedPerStep: heapBytesPerStep,
            steadyLimitsSeconds: limitsSeconds, steadyLimitsRacks: racks, steadyLimitsHours: 8_760,
            maxDieTemperatureC: maxDieC, siteHeatToPlantMW: heatMW)
    }

    static func measure(_ body: () throws -> Void) rethrows -> Double {
        let clock = ContinuousClock()
        let start = clock.now
        try body()
        let elapsed = clock.now - start
        return Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) * 1e-18
    }

    /// Runs the reference on the first racks of the site (both rack types) and the fast
    /// simulator on the same racks, comparing per-rack results.
    static func referenceComparison(site: BenchmarkSite, steps: Int) throws -> (nodeStepsPerSecond: Double, racks: Int, steps: Int, maxDifferenceK: Double) {
        let subset = try site.subset(racksPerGroup: 128)
        let facility = Array(site.facilityC.prefix(steps))
        let solvers = try subset.groups.map { try ReferenceSolver(network: $0.network, stepSeconds: 1) }
        var rackSolver = [Int](), nodes = 0
        for (group, rackGroup) in subset.groups.enumerated() {
            for _ in 0..<rackGroup.rackCount { rackSolver.append(group); nodes += rackGroup.network.nodeCount }
        }
        let racks = rackSolver.count
        var states = [[Double]]()
        for rack in 0..<racks {
            let network = solvers[rackSolver[rack]].network
            states.append(try network.steadyState(rackPowerW: subset.initialPowerW[rack], facilitySupplyTemperatureC: facility[0]).temperaturesC)
        }
        let maxNodes = subset.groups.map(\.network.nodeCount).max()!
        var rhs = [Double](repeating: 0, count: maxNodes), work = [Double](repeating: 0, count: maxNodes)
        var maxDie = [Double](repeating: -.infinity, count: racks)
        let schedule = subset.schedule
        let seconds = measure {
            for step in 0..<steps {
                let interval = Swift.min(step / Int(schedule.intervalSeconds), schedule.intervalCount - 1)
                for rack in 0..<racks {
                    let oscillation = schedule.oscillationTable[Int(schedule.oscillationIndex[rack])]
                    let factor = oscillation?.meanFactor(fromSeconds: Double(step), toSeconds: Double(step + 1)) ?? 1
                    let powerW = schedule.levelsW[interval * racks + rack] * factor
                    let dieC = solvers[rackSolver[rack]].step(temperaturesC: &states[rack], rackPowerW: powerW,
                                                              facilitySupplyTemperatureC: facility[step], rhs: &rhs, work: &work)
                    maxDie[rack] = Swift.max(maxDie[rack], dieC)
                }
            }
        }
        // The fast path on the same racks and steps.
        let simulator = try ThermalSimulator(groups: subset.groups, stepSeconds: 1)
        try simulator.setSteadyState(rackPowerW: subset.initialPowerW, facilitySupplyTemperatureC: facility[0])
        var output = ThermalSimulationOutput()
        try simulator.run(schedule: schedule, facilitySupplyTemperatureC: facility, into: &output)
        var difference = 0.0
        for rack in 0..<racks {
            let network = solvers[rackSolver[rack]].network
            difference = Swift.max(difference, abs(maxDie[rack] - output.maxDieTemperatureC[rack]))
            difference = Swift.max(difference, abs(states[rack][network.returnNode] - output.returnTemperatureC[rack]))
        }
        return (Double(nodes) * Double(steps) / seconds, racks, steps, difference)
    }

    /// Limits for `racks` racks, each its own network (flows spread +-10 %), at `hours` hourly
    /// facility temperatures; timed from building the networks to the filled table.
    static func steadyLimits(racks: Int, hours: Int, threads: Int) throws -> Double {
        let temperatures = (0..<hours).map { (hour: Int) -> Double in
            let seasonal: Double = 8 * sin(2 * Double.pi * Double(hour) / 8_760)
            let daily: Double = 4 * sin(2 * Double.pi * Double(hour) / 24)
            return 24 + seasonal + daily
        }
        var checksum = 0.0
        let seconds = try measure {
            var networks = [RackThermalNetwork]()
            networks.reserveCapacity(racks)
            for rack in 0..<racks {
                networks.append(try RackThermalNetwork(RackThermalParameters(massFlowKgPerS: 1.98 * (0.9 + 0.2 * Double(rack % 101) / 100))))
            }
            let limits = UnsafeMutableBufferPointer<Double>.allocate(capacity: racks * hours)
            defer { limits.deallocate() }
            try ThermalLimits.maxRackPowerW(networks: networks, facilitySupplyTemperaturesC: temperatures, threads: threads, into: limits)
            checksum = limits[limits.count / 2]
        }
        precondition(checksum.isFinite, "limits must be finite")
        return seconds
    }
}

/// The benchmark's synthetic site: two thirds training racks (default NVL72-class network,
/// oscillating 8 s cycles between the scheduled level and 30 % of it), one third inference
/// racks at 80 % flow; levels change every 60 s; facility supply swings 26-32 C.
struct BenchmarkSite {
    let groups: [RackGroup]
    let schedule: RackPowerSchedule
    let initialPowerW: [Double]
    let facilityC: [Double]
    let trainingRacks: Int
    let levelsByRack: [[Double]]
    let oscillationByRack: [TrainingOscillation?]

    init(racks: Int, steps: Int) throws {
        let training = (2 * racks) / 3
        let inferenceParameters = RackThermalParameters(massFlowKgPerS: 0.8 * 1.98)
        let trainingNetwork = try RackThermalNetwork(RackThermalParameters())
        let inferenceNetwork = try RackThermalNetwork(inferenceParameters)
        let intervals = (steps + 59) / 60
        var generator = SplitMix64(seed: 42)
        var levelsByRack = [[Double]]()
        for rack in 0..<racks {
            let (low, high) = rack < training ? (0.55, 1.0) : (0.3, 0.8)
            levelsByRack.append((0..<intervals).map { _ in 132_000 * (low + (high - low) * generator.nextUnit()) })
        }
        let oscillation = try TrainingOscillation(lowFraction: 0.3, periodSeconds: 8, highDutyCycle: 0.6)
        let oscillations: [TrainingOscillation?] = (0..<racks).map { $0 < training ? oscillation : nil }
        try self.init(groups: [RackGroup(network: trainingNetwork, rackCount: training),
                               RackGroup(network: inferenceNetwork, rackCount: racks - training)],
                      levelsByRack: levelsByRack, oscillations: oscillations, trainingRacks: training,
                      facilityC: (0..<steps).map { (step: Int) -> Double in 29 + 3 * sin(2 * Double.pi * Double(step) / 600) })
    }

    init(groups: [RackGroup], levelsByRack: [[Double]], oscillations: [TrainingOscillation?], trainingRacks: Int, facilityC: [Double]) throws {
        let racks = levelsByRack.count, intervals = levelsByRack[0].count
        var levels = [Double](repeating: 0, count: racks * intervals)
        for rack in 0..<racks { for interval in 0..<intervals { levels[interval * racks + rack] = levelsByRack[rack][interval] } }
        self.groups = groups
        self.schedule = try RackPowerSchedule(rackCount: racks, intervalSeconds: 60, levelsW: levels, oscillations: oscillations)
        self.initialPowerW = levelsByRack.map { $0[0] }
        self.facilityC = facilityC
        self.trainingRacks = trainingRacks
        self.levelsByRack = levelsByRack
        self.oscillationByRack = oscillations
    }

    /// The first `racksPerGroup` racks of each group.
    func subset(racksPerGroup: Int) throws -> BenchmarkSite {
        var groups = [RackGroup](), levels = [[Double]](), oscillations = [TrainingOscillation?]()
        var offset = 0
        for group in self.groups {
            let count = Swift.min(racksPerGroup, group.rackCount)
            groups.append(try RackGroup(network: group.network, rackCount: count))
            levels += levelsByRack[offset..<(offset + count)]
            oscillations += oscillationByRack[offset..<(offset + count)]
            offset += group.rackCount
        }
        return try BenchmarkSite(groups: groups, levelsByRack: levels, oscillations: oscillations,
                                 trainingRacks: groups[0].rackCount, facilityC: facilityC)
    }
}

/// Deterministic generator for the synthetic site (same figures on every run).
struct SplitMix64 {
    var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
    mutating func nextUnit() -> Double { Double(next() >> 11) * 0x1p-53 }
}
