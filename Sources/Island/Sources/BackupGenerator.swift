import Foundation

/// Dispatchable fossil backup (gas turbine, diesel).
public struct BackupGenerator: Sendable, Equatable {
    public var name: String
    public var capacityMW: Double
    public var marginalCostUSDPerMWh: Double
    public var emissionFactorGramsPerKWh: Double
    /// Capacity as a decision (`build`), MW.
    public var build: Expansion? = nil
    /// Per step, whether the generator is in service (`commissioning_utc` / `retirement_utc`); nil: always.
    public var inService: [Bool]? = nil

    /// Capacity in one step, MW: 0 outside its service.
    public func availableMW(_ step: Int) -> Double { inService?[step] == false ? 0 : capacityMW }
}
