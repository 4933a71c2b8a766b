import Foundation
import Optimization
import Testing

/// Absolute tolerance on objectives and values of the small textbook LPs: GLPK's default
/// feasibility tolerance is 1e-7; interior point stops at a relative gap of about 1e-8.
let tolerance = 1e-6

@Suite("Solving LPs with GLPK")
struct SolveTests {
    static let continuousMethods: [SolverMethod] = [.primal, .dual, .interior, .auto]

    @Test("Wyndor Glass: optimum 36 at (2, 6) with duals 0, 1.5, 1", arguments: continuousMethods)
    func wyndor(method: SolverMethod) throws {
        let (model, x, y, rows) = TestModels.wyndor()
        let result = try GLPK.solve(model, options: SolverOptions(method: method))
        #expect(result.status == .optimal)
        #expect(abs(result.objectiveValue! - 36) < tolerance)
        #expect(abs(result[x] - 2) < tolerance)
        #expect(abs(result[y] - 6) < tolerance)
        for (row, dual) in zip(rows, [0, 1.5, 1]) { #expect(abs(result.dual(row) - dual) < tolerance) }
        #expect(result.method != .auto)
    }

    @Test("Diet problem: optimum 9 at (3, 1) with duals 1.5 and 0.5", arguments: continuousMethods)
    func diet(method: SolverMethod) throws {
        let (model, x, y, rows) = TestModels.diet()
        let result = try GLPK.solve(model, options: SolverOptions(method: method))
        #expect(result.status == .optimal)
        #expect(abs(result.objectiveValue! - 9) < tolerance)
        #expect(abs(result[x] - 3) < tolerance && abs(result[y] - 1) < tolerance)
        #expect(abs(result.dual(rows[0]) - 1.5) < tolerance)
        #expect(abs(result.dual(rows[1]) - 0.5) < tolerance)
        // Reduced costs vanish on basic columns.
        #expect(abs(result.reducedCosts[x.index]) < tolerance && abs(result.reducedCosts[y.index]) < tolerance)
        // Activities are A·x.
        #expect(abs(result.activity(rows[0]) - 4) < tolerance && abs(result.activity(rows[1]) - 6) < tolerance)
    }

    @Test("Beale's degenerate LP reaches -1.25 without cycling", arguments: continuousMethods)
    func degenerate(method: SolverMethod) throws {
        let result = try GLPK.solve(TestModels.beale(), options: SolverOptions(method: method))
        #expect(result.status == .optimal)
        #expect(abs(result.objectiveValue! + 1.25) < tolerance)
    }

    @Test("Objective constant, free, upper-bounded, fixed columns and ranged rows", arguments: continuousMethods)
    func boundKinds(method: SolverMethod) throws {
        // min x - y + z + 10 with x free, y ≤ 3, z fixed at 2, and 1 ≤ x + y ≤ 5, x ≥ -4 via a row.
        var model = LinearProgram()
        model.objectiveConstant = 10
        let x = model.addColumn(lower: -.infinity, upper: .infinity, objective: 1, name: "x")
        let y = model.addColumn(lower: -.infinity, upper: 3, objective: -1, name: "y")
        let z = model.addColumn(lower: 2, upper: 2, objective: 1, name: "z")
        let range = model.addRow(lower: 1, upper: 5, name: "range")
        model.addCoefficient(range, x, 1)
        model.addCoefficient(range, y, 1)
        let floor = model.addRow(.greaterOrEqual, -4, name: "floor")
        model.addCoefficient(floor, x, 1)
        #expect(model.boundKind(of: x) == .free && model.boundKind(of: y) == .upper && model.boundKind(of: z) == .fixed)
        #expect(model.sense(of: range) == .ranged && model.sense(of: floor) == .greaterOrEqual)
        // Optimum: x = -4, y = 3 (x + y = -1 violates range ≥ 1) → x + y ≥ 1 binds: x = -2, y = 3:
        // objective -2 - 3 + 2 + 10 = 7.
        let result = try GLPK.solve(model, options: SolverOptions(method: method))
        #expect(result.status == .optimal)
        #expect(abs(result.objectiveValue! - 7) < tolerance)
        #expect(abs(result[x] + 2) < tolerance && abs(result[y] - 3) < tolerance && abs(result[z] - 2) < tolerance)
    }

    @Test("Repeated coefficients are summed and zeros dropped")
    func repeatedEntries() throws {
        var model = LinearProgram(sense: .maximize)
        let x = model.addColumn(objective: 1)
        let row = model.addRow(.lessOrEqual, 6)
        model.addCoefficient(row, x, 1)
        model.addCoefficient(row, x, 2)   // 3x ≤ 6
        let unused = model.addRow(.lessOrEqual, 1)
        model.addCoefficient(unused, x, 0)
        #expect(model.entryCount == 3)
        #expect(model.nonzeroCount == 1)
        let result = try GLPK.solve(model)
        #expect(abs(result[x] - 2) < tolerance)
    }

    @Test("An infeasible LP is reported as infeasible by every method", arguments: continuousMethods)
    func infeasible(method: SolverMethod) throws {
        var model = LinearProgram()
        let x = model.addColumn(objective: 1)
        let y = model.addColumn(objective: 1)
        let low = model.addRow(.lessOrEqual, 1)
        let high = model.addRow(.greaterOrEqual, 2)
        for row in [low, high] { model.addCoefficient(row, x, 1); model.addCoefficient(row, y, 1) }
        let result = try GLPK.solve(model, options: SolverOptions(method: method))
        #expect(result.status == .infeasible)
        #expect(result.objectiveValue == nil && result.primalValues.isEmpty)
        #expect(result.message != nil)
    }

    @Test("An unbounded LP is reported as unbounded by every method", arguments: continuousMethods)
    func unbounded(method: SolverMethod) throws {
        var model = LinearProgram(sense: .maximize)
        let x = model.addColumn(objective: 1)
        let y = model.addColumn(objective: 0)
        let row = model.addRow(.lessOrEqual, 1)
        model.addCoefficient(row, x, 1)
        model.addCoefficient(row, y, -1)
        let result = try GLPK.solve(model, options: SolverOptions(method: method))
        #expect(result.status == .unbounded)
    }

    @Test("A 0-1 knapsack solves by branch-and-cut to 21 with zero gap")
    func knapsack() throws {
        let model = TestModels.knapsack()
        #expect(model.hasIntegerColumns)
        for method in [SolverMethod.auto, .mip, .dual] {  // integer columns force branch-and-cut
            let result = try GLPK.solve(model, options: SolverOptions(method: method))
            #expect(result.status == .optimal)
            #expect(result.method == .mip)
            #expect(abs(result.objectiveValue! - 21) < tolerance)
            #expect(result.primalValues.map { $0.rounded() } == [0, 1, 1, 1])
            #expect(abs(result.mipBound! - 21) < tolerance)
            #expect(result.mipGap! < 1e-9)
        }
    }

    @Test("An integer program whose relaxation is feasible but has no integer point is infeasible")
    func integerInfeasible() throws {
        var model = LinearProgram()
        let x = model.addColumn(lower: 0, upper: 10, objective: 1, kind: .integer)
        let row = model.addRow(lower: 0.2, upper: 0.8)  // 0.2 ≤ x ≤ 0.8 has no integer
        model.addCoefficient(row, x, 1)
        let result = try GLPK.solve(model)
        #expect(result.status == .infeasible)
    }

    @Test("An iteration limit stops simplex with the limit status")
    func iterationLimit() throws {
        let (model, _) = TestModels.storage(hours: 48)
        let result = try GLPK.solve(model, options: SolverOptions(method: .dual, presolve: false, iterationLimit: 2))
        #expect(result.status == .iterationLimit)
        #expect(result.objectiveValue == nil)
    }

    @Test("All methods agree on a time-coupled storage LP", arguments: [SolverMethod.primal, .dual, .interior])
    func methodsAgree(method: SolverMethod) throws {
        let (model, _) = TestModels.storage(hours: 72)
        let reference = try GLPK.solve(model, options: SolverOptions(method: .dual))
        let result = try GLPK.solve(model, options: SolverOptions(method: method))
        #expect(result.status == .optimal)
        #expect(abs(result.objectiveValue! - reference.objectiveValue!) <= 1e-7 * abs(reference.objectiveValue!))
        // The reported objective is c·x of the reported values.
        #expect(abs(model.objectiveValue(at: result.primalValues) - result.objectiveValue!) <= 1e-6 * abs(result.objectiveValue!))
    }

    @Test("Auto picks dual simplex for small models and interior point for large ones")
    func autoRule() {
        let options = SolverOptions()
        #expect(options.resolvedMethod(for: TestModels.storage(hours: 24).0) == .dual)
        #expect(options.resolvedMethod(for: TestModels.storage(hours: 5_000).0) == .interior)
        #expect(options.resolvedMethod(for: TestModels.storage(hours: 5_000).0, warmStart: true) == .dual)
        #expect(options.resolvedMethod(for: TestModels.knapsack()) == .mip)
    }

    @Test("Models solve concurrently on separate threads (GLPK state is per thread)")
    func concurrentSolves() throws {
        let (model, _) = TestModels.storage(hours: 48)
        let expected = try GLPK.solve(model).objectiveValue!
        let objectives = ConcurrentResults(count: 8)
        DispatchQueue.concurrentPerform(iterations: 8) { index in
            GLPKEnvironment.withThreadEnvironment {
                objectives.set(index, (try? GLPK.solve(model))?.objectiveValue)
            }
        }
        for value in objectives.values { #expect(value.map { abs($0 - expected) < 1e-6 } == true) }
    }

    @Test("An empty model is optimal with the constant as objective")
    func emptyModel() throws {
        var model = LinearProgram()
        model.objectiveConstant = 4
        for method in [SolverMethod.auto, .interior, .primal] {
            let result = try GLPK.solve(model, options: SolverOptions(method: method))
            #expect(result.status == .optimal)
            #expect(result.objectiveValue == 4)
        }
    }
}

/// Thread-safe slots for results of concurrent work in tests.
final class ConcurrentResults: @unchecked Sendable {
    private let lock = NSLock()
    private var storage: [Double?]
    init(count: Int) { storage = Array(repeating: nil, count: count) }
    func set(_ index: Int, _ value: Double?) { lock.lock(); storage[index] = value; lock.unlock() }
    var values: [Double?] { lock.lock(); defer { lock.unlock() }; return storage }
}
