import Foundation
import Island
import Optimization
import Planning
import Scheduling
import Testing

/// Small build-out sites: the one-hour solar site of `PlanningTests` with periods.
enum BuildOutSites {
    /// One hour at capacity factor 1 against a constant draw bought at `price` USD/MWh; solar
    /// costs `capexUSDPerKW[i]` in period i (a one-year horizon share of 1/8760 is scaled to a
    /// year by the build-out, so every figure below is per year).
    static func solar(years: [Int], capexUSDPerKW: [Double], lifetimeYears: Double, rate: Double, price: Double = 100,
                      extra: String = "") throws -> Site {
        let periods = zip(years, capexUSDPerKW).map { year, capex in
            "  - {year: \(year), overrides: {\"renewables[0].build.capex_usd_per_kw\": \(capex)}}"
        }.joined(separator: "\n")
        return try PlanSites.write("""
            name: solar-buildout
            horizon: {start_utc: 2025-01-01T00:00Z, steps: 1, step_minutes: 60}
            investment: {discount_rate: \(rate)}
            grid_feeds:
              - {name: grid, import_capacity_mw: 10, price_usd_per_mwh: \(price), carbon_intensity_g_per_kwh: 400}
            renewables:
              - name: pv
                kind: solar
                coupling: ac
                capacity_factor: {file: series.csv, column: cf}
                build: {capex_usd_per_kw: \(capexUSDPerKW[0]), lifetime_years: \(lifetimeYears)\(extra)}
            it_fleet: {racks: 10, power_per_rack_kw: 200}
            workloads:
              inference: {demand_mw: 1}
            cooling: {cop: 5}
            periods:
            \(periods)
            """, series: ["cf": [1]])
    }

    static func plan(_ site: Site) throws -> BuildOutPlan {
        let plan = try BuildOutPlanner.plan(site, options: PlanOptions(solver: SolverOptions(method: .auto)))
        guard plan.result.status == .optimal else { throw PlanSites.PlanFailure(status: plan.result.status) }
        return plan
    }

    /// Present value of one USD a year over `years` from `start` years after the base year.
    static func annuityWeight(rate: Double, start: Int, years: Int) -> Double {
        (start..<(start + years)).reduce(0.0) { $0 + pow(1 + rate, -Double($1)) }
    }
}

@Suite("Multi-period build-out: capacity carried forward, retired, discounted")
struct BuildOutTests {
    @Test("Period weights: the present value of one USD a year over each period's years (PyPSA's investment_period_weightings)")
    func periodWeights() {
        let buildOut = BuildOut(periods: [BuildOutPeriod(year: 2027, years: 3), BuildOutPeriod(year: 2030, years: 5),
                                          BuildOutPeriod(year: 2035, years: 5)])
        #expect(abs(buildOut.objectiveWeight(period: 0, rate: 0.05) - (1 + 1 / 1.05 + 1 / (1.05 * 1.05))) < 1e-12)
        #expect(abs(buildOut.objectiveWeight(period: 1, rate: 0.05) - BuildOutSites.annuityWeight(rate: 0.05, start: 3, years: 5)) < 1e-12)
        #expect(buildOut.objectiveWeight(period: 2, rate: 0) == 5)
        #expect(buildOut.endYear == 2040)
        // In service from its year until the end of its lifetime (built year + lifetime excluded).
        #expect(buildOut.isActive(builtIn: 0, lifetimeYears: 8, in: 1) && !buildOut.isActive(builtIn: 0, lifetimeYears: 8, in: 2))
        #expect(!buildOut.isActive(builtIn: 1, lifetimeYears: 30, in: 0))
    }

    /// Solar at capacity factor 1 saves v = 8760 x price a year per MW up to the draw D; an
    /// addition costs its period's annuity a_q = capex_q x CRF each year it is in service.
    /// With a_1 = 0.9 v and a_2 = 0.1 v (capex falling ninefold) and a life spanning both
    /// periods, building D early costs (a_1 - v)(W_1 + W_2) and building it late (a_2 - v) W_2:
    /// late wins iff W_2 / W_1 = (1 + r)^-5 > 1/8, i.e. r < 51.6 %.
    @Test("One asset, two periods by hand: falling capex builds late at 5 %, early at 70 % discounting",
          arguments: [(0.05, false), (0.70, true)])
    func earlyOrLate(rate: Double, early: Bool) throws {
        let price = 100.0, value = 8760 * price / 1000  // USD/kW-year saved
        let crf = CapitalRecovery.factor(rate: rate, years: 20)
        let site = try BuildOutSites.solar(years: [2030, 2035], capexUSDPerKW: [0.9 * value / crf, 0.1 * value / crf],
                                           lifetimeYears: 20, rate: rate)
        let plan = try BuildOutSites.plan(site)
        let first = try #require(plan.capacities.first { $0.year == 2030 }), second = try #require(plan.capacities.first { $0.year == 2035 })
        let schedule = try #require(plan.periods[1].outcome.schedule)
        let drawMW = schedule.steps[0].gridImportMW + schedule.steps[0].solarMW
        #expect(abs(first.added - (early ? drawMW : 0)) < 1e-6)
        #expect(abs(second.installed - drawMW) < 1e-6)
        #expect(abs(second.added - (early ? 0 : drawMW)) < 1e-6)
        // The objective by hand: grid energy bought in each period, plus each vintage's annuities.
        let w1 = BuildOutSites.annuityWeight(rate: rate, start: 0, years: 5), w2 = BuildOutSites.annuityWeight(rate: rate, start: 5, years: 5)
        let perMWYear = value * 1000
        let expected = early
            ? drawMW * 0.9 * perMWYear * (w1 + w2)
            : drawMW * perMWYear * w1 + drawMW * 0.1 * perMWYear * w2
        #expect(abs(plan.npvUSD! - expected) < 1e-6 * expected)
        // The cash flows add up to the objective.
        let discounted = plan.cashFlows.reduce(0.0) { $0 + $1.discountedTotalUSD }
        #expect(abs(discounted - plan.npvUSD!) < 1e-6 * expected)
        #expect(plan.cashFlows.count == 10 && plan.cashFlows.first?.year == 2030 && plan.cashFlows.last?.year == 2039)
    }

    /// Lifetime 5 on periods five years apart: what 2030 builds retires before 2035, which
    /// must build it again, at its own capex.
    @Test("Retirement at the end of life forces a rebuild, reported as retired and added")
    func retirementForcesRebuild() throws {
        let value = 8760 * 100.0 / 1000
        let site = try BuildOutSites.solar(years: [2030, 2035], capexUSDPerKW: [0.5 * value * 5, 0.5 * value * 5], lifetimeYears: 5, rate: 0)
        let plan = try BuildOutSites.plan(site)
        let first = try #require(plan.capacities.first { $0.year == 2030 }), second = try #require(plan.capacities.first { $0.year == 2035 })
        #expect(first.added > 0.1)
        #expect(abs(second.retired - first.added) < 1e-9 && second.existing == 0)
        #expect(abs(second.added - first.added) < 1e-6)
        // Capital at r = 0: capex / 5 a year, five years in each period.
        #expect(abs(first.discountedCostUSD - first.added * 0.5 * value * 1000 * 5) < 1e-6 * first.discountedCostUSD)
    }

    @Test("Earliest commissioning: nothing is added before earliest_year, so the first period buys from the grid")
    func earliestYear() throws {
        let value = 8760 * 100.0 / 1000
        let site = try BuildOutSites.solar(years: [2030, 2035], capexUSDPerKW: [0.1 * value * 20, 0.1 * value * 20], lifetimeYears: 20,
                                           rate: 0, extra: ", earliest_year: 2033")
        let plan = try BuildOutSites.plan(site)
        #expect(plan.capacities.first { $0.year == 2030 }?.installed == 0)
        #expect((plan.capacities.first { $0.year == 2035 }?.added ?? 0) > 0.1)
    }

    /// The cross-check site with an SMR fleet to build (20 MW modules at 3,000 USD/kW): whole
    /// modules come from branch-and-cut on integer additions, and the LP relaxation of the same
    /// build-out is a lower bound on its cost.
    @Test("Whole SMR modules: integer additions by branch-and-cut, never cheaper than the relaxation")
    func wholeModules() throws {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        let url = root.appendingPathComponent("tools/crosscheck/buildout-sites/plan-buildout.yaml")
        let smr = try YAMLNode.parse(yaml: """
            {units: 0, capacity_mw_per_unit: 20, marginal_cost_usd_per_mwh: 12, min_stable_load_fraction: 0.4, ramp_fraction_per_hour: 0.2,
             commitment: linear, build: {max_units: 6, capex_usd_per_kw: 3000, fixed_om_usd_per_kw_year: 100, lifetime_years: 40}}
            """)
        let site = try SiteLoader.resolve(SiteDocument.read(from: url).applying(overrides: [("smr", smr)]))
        let whole = try BuildOutPlanner.plan(site, options: PlanOptions(solver: SolverOptions(method: .auto)))
        let relaxed = try BuildOutPlanner.plan(site, options: PlanOptions(moduleCounts: .relaxed, solver: SolverOptions(method: .auto)))
        #expect(whole.strategy == .mip && relaxed.strategy == .relaxed)
        #expect(whole.result.status == .optimal && relaxed.result.status == .optimal)
        let modules = whole.capacities.filter { $0.key.asset == .smr }
        #expect(modules.count == 3 && modules.contains { $0.installed >= 1 })
        for capacity in modules { #expect(abs(capacity.added - capacity.added.rounded()) < 1e-6) }
        let relaxedUSD = try #require(relaxed.npvUSD), wholeUSD = try #require(whole.npvUSD)
        #expect(relaxedUSD <= wholeUSD * (1 + 1e-9))
    }

    /// Lifetimes no longer than the gap between periods and no existing plant carried: each
    /// period is its own single-year plan, and the build-out's objective is the sum of their
    /// objectives, each scaled to a year and weighted by its period's present value.
    @Test("Periods that do not interact: the build-out is the weighted sum of single-year plans",
          arguments: [0.0, 0.04, 0.09])
    func separableEqualsSum(rate: Double) throws {
        let site = try PlanSites.write("""
            name: separable
            horizon: {start_utc: 2025-01-01T00:00Z, steps: 6, step_minutes: 60}
            investment: {discount_rate: \(rate)}
            grid_feeds:
              - name: grid
                import_capacity_mw: 3
                export_capacity_mw: 1
                price_usd_per_mwh: {file: series.csv, column: price}
                carbon_intensity_g_per_kwh: 300
                build: {max_added_mw: 4, capex_usd_per_kw: 40000, lifetime_years: 4}
            renewables:
              - {name: pv, kind: solar, coupling: ac, capacity_factor: {file: series.csv, column: cf},
                 build: {max_mw: 20, capex_usd_per_kw: 30000, fixed_om_usd_per_kw_year: 500, lifetime_years: 4}}
            batteries:
              - name: bess
                build: {max_power_mw: 5, max_energy_mwh: 10, capex_usd_per_kw: 10000, capex_usd_per_kwh: 8000, lifetime_years: 3}
            it_fleet: {racks: 20, power_per_rack_kw: 200}
            workloads:
              inference: {demand_mw: 2}
            cooling: {cop: 5}
            carbon: {price_usd_per_t: 80}
            periods:
              - {year: 2030, years: 4}
              - {year: 2034, years: 4, inference_demand_scale: 1.5, overrides: {"renewables[0].build.capex_usd_per_kw": 20000}}
              - {year: 2038, years: 4, inference_demand_scale: 1.8, overrides: {"batteries[0].build.capex_usd_per_kwh": 4000, carbon.price_usd_per_t: 150}}
            """, series: ["cf": [0, 0.2, 0.9, 1, 0.5, 0], "price": [40, 60, 30, 20, 90, 140]])
        let plan = try BuildOutSites.plan(site)
        var sum = 0.0
        for (index, periodSite) in site.periodSites.enumerated() {
            let (single, _) = try PlanSites.plan(periodSite)
            sum += single.outcome.result.objectiveValue! / periodSite.horizonYears * plan.periods[index].objectiveWeight
            // The same build, period by period.
            for capacity in single.outcome.schedule!.capacities {
                let mine = try #require(plan.capacities.first { $0.period == index && $0.key.description == capacity.key?.description })
                #expect(abs(mine.installed - capacity.installed) < 1e-5 * max(1, capacity.installed))
            }
        }
        #expect(abs(plan.npvUSD! - sum) < 1e-7 * abs(sum))
        let discounted = plan.cashFlows.reduce(0.0) { $0 + $1.discountedTotalUSD }
        #expect(abs(discounted - plan.npvUSD!) < 1e-7 * abs(sum))
    }
}
