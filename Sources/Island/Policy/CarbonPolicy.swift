import Foundation

/// Carbon price, caps and 24/7 carbon-free-energy target.
public struct CarbonPolicy: Sendable, Equatable {
    /// USD per tonne CO2 (0 by default).
    public var priceUSDPerTonne: Double
    /// Cap on total emissions over the horizon, t.
    public var capTonnes: Double?
    /// Cap on average carbon intensity per MWh of IT energy, gCO2/kWh of IT.
    public var intensityCapGramsPerKWhIT: Double?
    /// Hourly-matched CFE target, 0...1 (Google's 24/7 method, docs/sources.md "Carbon accounting").
    public var cfeTargetShare: Double?

    public init(priceUSDPerTonne: Double = 0, capTonnes: Double? = nil, intensityCapGramsPerKWhIT: Double? = nil,
                cfeTargetShare: Double? = nil) {
        self.priceUSDPerTonne = priceUSDPerTonne
        self.capTonnes = capTonnes
        self.intensityCapGramsPerKWhIT = intensityCapGramsPerKWhIT
        self.cfeTargetShare = cfeTargetShare
    }
}
