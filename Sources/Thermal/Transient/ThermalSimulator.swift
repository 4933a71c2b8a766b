import Dispatch

/// Backward-Euler transient simulation of every rack of a site.
///
/// Built once per site and step size: one `FactoredOperator` per `RackGroup`, a blocked
/// structure-of-arrays state (`[block][node][64 racks]`) and all scratch space. `run` then
/// allocates nothing inside its time loop: each thread takes a contiguous range of blocks and
/// advances each block through all steps while it sits in L1 (racks are independent given the
/// facility supply temperature), writing per-thread, per-step heat and maxima that are reduced
/// in a fixed order afterwards.
///
/// Not thread-safe itself (it owns mutable buffers); use one per thread.
public final class ThermalSimulator {
    public let groups: [RackGroup]
    public let operators: [FactoredOperator]
    public let stepSeconds: Double
    public let rackCount: Int
    /// Nodes over all racks (56 per NVL72-class rack).
    public let nodeCount: Int

    static let lanes = BlockKernel.lanes
    let groupRackOffset: [Int]
    let groupStateOffset: [Int]
    let groupCoefficientOffset: [Int]
    /// Work items: (group, block) pairs in site order.
    let blockGroup: [Int]
    let blockIndex: [Int]
    let state: UnsafeMutablePointer<Double>
    let stateCount: Int
    let coefficients: UnsafeMutablePointer<Double>
    let coefficientCount: Int
    /// Per-rack outputs written by the threads.
    let rackOutputs: UnsafeMutablePointer<Double>
    /// Lane scratch, 6 x lanes per thread slot.
    var laneScratch: UnsafeMutablePointer<Double>
    var laneScratchThreads = 0
    /// Per-thread, per-step heat and maxima; and per-step, per-oscillation factors.
    var stepScratch: UnsafeMutablePointer<Double>
    var stepScratchCount = 0

    /// - Parameters:
    ///   - groups: racks by shared network; racks are numbered group after group.
    ///   - stepSeconds: fixed step (default 1 s).
    /// - Throws: `ThermalError` for a non-positive or non-finite step, or no racks.
    public init(groups: [RackGroup], stepSeconds: Double = 1) throws {
        try requirePositive(stepSeconds, "stepSeconds")
        let racks = groups.reduce(0) { $0 + $1.rackCount }
        guard racks >= 1 else {
            throw ThermalError.invalidCount(name: "rackCount", value: racks, requirement: "a site needs at least one rack")
        }
        self.groups = groups
        self.stepSeconds = stepSeconds
        self.operators = try groups.map { try FactoredOperator(network: $0.network, stepSeconds: stepSeconds) }
        self.rackCount = racks
        self.nodeCount = groups.reduce(0) { $0 + $1.rackCount * $1.network.nodeCount }
        let lanes = Self.lanes
        var rackOffset = [Int](), stateOffset = [Int](), coefficientOffset = [Int]()
        var blockGroup = [Int](), blockIndex = [Int]()
        var racksSoFar = 0, stateSoFar = 0, coefficientsSoFar = 0
        for (group, rackGroup) in groups.enumerated() {
            rackOffset.append(racksSoFar)
            stateOffset.append(stateSoFar)
            coefficientOffset.append(coefficientsSoFar)
            let blocks = (rackGroup.rackCount + lanes - 1) / lanes
            for block in 0..<blocks {
                blockGroup.append(group)
                blockIndex.append(block)
            }
            racksSoFar += rackGroup.rackCount
            stateSoFar += blocks * rackGroup.network.nodeCount * lanes
            coefficientsSoFar += operators[group].trayCoefficients.count
        }
        self.groupRackOffset = rackOffset
        self.groupStateOffset = stateOffset
        self.groupCoefficientOffset = coefficientOffset
        self.blockGroup = blockGroup
        self.blockIndex = blockIndex
        // 64-byte alignment: one lane row starts on a cache line.
        self.stateCount = stateSoFar
        self.state = Self.allocate(stateSoFar)
        self.state.initialize(repeating: 0, count: stateSoFar)
        self.coefficientCount = coefficientsSoFar
        let coefficientStorage = Self.allocate(coefficientsSoFar)
        for (group, op) in operators.enumerated() {
            op.trayCoefficients.withUnsafeBufferPointer {
                (coefficientStorage + coefficientOffset[group]).initialize(from: $0.baseAddress!, count: $0.count)
            }
        }
        self.coefficients = coefficientStorage
        self.rackOutputs = Self.allocate(4 * racks)
        self.rackOutputs.initialize(repeating: 0, count: 4 * racks)
        self.laneScratch = Self.allocate(0)
        self.stepScratch = Self.allocate(0)
    }

    deinit {
        state.deallocate()
        coefficients.deallocate()
        rackOutputs.deallocate()
        laneScratch.deallocate()
        stepScratch.deallocate()
    }

    static func allocate(_ count: Int) -> UnsafeMutablePointer<Double> {
        UnsafeMutableRawPointer.allocate(byteCount: Swift.max(1, count) * 8, alignment: 64)
            .bindMemory(to: Double.self, capacity: Swift.max(1, count))
    }

    // MARK: - State

    /// Sets every node of every rack to `temperatureC`.
    public func setUniformTemperature(_ temperatureC: Double) throws {
        try requireFinite(temperatureC, "temperatureC")
        state.update(repeating: temperatureC, count: stateCount)
    }

    /// Sets every rack to its steady state at the given power and facility supply temperature.
    public func setSteadyState(rackPowerW: [Double], facilitySupplyTemperatureC: Double) throws {
        guard rackPowerW.count == rackCount else {
            throw ThermalError.lengthMismatch(name: "rackPowerW", expected: rackCount, actual: rackPowerW.count)
        }
        try requireAllNonNegative(rackPowerW, "rackPowerW")
        try requireFinite(facilitySupplyTemperatureC, "facilitySupplyTemperatureC")
        let lanes = Self.lanes
        var power = [Double](repeating: 0, count: lanes)
        var accumulator = [Double](repeating: 0, count: lanes)
        var laneMaximum = [Double](repeating: 0, count: lanes)
        for (group, rackGroup) in groups.enumerated() {
            let steady = FactoredOperator(steadyStateOf: rackGroup.network)
            let blockStride = rackGroup.network.nodeCount * lanes
            steady.trayCoefficients.withUnsafeBufferPointer { coefficientBuffer in
                let view = steady.view(coefficientBuffer.baseAddress!)
                for block in 0..<((rackGroup.rackCount + lanes - 1) / lanes) {
                    for lane in 0..<lanes {
                        let local = block * lanes + lane
                        power[lane] = local < rackGroup.rackCount ? rackPowerW[groupRackOffset[group] + local] : 0
                    }
                    let blockState = state + groupStateOffset[group] + block * blockStride
                    blockState.update(repeating: facilitySupplyTemperatureC, count: blockStride)
                    BlockKernel.step(view, lanes: lanes, state: blockState, powerW: power,
                                     facilitySupplyTemperatureC: facilitySupplyTemperatureC,
                                     accumulator: &accumulator, laneMaxDieC: &laneMaximum)
                }
            }
        }
    }

    /// Position of (rack, node) in the blocked state.
    func stateIndex(rack: Int, node: Int) -> Int {
        precondition(rack >= 0 && rack < rackCount, "rack \(rack) out of range 0..<\(rackCount)")
        var group = groups.count - 1
        while groupRackOffset[group] > rack || groups[group].rackCount == 0 { group -= 1 }
        let nodes = groups[group].network.nodeCount
        precondition(node >= 0 && node < nodes, "node \(node) out of range 0..<\(nodes)")
        let local = rack - groupRackOffset[group]
        let lanes = Self.lanes
        return groupStateOffset[group] + (local / lanes) * nodes * lanes + node * lanes + local % lanes
    }

    /// The current temperature of one node of one rack (node numbering: `RackThermalNetwork`).
    public func temperatureC(rack: Int, node: Int) -> Double {
        state[stateIndex(rack: rack, node: node)]
    }

    /// Overwrites one node's temperature (initial conditions, tests).
    public func setTemperatureC(_ temperatureC: Double, rack: Int, node: Int) {
        state[stateIndex(rack: rack, node: node)] = temperatureC
    }

    // MARK: - Run

    /// Advances the site by `facilitySupplyTemperatureC.count` steps.
    /// - Parameters:
    ///   - schedule: rack power levels and oscillations; racks in group order.
    ///   - facilitySupplyTemperatureC: facility water supply per step (at the step's end).
    ///   - startSeconds: simulated time at the start of the first step (positions the schedule
    ///     and the oscillations).
    ///   - threads: worker threads (racks split by blocks of 64).
    ///   - output: caller-owned results, resized only if the rack or step count changed.
    /// - Throws: `ThermalError` on mismatched lengths, non-finite temperatures, or schedule
    ///   intervals that are not whole multiples of the step.
    /// Complexity: O(nodes x steps / threads); no allocation in the time loop.
    public func run(schedule: RackPowerSchedule, facilitySupplyTemperatureC: [Double], startSeconds: Double = 0,
                    threads: Int = 1, into output: inout ThermalSimulationOutput) throws {
        guard schedule.rackCount == rackCount else {
            throw ThermalError.lengthMismatch(name: "schedule racks", expected: rackCount, actual: schedule.rackCount)
        }
        guard threads >= 1 else {
            throw ThermalError.invalidCount(name: "threads", value: threads, requirement: "must be >= 1")
        }
        try requireFinite(startSeconds, "startSeconds")
        try requireAllFinite(facilitySupplyTemperatureC, "facilitySupplyTemperatureC")
        if schedule.intervalCount > 1 {
            let ratio = schedule.intervalSeconds / stepSeconds
            guard ratio >= 1, abs(ratio - ratio.rounded()) <= 1e-9 * ratio,
                  abs((startSeconds / stepSeconds) - (startSeconds / stepSeconds).rounded()) <= 1e-9 * Swift.max(1, abs(startSeconds / stepSeconds)) else {
                throw ThermalError.invalidParameter(name: "schedule.intervalSeconds", value: schedule.intervalSeconds,
                                                    requirement: "must be a whole multiple of stepSeconds (\(stepSeconds)), with startSeconds on a step boundary")
            }
        }
        let steps = facilitySupplyTemperatureC.count
        output.resize(rackCount: rackCount, steps: steps)
        guard steps > 0 else { return }
        let workers = Swift.min(threads, blockGroup.count)
        let oscillations = schedule.oscillationTable.count
        reserveScratch(threads: workers, stepValues: steps * (2 * workers + oscillations))
        let factors = stepScratch + 2 * workers * steps
        for step in 0..<steps {
            let start = startSeconds + Double(step) * stepSeconds
            factors[step * oscillations] = 1
            for entry in 1..<Swift.max(1, oscillations) {
                factors[step * oscillations + entry] = schedule.oscillationTable[entry]!
                    .meanFactor(fromSeconds: start, toSeconds: start + stepSeconds)
            }
        }
        let context = RunContext(
            steps: steps, stepSeconds: stepSeconds, startSeconds: startSeconds,
            intervalSeconds: schedule.intervalSeconds, intervalCount: schedule.intervalCount,
            rackCount: rackCount, oscillationCount: oscillations, workers: workers, blockCount: blockGroup.count)
        schedule.levelsW.withUnsafeBufferPointer { levels in
            schedule.oscillationIndex.withUnsafeBufferPointer { oscillationIndex in
                facilitySupplyTemperatureC.withUnsafeBufferPointer { facility in
                    let work = BlockWork(
                        context: context, levels: levels.baseAddress!, oscillationIndex: oscillationIndex.baseAddress!,
                        facility: facility.baseAddress!, factors: factors, simulator: self)
                    if workers == 1 {
                        work.run(worker: 0)
                    } else {
                        DispatchQueue.concurrentPerform(iterations: workers) { worker in
                            work.run(worker: worker)
                        }
                    }
                }
            }
        }
        // Reduce per-thread step results in a fixed order (deterministic for a thread count).
        output.heatToPlantW.withUnsafeMutableBufferPointer { heat in
            output.maxDieTemperatureCByStep.withUnsafeMutableBufferPointer { maximum in
                for step in 0..<steps {
                    var heatW = 0.0, dieC = -Double.infinity
                    for worker in 0..<workers {
                        heatW += stepScratch[2 * worker * steps + step]
                        dieC = Swift.max(dieC, stepScratch[(2 * worker + 1) * steps + step])
                    }
                    heat[step] = heatW
                    maximum[step] = dieC
                }
            }
        }
        for rack in 0..<rackCount {
            output.maxDieTemperatureC[rack] = rackOutputs[rack]
            output.secondsAboveDieLimit[rack] = rackOutputs[rackCount + rack]
            output.returnTemperatureC[rack] = rackOutputs[2 * rackCount + rack]
            output.maxReturnTemperatureC[rack] = rackOutputs[3 * rackCount + rack]
        }
    }

    private func reserveScratch(threads: Int, stepValues: Int) {
        if laneScratchThreads < threads {
            laneScratch.deallocate()
            laneScratch = Self.allocate(6 * Self.lanes * threads)
            laneScratchThreads = threads
        }
        if stepScratchCount < stepValues {
            stepScratch.deallocate()
            stepScratch = Self.allocate(stepValues)
            stepScratchCount = stepValues
        }
    }
}

struct RunContext {
    let steps: Int
    let stepSeconds: Double
    let startSeconds: Double
    let intervalSeconds: Double
    let intervalCount: Int
    let rackCount: Int
    let oscillationCount: Int
    let workers: Int
    let blockCount: Int
}

/// One run's shared, read-mostly view for the workers.
///
/// `@unchecked Sendable` because it carries raw pointers; it is safe as used: each worker
/// writes only its own blocks of the state, its own racks' outputs and its own scratch slots,
/// reads everything else, and `run` returns only after `concurrentPerform` has joined them.
/// The simulator outlives the call (it is the caller of `concurrentPerform`).
struct BlockWork: @unchecked Sendable {
    let context: RunContext
    let levels: UnsafePointer<Double>
    let oscillationIndex: UnsafePointer<Int32>
    let facility: UnsafePointer<Double>
    let factors: UnsafeMutablePointer<Double>
    let simulator: ThermalSimulator

    /// One worker's share: a contiguous range of blocks, each advanced through every step.
    func run(worker: Int) {
        let lanes = ThermalSimulator.lanes
        let steps = context.steps
        let firstBlock = worker * context.blockCount / context.workers
        let endBlock = (worker + 1) * context.blockCount / context.workers
        let heatByStep = simulator.stepScratch + 2 * worker * steps
        let maxDieByStep = simulator.stepScratch + (2 * worker + 1) * steps
        heatByStep.update(repeating: 0, count: steps)
        maxDieByStep.update(repeating: -.infinity, count: steps)
        let scratch = simulator.laneScratch + 6 * lanes * worker
        let power = scratch, accumulator = scratch + lanes, laneMaxDie = scratch + 2 * lanes
        let rackMaxDie = scratch + 3 * lanes, secondsAbove = scratch + 4 * lanes, rackMaxReturn = scratch + 5 * lanes
        let stepsPerInterval = context.intervalCount > 1 ? Int((context.intervalSeconds / context.stepSeconds).rounded()) : 0
        let firstStepIndex = Int((context.startSeconds / context.stepSeconds).rounded())
        for item in firstBlock..<endBlock {
            let group = simulator.blockGroup[item], block = simulator.blockIndex[item]
            let network = simulator.groups[group].network
            let op = simulator.operators[group]
            let view = OperatorView(
                coefficients: simulator.coefficients + simulator.groupCoefficientOffset[group], trayCount: network.trayCount,
                returnCapacityRate: op.returnCapacityRate, supplyCapacityRate: op.supplyCapacityRate,
                inverse11: op.inverse11, inverse12: op.inverse12, inverse21: op.inverse21, inverse22: op.inverse22,
                plantConductanceWPerK: op.plantConductanceWPerK)
            let blockState = simulator.state + simulator.groupStateOffset[group] + block * network.nodeCount * lanes
            let returnRow = blockState + network.returnNode * lanes
            let firstRack = simulator.groupRackOffset[group] + block * lanes
            let valid = Swift.min(lanes, simulator.groups[group].rackCount - block * lanes)
            let dieLimitC = network.parameters.dieLimitC
            let plantConductance = op.plantConductanceWPerK
            let rackOscillation = oscillationIndex + firstRack
            for lane in 0..<lanes {
                power[lane] = 0
                rackMaxDie[lane] = -.infinity
                secondsAbove[lane] = 0
                rackMaxReturn[lane] = -.infinity
            }
            // The time loop: no allocation, no reference counting, pointers only.
            for step in 0..<steps {
                let interval = stepsPerInterval == 0 ? 0 : Swift.min((firstStepIndex &+ step) / stepsPerInterval, context.intervalCount &- 1)
                let levelRow = levels + (interval &* context.rackCount &+ firstRack)
                let factorRow = factors + step &* context.oscillationCount
                for lane in 0..<valid {
                    power[lane] = levelRow[lane] * factorRow[Int(rackOscillation[lane])]
                }
                let facilityC = facility[step]
                BlockKernel.step(view, lanes: lanes, state: blockState, powerW: power,
                                 facilitySupplyTemperatureC: facilityC,
                                 accumulator: accumulator, laneMaxDieC: laneMaxDie)
                var heatW = 0.0, stepMaxDie = -Double.infinity
                for lane in 0..<valid {
                    let dieC = laneMaxDie[lane]
                    rackMaxDie[lane] = dieC > rackMaxDie[lane] ? dieC : rackMaxDie[lane]
                    secondsAbove[lane] += dieC > dieLimitC ? context.stepSeconds : 0
                    stepMaxDie = dieC > stepMaxDie ? dieC : stepMaxDie
                    let returnC = returnRow[lane]
                    rackMaxReturn[lane] = returnC > rackMaxReturn[lane] ? returnC : rackMaxReturn[lane]
                    heatW += plantConductance * (returnC - facilityC)
                }
                heatByStep[step] += heatW
                maxDieByStep[step] = stepMaxDie > maxDieByStep[step] ? stepMaxDie : maxDieByStep[step]
            }
            for lane in 0..<valid {
                simulator.rackOutputs[firstRack + lane] = rackMaxDie[lane]
                simulator.rackOutputs[simulator.rackCount + firstRack + lane] = secondsAbove[lane]
                simulator.rackOutputs[2 * simulator.rackCount + firstRack + lane] = returnRow[lane]
                simulator.rackOutputs[3 * simulator.rackCount + firstRack + lane] = rackMaxReturn[lane]
            }
        }
    }
}
