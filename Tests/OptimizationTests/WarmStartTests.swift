import Foundation
import Optimization
import Testing

/// A storage window as a receding-horizon run builds it: `hours` steps from absolute hour
/// `first`, prices by absolute hour, the state of charge carried in, the blocks tagged by family.
private func storageWindow(first: Int, hours: Int, initialSOCMWh: Double) -> (LinearProgram, soc: ColumnBlock) {
    var model = LinearProgram(name: "storage-window")
    let price: (Int) -> Double = { 50 + 30 * sin(Double(first + $0) * 0.26) }
    let imports = model.addColumns(count: hours, upper: { _ in 100 }, objective: price, family: "import")
    let charge = model.addColumns(count: hours, upper: { _ in 40 }, objective: { _ in 0.5 }, family: "charge")
    let discharge = model.addColumns(count: hours, upper: { _ in 40 }, objective: { _ in 0.5 }, family: "discharge")
    let soc = model.addColumns(count: hours, lower: { _ in 16 }, upper: { _ in 160 }, family: "soc")
    let balance = model.addRows(count: hours, .equal, rhs: { _ in 50 }, family: "balance")
    model.addCoefficients(rows: balance, columns: imports, value: 1)
    model.addCoefficients(rows: balance, columns: charge, value: -1)
    model.addCoefficients(rows: balance, columns: discharge, value: 1)
    let dynamics = model.addRows(count: hours, .equal, rhs: { $0 == 0 ? initialSOCMWh : 0 }, family: "soc_balance")
    model.addCoefficients(rows: dynamics, columns: soc, value: 1)
    model.addCoefficients(rows: dynamics, columns: soc, columnOffset: -1, value: -1)
    model.addCoefficients(rows: dynamics, columns: charge, value: -0.95)
    model.addCoefficients(rows: dynamics, columns: discharge, value: 1 / 0.95)
    // A window-wide row outside any block: end no emptier than half full.
    let final = model.addRow(.greaterOrEqual, 80)
    model.addCoefficient(final, soc[hours - 1], 1)
    return (model, soc)
}

@Suite("Warm starts from the previous window's basis")
struct WarmStartTests {
    @Test("A basis carried one step on starts the primal simplex next to the optimum of the next window")
    func shiftedBasisIsCheaper() throws {
        let (first, soc) = storageWindow(first: 0, hours: 48, initialSOCMWh: 80)
        let solved = try GLPK.solve(first, options: SolverOptions(method: .dual))
        let basis = try #require(solved.basis)
        #expect(basis.basicCount == first.rowCount)

        let (next, _) = storageWindow(first: 1, hours: 48, initialSOCMWh: solved[soc[0]])
        let cold = try GLPK.solve(next, options: SolverOptions(method: .dual))
        var options = SolverOptions()
        options.warmStart = WarmStart(model: first, basis: basis, shiftSteps: 1)
        let warm = try GLPK.solve(next, options: options)
        #expect(cold.status == .optimal && warm.status == .optimal)
        #expect(warm.attempts.count == 1, "no cold fallback: \(warm.attempts.map(\.summary))")
        #expect(abs(warm.objectiveValue! - cold.objectiveValue!) <= 1e-9 * abs(cold.objectiveValue!))
        #expect(warm.iterations * 4 < cold.iterations, "warm \(warm.iterations), cold \(cold.iterations) iterations")
        let quality = try #require(warm.quality)
        #expect(quality.meets(SolutionTolerances()))
    }

    @Test("Each family's step t takes the status of step t + shift; the new last step repeats the old one and is a guess")
    func shiftMapsFamiliesStepByStep() {
        let (first, _) = storageWindow(first: 0, hours: 6, initialSOCMWh: 80)
        let (next, _) = storageWindow(first: 2, hours: 6, initialSOCMWh: 80)
        // A recognisable pattern: column j basic when j % 3 == 0, rows basic when odd.
        let basis = Basis(rows: (0..<first.rowCount).map { $0 % 2 == 1 ? .basic : .lower },
                          columns: (0..<first.columnCount).map { $0 % 3 == 0 ? .basic : .lower })
        let carried = basis.shifted(from: first, by: 2, to: next)
        for family in 0..<4 {
            for step in 0..<6 {
                let source = family * 6 + min(step + 2, 5)
                #expect(carried.basis.columns[family * 6 + step] == (basis.columns[source] == .basic ? .basic : .lower))
            }
        }
        // Steps 4 and 5 of every family have no counterpart two steps on.
        let expectedGuesses: Set<Int> = [4, 5, 10, 11, 16, 17, 22, 23]
        #expect(Set(carried.guessedColumns) == expectedGuesses)
        // The window-wide row (last) keeps its status by rank.
        #expect(carried.basis.rows[next.rowCount - 1] == basis.rows[first.rowCount - 1])
    }

    @Test("Repair gives one basic entry per row, from too few or too many, and the simplex accepts it",
          arguments: [-5, -1, 3, 9])
    func repairFixesCountAndRank(change: Int) throws {
        let (model, _) = storageWindow(first: 0, hours: 24, initialSOCMWh: 80)
        let solved = try GLPK.solve(model, options: SolverOptions(method: .dual))
        var broken = try #require(solved.basis)
        // Remove basic structural columns, or add nonbasic ones to the basis.
        var left = abs(change)
        for column in 0..<model.columnCount where left > 0 && (change < 0 ? broken.columns[column] == .basic : broken.columns[column] != .basic) {
            broken.columns[column] = change < 0 ? .lower : .basic
            left -= 1
        }
        let carried = broken.shifted(from: model, by: 0, to: model)
        #expect(carried.surplus == change)
        let repaired = try #require(carried.repaired(model: model))
        #expect(repaired.basicCount == model.rowCount)

        var options = SolverOptions()
        options.warmStart = WarmStart(model: model, basis: broken, shiftSteps: 0)
        let warm = try GLPK.solve(model, options: options)
        #expect(warm.status == .optimal)
        #expect(warm.attempts.count == 1, "no cold fallback: \(warm.attempts.map(\.summary))")
        #expect(abs(warm.objectiveValue! - solved.objectiveValue!) <= 1e-9 * abs(solved.objectiveValue!))
    }

    @Test("An infeasible window is reported by the warm primal simplex itself, without a second, cold solve")
    func infeasibleWindowSolvedOnce() throws {
        let (first, _) = storageWindow(first: 0, hours: 24, initialSOCMWh: 80)
        let basis = try #require(try GLPK.solve(first, options: SolverOptions(method: .dual)).basis)
        var (next, _) = storageWindow(first: 1, hours: 24, initialSOCMWh: 80)
        // End above the battery's 160 MWh.
        next.setBounds(Row(next.rowCount - 1), lower: 1_000, upper: .infinity)
        var options = SolverOptions()
        options.warmStart = WarmStart(model: first, basis: basis, shiftSteps: 1)
        let warm = try GLPK.solve(next, options: options)
        #expect(warm.status == .infeasible)
        #expect(warm.attempts.count == 1, "\(warm.attempts.map(\.summary))")
    }

    @Test("A warm start from an unrelated model's basis still ends at the certified optimum")
    func unrelatedBasisIsOnlySlower() throws {
        let (model, _) = storageWindow(first: 0, hours: 24, initialSOCMWh: 80)
        let other = TestModels.wyndor().0
        let reference = try GLPK.solve(model, options: SolverOptions(method: .dual))
        var options = SolverOptions()
        options.warmStart = WarmStart(model: other, basis: Basis.slack(for: other), shiftSteps: 3)
        let warm = try GLPK.solve(model, options: options)
        #expect(warm.status == .optimal)
        #expect(abs(warm.objectiveValue! - reference.objectiveValue!) <= 1e-9 * abs(reference.objectiveValue!))
    }
}
