import Foundation
import Island
import Optimization
import Planning
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
        let operating = try Planner.plan(try fixed.withInstalled([ExpansionKey(asset: .renewable, name: "pv", dimension: .powerMW): 3]))
        let fixedOM = 3 * 20_000 * 2 / 8760.0
        #expect(abs(plan.outcome.result.objectiveValue! - (operating.result.objectiveValue! + fixedOM)) < 1e-7)
        #expect(schedule.capacities.first?.capexUSD == 0)
        #expect(abs(schedule.kpis.fixedOMUSD - fixedOM) < 1e-9)
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
