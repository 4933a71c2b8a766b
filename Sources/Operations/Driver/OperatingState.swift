import Foundation
import Island
import Optimization
import Scheduling

/// What the realised operation has left behind at the start of a window, carried exactly
/// from one window to the next (`docs/operations.md`, "State carried").
struct OperatingState: Sendable {
    /// The whole period's realised site.
    let site: Site
    var batterySOCMWh: [String: Double] = [:]
    var previousSMRMW: Double?
    var previousSMRAvailableUnits: Int?
    var previousIntakeMW: Double?
    var deliveredMWh: [String: Double] = [:]
    var peakImportMW: [String: Double] = [:]
    var emissionsTonnes = 0.0
    /// What the intensity-cap and CFE rows counted in the realised steps so far (emissions by
    /// the caps' basis, IT energy, matched and consumed energy; docs/operations.md, 3).
    var carbonRatios = CarbonRatioTally()
    /// Integer SMR commitment: units online in the last committed step, and the startups,
    /// shutdowns and forced shutdowns of the committed steps (the last few are enough).
    var smrOnlineUnits: Double?
    var smrStartups: [Double] = []
    var smrShutdowns: [Double] = []
    var smrForced: [Double] = []

    init(site: Site) {
        self.site = site
        for battery in site.batteries { batterySOCMWh[battery.name] = battery.initialSOCMWh }
    }

    /// The compiler's view of this state.
    var initial: InitialState {
        var state = InitialState()
        state.batterySOCMWh = batterySOCMWh
        state.previousSMRMW = previousSMRMW
        state.previousSMRAvailableUnits = previousSMRAvailableUnits
        state.previousIntakeMW = previousIntakeMW
        state.trainingDeliveredMWh = deliveredMWh
        state.peakImportMW = peakImportMW
        state.smrOnlineUnits = smrOnlineUnits
        state.smrStartupsBefore = smrStartups
        state.smrShutdownsBefore = smrShutdowns
        state.smrForcedBefore = smrForced
        state.carbonRatiosSoFar = carbonRatios
        return state
    }
}

/// The realised run as it is committed block by block: dispatch rows, cost and energy
/// totals at realised prices, and per-job power.
struct Ledger {
    let site: Site
    var steps: [Schedule.Step] = []
    var totals = OperationFigures()
    var jobPowerMW: [String: [Double]] = [:]
    /// Per job, work per step over the site's horizon (full-power-equivalent MW).
    var jobWorkMW: [String: [Double]] = [:]
    /// Highest realised import per feed, MW (what the demand charge is levied on).
    var peakImportMW: [String: Double] = [:]

    init(site: Site) {
        self.site = site
        for job in site.trainingJobs {
            jobPowerMW[job.name] = [Double](repeating: 0, count: site.horizon.steps)
            jobWorkMW[job.name] = [Double](repeating: 0, count: site.horizon.steps)
        }
    }

    /// Records the first `count` steps of a solved window (`site` is the realised cut the model
    /// covers, starting at step `offset` of the run) and moves `state` to their end. Returns
    /// what the steps add to the ratio rows' tallies.
    @discardableResult
    mutating func record(site window: Site, model: SiteModel, result: SolveResult, steps count: Int, offset: Int, state: inout OperatingState) -> CarbonRatioTally {
        let x = result.primalValues, hours = window.horizon.stepHours
        let ratios = model.carbonRatioTally(values: x, steps: count)
        state.carbonRatios += ratios
        func value(_ column: Column) -> Double { let v = x[column.index]; return abs(v) < 1e-9 ? 0 : v }
        let schedule = ScheduleReader.read(site: window, model: model, result: result)
        steps.append(contentsOf: schedule.steps.prefix(count))
        for t in 0..<count {
            for (index, feed) in window.gridFeeds.enumerated() {
                let imported = value(model.gridImport[index][t]), exported = value(model.gridExport[index][t])
                totals.energyCostUSD += imported * hours * feed.importPriceUSDPerMWh[t]
                totals.exportRevenueUSD += exported * hours * min(feed.exportPriceUSDPerMWh[t], feed.importPriceUSDPerMWh[t])
                state.peakImportMW[feed.name] = max(state.peakImportMW[feed.name] ?? 0, imported)
                peakImportMW[feed.name] = max(peakImportMW[feed.name] ?? 0, imported)
            }
            if let smr = window.smr, let output = model.smr { totals.smrCostUSD += value(output[t]) * hours * smr.marginalCostUSDPerMWh }
            for (index, generator) in window.backupGenerators.enumerated() {
                totals.backupCostUSD += value(model.backup[index][t]) * hours * generator.marginalCostUSDPerMWh
            }
            for (index, battery) in window.batteries.enumerated() {
                totals.batteryThroughputCostUSD += value(model.batteryDischarge[index][t]) * hours * battery.throughputCostUSDPerMWh
            }
            let step = schedule.steps[t]
            totals.lostInferencePenaltyUSD += step.inferenceShedMW * hours * (window.inference.valueOfLostServiceUSDPerMWh ?? 0)
            totals.emissionsTonnes += step.emissionsTonnes
            totals.gridImportMWh += step.gridImportMW * hours
            totals.gridExportMWh += step.gridExportMW * hours
            totals.peakGridImportMW = max(totals.peakGridImportMW, step.gridImportMW)
            // Served work (with a performance curve the power drawn is less).
            totals.inferenceServedMWh += (window.inference.demandMW[t] - step.inferenceShedMW) * hours
            if ScheduleReader.sheds(step.inferenceShedMW, demandMW: window.inference.demandMW[t]) {
                totals.inferenceShedMWh += step.inferenceShedMW * hours
                totals.inferenceShedHours += hours
            }
            state.emissionsTonnes += step.emissionsTonnes
        }
        for (index, job) in window.trainingJobs.enumerated() {
            // Power drawn and work done, capped operating points included (ScheduleReader).
            let record = schedule.jobs[index]
            for t in job.steps where t < count {
                jobPowerMW[job.name]?[offset + t] = record.powerMW[t]
                jobWorkMW[job.name]?[offset + t] = record.workMW[t]
                state.deliveredMWh[job.name, default: 0] += record.workMW[t] * hours
            }
        }
        let last = count - 1
        for (index, battery) in window.batteries.enumerated() { state.batterySOCMWh[battery.name] = max(0, value(model.batterySOC[index][last])) }
        if let commitment = model.smrCommitment, let units = model.smrOnlineUnits, let smr = window.smr {
            var availableBefore = Double(state.previousSMRAvailableUnits ?? smr.availableUnits[0])
            for t in 0..<count {
                state.smrStartups.append(value(commitment.startups[t]))
                state.smrShutdowns.append(value(commitment.shutdowns[t]))
                state.smrForced.append(max(0, availableBefore - Double(smr.availableUnits[t])))
                availableBefore = Double(smr.availableUnits[t])
            }
            // Only the last minimum up/down time's worth is ever read.
            let kept = max(commitment.upSteps, commitment.downSteps)
            for keyPath in [\OperatingState.smrStartups, \.smrShutdowns, \.smrForced] where state[keyPath: keyPath].count > kept {
                state[keyPath: keyPath].removeFirst(state[keyPath: keyPath].count - kept)
            }
            state.smrOnlineUnits = value(units[last]).rounded()
        }
        if let output = model.smr {
            state.previousSMRMW = value(output[last])
            state.previousSMRAvailableUnits = window.smr?.availableUnits[last]
        }
        state.previousIntakeMW = model.intakeColumns(step: last).map { value($0.0) * $0.1 }.reduce(0, +)
        return ratios
    }

    /// The realised dispatch and job records.
    func schedule() -> Schedule {
        let jobs = site.trainingJobs.map { job in
            Schedule.Job(name: job.name, requiredMWh: job.energyMWh, releaseUTC: Horizon.format(job.releaseUTC),
                         deadlineUTC: Horizon.format(job.deadlineUTC), powerMW: jobPowerMW[job.name] ?? [], horizon: site.horizon,
                         workMW: jobWorkMW[job.name])
        }
        return Schedule(steps: steps, jobs: jobs)
    }

    /// The whole run's figures at realised prices: demand charges on the realised peaks,
    /// carbon at the site's price, undelivered training at each job's penalty.
    func figures() -> OperationFigures {
        var figures = totals
        let hours = site.horizon.stepHours
        figures.demandChargeUSD = site.gridFeeds.map { ($0.demandChargeUSDPerMW) * (peakImportMW[$0.name] ?? 0) }.reduce(0, +)
        figures.carbonCostUSD = figures.emissionsTonnes * site.carbon.priceUSDPerTonne
        for job in schedule().jobs {
            figures.trainingRequiredMWh += job.requiredMWh
            figures.trainingDeliveredMWh += job.deliveredMWh
            let penalty = site.trainingJobs.first { $0.name == job.name }?.undeliveredPenaltyUSDPerMWh ?? 0
            figures.undeliveredTrainingPenaltyUSD += job.undeliveredMWh * penalty
        }
        figures.inferenceDemandMWh = site.inference.demandMW.reduce(0, +) * hours
        if let fleet = site.smr { figures.smrForcedOutageUnitHours = Double(fleet.forcedOutageUnits.reduce(0, +)) * hours }
        figures.finishShares()
        figures.finishObjective()
        return figures
    }
}
