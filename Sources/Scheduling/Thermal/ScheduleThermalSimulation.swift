import Foundation
import Thermal

/// Every rack of a site through a window of a schedule, at a fine time step: the temperatures
/// an analyst asks for (`insula thermal simulate`), as opposed to ``ThermalCheck``'s cohorts.
public enum ScheduleThermalSimulation {
    /// The power split of one schedule step, as in `dispatch.csv`.
    public struct StepPower: Sendable, Equatable {
        public var trainingMW: Double
        public var inferenceMW: Double
        public var idleMW: Double
        public var itCapacityMW: Double

        public init(trainingMW: Double, inferenceMW: Double, idleMW: Double, itCapacityMW: Double) {
            self.trainingMW = trainingMW
            self.inferenceMW = inferenceMW
            self.idleMW = idleMW
            self.itCapacityMW = itCapacityMW
        }
    }

    /// One simulation time step of the whole site.
    public struct Sample: Sendable {
        /// Schedule step the sample belongs to.
        public var step: Int
        /// End of the time step, seconds after the start of the schedule step.
        public var secondsIntoStep: Double
        public var facilitySupplyC: Double
        /// Hottest die of the site at the end of the time step, C.
        public var maxDieC: Double
        /// Heat handed to the facility water over the time step (mean), MW.
        public var heatToPlantMW: Double
        /// Electrical power of all racks over the time step (mean, with the training swing), MW.
        public var rackPowerMW: Double
    }

    /// One rack over the window.
    public struct RackSummary: Sendable {
        public var maxDieC: Double
        /// Time with the hottest die above the limit, s.
        public var secondsAboveLimit: Double
        public var maxReturnC: Double
    }

    public struct Summary: Sendable {
        /// Per rack, in allocation order (training racks first when training runs).
        public var racks: [RackSummary]
        public var maxDieC: Double
        /// Racks whose hottest die went above the limit at some point.
        public var racksAboveLimit: Int
        /// Longest time one rack spent above the limit, s.
        public var maxSecondsAboveLimit: Double
        public var nodeSteps: Double
        public var seconds: Double
    }

    /// Simulates steps `window` of `powers` (indexed by schedule step) and hands each time step
    /// to `body`. The racks start in the steady state of the window's first step at its mean
    /// power and run `warmupSeconds` at its levels (unrecorded) so that training racks enter the
    /// window on their periodic swing, as they would have after hours of running.
    public static func run(model: SiteThermalModel, powers: [StepPower], window: Range<Int>, stepMinutes: Int,
                           stepSeconds: Double, warmupSeconds: Double = 300,
                           threads: Int = ProcessInfo.processInfo.activeProcessorCount,
                           body: (Sample) throws -> Void) throws -> Summary {
        let clock = ContinuousClock(), start = clock.now
        guard !window.isEmpty, window.lowerBound >= 0, window.upperBound <= powers.count else {
            throw ThermalError.invalidCount(name: "window", value: window.count, requirement: "must be a non-empty range of schedule steps")
        }
        let racks = model.rackCount
        let simulator = try ThermalSimulator(groups: [RackGroup(network: model.network, rackCount: racks)], stepSeconds: stepSeconds)
        let swing = model.trainingSwing
        let highFactor = model.swingHighFactor
        let timeSteps = max(1, Int((Double(stepMinutes) * 60 / stepSeconds).rounded(.up)))

        // The schedule gives the inference cap (it_capacity_mw over the usable racks); training racks keep the
        // site's steady ratio of training to inference cap.
        let steady = model.steadyRackCaps()
        func allocation(_ step: Int) -> RackAllocation {
            let power = powers[step]
            let inferenceCapW = RackCaps.inferenceCapW(capacityMW: power.itCapacityMW, racks: racks)
            let ratio = steady.inferenceW[step] > 0 ? steady.trainingW[step] / steady.inferenceW[step] : 1
            return RackAllocation(trainingMW: power.trainingMW, inferenceMW: power.inferenceMW, idleMW: power.idleMW,
                                  trainingCapW: inferenceCapW * ratio, inferenceCapW: inferenceCapW, racks: racks)
        }
        func meanPowers(_ split: RackAllocation) -> [Double] { (0..<racks).map { split.meanPowerW(split.rackClass($0)) } }
        /// Each rack's level (the compute-phase power for swinging training racks) and swing.
        func schedule(_ split: RackAllocation) throws -> RackPowerSchedule {
            let levels = (0..<racks).map { rack -> Double in
                let rackClass = split.rackClass(rack)
                return split.meanPowerW(rackClass) * (rackClass == .training ? highFactor : 1)
            }
            return try RackPowerSchedule.constant(powerW: levels, oscillations: (0..<racks).map { split.rackClass($0) == .training ? swing : nil })
        }

        let first = allocation(window.lowerBound)
        try simulator.setSteadyState(rackPowerW: meanPowers(first), facilitySupplyTemperatureC: model.facilitySupplyC[window.lowerBound])
        var output = ThermalSimulationOutput()
        let warmupSteps = Int((warmupSeconds / stepSeconds).rounded(.up))
        if warmupSteps > 0 {
            try simulator.run(schedule: schedule(first),
                              facilitySupplyTemperatureC: [Double](repeating: model.facilitySupplyC[window.lowerBound], count: warmupSteps),
                              startSeconds: -Double(warmupSteps) * stepSeconds, threads: threads, into: &output)
        }
        var summary = Summary(racks: Array(repeating: RackSummary(maxDieC: -.infinity, secondsAboveLimit: 0, maxReturnC: -.infinity), count: racks),
                              maxDieC: -.infinity, racksAboveLimit: 0, maxSecondsAboveLimit: 0, nodeSteps: 0, seconds: 0)
        for step in window {
            let split = allocation(step)
            let supply = [Double](repeating: model.facilitySupplyC[step], count: timeSteps)
            let startSeconds = Double(step - window.lowerBound) * Double(timeSteps) * stepSeconds
            try simulator.run(schedule: schedule(split), facilitySupplyTemperatureC: supply, startSeconds: startSeconds,
                              threads: threads, into: &output)
            summary.nodeSteps += Double(simulator.nodeCount) * Double(timeSteps)
            for rack in 0..<racks {
                summary.racks[rack].secondsAboveLimit += output.secondsAboveDieLimit[rack]
                summary.racks[rack].maxDieC = max(summary.racks[rack].maxDieC, output.maxDieTemperatureC[rack])
                summary.racks[rack].maxReturnC = max(summary.racks[rack].maxReturnC, output.maxReturnTemperatureC[rack])
            }
            let steadyMW = (Double(split.trainingRacks) * split.trainingRackW * highFactor + Double(split.inferenceRacks) * split.inferenceRackW
                            + Double(split.idleRacks) * split.idleRackW) / 1e6
            let swingingMW = Double(split.trainingRacks) * split.trainingRackW * highFactor / 1e6
            for index in 0..<timeSteps {
                let begin = startSeconds + Double(index) * stepSeconds
                let factor = swing?.meanFactor(fromSeconds: begin, toSeconds: begin + stepSeconds) ?? 1
                let sample = Sample(step: step, secondsIntoStep: Double(index + 1) * stepSeconds, facilitySupplyC: supply[index],
                                    maxDieC: output.maxDieTemperatureCByStep[index], heatToPlantMW: output.heatToPlantW[index] / 1e6,
                                    rackPowerMW: steadyMW - swingingMW * (1 - factor))
                summary.maxDieC = max(summary.maxDieC, sample.maxDieC)
                try body(sample)
            }
        }
        summary.racksAboveLimit = summary.racks.filter { $0.secondsAboveLimit > 0 }.count
        summary.maxSecondsAboveLimit = summary.racks.map(\.secondsAboveLimit).max() ?? 0
        summary.seconds = (clock.now - start).seconds
        return summary
    }
}
