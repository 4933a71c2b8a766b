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
            return InstalledCapacity(key: entry.key, expansion: expansion, installed: value(entry.column),
                                     discountRate: planned.investment.discountRate, horizonYears: planned.horizonYears)
        }
        var installed: [ExpansionKey: Double] = [:]
        for capacity in capacities where capacity.dimension != ExpansionKey.Dimension.units.rawValue {
            if let key = capacity.key { installed[key] = capacity.key?.asset == .grid ? capacity.added : capacity.installed }
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

        for t in 0..<horizon.steps {
            var step = Schedule.Step(timestampUTC: horizon.label(t))
            var losses = 0.0
            var clean = 0.0
            if let smr = model.smr {
                step.smrMW = value(smr[t])
                clean += step.smrMW
                if isDC { losses += step.smrMW * (1 - efficiencies.smrRectifier) }
                let unitCost = site.smr!.marginalCostUSDPerMWh
                kpis.smrCostUSD += step.smrMW * hours * unitCost
                step.emissionsTonnes += step.smrMW * hours * site.smr!.emissionFactorGramsPerKWh / 1000
            }
            var weightedIntensity = 0.0
            for (index, feed) in site.gridFeeds.enumerated() {
                let imported = value(model.gridImport[index][t]), exported = value(model.gridExport[index][t])
                step.gridImportMW += imported
                step.gridExportMW += exported
                weightedIntensity += imported * feed.carbonIntensityGramsPerKWh[t]
                step.emissionsTonnes += imported * hours * feed.carbonIntensityGramsPerKWh[t] / 1000
                clean += imported * (feed.carbonFreeShare?[t] ?? 0)
                kpis.energyCostUSD += imported * hours * feed.importPriceUSDPerMWh[t]
                kpis.exportRevenueUSD += exported * hours * min(feed.exportPriceUSDPerMWh[t], feed.importPriceUSDPerMWh[t])
            }
            step.gridCarbonGramsPerKWh = step.gridImportMW > 1e-9
                ? weightedIntensity / step.gridImportMW
                : (site.gridFeeds.isEmpty ? 0 : site.gridFeeds.map { $0.carbonIntensityGramsPerKWh[t] }.reduce(0, +) / Double(site.gridFeeds.count))
            for (index, renewable) in site.renewables.enumerated() {
                let delivered = value(model.renewable[index][t])
                if renewable.kind == .solar { step.solarMW += delivered } else { step.windMW += delivered }
                step.curtailmentMW += max(0, renewable.capacityFactor[t] * renewable.capacityMW - delivered)
                clean += delivered
                if renewable.coupling == .dc && isDC { losses += delivered * (1 - efficiencies.dcDC) }
            }
            for (index, battery) in site.batteries.enumerated() {
                let charge = value(model.batteryCharge[index][t]), discharge = value(model.batteryDischarge[index][t])
                step.batteryChargeMW += charge
                step.batteryDischargeMW += discharge
                step.batterySOCMWh += value(model.batterySOC[index][t])
                let efficiency = battery.coupling == .dc && isDC ? efficiencies.dcDC : efficiencies.storageInverter
                losses += discharge * (1 - efficiency) + charge * (1 / efficiency - 1)
                kpis.batteryThroughputCostUSD += discharge * hours * battery.throughputCostUSDPerMWh
            }
            for (index, generator) in site.backupGenerators.enumerated() {
                let output = value(model.backup[index][t])
                step.backupMW += output
                step.emissionsTonnes += output * hours * generator.emissionFactorGramsPerKWh / 1000
                kpis.backupCostUSD += output * hours * generator.marginalCostUSDPerMWh
            }
            // Link, final conversion stage, busway and the cooling transformer.
            let forward = value(model.linkForward[t]), reverse = value(model.linkReverse[t])
            losses += (forward + reverse) * (1 - linkEfficiency)
            step.itMW = value(model.itPower[t])
            let buswayLoss = value(model.buswayLoss[t])
            losses += step.itMW * (1 / finalEfficiency - 1) + buswayLoss
            step.cop = site.copSeries[t]
            step.dryBulbC = site.weather?.dryBulbC[t]
            step.coolingMW = (step.itMW / finalEfficiency + buswayLoss) / step.cop
            losses += step.coolingMW * (1 / efficiencies.coolingTransformer - 1)
            step.lossesMW = losses

            let shed = model.inferenceShed.map { value($0[t]) } ?? model.elastic?.inferenceShortfall.map { value($0[t]) } ?? 0
            step.inferenceShedMW = shed
            step.inferenceMW = site.inference.demandMW[t] - shed
            for (index, job) in site.trainingJobs.enumerated() where job.steps.contains(t) {
                step.trainingMW += value(model.training[index][t - job.firstStep])
            }
            step.idleMW = max(0, step.itMW - step.inferenceMW - step.trainingMW)
            step.itCapacityMW = model.itCapacityMW[t]
            let consumption = step.itMW + step.coolingMW + step.lossesMW
            step.pue = step.itMW > 1e-9 ? consumption / step.itMW : 0
            step.cfeShare = consumption > 1e-9 ? min(1, clean / consumption) : 1
            matchedCleanMWh += min(clean, consumption) * hours
            consumptionMWh += consumption * hours
            step.marginalPriceUSDPerMWh = result.rowDuals.isEmpty ? .nan : result.dual(model.acBalance[t]) / hours

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
            kpis.curtailmentMWh += step.curtailmentMW * hours
            kpis.emissionsTonnes += step.emissionsTonnes
            kpis.peakGridImportMW = max(kpis.peakGridImportMW, step.gridImportMW)
            kpis.maxBalanceResidualMW = max(kpis.maxBalanceResidualMW, abs(step.balanceResidualMW))
        }
        let demandMWh = site.inference.demandMW.reduce(0, +) * hours
        kpis.inferenceServedShare = demandMWh > 0 ? kpis.inferenceEnergyMWh / demandMWh : 1
        kpis.carbonCostUSD = kpis.emissionsTonnes * site.carbon.priceUSDPerTonne
        kpis.carbonIntensityGramsPerKWhIT = kpis.itEnergyMWh > 0 ? kpis.emissionsTonnes * 1000 / kpis.itEnergyMWh : 0
        kpis.cfeScore = consumptionMWh > 0 ? matchedCleanMWh / consumptionMWh : 1
        kpis.pue = kpis.itEnergyMWh > 0 ? (kpis.itEnergyMWh + kpis.coolingEnergyMWh + kpis.lossesEnergyMWh) / kpis.itEnergyMWh : 0
        let storageMWh = site.batteries.map(\.energyMWh).reduce(0, +)
        kpis.batteryCycles = storageMWh > 0 ? kpis.batteryDischargeMWh / storageMWh : 0
        for (index, feed) in site.gridFeeds.enumerated() {
            if let peak = model.gridPeak[index] { kpis.demandChargeUSD += value(peak) * feed.demandChargeUSDPerMW }
        }

        // Training jobs.
        var jobs: [Schedule.Job] = []
        var requiredMWh = 0.0, deliveredMWh = 0.0
        for (index, job) in site.trainingJobs.enumerated() {
            var power = [Double](repeating: 0, count: horizon.steps)
            var cumulative = 0.0
            var completion: String?
            var first: Int?, last: Int?
            for t in job.steps {
                let megawatts = value(model.training[index][t - job.firstStep])
                power[t] = megawatts
                if megawatts > 1e-6 { first = first ?? t; last = t }
                cumulative += megawatts * hours
                if completion == nil, cumulative >= job.energyMWh - 1e-6 { completion = Horizon.format(epochSeconds: horizon.epochSeconds(t + 1)) }
            }
            let undelivered = model.trainingUndelivered[index].map(value) ?? 0
            kpis.undeliveredTrainingPenaltyUSD += undelivered * (job.undeliveredPenaltyUSDPerMWh ?? 0)
            requiredMWh += job.energyMWh
            deliveredMWh += cumulative
            jobs.append(Schedule.Job(
                name: job.name, requiredMWh: job.energyMWh, deliveredMWh: cumulative, undeliveredMWh: max(0, job.energyMWh - cumulative),
                releaseUTC: Horizon.format(job.releaseUTC), deadlineUTC: Horizon.format(job.deadlineUTC),
                firstStepWithPower: first.map(horizon.label), lastStepWithPower: last.map(horizon.label),
                completionUTC: completion, powerMW: power))
        }
        kpis.trainingDeliveredShare = requiredMWh > 0 ? min(1, deliveredMWh / requiredMWh) : 1

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
        return Schedule(steps: steps, jobs: jobs, kpis: kpis, capacities: capacities)
    }

    /// Values within 1e-9 of zero are solver noise.
    @inline(__always) private static func clean(_ value: Double) -> Double { abs(value) < 1e-9 ? 0 : value }
}
