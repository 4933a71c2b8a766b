import Foundation
import Island
import Optimization
import Scheduling
import Testing

/// Power balance tolerance, MW: interior point stops at a relative gap of ~1e-8 on flows of
/// hundreds of MW; the identity itself is exact algebra over the solution.
let balanceToleranceMW = 1e-6

@Suite("Schedules conserve energy on every example site")
struct ConservationTests {
    @Test("Every step balances: sources = export + charge + IT + cooling + losses",
          arguments: ["example-week", "example", "example-ac415", "hot-climate"])
    func balance(site name: String) throws {
        let site = try SiteFixtures.site(name)
        let (_, schedule) = try SiteFixtures.solve(site)
        #expect(schedule.steps.count == site.horizon.steps)
        for step in schedule.steps {
            #expect(abs(step.balanceResidualMW) < balanceToleranceMW, "\(name) \(step.timestampUTC): \(step.balanceResidualMW)")
        }
        #expect(schedule.kpis.maxBalanceResidualMW < balanceToleranceMW)
    }

    @Test("Battery state of charge follows soc[t] = soc[t-1] + eta_c c dt - d dt / eta_d")
    func stateOfCharge() throws {
        let site = try SiteFixtures.site("example-week")
        let battery = try #require(site.batteries.first)
        let (_, schedule) = try SiteFixtures.solve(site)
        var previous = battery.initialSOCMWh
        for step in schedule.steps {
            let expected = previous + battery.chargeEfficiency * step.batteryChargeMW - step.batteryDischargeMW / battery.dischargeEfficiency
            #expect(abs(step.batterySOCMWh - expected) < 1e-5, "\(step.timestampUTC)")
            #expect(step.batterySOCMWh >= battery.socMinFraction * battery.energyMWh - 1e-6)
            #expect(step.batterySOCMWh <= battery.socMaxFraction * battery.energyMWh + 1e-6)
            previous = step.batterySOCMWh
        }
        #expect(previous >= battery.initialSOCMWh - 1e-5)  // cyclic
    }

    @Test("Cooling is indoor heat over COP; emissions are imports times intensity")
    func coolingAndEmissions() throws {
        let site = try SiteFixtures.site("hot-climate")
        let (_, schedule) = try SiteFixtures.solve(site)
        let finalEfficiency = site.distribution.busToRackEfficiency
        for (t, step) in schedule.steps.enumerated() {
            // Heat = IT draw before the last conversion stage + busway loss, and the busway
            // loss never exceeds its value at bus capacity.
            let heatMW = step.coolingMW * site.copSeries[t]
            let maximumLossMW = site.distribution.buswayLossMW(atPowerMW: site.distribution.busCapacityMW)
            #expect(heatMW >= step.itMW / finalEfficiency - 1e-6)
            #expect(heatMW <= step.itMW / finalEfficiency + maximumLossMW + 1e-6)
            var expected = 0.0
            for (index, feed) in site.gridFeeds.enumerated() where index == 0 {
                expected += step.gridImportMW * feed.carbonIntensityGramsPerKWh[t] / 1000 * site.horizon.stepHours
            }
            expected += step.smrMW * (site.smr?.emissionFactorGramsPerKWh ?? 0) / 1000 * site.horizon.stepHours
            expected += step.backupMW * (site.backupGenerators.first?.emissionFactorGramsPerKWh ?? 0) / 1000 * site.horizon.stepHours
            #expect(abs(step.emissionsTonnes - expected) < 1e-6, "\(step.timestampUTC)")
        }
    }

    @Test("Training never runs outside its window, and inference is fully served when supply allows")
    func windows() throws {
        let site = try SiteFixtures.site("example")
        let (_, schedule) = try SiteFixtures.solve(site)
        for (job, result) in zip(site.trainingJobs, schedule.jobs) {
            for (t, power) in result.powerMW.enumerated() where !job.steps.contains(t) {
                #expect(power == 0, "\(job.name) runs at step \(t) outside its window")
            }
            #expect(abs(result.deliveredMWh - job.energyMWh) < 1e-3)
        }
        #expect(schedule.steps.allSatisfy { $0.inferenceShedMW < 1e-6 })
        #expect(schedule.steps.allSatisfy { $0.itMW <= $0.itCapacityMW + 1e-6 })
        #expect(schedule.kpis.inferenceServedShare > 1 - 1e-9)
    }

    @Test("KPIs recompute from the dispatch rows")
    func kpisFromRows() throws {
        let site = try SiteFixtures.site("example-week")
        let (outcome, schedule) = try SiteFixtures.solve(site)
        let hours = site.horizon.stepHours
        let itMWh = schedule.steps.map(\.itMW).reduce(0, +) * hours
        #expect(abs(schedule.kpis.itEnergyMWh - itMWh) < 1e-6)
        // PUE on the facility boundary (export- and dump-path losses left out); the gross ratio counts every loss.
        let pue = schedule.steps.map { $0.itMW + $0.coolingMW + $0.facilityLossesMW }.reduce(0, +) / schedule.steps.map(\.itMW).reduce(0, +)
        #expect(abs(schedule.kpis.pue - pue) < 1e-9)
        let gross = schedule.steps.map { $0.itMW + $0.coolingMW + $0.lossesMW }.reduce(0, +) / schedule.steps.map(\.itMW).reduce(0, +)
        #expect(abs(schedule.kpis.grossPUE - gross) < 1e-9)
        #expect(abs(schedule.kpis.objectiveUSD - outcome.result.objectiveValue!) < 1e-6)
        // Cost terms add up to the objective (training penalties and demand charges included).
        let k = schedule.kpis
        let total = k.energyCostUSD - k.exportRevenueUSD + k.smrCostUSD + k.backupCostUSD + k.batteryThroughputCostUSD
            + k.demandChargeUSD + k.carbonCostUSD + k.lostInferencePenaltyUSD + k.undeliveredTrainingPenaltyUSD + k.trainingRestartCostUSD
        #expect(abs(total - k.objectiveUSD) <= 1e-6 * max(1, abs(k.objectiveUSD)))
    }
}
