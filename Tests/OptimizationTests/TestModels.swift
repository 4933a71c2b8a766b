import Foundation
import Optimization

/// Small models with optima known from the literature or derivable by hand.
enum TestModels {
    /// Wyndor Glass (Hillier & Lieberman): max 3x + 5y, x ≤ 4, 2y ≤ 12, 3x + 2y ≤ 18.
    /// Optimum 36 at (2, 6); duals 0, 1.5, 1.
    static func wyndor() -> (LinearProgram, x: Column, y: Column, rows: [Row]) {
        var model = LinearProgram(name: "wyndor", sense: .maximize)
        let x = model.addColumn(objective: 3, name: "x")
        let y = model.addColumn(objective: 5, name: "y")
        let plant1 = model.addRow(.lessOrEqual, 4, name: "plant1")
        let plant2 = model.addRow(.lessOrEqual, 12, name: "plant2")
        let plant3 = model.addRow(.lessOrEqual, 18, name: "plant3")
        model.addCoefficient(plant1, x, 1)
        model.addCoefficient(plant2, y, 2)
        model.addCoefficient(plant3, x, 3)
        model.addCoefficient(plant3, y, 2)
        return (model, x, y, [plant1, plant2, plant3])
    }

    /// min 2x + 3y, x + y ≥ 4, x + 3y ≥ 6. Optimum 9 at (3, 1); duals 1.5 and 0.5
    /// (from u1 + u2 = 2, u1 + 3 u2 = 3).
    static func diet() -> (LinearProgram, x: Column, y: Column, rows: [Row]) {
        var model = LinearProgram(name: "diet")
        let x = model.addColumn(objective: 2, name: "x")
        let y = model.addColumn(objective: 3, name: "y")
        let a = model.addRow(.greaterOrEqual, 4, name: "a")
        let b = model.addRow(.greaterOrEqual, 6, name: "b")
        model.addCoefficient(a, x, 1)
        model.addCoefficient(a, y, 1)
        model.addCoefficient(b, x, 1)
        model.addCoefficient(b, y, 3)
        return (model, x, y, [a, b])
    }

    /// Beale's degenerate LP (cycles under Dantzig's rule without anti-cycling).
    /// Optimum -1.25 at x4 = 1, x6 = 1.
    static func beale() -> LinearProgram {
        var model = LinearProgram(name: "beale")
        let x = model.addColumns(count: 4, objective: { [-0.75, 20, -0.5, 6][$0] }, name: { "x\($0 + 4)" })
        let r1 = model.addRow(.lessOrEqual, 0, name: "r1")
        let r2 = model.addRow(.lessOrEqual, 0, name: "r2")
        let r3 = model.addRow(.lessOrEqual, 1, name: "r3")
        for (k, value) in [0.25, -8, -1, 9].enumerated() { model.addCoefficient(r1, x[k], value) }
        for (k, value) in [0.5, -12, -0.5, 3].enumerated() { model.addCoefficient(r2, x[k], value) }
        model.addCoefficient(r3, x[2], 1)
        return model
    }

    /// 0-1 knapsack: max 8a + 11b + 6c + 4d, 5a + 7b + 4c + 3d ≤ 14. Optimum 21 (b, c, d).
    static func knapsack() -> LinearProgram {
        var model = LinearProgram(name: "knapsack", sense: .maximize)
        let items = model.addColumns(count: 4, objective: { [8, 11, 6, 4][$0] }, kind: .binary, name: { "item\($0)" })
        let weight = model.addRow(.lessOrEqual, 14, name: "weight")
        model.addCoefficients(row: weight, columns: items) { [5, 7, 4, 3][$0] }
        return model
    }

    /// A battery arbitrage LP over `hours` steps: buy at the price, serve a flat load,
    /// store with 90 % round trip. Time-coupled, so simplex needs many pivots cold.
    static func storage(hours: Int, priceShift: Double = 0) -> (LinearProgram, imports: ColumnBlock) {
        var model = LinearProgram(name: "storage")
        let price: [Double] = (0..<hours).map { hour in
            let wave: Double = 30 * sin(Double(hour) * 0.26)
            return 50 + wave + priceShift * Double(hour % 5)
        }
        let imports = model.addColumns(count: hours, upper: { _ in 100 }, objective: { price[$0] }, name: { "import[\($0)]" })
        let charge = model.addColumns(count: hours, upper: { _ in 40 }, name: { "charge[\($0)]" })
        let discharge = model.addColumns(count: hours, upper: { _ in 40 }, name: { "discharge[\($0)]" })
        let soc = model.addColumns(count: hours, upper: { _ in 160 }, name: { "soc[\($0)]" })
        let balance = model.addRows(count: hours, .equal, rhs: { _ in 50 }, name: { "balance[\($0)]" })
        model.addCoefficients(rows: balance, columns: imports, value: 1)
        model.addCoefficients(rows: balance, columns: charge, value: -1)
        model.addCoefficients(rows: balance, columns: discharge, value: 1)
        let dynamics = model.addRows(count: hours, .equal, rhs: { $0 == 0 ? 80 : 0 }, name: { "soc_balance[\($0)]" })
        model.addCoefficients(rows: dynamics, columns: soc, value: 1)
        model.addCoefficients(rows: dynamics, columns: soc, columnOffset: -1, value: -1)
        model.addCoefficients(rows: dynamics, columns: charge, value: -0.95)
        model.addCoefficients(rows: dynamics, columns: discharge, value: 1 / 0.95)
        return (model, imports)
    }
}
