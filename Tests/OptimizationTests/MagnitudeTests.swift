import Optimization
import Testing

@Suite("Validation refuses numbers GLPK cannot scale (found by fuzzing)")
struct MagnitudeTests {
    /// The fuzzing finding: a 2x2 integer model with coefficients 1e300 and 1e-300 made
    /// `glp_scale_prob` abort the process (`glp_set_sjj`: scale factor out of range).
    static func model(coefficient: Double, bound: Double = 10, objective: Double = 1) -> LinearProgram {
        var model = LinearProgram(name: "scale")
        let x = model.addColumn(lower: 0, upper: bound, objective: objective, kind: .integer, name: "x")
        let y = model.addColumn(lower: 0, upper: 10, objective: 1, name: "y")
        let row = model.addRow(.greaterOrEqual, 1, name: "c")
        model.addCoefficient(row, x, coefficient)
        model.addCoefficient(row, y, 1)
        return model
    }

    @Test("Coefficients, bounds and objective beyond 1e30 are refused with a reason", arguments: [1e300, -1e31, 1e-300, -1e-31])
    func refused(coefficient: Double) {
        #expect(throws: ModelError.self) { try GLPK.solve(Self.model(coefficient: coefficient)) }
        do { try Self.model(coefficient: coefficient).validate() } catch {
            #expect(error.description.contains("beyond what the solver can scale"))
        }
        #expect(throws: ModelError.self) { try Self.model(coefficient: 1, bound: 1e200).validate() }
        #expect(throws: ModelError.self) { try Self.model(coefficient: 1, objective: -1e40).validate() }
    }

    @Test("Magnitudes down to 1e-30 and up to 1e6 solve to the true optimum, 1", arguments: [1e-30, 1e6, 1e-6])
    func accepted(coefficient: Double) throws {
        let result = try GLPK.solve(Self.model(coefficient: coefficient))
        #expect(result.status == .optimal)
        // min x + y with c·x + y >= 1, x integer: cost 1 (x = 1 or y = 1). With c = 1e6 GLPK's
        // relaxation has x = 1e-6, which its default integrality tolerance took for 0, and it
        // answered 0; the certificate catches that and the retry gets 1.
        #expect(abs((result.objectiveValue ?? -1) - 1) < 1e-9)
    }

    @Test("At 1e30 GLPK cannot tell 1e-30 from 0: a numerical failure that says why, never a wrong optimum")
    func beyondIntegrality() throws {
        let result = try GLPK.solve(Self.model(coefficient: 1e30))
        if result.status == .optimal {
            #expect(abs(result.objectiveValue! - 1) < 1e-9)
        } else {
            #expect(result.status == .numericalFailure)
            #expect(result.message?.contains("misses the tolerances") == true)
        }
    }
}
