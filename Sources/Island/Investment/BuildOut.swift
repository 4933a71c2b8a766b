import Foundation

/// One investment period of a multi-period build-out (`periods[i]`): the year it starts, the
/// years it stands for, and how its site differs from the site file.
public struct BuildOutPeriod: Sendable, Equatable {
    /// Calendar year the period starts (its capacity is in service from then), e.g. 2030.
    public var year: Int
    /// Years the period stands for: its operation and fixed costs are charged this many years
    /// (the gap to the next period; the last period's gap before it unless given).
    public var years: Int
    /// The weather or price year `{year}` in series file names stands for in this period (the
    /// site's `scenario_year` when absent).
    public var scenarioYear: Int?
    /// Factor on the inference demand series (growth against the site file's demand).
    public var inferenceDemandScale: Double
    /// Factor on every training job's energy.
    public var trainingEnergyScale: Double
    /// Key-path overrides of the site for this period (costs falling, another IT fleet, ...),
    /// applied in order after `scenario_year`.
    public var overrides: [(path: String, value: YAMLNode)]

    public init(year: Int, years: Int, scenarioYear: Int? = nil, inferenceDemandScale: Double = 1, trainingEnergyScale: Double = 1,
                overrides: [(path: String, value: YAMLNode)] = []) {
        self.year = year
        self.years = years
        self.scenarioYear = scenarioYear
        self.inferenceDemandScale = inferenceDemandScale
        self.trainingEnergyScale = trainingEnergyScale
        self.overrides = overrides
    }

    public static func == (a: BuildOutPeriod, b: BuildOutPeriod) -> Bool {
        a.year == b.year && a.years == b.years && a.scenarioYear == b.scenarioYear && a.inferenceDemandScale == b.inferenceDemandScale
            && a.trainingEnergyScale == b.trainingEnergyScale && a.overrides.map(\.path) == b.overrides.map(\.path)
            && a.overrides.map(\.value) == b.overrides.map(\.value)
    }
}

/// A multi-period build-out (`periods`): capacity added in one period stays in service in every
/// later period until the end of its lifetime; each period's costs are discounted to the base
/// year (docs/formulation.md, section 16).
public struct BuildOut: Sendable, Equatable {
    /// In year order, strictly increasing.
    public var periods: [BuildOutPeriod]
    /// Year every cost is discounted to (`investment.base_year`; the first period's year by default).
    public var baseYear: Int

    public init(periods: [BuildOutPeriod], baseYear: Int? = nil) {
        precondition(!periods.isEmpty, "a build-out has at least one period")
        self.periods = periods
        self.baseYear = baseYear ?? periods[0].year
    }

    /// The first year after the last period (the end of the planning horizon).
    public var endYear: Int { periods[periods.count - 1].year + periods[periods.count - 1].years }

    /// Discount factor of a cost paid in calendar year `year`: (1 + r)^-(year - base).
    public func discountFactor(year: Int, rate: Double) -> Double {
        pow(1 + rate, -Double(year - baseYear))
    }

    /// The period's weight in the objective: the present value of one USD a year over the
    /// years it stands for, sum over t = 0..<years of (1 + r)^-(year + t - base). PyPSA's
    /// `investment_period_weightings["objective"]` in its multi-investment example.
    public func objectiveWeight(period index: Int, rate: Double) -> Double {
        let period = periods[index]
        return (0..<period.years).reduce(0.0) { $0 + discountFactor(year: period.year + $1, rate: rate) }
    }

    /// Whether capacity added in period `built` is still in service in period `index`:
    /// built year <= year < built year + lifetime (PyPSA's `get_active_assets`).
    public func isActive(builtIn built: Int, lifetimeYears: Double, in index: Int) -> Bool {
        let start = periods[built].year, year = periods[index].year
        return start <= year && Double(year) < Double(start) + lifetimeYears
    }

    /// The first year capacity of `expansion` may be added: its `earliest_year`, and not before
    /// the base year plus its lead time.
    public func firstBuildYear(_ expansion: Expansion) -> Double {
        max(Double(expansion.earliestYear ?? Int.min / 2), Double(baseYear) + expansion.leadTimeYears)
    }
}
