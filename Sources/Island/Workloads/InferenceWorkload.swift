import Foundation

/// Inference demand: IT power that must be served each step (or shed at a price).
public struct InferenceWorkload: Sendable, Equatable {
    /// IT power per step, MW (all zero when the site has no inference).
    public var demandMW: [Double]
    /// Price of unserved inference, USD/MWh; nil means it must be served.
    public var valueOfLostServiceUSDPerMWh: Double?
}
