import Island

extension Schedule {
    /// A schedule assembled by a caller, for example the realised steps of a receding-horizon
    /// run (`insula operate`), to write with ``RunWriter``.
    public init(steps: [Step], jobs: [Job], kpis: KPIs = KPIs()) {
        self.init(steps: steps, jobs: jobs, kpis: kpis, capacities: [])
    }
}

extension Schedule.Job {
    /// A job's record from its power per step (MW) over `horizon`, and its work per step
    /// (full-power-equivalent MW; the power itself when nil, a job without a performance curve).
    public init(name: String, requiredMWh: Double, releaseUTC: String, deadlineUTC: String, powerMW: [Double], horizon: Horizon,
                workMW: [Double]? = nil) {
        self.name = name
        self.requiredMWh = requiredMWh
        self.releaseUTC = releaseUTC
        self.deadlineUTC = deadlineUTC
        self.powerMW = powerMW
        let running = powerMW.indices.filter { powerMW[$0] > 1e-6 }
        firstStepWithPower = running.first.map(horizon.label)
        lastStepWithPower = running.last.map(horizon.label)
        var cumulative = 0.0
        completionUTC = nil
        let work = workMW ?? powerMW
        for (step, power) in work.enumerated() {
            cumulative += power * horizon.stepHours
            if completionUTC == nil, requiredMWh > 0, cumulative >= requiredMWh - 1e-6 {
                completionUTC = Horizon.format(epochSeconds: horizon.epochSeconds(step + 1))
            }
        }
        deliveredMWh = cumulative
        undeliveredMWh = max(0, requiredMWh - cumulative)
        drawnMWh = powerMW.reduce(0, +) * horizon.stepHours
        recordRuns(running: powerMW.map { $0 > 1e-6 }, horizon: horizon)
    }

    /// Sets ``starts`` and ``pauses`` from a running flag per step of the horizon.
    mutating func recordRuns(running: [Bool], horizon: Horizon) {
        starts = 0
        pauses = []
        var lastRunning: Int?
        for (step, on) in running.enumerated() where on {
            if lastRunning != step - 1 {
                starts += 1
                if let last = lastRunning {
                    pauses.append(Schedule.Pause(job: name, startUTC: horizon.label(last + 1),
                                                 endUTC: horizon.label(step), hours: Double(step - last - 1) * horizon.stepHours))
                }
            }
            lastRunning = step
        }
    }
}
