import Foundation

/// Inference demand: IT power that must be served each step (or shed at a price).
public struct InferenceWorkload: Sendable, Equatable {
    /// IT power per step at full power, MW (all zero when the site has no inference); with a
    /// performance curve, full-power-equivalent MW of work (tokens/s x 3600 / tokens per MWh at full power).
    public var demandMW: [Double]
    /// Price of unserved inference, USD/MWh; nil means it must be served.
    public var valueOfLostServiceUSDPerMWh: Double?
    /// Power-capping curve (`performance_curve`); nil: racks run at full power only.
    public var performance: WorkloadPerformance?
    /// Tokens per MWh drawn at full power (the curve's token rate, else `it_fleet.tokens_per_mwh`);
    /// nil: no token KPIs for inference.
    public var tokensPerMWhAtFullPower: Double?
}
