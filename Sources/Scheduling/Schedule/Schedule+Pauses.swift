import Island
import Optimization

extension Schedule.Job {
    /// Reads a job's runs, pauses and restart losses from the solution (docs/results-schema.md,
    /// `jobs.csv` and `pauses.csv`) and adds them to the KPIs. With a pause model the delivered
    /// energy is the energy drawn less the restart energy; an exact model's runs follow its
    /// running flags, a relaxed model's (and a job without one) its power.
    mutating func readPause(_ job: TrainingJob, columns: TrainingPauseColumns?, value: (Column) -> Double, horizon: Horizon, kpis: inout KPIs) {
        var running = powerMW.map { $0 > 1e-6 }
        if let columns, let pause = job.pause {
            let startsLP = columns.starts.map(value).reduce(0, +)
            restartEnergyMWh = pause.restartEnergyMWh * startsLP
            restartCostUSD = pause.restartCostUSD * startsLP
            if pause.model == .exact {
                running = Array(repeating: false, count: horizon.steps)
                for t in job.steps { running[t] = value(columns.running[t - job.firstStep]) > 0.5 }
            }
            if restartEnergyMWh > 0 {
                deliveredMWh -= restartEnergyMWh
                undeliveredMWh = max(0, requiredMWh - deliveredMWh)
                // Completion: the step where the energy drawn less the restarts so far reaches the requirement.
                var net = 0.0
                completionUTC = nil
                for t in job.steps {
                    net += powerMW[t] * horizon.stepHours - pause.restartEnergyMWh * value(columns.starts[t - job.firstStep])
                    if completionUTC == nil, net >= requiredMWh - 1e-6 { completionUTC = Horizon.format(epochSeconds: horizon.epochSeconds(t + 1)) }
                }
            }
        }
        recordRuns(running: running, horizon: horizon)
        kpis.trainingRestartEnergyMWh += restartEnergyMWh
        kpis.trainingRestartCostUSD += restartCostUSD
        kpis.trainingPauses += pauses.count
    }

    /// The a-posteriori bound on a relaxed pause model's error (docs/formulation.md, 4.11): when
    /// every relaxed job's power is 0 or at least its minimum in each step, each run lasts its
    /// minimum run and no relaxed job has restart energy, setting u = 1 on the runs gives an
    /// exact schedule with the same power; it costs C x (runs - sum of relaxed starts) more per
    /// job. nil when a relaxed job does not round so, or there is no relaxed job.
    static func pauseGapBound(site: Site, model: SiteModel, value: (Column) -> Double) -> Double? {
        var bound = 0.0, anyRelaxed = false
        let hours = site.horizon.stepHours
        for (index, job) in site.trainingJobs.enumerated() {
            guard let pause = job.pause, pause.model == .relaxed, let columns = model.trainingPause[index] else { continue }
            anyRelaxed = true
            guard pause.restartEnergyMWh == 0 else { return nil }
            let power = model.training[index].map(value)
            let tolerance = 1e-6 * max(1, job.maxPowerMW)
            guard power.allSatisfy({ $0 <= tolerance || $0 >= job.minPowerMW - tolerance }) else { return nil }
            let minRun = pause.minRunSteps(stepHours: hours)
            var runs = 0, length = 0
            for (offset, megawatts) in power.enumerated() {
                if megawatts > tolerance {
                    if length == 0 { runs += 1 }
                    length += 1
                }
                if megawatts <= tolerance || offset == power.count - 1 {
                    if length > 0 && length < minRun { return nil }
                    if megawatts <= tolerance { length = 0 }
                }
            }
            let startsLP = columns.starts.map(value).reduce(0, +)
            bound += pause.restartCostUSD * max(0, Double(runs) - startsLP)
        }
        return anyRelaxed ? bound : nil
    }
}
