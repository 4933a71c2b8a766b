import Foundation

/// A connection to the public grid with hourly prices and carbon intensity.
public struct GridFeed: Sendable, Equatable {
    public var name: String
    public var importCapacityMW: Double
    public var exportCapacityMW: Double
    /// Per step, USD/MWh (negative prices are kept).
    public var importPriceUSDPerMWh: [Double]
    /// Per step, USD/MWh: a series, or `export_price_fraction` x import price.
    public var exportPriceUSDPerMWh: [Double]
    /// Location-based grid intensity per step, gCO2/kWh (= t/MWh x 1000).
    public var carbonIntensityGramsPerKWh: [Double]
    /// Marginal emission factor per step, gCO2/kWh (the unit that responds to a change in
    /// load), if given; `carbon.decision_factor: marginal` prices and caps imports with it.
    public var marginalCarbonIntensityGramsPerKWh: [Double]? = nil
    /// Carbon-free share of the grid mix per step, 0...1 (for 24/7 CFE), if given.
    public var carbonFreeShare: [Double]?
    /// USD per MW of the peak import over the horizon.
    public var demandChargeUSDPerMW: Double
    /// Time-varying import cap per step, MW (grid operator limits, demand response), if given.
    public var importCapMW: [Double]?
    /// Connection capacity added in both directions as a decision (`build`), MW: import is
    /// limited to `importCapacityMW + added`, export to `exportCapacityMW + added`.
    public var connectionBuild: Expansion? = nil
    /// Per step, whether the connection is in service (`commissioning_utc` / `retirement_utc`); nil: always.
    public var inService: [Bool]? = nil

    /// Import limit per step: the smaller of the capacity and the time-varying cap.
    public var effectiveImportLimitMW: [Double] {
        var limit = importCapMW.map { $0.map { min($0, importCapacityMW) } }
            ?? [Double](repeating: importCapacityMW, count: importPriceUSDPerMWh.count)
        if let inService { for step in limit.indices where !inService[step] { limit[step] = 0 } }
        return limit
    }

    /// Export limit in one step, MW: the export capacity while in service, else 0.
    public func exportLimitMW(_ step: Int) -> Double { inService?[step] == false ? 0 : exportCapacityMW }
}
