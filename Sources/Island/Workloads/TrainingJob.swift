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
    /// IT power while running, at least, MW (0 by default).
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

    /// Steps the job may run in.
    public var steps: ClosedRange<Int> { firstStep...lastStep }
}
