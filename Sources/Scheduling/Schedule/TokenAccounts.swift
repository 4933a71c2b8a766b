import Foundation
import Island
import Optimization

/// Reads the power-capping columns back: power drawn, racks occupied and work done by each
/// workload per step (docs/formulation.md, 4.14), and the tokens that work is.
struct CappingReadback {
    let site: Site
    let model: SiteModel
    let values: [Double]
    /// Full-power-equivalent MWh done below full power, for the capped-share KPIs.
    var cappedInferenceWorkMWh = 0.0
    var cappedTrainingWorkMWh = 0.0

    private func value(_ column: Column) -> Double {
        let raw = values[column.index]
        return abs(raw) < 1e-9 ? 0 : raw
    }

    /// Inference at step `t` with `shedMW` shed: MW drawn, and MW of racks occupied (at full power).
    mutating func inference(step t: Int, shedMW: Double) -> (drawnMW: Double, racksMW: Double) {
        let work = site.inference.demandMW[t] - shedMW
        guard let curve = site.inference.performance?.curve, !model.capping.inference.isEmpty else { return (work, work) }
        var drawn = 0.0, racks = 0.0, cappedWork = 0.0
        for (point, block) in zip(curve.cappedPoints, model.capping.inference) {
            let megawatts = value(block[t])
            drawn += megawatts
            racks += megawatts / point.powerFraction
            cappedWork += megawatts * point.workPerMWh
        }
        let full = max(0, work - cappedWork)
        cappedInferenceWorkMWh += cappedWork * site.horizon.stepHours
        return (full + drawn, full + racks)
    }

    /// Training job `index` at step `t` (inside its window): MW drawn, full-power-equivalent MW of
    /// work, and MW of racks occupied.
    func training(job index: Int, step t: Int) -> (drawnMW: Double, workMW: Double, racksMW: Double, cappedWorkMW: Double) {
        let job = site.trainingJobs[index]
        let full = value(model.training[index][t - job.firstStep])
        var drawn = full, work = full, racks = full, cappedWork = 0.0
        if let curve = job.performance?.curve, index < model.capping.training.count {
            for (point, block) in zip(curve.cappedPoints, model.capping.training[index]) {
                let megawatts = value(block[t - job.firstStep])
                drawn += megawatts
                work += megawatts * point.workPerMWh
                racks += megawatts / point.powerFraction
                cappedWork += megawatts * point.workPerMWh
            }
        }
        return (drawn, work, racks, cappedWork)
    }

    /// Sets the step's inference and training power, token rates and power fractions.
    mutating func fill(_ step: inout Schedule.Step, step t: Int, shedMW: Double) {
        let inference = inference(step: t, shedMW: shedMW)
        step.inferenceMW = inference.drawnMW
        step.inferencePowerFraction = inference.racksMW > 1e-9 ? inference.drawnMW / inference.racksMW : 0
        if let tokensPerMWh = site.inference.tokensPerMWhAtFullPower {
            // Work in full-power MW x tokens per MWh / 3600 s per h.
            step.inferenceTokensPerSecond = (site.inference.demandMW[t] - shedMW) * tokensPerMWh / 3600
            step.inferenceShedTokensPerSecond = shedMW * tokensPerMWh / 3600
        }
        var racks = 0.0
        for (index, job) in site.trainingJobs.enumerated() where job.steps.contains(t) {
            let training = training(job: index, step: t)
            step.trainingMW += training.drawnMW
            racks += training.racksMW
            cappedTrainingWorkMWh += training.cappedWorkMW * site.horizon.stepHours
            if let tokensPerMWh = job.tokensPerMWhAtFullPower { step.trainingTokensPerSecond += training.workMW * tokensPerMWh / 3600 }
        }
        step.trainingPowerFraction = racks > 1e-9 ? step.trainingMW / racks : 0
    }
}

/// Token KPIs: tokens served and the energy, cost and emissions allocated to them
/// (docs/results-schema.md, "Token KPIs").
///
/// Allocation rule, per step: the facility's energy cost of the step (`it_energy_cost_usd`,
/// demand charges spread over steps by IT energy), its location-based emissions (`emissions_t`)
/// and its IT energy (idle racks included) are shared among the working workloads in
/// proportion to the IT power each draws. Site figures are over the workloads with a token rate.
enum TokenAccounts {
    static func finish(site: Site, steps: inout [Schedule.Step], jobs: inout [Schedule.Job], kpis: inout KPIs,
                       cappedInferenceWorkMWh: Double, cappedTrainingWorkMWh: Double) {
        let hours = site.horizon.stepHours
        if kpis.demandChargeUSD > 0, kpis.itEnergyMWh > 0 {
            for index in steps.indices { steps[index].itEnergyCostUSD += kpis.demandChargeUSD * steps[index].itMW * hours / kpis.itEnergyMWh }
        }
        var inference = Allocation(), training = Allocation()
        for (t, step) in steps.enumerated() {
            let working = step.inferenceMW + step.trainingMW
            guard working > 1e-12 else { continue }
            inference.add(step, share: step.inferenceMW / working, hours: hours)
            for index in jobs.indices where jobs[index].powerMW[t] > 0 {
                let share = jobs[index].powerMW[t] / working
                jobs[index].allocatedCostUSD += step.itEnergyCostUSD * share
                jobs[index].allocatedEmissionsTonnes += step.emissionsTonnes * share
                jobs[index].allocatedITEnergyMWh += step.itMW * share * hours
            }
        }
        kpis.inferenceTokensServed = steps.reduce(0) { $0 + $1.inferenceTokensPerSecond } * 3600 * hours
        kpis.inferenceTokensShed = steps.reduce(0) { $0 + $1.inferenceShedTokensPerSecond } * 3600 * hours
        inference.tokens = site.inference.tokensPerMWhAtFullPower == nil ? 0 : kpis.inferenceTokensServed
        for job in jobs where job.tokens != nil {
            training.tokens += job.tokens ?? 0
            training.costUSD += job.allocatedCostUSD
            training.emissionsTonnes += job.allocatedEmissionsTonnes
            training.energyMWh += job.allocatedITEnergyMWh
        }
        kpis.trainingTokensServed = training.tokens
        kpis.tokensServed = inference.tokens + training.tokens
        (kpis.inferenceEnergyPerTokenJoules, kpis.inferenceCostUSDPerMillionTokens, kpis.inferenceEmissionsGramsPerThousandTokens) = inference.ratios
        (kpis.trainingEnergyPerTokenJoules, kpis.trainingCostUSDPerMillionTokens, kpis.trainingEmissionsGramsPerThousandTokens) = training.ratios
        var total = Allocation()
        for part in [inference, training] where part.tokens > 0 {
            total.tokens += part.tokens
            total.costUSD += part.costUSD
            total.emissionsTonnes += part.emissionsTonnes
            total.energyMWh += part.energyMWh
        }
        (kpis.energyPerTokenJoules, kpis.costUSDPerMillionTokens, kpis.emissionsGramsPerThousandTokens) = total.ratios
        var servedInferenceMWh = 0.0
        for (demand, step) in zip(site.inference.demandMW, steps) { servedInferenceMWh += (demand - step.inferenceShedMW) * hours }
        let deliveredTrainingMWh = jobs.reduce(0.0) { $0 + $1.deliveredMWh }
        kpis.inferenceCappedShare = servedInferenceMWh > 1e-9 ? min(1, cappedInferenceWorkMWh / servedInferenceMWh) : 0
        kpis.trainingCappedShare = deliveredTrainingMWh > 1e-9 ? min(1, cappedTrainingWorkMWh / deliveredTrainingMWh) : 0
    }

    /// IT energy, cost and emissions allocated to a group of workloads, and their tokens.
    struct Allocation {
        var energyMWh = 0.0, costUSD = 0.0, emissionsTonnes = 0.0, tokens = 0.0

        mutating func add(_ step: Schedule.Step, share: Double, hours: Double) {
            energyMWh += step.itMW * share * hours
            costUSD += step.itEnergyCostUSD * share
            emissionsTonnes += step.emissionsTonnes * share
        }

        /// J/token (3.6e9 J per MWh), USD per million tokens, g per thousand tokens; zeros without tokens.
        var ratios: (Double, Double, Double) {
            guard tokens > 0 else { return (0, 0, 0) }
            let joules: Double = energyMWh * 3.6e9 / tokens
            let dollarsPerMillion: Double = costUSD * 1e6 / tokens
            // t x 1e6 g/t per thousand tokens.
            let gramsPerThousand: Double = emissionsTonnes * 1e9 / tokens
            return (joules, dollarsPerMillion, gramsPerThousand)
        }
    }
}
