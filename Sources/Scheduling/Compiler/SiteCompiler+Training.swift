import Foundation
import Island
import Optimization

/// Columns of one job's pause model (docs/formulation.md, 4.13), indexed like the job's power
/// block (offset 0 = `job.firstStep`).
public struct TrainingPauseColumns: Sendable {
    /// Running flag u: binary (`pause.model: exact`) or in [0, 1] (`relaxed`).
    public var running: ColumnBlock
    /// Start indicator s >= u[t] - u[t-1], in [0, 1]; each start costs the restart energy and cost.
    public var starts: ColumnBlock
    /// With `restart_hours`: power drawn in the lost steps after a start that does no work, MW.
    public var lost: ColumnBlock?
}

extension SiteCompiler {
    /// Coefficients the training families of docs/formulation.md 4.13 add at most: the window
    /// share row (one per job step), group caps (one per member step), and per pause job step
    /// power bounds (4), transitions (3), energy (1) and the minimum run (1 + its length).
    static func trainingFlexibilityNonzeros(_ site: Site) -> Int {
        var total = 0
        for job in site.trainingJobs {
            let count = job.lastStep - job.firstStep + 1
            if job.minShareInWindow != nil { total += count }
            if let pause = job.pause {
                let hours = site.horizon.stepHours
                total += count * (10 + pause.minRunSteps(stepHours: hours))
                // Lost time: the lost column in three rows and the energy row, starts in two rows each.
                let lost = pause.restartSteps(stepHours: hours)
                if lost > 0 { total += count * (6 + 2 * lost) }
            }
        }
        for group in site.trainingGroups {
            for name in group.jobs {
                if let job = site.trainingJobs.first(where: { $0.name == name }) { total += job.lastStep - job.firstStep + 1 }
            }
        }
        return total
    }
}

extension Builder {
    /// Windows, window shares, group caps and pause and resume for the training jobs
    /// (docs/formulation.md, 4.13), on the power blocks and energy rows already built.
    mutating func addTrainingFlexibility(training: [ColumnBlock], energy: [Row]) -> [TrainingPauseColumns?] {
        let horizon = site.horizon, hours = self.hours
        var pauses: [TrainingPauseColumns?] = []
        for (index, job) in site.trainingJobs.enumerated() {
            let block = training[index]
            let mayRun = job.mayRun(horizon)
            // Outside a hard window the job gets no power.
            for offset in 0..<block.count where !mayRun[offset] { program.setBounds(block[offset], lower: 0, upper: 0) }
            if let share = job.minShareInWindow {
                // sum_in h p - share x sum_all h p >= 0.
                let inside = job.inWindow(horizon)
                let row = program.addRow(.greaterOrEqual, 0, name: name("training_window_share[\(job.name)]"))
                addSum(row, block, firstStep: job.firstStep) { inside[$0] ? hours * (1 - share) : -hours * share }
            }
            pauses.append(job.pause == nil ? nil : addPause(job, power: block, energy: energy[index], mayRun: mayRun))
        }
        addGroupCaps(training: training)
        return pauses
    }

    /// Pause and resume: p in [min u, max u], s[t] >= u[t] - u[t-1] (u before the first step 0),
    /// u[t] >= sum of s over the last L steps (a start runs L steps), restart energy R x s in the
    /// energy row, restart cost C x s in the objective. With `restart_hours` (K steps), a lost
    /// column q[t] takes the power of the K steps from each start out of the energy row:
    /// q <= p, q <= P sum_{last K} s, p - q <= P (1 - sum_{last K} s); s is then binary in the
    /// exact model (a fractional s would let a job waste energy outside its restarts). A hard job
    /// gets `sum s >= 1`.
    mutating func addPause(_ job: TrainingJob, power: ColumnBlock, energy: Row, mayRun: [Bool]) -> TrainingPauseColumns {
        guard let pause = job.pause else { preconditionFailure("addPause needs a job with pause") }
        let count = power.count, first = job.firstStep
        let label: ((String) -> ((Int) -> String)?) = { [labels, names = options.names] family in
            names ? { "\(family)[\(sanitized(job.name)),\(labels[first + $0])]" } : nil
        }
        let running = program.addColumns(count: count, upper: { mayRun[$0] ? 1 : 0 },
                                         kind: pause.model == .exact ? .integer : .continuous, name: label("training_running"), family: blockKey("training_running", job.name), firstStep: first)
        let lostSteps = pause.restartSteps(stepHours: hours)
        let starts = program.addColumns(count: count, upper: { mayRun[$0] ? 1 : 0 }, objective: { _ in pause.restartCostUSD },
                                        kind: pause.model == .exact && lostSteps > 0 ? .integer : .continuous,
                                        name: label("training_start"), family: blockKey("training_start", job.name), firstStep: first)
        for offset in 0..<count { program.setBounds(power[offset], lower: 0, upper: mayRun[offset] ? job.maxPowerMW : 0) }
        let upper = program.addRows(count: count, .lessOrEqual, rhs: { _ in 0 }, name: label("training_running_max"), family: blockKey("training_running_max", job.name), firstStep: first)
        program.addCoefficients(rows: upper, columns: power, value: 1)
        program.addCoefficients(rows: upper, columns: running, value: -job.maxPowerMW)
        let lower = program.addRows(count: count, .greaterOrEqual, rhs: { _ in 0 }, name: label("training_running_min"), family: blockKey("training_running_min", job.name), firstStep: first)
        program.addCoefficients(rows: lower, columns: power, value: 1)
        program.addCoefficients(rows: lower, columns: running, value: -job.minPowerMW)
        let transition = program.addRows(count: count, .greaterOrEqual, rhs: { _ in 0 }, name: label("training_start_transition"), family: blockKey("training_start_transition", job.name), firstStep: first)
        program.addCoefficients(rows: transition, columns: starts, value: 1)
        program.addCoefficients(rows: transition, columns: running, value: -1)
        for offset in 1..<max(1, count) { program.addCoefficient(transition[offset], running[offset - 1], 1) }
        let minRun = pause.minRunSteps(stepHours: hours)
        if minRun > 1 {
            let rows = program.addRows(count: count, .greaterOrEqual, rhs: { _ in 0 }, name: label("training_min_run"), family: blockKey("training_min_run", job.name), firstStep: first)
            program.addCoefficients(rows: rows, columns: running, value: 1)
            for offset in 0..<count {
                for back in max(0, offset - minRun + 1)...offset { program.addCoefficient(rows[offset], starts[back], -1) }
            }
            // A run started within L steps of the window's end must still fit: no start there.
            for offset in max(0, count - minRun + 1)..<count { program.setBounds(starts[offset], lower: 0, upper: 0) }
        }
        if pause.restartEnergyMWh > 0 { addSum(energy, starts, firstStep: first) { _ in -pause.restartEnergyMWh } }
        var lost: ColumnBlock?
        if lostSteps > 0 {
            let maximum = job.maxPowerMW
            let block = program.addColumns(count: count, upper: { mayRun[$0] ? maximum : 0 }, name: label("training_restart_lost"), family: blockKey("training_restart_lost", job.name), firstStep: first)
            let drawn = program.addRows(count: count, .lessOrEqual, rhs: { _ in 0 }, name: label("training_lost_drawn"), family: blockKey("training_lost_drawn", job.name), firstStep: first)
            program.addCoefficients(rows: drawn, columns: block, value: 1)
            program.addCoefficients(rows: drawn, columns: power, value: -1)
            let onlyAfterStart = program.addRows(count: count, .lessOrEqual, rhs: { _ in 0 }, name: label("training_lost_after_start"), family: blockKey("training_lost_after_start", job.name), firstStep: first)
            program.addCoefficients(rows: onlyAfterStart, columns: block, value: 1)
            let noWork = program.addRows(count: count, .lessOrEqual, rhs: { _ in maximum }, name: label("training_no_work_restarting"), family: blockKey("training_no_work_restarting", job.name), firstStep: first)
            program.addCoefficients(rows: noWork, columns: power, value: 1)
            program.addCoefficients(rows: noWork, columns: block, value: -1)
            for offset in 0..<count {
                for back in max(0, offset - lostSteps + 1)...offset {
                    program.addCoefficient(onlyAfterStart[offset], starts[back], -maximum)
                    program.addCoefficient(noWork[offset], starts[back], maximum)
                }
            }
            let stepHours = hours
            addSum(energy, block, firstStep: first) { _ in -stepHours }
            lost = block
        }
        // A hard job must start at least once: valid for every exact schedule, and it makes the
        // relaxation see min_power x min_run (an LP proves at once what branch-and-cut would
        // search a tree for). Not in the elastic model (a job may then deliver nothing) nor in a
        // receding-horizon window (the job may be done, or deliver nothing in this window).
        if job.undeliveredPenaltyUSDPerMWh == nil, job.energyMWh > 0, !options.elastic,
           options.initialState == nil, options.terminal == nil {
            let row = program.addRow(.greaterOrEqual, 1, name: name("training_must_start[\(job.name)]"))
            program.addCoefficients(row: row, columns: starts) { _ in 1 }
        }
        return TrainingPauseColumns(running: running, starts: starts, lost: lost)
    }

    /// sum over a group's jobs of p[j,t] <= cap[t], one row per step any member may run in.
    mutating func addGroupCaps(training: [ColumnBlock]) {
        for group in site.trainingGroups {
            let members = group.jobs.compactMap { name in site.trainingJobs.firstIndex { $0.name == name } }
            guard let first = members.map({ site.trainingJobs[$0].firstStep }).min(),
                  let last = members.map({ site.trainingJobs[$0].lastStep }).max() else { continue }
            for t in first...last {
                let row = program.addRow(.lessOrEqual, group.maxPowerMW[t], name: options.names ? sanitized("training_group_cap[\(group.name),\(labels[t])]") : "")
                for member in members where site.trainingJobs[member].steps.contains(t) {
                    program.addCoefficient(row, training[member][t - site.trainingJobs[member].firstStep], 1)
                }
            }
        }
    }
}
