import Foundation
import Island
import Optimization
import Scheduling
import Testing

/// The numbers a planner quotes (issue 15): facility PUE, cost of IT energy, the dump, and
/// carbon both ways, each against a hand calculation.
@Suite("Accounting: facility boundary, dump, cost of IT energy, carbon bases")
struct AccountingTests {
    /// A 100 MW SMR that must run flat out, 40 MW of racks serving 20 MW of inference, constant
    /// COP, an export-only grid feed, and optionally a load bank.
    static func exportingSite(connection: String, exportMW: Double, dump: String = "", steps: Int = 3) -> String {
        """
        name: exporting
        horizon: {start_utc: 2025-01-01T00:00Z, steps: \(steps), step_minutes: 60}
        smr: {units: 1, capacity_mw_per_unit: 100, min_stable_load_fraction: 1, marginal_cost_usd_per_mwh: 10, connection: \(connection)}
        grid_feeds:
          - {name: grid, import_capacity_mw: 0, export_capacity_mw: \(exportMW), price_usd_per_mwh: 60, carbon_intensity_g_per_kwh: 400}
        power_distribution: {architecture: dc800, bus_capacity_mw: 150}
        it_fleet: {racks: 200, power_per_rack_kw: 200}
        workloads:
          inference: {demand_mw: 20}
        cooling: {cop: 5}
        \(dump)
        """
    }

    /// Facility PUE by hand: the SMR's MW that reach the facility's draws, over IT power. The IT
    /// bus draw F_IT = it/eta_f + busway chord loss; the AC bus draw F_AC = c_cool x F_IT. On the
    /// DC bus, F_IT comes through the rectifier and F_AC through rectifier and link; on the
    /// switchyard, F_AC comes straight and F_IT through the link.
    static func handPUE(_ site: Site, connection: String, itMW: Double) -> Double {
        let d = site.distribution, e = d.efficiencies
        let busMW = itMW / d.busToRackEfficiency
        let loss = d.buswayChord(atPowerMW: busMW, maximumMW: min(d.busCapacityMW, site.itFleet.capacityMW / d.busToRackEfficiency)).lossMW
        let itDraw = busMW + loss
        let acDraw = itDraw / (5 * e.coolingTransformer)
        let link = d.gridToBusEfficiency
        let smrMW = connection == "dc_bus"
            ? itDraw / e.smrRectifier + acDraw / (e.smrRectifier * link)
            : itDraw / (link * e.smrStepUpTransformer) + acDraw / e.smrStepUpTransformer
        return smrMW / itMW
    }

    @Test("An exporting site's PUE does not move with its exports, and matches the hand value", arguments: ["dc_bus", "ac_switchyard"])
    func pueIndependentOfExports(connection: String) throws {
        let loadBank = "dump: {kind: load_bank, capacity_mw: 200, cost_usd_per_mwh: 1}"
        let exporting = try SiteFixtures.site(yaml: Self.exportingSite(connection: connection, exportMW: 100))
        let partly = try SiteFixtures.site(yaml: Self.exportingSite(connection: connection, exportMW: 25, dump: loadBank))
        let (_, a) = try SiteFixtures.solve(exporting, method: .dual)
        let (_, b) = try SiteFixtures.solve(partly, method: .dual)
        let expected = Self.handPUE(exporting, connection: connection, itMW: 20)
        #expect(abs(a.kpis.pue - expected) < 1e-9, "PUE \(a.kpis.pue), by hand \(expected)")
        #expect(abs(b.kpis.pue - expected) < 1e-9, "PUE \(b.kpis.pue) with 25 MW exported, by hand \(expected)")
        #expect(a.kpis.gridExportMWh > 3 * 70 && b.kpis.gridExportMWh < 3 * 25 + 1e-6)
        #expect(b.kpis.dumpMWh > 100, "the surplus the grid cannot take is dumped: \(b.kpis.dumpMWh) MWh")
        #expect(b.kpis.surplusInLossesMWh < 1e-7)
        // Losses split exactly; on the DC bus the exported power carries rectifier and link losses.
        for schedule in [a, b] {
            let split = schedule.kpis.facilityLossesMWh + schedule.kpis.exportPathLossesMWh + schedule.kpis.dumpPathLossesMWh
            #expect(abs(split - schedule.kpis.lossesEnergyMWh) < 1e-9)
        }
        if connection == "dc_bus" {
            let e = exporting.distribution.efficiencies, link = exporting.distribution.gridToBusEfficiency
            // Every exported MWh left the SMR as 1 / (rectifier x link) MWh.
            let perMWh = 1 / (e.smrRectifier * link) - 1
            #expect(abs(a.kpis.exportPathLossesMWh - a.kpis.gridExportMWh * perMWh) < 1e-7)
            #expect(a.kpis.grossPUE > a.kpis.pue + 0.1, "gross PUE \(a.kpis.grossPUE) carries the export path")
        } else {
            #expect(a.kpis.exportPathLossesMWh < 1e-9, "exports from the switchyard pass no converter")
        }
        // A must-run SMR flat out: capacity factor 1, every hour at its minimum load.
        #expect(abs(a.kpis.smrCapacityFactor - 1) < 1e-9)
        #expect(a.kpis.smrHoursAtMinimumLoad == 3)
    }

    @Test("Cost of IT energy: the SMR's cost of the MWh that reached the facility; trade and dump beside it")
    func costOfITEnergy() throws {
        let site = try SiteFixtures.site(yaml: Self.exportingSite(connection: "dc_bus", exportMW: 25,
                                                                 dump: "dump: {kind: load_bank, capacity_mw: 200, cost_usd_per_mwh: 1}"))
        let (outcome, schedule) = try SiteFixtures.solve(site, method: .dual)
        let k = schedule.kpis
        // Every MWh at the buses is SMR power at 10 USD/MWh: the facility pays 10 x PUE x IT MWh.
        #expect(abs(k.itEnergyCostUSD - 10 * k.pue * k.itEnergyMWh) < 1e-6)
        #expect(abs(k.itEnergyCostUSDPerMWhIT - 10 * k.pue) < 1e-9)
        // Export revenue minus what the exported MWh cost at the SMR.
        let perExportedMWh = 10 / (site.distribution.efficiencies.smrRectifier * site.distribution.gridToBusEfficiency)
        #expect(abs(k.netTradingRevenueUSD - (k.exportRevenueUSD - perExportedMWh * k.gridExportMWh)) < 1e-6)
        // Every dollar of the objective is in exactly one place.
        let parts = k.itEnergyCostUSD + k.dumpedSupplyCostUSD + k.dumpCostUSD + k.lossTieBreakUSD - k.netTradingRevenueUSD
            + k.lostInferencePenaltyUSD + k.undeliveredTrainingPenaltyUSD + k.trainingRestartCostUSD + k.annualisedCapexUSD + k.fixedOMUSD
        #expect(abs(parts - outcome.result.objectiveValue!) < 1e-6 * max(1, abs(parts)), "\(parts) vs \(outcome.result.objectiveValue!)")
        // The dump is the marginal sink: one more MWh of load on the AC bus saves the load bank's 1 USD.
        #expect(abs(schedule.steps[0].marginalPriceUSDPerMWh - (-1)) < 1e-6)
    }

    @Test("Cost of IT energy, marginal: one grid price through the link, the rack stage, the busway and cooling")
    func marginalCostOfITEnergy() throws {
        let site = try SiteFixtures.site(yaml: """
            name: grid
            horizon: {start_utc: 2025-01-01T00:00Z, steps: 2, step_minutes: 60}
            grid_feeds:
              - {name: grid, import_capacity_mw: 100, price_usd_per_mwh: 80, carbon_intensity_g_per_kwh: 400}
            it_fleet: {racks: 100, power_per_rack_kw: 200}
            workloads:
              inference: {demand_mw: 10}
            cooling: {cop: 5}
            """)
        let (_, schedule) = try SiteFixtures.solve(site, method: .dual)
        let d = site.distribution
        let chord = d.buswayChord(atPowerMW: 10 / d.busToRackEfficiency, maximumMW: min(d.busCapacityMW, 20 / d.busToRackEfficiency))
        let marginal = (1 + chord.slope) / d.busToRackEfficiency * (80 / d.gridToBusEfficiency + 80 / (5 * d.efficiencies.coolingTransformer))
        #expect(abs(schedule.steps[0].itMarginalCostUSDPerMWh - marginal) < 1e-6)
        #expect(abs(schedule.kpis.itEnergyMarginalCostUSDPerMWhIT! - marginal) < 1e-6)
        // Average: every MWh is grid power at 80 USD/MWh, so the facility pays 80 x PUE.
        #expect(abs(schedule.kpis.itEnergyCostUSDPerMWhIT - 80 * schedule.kpis.pue) < 1e-9)
    }

    @Test("Without a dump, surplus burned above the busway's curve is reported as dumped, not as losses")
    func surplusWithoutDump() throws {
        let site = try SiteFixtures.site(yaml: Self.exportingSite(connection: "dc_bus", exportMW: 70.5))
        let (_, schedule) = try SiteFixtures.solve(site, method: .dual)
        // The LP must burn the 0.5 MW the grid cannot take somewhere; the part above the
        // busway's curve is reported as dumped (the link may carry the rest both ways, which
        // stays in losses: give the site a dump, docs/formulation.md 4.8).
        #expect(schedule.kpis.gridExportMWh > 3 * 70)
        for step in schedule.steps { #expect(abs(step.balanceResidualMW) < 1e-7) }
        #expect(abs(schedule.kpis.dumpMWh - schedule.kpis.surplusInLossesMWh) < 1e-9)
    }

    /// Two steps of 10 MW imports (IT 8 MW at COP 8 plus losses, roughly): the market-based
    /// figure is computed from the imports the schedule reports.
    static func marketSite(carbon: String) -> String {
        """
        name: market
        horizon: {start_utc: 2025-01-01T00:00Z, steps: 2, step_minutes: 60}
        grid_feeds:
          - {name: grid, import_capacity_mw: 100, price_usd_per_mwh: 50, carbon_intensity_g_per_kwh: [400, 300],
             marginal_carbon_intensity_g_per_kwh: [700, 600]}
        it_fleet: {racks: 100, power_per_rack_kw: 200}
        workloads:
          inference: {demand_mw: [8, 8]}
        cooling: {cop: 8}
        carbon:
        \(carbon)
        """
    }

    @Test("Market-based emissions with an hourly-matched PPA, an annual one and certificates, beside location-based")
    func marketBased() throws {
        let hourly = try SiteFixtures.site(yaml: Self.marketSite(carbon: """
              residual_mix_g_per_kwh: [500, 450]
              ppas:
                - {name: wind, volume_mw: [4, 20], matching: hourly, price_usd_per_mwh: 40}
            """))
        let (_, schedule) = try SiteFixtures.solve(hourly, method: .dual)
        let imports = schedule.steps.map(\.gridImportMW)
        #expect(imports[0] > 4 && imports[1] < 20)
        // Step 0: 4 MW covered, the rest at 500 g/kWh; step 1: fully covered, 20 - import MW unused.
        let market = (imports[0] - 4) * 500 / 1000
        #expect(abs(schedule.kpis.emissionsMarketTonnes - market) < 1e-9)
        let location = (imports[0] * 400 + imports[1] * 300) / 1000
        #expect(abs(schedule.kpis.emissionsTonnes - location) < 1e-9)
        #expect(abs(schedule.kpis.ppaMatchedMWh - (4 + imports[1])) < 1e-9)
        #expect(abs(schedule.kpis.unusedInstrumentsMWh - (20 - imports[1])) < 1e-9)
        #expect(abs(schedule.kpis.instrumentCostUSD - 24 * 40) < 1e-9)
        #expect(abs(schedule.kpis.emissionsMarginalTonnes! - (imports[0] * 700 + imports[1] * 600) / 1000) < 1e-9)

        // The same 24 MWh matched annually covers everything (imports are below 24 MWh in total).
        let annual = try SiteFixtures.site(yaml: Self.marketSite(carbon: """
              residual_mix_g_per_kwh: [500, 450]
              ppas:
                - {name: wind, volume_mw: [4, 20], matching: annual}
            """))
        let (_, annualSchedule) = try SiteFixtures.solve(annual, method: .dual)
        #expect(abs(annualSchedule.kpis.emissionsMarketTonnes) < 1e-9)
        // Certificates for half the imports: half of each step's imports stay at the residual mix.
        let total = imports.reduce(0, +)
        let certificates = try SiteFixtures.site(yaml: Self.marketSite(carbon: """
              residual_mix_g_per_kwh: [500, 450]
              certificates: {volume_mwh: \(total / 2), price_usd_per_mwh: 3}
            """))
        let (_, certificateSchedule) = try SiteFixtures.solve(certificates, method: .dual)
        #expect(abs(certificateSchedule.kpis.emissionsMarketTonnes - (imports[0] * 500 + imports[1] * 450) / 2 / 1000) < 1e-9)
        #expect(abs(certificateSchedule.kpis.certificatesAppliedMWh - total / 2) < 1e-9)
    }

    @Test("decision_factor: marginal prices imports at the marginal factor; the inventory stays average")
    func marginalDecision() throws {
        let site = try SiteFixtures.site(yaml: Self.marketSite(carbon: "  price_usd_per_t: 100\n  decision_factor: marginal"))
        let (outcome, schedule) = try SiteFixtures.solve(site, method: .dual)
        let imports = schedule.steps.map(\.gridImportMW)
        let marginalTonnes = (imports[0] * 700 + imports[1] * 600) / 1000
        #expect(abs(schedule.kpis.carbonCostUSD - 100 * marginalTonnes) < 1e-6)
        #expect(abs(schedule.kpis.emissionsTonnes - (imports[0] * 400 + imports[1] * 300) / 1000) < 1e-9)
        #expect(abs(outcome.result.objectiveValue! - (imports.reduce(0, +) * 50 + 100 * marginalTonnes)) < 1e-6)
    }

    @Test("Life-cycle and embodied carbon: installed capacity x factor over lifetime, for the horizon's share of a year")
    func lifeCycleAndEmbodied() throws {
        let yaml = Self.exportingSite(connection: "ac_switchyard", exportMW: 100) + """
            embodied_carbon:
              smr: {kg_per_kw: 200, lifetime_years: 60}
              racks: {kg_per_rack: 8760, lifetime_years: 5}
            """
        let site = try SiteFixtures.site(yaml: yaml)
        let (_, schedule) = try SiteFixtures.solve(site, method: .dual)
        let years = 3.0 / 8760
        #expect(abs(schedule.kpis.embodiedSMRTonnes - 100_000 * 200 / 1000 / 60 * years) < 1e-12)
        #expect(abs(schedule.kpis.embodiedRacksTonnes - 200 * 8.76 / 5 * years) < 1e-12)
        #expect(abs(schedule.kpis.embodiedCarbonTonnes - schedule.kpis.embodiedSMRTonnes - schedule.kpis.embodiedRacksTonnes) < 1e-12)
        // Life-cycle: the SMR at 12 g/kWh (IPCC AR5 median for nuclear), 300 MWh.
        #expect(abs(schedule.kpis.emissionsLifeCycleTonnes - 300 * 12 / 1000) < 1e-9)
    }

    @Test("Embodied carbon follows the capacity a plan installs")
    func embodiedPlanned() throws {
        // Cheap night power, dear day power: the plan builds a battery to shift it.
        let site = try SiteFixtures.site(yaml: """
            name: plan
            horizon: {start_utc: 2025-01-01T00:00Z, steps: 4, step_minutes: 60}
            grid_feeds:
              - {name: grid, import_capacity_mw: 100, price_usd_per_mwh: [10, 10, 300, 300], carbon_intensity_g_per_kwh: 400}
            batteries:
              - {name: bess, round_trip_efficiency: 0.9, build: {max_power_mw: 20, max_energy_mwh: 40, capex_usd_per_kw: 1, capex_usd_per_kwh: 1, lifetime_years: 15}}
            it_fleet: {racks: 100, power_per_rack_kw: 200}
            workloads:
              inference: {demand_mw: 10}
            cooling: {cop: 5}
            embodied_carbon:
              battery: {kg_per_kwh: 75, lifetime_years: 15}
            """)
        let (_, schedule) = try SiteFixtures.solve(site, method: .dual)
        let energy = try #require(schedule.capacities.first { $0.asset == "battery" && $0.dimension == "energy_mwh" }).installed
        #expect(energy > 1)
        #expect(abs(schedule.kpis.embodiedBatteryTonnes - energy * 1000 * 75 / 1000 / 15 * site.horizonYears) < 1e-9)
    }

    @Test("A market-based cap counts an hourly-matched PPA: the job moves into the covered hour; location-based, the same cap is infeasible")
    func marketCap() throws {
        func site(basis: String) throws -> Site {
            try SiteFixtures.site(yaml: """
                name: market-cap
                horizon: {start_utc: 2025-01-01T00:00Z, steps: 2, step_minutes: 60}
                grid_feeds:
                  - {name: grid, import_capacity_mw: 100, price_usd_per_mwh: [10, 100], carbon_intensity_g_per_kwh: 400}
                it_fleet: {racks: 100, power_per_rack_kw: 300}
                workloads:
                  inference: {demand_mw: 5}
                  training_jobs:
                    - {name: job, energy_mwh: 10, release_utc: 2025-01-01T00:00Z, deadline_utc: 2025-01-01T02:00Z, max_power_mw: 20}
                cooling: {cop: 8}
                carbon:
                  cap_t: 3
                  cap_basis: \(basis)
                  residual_mix_g_per_kwh: 500
                  ppas:
                    - {name: wind, volume_mw: [0, 30], matching: hourly}
                """)
        }
        let (_, schedule) = try SiteFixtures.solve(try site(basis: "market"), method: .dual)
        #expect(schedule.kpis.emissionsMarketTonnes <= 3 + 1e-7)
        #expect(schedule.steps[1].trainingMW > 9, "the job runs in the PPA's hour: \(schedule.steps.map(\.trainingMW))")
        // Step 0 alone carries market emissions: its imports at 500 g/kWh.
        #expect(abs(schedule.kpis.emissionsMarketTonnes - schedule.steps[0].gridImportMW * 0.5) < 1e-9)
        let location = try OperatingSolve.run(try site(basis: "location"), solver: SolverOptions(method: .dual))
        #expect(location.result.status == .infeasible)
    }

    /// Three hours at wet bulbs of 10, 18 and 26 C, a wet tower, 10 MW of inference.
    static func wetTowerSite(water: String, training: String = "", prices: String = "50") -> String {
        """
        name: wet
        horizon: {start_utc: 2025-07-01T00:00Z, steps: 3, step_minutes: 60}
        weather: {dry_bulb_c: [20, 25, 30], wet_bulb_c: [10, 18, 26]}
        grid_feeds:
          - {name: grid, import_capacity_mw: 100, price_usd_per_mwh: \(prices), carbon_intensity_g_per_kwh: 400}
        it_fleet: {racks: 100, power_per_rack_kw: 300}
        workloads:
          inference: {demand_mw: 10}
        \(training)
        cooling:
          economiser: {kind: wet_tower}
          water: \(water)
        """
    }

    @Test("Water of a wet tower against a hand calculation at wet bulbs of 10, 18 and 26 C")
    func wetTowerWater() throws {
        let site = try SiteFixtures.site(yaml: Self.wetTowerSite(water: "{evaporative_fraction: 0.85, cycles_of_concentration: 4, price_usd_per_m3: 2}"))
        let (outcome, schedule) = try SiteFixtures.solve(site, method: .dual)
        let d = site.distribution
        let busMW = 10 / d.busToRackEfficiency
        let heatMW = busMW + d.buswayChord(atPowerMW: busMW, maximumMW: min(d.busCapacityMW, 30 / d.busToRackEfficiency)).lossMW
        // h_fg = 2.501 - 0.002361 T MJ/kg: 2.477390, 2.458502, 2.439614 MJ/kg at 10, 18, 26 C.
        let latentMJPerKg = [2.477390, 2.458502, 2.439614]
        var totalM3 = 0.0
        for t in 0..<3 {
            // Rejected: the heat plus the plant's electricity; 85 % evaporates; blowdown at 4 cycles adds a third.
            let rejectedMWh = heatMW * (1 + 1 / site.copSeries[t])
            let evaporatedM3 = rejectedMWh * 3600 * 0.85 / latentMJPerKg[t] / 1000
            let makeUpM3 = evaporatedM3 * 4 / 3
            #expect(abs(schedule.steps[t].waterCubicMetres - makeUpM3) < 1e-9, "step \(t): \(schedule.steps[t].waterCubicMetres) vs \(makeUpM3) m3")
            #expect(abs(schedule.steps[t].wueLitresPerKWhIT - makeUpM3 / 10) < 1e-9)
            totalM3 += makeUpM3
        }
        // About 1.7 L per kWh of IT (the tower rejects roughly 1.03 kWh per kWh of IT).
        #expect(schedule.kpis.wueLitresPerKWhIT > 1.6 && schedule.kpis.wueLitresPerKWhIT < 1.8)
        #expect(abs(schedule.kpis.waterCubicMetres - totalM3) < 1e-9)
        #expect(abs(schedule.kpis.waterCostUSD - 2 * totalM3) < 1e-9)
        let k = schedule.kpis
        #expect(abs(k.energyCostUSD + k.waterCostUSD - outcome.result.objectiveValue!) < 1e-6)
    }

    @Test("A water cap moves a flexible job into the hour whose tower evaporates least")
    func waterCap() throws {
        let job = "  training_jobs:\n    - {name: job, energy_mwh: 10, release_utc: 2025-07-01T00:00Z, deadline_utc: 2025-07-01T03:00Z, max_power_mw: 15}"
        // Power is cheapest in the hottest hour, where the tower evaporates most.
        let free = try SiteFixtures.site(yaml: Self.wetTowerSite(water: "{}", training: job, prices: "[80, 80, 20]"))
        let (_, uncapped) = try SiteFixtures.solve(free, method: .dual)
        #expect(uncapped.steps[2].trainingMW > 9)
        let capM3 = uncapped.kpis.waterCubicMetres * 0.998
        let capped = try SiteFixtures.site(yaml: Self.wetTowerSite(water: "{cap_m3: \(capM3)}", training: job, prices: "[80, 80, 20]"))
        let (_, schedule) = try SiteFixtures.solve(capped, method: .dual)
        #expect(schedule.kpis.waterCubicMetres <= capM3 + 1e-7)
        let perIT = (0..<3).map { capped.waterCubicMetresPerMWhHeat![$0] }
        let best = perIT.indices.min { perIT[$0] < perIT[$1] }!
        #expect(schedule.steps[best].trainingMW > uncapped.steps[best].trainingMW, "water per MWh of heat: \(perIT)")
    }

    @Test("Heat reuse by hand: a heat exchanger at 40 C, a heat pump lifting the 42 C return water to 70 C; ERE beside PUE",
          arguments: [40.0, 70.0])
    func heatReuse(supplyC: Double) throws {
        let site = try SiteFixtures.site(yaml: """
            name: heat
            horizon: {start_utc: 2025-01-01T00:00Z, steps: 1, step_minutes: 60}
            grid_feeds:
              - {name: grid, import_capacity_mw: 100, price_usd_per_mwh: 50, carbon_intensity_g_per_kwh: 400}
            it_fleet: {racks: 100, power_per_rack_kw: 200}
            workloads:
              inference: {demand_mw: 10}
            cooling: {cop: 5}
            heat_reuse: {demand_mw: 3, supply_temperature_c: \(supplyC), price_usd_per_mwh: 60}
            """)
        let (outcome, schedule) = try SiteFixtures.solve(site, method: .dual)
        let step = schedule.steps[0]
        let d = site.distribution, transformer = d.efficiencies.coolingTransformer
        // Facility water returns at 32 + 10 = 42 C. Heating COP = 0.5 x 343.15 K / (70 - 42) K = 6.1277.
        let pumpCOP: Double? = supplyC > 42 ? 0.5 * (supplyC + 273.15) / (supplyC - 42) : nil
        let recovered = pumpCOP.map { 3 * (1 - 1 / $0) } ?? 3, pumpMW = pumpCOP.map { 3 / $0 } ?? 0
        let busMW = 10 / d.busToRackEfficiency
        let heatMW = busMW + d.buswayChord(atPowerMW: busMW, maximumMW: min(d.busCapacityMW, 20 / d.busToRackEfficiency)).lossMW
        #expect(abs(step.heatReuseMW - 3) < 1e-9, "the offtaker takes its whole demand at 60 USD/MWh")
        #expect(abs(step.heatPumpMW - pumpMW) < 1e-9)
        #expect(abs(step.coolingMW - (heatMW - recovered) / 5) < 1e-9)
        let importMW = heatMW / d.gridToBusEfficiency + (step.coolingMW + pumpMW) / transformer
        #expect(abs(step.gridImportMW - importMW) < 1e-9)
        #expect(abs(outcome.result.objectiveValue! - (50 * importMW - 60 * 3)) < 1e-6)
        #expect(abs(step.balanceResidualMW) < 1e-9)
        let k = schedule.kpis
        #expect(abs(k.pue - (10 + step.coolingMW + pumpMW + step.lossesMW) / 10) < 1e-9)
        #expect(abs(k.ere - (k.pue - 3.0 / 10)) < 1e-12)
        #expect(abs(k.itEnergyCostUSD - k.heatRevenueUSD - outcome.result.objectiveValue!) < 1e-6)
    }
}
