import Foundation
import Optimization
import Testing

@Suite("Reading and writing MPS and CPLEX LP files")
struct ModelFileTests {
    let folder: URL

    init() throws {
        folder = FileManager.default.temporaryDirectory.appendingPathComponent("insula-files-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    }

    @Test("A model written as MPS or LP reads back with its names and solves to the same optimum",
          arguments: [ModelFileFormat.mps, .lp])
    func roundTrip(format: ModelFileFormat) throws {
        let (model, _) = TestModels.storage(hours: 24)
        let file = folder.appendingPathComponent("storage.\(format.rawValue)")
        try model.write(to: file, format: format)
        let read = try LinearProgram.read(from: file)
        #expect(read.rowCount == model.rowCount && read.columnCount == model.columnCount)
        #expect(read.nonzeroCount == model.nonzeroCount)
        // GLPK writes CPLEX LP names with parentheses for brackets.
        #expect(read.columnNames.contains(format == .lp ? "soc(3)" : "soc[3]"))
        let original = try GLPK.solve(model).objectiveValue!
        let reread = try GLPK.solve(read).objectiveValue!
        #expect(abs(original - reread) <= 1e-9 * abs(original))
        // No temporary file is left beside the output.
        let leftovers = try FileManager.default.contentsOfDirectory(atPath: folder.path).filter { $0.hasSuffix(".tmp") }
        #expect(leftovers.isEmpty)
    }

    @Test("The objective constant and maximisation survive a round trip through LP format")
    func constantAndSense() throws {
        var (model, _, _, _) = TestModels.wyndor()
        model.objectiveConstant = 4
        let file = folder.appendingPathComponent("wyndor.lp")
        try model.write(to: file, format: .lp)
        let read = try LinearProgram.read(from: file)
        #expect(read.objectiveSense == .maximize)
        #expect(abs(try GLPK.solve(read).objectiveValue! - 40) < tolerance)
    }

    @Test("glpsol solves an exported MPS file to the same objective", arguments: [false, true])
    func glpsolAgrees(withFreeRow: Bool) throws {
        let glpsol = "/usr/bin/glpsol"
        guard FileManager.default.isExecutableFile(atPath: glpsol) else {
            Issue.record("glpsol is missing: .ci/run installs glpk-utils")
            return
        }
        var (model, _) = TestModels.storage(hours: 48)
        if withFreeRow {
            // A free first row once made GLPK's writer drop the objective and glpsol minimise
            // the free row instead (seen on sites with SMR ramp rows, which are free at t = 0).
            let free = model.addRow(lower: -.infinity, upper: .infinity, name: "ramp[0]")
            model.addCoefficient(free, Column(0), 1)
        }
        let file = folder.appendingPathComponent("storage.mps")
        let report = folder.appendingPathComponent("storage.txt")
        try model.write(to: file, format: .mps)
        let process = Process()
        process.executableURL = URL(fileURLWithPath: glpsol)
        process.arguments = ["--freemps", file.path, "-o", report.path]
        process.standardOutput = Pipe()
        try process.run()
        process.waitUntilExit()
        #expect(process.terminationStatus == 0)
        let text = try String(contentsOf: report, encoding: .utf8)
        let line = try #require(text.split(separator: "\n").first { $0.hasPrefix("Objective:") })
        // "Objective:  obj = 123.456 (MINimum)"
        let value = try #require(line.split(separator: "=").last?.split(separator: " ").first.flatMap { Double($0) })
        let ours = try GLPK.solve(model).objectiveValue!
        #expect(abs(value - ours) <= 1e-6 * abs(ours))
    }

    @Test("A malformed MPS file is refused with its path and line")
    func malformedMPS() throws {
        let file = folder.appendingPathComponent("broken.mps")
        try """
            NAME broken
            ROWS
             N obj
             L c1
            COLUMNS
             x obj 1 c1 not-a-number
            RHS
             rhs c1 4
            ENDATA
            """.write(to: file, atomically: true, encoding: .utf8)
        do {
            _ = try LinearProgram.read(from: file)
            Issue.record("accepted a malformed file")
        } catch {
            #expect(error.path == file.path)
            #expect(error.line == 6)
            #expect(error.description.hasPrefix("\(file.path):6:"))
        }
    }

    @Test("Missing files, folders, unknown extensions and binary garbage are refused")
    func unreadable() throws {
        #expect(throws: ModelFileError.self) { _ = try LinearProgram.read(from: folder.appendingPathComponent("nope.mps")) }
        #expect(throws: ModelFileError.self) { _ = try LinearProgram.read(from: folder) }
        let text = folder.appendingPathComponent("model.txt")
        try "x".write(to: text, atomically: true, encoding: .utf8)
        #expect(throws: ModelFileError.self) { _ = try LinearProgram.read(from: text) }
        let garbage = folder.appendingPathComponent("garbage.lp")
        try Data((0..<4096).map { UInt8(truncatingIfNeeded: $0 &* 2_654_435_761 >> 7) }).write(to: garbage)
        #expect(throws: ModelFileError.self) { _ = try LinearProgram.read(from: garbage) }
        let empty = folder.appendingPathComponent("empty.mps")
        try Data().write(to: empty)
        #expect(throws: ModelFileError.self) { _ = try LinearProgram.read(from: empty) }
    }

    @Test("Writing into a missing folder fails cleanly without leaving files")
    func unwritable() {
        let (model, _, _, _) = TestModels.wyndor()
        let target = folder.appendingPathComponent("missing/sub/model.mps")
        #expect(throws: (any Error).self) { try model.write(to: target, format: .mps) }
        #expect(!FileManager.default.fileExists(atPath: target.path))
    }

    @Test("Exports refuse duplicate names")
    func duplicateNames() {
        var model = LinearProgram()
        model.addColumn(objective: 1, name: "x")
        model.addColumn(objective: 1, name: "x")
        #expect(throws: ModelError.self) { try model.write(to: folder.appendingPathComponent("dup.mps"), format: .mps) }
    }
}
