import Foundation
import Island
import Optimization
@testable import Planning
import Scheduling
import Testing

/// Small sites written from YAML with a price and capacity-factor series.
enum PlanSites {
    static func write(_ yaml: String, series: [String: [Double]]) throws -> Site {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("insula-plan-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let names = series.keys.sorted()
        let steps = series.values.first?.count ?? 0
        var text = names.joined(separator: ",") + "\n"
        for t in 0..<steps { text += names.map { String(series[$0]![t]) }.joined(separator: ",") + "\n" }
        try text.write(to: folder.appendingPathComponent("series.csv"), atomically: true, encoding: .utf8)
        let file = folder.appendingPathComponent("site.yaml")
        try yaml.write(to: file, atomically: true, encoding: .utf8)
        return try SiteLoader.load(from: file)
    }

    /// A 1 MW inference load on a grid at `price` and a solar plant the plan sizes.
    static func solar(cf: [Double], price: Double, capexUSDPerKW: Double, maxMW: String = "", existingMW: Double = 0,
                      exportMW: Double = 0) throws -> Site {
        try write("""
            name: solar-plan
            horizon: {start_utc: 2025-01-01T00:00Z, steps: \(cf.count), step_minutes: 60}
            investment: {discount_rate: 0}
            grid_feeds:
              - {name: grid, import_capacity_mw: 10, export_capacity_mw: \(exportMW), price_usd_per_mwh: \(price), carbon_intensity_g_per_kwh: 400}
            renewables:
              - name: pv
                kind: solar
                capacity_mw: \(existingMW)
                coupling: ac
                capacity_factor: {file: series.csv, column: cf}
                build: {\(maxMW.isEmpty ? "" : "max_mw: \(maxMW), ")capex_usd_per_kw: \(capexUSDPerKW), lifetime_years: 1}
            it_fleet: {racks: 10, power_per_rack_kw: 200}
            workloads:
              inference: {demand_mw: 1}
            cooling: {cop: 5}
            """, series: ["cf": cf])
    }

    static func plan(_ site: Site, _ strategy: ModuleCountStrategy = .auto) throws -> (CapacityPlan, Schedule) {
        let plan = try CapacityPlanner.plan(site, options: PlanOptions(moduleCounts: strategy, solver: SolverOptions(method: .auto)))
        guard let schedule = plan.outcome.schedule else { throw PlanFailure(status: plan.outcome.result.status) }
        return (plan, schedule)
    }

    struct PlanFailure: Error { let status: SolveStatus }
}

@Suite("Capacity planning: sizing co-optimised with operation")
struct PlanningTests {
    @Test("Capital recovery factor: r(1+r)^n / ((1+r)^n - 1), and 1/n without discounting")
    func capitalRecoveryFactor() {
        #expect(abs(CapitalRecovery.factor(rate: 0.07, years: 30) - 0.080586) < 1e-6)
        #expect(abs(CapitalRecovery.factor(rate: 0.05, years: 20) - 0.080243) < 1e-6)
        #expect(CapitalRecovery.factor(rate: 0, years: 10) == 0.1)
        // A one-year life repays capital plus one year's interest.
        #expect(abs(CapitalRecovery.factor(rate: 0.1, years: 1) - 1.1) < 1e-12)
    }

    /// Two hours with solar capacity factors 1 and 0.5 against a constant draw D (MW at the
    /// AC bus) bought at p. A MW of solar saves p in hour 1 while C < D and 0.5 p in hour 2
    /// while 0.5 C < D, and costs k (capex over a one-year life at r = 0, times 2/8760 of a
    /// year). So: k > 1.5 p builds nothing; 0.5 p < k < 1.5 p builds C = D; k < 0.5 p builds
    /// C = 2 D (nothing to export to).
    @Test("One asset by hand: the three regimes of a two-hour solar plan", arguments: [(2.0, 0), (1.0, 1), (0.25, 2)])
    func solarRegimes(costOverPrice: Double, multipleOfDraw: Int) throws {
        let price = 100.0
        let years = 2.0 / 8760
        let capexUSDPerKW = costOverPrice * price / years / 1000
        let site = try PlanSites.solar(cf: [1, 0.5], price: price, capexUSDPerKW: capexUSDPerKW)
        let (plan, schedule) = try PlanSites.plan(site)
        let pv = try #require(schedule.capacities.first)
        // The draw D: what the grid would supply in each hour without solar (constant load).
        let drawMW = schedule.steps[0].gridImportMW + schedule.steps[0].solarMW
        #expect(abs(pv.installed - Double(multipleOfDraw) * drawMW) < 1e-6 * max(1, drawMW))
        #expect(pv.existing == 0 && abs(pv.added - pv.installed) < 1e-12)
        // Objective = energy bought + the horizon's share of capital.
        let bought = schedule.steps.map(\.gridImportMW).reduce(0, +) * price
        #expect(abs(plan.outcome.result.objectiveValue! - (bought + pv.installed * costOverPrice * price)) < 1e-6)
        #expect(abs(schedule.kpis.annualisedCapexUSD - pv.installed * costOverPrice * price) < 1e-6)
        #expect(schedule.kpis.maxBalanceResidualMW < 1e-6)
    }

    @Test("Existing capacity is sunk: a build held at the existing size pays fixed O&M but no capital")
    func existingIsSunk() throws {
        let fixed = try PlanSites.write("""
            name: sunk
            horizon: {start_utc: 2025-01-01T00:00Z, steps: 2, step_minutes: 60}
            grid_feeds:
              - {name: grid, import_capacity_mw: 10, price_usd_per_mwh: 50, carbon_intensity_g_per_kwh: 400}
            renewables:
              - {name: pv, kind: solar, capacity_mw: 3, coupling: ac, capacity_factor: {file: series.csv, column: cf},
                 build: {max_mw: 3, capex_usd_per_kw: 1000, fixed_om_usd_per_kw_year: 20, lifetime_years: 25}}
            it_fleet: {racks: 10, power_per_rack_kw: 200}
            workloads: {inference: {demand_mw: 1}}
            cooling: {cop: 5}
            """, series: ["cf": [0.2, 0.1]])
        let (plan, schedule) = try PlanSites.plan(fixed)
        let operating = try OperatingSolve.run(try fixed.withInstalled([ExpansionKey(asset: .renewable, name: "pv", dimension: .powerMW): 3]))
        let fixedOM = 3 * 20_000 * 2 / 8760.0
        #expect(abs(plan.outcome.result.objectiveValue! - (operating.result.objectiveValue! + fixedOM)) < 1e-7)
        #expect(schedule.capacities.first?.capexUSD == 0)
        #expect(abs(schedule.kpis.fixedOMUSD - fixedOM) < 1e-9)
    }

    /// The middle regime of `solarRegimes` (capital 1.0 p per MW: build C = D), with a grid that
    /// emits nothing and solar that embodies E t per MW over the horizon at a carbon price P:
    /// counted in the decisions, a MW costs 1.0 p + P E = 2.0 p > 1.5 p, so nothing is built.
    @Test("Embodied carbon in the decisions: priced on the capacity column, it changes the plan, and the objective carries it")
    func embodiedCarbonInDecisions() throws {
        let price = 100.0, years = 2.0 / 8760
        func site(_ inDecisions: Bool) throws -> Site {
            try PlanSites.write("""
                name: embodied
                horizon: {start_utc: 2025-01-01T00:00Z, steps: 2, step_minutes: 60}
                investment: {discount_rate: 0}
                grid_feeds:
                  - {name: grid, import_capacity_mw: 10, price_usd_per_mwh: \(price), carbon_intensity_g_per_kwh: 0}
                renewables:
                  - {name: pv, kind: solar, coupling: ac, capacity_factor: {file: series.csv, column: cf},
                     build: {capex_usd_per_kw: \(1.0 * price / years / 1000), lifetime_years: 1}}
                embodied_carbon: {solar: {kg_per_kw: \(1.0 * price / 100 / years), lifetime_years: 1}}
                carbon: {price_usd_per_t: 100, embodied_in_decisions: \(inDecisions)}
                it_fleet: {racks: 10, power_per_rack_kw: 200}
                workloads: {inference: {demand_mw: 1}}
                cooling: {cop: 5}
                """, series: ["cf": [1, 0.5]])
        }
        let (reported, reportedSchedule) = try PlanSites.plan(try site(false))
        let (decided, decidedSchedule) = try PlanSites.plan(try site(true))
        let built = try #require(reportedSchedule.capacities.first).installed
        #expect(built > 0.1)  // reported only: the capital-only regime builds C = D
        #expect(reportedSchedule.kpis.embodiedCarbonTonnes > 0 && reportedSchedule.kpis.embodiedCarbonCostUSD == 0)
        #expect(try #require(decidedSchedule.capacities.first).installed < 1e-6)
        // Reported only, the objective has no embodied cost; in the decisions it has, and none here.
        #expect(abs(decided.outcome.result.objectiveValue! - decidedSchedule.steps.map(\.gridImportMW).reduce(0, +) * price) < 1e-6)
        #expect(reported.outcome.result.objectiveValue! < decided.outcome.result.objectiveValue!)
    }

    @Test("Bad build sections are refused with the key path", arguments: [
        ("{max_mw: 5, capex_usd_per_kw: 100, lifetime_years: 0}", "build.lifetime_years"),
        ("{max_mw: 5, capex_usd_per_kw: 100}", "build.lifetime_years"),
        ("{min_mw: 1, max_mw: 5, capex_usd_per_kw: 100, lifetime_years: 20}", "build.min_mw"),
        ("{min_mw: 4, max_mw: 3, capex_usd_per_kw: 100, lifetime_years: 20}", "build.max_mw"),
        ("{lifetime_years: 20}", "build.max_mw"),
        ("{max_mw: 5, capex_usd_per_kw: -1, lifetime_years: 20}", "build.capex_usd_per_kw"),
        ("{max_mw: 5, capex_usd_per_kwh: 1, lifetime_years: 20}", "build.capex_usd_per_kwh"),
    ])
    func badBuild(build: String, keyPath: String) throws {
        let yaml = """
            name: bad
            horizon: {start_utc: 2025-01-01T00:00Z, steps: 2, step_minutes: 60}
            grid_feeds:
              - {name: grid, import_capacity_mw: 10, price_usd_per_mwh: 50, carbon_intensity_g_per_kwh: 400}
            renewables:
              - {name: pv, kind: solar, capacity_mw: 2, coupling: ac, capacity_factor: 0.3, build: \(build)}
            it_fleet: {racks: 10, power_per_rack_kw: 200}
            workloads: {inference: {demand_mw: 1}}
            cooling: {cop: 5}
            """
        do {
            _ = try PlanSites.write(yaml, series: [:])
            Issue.record("accepted \(build)")
        } catch let error as SiteValidationError {
            #expect(error.issues.contains { $0.keyPath == "renewables[0].\(keyPath)" }, "\(error.issues)")
        }
    }
}

@Suite("Capacity planning against brute force and other strategies")
struct PlanningStrategyTests {
    /// Two days with a price spike each evening, solar and a battery to size.
    static func solarBattery(solarMW: String = "build: {max_mw: 20, capex_usd_per_kw: 900, fixed_om_usd_per_kw_year: 15, lifetime_years: 25}",
                             battery: String = "build: {max_power_mw: 10, max_energy_mwh: 40, capex_usd_per_kw: 150, capex_usd_per_kwh: 200, lifetime_years: 15}",
                             smr: String = "") throws -> Site {
        let steps = 48
        let price = (0..<steps).map { t -> Double in [18, 19, 20].contains(t % 24) ? 400 : (t % 24 < 6 ? 20 : 60) }
        let cf = (0..<steps).map { t -> Double in max(0, sin(Double(t % 24 - 6) / 12 * Double.pi)) }
        return try PlanSites.write("""
            name: solar-battery
            horizon: {start_utc: 2025-06-01T00:00Z, steps: \(steps), step_minutes: 60}
            investment: {discount_rate: 0.05}
            \(smr)
            grid_feeds:
              - {name: grid, import_capacity_mw: 20, price_usd_per_mwh: {file: series.csv, column: price}, carbon_intensity_g_per_kwh: 400}
            renewables:
              - {name: pv, kind: solar, coupling: ac, capacity_factor: {file: series.csv, column: cf}, \(solarMW)}
            batteries:
              - {name: bess, soc_min_fraction: 0, initial_soc_fraction: 0, final_soc: 0, coupling: ac, \(battery)}
            it_fleet: {racks: 10, power_per_rack_kw: 500}
            workloads: {inference: {demand_mw: 4}}
            cooling: {cop: 5}
            """, series: ["price": price, "cf": cf])
    }

    @Test("The plan costs no more than any point of a grid of fixed sizes, and the nearest grid point is within the grid's step")
    func againstBruteForce() throws {
        let site = try Self.solarBattery()
        let (plan, schedule) = try PlanSites.plan(site)
        let planCost = try #require(plan.outcome.result.objectiveValue)
        let solar = ExpansionKey(asset: .renewable, name: "pv", dimension: .powerMW)
        let power = ExpansionKey(asset: .battery, name: "bess", dimension: .powerMW)
        let energy = ExpansionKey(asset: .battery, name: "bess", dimension: .energyMWh)
        func cost(_ solarMW: Double, _ energyMWh: Double) throws -> Double {
            // A grid point: sizes held by their bounds, so capital is charged exactly as in the plan.
            var fixed = site
            fixed.renewables[0].build?.minimum = solarMW
            fixed.renewables[0].build?.maximum = solarMW
            fixed.batteries[0].energyBuild?.minimum = energyMWh
            fixed.batteries[0].energyBuild?.maximum = energyMWh
            let outcome = try OperatingSolve.run(fixed)
            return try #require(outcome.result.objectiveValue)
        }
        var grid: [[Double]] = []
        for solarMW in stride(from: 0.0, through: 20, by: 4) {
            grid.append(try stride(from: 0.0, through: 40, by: 8).map { try cost(solarMW, $0) })
        }
        let best = grid.joined().min()!
        #expect(planCost <= best + 1e-6 * abs(best))
        // The largest cost difference between neighbouring grid points: the grid's resolution.
        var spacing = 0.0
        for i in grid.indices {
            for j in grid[i].indices {
                if i + 1 < grid.count { spacing = max(spacing, abs(grid[i + 1][j] - grid[i][j])) }
                if j + 1 < grid[i].count { spacing = max(spacing, abs(grid[i][j + 1] - grid[i][j])) }
            }
        }
        let installed = Dictionary(uniqueKeysWithValues: schedule.capacities.compactMap { c in c.key.map { ($0, c.installed) } })
        let nearest = try cost(min(20, (installed[solar]! / 4).rounded() * 4), min(40, (installed[energy]! / 8).rounded() * 8))
        #expect(nearest - planCost >= -1e-6 * abs(planCost))
        #expect(nearest - planCost <= spacing, "nearest grid point \(nearest) vs plan \(planCost), grid spacing \(spacing)")
        #expect(installed[power]! <= 10 + 1e-9)
    }

    @Test("A battery sized by the plan: power serves the spike, energy covers its hours, and the two are sized apart")
    func batteryPowerAndEnergy() throws {
        let site = try Self.solarBattery(solarMW: "capacity_mw: 0")
        let (_, schedule) = try PlanSites.plan(site)
        let power = try #require(schedule.capacities.first { $0.dimension == "power_mw" }).installed
        let energy = try #require(schedule.capacities.first { $0.dimension == "energy_mwh" }).installed
        #expect(power > 0.1 && energy > 0.1)
        // Discharge never exceeds the planned power, SOC never the planned energy.
        #expect(schedule.steps.allSatisfy { $0.batteryDischargeMW <= power + 1e-6 && $0.batteryChargeMW <= power + 1e-6 })
        #expect(schedule.steps.allSatisfy { $0.batterySOCMWh <= energy + 1e-6 })
        // The spike hours (three a day) are what it is built for: energy about three hours of power.
        #expect(energy > 1.5 * power && energy < 3.5 * power, "power \(power) MW, energy \(energy) MWh")
        #expect(schedule.kpis.maxBalanceResidualMW < 1e-6)
    }

    @Test("Whole SMR modules: enumeration and branch-and-cut agree, and the relaxation is a lower bound")
    func moduleStrategies() throws {
        let smr = """
            smr:
              units: 0
              capacity_mw_per_unit: 1.7
              min_stable_load_fraction: 0.4
              ramp_fraction_per_hour: 0.5
              marginal_cost_usd_per_mwh: 10
              build: {max_units: 4, capex_usd_per_kw: 5000, fixed_om_usd_per_kw_year: 100, lifetime_years: 40}
            """
        let site = try Self.solarBattery(smr: smr)
        let (enumerated, _) = try PlanSites.plan(site, .enumerate)
        let (mip, mipSchedule) = try PlanSites.plan(site, .mip)
        let (relaxed, relaxedSchedule) = try PlanSites.plan(site, .relaxed)
        #expect(enumerated.strategy == .enumerate && enumerated.candidates.count == 5)
        let best = try #require(enumerated.outcome.result.objectiveValue)
        let branchAndCut = try #require(mip.outcome.result.objectiveValue)
        #expect(abs(best - branchAndCut) <= 1e-6 * abs(best))
        #expect(try #require(relaxed.outcome.result.objectiveValue) <= best + 1e-6 * abs(best))
        let modules = try #require(mipSchedule.capacities.first { $0.dimension == "units" }).installed
        #expect(abs(modules - modules.rounded()) < 1e-6)
        #expect(relaxedSchedule.capacities.contains { $0.dimension == "units" })
        // The enumerated table is the one a planner reads: every count, the best one chosen.
        let chosen = try #require(enumerated.candidates.min { ($0.objectiveUSD ?? .infinity) < ($1.objectiveUSD ?? .infinity) })
        #expect(abs((chosen.objectiveUSD ?? 0) - best) < 1e-9 * abs(best))
    }

    @Test("Choosing among module counts: the cheapest optimum, fewer modules on a tie, and no choice past a count left unsettled")
    func decidingCandidate() {
        func candidate(_ units: Int, _ status: SolveStatus, _ objectiveUSD: Double? = nil) -> CapacityPlan.Candidate {
            CapacityPlan.Candidate(smrUnits: units, status: status, objectiveUSD: objectiveUSD, seconds: 0)
        }
        #expect(CapacityPlanner.decidingCandidate([candidate(0, .optimal, 90), candidate(1, .optimal, 80), candidate(2, .optimal, 85)]) == 1)
        #expect(CapacityPlanner.decidingCandidate([candidate(0, .optimal, 80), candidate(1, .optimal, 80 + 1e-12)]) == 0)
        #expect(CapacityPlanner.decidingCandidate([candidate(0, .infeasible), candidate(1, .optimal, 80)]) == 1)
        #expect(CapacityPlanner.decidingCandidate([candidate(0, .infeasible), candidate(1, .infeasible)]) == 0)
        // The count that stopped at a limit might have been the cheapest: it decides.
        #expect(CapacityPlanner.decidingCandidate([candidate(0, .iterationLimit), candidate(1, .optimal, 80)]) == 0)
        #expect(CapacityPlanner.decidingCandidate([candidate(0, .optimal, 80), candidate(1, .numericalFailure)]) == 1)
    }

    @Test("An enumeration with a count the solver gave up on proves nothing: that count's status is the plan's")
    func enumerationWithAnUnsettledCount() throws {
        let smr = """
            smr:
              units: 0
              capacity_mw_per_unit: 1.7
              min_stable_load_fraction: 0.4
              ramp_fraction_per_hour: 0.5
              marginal_cost_usd_per_mwh: 10
              build: {max_units: 2, capex_usd_per_kw: 5000, fixed_om_usd_per_kw_year: 100, lifetime_years: 40}
            """
        let site = try Self.solarBattery(smr: smr)
        // Two simplex iterations settle no count of this site (its LPs need dozens).
        var solver = SolverOptions(method: .dual, iterationLimit: 2)
        solver.presolve = false
        let plan = try CapacityPlanner.plan(site, options: PlanOptions(moduleCounts: .enumerate, solver: solver, jobs: 1))
        #expect(plan.candidates.count == 3)
        let unsettled = try #require(plan.candidates.first { $0.status == .iterationLimit })
        #expect(plan.outcome.result.status == .iterationLimit)
        #expect(plan.outcome.schedule == nil)
        #expect(plan.site.smr?.build?.minimum == Double(unsettled.smrUnits))
    }

    @Test("A planned SMR fleet held at N modules is the operating site with N units, plus its fixed costs",
          arguments: ["linear", "integer"])
    func plannedFleetMatchesFixed(commitment: String) throws {
        let smr = """
            smr:
              units: 2
              capacity_mw_per_unit: 1.5
              min_stable_load_fraction: 0.5
              ramp_fraction_per_hour: 0.3
              marginal_cost_usd_per_mwh: 10
              commitment: \(commitment)
              min_up_hours: 3
              min_down_hours: 4
              outages: [{unit: 1, start_utc: 2025-06-01T10:00Z, end_utc: 2025-06-01T20:00Z}]
              build: {min_units: 3, max_units: 3, capex_usd_per_kw: 4000, fixed_om_usd_per_kw_year: 90, lifetime_years: 40}
            """
        let site = try Self.solarBattery(solarMW: "capacity_mw: 2", battery: "energy_mwh: 4, power_mw: 1", smr: smr)
        let (plan, _) = try PlanSites.plan(site, .mip)
        var operating = try site.withInstalled([ExpansionKey(asset: .smr, name: "smr", dimension: .units): 3])
        #expect(operating.smr?.units == 3 && operating.smr?.availableUnits[12] == 2 && operating.smr?.availableUnits[0] == 3)
        operating.smr?.build = nil
        let fixed = try OperatingSolve.run(operating)
        let expansion = try #require(site.smr?.build)
        let constant = site.horizonYears * (expansion.annualisedCapexUSDPerUnitYear(discountRate: 0.05) * 1 + expansion.fixedOMUSDPerUnitYear * 3)
        let planned = try #require(plan.outcome.result.objectiveValue), operated = try #require(fixed.result.objectiveValue)
        #expect(abs(planned - (operated + constant)) <= 1e-6 * max(1, abs(planned)), "planned \(planned), fixed \(operated) + \(constant)")
    }
}
