import Foundation
import Optimization

/// The time-coupled LP that `insula bench lp` measures: one site's storage dispatch over
/// `hours` hourly steps, shaped like Insula's real scheduling LPs.
///
/// Per step: generator with ramp limits, grid import and export, battery charge, discharge
/// and state of charge, curtailable solar, a flexible (training) load and priced load
/// shedding: 9 columns. Rows per step: power balance, state of charge, ramp up, ramp down,
/// grid connection and site intake: 6. One row spans the horizon: the flexible load's
/// energy requirement. At 8,760 steps: 78,840 columns, 52,561 rows.
struct DispatchBenchmarkModel {
    let hours: Int
    /// Deterministic pseudo-random inputs (64-bit LCG), so every run builds the same model.
    var seed: UInt64 = 20_251_129

    /// Column families, for re-solves that change prices.
    struct Columns {
        var imports: ColumnBlock
        var exports: ColumnBlock
    }

    /// Hourly import price in USD/MWh: daily and seasonal cycles plus noise.
    func priceUSDPerMWh() -> [Double] {
        var state = seed
        return (0..<hours).map { hour in
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            let noise = Double(state >> 11) / Double(1 << 53) - 0.5
            let daily = sin(Double(hour % 24 - 6) / 24 * 2 * .pi)
            let seasonal = cos(Double(hour) / 8_760 * 2 * .pi)
            return 60 + 25 * daily + 15 * seasonal + 20 * noise
        }
    }

    func build() -> (model: LinearProgram, columns: Columns) {
        let price = priceUSDPerMWh()
        let solarCapacityFactor = (0..<hours).map { max(0, sin(Double($0 % 24 - 6) / 12 * .pi)) }
        let inferenceMW = (0..<hours).map { 90 + 30 * sin(Double($0 % 24 - 9) / 24 * 2 * .pi) }
        let itCapacityMW = 200.0, generatorMW = 308.0, rampMWPerHour = 60.0
        let batteryMW = 100.0, batteryMWh = 400.0, efficiency = 0.95

        var model = LinearProgram(name: "dispatch_bench")
        model.reserve(columns: 9 * hours, rows: 6 * hours + 1, entries: 30 * hours)
        let generation = model.addColumns(count: hours, upper: { _ in generatorMW }, objective: { _ in 45 }, name: { "gen[\($0)]" })
        let imports = model.addColumns(count: hours, upper: { _ in 200 }, objective: { price[$0] }, name: { "import[\($0)]" })
        let exports = model.addColumns(count: hours, upper: { _ in 50 }, objective: { -0.9 * price[$0] }, name: { "export[\($0)]" })
        let charge = model.addColumns(count: hours, upper: { _ in batteryMW }, objective: { _ in 1 }, name: { "charge[\($0)]" })
        let discharge = model.addColumns(count: hours, upper: { _ in batteryMW }, objective: { _ in 1 }, name: { "discharge[\($0)]" })
        let stateOfCharge = model.addColumns(count: hours, lower: { _ in 0.1 * batteryMWh }, upper: { _ in batteryMWh }, name: { "soc[\($0)]" })
        let solar = model.addColumns(count: hours, upper: { 150 * solarCapacityFactor[$0] }, name: { "solar[\($0)]" })
        let training = model.addColumns(count: hours, upper: { itCapacityMW - inferenceMW[$0] }, name: { "training[\($0)]" })
        let shed = model.addColumns(count: hours, upper: { inferenceMW[$0] }, objective: { _ in 10_000 }, name: { "shed[\($0)]" })

        // Power balance: sources = inference + training.
        let balance = model.addRows(count: hours, .equal, rhs: { inferenceMW[$0] }, name: { "balance[\($0)]" })
        for (block, sign) in [(generation, 1.0), (imports, 1), (exports, -1), (charge, -1), (discharge, 1), (solar, 1), (shed, 1), (training, -1)] {
            model.addCoefficients(rows: balance, columns: block, value: sign)
        }
        // State of charge: soc[t] - soc[t-1] - eta*charge + discharge/eta = 0 (soc[-1] = half full).
        let storage = model.addRows(count: hours, .equal, rhs: { $0 == 0 ? 0.5 * batteryMWh : 0 }, name: { "soc_balance[\($0)]" })
        model.addCoefficients(rows: storage, columns: stateOfCharge, value: 1)
        model.addCoefficients(rows: storage, columns: stateOfCharge, columnOffset: -1, value: -1)
        model.addCoefficients(rows: storage, columns: charge, value: -efficiency)
        model.addCoefficients(rows: storage, columns: discharge, value: 1 / efficiency)
        // Generator ramps.
        let rampUp = model.addRows(count: hours, .lessOrEqual, rhs: { $0 == 0 ? generatorMW : rampMWPerHour }, name: { "ramp_up[\($0)]" })
        model.addCoefficients(rows: rampUp, columns: generation, value: 1)
        model.addCoefficients(rows: rampUp, columns: generation, columnOffset: -1, value: -1)
        let rampDown = model.addRows(count: hours, .lessOrEqual, rhs: { $0 == 0 ? generatorMW : rampMWPerHour }, name: { "ramp_down[\($0)]" })
        model.addCoefficients(rows: rampDown, columns: generation, value: -1)
        model.addCoefficients(rows: rampDown, columns: generation, columnOffset: -1, value: 1)
        // Shared grid connection and total site intake.
        let connection = model.addRows(count: hours, .lessOrEqual, rhs: { _ in 220 }, name: { "grid_connection[\($0)]" })
        model.addCoefficients(rows: connection, columns: imports, value: 1)
        model.addCoefficients(rows: connection, columns: exports, value: 1)
        let intake = model.addRows(count: hours, .lessOrEqual, rhs: { _ in 420 }, name: { "site_intake[\($0)]" })
        model.addCoefficients(rows: intake, columns: generation, value: 1)
        model.addCoefficients(rows: intake, columns: imports, value: 1)
        // The training job's energy over the whole horizon: the long-range coupling.
        let requirement = model.addRow(.equal, 0.4 * (itCapacityMW - 120) * Double(hours), name: "training_energy")
        model.addCoefficients(row: requirement, columns: training) { _ in 1 }
        return (model, Columns(imports: imports, exports: exports))
    }
}
