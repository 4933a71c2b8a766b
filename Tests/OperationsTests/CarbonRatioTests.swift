import Foundation
import Island
import Operations
import Optimization
import Scheduling
import Testing

/// Three days: the first dark, with a dirty grid (600 g/kWh, 10 % carbon-free); the next two
/// sunny, with a cleaner grid (400 g/kWh, 40 %). 10 MW of inference all the time and a 400 MWh
/// job over the three days; cheap grid at night and solar exported by day unless a ratio
/// keeps it on site. Over the three days the ratios below bind; on the first day alone they
/// cannot hold.
enum RatioSites {
    static func site(carbon: String) throws -> Site {
        var capacityFactor: [String] = [], price: [String] = [], intensity: [String] = [], share: [String] = []
        for t in 0..<72 {
            let (day, hour) = t.quotientAndRemainder(dividingBy: 24)
            let sun = day == 0 ? 0 : max(0, sin(Double.pi * Double(hour - 6) / 12))
            capacityFactor.append(String(format: "%.4f", sun))
            price.append(hour < 6 || hour >= 20 ? "10" : "80")
            intensity.append(day == 0 ? "600" : "400")
            share.append(day == 0 ? "0.1" : "0.4")
        }
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("insula-ratio-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let file = folder.appendingPathComponent("site.yaml")
        try """
            name: ratio-days
            horizon: {start_utc: 2025-03-01T00:00Z, steps: 72, step_minutes: 60}
            grid_feeds:
              - {name: grid, import_capacity_mw: 60, export_capacity_mw: 60, export_price_fraction: 0.9,
                 price_usd_per_mwh: [\(price.joined(separator: ", "))],
                 carbon_intensity_g_per_kwh: [\(intensity.joined(separator: ", "))],
                 carbon_free_share: [\(share.joined(separator: ", "))]}
            renewables:
              - {name: pv, kind: solar, capacity_mw: 80, capacity_factor: [\(capacityFactor.joined(separator: ", "))]}
            it_fleet: {racks: 100, power_per_rack_kw: 400}
            workloads:
              inference: {demand_mw: 10}
              training_jobs:
                - {name: train, energy_mwh: 400, release_utc: 2025-03-01T00:00Z, deadline_utc: 2025-03-04T00:00Z, max_power_mw: 20}
            cooling: {cop: 5}
            carbon: {price_usd_per_t: 0, \(carbon)}
            """.write(to: file, atomically: true, encoding: .utf8)
        return try SiteLoader.load(from: file)
    }

    /// 300 g/kWh of IT energy: the optimum sits on it (uncapped, the three days average 487).
    static func intensityCapped() throws -> Site { try site(carbon: "intensity_cap_g_per_kwh_it: 300") }
    /// 60 % carbon-free (uncapped, the optimum reaches 43 %).
    static func cfeTargeted() throws -> Site { try site(carbon: "cfe_target_share: 0.6") }

    /// The first day alone, from the site's own start.
    static func firstDay(_ site: Site) throws -> Site {
        try site.windowed(SiteWindow(startEpochSeconds: site.horizon.startEpochSeconds, endEpochSeconds: site.horizon.epochSeconds(24),
                                     trainingEnergy: .proRata))
    }

    static let forecasts = Forecaster(models: [.price: .dayAhead(standardDeviation: 15), .solar: .dayAhead(standardDeviation: 0.1)], seed: 5)
}

@Suite("Receding-horizon operation: intensity cap and CFE target over the run")
struct CarbonRatioTests {
    /// Relative tolerance on a realised ratio against its limit (LP tolerance, summed over 72 steps).
    static let tolerance = 1e-6

    @Test("The first day alone cannot meet either ratio (the premise of the tests below)")
    func firstDayCannotMeetTheRatios() throws {
        for site in [try RatioSites.intensityCapped(), try RatioSites.cfeTargeted()] {
            #expect(try OperatingSolve.run(RatioSites.firstDay(site)).result.status == .infeasible, "\(site.carbon)")
            #expect(try OperatingSolve.run(site).result.status == .optimal)
        }
    }

    @Test("An intensity cap the first day cannot meet alone holds over the run with perfect forecasts, no window relaxing it",
          arguments: [(24, 24), (6, 24), (24, 48), (1, 24)])
    func intensityCapOverTheRun(replan: Int, lookahead: Int) throws {
        let site = try RatioSites.intensityCapped()
        let run = try RecedingHorizon.run(site, options: OperationOptions(replanSteps: replan, lookaheadSteps: lookahead))
        #expect(run.status == "completed", "\(run.message ?? "")")
        #expect(run.windows.allSatisfy { $0.note.isEmpty && $0.realisation == "plan" }, "\(run.windows.map(\.note))")
        let ratios = try #require(run.carbonRatios)
        let intensity = try #require(ratios.intensityGramsPerKWhIT)
        #expect(intensity <= 300 * (1 + Self.tolerance), "realised \(intensity) g/kWh")
        #expect(ratios.intensityCapMet == true && ratios.relaxedWindows == 0)
        // The cap binds: the run cannot undercut it and stay as cheap as the optimum.
        let perfect = try #require(run.perfectForesight)
        #expect(run.realised.objectiveUSD >= perfect.objectiveUSD - 1e-6 * abs(perfect.objectiveUSD))
        #expect(abs(try #require(ratios.perfectForesightIntensityGramsPerKWhIT) - 300) <= 300 * Self.tolerance)
    }

    @Test("A CFE target the first day cannot meet alone holds over the run with perfect forecasts, no window relaxing it",
          arguments: [(24, 24), (6, 24), (24, 48), (1, 24)])
    func cfeTargetOverTheRun(replan: Int, lookahead: Int) throws {
        let site = try RatioSites.cfeTargeted()
        let run = try RecedingHorizon.run(site, options: OperationOptions(replanSteps: replan, lookaheadSteps: lookahead))
        #expect(run.status == "completed", "\(run.message ?? "")")
        #expect(run.windows.allSatisfy { $0.note.isEmpty && $0.realisation == "plan" }, "\(run.windows.map(\.note))")
        let ratios = try #require(run.carbonRatios)
        let share = try #require(ratios.cfeShare)
        #expect(share >= 0.6 * (1 - Self.tolerance), "realised CFE share \(share)")
        #expect(ratios.cfeTargetMet == true && ratios.relaxedWindows == 0)
        let perfect = try #require(run.perfectForesight)
        #expect(run.realised.objectiveUSD >= perfect.objectiveUSD - 1e-6 * abs(perfect.objectiveUSD))
    }

    @Test("A window covering the rest of the horizon from a carried ratio tally reproduces solve's objective",
          arguments: ["intensity_cap_g_per_kwh_it: 300", "cfe_target_share: 0.6"], [24, 72])
    func coveringWindowsReproduceSolve(carbon: String, replan: Int) throws {
        let site = try RatioSites.site(carbon: carbon)
        let objective = try #require(try OperatingSolve.run(site).schedule?.kpis.objectiveUSD)
        let run = try RecedingHorizon.run(site, options: OperationOptions(replanSteps: replan, lookaheadSteps: 72))
        #expect(run.status == "completed")
        #expect(run.windows.allSatisfy { $0.note.isEmpty })
        // Windows after the first start from the tally carried so far and end at the horizon:
        // only an exact carry gives the optimum's cost.
        #expect(abs(run.realised.objectiveUSD - objective) <= 1e-6 * abs(objective), "\(carbon), replan \(replan): \(run.realised.objectiveUSD) vs \(objective)")
    }

    @Test("The tallies are conserved: the windows' committed parts add up to the run's, which are the dispatch's emissions and IT energy",
          arguments: [false, true])
    func talliesConserved(forecastErrors: Bool) throws {
        let site = try RatioSites.intensityCapped()
        let run = try RecedingHorizon.run(site, options: OperationOptions(replanSteps: 6, lookaheadSteps: 24,
                                                                          forecaster: forecastErrors ? RatioSites.forecasts : Forecaster()))
        #expect(run.status == "completed")
        if forecastErrors { #expect(run.windows.contains { $0.realisation.hasPrefix("redispatch") }) }
        let ratios = try #require(run.carbonRatios)
        let windows = run.windows.map(\.carbonRatios).reduce(CarbonRatioTally(), +)
        #expect(abs(windows.emissionsTonnes - ratios.emissionsTonnes) <= 1e-9 * ratios.emissionsTonnes)
        #expect(abs(windows.itEnergyMWh - ratios.itEnergyMWh) <= 1e-9 * ratios.itEnergyMWh)
        // Location basis: the cap counts the grid's intensity on imports, as the dispatch does.
        let hours = site.horizon.stepHours
        let emitted = run.dispatch.steps.map(\.emissionsTonnes).reduce(0, +), itEnergy = run.dispatch.steps.map(\.itMW).reduce(0, +) * hours
        #expect(abs(emitted - ratios.emissionsTonnes) <= 1e-6 * emitted, "dispatch \(emitted) t, tally \(ratios.emissionsTonnes) t")
        #expect(abs(itEnergy - ratios.itEnergyMWh) <= 1e-6 * itEnergy)
        #expect(abs(run.realised.emissionsTonnes - ratios.emissionsTonnes) <= 1e-6 * emitted)
    }

    @Test("Without the target plan the first window cannot meet the cap: its ratio is relaxed, recorded, and the run completes")
    func relaxedRatiosNeverFailAWindow() throws {
        let site = try RatioSites.intensityCapped()
        let run = try RecedingHorizon.run(site, options: OperationOptions(replanSteps: 24, lookaheadSteps: 24, targets: .none))
        #expect(run.status == "completed", "\(run.message ?? "")")
        #expect(run.windows[0].note.contains("carbon ratios relaxed"), "\(run.windows[0].note)")
        let ratios = try #require(run.carbonRatios)
        #expect(ratios.relaxedWindows >= 1)
        #expect(ratios.relaxedWindows == run.windows.filter { $0.note.contains("carbon ratios") || $0.realisation.contains("carbon ratios") }.count)
    }

    @Test("The compiler moves each ratio row's bound by the tally so far and the end target, and nothing else")
    func rowOffsets() throws {
        let site = try RatioSites.intensityCapped()
        let plain = try SiteCompiler.compile(site)
        var initial = InitialState()
        initial.carbonRatiosSoFar = CarbonRatioTally(emissionsTonnes: 40, itEnergyMWh: 200)
        var terminal = TerminalTargets()
        terminal.intensityHeadroomTonnes = 5
        let carried = try SiteCompiler.compile(site, options: { var options = CompileOptions(); options.initialState = initial; options.terminal = terminal; return options }())
        let plainRow = try #require(plain.intensityCap), carriedRow = try #require(carried.intensityCap)
        // 300 g/kWh x 200 MWh / 1000 = 60 t allowed so far, 40 emitted, 5 kept at the end: 15 t more.
        #expect(abs(carried.program.rowUpper[carriedRow.index] - plain.program.rowUpper[plainRow.index] - 15) <= 1e-12)
        #expect(carried.program.rowLower[carriedRow.index] == plain.program.rowLower[plainRow.index])

        let cfeSite = try RatioSites.cfeTargeted()
        let cfePlain = try SiteCompiler.compile(cfeSite)
        initial.carbonRatiosSoFar = CarbonRatioTally(cfeMatchedMWh: 50, cfeConsumedMWh: 100)
        terminal = TerminalTargets()
        terminal.cfeSurplusMWh = 2
        let cfeCarried = try SiteCompiler.compile(cfeSite, options: { var options = CompileOptions(); options.initialState = initial; options.terminal = terminal; return options }())
        let cfePlainRow = try #require(cfePlain.cfeTarget), cfeCarriedRow = try #require(cfeCarried.cfeTarget)
        // 50 matched against 60 due so far (10 short) and 2 to keep: the window's own surplus must be 12.
        #expect(abs(cfeCarried.program.rowLower[cfeCarriedRow.index] - cfePlain.program.rowLower[cfePlainRow.index] - 12) <= 1e-12)
        #expect(cfeCarried.program.rowUpper[cfeCarriedRow.index] == cfePlain.program.rowUpper[cfePlainRow.index])
    }
}
