import Island
import Optimization

extension Schedule.Job {
    /// Reads a job's runs, pauses and restart losses from the solution (docs/results-schema.md,
    /// `jobs.csv` and `pauses.csv`) and adds them to the KPIs. With a pause model the delivered
    /// energy is the energy drawn less the restart losses (restart energy x starts, and the power
    /// drawn in the lost time after each start); an exact model's runs follow its running flags,
    /// a relaxed model's (and a job without one) its power.
    mutating func readPause(_ job: TrainingJob, columns: TrainingPauseColumns?, value: (Column) -> Double, horizon: Horizon, kpis: inout KPIs) {
        var running = powerMW.map { $0 > 1e-6 }
        if let columns, let pause = job.pause {
            let startsLP = columns.starts.map(value).reduce(0, +)
            let lostMWh = columns.lost.map { $0.map(value).reduce(0, +) * horizon.stepHours } ?? 0
            restartEnergyMWh = pause.restartEnergyMWh * startsLP + lostMWh
            restartCostUSD = pause.restartCostUSD * startsLP
            if pause.model == .exact {
                running = Array(repeating: false, count: horizon.steps)
                for t in job.steps { running[t] = value(columns.running[t - job.firstStep]) > 0.5 }
            }
            if restartEnergyMWh > 0 {
                deliveredMWh -= restartEnergyMWh
                undeliveredMWh = max(0, requiredMWh - deliveredMWh)
                // Completion: the step where the energy drawn less the restart losses so far reaches the requirement.
                var net = 0.0
                completionUTC = nil
                for t in job.steps {
                    let offset = t - job.firstStep
                    net += (powerMW[t] - (columns.lost.map { value($0[offset]) } ?? 0)) * horizon.stepHours
                        - pause.restartEnergyMWh * value(columns.starts[offset])
                    if completionUTC == nil, net >= requiredMWh - 1e-6 { completionUTC = Horizon.format(epochSeconds: horizon.epochSeconds(t + 1)) }
                }
            }
        }
        recordRuns(running: running, horizon: horizon)
        kpis.trainingRestartEnergyMWh += restartEnergyMWh
        kpis.trainingRestartCostUSD += restartCostUSD
        kpis.trainingPauses += pauses.count
    }
}
