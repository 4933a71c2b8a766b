import Foundation
@testable import Optimization
import Testing

/// A 24/7 CFE model in the shape the scheduling compiler writes (docs/formulation.md, 4.7): per
/// step a grid import and a clean source meet a load, `cfe_matched ≤ clean`, `matched +
/// unmatched = consumption`, and one horizon-wide target row `(1 - share)·Σ matched - share·Σ
/// unmatched ≥ 0`. Matched and unmatched have no upper bounds of their own.
func cfeModel(hours: Int, seed: UInt64, share: Double = 0.6) -> (LinearProgram, target: Row) {
    var random = SplitMix64(seed: seed)
    var model = LinearProgram(name: "cfe")
    let load = (0..<hours).map { _ in 40 + Double(random.next() % 30) }
    let grid = model.addColumns(count: hours, upper: { _ in 100 }, objective: { _ in 20 + Double(random.next() % 60) },
                                name: { "grid[\($0)]" })
    let clean = model.addColumns(count: hours, upper: { _ in 10 + Double(random.next() % 70) }, objective: { _ in 55 },
                                 name: { "clean[\($0)]" })
    let matched = model.addColumns(count: hours, name: { "cfe_matched[\($0)]" })
    let unmatched = model.addColumns(count: hours, name: { "cfe_unmatched[\($0)]" })
    let balance = model.addRows(count: hours, .equal, rhs: { load[$0] }, name: { "balance[\($0)]" })
    model.addCoefficients(rows: balance, columns: grid, value: { _ in 1 })
    model.addCoefficients(rows: balance, columns: clean, value: { _ in 1 })
    let cleanSupply = model.addRows(count: hours, .lessOrEqual, rhs: { _ in 0 }, name: { "cfe_clean_supply[\($0)]" })
    model.addCoefficients(rows: cleanSupply, columns: matched, value: { _ in 1 })
    model.addCoefficients(rows: cleanSupply, columns: clean, value: { _ in -1 })
    let consumption = model.addRows(count: hours, .equal, rhs: { _ in 0 }, name: { "cfe_consumption[\($0)]" })
    model.addCoefficients(rows: consumption, columns: matched, value: { _ in 1 })
    model.addCoefficients(rows: consumption, columns: unmatched, value: { _ in 1 })
    model.addCoefficients(rows: consumption, columns: grid, value: { _ in -1 })
    model.addCoefficients(rows: consumption, columns: clean, value: { _ in -1 })
    let target = model.addRow(.greaterOrEqual, 0, name: "cfe_target")
    model.addCoefficients(row: target, columns: matched) { _ in 1 - share }
    model.addCoefficients(row: target, columns: unmatched) { _ in -share }
    return (model, target)
}

@Suite("Implied bounds: what a column's rows allow, for the partial sums of a dense-row split")
struct ImpliedBoundsTests {
    @Test("A column without an upper bound gets the one its row implies, widened by the margin; finite bounds stay")
    func boundFromOneRow() {
        var model = LinearProgram()
        let clean = model.addColumn(upper: 5, name: "clean")
        let load = model.addColumn(lower: 2, upper: 10, name: "load")
        let matched = model.addColumn(name: "matched")
        let unmatched = model.addColumn(name: "unmatched")
        let supply = model.addRow(.lessOrEqual, 0, name: "supply")    // matched ≤ 0.5·clean
        model.addCoefficient(supply, matched, 1)
        model.addCoefficient(supply, clean, -0.5)
        let split = model.addRow(.equal, 0, name: "consumption")       // matched + unmatched = load
        model.addCoefficient(split, matched, 1)
        model.addCoefficient(split, unmatched, 1)
        model.addCoefficient(split, load, -1)

        let implied = ImpliedBounds(model)
        #expect(abs(implied.upper[matched.index] - 2.5 * (1 + ImpliedBounds.margin)) < 1e-12)
        #expect(abs(implied.upper[unmatched.index] - 10 * (1 + ImpliedBounds.margin)) < 1e-12)
        #expect(implied.lower[matched.index] == 0 && implied.lower[unmatched.index] == 0)
        #expect(implied.upper[clean.index] == 5 && implied.lower[load.index] == 2)
    }

    @Test("A repeated (row, column) pair counts once with its coefficients summed, as GLPK loads it")
    func repeatedEntriesSum() {
        var model = LinearProgram()
        let x = model.addColumn(upper: 6, name: "x")
        let y = model.addColumn(name: "y")
        let row = model.addRow(.lessOrEqual, 0)   // y + y - x ≤ 0, so y ≤ 3
        model.addCoefficient(row, y, 1)
        model.addCoefficient(row, y, 1)
        model.addCoefficient(row, x, -1)
        #expect(abs(ImpliedBounds(model).upper[y.index] - 3 * (1 + ImpliedBounds.margin)) < 1e-12)
    }

    @Test("A column no row bounds stays unbounded, and a dense row whose partial sums would be free is left whole")
    func freePartialSumsKeepTheRowWhole() {
        var model = LinearProgram()
        let up = model.addColumns(count: 40, objective: { _ in 1 }, name: { "up[\($0)]" })
        let down = model.addColumns(count: 40, objective: { _ in 1 }, name: { "down[\($0)]" })
        let row = model.addRow(.greaterOrEqual, 1, name: "mixed")
        model.addCoefficients(row: row, columns: up) { _ in 0.7 }
        model.addCoefficients(row: row, columns: down) { _ in -0.3 }
        let implied = ImpliedBounds(model)
        #expect(implied.upper[up[0].index] == .infinity)
        #expect(!implied.activityIsBounded(row: row.index))
        let split = DenseSplit(model, denseEntries: 20, blockSize: 7)
        #expect(split.splitRows == 0)
        #expect(DenseSplit.denseCount(model, denseEntries: 20) == 0)
    }

    @Test("The CFE target row splits into partial sums that are all bounded, with the whole model's optimum and duals",
          arguments: [UInt64(1), 2, 3, 4])
    func cfeSplitIsBoundedAndExact(seed: UInt64) throws {
        let (model, target) = cfeModel(hours: 120, seed: seed)
        let split = DenseSplit(model, denseEntries: 50, blockSize: 24)
        #expect(split.splitRows == 1)
        for column in model.columnCount..<split.model.columnCount {
            #expect(split.model.columnLower[column].isFinite || split.model.columnUpper[column].isFinite,
                    "partial sum \(split.model.columnNames[column]) is free")
        }
        let plain = try GLPK.solve(model, options: SolverOptions(method: .dual))
        #expect(plain.status == .optimal)
        #expect(plain.rowDuals[target.index] > 1e-6, "the target binds")
        for method in [SolverMethod.dual, .interior] {
            var options = SolverOptions(method: method)
            options.denseEntries = 0
            let recovered = split.recover(try GLPK.solve(split.model, options: options), original: model)
            #expect(abs(recovered.objectiveValue! - plain.objectiveValue!) <= 1e-7 * abs(plain.objectiveValue!))
            let quality = model.quality(values: recovered.primalValues, rowDuals: recovered.rowDuals)
            #expect(quality.maxPrimalViolation < 1e-6)
            #expect(abs(recovered.rowDuals[target.index] - plain.rowDuals[target.index]) < 1e-4 * max(1, abs(plain.rowDuals[target.index])))
        }
    }
}
