import Foundation
import Optimization
import Testing

@Suite("MPS files with repeated both-sided bounds are refused before GLPK reads them (found by fuzzing)")
struct MPSBoundCheckTests {
    static func file(_ bounds: String) throws -> URL {
        let text = "NAME t\nROWS\n N obj\n G c1\nCOLUMNS\n x obj 1 c1 1\n y obj 2 c1 1\nRHS\n rhs c1 1\nBOUNDS\n\(bounds)ENDATA\n"
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("bounds-\(UUID().uuidString).mps")
        try text.write(to: url, atomically: true, encoding: .utf8)
        return url
    }

    /// Each pair made glp_read_mps abort the process (assertion in api/mps.c, GLPK 5.0).
    @Test("Two of FX, FR, BV on one column: an error naming the column and line, not an abort",
          arguments: ["FX bnd x 0\n FX bnd x 0", "FR bnd x\n FX bnd x 1", "BV bnd x\n FR bnd x", "BV bnd x\n BV bnd x"])
    func refused(bounds: String) throws {
        let url = try Self.file(" " + bounds + "\n")
        defer { try? FileManager.default.removeItem(at: url) }
        #expect {
            _ = try LinearProgram.read(from: url)
        } throws: { error in
            let failure = error as? ModelFileError
            return failure?.line == 12 && failure?.message.contains("column 'x' has more than one FX, FR or BV bound") == true
        }
    }

    @Test("Distinct columns, even with equal characters in the fixed-format name field, are read normally")
    func distinctColumnsRead() throws {
        let text = """
        NAME t
        ROWS
         N obj
         G c1
        COLUMNS
         gen_a[1] obj 1 c1 1
         gen_b[1] obj 2 c1 1
        RHS
         rhs c1 1
        BOUNDS
         FX BND1 gen_a[1] 2
         FX BND1 gen_b[1] 0
        ENDATA

        """
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("distinct-\(UUID().uuidString).mps")
        defer { try? FileManager.default.removeItem(at: url) }
        try text.write(to: url, atomically: true, encoding: .utf8)
        let model = try LinearProgram.read(from: url)
        #expect(model.columnCount == 2)
        #expect(model.columnLower == [2, 0] && model.columnUpper == [2, 0])
    }
}
