@testable import Optimization
import Testing

@Suite("Models are validated in Swift before GLPK sees them")
struct ValidationTests {
    /// A valid two-column model to break in one way per test.
    static func base() -> (LinearProgram, Column, Row) {
        var model = LinearProgram()
        let column = model.addColumn(lower: 0, upper: 10, objective: 1, name: "smr[3]")
        let row = model.addRow(.lessOrEqual, 5, name: "balance[2025-07-14T15:00Z]")
        model.addCoefficient(row, column, 1)
        return (model, column, row)
    }

    static let cases: [(String, @Sendable (inout LinearProgram, Column, Row) -> Void, String)] = [
        ("NaN coefficient", { m, c, r in m.addCoefficient(r, c, .nan) }, "row 'balance[2025-07-14T15:00Z]', column 'smr[3]' is nan"),
        ("infinite coefficient", { m, c, r in m.addCoefficient(r, c, .infinity) }, "is inf"),
        ("NaN objective", { m, c, _ in m.setObjective(c, .nan) }, "column 'smr[3]': objective coefficient is nan"),
        ("infinite objective", { m, c, _ in m.setObjective(c, -.infinity) }, "objective coefficient is -inf"),
        ("lower above upper", { m, c, _ in m.setBounds(c, lower: 5, upper: 2) }, "column 'smr[3]': lower bound 5.0 exceeds upper bound 2.0"),
        ("NaN bound", { m, c, _ in m.setBounds(c, lower: .nan, upper: 2) }, "bound is NaN"),
        ("+inf lower bound", { m, c, _ in m.setBounds(c, lower: .infinity, upper: .infinity) }, "lower bound is +infinity"),
        ("-inf upper bound", { m, c, _ in m.setBounds(c, lower: -.infinity, upper: -.infinity) }, "upper bound is -infinity"),
        ("row bounds crossed", { m, _, r in m.setBounds(r, lower: 3, upper: 1) }, "row 'balance[2025-07-14T15:00Z]': lower bound 3.0 exceeds upper bound 1.0"),
        ("row index out of range", { m, c, _ in m.addCoefficient(Row(7), c, 1) }, "row index 7 is outside 0..<1"),
        ("column index out of range", { m, _, r in m.addCoefficient(r, Column(-2), 1) }, "column index -2 is outside 0..<1"),
        ("name with a space", { m, c, _ in m.setName(c, "smr 3") }, "contains a space"),
        ("name with a tab", { m, c, _ in m.setName(c, "smr\t3") }, "control character"),
        ("name with a C1 control (NEL)", { m, c, _ in m.setName(c, "smr\u{85}3") }, "control character"),
        ("name too long", { m, c, _ in m.setName(c, String(repeating: "x", count: 300)) }, "longer than 255 bytes"),
        ("NaN constant", { m, _, _ in m.objectiveConstant = .nan }, "objective constant is nan"),
        ("binary outside [0, 1]", { m, _, _ in
            let b = m.addColumn(kind: .binary, name: "on")
            m.setBounds(b, lower: 0, upper: 3)
        }, "binary column"),
    ]

    @Test("Each kind of bad input is named in the error", arguments: 0..<cases.count)
    func badInput(index: Int) {
        let (label, breakIt, fragment) = Self.cases[index]
        var (model, column, row) = Self.base()
        breakIt(&model, column, row)
        do {
            try model.validate()
            Issue.record("\(label): accepted")
        } catch {
            #expect(error.description.contains(fragment), "\(label): \(error.description)")
        }
        // And the solver refuses it the same way instead of letting GLPK abort.
        #expect(throws: ModelError.self) { _ = try GLPK.solve(model) }
    }

    @Test("The byte-level name check agrees with Unicode's control category for every scalar")
    func controlCharacterScan() {
        var disagreements: [UInt32] = []
        for value in UInt32(0)...0x10FFFF {
            guard let scalar = Unicode.Scalar(value) else { continue }  // surrogates
            let expected = scalar.properties.generalCategory == .control || scalar == " "
            let name = "a" + String(Character(scalar)) + "é"
            if LinearProgram.containsSpaceOrControl(name) != expected { disagreements.append(value) }
        }
        #expect(disagreements.isEmpty, "scalars: \(disagreements.prefix(10).map { String($0, radix: 16) })")
        #expect(!LinearProgram.containsSpaceOrControl("balance[2025-07-14T15:00Z]"))
        #expect(!LinearProgram.containsSpaceOrControl("Zürich→grid"))
    }

    @Test("Every problem is reported, not only the first")
    func allProblems() {
        var (model, column, row) = Self.base()
        model.setObjective(column, .nan)
        model.setBounds(row, lower: 2, upper: 1)
        model.addCoefficient(row, column, .infinity)
        #expect(throws: ModelError.self) { try model.validate() }
        do { try model.validate() } catch { #expect(error.problems.count == 3) }
    }

    @Test("Exports need unique names; complete names can be demanded")
    func names() throws {
        var (model, _, _) = Self.base()
        model.addColumn(name: "smr[3]")
        try model.validate()  // duplicates are fine for solving
        #expect(throws: ModelError.self) { try model.validate(names: .uniqueIfPresent) }
        var unnamed = Self.base().0
        unnamed.addColumn()
        try unnamed.validate(names: .uniqueIfPresent)
        do {
            try unnamed.validate(names: .uniqueAndComplete)
            Issue.record("an unnamed column was accepted")
        } catch {
            #expect(error.description.contains("column #2 has no name"))
        }
    }

    @Test("Random models with NaN, infinities and crossed bounds are all rejected in Swift")
    func randomBadModels() {
        var generator = SplitMix64(seed: 42)
        let poison: [Double] = [.nan, .infinity, -.infinity]
        for trial in 0..<300 {
            var model = LinearProgram()
            let columns = 1 + Int(generator.next() % 6), rows = 1 + Int(generator.next() % 6)
            let block = model.addColumns(count: columns, lower: { _ in 0 }, upper: { _ in 10 }, objective: { Double($0) })
            let rowBlock = model.addRows(count: rows, .lessOrEqual, rhs: { _ in 5 })
            for i in 0..<rows { for j in 0..<columns where generator.next() % 2 == 0 { model.addCoefficient(rowBlock[i], block[j], 1) } }
            let victim = Int(generator.next() % 5)
            let value = poison[Int(generator.next() % 3)]
            let j = Int(generator.next() % UInt64(columns)), i = Int(generator.next() % UInt64(rows))
            switch victim {
            case 0: model.addCoefficient(rowBlock[i], block[j], value)
            case 1: model.setObjective(block[j], value)
            case 2: model.setBounds(block[j], lower: 11, upper: 3)
            case 3: model.setBounds(rowBlock[i], lower: .nan, upper: 1)
            default: model.addCoefficient(Row(rows + i), block[j], 1)
            }
            #expect(throws: ModelError.self, "trial \(trial)") { _ = try GLPK.solve(model) }
        }
    }
}

/// A small deterministic generator for seeded tests (SplitMix64).
struct SplitMix64: RandomNumberGenerator {
    var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
