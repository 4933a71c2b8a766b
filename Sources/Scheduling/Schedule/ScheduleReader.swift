import Foundation
import Island
import Optimization

/// Reads an LP solution back into a typed ``Schedule`` with its KPIs.
public enum ScheduleReader {
    /// - Precondition: `result` carries primal values for `model.program`.
    public static func read(site planned: Site, model: SiteModel, result: SolveResult) -> Schedule {
        precondition(result.primalValues.count == model.program.columnCount, "the result does not belong to this model")
        let x = result.primalValues
        func value(_ column: Column) -> Double { clean(x[column.index]) }
        // Capacities the plan chose (none for an operating site); the rest of the reading sees
        // the site as built. The SMR count stays as planned (it may be fractional when relaxed).
        let expansions = Dictionary(uniqueKeysWithValues: planned.expansions.map { ($0.key, $0.expansion) })
        let capacities = model.capacities.compactMap { entry -> InstalledCapacity? in
            guard let expansion = expansions[entry.key] else { return nil }
            // An interior point leaves an unused capacity at a few 1e-6 instead of its bound
            // (3e-6 MW of solar seen with 800 MW allowed): within 1e-6 of the bound (relative, at
            // least 1 W) plus 1e-8 of the range allowed, a bound is what the plan chose.
            var installed = value(entry.column)
            let span = expansion.maximum.isFinite ? expansion.maximum - min(expansion.existing, expansion.minimum) : 0
            for bound in [expansion.existing, expansion.minimum, expansion.maximum] where bound.isFinite {
                if abs(installed - bound) <= 1e-6 * max(1, abs(bound)) + 1e-8 * span { installed = bound }
            }
            return InstalledCapacity(key: entry.key, expansion: expansion, installed: installed,
                                     discountRate: planned.investment.discountRate, horizonYears: planned.horizonYears)
        }
        var installed: [ExpansionKey: Double] = [:]
        for capacity in capacities where capacity.dimension != ExpansionKey.Dimension.units.rawValue {
            if let key = capacity.key { installed[key] = capacity.amountForSite }
        }
        let site = (try? planned.withInstalled(installed)) ?? planned
        let horizon = site.horizon
        let hours = horizon.stepHours
        let distribution = site.distribution
        let efficiencies = distribution.efficiencies
        let isDC = distribution.architecture == .dc800
        let finalEfficiency = distribution.busToRackEfficiency
        let linkEfficiency = distribution.gridToBusEfficiency
        var kpis = KPIs()
        var steps: [Schedule.Step] = []
        steps.reserveCapacity(horizon.steps)
        var matchedCleanMWh = 0.0, consumptionMWh = 0.0

        let smrPath = site.smr.map { $0.connection == .dcBus && isDC ? efficiencies.smrRectifier : efficiencies.smrStepUpTransformer } ?? 1
        let smrOnDCBus = site.smr?.connection == .dcBus && isDC
        let carbonPrice = site.carbon.priceUSDPerTonne
        let busPowerMaximumMW = min(distribution.busCapacityMW, site.itFleet.capacityMW / finalEfficiency)
        let hasDuals = !result.rowDuals.isEmpty
        var accounts = CarbonAccounts(site: site)
        var decisionEmissionsTonnes = 0.0
        let waterPerHeat = site.waterCubicMetresPerMWhHeat
        let heatSplit = site.heatReuseSplit
        var marginalITCostUSD = 0.0
        var capping = CappingReadback(site: site, model: model, values: x)

        for t in 0..<horizon.steps {
            var step = Schedule.Step(timestampUTC: site.stepLabel(t))
            var losses = 0.0
            var clean = 0.0
            // Per bus: inflow from sources (MW), the conversion loss (MW) and the supply cost (USD/h) it carries.
            var mixing = SupplyMixing()
            mixing.linkEfficiency = linkEfficiency
            var acLoss = 0.0, itLoss = 0.0, acCost = 0.0, itCost = 0.0
            var acFacilityMW = 0.0, itFacilityMW = 0.0
            var dumpedCostUSDPerHour = 0.0
            let dumped = model.dump.map { value($0[t]) } ?? 0
            let bypassMW = site.dump?.kind == .turbineBypass ? dumped : 0
            let loadBankMW = site.dump?.kind == .loadBank ? dumped : 0
            if let smr = model.smr, let fleet = site.smr {
                step.smrMW = value(smr[t])
                clean += step.smrMW
                let delivered = (step.smrMW - bypassMW) * smrPath, pathLoss = (step.smrMW - bypassMW) * (1 - smrPath)
                losses += pathLoss
                let unitCost = fleet.marginalCostUSDPerMWh + carbonPrice * fleet.emissionFactorGramsPerKWh / 1000
                if smrOnDCBus {
                    mixing.itSourceMW += delivered; itLoss += pathLoss; itCost += (step.smrMW - bypassMW) * unitCost
                } else {
                    mixing.acSourceMW += delivered; acLoss += pathLoss; acCost += (step.smrMW - bypassMW) * unitCost
                }
                dumpedCostUSDPerHour += bypassMW * unitCost
                kpis.smrCostUSD += step.smrMW * hours * fleet.marginalCostUSDPerMWh
                step.emissionsTonnes += step.smrMW * hours * fleet.emissionFactorGramsPerKWh / 1000
                decisionEmissionsTonnes += step.smrMW * hours * fleet.emissionFactorGramsPerKWh / 1000
                let online = model.smrOnlineUnits.map { value($0[t]) } ?? Double(fleet.availableUnits[t])
                if fleet.availableUnits[t] > 0, online > 1e-6,
                   step.smrMW <= fleet.minStableLoadFraction * fleet.capacityMWPerUnit * online + 1e-6 * max(1, step.smrMW) {
                    kpis.smrHoursAtMinimumLoad += hours
                }
            }
            var weightedIntensity = 0.0
            for (index, feed) in site.gridFeeds.enumerated() {
                let imported = value(model.gridImport[index][t]), exported = value(model.gridExport[index][t])
                step.gridImportMW += imported
                step.gridExportMW += exported
                weightedIntensity += imported * feed.carbonIntensityGramsPerKWh[t]
                step.emissionsTonnes += imported * hours * feed.carbonIntensityGramsPerKWh[t] / 1000
                let decision = site.decisionIntensity(feed)[t]
                decisionEmissionsTonnes += imported * hours * decision / 1000
                accounts.addImport(feed: feed, step: t, importedMW: imported)
                clean += imported * (feed.carbonFreeShare?[t] ?? 0)
                kpis.energyCostUSD += imported * hours * feed.importPriceUSDPerMWh[t]
                kpis.exportRevenueUSD += exported * hours * min(feed.exportPriceUSDPerMWh[t], feed.importPriceUSDPerMWh[t])
                mixing.acSourceMW += imported
                acCost += imported * (feed.importPriceUSDPerMWh[t] + carbonPrice * decision / 1000)
            }
            step.gridCarbonGramsPerKWh = step.gridImportMW > 1e-9
                ? weightedIntensity / step.gridImportMW
                : (site.gridFeeds.isEmpty ? 0 : site.gridFeeds.map { $0.carbonIntensityGramsPerKWh[t] }.reduce(0, +) / Double(site.gridFeeds.count))
            for (index, renewable) in site.renewables.enumerated() {
                let delivered = value(model.renewable[index][t])
                if renewable.kind == .solar { step.solarMW += delivered } else { step.windMW += delivered }
                step.curtailmentMW += max(0, renewable.capacityFactor[t] * renewable.capacityMW - delivered)
                clean += delivered
                if renewable.coupling == .dc && isDC {
                    losses += delivered * (1 - efficiencies.dcDC)
                    mixing.itSourceMW += delivered * efficiencies.dcDC
                    itLoss += delivered * (1 - efficiencies.dcDC)
                } else {
                    mixing.acSourceMW += delivered
                }
            }
            for (index, battery) in site.batteries.enumerated() {
                let charge = value(model.batteryCharge[index][t]), discharge = value(model.batteryDischarge[index][t])
                step.batteryChargeMW += charge
                step.batteryDischargeMW += discharge
                step.batterySOCMWh += value(model.batterySOC[index][t])
                let onIT = battery.coupling == .dc && isDC
                let efficiency = onIT ? efficiencies.dcDC : efficiencies.storageInverter
                losses += discharge * (1 - efficiency) + charge * (1 / efficiency - 1)
                kpis.batteryThroughputCostUSD += discharge * hours * battery.throughputCostUSDPerMWh
                // Storage serves the facility: what charges it is drawn on the facility's side.
                if onIT {
                    mixing.itSourceMW += discharge * efficiency; itLoss += discharge * (1 - efficiency)
                    itCost += discharge * battery.throughputCostUSDPerMWh; itFacilityMW += charge / efficiency
                } else {
                    mixing.acSourceMW += discharge * efficiency; acLoss += discharge * (1 - efficiency)
                    acCost += discharge * battery.throughputCostUSDPerMWh; acFacilityMW += charge / efficiency
                }
            }
            for (index, generator) in site.backupGenerators.enumerated() {
                let output = value(model.backup[index][t])
                step.backupMW += output
                step.emissionsTonnes += output * hours * generator.emissionFactorGramsPerKWh / 1000
                decisionEmissionsTonnes += output * hours * generator.emissionFactorGramsPerKWh / 1000
                kpis.backupCostUSD += output * hours * generator.marginalCostUSDPerMWh
                mixing.acSourceMW += output
                acCost += output * (generator.marginalCostUSDPerMWh + carbonPrice * generator.emissionFactorGramsPerKWh / 1000)
            }
            // Link, final conversion stage, busway and the cooling transformer. The busway loss is
            // its curve's chord value at the bus power; anything the LP put above it (possible only
            // without a dump) is surplus it burned, reported with its cooling as dumped power.
            let forward = value(model.linkForward[t]), reverse = value(model.linkReverse[t])
            mixing.forwardMW = forward
            mixing.reverseMW = reverse
            losses += (forward + reverse) * (1 - linkEfficiency)
            step.itMW = value(model.itPower[t])
            let busPowerMW = step.itMW / finalEfficiency
            let chord = distribution.buswayChord(atPowerMW: busPowerMW, maximumMW: busPowerMaximumMW)
            let buswayLossLP = value(model.buswayLoss[t])
            let buswayLoss = min(buswayLossLP, chord.lossMW)
            let surplusMW = buswayLossLP - buswayLoss
            losses += step.itMW * (1 / finalEfficiency - 1) + buswayLoss
            step.cop = site.copSeries[t]
            step.dryBulbC = site.weather?.dryBulbC[t]
            // Heat sold to an offtaker leaves the facility water before the cooling plant; a heat
            // pump adds its electricity (through the cooling transformer) when the water is too cold.
            let offtake = model.heatOfftake.map { value($0[t]) } ?? 0
            let recovered = offtake * (heatSplit?[t].recoveredMWh ?? 0)
            step.heatReuseMW = offtake
            step.heatPumpMW = offtake * (heatSplit?[t].electricityMWh ?? 0)
            let plantHeatLP = busPowerMW + buswayLossLP - recovered
            let plantHeat = max(0, busPowerMW + buswayLoss - recovered)
            step.coolingMW = plantHeat / step.cop
            losses += (step.coolingMW + step.heatPumpMW) * (1 / efficiencies.coolingTransformer - 1)
            step.lossesMW = losses
            let coolingPerHeat = 1 / (step.cop * efficiencies.coolingTransformer)
            step.dumpMW = dumped + surplusMW + (plantHeatLP - plantHeat) * coolingPerHeat
            itFacilityMW += busPowerMW + buswayLoss
            if let waterPerHeat {
                // Water the LP charged for: the heat the tower rejects (its value, as priced and capped).
                step.waterCubicMetres = hours * waterPerHeat[t] * plantHeatLP
                step.wueLitresPerKWhIT = step.itMW > 1e-9 ? step.waterCubicMetres / (step.itMW * hours) : 0
            }
            acFacilityMW += plantHeat * coolingPerHeat + step.heatPumpMW / efficiencies.coolingTransformer
            kpis.heatRevenueUSD += hours * offtake * (site.heatReuse?.priceUSDPerMWh ?? 0)

            // Where the losses and costs went: facility, export, dump (docs/formulation.md, 8.1).
            let lossIntensity = mixing.intensities(acOrigin: acLoss, itOrigin: itLoss, linkLossPerMWh: 1 - linkEfficiency)
            let costIntensity = mixing.intensities(acOrigin: acCost, itOrigin: itCost, linkLossPerMWh: 0)
            step.exportPathLossesMW = step.gridExportMW * lossIntensity.ac
            step.dumpPathLossesMW = loadBankMW * lossIntensity.ac + surplusMW * (lossIntensity.it + coolingPerHeat * lossIntensity.ac)
            dumpedCostUSDPerHour += loadBankMW * costIntensity.ac + surplusMW * (costIntensity.it + coolingPerHeat * costIntensity.ac)
            step.itEnergyCostUSD = hours * (itFacilityMW * costIntensity.it + acFacilityMW * costIntensity.ac)
            kpis.itEnergyCostUSD += step.itEnergyCostUSD
            kpis.exportSupplyCostUSD += hours * step.gridExportMW * costIntensity.ac
            kpis.dumpedSupplyCostUSD += hours * dumpedCostUSDPerHour
            kpis.dumpCostUSD += hours * dumped * (site.dump?.costUSDPerMWh ?? 0)
            kpis.surplusInLossesMWh += hours * surplusMW * (1 + coolingPerHeat)
            if let tieBreak = model.lossTieBreak {
                var charging = 0.0
                for index in site.batteries.indices { charging += tieBreak.chargeUSDPerMWh[index] * value(model.batteryCharge[index][t]) }
                kpis.lossTieBreakUSD += hours * (tieBreak.linkUSDPerMWh * (forward + reverse) + charging + tieBreak.buswayUSDPerMWh[t] * buswayLossLP)
            }

            let shed = model.inferenceShed.map { value($0[t]) } ?? model.elastic?.inferenceShortfall.map { value($0[t]) } ?? 0
            step.inferenceShedMW = shed
            // Power drawn by each workload, tokens and power fractions (capped points included).
            capping.fill(&step, step: t, shedMW: shed)
            step.idleMW = max(0, step.itMW - step.inferenceMW - step.trainingMW)
            step.itCapacityMW = model.itCapacityMW[t]
            let consumption = step.itMW + step.coolingMW + step.lossesMW
            let facility = step.itMW + step.coolingMW + step.heatPumpMW + step.facilityLossesMW
            step.pue = step.itMW > 1e-9 ? facility / step.itMW : 0
            step.cfeShare = consumption > 1e-9 ? min(1, clean / consumption) : 1
            matchedCleanMWh += min(clean, consumption) * hours
            consumptionMWh += consumption * hours
            step.marginalPriceUSDPerMWh = hasDuals ? result.dual(model.acBalance[t]) / hours : .nan
            if hasDuals {
                // One more MWh of IT energy draws (1 + chord slope) / eta_f MWh from the IT bus, and
                // its heat c_cool times that from the AC bus.
                let itBus = result.dual(model.itBusBalance[t]) / hours, acBus = step.marginalPriceUSDPerMWh
                step.itMarginalCostUSDPerMWh = (1 + chord.slope) / finalEfficiency * (itBus + coolingPerHeat * acBus)
                marginalITCostUSD += hours * step.itMW * step.itMarginalCostUSDPerMWh
            } else {
                step.itMarginalCostUSDPerMWh = .nan
            }

            kpis.lostInferencePenaltyUSD += shed * hours * (site.inference.valueOfLostServiceUSDPerMWh ?? 0)
            steps.append(step)
        }

        // Energy totals.
        for step in steps {
            kpis.smrEnergyMWh += step.smrMW * hours
            kpis.gridImportMWh += step.gridImportMW * hours
            kpis.gridExportMWh += step.gridExportMW * hours
            kpis.solarEnergyMWh += step.solarMW * hours
            kpis.windEnergyMWh += step.windMW * hours
            kpis.backupEnergyMWh += step.backupMW * hours
            kpis.batteryDischargeMWh += step.batteryDischargeMW * hours
            kpis.batteryChargeMWh += step.batteryChargeMW * hours
            kpis.itEnergyMWh += step.itMW * hours
            kpis.inferenceEnergyMWh += step.inferenceMW * hours
            kpis.trainingEnergyMWh += step.trainingMW * hours
            kpis.coolingEnergyMWh += step.coolingMW * hours
            kpis.lossesEnergyMWh += step.lossesMW * hours
            kpis.facilityLossesMWh += step.facilityLossesMW * hours
            kpis.exportPathLossesMWh += step.exportPathLossesMW * hours
            kpis.dumpPathLossesMWh += step.dumpPathLossesMW * hours
            kpis.dumpMWh += step.dumpMW * hours
            kpis.waterCubicMetres += step.waterCubicMetres
            kpis.heatReuseMWh += step.heatReuseMW * hours
            kpis.heatPumpMWh += step.heatPumpMW * hours
            kpis.curtailmentMWh += step.curtailmentMW * hours
            kpis.emissionsTonnes += step.emissionsTonnes
            kpis.peakGridImportMW = max(kpis.peakGridImportMW, step.gridImportMW)
            kpis.maxBalanceResidualMW = max(kpis.maxBalanceResidualMW, abs(step.balanceResidualMW))
        }
        let demandMWh = site.inference.demandMW.reduce(0, +) * hours
        // Served work over demand (with a performance curve, energy drawn is less than work).
        let shedMWh = steps.reduce(0) { $0 + $1.inferenceShedMW } * hours
        kpis.inferenceServedShare = demandMWh > 0 ? (demandMWh - shedMWh) / demandMWh : 1
        // Energy not served, over the steps that shed more than solver tolerance.
        for (index, step) in steps.enumerated() where ScheduleReader.sheds(step.inferenceShedMW, demandMW: site.inference.demandMW[index]) {
            kpis.inferenceShedMWh += step.inferenceShedMW * hours
            kpis.inferenceShedHours += hours
        }
        if let fleet = site.smr { kpis.smrForcedOutageUnitHours = Double(fleet.forcedOutageUnits.reduce(0, +)) * hours }
        // The objective prices the decision factor (average, or marginal when the site says so).
        kpis.carbonCostUSD = decisionEmissionsTonnes * site.carbon.priceUSDPerTonne
        kpis.carbonIntensityGramsPerKWhIT = kpis.itEnergyMWh > 0 ? kpis.emissionsTonnes * 1000 / kpis.itEnergyMWh : 0
        kpis.cfeScore = consumptionMWh > 0 ? matchedCleanMWh / consumptionMWh : 1
        kpis.pue = kpis.itEnergyMWh > 0
            ? (kpis.itEnergyMWh + kpis.coolingEnergyMWh + kpis.heatPumpMWh + kpis.facilityLossesMWh) / kpis.itEnergyMWh : 0
        kpis.grossPUE = kpis.itEnergyMWh > 0 ? (kpis.itEnergyMWh + kpis.coolingEnergyMWh + kpis.heatPumpMWh + kpis.lossesEnergyMWh) / kpis.itEnergyMWh : 0
        // The Green Grid's ERE: facility energy less the energy reused outside it, over IT energy.
        kpis.ere = kpis.itEnergyMWh > 0 ? kpis.pue - kpis.heatReuseMWh / kpis.itEnergyMWh : 0
        let storageMWh = site.batteries.map(\.energyMWh).reduce(0, +)
        kpis.batteryCycles = storageMWh > 0 ? kpis.batteryDischargeMWh / storageMWh : 0
        for (index, feed) in site.gridFeeds.enumerated() {
            if let peak = model.gridPeak[index] { kpis.demandChargeUSD += value(peak) * feed.demandChargeUSDPerMW }
        }
        // Cost of the facility's energy beside the trade (docs/results-schema.md, "KPIs").
        kpis.itEnergyCostUSD += kpis.demandChargeUSD
        kpis.itEnergyCostUSDPerMWhIT = kpis.itEnergyMWh > 0 ? kpis.itEnergyCostUSD / kpis.itEnergyMWh : 0
        kpis.itEnergyMarginalCostUSD = hasDuals ? marginalITCostUSD : nil
        kpis.itEnergyMarginalCostUSDPerMWhIT = hasDuals ? (kpis.itEnergyMWh > 0 ? marginalITCostUSD / kpis.itEnergyMWh : 0) : nil
        kpis.netTradingRevenueUSD = kpis.exportRevenueUSD - kpis.exportSupplyCostUSD
        kpis.waterCostUSD = kpis.waterCubicMetres * (site.cooling.water?.priceUSDPerCubicMetre ?? 0)
        kpis.wueLitresPerKWhIT = kpis.itEnergyMWh > 0 ? kpis.waterCubicMetres / kpis.itEnergyMWh : 0
        if let fleet = site.smr, fleet.capacityMW > 0 {
            kpis.smrCapacityFactor = kpis.smrEnergyMWh / (fleet.capacityMW * Double(horizon.steps) * hours)
        }
        accounts.finish(into: &kpis, steps: steps, stepHours: hours)
        EmbodiedAccounts.add(site: site, smrUnits: capacities.first { $0.dimension == ExpansionKey.Dimension.units.rawValue }?.installed,
                             into: &kpis)
        if site.carbon.embodiedInDecisions {
            kpis.embodiedCarbonCostUSD = kpis.embodiedCarbonTonnes * site.carbon.priceUSDPerTonne
        }

        // Training jobs.
        var jobs: [Schedule.Job] = []
        var requiredMWh = 0.0, deliveredMWh = 0.0
        for (index, job) in site.trainingJobs.enumerated() {
            var power = [Double](repeating: 0, count: horizon.steps)
            var cumulative = 0.0
            var completion: String?
            var first: Int?, last: Int?
            var drawnMWh = 0.0
            var work = [Double](repeating: 0, count: horizon.steps)
            for t in job.steps {
                let (megawatts, workMW, _, _) = capping.training(job: index, step: t)
                power[t] = megawatts
                work[t] = workMW
                drawnMWh += megawatts * hours
                if megawatts > 1e-6 { first = first ?? t; last = t }
                cumulative += workMW * hours
                if completion == nil, cumulative >= job.energyMWh - 1e-6 { completion = Horizon.format(epochSeconds: horizon.epochSeconds(t + 1)) }
            }
            let undelivered = model.trainingUndelivered[index].map(value) ?? 0
            kpis.undeliveredTrainingPenaltyUSD += undelivered * (job.undeliveredPenaltyUSDPerMWh ?? 0)
            requiredMWh += job.energyMWh
            deliveredMWh += cumulative
            var record = Schedule.Job(
                name: job.name, requiredMWh: job.energyMWh, deliveredMWh: cumulative, undeliveredMWh: max(0, job.energyMWh - cumulative),
                releaseUTC: Horizon.format(job.releaseUTC), deadlineUTC: Horizon.format(job.deadlineUTC),
                firstStepWithPower: first.map(horizon.label), lastStepWithPower: last.map(horizon.label),
                completionUTC: completion, powerMW: power, drawnMWh: drawnMWh, workMW: work,
                tokens: job.tokensPerMWhAtFullPower.map { cumulative * $0 },
                minimumPowerFraction: job.performance?.minimumPowerFraction ?? 1)
            record.readPause(job, columns: model.trainingPause.indices.contains(index) ? model.trainingPause[index] : nil,
                             value: value, horizon: horizon, kpis: &kpis)
            deliveredMWh -= record.restartEnergyMWh
            jobs.append(record)
        }
        // Set by OperatingSolve when the site has relaxed pause models (it re-solves to find it).
        kpis.trainingPauseGapBoundUSD = nil
        kpis.trainingDeliveredShare = requiredMWh > 0 ? min(1, deliveredMWh / requiredMWh) : 1
        // Shortfalls below 1e-6 of a job's energy are solver tolerance, not energy missing.
        kpis.trainingUndeliveredMWh = jobs.reduce(0) { $0 + ($1.undeliveredMWh > 1e-6 * max(1, $1.requiredMWh) ? $1.undeliveredMWh : 0) }
        TokenAccounts.finish(site: site, steps: &steps, jobs: &jobs, kpis: &kpis,
                             cappedInferenceWorkMWh: capping.cappedInferenceWorkMWh, cappedTrainingWorkMWh: capping.cappedTrainingWorkMWh)

        // Shadow prices: USD saved per t of extra cap, per MW of extra import limit in every step.
        if result.rowDuals.isEmpty {
            kpis.carbonShadowPriceUSDPerTonne = nil
            kpis.importLimitShadowPriceUSDPerMW = nil
        } else {
            if let cap = model.carbonCap { kpis.carbonShadowPriceUSDPerTonne = -result.dual(cap) }
            if let limit = model.siteImportLimit { kpis.importLimitShadowPriceUSDPerMW = -(0..<limit.count).map { result.dual(limit[$0]) }.reduce(0, +) }
        }
        for capacity in capacities {
            kpis.annualisedCapexUSD += capacity.annualisedCapexUSDPerYear * site.horizonYears
            kpis.fixedOMUSD += capacity.fixedOMUSDPerYear * site.horizonYears
        }
        kpis.objectiveUSD = result.objectiveValue ?? .nan
        var schedule = Schedule(steps: steps, jobs: jobs, kpis: kpis, capacities: capacities)
        schedule.demandResponse = DemandResponseOutcome.read(site: site, model: model, values: x)
        return schedule
    }

    /// Whether a step sheds inference: more than 1e-6 of its demand, and at least 1e-6 MW (below
    /// that, solver tolerance), for `inference_shed_hours`.
    public static func sheds(_ shedMW: Double, demandMW: Double) -> Bool {
        shedMW > 1e-6 * max(1, demandMW)
    }

    /// Values within 1e-9 of zero are solver noise.
    @inline(__always) private static func clean(_ value: Double) -> Double { abs(value) < 1e-9 ? 0 : value }
}
