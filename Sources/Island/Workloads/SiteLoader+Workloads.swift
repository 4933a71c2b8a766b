import Foundation

extension SiteLoader {
    static func readWorkloads(_ root: MappingReader, itFleet: ITFleet?) -> (InferenceWorkload?, [TrainingJob], [TrainingGroup]) {
        let context = root.context
        let zeros = context.horizon.map { [Double](repeating: 0, count: $0.steps) }
        guard root.has("workloads") else { return (zeros.map { InferenceWorkload(demandMW: $0) }, [], []) }
        guard let reader = root.mapping("workloads", allowedKeys: ["inference", "training_jobs", "training_groups", "timezone",
                                                                  "performance_curves"]) else { return (nil, [], []) }
        let zone = readTrainingZone(reader)
        let curves = readPerformanceCurves(reader, itFleet: itFleet)
        let inference = readInference(reader, itFleet: itFleet, curves: curves) ?? (reader.has("inference") ? nil
            : zeros.map { InferenceWorkload(demandMW: $0) })
        var jobs: [TrainingJob] = []
        var names: Set<String> = []
        for item in reader.list("training_jobs") {
            guard let job = readTrainingJob(item.node, path: item.path, itFleet: itFleet, curves: curves, context: context, zone: zone) else { continue }
            if !names.insert(job.name).inserted {
                context.report("\(item.path).name", node: item.node, "duplicate job name \(Echo.quoted(job.name))")
                continue
            }
            jobs.append(job)
        }
        return (inference, jobs, readTrainingGroups(reader, jobs: jobs))
    }

    private static func readInference(_ workloads: MappingReader, itFleet: ITFleet?, curves: [String: PerformanceCurve]) -> InferenceWorkload? {
        guard let reader = workloads.mapping("inference", allowedKeys: ["demand_mw", "tokens_per_second",
                                                                        "value_of_lost_service_usd_per_mwh",
                                                                        "performance_curve", "min_power_fraction"]) else {
            return nil
        }
        guard case .success(let performance) = readWorkloadPerformance(reader, curves: curves) else { return nil }
        // Tokens per MWh at full power: the curve's token rate, else the fleet's constant.
        let tokensPerMWh = itFleet.flatMap { fleet in
            performance?.curve.tokensPerMWhAtFullPower(powerPerRackKW: fleet.powerPerRackKW) ?? fleet.tokensPerMWh
        }
        let lostValue = reader.number("value_of_lost_service_usd_per_mwh", unit: "USD/MWh", range: .nonNegative)
        if reader.has("value_of_lost_service_usd_per_mwh") && lostValue == nil { return nil }
        var demand: [Double]?
        switch (reader.has("demand_mw"), reader.has("tokens_per_second")) {
        case (true, true):
            reader.report("tokens_per_second", "give either demand_mw or tokens_per_second, not both")
            return nil
        case (false, false):
            reader.reportMissing("demand_mw", "MW of IT power, or tokens_per_second")
            return nil
        case (true, false):
            demand = reader.series("demand_mw", unit: "MW", range: capacityRange)
        case (false, true):
            let tokens = reader.series("tokens_per_second", unit: "tokens/s", range: .nonNegative)
            guard itFleet != nil else { return nil }
            guard let tokensPerMWh else {
                reader.report("tokens_per_second", "needs it_fleet.tokens_per_mwh, or a performance_curve with tokens_per_second_per_rack_at_full_power, to convert tokens to MW")
                return nil
            }
            // MW = tokens/s x 3600 s/h / (tokens/MWh).
            demand = tokens?.map { $0 * 3600 / tokensPerMWh }
        }
        guard let demand, let itFleet, let horizon = reader.context.horizon else { return nil }
        let key = reader.has("demand_mw") ? "demand_mw" : "tokens_per_second"
        if let step = demand.firstIndex(where: { $0 > itFleet.capacityMW * (1 + 1e-9) }) {
            let count = demand.filter { $0 > itFleet.capacityMW * (1 + 1e-9) }.count
            reader.report(key, "inference demand \(formatNumber(demand[step])) MW at \(horizon.label(step)) (step \(step)) exceeds the IT capacity \(formatNumber(itFleet.capacityMW)) MW (\(count) step\(count == 1 ? "" : "s") in all)")
            return nil
        }
        return InferenceWorkload(demandMW: demand, valueOfLostServiceUSDPerMWh: lostValue, performance: performance,
                                 tokensPerMWhAtFullPower: tokensPerMWh)
    }

    private static func readTrainingJob(_ node: YAMLNode, path: String, itFleet: ITFleet?,
                                        curves: [String: PerformanceCurve], context: LoadContext, zone: TimeZoneSpec?) -> TrainingJob? {
        let keys = ["name", "energy_mwh", "gpu_hours", "kw_per_gpu", "release_utc", "deadline_utc", "max_power_mw",
                    "min_power_mw", "undelivered_penalty_usd_per_mwh", "tokens", "performance_curve", "min_power_fraction"]
            + trainingFlexibilityKeys
        guard let reader = MappingReader(node, path: path, context: context, allowedKeys: keys) else { return nil }
        let name = reader.string("name", required: true)
        guard case .success(let performance) = readWorkloadPerformance(reader, curves: curves) else { return nil }
        let tokensPerMWh = itFleet.flatMap { performance?.curve.tokensPerMWhAtFullPower(powerPerRackKW: $0.powerPerRackKW) }
        var energy: Double?
        if reader.has("tokens") {
            // Work in tokens: full-power-equivalent MWh = tokens / tokens per MWh at full power.
            if reader.has("energy_mwh") || reader.has("gpu_hours") || reader.has("kw_per_gpu") {
                reader.report("tokens", "give one of tokens, energy_mwh, or gpu_hours with kw_per_gpu")
            }
            let tokens = reader.number("tokens", unit: "tokens", range: .above(0, atMost: 1e18))
            if tokens != nil, performance == nil {
                reader.report("tokens", "needs performance_curve with tokens_per_second_per_rack_at_full_power to convert tokens to energy")
            } else if tokens != nil, let performance, itFleet != nil, tokensPerMWh == nil {
                reader.report("tokens", "performance curve \(Echo.quoted(performance.curve.name)) has no tokens_per_second_per_rack_at_full_power to convert tokens to energy")
            } else if let tokens, let tokensPerMWh {
                energy = tokens / tokensPerMWh
            }
        } else if reader.has("energy_mwh") {
            if reader.has("gpu_hours") || reader.has("kw_per_gpu") {
                reader.report("gpu_hours", "give either energy_mwh or gpu_hours with kw_per_gpu, not both")
            }
            energy = reader.number("energy_mwh", unit: "MWh", range: .above(0, atMost: 1e9))
        } else if reader.has("gpu_hours") || reader.has("kw_per_gpu") {
            let hours = reader.number("gpu_hours", unit: "GPU-h", range: .positive, required: true)
            let kilowatts = reader.number("kw_per_gpu", unit: "kW", range: .above(0, atMost: 100), required: true)
            if let hours, let kilowatts { energy = hours * kilowatts / 1000 }
        } else {
            reader.reportMissing("energy_mwh", "MWh, gpu_hours with kw_per_gpu, or tokens with a performance_curve")
        }
        let release = reader.timestamp("release_utc", required: true)
        let deadline = reader.timestamp("deadline_utc", required: true)
        let maxPower = reader.number("max_power_mw", unit: "MW", range: .above(0, atMost: maximumCapacityMW))
            ?? (reader.has("max_power_mw") ? nil : itFleet?.capacityMW)
        let minPower = reader.number("min_power_mw", unit: "MW", range: capacityRange, default: 0)
        let penalty = reader.number("undelivered_penalty_usd_per_mwh", unit: "USD/MWh", range: .nonNegative)
        if reader.has("undelivered_penalty_usd_per_mwh") && penalty == nil { return nil }
        guard let name, let energy, let release, let deadline, let maxPower, let minPower,
              let horizon = context.horizon, let itFleet else { return nil }
        var valid = true
        if deadline <= release {
            reader.report("deadline_utc", "must be after release_utc (\(Horizon.format(epochSeconds: release))), got \(Horizon.format(epochSeconds: deadline))")
            return nil
        }
        if release < horizon.startEpochSeconds {
            reader.report("release_utc", "must lie within the horizon (\(horizon.label(0)) to \(Horizon.format(epochSeconds: horizon.endEpochSeconds))), got \(Horizon.format(epochSeconds: release))")
            valid = false
        }
        if deadline > horizon.endEpochSeconds {
            reader.report("deadline_utc", "must lie within the horizon (\(horizon.label(0)) to \(Horizon.format(epochSeconds: horizon.endEpochSeconds))), got \(Horizon.format(epochSeconds: deadline))")
            valid = false
        }
        if minPower > maxPower {
            reader.report("min_power_mw", "must not exceed max_power_mw (\(formatNumber(maxPower)) MW), got \(formatNumber(minPower))")
            valid = false
        }
        if maxPower > itFleet.capacityMW * (1 + 1e-12) {
            reader.report("max_power_mw", "must not exceed the IT capacity (\(formatNumber(itFleet.capacityMW)) MW), got \(formatNumber(maxPower))")
            valid = false
        }
        guard valid else { return nil }
        // Steps wholly inside [release, deadline].
        let firstStep = Int((release - horizon.startEpochSeconds + horizon.stepSeconds - 1) / horizon.stepSeconds)
        let lastStep = Int((deadline - horizon.startEpochSeconds) / horizon.stepSeconds) - 1
        guard firstStep <= lastStep else {
            reader.report("deadline_utc", "the window \(Horizon.format(epochSeconds: release)) to \(Horizon.format(epochSeconds: deadline)) holds no whole \(horizon.stepMinutes)-minute step")
            return nil
        }
        // Energy, floor, window and pause checks (SiteLoader+Training.swift).
        let job = TrainingJob(name: name, energyMWh: energy, releaseUTC: Date(timeIntervalSince1970: Double(release)),
                              deadlineUTC: Date(timeIntervalSince1970: Double(deadline)), maxPowerMW: maxPower,
                              minPowerMW: minPower, undeliveredPenaltyUSDPerMWh: penalty, firstStep: firstStep,
                              lastStep: lastStep, performance: performance, tokensPerMWhAtFullPower: tokensPerMWh)
        if job.performance != nil, reader.has("pause") {
            // Not yet formulated together: the pause rows bound drawn power, the capping
            // columns split it into operating points with work per MWh (docs/formulation.md).
            reader.report("pause", "a job with a performance_curve cannot pause yet; give one or the other")
            return nil
        }
        return readTrainingFlexibility(reader, job: job, zone: zone)
    }
}
