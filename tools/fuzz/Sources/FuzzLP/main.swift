import FuzzSupport
import Foundation
import Optimization

/// Doubles that tend to break numerical code; a byte picks one (or, past the table, a scaled
/// small integer), so the fuzzer reaches them without guessing 8-byte patterns.
private let interesting: [Double] = [0, 1, -1, 0.5, 2, 1e-9, 1e9, 1e30, -1e30, 1e300, -1e300, .greatestFiniteMagnitude,
                                     -.greatestFiniteMagnitude, .leastNonzeroMagnitude, .infinity, -.infinity, .nan, 1e-300]

private struct ByteReader {
    var bytes: UnsafeBufferPointer<UInt8>
    var position = 0
    mutating func next() -> UInt8? {
        guard position < bytes.count else { return nil }
        defer { position += 1 }
        return bytes[position]
    }
    mutating func number() -> Double {
        guard let byte = next() else { return 0 }
        return Int(byte) < interesting.count ? interesting[Int(byte)] : Double(Int(byte) - 128) / 4
    }
}

/// A small model decoded from bytes: at most 7 rows and 7 columns with any bounds, kinds,
/// objective and (possibly repeated) coefficients. It must be validated or solved, never
/// crash GLPK (which aborts the process on input it rejects).
private func decodedModel(_ bytes: UnsafeBufferPointer<UInt8>) -> LinearProgram {
    var reader = ByteReader(bytes: bytes)
    var model = LinearProgram(name: "fuzz", sense: (reader.next() ?? 0) & 1 == 0 ? .minimize : .maximize)
    let columns = Int(reader.next() ?? 0) % 8, rows = Int(reader.next() ?? 0) % 8
    for index in 0..<columns {
        let kind: LinearProgram.ColumnKind = [.continuous, .integer, .binary][Int(reader.next() ?? 0) % 3]
        model.addColumn(lower: reader.number(), upper: reader.number(), objective: reader.number(), kind: kind, name: "x\(index)")
    }
    for index in 0..<rows { model.addRow(lower: reader.number(), upper: reader.number(), name: "r\(index)") }
    model.objectiveConstant = reader.number()
    while columns > 0, rows > 0, let row = reader.next(), let column = reader.next() {
        model.addCoefficient(Row(Int(row) % rows), Column(Int(column) % columns), reader.number())
    }
    return model
}

/// libFuzzer entry: the first byte picks the mode: an MPS file, a CPLEX LP file (both read
/// with GLPK's readers, then validated), or a decoded model handed to `GLPK.solve`.
@_cdecl("LLVMFuzzerTestOneInput")
func fuzzLP(_ bytes: UnsafePointer<UInt8>?, _ count: Int) -> CInt {
    guard let data = bytes else { return 0 }
    guard count > 0 else { return 0 }
    let body = UnsafeBufferPointer(start: data + 1, count: count - 1)
    var options = SolverOptions()
    options.timeLimitSeconds = 1
    switch data[0] % 3 {
    case 0, 1:
        let name = data[0] % 3 == 0 ? "model.mps" : "model.lp"
        let url = FuzzWorkspace.shared.write(UnsafeRawBufferPointer(body), to: name)
        guard let model = try? LinearProgram.read(from: url) else { return 0 }
        guard (try? model.validate()) != nil else { return 0 }
        if model.rowCount <= 50, model.columnCount <= 50 { _ = try? GLPK.solve(model, options: options) }
    default:
        _ = try? GLPK.solve(decodedModel(body), options: options)
    }
    return 0
}

runFuzzer(fuzzLP)
