import Foundation
import Island
import Optimization
import Scheduling
import Testing

/// The energy-not-served KPIs an outage study reads (docs/results-schema.md, "Outage KPIs"),
/// on sites whose SMR units fail by a forced-outage draw (docs/risk.md).
@Suite("Outage KPIs: inference shed, training undelivered, forced unit-hours")
struct ForcedOutageKPITests {
    /// One 10 MW SMR unit and nothing else, 5 MW of inference priced at 1,000 USD/MWh when shed,
    /// and a training job that can never be finished. A draw with FOR 0.3 and MTTR 6 h.
    static func lonelyUnit(draw: Int?) -> String {
        """
        name: lonely-unit
        horizon: {start_utc: 2025-01-01T00:00Z, steps: 96, step_minutes: 30}
        smr:
          units: 1
          capacity_mw_per_unit: 10
          min_stable_load_fraction: 0
          ramp_fraction_per_hour: 60
          marginal_cost_usd_per_mwh: 10
          forced_outages: {forced_outage_rate: 0.3, mean_time_to_repair_hours: 6, seed: 17\(draw.map { ", draw: \($0)" } ?? "")}
        it_fleet: {racks: 100, power_per_rack_kw: 132}
        workloads:
          inference: {demand_mw: 5, value_of_lost_service_usd_per_mwh: 1000}
          training_jobs:
            - {name: endless, energy_mwh: 380, release_utc: 2025-01-01T00:00Z, deadline_utc: 2025-01-03T00:00Z,
               max_power_mw: 8, undelivered_penalty_usd_per_mwh: 100}
        cooling: {cop: 20}
        """
    }

    @Test("with one unit and nothing else, every step the draw takes it out sheds the whole inference demand")
    func lonelyUnitHandValues() throws {
        let site = try SiteFixtures.site(yaml: Self.lonelyUnit(draw: 4))
        let smr = try #require(site.smr)
        let outSteps = smr.availableUnits.filter { $0 == 0 }.count
        #expect(outSteps > 4 && outSteps < 80, "draw 4 takes the unit out in \(outSteps) of 96 steps")
        let (_, schedule) = try SiteFixtures.solve(site)
        let kpis = schedule.kpis
        #expect(abs(kpis.inferenceShedMWh - 5 * 0.5 * Double(outSteps)) < 1e-6)
        #expect(kpis.inferenceShedHours == 0.5 * Double(outSteps))
        #expect(kpis.smrForcedOutageUnitHours == 0.5 * Double(outSteps))
        // Undelivered training is what jobs.csv says, and here most of the job.
        #expect(abs(kpis.trainingUndeliveredMWh - schedule.jobs[0].undeliveredMWh) < 1e-9)
        #expect(kpis.trainingUndeliveredMWh > 150)
        #expect(abs(kpis.inferenceServedShare - (1 - Double(outSteps) / 96)) < 1e-9)
    }

    @Test("without a draw the same site sheds nothing and counts no forced unit-hours")
    func lonelyUnitWithoutDraw() throws {
        let (_, schedule) = try SiteFixtures.solve(try SiteFixtures.site(yaml: Self.lonelyUnit(draw: nil)))
        #expect(schedule.kpis.inferenceShedMWh == 0 && schedule.kpis.inferenceShedHours == 0)
        #expect(schedule.kpis.smrForcedOutageUnitHours == 0)
    }

    @Test("on the outage week the KPIs add up the dispatch, the jobs and the availability, and no draw costs less than none",
          arguments: [1, 7, 29])
    func outageWeek(draw: Int) throws {
        let (_, base) = try SiteFixtures.solve(try SiteFixtures.site("outages-week"))
        let site = try SiteFixtures.site("outages-week", [("smr.forced_outages.draw", YAMLNode(integerLiteral: draw))])
        let (_, schedule) = try SiteFixtures.solve(site)
        let kpis = schedule.kpis, hours = site.horizon.stepHours
        var shedMWh = 0.0, shedHours = 0.0
        for (step, demand) in zip(schedule.steps, site.inference.demandMW) where step.inferenceShedMW > 1e-6 * max(1, demand) {
            shedMWh += step.inferenceShedMW * hours
            shedHours += hours
        }
        #expect(abs(kpis.inferenceShedMWh - shedMWh) < 1e-9 && kpis.inferenceShedHours == shedHours)
        #expect(abs(kpis.trainingUndeliveredMWh - schedule.jobs.map(\.undeliveredMWh).filter { $0 > 1e-3 }.reduce(0, +)) < 1e-9)
        let smr = try #require(site.smr)
        #expect(kpis.smrForcedOutageUnitHours == Double(smr.availableUnits.map { 3 - $0 }.reduce(0, +)) * hours)
        #expect(kpis.smrForcedOutageUnitHours > 0)
        // Taking capacity away never makes the week cheaper (LP tolerance).
        #expect(kpis.objectiveUSD >= base.kpis.objectiveUSD - 1e-6 * abs(base.kpis.objectiveUSD))
        if draw == 29 { #expect(kpis.inferenceShedHours >= 5) }
    }
}
