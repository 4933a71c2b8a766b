import Foundation

/// A flexible training job: `energyMWh` of IT energy between release and deadline.
public struct TrainingJob: Sendable, Equatable {
    public var name: String
    /// IT energy required at full power, MWh (given, GPU-hours x kW per GPU / 1000, or tokens /
    /// tokens per MWh at full power).
    public var energyMWh: Double
    public var releaseUTC: Date
    public var deadlineUTC: Date
    /// Largest IT power the job can use, MW.
    public var maxPowerMW: Double
    /// IT power while running, at least, MW (0 by default). Without ``pause`` the job runs in
    /// every step it may run in; with it, only while its running flag is on.
    public var minPowerMW: Double
    /// Price of energy not delivered by the deadline, USD/MWh; nil means a hard requirement.
    public var undeliveredPenaltyUSDPerMWh: Double?
    /// First step lying wholly inside [release, deadline].
    public var firstStep: Int
    /// Last step lying wholly inside [release, deadline].
    public var lastStep: Int
    /// Power-capping curve (`performance_curve`); nil: the job runs at full power only, and
    /// `energyMWh` is drawn energy. With a curve, `energyMWh` is full-power-equivalent work.
    public var performance: WorkloadPerformance?
    /// Tokens per MWh drawn at full power (the curve's token rate); nil: no token KPIs.
    public var tokensPerMWhAtFullPower: Double?
    /// Time-of-day and day-of-week window (`run_hours`, `run_days`); nil: any time.
    public var runWindow: TrainingWindow?
    /// With a window: least share of the energy the job draws that falls inside it; nil: all of
    /// it (the job may not run outside the window at all).
    public var minShareInWindow: Double?
    /// Checkpoint pause and resume (`pause`); nil: the job's power is a plain continuous column.
    public var pause: TrainingPause?
    /// On a site of representative periods (``Site/representing(_:representative:)``), per step
    /// of ``steps``: whether the step belongs to the job's window (the steps between its first
    /// and last are not all its own there); nil: all of them.
    public var stepMask: [Bool]?
    /// On a site of representative periods, per step of ``steps``: whether the step lies inside
    /// the run window (its steps' clock is not the horizon's); nil: computed from ``runWindow``.
    public var windowFlags: [Bool]?

    public init(name: String, energyMWh: Double, releaseUTC: Date, deadlineUTC: Date, maxPowerMW: Double, minPowerMW: Double,
                undeliveredPenaltyUSDPerMWh: Double?, firstStep: Int, lastStep: Int, runWindow: TrainingWindow? = nil,
                minShareInWindow: Double? = nil, pause: TrainingPause? = nil, performance: WorkloadPerformance? = nil,
                tokensPerMWhAtFullPower: Double? = nil) {
        self.name = name
        self.energyMWh = energyMWh
        self.releaseUTC = releaseUTC
        self.deadlineUTC = deadlineUTC
        self.maxPowerMW = maxPowerMW
        self.minPowerMW = minPowerMW
        self.undeliveredPenaltyUSDPerMWh = undeliveredPenaltyUSDPerMWh
        self.firstStep = firstStep
        self.lastStep = lastStep
        self.runWindow = runWindow
        self.minShareInWindow = minShareInWindow
        self.pause = pause
        self.performance = performance
        self.tokensPerMWhAtFullPower = tokensPerMWhAtFullPower
    }

    /// Steps the job may run in.
    public var steps: ClosedRange<Int> { firstStep...lastStep }

    /// Per step of ``steps`` (offset 0 = `firstStep`): whether the step lies inside the run window
    /// (all true without one).
    public func inWindow(_ horizon: Horizon) -> [Bool] {
        if let windowFlags { return windowFlags }
        guard let runWindow else { return Array(repeating: true, count: lastStep - firstStep + 1) }
        return steps.map { runWindow.contains(epochSeconds: horizon.epochSeconds($0)) }
    }

    /// Per step of ``steps``: whether the job may draw power there (outside a hard window it may not).
    public func mayRun(_ horizon: Horizon) -> [Bool] {
        let allowed = minShareInWindow == nil ? inWindow(horizon) : Array(repeating: true, count: lastStep - firstStep + 1)
        guard let stepMask else { return allowed }
        return zip(allowed, stepMask).map { $0 && $1 }
    }
}

/// Checkpoint pause and resume of a training job (docs/formulation.md, "Training jobs that pause").
public struct TrainingPause: Sendable, Equatable {
    public enum Model: String, Sendable, Equatable {
        /// A binary running flag per step (MILP).
        case exact
        /// The same rows with the flag in [0, 1] (LP): a lower bound on the exact cost.
        case relaxed
    }
    /// IT energy lost at every start (checkpoint reload, warm-up), MWh: the job draws this much more.
    public var restartEnergyMWh: Double
    /// Cost of every start beyond its energy (lost GPU time valued), USD.
    public var restartCostUSD: Double
    /// Time lost at every start, h (whole steps, rounded up): in the first steps of each run the job
    /// draws power (at least its minimum) but makes no progress (checkpoint reload, warm-up).
    public var restartHours: Double
    /// Shortest run once started, h (whole steps, rounded up; at least one step).
    public var minRunHours: Double
    public var model: Model

    public init(restartEnergyMWh: Double = 0, restartCostUSD: Double = 0, restartHours: Double = 0, minRunHours: Double = 0, model: Model = .exact) {
        self.restartEnergyMWh = restartEnergyMWh
        self.restartCostUSD = restartCostUSD
        self.restartHours = restartHours
        self.minRunHours = minRunHours
        self.model = model
    }

    /// Steps of lost time after each start (0 without `restart_hours`).
    public func restartSteps(stepHours: Double) -> Int { restartHours > 0 ? Int((restartHours / stepHours - 1e-9).rounded(.up)) : 0 }

    /// Minimum run in steps of `stepHours` (at least 1).
    public func minRunSteps(stepHours: Double) -> Int { max(1, Int((minRunHours / stepHours - 1e-9).rounded(.up))) }
}

/// A shared power cap over several training jobs (a cluster's or a contract's), MW per step.
public struct TrainingGroup: Sendable, Equatable {
    public var name: String
    /// Member jobs' names, in the order given.
    public var jobs: [String]
    /// Cap on the members' summed IT power per step, MW.
    public var maxPowerMW: [Double]

    public init(name: String, jobs: [String], maxPowerMW: [Double]) {
        self.name = name
        self.jobs = jobs
        self.maxPowerMW = maxPowerMW
    }
}
