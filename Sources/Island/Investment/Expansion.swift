import Foundation

/// How much of one asset dimension (solar MW, battery MWh, SMR units, ...) a plan may build,
/// and what building and keeping it costs.
///
/// The installed amount is a decision between ``minimum`` and ``maximum`` (both totals,
/// existing included, PyPSA's `p_nom_min`/`p_nom_max` convention). Capital cost is paid on
/// what is added above ``existing`` (existing plant is sunk), annualised with the capital
/// recovery factor; fixed O&M is paid on everything installed. Units follow the dimension:
/// MW for power, MWh for energy, units for SMR modules (costs then per module).
public struct Expansion: Sendable, Equatable {
    /// Installed before the plan, in the dimension's unit.
    public var existing: Double
    /// Smallest total installed amount allowed (>= existing).
    public var minimum: Double
    /// Largest total installed amount allowed (`.infinity` when unbounded).
    public var maximum: Double
    /// Overnight capital cost per unit added, USD.
    public var capexUSDPerUnit: Double
    /// Fixed operation and maintenance per unit installed and year, USD.
    public var fixedOMUSDPerUnitYear: Double
    /// Economic lifetime over which capital is recovered, years; in a multi-period build-out
    /// also its service life (it retires at the end of it).
    public var lifetimeYears: Double
    /// Multi-period build-out: no addition before this calendar year (`earliest_year`).
    public var earliestYear: Int?
    /// Multi-period build-out: years from the base year before an addition can be in service
    /// (`lead_time_years`).
    public var leadTimeYears: Double = 0

    public init(existing: Double, minimum: Double, maximum: Double, capexUSDPerUnit: Double,
                fixedOMUSDPerUnitYear: Double, lifetimeYears: Double) {
        self.existing = existing
        self.minimum = minimum
        self.maximum = maximum
        self.capexUSDPerUnit = capexUSDPerUnit
        self.fixedOMUSDPerUnitYear = fixedOMUSDPerUnitYear
        self.lifetimeYears = lifetimeYears
    }

    /// Capital cost of one unit added, per year: capex x CRF(rate, lifetime), USD/(unit·year).
    public func annualisedCapexUSDPerUnitYear(discountRate: Double) -> Double {
        capexUSDPerUnit * CapitalRecovery.factor(rate: discountRate, years: lifetimeYears)
    }

    /// Annual cost of one unit added (annualised capital + fixed O&M), USD/(unit·year).
    public func annualCostUSDPerUnitYear(discountRate: Double) -> Double {
        annualisedCapexUSDPerUnitYear(discountRate: discountRate) + fixedOMUSDPerUnitYear
    }
}

/// The capital recovery factor: the constant annual payment, per unit of capital, that repays
/// it with interest over its lifetime.
///
/// CRF(r, n) = r (1 + r)^n / ((1 + r)^n - 1), and 1/n at r = 0 (its limit). Standard
/// engineering-economics formula (e.g. NREL, "A Manual for the Economic Evaluation of Energy
/// Efficiency and Renewable Energy Technologies", Short, Packey & Holt 1995, eq. 4-3).
public enum CapitalRecovery {
    public static func factor(rate: Double, years: Double) -> Double {
        precondition(years > 0, "a lifetime must be positive")
        guard abs(rate) > 1e-12 else { return 1 / years }
        let growth = pow(1 + rate, years)
        return rate * growth / (growth - 1)
    }
}

/// Site-wide investment assumptions (`investment` section).
public struct InvestmentPolicy: Sendable, Equatable {
    /// Real discount rate used to annualise capital, per year.
    public var discountRate: Double
    /// Year a multi-period build-out discounts to (`investment.base_year`); nil: its first period's.
    public var baseYear: Int?
    /// Hours in a planning year: capital and fixed costs are charged per year, so a horizon of
    /// `h` hours carries `h / hoursPerYear` of a year's cost.
    public static let hoursPerYear = 8760.0
    public static let defaultDiscountRate = 0.07

    public init(discountRate: Double = InvestmentPolicy.defaultDiscountRate) {
        self.discountRate = discountRate
    }
}

/// One decision of a capacity plan: which asset and which of its dimensions.
public struct ExpansionKey: Sendable, Hashable, CustomStringConvertible {
    public enum Asset: String, Sendable, Hashable {
        case smr, renewable, battery, backup = "backup_generator", grid = "grid_feed"
    }
    public enum Dimension: String, Sendable, Hashable {
        /// MW of output (renewable, backup), charge and discharge (battery), or connection (grid).
        case powerMW = "power_mw"
        /// MWh of storage.
        case energyMWh = "energy_mwh"
        /// SMR modules.
        case units
    }
    public var asset: Asset
    /// The component's name ("smr" for the fleet).
    public var name: String
    public var dimension: Dimension

    public init(asset: Asset, name: String, dimension: Dimension) {
        self.asset = asset
        self.name = name
        self.dimension = dimension
    }

    public var description: String { "\(asset.rawValue)[\(name)].\(dimension.rawValue)" }
}

extension Site {
    /// Every asset dimension the site lets the plan size, in a fixed order (SMR, grid feeds,
    /// renewables, batteries power then energy, backup generators).
    public var expansions: [(key: ExpansionKey, expansion: Expansion)] {
        var list: [(ExpansionKey, Expansion)] = []
        if let build = smr?.build { list.append((ExpansionKey(asset: .smr, name: "smr", dimension: .units), build)) }
        for feed in gridFeeds { if let build = feed.connectionBuild { list.append((ExpansionKey(asset: .grid, name: feed.name, dimension: .powerMW), build)) } }
        for renewable in renewables { if let build = renewable.build { list.append((ExpansionKey(asset: .renewable, name: renewable.name, dimension: .powerMW), build)) } }
        for battery in batteries {
            if let build = battery.powerBuild { list.append((ExpansionKey(asset: .battery, name: battery.name, dimension: .powerMW), build)) }
            if let build = battery.energyBuild { list.append((ExpansionKey(asset: .battery, name: battery.name, dimension: .energyMWh), build)) }
        }
        for generator in backupGenerators { if let build = generator.build { list.append((ExpansionKey(asset: .backup, name: generator.name, dimension: .powerMW), build)) } }
        return list.map { (key: $0.0, expansion: $0.1) }
    }

    /// Whether any capacity is a decision (the site is a capacity-planning problem).
    public var plansCapacity: Bool { !expansions.isEmpty }

    /// Length of the horizon in planning years (hours / 8760); for a site of representative
    /// periods, of the horizon they stand for.
    public var horizonYears: Double {
        Double(representativePeriods?.originalHorizon.steps ?? horizon.steps) * horizon.stepHours / InvestmentPolicy.hoursPerYear
    }
}
