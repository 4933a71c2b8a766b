import Foundation
import Island
import Optimization
import Scheduling
import Testing

/// The racks' thermal limit in the schedule: a capacity before the LP, a transient check after.
@Suite("Thermal limits shape the schedule")
struct ThermalCouplingTests {
    /// One hot July day for 20 racks cooled by dry coolers alone (no chiller): the facility
    /// water floats to dry bulb + 10 K, 57 C in the hottest hours. Grid power is cheapest in
    /// the hot hours, so the LP wants to train exactly when the racks are thermally limited.
    static let dryBulbC: [Double] = [20, 20, 20, 20, 20, 20, 20, 20, 30, 38, 42, 45, 47, 47, 45, 42, 38, 30, 25, 25, 25, 25, 25, 25]

    static func yaml(thermal: String = "thermal: {training_swing: {low_fraction: 0.3, period_s: 20, high_duty_cycle: 0.7}}") -> String {
        let prices = dryBulbC.map { $0 >= 38 ? "10" : "100" }.joined(separator: ", ")
        return """
            name: thermal-day
            horizon: {start_utc: 2025-07-01T00:00Z, steps: 24, step_minutes: 60}
            weather:
              dry_bulb_c: [\(dryBulbC.map { String($0) }.joined(separator: ", "))]
              relative_humidity_percent: 20
            grid_feeds:
              - {name: grid, import_capacity_mw: 10, price_usd_per_mwh: [\(prices)], carbon_intensity_g_per_kwh: 300}
            it_fleet: {racks: 20, power_per_rack_kw: 132}
            workloads:
              inference: {demand_mw: 0.8}
              training_jobs:
                - {name: job, energy_mwh: 20, release_utc: 2025-07-01T00:00Z, deadline_utc: 2025-07-02T00:00Z, max_power_mw: 2.6}
            cooling: {facility_supply_c: 32, economiser: {kind: dry_cooler, approach_k: 10}, chiller: none}
            \(thermal)
            """
    }

    @Test("Without a chiller the facility water follows the dry bulb, and hot hours get less IT capacity")
    func capacityFollowsWeather() throws {
        let site = try SiteFixtures.site(yaml: Self.yaml())
        #expect(site.facilitySupplyC == Self.dryBulbC.map { max(32, $0 + 10) })
        let model = try SiteThermalModel(site: site)
        let (outcome, _) = try SiteFixtures.solve(site)
        let capacity = outcome.model.itCapacityMW
        // Analytic: 19 usable racks (one held back for whole-rack packing) x the power at which
        // the die reaches 83 C, (83 - T_sup) / rise, taken at the warmer of this and the previous
        // hour's supply, never above 132 kW.
        for t in 0..<24 {
            let supplyC = max(site.facilitySupplyC[t], site.facilitySupplyC[max(0, t - 1)])
            let expected = 19 * min(132_000, (83 - supplyC) / model.dieRiseKPerW) / 1e6
            #expect(abs(capacity[t] - expected) < 1e-9, "hour \(t)")
        }
        #expect(capacity[13] < 0.55 * capacity[3])  // 57 C supply at 47 C dry bulb vs 32 C at night
        // The rise per watt is that of the rack's series path: die, plate, tray coolant, CDU.
        #expect(model.dieRiseKPerW > 3.5e-4 && model.dieRiseKPerW < 4e-4)
    }

    @Test("Swinging training racks count for more capacity than inference racks under a thermal limit")
    func trainingWeight() throws {
        let site = try SiteFixtures.site(yaml: Self.yaml())
        let model = try SiteThermalModel(site: site)
        let caps = model.steadyRackCaps()
        // A 0.3 / 0.7 swing averages 0.3 + 0.7 x 0.7 = 0.79 of its compute-phase power, and the
        // compute phase is held to the die limit: training racks get 0.79 x the limit.
        for t in 0..<24 {
            let supplyC = max(site.facilitySupplyC[t], site.facilitySupplyC[max(0, t - 1)])
            let limitW = (83 - supplyC) / model.dieRiseKPerW
            #expect(abs(caps.inferenceW[t] - min(132_000, limitW)) < 1e-6)
            #expect(abs(caps.trainingW[t] - min(132_000, 0.79 * limitW)) < 1e-6)
            #expect(abs(caps.trainingWeight[t] - caps.inferenceW[t] / caps.trainingW[t]) < 1e-12)
        }
        #expect(abs(caps.trainingWeight[13] - 1 / 0.79) < 1e-9)  // both thermally bound
        // 32 C water at night: inference racks run at the rated 132 kW (the limit is 135 kW), but
        // a training rack's compute phase would reach 132 / 0.79 = 167 kW, so training is held back.
        #expect(caps.inferenceW[3] == 132_000)
        #expect(abs(caps.trainingWeight[3] - 132_000 / (0.79 * (83 - 32) / model.dieRiseKPerW)) < 1e-9)
    }

    @Test("With the steady limits in the LP the transient check finds every die at or below 83 C")
    func steadyLimitsHold() throws {
        let site = try SiteFixtures.site(yaml: Self.yaml())
        let outcome = try OperatingSolve.run(site, thermalCheck: ThermalCheckOptions(rounds: 3))
        let report = try #require(outcome.thermal)
        #expect(report.rounds == 1)
        #expect(report.violationsFound == 0)
        #expect(report.maxDieC <= 83.01)
        // The hot hours run at the limit: the check sees the die reach it.
        #expect(report.maxDieC > 82.5)
        let steps = try #require(outcome.schedule?.steps)
        #expect(steps.allSatisfy { ($0.maxDieC ?? .infinity) <= 83.01 })
    }

    @Test("An injected violation (capacity given without the thermal limit) is found, tightened and re-solved away")
    func injectedViolationIsRemoved() throws {
        let site = try SiteFixtures.site(yaml: Self.yaml())
        let electrical = [Double](repeating: 20 * 0.132, count: 24)
        let outcome = try OperatingSolve.run(site, compile: CompileOptions(itCapacityMW: electrical), thermalCheck: ThermalCheckOptions(rounds: 4))
        let report = try #require(outcome.thermal)
        #expect(report.violationsFound > 0)
        #expect(report.rounds >= 2)
        #expect(report.violationsRemaining == 0)
        #expect(report.violationsFixed == report.violationsFound)
        #expect(report.maxDieC <= 83.01)
        let schedule = try #require(outcome.schedule)
        #expect(abs(schedule.jobs[0].deliveredMWh - 20) < 1e-6)
        // Tightened hours carry less IT power than the electrical capacity allowed.
        #expect(schedule.steps[13].itCapacityMW < 0.6 * electrical[13])
    }

    @Test("The cohort check agrees with a simulation of every rack through the whole day")
    func cohortsMatchEveryRack() throws {
        let site = try SiteFixtures.site(yaml: Self.yaml())
        let model = try SiteThermalModel(site: site)
        let outcome = try OperatingSolve.run(site, thermalCheck: ThermalCheckOptions(rounds: 1))
        let schedule = try #require(outcome.schedule)
        let powers = schedule.steps.map {
            ScheduleThermalSimulation.StepPower(trainingMW: $0.trainingMW, inferenceMW: $0.inferenceMW, idleMW: $0.idleMW, itCapacityMW: $0.itCapacityMW)
        }
        var everyRackMaxC = [Double](repeating: -.infinity, count: 24)
        _ = try ScheduleThermalSimulation.run(model: model, powers: powers, window: 0..<24, stepMinutes: 60, stepSeconds: 1) { sample in
            everyRackMaxC[sample.step] = max(everyRackMaxC[sample.step], sample.maxDieC)
        }
        for t in 0..<24 {
            // Tolerance: the cohorts start 300 s before the step in the previous step's steady
            // state instead of carrying the whole history (error ~ e^-60 of the hour's change).
            #expect(abs(everyRackMaxC[t] - schedule.steps[t].maxDieC!) < 1e-6, "hour \(t)")
        }
    }

    @Test("A thermal check needs a thermal section")
    func checkNeedsThermalSection() throws {
        let site = try SiteFixtures.site(yaml: Self.yaml(thermal: ""))
        #expect(throws: ThermalModelError.noThermalSection) {
            try OperatingSolve.run(site, thermalCheck: ThermalCheckOptions())
        }
    }
}
