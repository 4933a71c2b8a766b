import Foundation
import Island
import Optimization
import Scheduling
import Testing

/// Seeds of the random sites: fixed, so a failure names a site that can be rebuilt
/// (`RandomSite(seed:)` prints its YAML). 24 sites of 12-48 steps solve in about a second.
private let seeds: [UInt64] = (1...24).map { UInt64($0) &* 7_919 }

/// Absolute tolerance on powers, MW, and energies, MWh: dual simplex ends at a vertex, where
/// bounds hold to GLPK's feasibility tolerance (1e-7 relative) on flows of at most hundreds of MW.
private let toleranceMW = 1e-5

private func solve(_ site: Site) throws -> (OperatingSolve.Outcome, Schedule?) {
    let outcome = try OperatingSolve.run(site, solver: SolverOptions(method: .dual))
    return (outcome, outcome.schedule)
}

@Suite("Properties of schedules on random valid sites (seeded)")
struct SchedulePropertyTests {
    @Test("Every random site loads, solves to optimality and conserves power in every step", arguments: seeds)
    func conservation(seed: UInt64) throws {
        let random = RandomSite(seed: seed)
        let site = try SiteFixtures.site(yaml: random.yaml)
        let (outcome, schedule) = try solve(site)
        #expect(outcome.result.status == .optimal, "\(random)")
        let steps = try #require(schedule?.steps)
        #expect(steps.count == site.horizon.steps)
        for step in steps {
            #expect(abs(step.balanceResidualMW) < toleranceMW, "\(step.timestampUTC): residual \(step.balanceResidualMW) MW, \(random)")
        }
    }

    @Test("Every bound and limit holds: sources, storage, IT capacity, ramps, import limit, carbon cap", arguments: seeds)
    func boundsAndLimits(seed: UInt64) throws {
        let random = RandomSite(seed: seed)
        let site = try SiteFixtures.site(yaml: random.yaml)
        let schedule = try #require(try solve(site).1, "\(random)")
        let hours = site.horizon.stepHours
        var previousSMRMW: Double?
        var emissionsTonnes = 0.0
        for (t, step) in schedule.steps.enumerated() {
            let context = "step \(t) of \(random)"
            if let smr = site.smr {
                let availableMW = Double(smr.availableUnits[t]) * smr.capacityMWPerUnit
                #expect(step.smrMW >= smr.minStableLoadFraction * availableMW - toleranceMW, "\(context)")
                #expect(step.smrMW <= availableMW + toleranceMW, "\(context)")
                if let previousSMRMW {
                    #expect(abs(step.smrMW - previousSMRMW) <= smr.rampFractionPerHour * smr.capacityMW * hours + toleranceMW, "\(context)")
                }
                previousSMRMW = step.smrMW
            } else {
                #expect(step.smrMW == 0)
            }
            let importLimitMW = site.gridFeeds.map { $0.effectiveImportLimitMW[t] }.reduce(0, +)
            #expect(step.gridImportMW <= min(importLimitMW, site.limits.importLimitMW ?? .infinity) + toleranceMW, "\(context)")
            #expect(step.gridExportMW <= site.gridFeeds.map(\.exportCapacityMW).reduce(0, +) + toleranceMW, "\(context)")
            for kind in [Renewable.Kind.solar, .wind] {
                let availableMW = site.renewables.filter { $0.kind == kind }.map { $0.availableMW[t] }.reduce(0, +)
                #expect((kind == .solar ? step.solarMW : step.windMW) <= availableMW + toleranceMW, "\(context)")
            }
            for battery in site.batteries {
                #expect(step.batteryChargeMW <= battery.chargePowerMW + toleranceMW, "\(context)")
                #expect(step.batteryDischargeMW <= battery.dischargePowerMW + toleranceMW, "\(context)")
                #expect(step.batterySOCMWh >= battery.socMinFraction * battery.energyMWh - toleranceMW, "\(context)")
                #expect(step.batterySOCMWh <= battery.socMaxFraction * battery.energyMWh + toleranceMW, "\(context)")
            }
            #expect(step.backupMW <= site.backupGenerators.map(\.capacityMW).reduce(0, +) + toleranceMW, "\(context)")
            #expect(step.itMW <= site.itFleet.capacityMW + toleranceMW, "\(context)")
            #expect(abs(step.inferenceMW + step.inferenceShedMW - site.inference.demandMW[t]) < toleranceMW, "\(context)")
            if site.inference.valueOfLostServiceUSDPerMWh == nil { #expect(step.inferenceShedMW == 0, "\(context)") }
            emissionsTonnes += step.emissionsTonnes
        }
        for (job, result) in zip(site.trainingJobs, schedule.jobs) {
            #expect(result.powerMW.allSatisfy { $0 <= job.maxPowerMW + toleranceMW }, "\(job.name) of \(random)")
            #expect(abs(result.deliveredMWh + result.undeliveredMWh - job.energyMWh) < toleranceMW, "\(job.name) of \(random)")
            if job.undeliveredPenaltyUSDPerMWh == nil { #expect(result.undeliveredMWh < toleranceMW, "\(job.name) of \(random)") }
        }
        if let cap = site.carbon.capTonnes { #expect(emissionsTonnes <= cap + 1e-6, "\(random)") }
    }

    @Test("No training job ever runs outside the steps wholly inside its release-deadline window", arguments: seeds)
    func trainingWindows(seed: UInt64) throws {
        let random = RandomSite(seed: seed)
        let site = try SiteFixtures.site(yaml: random.yaml)
        let schedule = try #require(try solve(site).1)
        for (job, result) in zip(site.trainingJobs, schedule.jobs) {
            for (t, powerMW) in result.powerMW.enumerated() where !job.steps.contains(t) {
                #expect(powerMW == 0, "\(job.name) runs at step \(t) outside \(job.steps) in \(random)")
            }
            let releaseStep = Int((job.releaseUTC.timeIntervalSince1970 - site.horizon.startUTC.timeIntervalSince1970) / Double(site.horizon.stepSeconds))
            let deadlineStep = Int((job.deadlineUTC.timeIntervalSince1970 - site.horizon.startUTC.timeIntervalSince1970) / Double(site.horizon.stepSeconds))
            #expect(job.firstStep >= releaseStep && job.lastStep < deadlineStep, "\(random)")
        }
    }

    @Test("Reported KPIs, costs included, recompute from the dispatch rows and the site's prices", arguments: seeds)
    func kpisFromRows(seed: UInt64) throws {
        let random = RandomSite(seed: seed)
        let site = try SiteFixtures.site(yaml: random.yaml)
        let schedule = try #require(try solve(site).1)
        let kpis = schedule.kpis
        let hours = site.horizon.stepHours
        func total(_ value: (Schedule.Step) -> Double) -> Double { schedule.steps.map(value).reduce(0, +) * hours }
        let energies: [(String, Double, Double)] = [
            ("smr", kpis.smrEnergyMWh, total(\.smrMW)), ("import", kpis.gridImportMWh, total(\.gridImportMW)),
            ("export", kpis.gridExportMWh, total(\.gridExportMW)), ("solar", kpis.solarEnergyMWh, total(\.solarMW)),
            ("wind", kpis.windEnergyMWh, total(\.windMW)), ("backup", kpis.backupEnergyMWh, total(\.backupMW)),
            ("IT", kpis.itEnergyMWh, total(\.itMW)), ("cooling", kpis.coolingEnergyMWh, total(\.coolingMW)),
            ("losses", kpis.lossesEnergyMWh, total(\.lossesMW)), ("training", kpis.trainingEnergyMWh, total(\.trainingMW)),
        ]
        for (name, reported, recomputed) in energies {
            #expect(abs(reported - recomputed) < 1e-6, "\(name) energy of \(random)")
        }
        #expect(abs(kpis.emissionsTonnes - schedule.steps.map(\.emissionsTonnes).reduce(0, +)) < 1e-9)
        let itMWh = total(\.itMW)
        #expect(abs(kpis.pue - (itMWh + total(\.coolingMW) + total(\.facilityLossesMW)) / itMWh) < 1e-9)
        #expect(abs(kpis.grossPUE - (itMWh + total(\.coolingMW) + total(\.lossesMW)) / itMWh) < 1e-9)
        #expect(abs(kpis.facilityLossesMWh + kpis.exportPathLossesMWh + kpis.dumpPathLossesMWh - kpis.lossesEnergyMWh) < 1e-6)
        for step in schedule.steps {
            #expect(abs(step.itMW - (step.inferenceMW + step.trainingMW + step.idleMW)) < toleranceMW, "\(random)")
        }

        // The objective from the rows: every priced flow times its price (one component of each kind).
        let carbonPrice = site.carbon.priceUSDPerTonne
        var costUSD = 0.0
        for (t, step) in schedule.steps.enumerated() {
            if let smr = site.smr {
                costUSD += hours * step.smrMW * (smr.marginalCostUSDPerMWh + carbonPrice * smr.emissionFactorGramsPerKWh / 1000)
            }
            if let feed = site.gridFeeds.first {
                costUSD += hours * step.gridImportMW * (feed.importPriceUSDPerMWh[t] + carbonPrice * feed.carbonIntensityGramsPerKWh[t] / 1000)
                costUSD -= hours * step.gridExportMW * min(feed.exportPriceUSDPerMWh[t], feed.importPriceUSDPerMWh[t])
            }
            if let backup = site.backupGenerators.first {
                costUSD += hours * step.backupMW * (backup.marginalCostUSDPerMWh + carbonPrice * backup.emissionFactorGramsPerKWh / 1000)
            }
            if let battery = site.batteries.first { costUSD += hours * step.batteryDischargeMW * battery.throughputCostUSDPerMWh }
            costUSD += hours * step.inferenceShedMW * (site.inference.valueOfLostServiceUSDPerMWh ?? 0)
        }
        for (job, result) in zip(site.trainingJobs, schedule.jobs) {
            costUSD += result.undeliveredMWh * (job.undeliveredPenaltyUSDPerMWh ?? 0)
        }
        #expect(abs(costUSD - kpis.objectiveUSD) <= 1e-6 * max(1, abs(kpis.objectiveUSD)), "cost \(costUSD) vs \(kpis.objectiveUSD) for \(random)")
        let breakdown = kpis.energyCostUSD + kpis.smrCostUSD + kpis.backupCostUSD + kpis.batteryThroughputCostUSD + kpis.demandChargeUSD
            + kpis.carbonCostUSD + kpis.lostInferencePenaltyUSD + kpis.undeliveredTrainingPenaltyUSD - kpis.exportRevenueUSD
        #expect(abs(breakdown - kpis.objectiveUSD) <= 1e-6 * max(1, abs(kpis.objectiveUSD)), "breakdown of \(random)")
    }

    @Test("Scaling every price by a factor scales the optimal cost by that factor",
          arguments: zip(seeds.prefix(12), [0.5, 2, 3.7, 0.1, 10, 1.5, 0.5, 2, 3.7, 0.1, 10, 1.5]))
    func priceScaling(seed: UInt64, factor: Double) throws {
        let random = RandomSite(seed: seed)
        let site = try SiteFixtures.site(yaml: random.yaml)
        var scaled = site
        scaled.smr?.marginalCostUSDPerMWh *= factor
        for index in scaled.gridFeeds.indices {
            scaled.gridFeeds[index].importPriceUSDPerMWh = site.gridFeeds[index].importPriceUSDPerMWh.map { $0 * factor }
            scaled.gridFeeds[index].exportPriceUSDPerMWh = site.gridFeeds[index].exportPriceUSDPerMWh.map { $0 * factor }
            scaled.gridFeeds[index].demandChargeUSDPerMW *= factor
        }
        for index in scaled.backupGenerators.indices { scaled.backupGenerators[index].marginalCostUSDPerMWh *= factor }
        for index in scaled.batteries.indices { scaled.batteries[index].throughputCostUSDPerMWh *= factor }
        for index in scaled.trainingJobs.indices { scaled.trainingJobs[index].undeliveredPenaltyUSDPerMWh? *= factor }
        scaled.inference.valueOfLostServiceUSDPerMWh? *= factor
        scaled.carbon.priceUSDPerTonne *= factor
        let base = try #require(try solve(site).1?.kpis.objectiveUSD)
        let result = try #require(try solve(scaled).1?.kpis.objectiveUSD)
        #expect(abs(result - factor * base) <= 1e-6 * max(1, abs(factor * base)), "\(result) vs \(factor) x \(base) for \(random)")
    }

    @Test("Tightening any limit never lowers the optimal cost (or makes the site infeasible)", arguments: seeds.prefix(12))
    func tighteningNeverHelps(seed: UInt64) throws {
        let random = RandomSite(seed: seed)
        let site = try SiteFixtures.site(yaml: random.yaml)
        let (_, baseSchedule) = try solve(site)
        let schedule = try #require(baseSchedule)
        let base = schedule.kpis.objectiveUSD
        var tightenings: [(String, (inout Site) -> Void)] = [
            ("backup capacity", { $0.backupGenerators[0].capacityMW *= 0.5 }),
            ("carbon cap", { $0.carbon.capTonnes = ($0.carbon.capTonnes ?? schedule.kpis.emissionsTonnes) * 0.8 }),
            ("import limit", { $0.limits.importLimitMW = ($0.limits.importLimitMW ?? 100) * 0.7 }),
        ]
        if site.smr != nil { tightenings.append(("SMR ramp", { $0.smr!.rampFractionPerHour *= 0.5 })) }
        if !site.gridFeeds.isEmpty {
            tightenings.append(("grid import capacity", { $0.gridFeeds[0].importCapacityMW *= 0.8 }))
            tightenings.append(("grid export capacity", { $0.gridFeeds[0].exportCapacityMW *= 0.5 }))
        }
        if !site.batteries.isEmpty {
            tightenings.append(("battery power", { $0.batteries[0].chargePowerMW *= 0.6; $0.batteries[0].dischargePowerMW *= 0.6 }))
            tightenings.append(("battery SOC range", { $0.batteries[0].socMaxFraction = 0.8 }))
        }
        if !site.trainingJobs.isEmpty { tightenings.append(("job power", { $0.trainingJobs[0].maxPowerMW *= 0.9 })) }
        for (name, tighten) in tightenings {
            var tightened = site
            tighten(&tightened)
            let outcome = try OperatingSolve.run(tightened, solver: SolverOptions(method: .dual))
            if outcome.result.status == .infeasible || outcome.result.status == .infeasibleOrUnbounded { continue }
            let cost = try #require(outcome.schedule?.kpis.objectiveUSD, "\(name): \(outcome.result.status) for \(random)")
            #expect(cost >= base - 1e-6 * max(1, abs(base)), "tightening \(name) lowered the cost from \(base) to \(cost) for \(random)")
        }
        // IT capacity is tightened as a per-step (thermal) limit: lowering `racks` itself also
        // moves the busway-loss chords, whose breakpoints span the rack capacity, and can lower
        // the cost by a few 1e-5 (docs/validation.md, "What the properties found").
        let capacityMW = site.itFleet.capacityMW
        let derated = (0..<site.horizon.steps).map { $0 % 3 == 0 ? capacityMW * 0.95 : capacityMW }
        let outcome = try OperatingSolve.run(site, solver: SolverOptions(method: .dual), compile: CompileOptions(itCapacityMW: derated))
        if let cost = outcome.schedule?.kpis.objectiveUSD, outcome.result.status == .optimal {
            #expect(cost >= base - 1e-6 * max(1, abs(base)), "derating IT capacity lowered the cost from \(base) to \(cost) for \(random)")
        }
    }

    @Test("The model-size estimate bounds the coefficients actually built, on every random site", arguments: seeds)
    func sizeEstimate(seed: UInt64) throws {
        let site = try SiteFixtures.site(yaml: RandomSite(seed: seed).yaml)
        for elastic in [false, true] {
            let model = try SiteCompiler.compile(site, options: CompileOptions(elastic: elastic))
            #expect(model.program.entryCount <= SiteCompiler.estimatedNonzeros(site), "elastic \(elastic), seed \(seed)")
        }
    }
}

@Suite("Resource limits: the size estimate is an upper bound and is checked before building")
struct ModelSizeLimitTests {
    @Test("Integer commitment with long minimum up and down times: the estimate still bounds the model",
          arguments: [("1", "1"), ("24", "12"), ("100", "200")])
    func integerCommitment(upHours: String, downHours: String) throws {
        let site = try SiteFixtures.site("example-week", [
            ("smr.commitment", YAMLNode.plain("integer")), ("smr.min_up_hours", YAMLNode.plain(upHours)),
            ("smr.min_down_hours", YAMLNode.plain(downHours)), ("carbon.cap_t", YAMLNode.plain("1000")),
            ("carbon.cfe_target_share", YAMLNode.plain("0.5")), ("limits", try YAMLNode.parse(yaml: "{import_limit_mw: 50, ramp_limit_mw_per_hour: 30}")),
        ])
        for elastic in [false, true] {
            let model = try SiteCompiler.compile(site, options: CompileOptions(elastic: elastic))
            #expect(model.program.entryCount <= SiteCompiler.estimatedNonzeros(site), "elastic \(elastic)")
        }
    }

    @Test("A site above the limit throws ModelSizeError with the estimate, before any model exists")
    func refused() throws {
        let site = try SiteFixtures.site("example-week")
        #expect(throws: ModelSizeError.self) { try SiteCompiler.compile(site, options: CompileOptions(maximumNonzeros: 100)) }
        do {
            _ = try SiteCompiler.compile(site, options: CompileOptions(maximumNonzeros: 100))
        } catch let error as ModelSizeError {
            #expect(error.estimatedNonzeros == SiteCompiler.estimatedNonzeros(site))
            #expect(error.description.contains("above the limit of 100"))
        }
    }
}
