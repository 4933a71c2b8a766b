import Foundation
import Island
import Optimization
import Scheduling
import Testing

/// Random sites with surplus: a must-run SMR whose floor exceeds what the site can use or
/// export, so something must be dissipated every step. The dump always has room for it (the
/// tie-break argument of docs/formulation.md 4.8 holds while it does): a turbine bypass can
/// take the SMR's whole output, so its sites have no negative prices (which would pay the site
/// to import more than the bypass can take); a load bank takes the SMR and every import, and
/// the bus is large enough to carry the SMR's surplus to it.
struct RandomSurplusSite: CustomStringConvertible {
    let seed: UInt64
    let yaml: String
    var description: String { "seed \(seed):\n\(yaml)" }

    init(seed: UInt64) {
        self.seed = seed
        var random = SeededGenerator(seed: seed)
        func uniform(_ range: ClosedRange<Double>) -> Double { Double.random(in: range, using: &random) }
        func chance(_ probability: Double) -> Bool { uniform(0...1) < probability }
        func list(_ values: [Double]) -> String { "[" + values.map { String(format: "%.4f", $0) }.joined(separator: ", ") + "]" }
        let steps = Int.random(in: 6...24, using: &random)
        let architecture = chance(0.6) ? "dc800" : "ac415"
        let connection = architecture == "ac415" || chance(0.5) ? "ac_switchyard" : "dc_bus"
        let itCapacityMW = uniform(20...60)
        let inference = (0..<steps).map { _ in itCapacityMW * uniform(0.2...0.9) }
        let smrMW = itCapacityMW * uniform(1.3...3)
        let bypass = chance(0.5)
        let lowestPrice = bypass ? 0.0 : -40.0
        var lines = [
            "name: surplus-\(seed)",
            "horizon: {start_utc: 2025-03-01T00:00Z, steps: \(steps), step_minutes: \([15, 30, 60].randomElement(using: &random)!)}",
            "smr: {units: 1, capacity_mw_per_unit: \(smrMW), min_stable_load_fraction: \(uniform(0.8...1)), marginal_cost_usd_per_mwh: \(uniform(0...30)), "
                + "ramp_fraction_per_hour: 60, connection: \(connection)}",
            "grid_feeds:",
            "  - {name: grid, import_capacity_mw: \(uniform(0...20)), export_capacity_mw: \(uniform(0...10)), "
                + "price_usd_per_mwh: \(list((0..<steps).map { _ in uniform(lowestPrice...80) })), carbon_intensity_g_per_kwh: 300}",
            "power_distribution: {architecture: \(architecture), busway_loss_fraction_at_capacity: \(uniform(0.002...0.03)), "
                + "bus_capacity_mw: \(max(1.25 * itCapacityMW, 1.2 * smrMW + 20)), "
                + "busway_loss_segments: \(Int.random(in: 1...8, using: &random))}",
            "it_fleet: {racks: 100, power_per_rack_kw: \(itCapacityMW * 10)}",
            "workloads:",
            "  inference: {demand_mw: \(list(inference))}",
            "cooling: {cop: \(uniform(2...30))}",
        ]
        if chance(0.6) {
            lines.append("batteries: [{name: bess, energy_mwh: \(uniform(5...40)), power_mw: \(uniform(2...20)), "
                         + "round_trip_efficiency: \(uniform(0.8...0.95)), coupling: ac}]")
        }
        if chance(0.4) {
            lines.append("renewables: [{name: pv, kind: solar, capacity_mw: \(uniform(5...30)), capacity_factor: \(list((0..<steps).map { _ in uniform(0...1) })), coupling: ac}]")
        }
        let cost = chance(0.3) ? 0 : uniform(0...40)
        if bypass {
            lines.append("dump: {kind: turbine_bypass, cost_usd_per_mwh: \(cost)}")
        } else {
            lines.append("dump: {kind: load_bank, capacity_mw: \(smrMW * 1.5 + 30), cost_usd_per_mwh: \(cost)}")
        }
        yaml = lines.joined(separator: "\n") + "\n"
    }
}

private let seeds: [UInt64] = (1...30).map { UInt64($0) &* 104_729 }

@Suite("Surplus goes to the dump, never to losses (random sites, seeded)")
struct DumpPropertyTests {
    @Test("The busway loss sits on its chord curve, link and batteries run one way, nothing is burned above the curve",
          arguments: seeds)
    func surplusToDump(seed: UInt64) throws {
        let random = RandomSurplusSite(seed: seed)
        let site = try SiteFixtures.site(yaml: random.yaml)
        let outcome = try OperatingSolve.run(site, solver: SolverOptions(method: .dual))
        guard let schedule = outcome.schedule else {
            Issue.record("\(outcome.result.status): \(random)")
            return
        }
        let model = outcome.model
        let x = outcome.result.primalValues
        let d = site.distribution
        let maximumMW = min(d.busCapacityMW, site.itFleet.capacityMW / d.busToRackEfficiency)
        let segments = Double(max(1, d.buswayLossSegments))
        // The chord's worst overestimate of the quadratic: Lcap / (4 S^2) at a segment's middle.
        let chordTolerance = d.buswayLossMW(atPowerMW: maximumMW) / (4 * segments * segments)
        var dumped = 0.0
        for (t, step) in schedule.steps.enumerated() {
            let context = "step \(t), \(random)"
            let busMW = step.itMW / d.busToRackEfficiency
            let lossLP = x[model.buswayLoss[t].index]
            let chord = d.buswayChord(atPowerMW: busMW, maximumMW: maximumMW).lossMW
            #expect(abs(lossLP - chord) < 1e-6, "busway loss \(lossLP) MW, chord \(chord) MW at \(busMW) MW: \(context)")
            let exact = d.buswayLossMW(atPowerMW: busMW)
            #expect(lossLP >= exact - 1e-6 && lossLP <= exact + chordTolerance + 1e-6, "\(context)")
            #expect(min(x[model.linkForward[t].index], x[model.linkReverse[t].index]) < 1e-6, "link both ways: \(context)")
            for index in site.batteries.indices {
                #expect(min(x[model.batteryCharge[index][t].index], x[model.batteryDischarge[index][t].index]) < 1e-6,
                        "battery both ways: \(context)")
            }
            #expect(abs(step.balanceResidualMW) < 1e-5, "\(context)")
            dumped += step.dumpMW
        }
        #expect(schedule.kpis.surplusInLossesMWh < 1e-6, "\(random)")
        #expect(dumped > 0, "the site has surplus to dump: \(random)")
        let split = schedule.kpis.facilityLossesMWh + schedule.kpis.exportPathLossesMWh + schedule.kpis.dumpPathLossesMWh
        #expect(abs(split - schedule.kpis.lossesEnergyMWh) < 1e-6 * max(1, schedule.kpis.lossesEnergyMWh), "\(random)")
        let k = schedule.kpis
        let parts = k.itEnergyCostUSD + k.dumpedSupplyCostUSD + k.dumpCostUSD + k.lossTieBreakUSD - k.netTradingRevenueUSD
            + k.lostInferencePenaltyUSD + k.undeliveredTrainingPenaltyUSD
        #expect(abs(parts - outcome.result.objectiveValue!) < 1e-6 * max(1, abs(parts)), "objective split: \(random)")
    }
}
