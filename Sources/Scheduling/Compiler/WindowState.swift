import Foundation
import Island
import Optimization

/// The state a model starts from when it is one window of a longer run (receding-horizon
/// operation, `docs/operations.md`): what earlier windows left behind. Every field is
/// optional; an absent one keeps the site's own starting condition.
///
/// Keyed by component name so that it survives ``Site/windowed(_:)``, which drops training
/// jobs outside the window.
public struct InitialState: Sendable, Equatable {
    /// State of charge at the start of the first step, MWh, per battery name (replaces
    /// `initial_soc_fraction x energy_mwh`). A `final_soc: cyclic` battery keeps its end
    /// condition on the site's own initial state of charge, not on this one.
    public var batterySOCMWh: [String: Double] = [:]
    /// SMR fleet output in the step before the first, MW: the first step's ramp rows bind
    /// against it (without it they are free, as at the start of a horizon).
    public var previousSMRMW: Double?
    /// SMR units available in the step before the first (for the ramp allowance of a unit
    /// returning from an outage); the first step's count when absent.
    public var previousSMRAvailableUnits: Int?
    /// Net site intake in the step before the first, MW (`limits.ramp_limit_mw_per_hour`).
    public var previousIntakeMW: Double?
    /// Energy already delivered per training job name, MWh: the job's requirement in this
    /// model is what remains.
    public var trainingDeliveredMWh: [String: Double] = [:]
    /// Highest import so far per grid feed name, MW: the demand-charge peak starts there.
    public var peakImportMW: [String: Double] = [:]
    /// Integer SMR commitment: units online in the step before the first (without it, every
    /// available unit, as at the start of a horizon).
    public var smrOnlineUnits: Double?
    /// Units started and shut down (forced shutdowns included) in the steps before the
    /// first, oldest first, the step just before last; only the last `min up/down - 1` matter.
    /// Startups still inside their minimum up time keep units online in the first steps, and
    /// shutdowns inside their minimum down time keep them off, as in one long model.
    public var smrStartupsBefore: [Double] = []
    public var smrShutdownsBefore: [Double] = []
    /// Units lost to outages in the steps before the first (same order): forced shutdowns,
    /// which do not count against the units that may come back online.
    public var smrForcedBefore: [Double] = []
    /// What the intensity-cap and CFE rows counted in the steps before the first: each row then
    /// holds on those steps and the model's together (docs/operations.md, 3). Zero: the model's
    /// steps alone, as in a plain solve.
    public var carbonRatiosSoFar = CarbonRatioTally()

    public init() {}
}

/// Conditions at the end of a window that replace the site's end-of-horizon ones: where a
/// longer plan says the run should stand, so that a short window does not empty the
/// battery or postpone a training job whose deadline it cannot see.
public struct TerminalTargets: Sendable, Equatable {
    /// State of charge at the end of the last step, at least, MWh, per battery name
    /// (replaces `final_soc`).
    public var batterySOCMWh: [String: Double] = [:]
    /// Cumulative energy (delivered before the window plus inside it) at the end of the last
    /// step, at least, MWh, per training job name. A job named here may end the window
    /// short of its requirement (its energy row becomes `target - delivered <= energy <=
    /// remaining`); a job not named here must meet its (remaining) requirement in the window.
    public var trainingCumulativeMWh: [String: Double] = [:]
    /// Intensity cap: the headroom `cap x IT / 1000 - emissions` (t) at the end of the last
    /// step, counted from the start of the run (``InitialState/carbonRatiosSoFar`` plus the
    /// model), at least; nil: 0, the cap on everything so far. Negative: a deficit allowed now
    /// that later steps must make up.
    public var intensityHeadroomTonnes: Double?
    /// CFE target: the surplus `matched - share x consumed` (MWh) at the end, counted the same
    /// way, at least; nil: 0.
    public var cfeSurplusMWh: Double?
    /// When set, the two ratio targets above are soft: each t of intensity headroom and each
    /// MWh of CFE surplus short of its target costs this much (USD), so the model gets as close
    /// to them as it can instead of having no solution.
    public var carbonRatioShortfallPenaltyUSD: Double?

    public init() {}
}

extension InitialState {
    /// The site with the starting and end conditions that the site format can express set
    /// on it: battery initial and final state of charge, each job's remaining energy.
    func applied(to site: Site, terminal: TerminalTargets?) -> Site {
        var site = site
        site.batteries = site.batteries.map { battery in
            var battery = battery
            guard battery.energyMWh > 0 else { return battery }
            if case .cyclic = battery.finalSOC { battery.finalSOC = .fraction(battery.initialSOCFraction) }
            if let soc = batterySOCMWh[battery.name] { battery.initialSOCFraction = soc / battery.energyMWh }
            if let target = terminal?.batterySOCMWh[battery.name] { battery.finalSOC = .fraction(target / battery.energyMWh) }
            return battery
        }
        site.trainingJobs = site.trainingJobs.map { job in
            var job = job
            job.energyMWh = max(0, job.energyMWh - (trainingDeliveredMWh[job.name] ?? 0))
            return job
        }
        return site
    }
}

extension SiteModel {
    /// Adds the starting and end conditions the site format has no key for: the first
    /// step's SMR and site ramp rows against the previous step, the peak import so far, and
    /// training targets below the remaining requirement. `site` is the site as compiled.
    mutating func apply(initial: InitialState, terminal: TerminalTargets?, site: Site) {
        let hours = site.horizon.stepHours
        if let smr = site.smr, let output = self.smr, let previous = initial.previousSMRMW, output.count > 0 {
            let availableNow = Double(smr.availableUnits.first ?? smr.units)
            let availableBefore = Double(initial.previousSMRAvailableUnits ?? Int(availableNow))
            let rampMW = smr.rampFractionPerHour * smr.capacityMW * hours
            let up = program.addRow(lower: -.infinity, upper: previous + rampMW + max(0, availableNow - availableBefore) * smr.capacityMWPerUnit,
                                    name: "smr_ramp_up_initial")
            program.addCoefficient(up, output[0], 1)
            let down = program.addRow(lower: previous - rampMW - max(0, availableBefore - availableNow) * smr.capacityMWPerUnit, upper: .infinity,
                                      name: "smr_ramp_down_initial")
            program.addCoefficient(down, output[0], 1)
        }
        if let ramp = site.limits.rampLimitMWPerHour, let previous = initial.previousIntakeMW, site.horizon.steps > 0 {
            let row = program.addRow(lower: previous - ramp * hours, upper: previous + ramp * hours, name: "site_ramp_initial")
            for (column, coefficient) in intakeColumns(step: 0) { program.addCoefficient(row, column, coefficient) }
        }
        for (index, feed) in site.gridFeeds.enumerated() {
            guard let peak = gridPeak[index], let sofar = initial.peakImportMW[feed.name] else { continue }
            let upper = program.columnUpper[peak.index]
            program.setBounds(peak, lower: min(max(0, sofar), upper), upper: upper)
        }
        if let smr = site.smr, let commitment = smrCommitment, let online = initial.smrOnlineUnits, site.horizon.steps > 0 {
            applyCommitmentHistory(initial, commitment: commitment, smr: smr, online: online)
        }
        applyCarbonRatios(initial.carbonRatiosSoFar, terminal: terminal, carbon: site.carbon)
        for (index, job) in site.trainingJobs.enumerated() {
            guard let cumulative = terminal?.trainingCumulativeMWh[job.name] else { continue }
            let minimum = min(job.energyMWh, max(0, cumulative - (initial.trainingDeliveredMWh[job.name] ?? 0)))
            program.setBounds(trainingEnergy[index], lower: minimum, upper: job.energyMWh)
        }
    }

    /// Moves the ratio rows' bounds so that each holds on the steps before plus the model's, up
    /// to the end target (soft, with a priced shortfall column, when the targets say so): with `S` the tally so far and `W` the model's own terms,
    /// `S.emissions + W.emissions - k (S.IT + W.IT) / 1000 <= -target`, i.e. the row's upper bound
    /// rises by `k S.IT / 1000 - S.emissions - target`; and
    /// `(S.matched - s S.consumed) + (1 - s) W.matched - s W.unmatched >= target`.
    private mutating func applyCarbonRatios(_ sofar: CarbonRatioTally, terminal: TerminalTargets?, carbon: CarbonPolicy) {
        if let row = intensityCap, let cap = carbon.intensityCapGramsPerKWhIT {
            let allowance = sofar.intensityHeadroomTonnes(capGramsPerKWh: cap) - (terminal?.intensityHeadroomTonnes ?? 0)
            program.setBounds(row, lower: program.rowLower[row.index], upper: program.rowUpper[row.index] + allowance)
        }
        if let row = cfeTarget, let share = carbon.cfeTargetShare {
            let allowance = sofar.cfeSurplusMWh(targetShare: share) - (terminal?.cfeSurplusMWh ?? 0)
            program.setBounds(row, lower: program.rowLower[row.index] - allowance, upper: program.rowUpper[row.index])
        }
        if let penalty = terminal?.carbonRatioShortfallPenaltyUSD {
            if let row = intensityCap { program.addCoefficient(row, program.addColumn(objective: penalty, name: "intensity_headroom_shortfall"), -1) }
            if let row = cfeTarget { program.addCoefficient(row, program.addColumn(objective: penalty, name: "cfe_surplus_shortfall"), 1) }
        }
    }

    /// Binds integer commitment's look-back rows to what happened before the first step:
    /// the transition starts from the units online then, and the first minimum up/down rows
    /// count the startups and (voluntary) shutdowns whose minimum times reach into the window.
    /// The rows are then exactly those of one model over both periods.
    private mutating func applyCommitmentHistory(_ initial: InitialState, commitment: SMRCommitmentRows, smr: SMRFleet, online: Double) {
        let steps = commitment.transition.count
        // units[0] - startups[0] + shutdowns[0] = units online before.
        program.setBounds(commitment.transition[0], lower: online, upper: online)
        // The unit lost to an outage between the step before and the first is forced.
        let availableBefore = Double(initial.previousSMRAvailableUnits ?? smr.availableUnits[0])
        let forcedAtFirst = max(0, availableBefore - Double(smr.availableUnits[0]))
        /// History value `back` steps before the first (1 = the step just before), 0 when unknown.
        func before(_ history: [Double], _ back: Int) -> Double { back <= history.count ? history[history.count - back] : 0 }
        for t in 0..<min(steps, commitment.upSteps - 1) {
            // Startups at steps t - lag < 0 for lag < upSteps.
            var earlier = 0.0
            for lag in (t + 1)..<commitment.upSteps { earlier += before(initial.smrStartupsBefore, lag - t) }
            let row = commitment.minimumUp[t]
            program.setBounds(row, lower: -.infinity, upper: program.rowUpper[row.index] - earlier)
        }
        for t in 0..<min(steps, commitment.downSteps) {
            // Shutdowns at steps t - lag < 0, and forced outages at steps t - lag <= 0 (the
            // window's own rows count those at steps >= 1).
            var shutdowns = 0.0, forced = 0.0
            for lag in 0..<commitment.downSteps {
                let step = t - lag
                if step < 0 { shutdowns += before(initial.smrShutdownsBefore, -step); forced += before(initial.smrForcedBefore, -step) }
                if step == 0 { forced += forcedAtFirst }
            }
            let row = commitment.minimumDown[t]
            program.setBounds(row, lower: -.infinity, upper: program.rowUpper[row.index] - shutdowns + forced)
        }
    }

    /// Columns and signs of the net site intake in one step (SMR, imports minus exports,
    /// renewables, backup; batteries excluded), as in the site ramp rows.
    public func intakeColumns(step: Int) -> [(Column, Double)] {
        var terms: [(Column, Double)] = []
        if let smr { terms.append((smr[step], 1)) }
        for (imports, exports) in zip(gridImport, gridExport) {
            terms.append((imports[step], 1))
            terms.append((exports[step], -1))
        }
        for block in renewable { terms.append((block[step], 1)) }
        for block in backup { terms.append((block[step], 1)) }
        return terms
    }
}
