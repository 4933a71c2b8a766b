import Foundation
import Island

/// One sized asset dimension of a capacity plan, as solved: what was there, what the plan
/// builds, and what it costs.
public struct InstalledCapacity: Sendable, Codable, Equatable {
    public var asset: String
    public var name: String
    /// `power_mw`, `energy_mwh` or `units`.
    public var dimension: String
    /// Installed before the plan, in the dimension's unit.
    public var existing: Double
    /// Installed in the plan (existing included).
    public var installed: Double
    /// Added by the plan (installed - existing).
    public var added: Double
    /// Overnight capital cost of what is added, USD.
    public var capexUSD: Double
    /// Capital cost of what is added, per year (capex x capital recovery factor), USD/year.
    public var annualisedCapexUSDPerYear: Double
    /// Fixed O&M of everything installed, USD/year.
    public var fixedOMUSDPerYear: Double
    /// Annualised capital + fixed O&M charged over the horizon (the objective's share), USD.
    public var horizonCostUSD: Double

    enum CodingKeys: String, CodingKey {
        case asset, name, dimension, existing, installed, added
        case capexUSD = "capex_usd", annualisedCapexUSDPerYear = "annualised_capex_usd_per_year"
        case fixedOMUSDPerYear = "fixed_om_usd_per_year", horizonCostUSD = "horizon_cost_usd"
    }

    public init(key: ExpansionKey, expansion: Expansion, installed: Double, discountRate: Double, horizonYears: Double) {
        asset = key.asset.rawValue
        name = key.name
        dimension = key.dimension.rawValue
        existing = expansion.existing
        self.installed = installed
        added = max(0, installed - expansion.existing)
        capexUSD = added * expansion.capexUSDPerUnit
        annualisedCapexUSDPerYear = added * expansion.annualisedCapexUSDPerUnitYear(discountRate: discountRate)
        fixedOMUSDPerYear = installed * expansion.fixedOMUSDPerUnitYear
        horizonCostUSD = (annualisedCapexUSDPerYear + fixedOMUSDPerYear) * horizonYears
    }

    /// The amount ``Site/withInstalled(_:)`` takes for this dimension: the connection added for a
    /// grid feed, the installed total otherwise.
    public var amountForSite: Double { asset == ExpansionKey.Asset.grid.rawValue ? added : installed }

    public var key: ExpansionKey? {
        guard let asset = ExpansionKey.Asset(rawValue: asset), let dimension = ExpansionKey.Dimension(rawValue: dimension) else { return nil }
        return ExpansionKey(asset: asset, name: name, dimension: dimension)
    }
}

/// A site whose capacity could not be fixed at a plan's values.
public struct FractionalModulesError: Error, CustomStringConvertible, Sendable {
    public let units: Double
    public var description: String {
        "the plan installs \(units) SMR modules, not a whole number (a relaxed plan); round it or plan with smr.build.integer: true"
    }
}

extension Site {
    /// The same site with every sized dimension fixed at `installed` (by key) and no `build`
    /// sections left: an operating site, as built. Dimensions missing from `installed` stay
    /// decisions.
    /// - Throws: ``FractionalModulesError`` when the SMR module count is not whole.
    public func withInstalled(_ installed: [ExpansionKey: Double]) throws -> Site {
        var site = self
        if var smr = site.smr, let units = installed[ExpansionKey(asset: .smr, name: "smr", dimension: .units)] {
            let whole = units.rounded()
            guard abs(units - whole) <= 1e-6 else { throw FractionalModulesError(units: units) }
            // Outages belong to existing units: they keep them out whatever the fleet size.
            let out = smr.availableUnits.map { smr.units - $0 }
            smr.units = Int(whole)
            smr.availableUnits = out.map { max(0, Int(whole) - $0) }
            smr.build = nil
            site.smr = smr
        }
        for index in site.gridFeeds.indices {
            let feed = site.gridFeeds[index]
            guard let added = installed[ExpansionKey(asset: .grid, name: feed.name, dimension: .powerMW)] else { continue }
            site.gridFeeds[index].importCapacityMW += added
            site.gridFeeds[index].exportCapacityMW += added
            site.gridFeeds[index].connectionBuild = nil
        }
        for index in site.renewables.indices {
            guard let value = installed[ExpansionKey(asset: .renewable, name: site.renewables[index].name, dimension: .powerMW)] else { continue }
            site.renewables[index].capacityMW = value
            site.renewables[index].build = nil
        }
        for index in site.batteries.indices {
            let name = site.batteries[index].name
            if let power = installed[ExpansionKey(asset: .battery, name: name, dimension: .powerMW)] {
                site.batteries[index].chargePowerMW = power
                site.batteries[index].dischargePowerMW = power
                site.batteries[index].powerBuild = nil
            }
            if let energy = installed[ExpansionKey(asset: .battery, name: name, dimension: .energyMWh)] {
                site.batteries[index].energyMWh = energy
                site.batteries[index].energyBuild = nil
            }
        }
        for index in site.backupGenerators.indices {
            guard let value = installed[ExpansionKey(asset: .backup, name: site.backupGenerators[index].name, dimension: .powerMW)] else { continue }
            site.backupGenerators[index].capacityMW = value
            site.backupGenerators[index].build = nil
        }
        return site
    }
}
