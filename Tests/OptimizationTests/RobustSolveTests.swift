import CGLPK
import Foundation
@testable import Optimization
import Testing

/// A storage LP with the two shapes that slow interior point: a horizon-wide row (an energy
/// cap on imports, like an annual carbon cap) and a dense column (a peak that bounds every
/// step's import, like a demand charge). Prices and loads vary with `seed`.
func cappedStorage(hours: Int, seed: UInt64, capShare: Double = 0.97) -> LinearProgram {
    var random = SplitMix64(seed: seed)
    var (model, imports) = TestModels.storage(hours: hours, priceShift: Double(random.next() % 7))
    // A cap on total imports a little below what the uncapped optimum takes forces a clean
    // backup (dearer) to run in some hours.
    let backup = model.addColumns(count: hours, upper: { _ in 60 }, objective: { _ in 95 + Double(random.next() % 10) },
                                  name: { "backup[\($0)]" })
    for t in 0..<hours { model.addCoefficient(Row(t), backup[t], 1) }  // rows 0..<hours are the balances
    let cap = model.addRow(.lessOrEqual, 50 * Double(hours) * capShare, name: "import_cap")
    model.addCoefficients(row: cap, columns: imports) { _ in 1 }
    let peak = model.addColumn(upper: 100, objective: 40, name: "peak")
    let peakRows = model.addRows(count: hours, .lessOrEqual, rhs: { _ in 0 }, name: { "peak[\($0)]" })
    model.addCoefficients(rows: peakRows, columns: imports, value: 1)
    for t in 0..<hours { model.addCoefficient(peakRows[t], peak, -1) }
    return model
}

@Suite("Robust solves: certified solutions, dense splits, the method race")
struct RobustSolveTests {
    @Test("GLPK's own interior-point iteration limit is a failure the next attempt takes over from; a limit the caller set is kept")
    func interiorIterationLimit() {
        let stopped = SolveResult(status: .iterationLimit, method: .interior)
        #expect(GLPK.interiorFailed(stopped, options: SolverOptions()))
        var limited = SolverOptions()
        limited.iterationLimit = 50
        #expect(!GLPK.interiorFailed(stopped, options: limited))
        #expect(GLPK.interiorFailed(SolveResult(status: .numericalFailure, method: .interior), options: limited))
        #expect(!GLPK.interiorFailed(SolveResult(status: .iterationLimit, method: .dual), options: SolverOptions()))
        #expect(!GLPK.interiorFailed(SolveResult(status: .optimal, method: .interior), options: SolverOptions()))
    }

    // MARK: Certificate

    @Test("An optimal solution measures as feasible with a vanishing gap; the dual bound is exact")
    func certifiedOptimum() throws {
        let model = cappedStorage(hours: 72, seed: 1)
        let result = try GLPK.solve(model, options: SolverOptions(method: .dual))
        #expect(result.status == .optimal)
        let quality = try #require(result.quality)
        #expect(quality.maxPrimalViolation < 1e-9)
        #expect(quality.maxDualViolation < 1e-9)
        #expect(try #require(quality.relativeGap) < 1e-9)
        #expect(abs(try #require(quality.dualBound) - result.objectiveValue!) < 1e-6)
    }

    @Test("The dual bound of any duals stays below the optimum (weak duality), here for perturbed duals")
    func weakDuality() throws {
        let model = cappedStorage(hours: 48, seed: 2)
        let result = try GLPK.solve(model, options: SolverOptions(method: .dual))
        var random = SplitMix64(seed: 9)
        for _ in 0..<20 {
            let duals = result.rowDuals.map { $0 + Double(random.next() % 2001) / 1000 - 1 }
            let quality = model.quality(values: result.primalValues, rowDuals: duals)
            #expect(try #require(quality.dualBound) <= result.objectiveValue! + 1e-6)
        }
    }

    @Test("A planted violation is caught: an 'optimal' solution off by 1e-5 in one value is not reported optimal")
    func plantedViolation() throws {
        let model = cappedStorage(hours: 48, seed: 3)
        var result = try GLPK.solve(model, options: SolverOptions(method: .dual))
        #expect(result.status == .optimal)
        result.primalValues[5] += 1e-3  // import[5]: its balance row is now off by 1e-3 MW (relative 2e-5)
        GLPK.certify(&result, model: model, tolerances: SolutionTolerances())
        #expect(result.status == .numericalFailure)
        #expect(result.message?.contains("misses the tolerances") == true)
        #expect(try #require(result.quality).maxRowViolation > 1e-6)
        #expect(result.primalValues.isEmpty && result.objectiveValue == nil)
    }

    @Test("A row summing a year of large terms is held to 1e-9 of them; a short row keeps its absolute 1e-6")
    func violationScaledByTheRowsTerms() {
        var model = LinearProgram()
        let supply = model.addColumns(count: 20_000, upper: { _ in 100 }, name: { "matched[\($0)]" })
        let demand = model.addColumns(count: 20_000, upper: { _ in 100 }, name: { "unmatched[\($0)]" })
        let year = model.addRow(.greaterOrEqual, 0, name: "year")
        model.addCoefficients(row: year, columns: supply) { _ in 1 }
        model.addCoefficients(row: year, columns: demand) { _ in -1 }
        let step = model.addRow(.greaterOrEqual, 0, name: "step")
        model.addCoefficient(step, supply[0], 1)
        model.addCoefficient(step, demand[0], -1)
        var values = [Double](repeating: 50, count: model.columnCount)
        values[demand[1].index] += 4e-6   // the year row alone: off by 4e-6 of 2e6 summed
        let yearOnly = model.quality(values: values)
        #expect(abs(yearOnly.maxRowViolation - 4e-6 / (LinearProgram.rowMagnitudeShare * 2e6)) < 1e-10)
        #expect(yearOnly.meets(SolutionTolerances()))
        values[demand[0].index] += 4e-6   // now the step row too: 4e-6 on terms of 100
        let both = model.quality(values: values)
        #expect(abs(both.maxRowViolation - 4e-6) < 1e-10 && both.worstRow == step.index)
        #expect(!both.meets(SolutionTolerances()))
        values[demand[1].index] += 10     // 5e-6 of the year's terms: refused whatever its length
        #expect(model.quality(values: values).worstRow == year.index)
        #expect(!model.quality(values: values).meets(SolutionTolerances()))
    }

    @Test("An interior point that stopped short is accepted only when its point meets the tolerances")
    func stoppedShortInteriorPoint() throws {
        let model = cappedStorage(hours: 48, seed: 4)
        let exact = try GLPK.solve(model, options: SolverOptions(method: .dual))
        var good = exact
        good.status = .numericalFailure
        good.method = .interior
        good.message = "interior point became numerically unstable"
        GLPK.certify(&good, model: model, tolerances: SolutionTolerances())
        #expect(good.status == .optimal)
        #expect(good.message?.contains("meets Insula's") == true)

        var poor = exact
        poor.status = .numericalFailure
        poor.method = .interior
        poor.rowDuals = poor.rowDuals.map { $0 * 0.9 }  // a gap of several per cent
        GLPK.certify(&poor, model: model, tolerances: SolutionTolerances())
        #expect(poor.status == .numericalFailure)
        #expect(poor.primalValues.isEmpty)
    }

    // MARK: Dense split

    @Test("Splitting dense rows and columns changes neither the optimum nor the original rows' duals",
          arguments: [UInt64(1), 2, 3, 4, 5, 6])
    func denseSplitEquivalence(seed: UInt64) throws {
        let model = cappedStorage(hours: 96, seed: seed, capShare: 0.9 + Double(seed % 5) / 50)
        let split = DenseSplit(model, denseEntries: 20, blockSize: 7)
        #expect(split.splitRows == 1 && split.splitColumns == 1)
        #expect(split.model.rowCount > model.rowCount && split.model.columnCount > model.columnCount)
        let plain = try GLPK.solve(model, options: SolverOptions(method: .dual))
        for method in [SolverMethod.dual, .interior] {
            var options = SolverOptions(method: method)
            options.denseEntries = 0
            let raw = try GLPK.solve(split.model, options: options)
            #expect(raw.status == .optimal)
            let recovered = split.recover(raw, original: model)
            #expect(abs(recovered.objectiveValue! - plain.objectiveValue!) <= 1e-7 * abs(plain.objectiveValue!))
            let quality = model.quality(values: recovered.primalValues, rowDuals: recovered.rowDuals)
            #expect(quality.maxPrimalViolation < 1e-6)
            #expect(try #require(quality.relativeGap) < 1e-7)
            // The cap's shadow price is the same whichever form carried it.
            let cap = model.rowCount - 1 - 96  // import_cap precedes the 96 peak rows
            #expect(abs(recovered.rowDuals[cap] - plain.rowDuals[cap]) < 1e-4 * max(1, abs(plain.rowDuals[cap])))
        }
    }

    @Test("Interior point under auto splits dense rows itself and reports the original model's size and duals")
    func automaticSplit() throws {
        let model = cappedStorage(hours: 1_500, seed: 7)
        var options = SolverOptions(method: .interior)
        options.denseEntries = 1_000
        let result = try GLPK.solve(model, options: options)
        #expect(result.status == .optimal)
        #expect(result.primalValues.count == model.columnCount && result.rowDuals.count == model.rowCount)
        let reference = try GLPK.solve(model, options: SolverOptions(method: .dual))
        #expect(abs(result.objectiveValue! - reference.objectiveValue!) <= 1e-7 * abs(reference.objectiveValue!))
    }

    @Test("A model with nothing dense is left as it is")
    func nothingDense() {
        let (model, _) = TestModels.storage(hours: 50)
        let split = DenseSplit(model, denseEntries: 1_000, blockSize: 168)
        #expect(split.splitRows == 0 && split.splitColumns == 0)
        #expect(split.model.rowCount == model.rowCount && split.model.entryCount == model.entryCount)
    }

    // MARK: Race and cancellation

    @Test("The race returns the first verified optimum, and 100 races leave no GLPK problem or memory block behind")
    func raceLeavesNothing() throws {
        let model = cappedStorage(hours: 720, seed: 11)
        let reference = try GLPK.solve(model, options: SolverOptions(method: .dual))
        func residentMB() -> Double {
            let fields = (try? String(contentsOfFile: "/proc/self/statm", encoding: .utf8))?.split(separator: " ") ?? []
            return fields.count > 1 ? (Double(fields[1]) ?? 0) * 4096 / 1e6 : 0
        }
        var options = SolverOptions()
        options.concurrent = true
        // Warm up allocator pools before measuring.
        for _ in 0..<5 { _ = SolverRace.run(model, options: options) }
        let before = residentMB()
        var cancelled = 0
        for _ in 0..<100 {
            let result = SolverRace.run(model, options: options)
            #expect(result.status == .optimal)
            #expect(abs(result.objectiveValue! - reference.objectiveValue!) <= 1e-7 * abs(reference.objectiveValue!))
            cancelled += result.attempts.filter(\.cancelled).count
        }
        #expect(SolverRace.leakedWorkerProblems == 0)
        #expect(cancelled > 0, "some races must have cancelled a method")
        // Resident memory is process-wide and other suites run beside this one, so it is
        // only logged; the leak check proper is GLPK's own block count on every racing thread.
        print("resident memory change over 100 races: \(residentMB() - before) MB")
    }

    @Test("A solve whose flag is raised stops at its first progress line and frees its thread's GLPK state")
    func cancelledAttempt() throws {
        let model = cappedStorage(hours: 720, seed: 12)
        let flag = CancellationFlag()
        flag.raise()
        final class Box: @unchecked Sendable { var result: SolveResult?; var returned = false; var liveOnThread = -1 }
        let box = Box()
        let done = DispatchSemaphore(value: 0)
        Thread {
            box.result = GLPK.attempt(model, method: .dual, options: SolverOptions(), cancel: flag)
            box.returned = true
            box.liveOnThread = GLPKEnvironment.liveProblemsOnCurrentThread
            // After a cancelled solve the thread's environment was freed: this makes a new one.
            GLPKEnvironment.releaseCurrentThread()
            done.signal()
        }.start()
        done.wait()
        #expect(box.returned && box.result == nil, "a cancelled attempt returns nil")
        #expect(box.liveOnThread == 0)
    }

    @Test("GLPK's fatal error (its memory limit, here on an unsplit dense column) ends the attempt with GLPK's words, not the process; the next method takes over")
    func glpkErrorEndsTheAttempt() throws {
        // Unsplit, the peak column (an entry in every step's row) makes A·D·Aᵀ a dense
        // 3,000 x 3,000 block: over 50 MB with its factor, against a limit of 8 MB.
        let model = cappedStorage(hours: 3_000, seed: 14)
        var tight = SolverOptions(method: .interior)
        tight.memoryLimitMegabytes = 8
        tight.denseEntries = 0
        tight.concurrent = false
        let refused = GLPK.attempt(model, method: .interior, options: tight, cancel: nil)
        #expect(refused?.status == .numericalFailure)
        #expect(refused?.message?.contains("memory allocation limit exceeded") == true)
        #expect(refused?.primalValues.isEmpty == true)
        #expect(GLPKEnvironment.liveProblemsOnCurrentThread == 0)
        // The whole order under the same limit: the interior points are refused for memory,
        // the dual simplex (little memory) reaches the optimum, on the same thread.
        var order = tight
        order.method = .auto
        let solved = try GLPK.solve(model, options: order)
        #expect(solved.status == .optimal)
        #expect(solved.attempts.contains { $0.method == .interior && $0.message?.contains("memory allocation limit exceeded") == true })
        let reference = try GLPK.solve(model, options: SolverOptions(method: .dual))
        let objective = try #require(solved.objectiveValue), expected = try #require(reference.objectiveValue)
        #expect(abs(objective - expected) <= 1e-7 * abs(expected))
        #expect(GLPKEnvironment.liveProblemsOnCurrentThread == 0)
    }

    @Test("Interior point gets a time limit through cancellation")
    func interiorTimeLimit() throws {
        let model = cappedStorage(hours: 8_000, seed: 13)
        let result = try GLPK.solve(model, options: SolverOptions(method: .interior, timeLimitSeconds: 0.01))
        #expect(result.status == .timeLimit)
        #expect(GLPKEnvironment.liveProblemsOnCurrentThread == 0)
    }

    @Test("A wrong answer of GLPK's MIP presolver is caught by the certificate and solved again without it")
    func mipPresolverAnswerChecked() throws {
        // min x + y, 1e6 x + y >= 1, x integer: optimum 1. GLPK 5.0's presolver answers 0.
        var model = LinearProgram()
        let x = model.addColumn(lower: 0, upper: 10, objective: 1, kind: .integer, name: "x")
        let y = model.addColumn(lower: 0, upper: 10, objective: 1, name: "y")
        let row = model.addRow(.greaterOrEqual, 1, name: "c")
        model.addCoefficient(row, x, 1e6)
        model.addCoefficient(row, y, 1)
        let result = try GLPK.solve(model)
        #expect(result.status == .optimal)
        #expect(abs(result.objectiveValue! - 1) < 1e-9)
        #expect(result.attempts.count == 2 && result.attempts[0].status == .numericalFailure)
    }

    // MARK: Progress

    @Test("Progress lines of interior point and simplex parse into iteration, objective and gap or infeasibility")
    func progressLines() throws {
        let interior = try #require(GLPKTerminal.parseProgress(
            " 38: obj =  -1.180933442e+07; rpi =  4.6e-13; rdi =  5.3e-15; gap =  2.7e-08", method: .interior))
        #expect(interior.iteration == 38 && interior.objective == -1.180933442e+07 && interior.gap == 2.7e-08)
        let simplex = try #require(GLPKTerminal.parseProgress("#  1135: obj =  -3.463190664e+07 inf =   0.000e+00 (26214)", method: .dual))
        #expect(simplex.iteration == 1135 && simplex.objective == -3.463190664e+07 && simplex.infeasibility == 0)
        #expect(GLPKTerminal.parseProgress("Scaling...", method: .dual) == nil)
        #expect(GLPKTerminal.parseProgress(" A: min|aij| =  5.233e-04  max|aij| =  1.053e+00", method: .dual) == nil)
    }

    // MARK: Crossover

    @Test("Crossover from a perturbed interior point reaches the simplex optimum exactly, on random capped storage LPs",
          arguments: [UInt64(1), 2, 3, 4])
    func crossoverFromNearbyPoint(seed: UInt64) throws {
        let model = cappedStorage(hours: 96, seed: seed)
        let reference = try GLPK.solve(model, options: SolverOptions(method: .dual))
        let optimum = try #require(reference.objectiveValue)
        var interiorOptions = SolverOptions(method: .interior)
        interiorOptions.concurrent = false
        let interior = try GLPK.solve(model, options: interiorOptions)
        #expect(interior.status == .optimal)
        // A point as a refused interior point leaves it: every value off by up to 1e-5.
        var random = SplitMix64(seed: seed)
        let values = interior.primalValues.map { $0 + 1e-5 * (Double(random.next() % 2001) / 1000 - 1) }
        let crossed = try #require(GLPK.crossover(model, from: (values, interior.reducedCosts), options: SolverOptions(), cancel: nil))
        #expect(crossed.status == .optimal, "\(crossed.attempts)")
        #expect(abs(try #require(crossed.objectiveValue) - optimum) <= 1e-9 * abs(optimum))
        #expect(try #require(crossed.quality).maxPrimalViolation <= 1e-9)
        #expect(!crossed.rowDuals.isEmpty, "a basis gives clean duals")
    }

    /// Interior point is made to fail by a gap tolerance only a vertex meets (1e-13): its
    /// points are refused, so the interior-point path ends in a crossover from the nearest one,
    /// with and without a dense row (1,200 hours: the cap row is split, then left whole).
    @Test("A refused interior point, after the retries (GLPK's own scaling, then dense rows whole), ends in a crossover to the exact optimum",
          arguments: [96, 1200])
    func crossoverAsLastResort(hours: Int) throws {
        let model = cappedStorage(hours: hours, seed: 7)
        let optimum = try #require(try GLPK.solve(model, options: SolverOptions(method: .dual)).objectiveValue)
        var options = SolverOptions(method: .interior)
        options.concurrent = false
        options.tolerances = SolutionTolerances(relativeGap: 1e-13)
        let result = try GLPK.solve(model, options: options)
        #expect(result.status == .optimal, "\(result.attempts)")
        #expect(abs(try #require(result.objectiveValue) - optimum) <= 1e-9 * abs(optimum))
        let methods = result.attempts.map(\.method)
        #expect(methods.first == .interior && methods.last == .primal, "\(result.attempts)")
        let interior = result.attempts.filter { $0.method == .interior }
        #expect(interior.count == (hours > 1000 ? 3 : 2), "\(result.attempts)")
        #expect(interior.dropFirst().first?.message?.hasPrefix("GLPK's automatic scaling") == true, "\(result.attempts)")
        if hours > 1000 { #expect(interior.last?.message?.hasPrefix("dense rows left whole") == true, "\(result.attempts)") }
    }

    /// What a Benders subproblem does instead of that crossover: the Lagrangian at the refused
    /// point's duals (weak duality) is a lower bound as close as the point was.
    @Test("Without the last-resort crossover a refused interior point ends the solve, and its duals bound the optimum from below")
    func refusedPointDualsBound() throws {
        let model = cappedStorage(hours: 96, seed: 7)
        let optimum = try #require(try GLPK.solve(model, options: SolverOptions(method: .dual)).objectiveValue)
        var options = SolverOptions(method: .interior)
        options.concurrent = false
        options.tolerances = SolutionTolerances(relativeGap: 1e-13)
        options.lastResortCrossover = false
        let result = try GLPK.solve(model, options: options)
        #expect(result.status != .optimal && result.primalValues.isEmpty)
        #expect(result.attempts.allSatisfy { $0.method == .interior }, "\(result.attempts)")
        #expect(result.refusedRowDuals.count == model.rowCount && result.refusedValues.count == model.columnCount)
        let bound = model.lagrangianBound(values: result.refusedValues, rowDuals: result.refusedRowDuals)
        #expect(bound.bound <= optimum + 1e-9 * abs(optimum))
        #expect(optimum - bound.bound <= 1e-5 * max(1, abs(optimum)))
    }

    /// The loosest fix first (``GLPK/crossoverFixDistances``): a column priced at its lower
    /// bound of 100 that sits 0.05 from it (within 1e-3 x 100) is fixed there, which a row
    /// forbids; the stricter fix (within 1e-5 x 100) leaves it free.
    @Test("A crossover whose loose fix leaves the model without a solution tries the stricter fix and reaches the optimum")
    func crossoverFallsBackToStricterFix() throws {
        var model = LinearProgram(name: "loose_fix", sense: .minimize)
        let x = model.addColumn(lower: 100, upper: 1_000, objective: 1)
        let y = model.addColumn(lower: 0, upper: 1_000, objective: 2)
        let floor = model.addRow(lower: 100.05, upper: .infinity)
        model.addCoefficient(floor, x, 1)
        let sum = model.addRow(lower: 101, upper: .infinity)
        model.addCoefficient(sum, x, 1)
        model.addCoefficient(sum, y, 1)
        // The optimum is x = 101, y = 0; a point at x = 100.05 that prices x firmly at its lower bound.
        let crossed = try #require(GLPK.crossover(model, from: (values: [100.05, 0.95], reducedCosts: [1, 1]), options: SolverOptions(), cancel: nil))
        #expect(GLPK.crossoverFixDistances.first! * 100 > 0.05 && GLPK.crossoverFixDistances.last! * 100 < 0.05)
        #expect(crossed.status == .optimal, "\(crossed.attempts)")
        #expect(abs(try #require(crossed.objectiveValue) - 101) <= 1e-9 * 101)
        #expect(crossed.attempts.count == 2, "the loose fix, then the strict one: \(crossed.attempts)")
        #expect(crossed.attempts.first?.status != .optimal)
    }

    @Test("A crossover whose strict fix would fix the same columns as its failed loose fix stops after one try and says it failed")
    func crossoverSkipsTheSameFix() throws {
        var model = LinearProgram(name: "same_fix", sense: .minimize)
        let x = model.addColumn(lower: 100, upper: 1_000, objective: 1)
        let floor = model.addRow(lower: 100.05, upper: .infinity)
        model.addCoefficient(floor, x, 1)
        // x sits on its bound, so every distance fixes it there, which the row forbids.
        let crossed = try #require(GLPK.crossover(model, from: (values: [100], reducedCosts: [1]), options: SolverOptions(), cancel: nil))
        #expect(crossed.status != .optimal)
        #expect(crossed.attempts.count == 1, "\(crossed.attempts)")
    }

    @Test("Crossover from a point far from the optimum is still exact, or says it failed; never a wrong optimum")
    func crossoverFromFarPoint() throws {
        let model = cappedStorage(hours: 48, seed: 9)
        let optimum = try #require(try GLPK.solve(model, options: SolverOptions(method: .dual)).objectiveValue)
        var random = SplitMix64(seed: 9)
        // Reduced costs of random sign: many columns fixed on the wrong bound.
        let values = (0..<model.columnCount).map { model.columnLower[$0] + (random.next() % 2 == 0 ? 0 : 1e-9) }
        let reducedCosts = (0..<model.columnCount).map { _ in Double(Int(random.next() % 3) - 1) }
        let crossed = try #require(GLPK.crossover(model, from: (values, reducedCosts), options: SolverOptions(), cancel: nil))
        if crossed.status == .optimal {
            #expect(abs(try #require(crossed.objectiveValue) - optimum) <= 1e-9 * abs(optimum))
        } else {
            #expect(crossed.attempts.first?.message?.contains("crossover") == true)
        }
    }
}
