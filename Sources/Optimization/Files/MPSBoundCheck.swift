import Foundation

/// A check of an MPS file's BOUNDS section that GLPK's reader gets wrong.
///
/// `glp_read_mps` (GLPK 5.0, api/mps.c line 812) asserts, and so aborts the whole process,
/// when one column receives two bounds that each set both sides (`FX`, `FR`, `BV`), e.g. two
/// `FX` lines for the same column; other repeated bounds get a proper "duplicate bound" error.
/// Found by fuzzing (`tools/fuzz/findings/FuzzLP/glp-read-mps-duplicate-fx.bin`). The file is
/// scanned before each read attempt in that attempt's format: free MPS (the column is the last
/// name before an optional value) or fixed MPS (the column name in columns 15-22).
enum MPSBoundCheck {
    /// The first repeated both-sided bound: its 1-based line and column name, or nil.
    static func firstRepeatedBothSidedBound(in data: Data, fixed: Bool) -> (line: Int, column: String)? {
        var inBounds = false
        var seen: Set<String> = []
        var lineNumber = 0
        let text = String(decoding: data, as: UTF8.self)
        for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
            lineNumber += 1
            let line = line.hasSuffix("\r") ? line.dropLast() : line
            guard let first = line.first, first != "*" else { continue }
            if first != " " && first != "\t" {
                inBounds = line.split(separator: " ").first.map { $0.uppercased() == "BOUNDS" } ?? false
                continue
            }
            guard inBounds else { continue }
            let fields = line.split(whereSeparator: { $0 == " " || $0 == "\t" })
            guard let type = fields.first?.uppercased(), ["FX", "FR", "BV"].contains(type) else { continue }
            let column: String
            if fixed {
                // Fixed MPS: the column name sits in columns 15-22.
                let characters = Array(line)
                guard characters.count > 14 else { continue }
                column = String(characters[14..<min(22, characters.count)]).trimmingCharacters(in: .whitespaces)
            } else {
                // Free MPS: type [bound set] column [value].
                var names = fields.dropFirst()
                if let last = names.last, Double(last) != nil, names.count > 1 { names = names.dropLast() }
                column = names.last.map(String.init) ?? ""
            }
            if !column.isEmpty, !seen.insert(column).inserted { return (lineNumber, column) }
        }
        return nil
    }
}
