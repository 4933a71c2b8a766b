import Foundation
import Testing
@testable import Island

@Suite("Resolved site model")
struct SiteModelTests {
    @Test("horizon labels and step lookup")
    func horizon() {
        let horizon = Horizon(startEpochSeconds: 1_735_689_600, steps: 96, stepMinutes: 15)
        #expect(horizon.label(0) == "2025-01-01T00:00Z")
        #expect(horizon.label(95) == "2025-01-01T23:45Z")
        #expect(horizon.stepHours == 0.25)
        #expect(horizon.step(containing: 1_735_689_600 + 20 * 60) == 1)
        #expect(horizon.step(containing: 1_735_689_600 - 1) == nil)
        #expect(Horizon.format(Date(timeIntervalSince1970: 1_752_505_200)) == "2025-07-14T15:00Z")
    }

    @Test("end_utc sets the number of steps")
    func endUTC() throws {
        let yaml = MinimalSite.yaml().replacingOccurrences(of: "steps: 4", with: "end_utc: 2025-01-02T00:00Z")
            .replacingOccurrences(of: "step_minutes: 60", with: "step_minutes: 30")
        #expect(try Scratch().load(yaml).horizon.steps == 48)
    }

    @Test("a unit in outage during any part of a step is unavailable that step")
    func outageSteps() throws {
        let site = try Scratch().load(MinimalSite.yaml("""
            smr:
              units: 3
              capacity_mw_per_unit: 77
              marginal_cost_usd_per_mwh: 12
              outages:
                - {unit: 1, start_utc: 2025-01-01T01:30Z, end_utc: 2025-01-01T02:00Z}
                - {unit: 2, start_utc: 2024-12-01T00:00Z, end_utc: 2025-01-01T01:00Z}
            """))
        let smr = try #require(site.smr)
        #expect(smr.availableUnits == [2, 2, 3, 3])
        #expect(smr.availableCapacityMW[0] == 154)
        #expect(smr.minStableLoadFraction == 0.5 && smr.rampFractionPerHour == 1.8 && smr.commitment == .linear)
    }

    @Test("training steps lie wholly inside release and deadline; GPU-hours convert to MWh")
    func trainingSteps() throws {
        let site = try Scratch().load(MinimalSite.yaml("""
            workloads:
              training_jobs:
                - {name: job, gpu_hours: 4000, kw_per_gpu: 1.2, release_utc: 2025-01-01T00:30Z, deadline_utc: 2025-01-01T04:00Z, max_power_mw: 10, undelivered_penalty_usd_per_mwh: 300}
            """))
        let job = site.trainingJobs[0]
        #expect(job.energyMWh == 4.8)
        #expect(job.firstStep == 1 && job.lastStep == 3)
        #expect(job.undeliveredPenaltyUSDPerMWh == 300)
        #expect(site.inference.demandMW == [0, 0, 0, 0])
    }

    @Test("tokens per second convert to MW with the fleet's tokens per MWh")
    func tokens() throws {
        let site = try Scratch().load(MinimalSite.yaml("workloads:\n  inference:\n    tokens_per_second: 1000\n    value_of_lost_service_usd_per_mwh: 1000",
                                                       fleet: "  racks: 100\n  power_per_rack_kw: 132\n  tokens_per_mwh: 360000"))
        #expect(site.inference.demandMW == [10, 10, 10, 10])
        #expect(site.inference.valueOfLostServiceUSDPerMWh == 1000)
    }

    @Test("distribution defaults come from docs/sources.md by architecture")
    func distributionDefaults() throws {
        let dc = try Scratch().load(MinimalSite.yaml())
        #expect(dc.distribution.architecture == .dc800)
        #expect(dc.distribution.busVoltageV == 800)
        #expect(dc.distribution.busCapacityMW == 16.5)  // 1.25 x 13.2 MW
        #expect(dc.distribution.efficiencies.solidStateTransformer == 0.98)
        #expect(dc.distribution.busToRackEfficiency == 0.9775)
        let ac = try Scratch().load(MinimalSite.yaml("power_distribution: {architecture: ac415, efficiencies: {ups: 0.97}}"))
        #expect(ac.distribution.buswayLossFractionAtCapacity == 0.01)
        #expect(abs(ac.distribution.busToRackEfficiency - 0.97 * 0.98 * 0.9625) < 1e-15)
        // The tangent lines are exact at capacity and never above the quadratic.
        let tangents = ac.distribution.buswayLossTangents
        #expect(tangents.count == 8)
        let atCapacity = tangents.map { $0.slopeMWPerMW * 16.5 + $0.interceptMW }.max()!
        #expect(abs(atCapacity - ac.distribution.buswayLossMW(atPowerMW: 16.5)) < 1e-12)
    }

    @Test("battery power_mw sets both directions; round-trip efficiency splits evenly")
    func battery() throws {
        let site = try Scratch().load(MinimalSite.yaml("batteries:\n  - {energy_mwh: 40, power_mw: 10, round_trip_efficiency: 0.81, final_soc: 0.5}"))
        let battery = site.batteries[0]
        #expect(battery.chargePowerMW == 10 && battery.dischargePowerMW == 10)
        #expect(abs(battery.chargeEfficiency - 0.9) < 1e-12)
        #expect(battery.finalSOC == .fraction(0.5))
    }

    @Test("export price defaults to the import price times export_price_fraction")
    func exportPrice() throws {
        let site = try Scratch().load(MinimalSite.yaml(grid: """
              - {import_capacity_mw: 10, export_capacity_mw: 5, export_price_fraction: 0.5, price_usd_per_mwh: [10, 20, 30, 40], carbon_intensity_g_per_kwh: 100}
            """))
        #expect(site.gridFeeds[0].exportPriceUSDPerMWh == [5, 10, 15, 20])
        #expect(site.gridFeeds[0].name == "grid")
    }

    @Test("the example sites are comfortably feasible even during the SMR outage",
          arguments: ["example.yaml", "example-ac415.yaml", "hot-climate.yaml", "example-week.yaml"])
    func examplesFeasible(file: String) throws {
        let site = try SiteLoader.load(from: Fixtures.site(file))
        // Firm supply (no solar, no battery) must cover full IT load plus cooling and a 15 % loss
        // allowance in every step, with a 20 % margin.
        for step in 0..<site.horizon.steps {
            let firm = (site.smr?.availableCapacityMW[step] ?? 0) + site.gridFeeds.map(\.importCapacityMW).reduce(0, +)
                + site.backupGenerators.map(\.capacityMW).reduce(0, +)
            let heat = site.itFleet.capacityMW * 1.15
            let need = heat + heat / site.copSeries[step]
            #expect(firm >= 1.2 * need, "step \(step): firm \(firm) MW, need \(need) MW")
            if firm < 1.2 * need { break }
        }
        // Training plus inference fits in the IT capacity over each job's window.
        for job in site.trainingJobs {
            let spare = job.steps.map { site.itFleet.capacityMW - site.inference.demandMW[$0] }.reduce(0, +)
                * site.horizon.stepHours
            #expect(spare > 2 * job.energyMWh)
        }
        if file == "example.yaml" {
            #expect(site.smr?.availableUnits.min() == 3)
            #expect(site.trainingJobs.count == 3)
            #expect(site.inference.demandMW.reduce(0, +) / Double(site.horizon.steps) < 0.5 * site.itFleet.capacityMW)
        }
    }

    @Test("the ac415 twin differs from the example only in architecture and coupling")
    func acTwin() throws {
        let dc = try SiteLoader.load(from: Fixtures.site("example.yaml"))
        let ac = try SiteLoader.load(from: Fixtures.site("example-ac415.yaml"))
        #expect(ac.distribution.architecture == .ac415 && dc.distribution.architecture == .dc800)
        #expect(ac.batteries[0].coupling == .ac && ac.renewables[0].coupling == .ac)
        #expect(ac.gridFeeds == dc.gridFeeds && ac.copSeries == dc.copSeries && ac.trainingJobs == dc.trainingJobs)
    }
}
