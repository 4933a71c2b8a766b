import Foundation
import Island
import Operations
import Optimization
import Scheduling
import Testing

/// Sites for operating tests: the bundled examples.
enum OperationFixtures {
    static let repositoryRoot = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    static func site(_ name: String, _ overrides: [(path: String, value: YAMLNode)] = []) throws -> Site {
        let document = try SiteDocument.read(from: repositoryRoot.appendingPathComponent("data/sites/\(name).yaml")).applying(overrides: overrides)
        return try SiteLoader.resolve(document)
    }

    /// The example week cut to its first `days` days.
    static func week(days: Int = 7) throws -> Site {
        let site = try site("example-week")
        guard days < 7 else { return site }
        return try site.windowed(SiteWindow(startEpochSeconds: site.horizon.startEpochSeconds,
                                            endEpochSeconds: site.horizon.epochSeconds(24 * days), trainingEnergy: .proRata))
    }
}

@Suite("Receding-horizon operation")
struct OperationsTests {
    @Test("Perfect foresight with a window covering the horizon reproduces solve's objective")
    func perfectForesightCoveringHorizon() throws {
        let site = try OperationFixtures.week()
        let solved = try OperatingSolve.run(site)
        let objective = try #require(solved.schedule?.kpis.objectiveUSD)
        for replan in [24, 168] {
            let run = try RecedingHorizon.run(site, options: OperationOptions(replanSteps: replan, lookaheadSteps: 168))
            #expect(run.status == "completed")
            #expect(abs(run.realised.objectiveUSD - objective) <= 1e-6 * abs(objective), "replan \(replan): \(run.realised.objectiveUSD) vs \(objective)")
            #expect(run.windows.allSatisfy { $0.realisation == "plan" })
        }
    }
}

@Suite("Receding-horizon operation: state and bounds")
struct OperationStateTests {
    static let forecasts = Forecaster(models: [.price: .dayAhead(standardDeviation: 15), .solar: .dayAhead(standardDeviation: 0.1),
                                               .inference: .dayAhead(standardDeviation: 8), .carbon: .persistence], seed: 7)

    @Test("Shorter windows with perfect foresight cost no less than the optimum", arguments: [(6, 24), (24, 24), (24, 48), (48, 96)])
    func shorterWindowsCostMore(replan: Int, lookahead: Int) throws {
        let site = try OperationFixtures.week()
        let run = try RecedingHorizon.run(site, options: OperationOptions(replanSteps: replan, lookaheadSteps: lookahead))
        let perfect = try #require(run.perfectForesight)
        #expect(run.status == "completed")
        #expect(run.realised.objectiveUSD >= perfect.objectiveUSD - 1e-6 * abs(perfect.objectiveUSD))
        #expect(abs(run.realised.trainingDeliveredMWh - run.realised.trainingRequiredMWh) < 1e-6)
    }

    @Test("Without end targets 48-hour windows strand the five-day job; with the target path they do not")
    func targetsPreventStranding() throws {
        let site = try OperationFixtures.week()
        let greedy = try RecedingHorizon.run(site, options: OperationOptions(replanSteps: 24, lookaheadSteps: 48, targets: .none))
        #expect(greedy.status == "failed")
        #expect(greedy.realised.trainingDeliveredMWh < greedy.realised.trainingRequiredMWh - 1)
        let guided = try RecedingHorizon.run(site, options: OperationOptions(replanSteps: 24, lookaheadSteps: 48, forecaster: OperationStateTests.forecasts))
        #expect(guided.status == "completed")
        #expect(abs(guided.realised.trainingDeliveredMWh - guided.realised.trainingRequiredMWh) < 1e-6)
    }

    @Test("State is carried exactly: SOC continuity, SMR ramps, training by its deadline, balance per step",
          arguments: [(1, 24), (6, 48), (24, 48)])
    func stateCarried(replan: Int, lookahead: Int) throws {
        let site = try OperationFixtures.week(days: replan == 1 ? 3 : 7)
        let run = try RecedingHorizon.run(site, options: OperationOptions(replanSteps: replan, lookaheadSteps: lookahead,
                                                                          forecaster: Self.forecasts))
        #expect(run.status == "completed")
        #expect(run.windows.contains { $0.realisation.hasPrefix("redispatch") })
        let steps = run.dispatch.steps, hours = site.horizon.stepHours
        #expect(steps.count == site.horizon.steps)
        let battery = site.batteries[0]
        var soc = battery.initialSOCMWh
        for (t, step) in steps.enumerated() {
            #expect(abs(step.balanceResidualMW) <= 1e-6, "balance at \(step.timestampUTC)")
            soc += battery.chargeEfficiency * step.batteryChargeMW * hours - step.batteryDischargeMW * hours / battery.dischargeEfficiency
            #expect(abs(soc - step.batterySOCMWh) <= 1e-6, "state of charge at step \(t)")
            soc = step.batterySOCMWh
        }
        #expect(steps.last!.batterySOCMWh >= battery.initialSOCMWh - 1e-6, "cyclic end condition")
        let smr = try #require(site.smr)
        let ramp = smr.rampFractionPerHour * smr.capacityMW * hours
        for t in 1..<steps.count { #expect(abs(steps[t].smrMW - steps[t - 1].smrMW) <= ramp + 1e-6, "SMR ramp at step \(t)") }
        for (job, realised) in zip(site.trainingJobs, run.dispatch.jobs) {
            #expect(realised.powerMW.indices.allSatisfy { job.steps.contains($0) || realised.powerMW[$0] == 0 })
            if job.undeliveredPenaltyUSDPerMWh == nil {
                #expect(abs(realised.deliveredMWh - job.energyMWh) <= 1e-6, "\(job.name) delivered by its deadline")
            }
        }
    }

    @Test("A demand charge is levied once on the realised peak, carried across windows")
    func peakCarried() throws {
        let site = try OperationFixtures.site("example-week", [(path: "grid_feeds[0].demand_charge_usd_per_mw", value: try YAMLNode.parse(yaml: "2000", file: "test"))])
        let run = try RecedingHorizon.run(site, options: OperationOptions(replanSteps: 24, lookaheadSteps: 48, forecaster: Self.forecasts))
        let peak = run.dispatch.steps.map(\.gridImportMW).max() ?? 0
        #expect(abs(run.realised.demandChargeUSD - 2000 * peak) <= 1e-6)
        #expect(run.realised.objectiveUSD >= run.perfectForesight!.objectiveUSD - 1e-6 * abs(run.perfectForesight!.objectiveUSD))
    }

    @Test("A carbon cap is kept pro rata and with a shadow price", arguments: OperationOptions.CarbonBudget.allCases)
    func carbonBudget(rule: OperationOptions.CarbonBudget) throws {
        // The uncapped week imports with emissions; cap it at half of them.
        let free = try OperationFixtures.week()
        let uncapped = try #require(try OperatingSolve.run(free).schedule?.kpis.emissionsTonnes)
        let capText = String(format: "%.3f", max(1, uncapped / 2))
        let site = try OperationFixtures.site("example-week", [(path: "carbon.cap_t", value: try YAMLNode.parse(yaml: capText, file: "test"))])
        let run = try RecedingHorizon.run(site, options: OperationOptions(replanSteps: 24, lookaheadSteps: 48, carbonBudget: rule))
        #expect(run.status == "completed")
        if rule == .proRata { #expect(run.realised.emissionsTonnes <= Double(capText)! + 1e-6 || run.windows.contains { !$0.note.isEmpty }) }
        #expect(run.realised.objectiveUSD >= run.perfectForesight!.objectiveUSD - 1e-6 * abs(run.perfectForesight!.objectiveUSD)
                || run.realised.emissionsTonnes > Double(capText)!)
    }

    @Test("Bad options are refused before any solve")
    func badOptions() throws {
        let site = try OperationFixtures.week(days: 2)
        #expect(throws: OperationError.self) { try RecedingHorizon.run(site, options: OperationOptions(replanSteps: 24, lookaheadSteps: 12)) }
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("insula-op-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let file = folder.appendingPathComponent("forecast.csv")
        try "issue_utc,target_utc,price:utility\n2025-07-14T00:00Z,2025-07-14T00:00Z,40\n".write(to: file, atomically: true, encoding: .utf8)
        let archive = try ForecastArchive(path: file.path)
        let error = #expect(throws: OperationError.self) {
            try RecedingHorizon.run(site, options: OperationOptions(replanSteps: 24, lookaheadSteps: 24, forecaster: Forecaster(archive: archive)))
        }
        #expect(error?.description.contains("no forecast of price:utility issued at 2025-07-14T00:00Z for 2025-07-14T01:00Z") == true)
    }
}

@Suite("Forecasts")
struct ForecastTests {
    @Test("Day-ahead errors are seeded and reproducible, with the stated standard deviation")
    func dayAheadReproducible() throws {
        let site = try OperationFixtures.week()
        let a = Forecaster(models: [.price: .dayAhead(standardDeviation: 10)], autocorrelation: 0.8, seed: 42)
        let b = Forecaster(models: [.price: .dayAhead(standardDeviation: 10)], autocorrelation: 0.8, seed: 43)
        let first = try a.forecastSite(site, full: site, range: 0..<168).gridFeeds[0].importPriceUSDPerMWh
        let again = try a.forecastSite(site, full: site, range: 0..<168).gridFeeds[0].importPriceUSDPerMWh
        let other = try b.forecastSite(site, full: site, range: 0..<168).gridFeeds[0].importPriceUSDPerMWh
        #expect(first == again)
        #expect(first != other)
        // Errors pooled over many issue times: mean near 0, standard deviation near sigma.
        var errors: [Double] = []
        for issue in 0..<144 {
            let window = try RecedingHorizon.cut(site, issue..<(issue + 24))
            let forecast = try a.forecastSite(window, full: site, range: issue..<(issue + 24)).gridFeeds[0].importPriceUSDPerMWh
            errors += zip(forecast, window.gridFeeds[0].importPriceUSDPerMWh).map { $0 - $1 }
        }
        let mean = errors.reduce(0, +) / Double(errors.count)
        let deviation = (errors.map { ($0 - mean) * ($0 - mean) }.reduce(0, +) / Double(errors.count)).squareRoot()
        #expect(abs(mean) < 1.5)
        #expect(abs(deviation - 10) < 1.5)
    }

    @Test("Persistence repeats the latest observed day; perfect and zero-sigma forecasts are the realised series")
    func persistenceAndPerfect() throws {
        let site = try OperationFixtures.week()
        let realised = site.renewables[0].capacityFactor
        let persistence = Forecaster(models: [.solar: .persistence])
        let window = try RecedingHorizon.cut(site, 30..<78)
        let forecast = try persistence.forecastSite(window, full: site, range: 30..<78).renewables[0].capacityFactor
        for (lead, value) in forecast.enumerated() {
            let t = 30 + lead
            let source = t - 24 * ((lead + 24) / 24)
            #expect(value == realised[source], "lead \(lead)")
            #expect(source < 30)
        }
        let zero = Forecaster(models: [.price: .dayAhead(standardDeviation: 0), .solar: .perfect])
        #expect(try zero.forecastSite(window, full: site, range: 30..<78) == window)
    }

    @Test("A forecast file equal to the realised series reproduces perfect foresight")
    func fileForecast() throws {
        let site = try OperationFixtures.week(days: 2)
        var text = "issue_utc,target_utc,price:utility,capacity_factor:solar\n"
        for issue in stride(from: 0, to: 48, by: 12) {
            for t in issue..<min(48, issue + 24) {
                text += "\(site.horizon.label(issue)),\(site.horizon.label(t)),\(site.gridFeeds[0].importPriceUSDPerMWh[t]),\(site.renewables[0].capacityFactor[t])\n"
            }
        }
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("insula-forecast-\(UUID().uuidString).csv")
        try text.write(to: file, atomically: true, encoding: .utf8)
        let archive = try ForecastArchive(path: file.path)
        let fromFile = try RecedingHorizon.run(site, options: OperationOptions(replanSteps: 12, lookaheadSteps: 24, forecaster: Forecaster(archive: archive)))
        let perfect = try RecedingHorizon.run(site, options: OperationOptions(replanSteps: 12, lookaheadSteps: 24))
        #expect(fromFile.windows.allSatisfy { $0.realisation == "plan" })
        #expect(abs(fromFile.realised.objectiveUSD - perfect.realised.objectiveUSD) <= 1e-6 * abs(perfect.realised.objectiveUSD))
    }
}

@Suite("Receding-horizon operation with power capping")
struct OperationCappingTests {
    /// The cross-check's capping site: capped inference with a latency floor and a job in tokens on a curve.
    static func site() throws -> Site {
        try SiteLoader.load(from: OperationFixtures.repositoryRoot.appendingPathComponent("tools/crosscheck/sites/power-capping.yaml"))
    }

    @Test("Windows carry work, not power drawn: capped jobs finish and perfect foresight over the horizon is the optimum")
    func cappedWorkCarried() throws {
        let site = try Self.site()
        let solved = try #require(try OperatingSolve.run(site).schedule)
        // The optimum caps: the job draws less energy than the work it delivers.
        #expect(solved.kpis.trainingCappedShare > 0.1)
        let covering = try RecedingHorizon.run(site, options: OperationOptions(replanSteps: 24, lookaheadSteps: 72))
        #expect(abs(covering.realised.objectiveUSD - solved.kpis.objectiveUSD) <= 1e-6 * abs(solved.kpis.objectiveUSD))
        for (replan, lookahead) in [(12, 36), (24, 48)] {
            let run = try RecedingHorizon.run(site, options: OperationOptions(replanSteps: replan, lookaheadSteps: lookahead))
            #expect(run.status == "completed")
            #expect(abs(run.realised.trainingDeliveredMWh - run.realised.trainingRequiredMWh) < 1e-6, "\(replan)/\(lookahead)")
            #expect(abs(run.realised.inferenceServedShare - 1) < 1e-6)
            #expect(run.realised.objectiveUSD >= solved.kpis.objectiveUSD - 1e-6 * abs(solved.kpis.objectiveUSD))
            // The job records count work: delivered equals required, and less energy was drawn.
            let pretrain = try #require(run.dispatch.jobs.first { $0.name == "pretrain" })
            #expect(abs(pretrain.deliveredMWh - pretrain.requiredMWh) < 1e-6)
            #expect(pretrain.drawnMWh < pretrain.deliveredMWh)
        }
    }
}

@Suite("Receding-horizon operation: integer SMR commitment carried across windows")
struct CommitmentCarryTests {
    /// Two 10 MW modules with 4 h minimum up and down times; a two-hour morning peak pays for
    /// a start whose minimum up time runs past 08:00, where the 8-hour windows begin.
    static func site() throws -> Site {
        let prices = (0..<48).map { t -> String in
            let hour = t % 24
            return hour < 6 ? "5" : hour < 8 ? "400" : hour < 14 ? "20" : hour < 20 ? "300" : "8"
        }
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("insula-commit-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let file = folder.appendingPathComponent("site.yaml")
        try """
            name: commitment-carry
            horizon: {start_utc: 2025-01-01T00:00Z, steps: 48, step_minutes: 60}
            smr:
              units: 2
              capacity_mw_per_unit: 10
              min_stable_load_fraction: 0.5
              ramp_fraction_per_hour: 1
              marginal_cost_usd_per_mwh: 60
              commitment: integer
              min_up_hours: 4
              min_down_hours: 4
            grid_feeds:
              - {name: grid, import_capacity_mw: 40, price_usd_per_mwh: [\(prices.joined(separator: ", "))], carbon_intensity_g_per_kwh: 400}
            it_fleet: {racks: 100, power_per_rack_kw: 200}
            workloads:
              inference: {demand_mw: 12}
            cooling: {cop: 5}
            """.write(to: file, atomically: true, encoding: .utf8)
        return try SiteLoader.load(from: file)
    }

    @Test("with perfect foresight, windows that carry the commitment never beat the optimum (a fresh window would stop the units early)")
    func carriedWindowsRespectMinimumTimes() throws {
        let site = try Self.site()
        let optimum = try #require(try OperatingSolve.run(site, solver: SolverOptions(method: .mip)).result.objectiveValue)
        let run = try RecedingHorizon.run(site, options: OperationOptions(replanSteps: 8, lookaheadSteps: 8))
        #expect(run.status == "completed")
        // Every window boundary at 08:00 falls inside the minimum up time of the 06:00 start: a
        // window that forgot it would stop the units at 08:00 and undercut the optimum.
        #expect(run.realised.objectiveUSD >= optimum - 1e-6 * optimum, "realised \(run.realised.objectiveUSD) vs optimum \(optimum)")
    }
}

@Suite("Receding-horizon operation: outage KPIs")
struct OperationOutageTests {
    /// The outage week with forced-outage draw `draw` applied (docs/risk.md) and its battery cut
    /// to 200 MWh, too small to ride through draws 1 and 7 without shedding inference.
    static func outageWeek(draw: Int) throws -> Site {
        try OperationFixtures.site("outages-week", [(path: "smr.forced_outages.draw", value: try YAMLNode.parse(yaml: "\(draw)", file: "test")),
                                                    (path: "batteries[0].energy_mwh", value: try YAMLNode.parse(yaml: "200", file: "test"))])
    }

    @Test("operate counts shed inference and forced SMR unit-hours as solve does: the realised steps' shed, the draw's unit-hours",
          arguments: [1, 7])
    func outageKPIs(draw: Int) throws {
        let site = try Self.outageWeek(draw: draw)
        let fleet = try #require(site.smr)
        let forcedUnitHours = Double(fleet.forcedOutageUnits.reduce(0, +)) * site.horizon.stepHours
        #expect(forcedUnitHours > 0, "draw \(draw) takes a unit out")
        let run = try RecedingHorizon.run(site, options: OperationOptions(replanSteps: 24, lookaheadSteps: 48))
        let perfect = try #require(run.perfectForesight)
        #expect(run.realised.smrForcedOutageUnitHours == forcedUnitHours && perfect.smrForcedOutageUnitHours == forcedUnitHours)
        // Shed energy and hours are those of the realised dispatch, over the steps that shed.
        let hours = site.horizon.stepHours
        let shedSteps = run.dispatch.steps.indices.filter { ScheduleReader.sheds(run.dispatch.steps[$0].inferenceShedMW, demandMW: site.inference.demandMW[$0]) }
        let shedMWh = shedSteps.reduce(0) { $0 + run.dispatch.steps[$1].inferenceShedMW } * hours
        #expect(abs(run.realised.inferenceShedMWh - shedMWh) <= 1e-9 * max(1, shedMWh))
        #expect(run.realised.inferenceShedHours == Double(shedSteps.count) * hours)
        #expect(perfect.inferenceShedMWh > 1 && run.realised.inferenceShedMWh > 1, "draw \(draw) sheds inference even with perfect foresight")
        #expect(abs(run.realised.inferenceDemandMWh - run.realised.inferenceServedMWh - run.realised.inferenceShedMWh) <= 1e-6 * run.realised.inferenceDemandMWh)
    }
}

@Suite("Receding-horizon operation: warm starts")
struct OperationWarmStartTests {
    /// Hourly replanning with 48-hour windows on the first three days of the example week.
    static func run(_ rule: WarmStartRule, forecaster: Forecaster = Forecaster()) throws -> OperationRun {
        var options = OperationOptions(replanSteps: 1, lookaheadSteps: 48, forecaster: forecaster)
        options.warmStart = rule
        return try RecedingHorizon.run(try OperationFixtures.week(days: 3), options: options)
    }

    @Test("With perfect foresight, warm-started windows realise the cold run's cost")
    func perfectForesightUnchanged() throws {
        let cold = try Self.run(.none), warm = try Self.run(.exact)
        #expect(cold.status == "completed" && warm.status == "completed")
        #expect(warm.windows.allSatisfy { $0.status == "optimal" && $0.realisation == "plan" })
        // Windows have many optima (schedules may differ step by step), all of the same cost.
        #expect(abs(warm.realised.objectiveUSD - cold.realised.objectiveUSD) <= 1e-8 * abs(cold.realised.objectiveUSD),
                "\(warm.realised.objectiveUSD) vs \(cold.realised.objectiveUSD)")
        #expect(abs(warm.realised.trainingDeliveredMWh - cold.realised.trainingDeliveredMWh) <= 1e-6)
    }

    @Test("On forecasts with errors the default solves every window cold: the same run as without warm starts")
    func forecastsSolvedCold() throws {
        let forecaster = OperationStateTests.forecasts
        let cold = try Self.run(.none, forecaster: forecaster), exact = try Self.run(.exact, forecaster: forecaster)
        #expect(exact.realised.objectiveUSD == cold.realised.objectiveUSD)
        #expect(zip(exact.dispatch.steps, cold.dispatch.steps).allSatisfy { $0.batterySOCMWh == $1.batterySOCMWh && $0.smrMW == $1.smrMW })
    }

    @Test("Warm-starting every window keeps every realised step balanced and every plan optimal")
    func allWindowsWarm() throws {
        let run = try Self.run(.all, forecaster: OperationStateTests.forecasts)
        #expect(run.status == "completed")
        #expect(run.windows.allSatisfy { $0.status == "optimal" })
        #expect(run.dispatch.steps.allSatisfy { abs($0.balanceResidualMW) <= 1e-6 })
    }
}
