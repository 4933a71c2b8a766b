import Foundation
import Island
import Optimization
import Scheduling
import Testing

@Suite("Hand-solvable sites")
struct AnalyticTests {
    /// One 1 MW fleet fed only by the grid at a fixed price, constant COP.
    static func gridOnly(steps: Int, prices: [Double], inferenceMW: Double, training: String = "", architecture: String = "dc800") -> String {
        return """
            name: hand
            horizon: {start_utc: 2025-01-01T00:00Z, steps: \(steps), step_minutes: 60}
            grid_feeds:
              - name: grid
                import_capacity_mw: 10
                price_usd_per_mwh: {file: prices.csv, column: price}
                carbon_intensity_g_per_kwh: 400
            power_distribution: {architecture: \(architecture)}
            it_fleet: {racks: 10, power_per_rack_kw: 200}
            workloads:
              inference: {demand_mw: \(inferenceMW)}
            \(training)
            cooling: {cop: 5}
            """
    }

    static func write(yaml: String, prices: [Double]) throws -> Site {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("insula-hand-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        try ("price\n" + prices.map { String($0) }.joined(separator: "\n") + "\n").write(to: folder.appendingPathComponent("prices.csv"), atomically: true, encoding: .utf8)
        let file = folder.appendingPathComponent("site.yaml")
        try yaml.write(to: file, atomically: true, encoding: .utf8)
        return try SiteLoader.load(from: file)
    }

    @Test("One step: the grid buys IT, conversion losses, busway loss and cooling at the price", arguments: ["dc800", "ac415"])
    func oneStep(architecture: String) throws {
        let site = try Self.write(yaml: Self.gridOnly(steps: 1, prices: [80], inferenceMW: 1.5, architecture: architecture), prices: [80])
        let (outcome, schedule) = try SiteFixtures.solve(site)
        let d = site.distribution
        // Derivation: bus power P = it / eta_final; busway loss on the single chord through
        // (0, 0) and (Pmax, loss(Pmax)), Pmax = min(bus capacity, IT capacity / eta_final);
        // heat = P + loss; cooling = heat / COP through the cooling transformer; import =
        // (P + loss) / eta_link + cooling / eta_ct; cost = import x price x 1 h + carbon price 0.
        let itMW = 1.5
        let busMW = itMW / d.busToRackEfficiency
        let maximumMW = min(d.busCapacityMW, site.itFleet.capacityMW / d.busToRackEfficiency)
        let segments = Double(max(1, d.buswayLossSegments))
        // The chord of the segment containing busMW.
        let segment = min(floor(busMW / (maximumMW / segments)), segments - 1)
        let low = maximumMW * segment / segments, high = maximumMW * (segment + 1) / segments
        let lossLow = d.buswayLossMW(atPowerMW: low), lossHigh = d.buswayLossMW(atPowerMW: high)
        let lossMW = lossLow + (lossHigh - lossLow) / (high - low) * (busMW - low)
        let coolingMW = (busMW + lossMW) / 5
        let importMW = (busMW + lossMW) / d.gridToBusEfficiency + coolingMW / d.efficiencies.coolingTransformer
        #expect(abs(schedule.steps[0].gridImportMW - importMW) < 1e-7)
        #expect(abs(schedule.steps[0].coolingMW - coolingMW) < 1e-7)
        #expect(abs(outcome.result.objectiveValue! - importMW * 80) < 1e-6)
        #expect(abs(schedule.steps[0].marginalPriceUSDPerMWh - 80) < 1e-6)
        #expect(abs(schedule.kpis.emissionsTonnes - importMW * 400 / 1000) < 1e-9)
    }

    @Test("Two steps: a flexible training job runs entirely in the cheap hour")
    func trainingShifts() throws {
        let training = """
            workloads:
              inference: {demand_mw: 0.5}
              training_jobs:
                - {name: job, energy_mwh: 1.0, release_utc: 2025-01-01T00:00Z, deadline_utc: 2025-01-01T02:00Z, max_power_mw: 1.2}
            """
        var yaml = Self.gridOnly(steps: 2, prices: [20, 200], inferenceMW: 0.5)
        yaml = yaml.replacingOccurrences(of: "workloads:\n  inference: {demand_mw: 0.5}\n", with: training + "\n")
        let site = try Self.write(yaml: yaml, prices: [20, 200])
        let (_, schedule) = try SiteFixtures.solve(site)
        #expect(abs(schedule.steps[0].trainingMW - 1.0) < 1e-6)
        #expect(abs(schedule.steps[1].trainingMW) < 1e-6)
        #expect(abs(schedule.jobs[0].deliveredMWh - 1.0) < 1e-6)
        #expect(schedule.jobs[0].completionUTC == "2025-01-01T01:00Z")
        // The marginal price at the AC bus is the hour's grid price.
        #expect(abs(schedule.steps[0].marginalPriceUSDPerMWh - 20) < 1e-6)
        #expect(abs(schedule.steps[1].marginalPriceUSDPerMWh - 200) < 1e-6)
    }

    @Test("Integer commitment: a unit leaving for an outage does not count as a voluntary shutdown")
    func outageIsNotAMinimumDownShutdown() throws {
        let yaml = """
            name: outage
            horizon: {start_utc: 2025-01-01T00:00Z, steps: 8, step_minutes: 60}
            smr:
              units: 2
              capacity_mw_per_unit: 10
              min_stable_load_fraction: 0.5
              marginal_cost_usd_per_mwh: 5
              commitment: integer
              min_up_hours: 3
              min_down_hours: 3
              outages: [{unit: 0, start_utc: 2025-01-01T02:00Z, end_utc: 2025-01-01T04:00Z}]
            grid_feeds:
              - {name: grid, import_capacity_mw: 40, price_usd_per_mwh: 500, carbon_intensity_g_per_kwh: 400}
            it_fleet: {racks: 100, power_per_rack_kw: 200}
            workloads:
              inference: {demand_mw: 15}
            cooling: {cop: 5}
            """
        let (outcome, schedule) = try SiteFixtures.solve(try SiteFixtures.site(yaml: yaml))
        #expect(outcome.result.status == .optimal)
        // Before and after the outage both units carry the whole site (> 15 MW with cooling and
        // losses, < 20 MW); during it the one remaining unit runs flat out and the grid tops up.
        for t in [0, 1, 4, 5, 6, 7] {
            #expect(schedule.steps[t].smrMW > 15 && schedule.steps[t].gridImportMW < 1e-6, "step \(t)")
        }
        for t in [2, 3] {
            #expect(abs(schedule.steps[t].smrMW - 10) < 1e-6, "step \(t): smr \(schedule.steps[t].smrMW)")
            #expect(schedule.steps[t].gridImportMW > 5, "step \(t)")
        }
    }
}
