import Island
import Optimization

/// Columns and rows of the power-capping family (docs/formulation.md, 4.14).
public struct PowerCappingColumns: Sendable {
    /// Inference: MW drawn at each capped point of its curve (`curve.cappedPoints` order), per step.
    public var inference: [ColumnBlock] = []
    /// Per training job, per capped point: MW drawn over the job's steps (offset 0 = first step);
    /// empty for a job without a curve.
    public var training: [[ColumnBlock]] = []
    /// `inference_full_power[t]`: the work left for full-power racks is not negative.
    public var inferenceFullPower: RowBlock?

    public init() {}
}

extension SiteCompiler {
    /// Upper bound on the coefficients the power-capping family adds per step (for
    /// ``estimatedNonzeros(_:elastic:)``): per capped inference point its column in the IT
    /// definition, capacity and full-power rows (+ shed or slack in that row); per capped job
    /// point its column in the definition, capacity, energy and rack rows (+ minimum power row),
    /// and the full-power column in the rack and minimum rows.
    static func powerCappingNonzerosPerStep(_ site: Site) -> Int {
        var count = 0
        if let points = site.inference.performance?.curve.cappedPoints, !points.isEmpty { count += 3 * points.count + 2 }
        for job in site.trainingJobs {
            guard let points = job.performance?.curve.cappedPoints, !points.isEmpty else { continue }
            count += 5 * points.count + 2
        }
        return count
    }
}

extension Builder {
    /// Power capping along concave throughput-power curves (docs/formulation.md, 4.14).
    ///
    /// The full-power point of each workload is the column it already has (training power, or
    /// inference demand less shed); every capped point k (power fraction p_k < 1, work per MWh
    /// e_k = f_k / p_k) adds MW-drawn columns. A column at point k occupies 1/p_k MW of rack
    /// capacity, draws p_k of it, and does e_k full-power MWh of work per MWh drawn. For
    /// inference the full-power column is eliminated (x_full = D - shed - sum_k e_k y_k), so the
    /// existing rows keep their right-hand sides and `inference_full_power[t]` keeps x_full >= 0.
    mutating func addPowerCapping(itDefinition: RowBlock, itCapacity: RowBlock, training: [ColumnBlock],
                                  trainingEnergy: [Row], inferenceShed: ColumnBlock?) -> PowerCappingColumns {
        var capping = PowerCappingColumns()
        let idle = site.itFleet.idleFraction, hours = self.hours
        let demand = site.inference.demandMW
        if let curve = site.inference.performance?.curve, !curve.cappedPoints.isEmpty {
            let fullPower = program.addRows(count: steps, .lessOrEqual, rhs: { demand[$0] }, name: namer("inference_full_power"), family: blockKey("inference_full_power"))
            for point in curve.cappedPoints {
                let work = point.workPerMWh, power = point.powerFraction
                let block = columns("inference_capped", "p\(formatFraction(power))", upper: { demand[$0] / work })
                // Drawn (1 - idle/p) MW replaces e (1 - idle) MW of full-power work.
                program.addCoefficients(rows: itDefinition, columns: block, value: (1 - idle) * work - (1 - idle / power))
                // Racks: 1/p MW of capacity replaces e MW at full power.
                program.addCoefficients(rows: itCapacity, columns: block, value: 1 / power - work)
                program.addCoefficients(rows: fullPower, columns: block, value: work)
                capping.inference.append(block)
            }
            if let inferenceShed { program.addCoefficients(rows: fullPower, columns: inferenceShed, value: 1) }
            capping.inferenceFullPower = fullPower
        }
        for (index, job) in site.trainingJobs.enumerated() {
            guard let curve = job.performance?.curve, !curve.cappedPoints.isEmpty else {
                capping.training.append([])
                continue
            }
            let full = training[index]
            let window = full.count
            let definition = RowBlock(start: itDefinition.start + job.firstStep, count: window)
            let capacityRows = RowBlock(start: itCapacity.start + job.firstStep, count: window)
            let capacityWeight = options.trainingCapacityWeight
            let labels = self.labels
            // Steps between the first and last that are not the job's (representative periods).
            let mask = job.stepMask
            // Racks the job may occupy (full-power MW): x_full + sum_k z_k / p_k <= max_power_mw.
            let racks = program.addRows(count: window, .lessOrEqual, rhs: { _ in job.maxPowerMW },
                                        name: options.names ? { "training_racks[\(sanitized(job.name)),\(labels[job.firstStep + $0])]" } : nil)
            program.addCoefficients(rows: racks, columns: full, value: 1)
            // A minimum power is on power drawn: x_full + sum_k z_k >= min_power_mw.
            var minimum: RowBlock?
            if job.minPowerMW > 0 {
                let rows = program.addRows(count: window, .greaterOrEqual, rhs: { mask?[$0] == false ? 0 : job.minPowerMW },
                                           name: options.names ? { "training_min_power[\(sanitized(job.name)),\(labels[job.firstStep + $0])]" } : nil)
                program.addCoefficients(rows: rows, columns: full, value: 1)
                for offset in 0..<window { program.setBounds(full[offset], lower: 0, upper: job.maxPowerMW) }
                minimum = rows
            }
            var blocks: [ColumnBlock] = []
            for point in curve.cappedPoints {
                let work = point.workPerMWh, power = point.powerFraction
                let block = program.addColumns(count: window, lower: { _ in 0 }, upper: { mask?[$0] == false ? 0 : job.maxPowerMW * power }, objective: { _ in 0 },
                                               kind: .continuous,
                                               name: options.names ? { "training_capped[\(sanitized(job.name)),p\(formatFraction(power)),\(labels[job.firstStep + $0])]" } : nil)
                program.addCoefficients(rows: definition, columns: block, value: -(1 - idle / power))
                program.addCoefficients(rows: capacityRows, columns: block) { offset in
                    (capacityWeight.map { max(1, $0[job.firstStep + offset]) } ?? 1) / power
                }
                program.addCoefficients(row: trainingEnergy[index], columns: block) { [weight] offset in hours * weight[job.firstStep + offset] * work }
                program.addCoefficients(rows: racks, columns: block, value: 1 / power)
                if let minimum { program.addCoefficients(rows: minimum, columns: block, value: 1) }
                blocks.append(block)
            }
            capping.training.append(blocks)
        }
        return capping
    }
}

/// A power fraction for names: `0.7` -> `0.7`, `0.55` -> `0.55` (no exponent, no trailing zeros).
func formatFraction(_ value: Double) -> String {
    var text = String(format: "%.6f", value)
    while text.hasSuffix("0") { text.removeLast() }
    if text.hasSuffix(".") { text.removeLast() }
    return text
}
