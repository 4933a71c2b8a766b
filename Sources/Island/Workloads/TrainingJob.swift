import Foundation

/// A flexible training job: `energyMWh` of IT energy between release and deadline.
public struct TrainingJob: Sendable, Equatable {
    public var name: String
    /// IT energy required, MWh (given, or GPU-hours x kW per GPU / 1000).
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

    /// Steps the job may run in.
    public var steps: ClosedRange<Int> { firstStep...lastStep }
}
