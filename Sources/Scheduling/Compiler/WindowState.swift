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
        for (index, job) in site.trainingJobs.enumerated() {
            guard let cumulative = terminal?.trainingCumulativeMWh[job.name] else { continue }
            let minimum = min(job.energyMWh, max(0, cumulative - (initial.trainingDeliveredMWh[job.name] ?? 0)))
            program.setBounds(trainingEnergy[index], lower: minimum, upper: job.energyMWh)
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
