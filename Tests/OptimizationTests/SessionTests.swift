import Optimization
import Testing

@Suite("Re-solving a loaded model")
struct SessionTests {
    @Test("A price change re-solved from the previous basis takes fewer iterations than a cold solve")
    func warmStartIsCheaper() throws {
        let (model, imports) = TestModels.storage(hours: 96)
        let session = try SolverSession(model: model)
        let first = session.solve()
        #expect(first.status == .optimal)

        let (changed, _) = TestModels.storage(hours: 96, priceShift: 3)
        for hour in 0..<96 { try session.setObjective(imports[hour], changed.objective[imports[hour].index]) }
        let warm = session.solve()
        let cold = try GLPK.solve(changed, options: SolverOptions(method: .primal, presolve: false))
        #expect(warm.status == .optimal && cold.status == .optimal)
        #expect(abs(warm.objectiveValue! - cold.objectiveValue!) <= 1e-7 * abs(cold.objectiveValue!))
        #expect(warm.iterations < cold.iterations)
        #expect(warm.method == .primal)  // only the objective changed: primal simplex keeps feasibility
    }

    @Test("Changing right-hand sides and bounds in place matches a rebuilt model")
    func boundsAndRightHandSides() throws {
        let (model, x, y, rows) = TestModels.wyndor()
        let session = try SolverSession(model: model)
        #expect(abs(session.solve().objectiveValue! - 36) < tolerance)

        try session.setBounds(rows[2], lower: -.infinity, upper: 24)  // 3x + 2y ≤ 24
        try session.setBounds(x, lower: 0, upper: 3)
        let warm = session.solve()
        #expect(warm.method == .dual)

        var rebuilt = model
        rebuilt.setBounds(rows[2], lower: -.infinity, upper: 24)
        rebuilt.setBounds(x, lower: 0, upper: 3)
        let cold = try GLPK.solve(rebuilt)
        #expect(abs(warm.objectiveValue! - cold.objectiveValue!) < tolerance)
        // x ≤ 3 and 2y ≤ 12 → y = 6, 3x ≤ 12 → x = 3: objective 9 + 30 = 39.
        #expect(abs(warm.objectiveValue! - 39) < tolerance)
        #expect(abs(warm[y] - 6) < tolerance)
        #expect(session.model.rowUpper[rows[2].index] == 24)
    }

    @Test("A change that makes the model infeasible is reported, and undoing it recovers")
    func infeasibleAndBack() throws {
        let (model, x, y, _) = TestModels.diet()
        let session = try SolverSession(model: model)
        _ = session.solve()
        // x ≤ 0.5 and y ≤ 0.5 cannot meet x + y ≥ 4.
        try session.setBounds(x, lower: 0, upper: 0.5)
        try session.setBounds(y, lower: 0, upper: 0.5)
        #expect(session.solve().status == .infeasible)
        try session.setBounds(x, lower: 0, upper: .infinity)
        try session.setBounds(y, lower: 0, upper: .infinity)
        let recovered = session.solve()
        #expect(recovered.status == .optimal)
        #expect(abs(recovered.objectiveValue! - 9) < tolerance)
    }

    @Test("Invalid changes are refused before reaching GLPK")
    func invalidChanges() throws {
        let (model, x, _, rows) = TestModels.diet()
        let session = try SolverSession(model: model)
        #expect(throws: ModelError.self) { try session.setBounds(x, lower: 5, upper: 2) }
        #expect(throws: ModelError.self) { try session.setObjective(x, .nan) }
        #expect(throws: ModelError.self) { try session.setBounds(rows[0], lower: .nan, upper: 1) }
        #expect(throws: ModelError.self) { try session.setObjective(Column(99), 1) }
        #expect(throws: ModelError.self) { try session.setBounds(Row(-1), lower: 0, upper: 1) }
        // The session is still usable and unchanged.
        #expect(abs(session.solve().objectiveValue! - 9) < tolerance)
    }
}
