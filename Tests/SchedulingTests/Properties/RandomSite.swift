import Foundation
import Island

/// SplitMix64: a tiny, fast, seedable generator, so every property test is reproducible from
/// the seed printed with a failure.
struct SeededGenerator: RandomNumberGenerator {
    private var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}

/// A random valid site, written as YAML (so the loader is exercised too) with inline series.
///
/// Sites are small (12-48 steps) so each solves in milliseconds. They are feasible by
/// construction: a zero-emission backup (at a high price) can always cover the load, inference
/// never exceeds IT capacity minus the jobs' power, the SMR's must-run floor stays below the
/// smallest inference demand, and every job fits its window at half its maximum power. At most
/// one of each priced component, so that costs can be recomputed from `dispatch.csv` rows.
struct RandomSite: CustomStringConvertible {
    let seed: UInt64
    let yaml: String
    /// Every price-like key path, for the scaling property.
    let hasCarbonCap: Bool
    let hasImportLimit: Bool
    let hasBattery: Bool
    let hasGrid: Bool
    let hasSMR: Bool

    var description: String { "seed \(seed):\n\(yaml)" }

    init(seed: UInt64) {
        self.seed = seed
        var random = SeededGenerator(seed: seed)
        func uniform(_ range: ClosedRange<Double>) -> Double { Double.random(in: range, using: &random) }
        func chance(_ probability: Double) -> Bool { uniform(0...1) < probability }
        func list(_ values: [Double]) -> String { "[" + values.map { String(format: "%.4f", $0) }.joined(separator: ", ") + "]" }

        let stepMinutes = [15, 30, 60].randomElement(using: &random)!
        let steps = Int.random(in: 12...48, using: &random)
        let hours = Double(stepMinutes) / 60
        let phase = uniform(0...6.28)
        let shape = (0..<steps).map { 0.5 + 0.5 * sin(phase + Double($0) * hours * 2 * .pi / 24) }

        let inferenceBase = uniform(10...40)
        let inference = shape.map { inferenceBase * (0.7 + 0.3 * $0) }
        var lines = ["name: random-\(seed)", "horizon: {start_utc: 2025-03-01T00:00Z, steps: \(steps), step_minutes: \(stepMinutes)}"]

        hasSMR = chance(0.6)
        if hasSMR {
            let floorMW = inference.min()! * uniform(0.2...0.9)
            let fraction = uniform(0.2...0.7)
            lines.append("smr: {units: 1, capacity_mw_per_unit: \(floorMW / fraction), min_stable_load_fraction: \(fraction), "
                         + "ramp_fraction_per_hour: \(uniform(0.3...2)), marginal_cost_usd_per_mwh: \(uniform(5...40)), "
                         + "emission_factor_g_per_kwh: \(chance(0.5) ? uniform(0...20) : 0)}")
        }
        hasGrid = chance(0.8)
        if hasGrid {
            let prices = shape.map { 20 + 80 * $0 + uniform(-10...10) }
            let intensity = shape.map { 150 + 300 * (1 - $0) }
            var feed = "  - {name: grid, import_capacity_mw: \(uniform(20...80)), price_usd_per_mwh: \(list(prices)), "
                + "carbon_intensity_g_per_kwh: \(list(intensity))"
            if chance(0.5) { feed += ", export_capacity_mw: \(uniform(0...30)), export_price_fraction: \(uniform(0.5...1))" }
            lines += ["grid_feeds:", feed + "}"]
        }
        let solarMW = chance(0.6) ? uniform(5...60) : 0, windMW = chance(0.4) ? uniform(5...40) : 0
        if solarMW > 0 || windMW > 0 {
            lines.append("renewables:")
            if solarMW > 0 {
                lines.append("  - {name: pv, kind: solar, capacity_mw: \(solarMW), capacity_factor: \(list(shape.map { max(0, 2 * $0 - 1) }))}")
            }
            if windMW > 0 {
                lines.append("  - {name: wt, kind: wind, capacity_mw: \(windMW), capacity_factor: \(list(shape.map { _ in uniform(0...1) }))}")
            }
        }
        hasBattery = chance(0.6)
        if hasBattery {
            let energy = uniform(10...80)
            lines.append("batteries: [{name: bess, energy_mwh: \(energy), power_mw: \(energy / uniform(1...4)), "
                         + "round_trip_efficiency: \(uniform(0.8...0.95)), throughput_cost_usd_per_mwh: \(uniform(0...5))}]")
        }
        // Always feasible: a clean but expensive backup large enough for everything.
        lines.append("backup_generators:")
        lines.append("  - {name: reserve, capacity_mw: 400, marginal_cost_usd_per_mwh: \(uniform(300...600)), emission_factor_g_per_kwh: 0}")

        var jobs: [String] = []
        var jobPowerMW = 0.0
        for index in 0..<Int.random(in: 0...2, using: &random) {
            let first = Int.random(in: 0..<(steps / 2), using: &random)
            let last = Int.random(in: (first + 2)..<steps, using: &random)
            let maximum = uniform(5...30)
            jobPowerMW += maximum
            let energy = 0.5 * maximum * Double(last - first) * hours
            let release = 1_740_787_200 + first * stepMinutes * 60, deadline = 1_740_787_200 + last * stepMinutes * 60
            var job = "    - {name: job\(index), energy_mwh: \(energy), release_utc: \(RandomSite.iso(release)), deadline_utc: \(RandomSite.iso(deadline)), "
                + "max_power_mw: \(maximum)"
            if chance(0.5) { job += ", undelivered_penalty_usd_per_mwh: \(uniform(100...900))" }
            jobs.append(job + "}")
        }
        let capacityMW = (inference.max()! + jobPowerMW) * uniform(1.0...1.3)
        lines.append("it_fleet: {racks: 1000, power_per_rack_kw: \(capacityMW)}")
        lines.append("power_distribution: {architecture: \(chance(0.5) ? "dc800" : "ac415")}")
        lines.append("workloads:")
        lines.append("  inference: {demand_mw: \(list(inference))\(chance(0.3) ? ", value_of_lost_service_usd_per_mwh: \(uniform(700...2000))" : "")}")
        if !jobs.isEmpty { lines.append("  training_jobs:") ; lines += jobs }
        lines.append("cooling: {cop: \(uniform(3...12))}")

        hasCarbonCap = hasGrid && chance(0.4)
        var carbon = "carbon: {price_usd_per_t: \(uniform(0...100))"
        if hasCarbonCap { carbon += ", cap_t: \(uniform(0...5))" }
        lines.append(carbon + "}")
        hasImportLimit = hasGrid && chance(0.4)
        if hasImportLimit { lines.append("limits: {import_limit_mw: \(uniform(5...50))}") }
        yaml = lines.joined(separator: "\n") + "\n"
    }

    private static func iso(_ epochSeconds: Int) -> String { Horizon.format(epochSeconds: Int64(epochSeconds)) }
}
