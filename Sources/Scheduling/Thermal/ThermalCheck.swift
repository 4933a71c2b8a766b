import Foundation
import Thermal

/// Settings of the thermal check of a schedule (`insula solve --thermal-check`).
public struct ThermalCheckOptions: Sendable {
    /// Most thermal simulations; each one that finds a violation is followed by a re-solve.
    public var rounds = 3
    /// Backward-Euler step of the transient simulation, s.
    public var stepSeconds = 1.0
    /// History simulated before each schedule step, at the previous step's power, so that each
    /// rack enters the step in the (periodic) steady state it had reached, s. The slowest time
    /// constant of the default rack is ~5 s (coolant hold-up / advection), so 300 s leaves
    /// e^-60 of the initial error.
    public var warmupSeconds = 300.0
    public var threads = ProcessInfo.processInfo.activeProcessorCount
    /// How far above the die limit a temperature must be to count as a violation, K.
    public var toleranceK = 0.01
    /// A tightened rack cap sits this fraction below the cap that would just reach the limit.
    public var margin = 0.002

    public init(rounds: Int = 3, stepSeconds: Double = 1, warmupSeconds: Double = 300) {
        self.rounds = rounds
        self.stepSeconds = stepSeconds
        self.warmupSeconds = warmupSeconds
    }
}

/// What one thermal simulation of a schedule found.
public struct ThermalCheckResult: Sendable {
    /// Per schedule step: the hottest die of the site during the step, C.
    public var maxDieC: [Double]
    /// Steps whose hottest die exceeds the limit by more than the tolerance.
    public var violatingSteps: [Int]
    /// Per schedule step: the mean power of the rack with the hottest die, W. Racks fill whole
    /// racks, so lowering a cap changes a rack's power only once it adds a rack: a fix must
    /// start from this power, not from the cap.
    public var hottestRackW: [Double]
    /// Per schedule step: whether that rack was training (else inference or idle).
    public var hottestRackTrains: [Bool]
    /// Racks simulated (one per cohort of racks sharing a history, see ``ThermalCheck``).
    public var simulatedRacks: Int
    /// Nodes x time steps computed.
    public var nodeSteps: Double
    public var seconds: Double
}

/// Transient check of a schedule, rack by rack, at a fine time step.
///
/// Racks are identical and independent given the facility supply temperature, and their
/// slowest time constant (seconds) is far below a schedule step (15-60 min). A rack's
/// temperatures in step t therefore depend only on its class (training, inference, idle) in
/// steps t-1 and t. With racks allocated in a fixed order (``RackAllocation``), at most five
/// (previous, current) class pairs occur per step, so one representative rack per pair ("cohort")
/// gives every rack's temperatures. Each cohort rack starts in steady state at its previous
/// mean power, runs `warmupSeconds` at its previous level (with the training swing, if any) and
/// then the whole step at its current level. All cohorts of all steps run side by side in one
/// `ThermalSimulator`: the network is linear, so temperatures are simulated relative to the
/// facility supply (relative to the previous step's during the warm-up, then shifted to the
/// current step's), which is added back per step.
public enum ThermalCheck {
    struct Cohort {
        var step: Int
        var previousW: Double
        var previousSwings: Bool
        var currentW: Double
        var currentSwings: Bool
    }

    /// Simulates `schedule` with per-step rack caps `caps` and reports the hottest die per step.
    public static func simulate(schedule: Schedule, model: SiteThermalModel, caps: RackCaps,
                                stepMinutes: Int, options: ThermalCheckOptions) throws -> ThermalCheckResult {
        let clock = ContinuousClock(), start = clock.now
        let steps = schedule.steps.count
        guard caps.inferenceW.count == steps, caps.trainingW.count == steps, model.facilitySupplyC.count == steps else {
            throw ThermalError.lengthMismatch(name: "caps", expected: steps, actual: caps.inferenceW.count)
        }
        let allocations = (0..<steps).map { t in
            let step = schedule.steps[t]
            return RackAllocation(trainingMW: step.trainingMW, inferenceMW: step.inferenceMW, idleMW: step.idleMW,
                                  trainingCapW: caps.trainingW[t], inferenceCapW: caps.inferenceW[t], racks: model.rackCount)
        }
        let swings = model.trainingSwing != nil
        var cohorts: [Cohort] = []
        cohorts.reserveCapacity(3 * steps)
        for t in 0..<steps {
            let current = allocations[t], previous = allocations[max(0, t - 1)]
            for before in RackAllocation.RackClass.allCases {
                for now in RackAllocation.RackClass.allCases {
                    let a = previous.range(before), b = current.range(now)
                    guard max(a.lowerBound, b.lowerBound) < min(a.upperBound, b.upperBound) else { continue }
                    cohorts.append(Cohort(step: t, previousW: previous.meanPowerW(before), previousSwings: swings && before == .training,
                                          currentW: current.meanPowerW(now), currentSwings: swings && now == .training))
                }
            }
        }
        guard !cohorts.isEmpty else {
            return ThermalCheckResult(maxDieC: model.facilitySupplyC, violatingSteps: [],
                                      hottestRackW: [Double](repeating: 0, count: steps),
                                      hottestRackTrains: [Bool](repeating: false, count: steps),
                                      simulatedRacks: 0, nodeSteps: 0, seconds: (clock.now - start).seconds)
        }

        let simulator = try ThermalSimulator(groups: [RackGroup(network: model.network, rackCount: cohorts.count)],
                                             stepSeconds: options.stepSeconds)
        // The swing's high level is what the racks reach while computing: mean / mean fraction.
        let highFactor = model.swingHighFactor
        let warmupSteps = max(1, Int((options.warmupSeconds / options.stepSeconds).rounded(.up)))
        let stepSteps = max(1, Int((Double(stepMinutes) * 60 / options.stepSeconds).rounded(.up)))
        var output = ThermalSimulationOutput()
        try simulator.setSteadyState(rackPowerW: cohorts.map(\.previousW), facilitySupplyTemperatureC: 0)
        let warmup = try RackPowerSchedule.constant(
            powerW: cohorts.map { $0.previousSwings ? $0.previousW * highFactor : $0.previousW },
            oscillations: cohorts.map { $0.previousSwings ? model.trainingSwing : nil })
        try simulator.run(schedule: warmup, facilitySupplyTemperatureC: [Double](repeating: 0, count: warmupSteps),
                          startSeconds: 0, threads: options.threads, into: &output)
        // Temperatures so far are relative to the previous step's facility supply. Re-express
        // them relative to this step's: shifting every node by -(T_sup(t) - T_sup(t-1)) is exact
        // for a linear network whose supply temperature steps at the boundary.
        let nodes = model.network.nodeCount
        for (index, cohort) in cohorts.enumerated() where cohort.step > 0 {
            let shiftK = model.facilitySupplyC[cohort.step] - model.facilitySupplyC[cohort.step - 1]
            guard shiftK != 0 else { continue }
            for node in 0..<nodes {
                simulator.setTemperatureC(simulator.temperatureC(rack: index, node: node) - shiftK, rack: index, node: node)
            }
        }
        let during = try RackPowerSchedule.constant(
            powerW: cohorts.map { $0.currentSwings ? $0.currentW * highFactor : $0.currentW },
            oscillations: cohorts.map { $0.currentSwings ? model.trainingSwing : nil })
        try simulator.run(schedule: during, facilitySupplyTemperatureC: [Double](repeating: 0, count: stepSteps),
                          startSeconds: Double(warmupSteps) * options.stepSeconds, threads: options.threads, into: &output)

        var riseK = [Double](repeating: -.infinity, count: steps)
        var hottestW = [Double](repeating: 0, count: steps)
        var hottestTrains = [Bool](repeating: false, count: steps)
        for (index, cohort) in cohorts.enumerated() where output.maxDieTemperatureC[index] > riseK[cohort.step] {
            riseK[cohort.step] = output.maxDieTemperatureC[index]
            hottestW[cohort.step] = cohort.currentW
            hottestTrains[cohort.step] = cohort.currentSwings
        }
        let maxDieC = (0..<steps).map { model.facilitySupplyC[$0] + riseK[$0] }
        let violating = (0..<steps).filter { maxDieC[$0] > model.dieLimitC + options.toleranceK }
        return ThermalCheckResult(
            maxDieC: maxDieC, violatingSteps: violating, hottestRackW: hottestW, hottestRackTrains: hottestTrains,
            simulatedRacks: cohorts.count,
            nodeSteps: Double(simulator.nodeCount) * Double(warmupSteps + stepSteps),
            seconds: (clock.now - start).seconds)
    }
}

/// The outcome of `solve --thermal-check`, for `summary.json`.
public struct ThermalCheckReport: Sendable, Equatable {
    /// Thermal simulations run (each after a solve).
    public var rounds = 0
    /// Steps found above the die limit in any round.
    public var violationsFound = 0
    /// Of those, steps no longer above the limit in the final schedule.
    public var violationsFixed = 0
    /// Steps still above the limit when the rounds ran out.
    public var violationsRemaining = 0
    /// Hottest die of the final schedule, C.
    public var maxDieC = 0.0
    /// Time spent simulating, s.
    public var simulationSeconds = 0.0
}
