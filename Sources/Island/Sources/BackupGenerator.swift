import Foundation

/// Dispatchable fossil backup (gas turbine, diesel).
public struct BackupGenerator: Sendable, Equatable {
    public var name: String
    public var capacityMW: Double
    public var marginalCostUSDPerMWh: Double
    public var emissionFactorGramsPerKWh: Double
    /// Capacity as a decision (`build`), MW.
    public var build: Expansion? = nil
}
