import Foundation

/// A CSV file read into memory: a header and rows of fields (RFC 4180 quoting, UTF-8, optional
/// BOM, LF or CRLF line ends). Blank lines are skipped but keep their line numbers.
public final class CSVTable {
    public let header: [String]
    /// Data rows, in file order.
    public let rows: [[String]]
    /// 1-based file line on which each data row starts.
    public let lines: [Int]

    init(header: [String], rows: [[String]], lines: [Int]) {
        self.header = header
        self.rows = rows
        self.lines = lines
    }

    /// Index of `column` in the header (exact match first, then ignoring case and outer spaces).
    public func columnIndex(_ column: String) -> Int? {
        if let index = header.firstIndex(of: column) { return index }
        let wanted = column.trimmingCharacters(in: .whitespaces).lowercased()
        return header.firstIndex { $0.trimmingCharacters(in: .whitespaces).lowercased() == wanted }
    }

    /// Parses CSV bytes.
    /// - Throws: `DataFileFailure` for invalid UTF-8, an empty file or an unterminated quote.
    public static func parse(_ data: Data) throws(DataFileFailure) -> CSVTable {
        var bytes = [UInt8](data)
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { bytes.removeFirst(3) }
        guard String(validating: bytes, as: UTF8.self) != nil else {
            throw DataFileFailure(message: "not valid UTF-8 text")
        }
        var records: [[String]] = []
        var recordLines: [Int] = []
        var fields: [String] = []
        var field: [UInt8] = []
        var inQuotes = false
        var line = 1
        var recordStartLine = 1
        var index = 0
        var fieldStarted = false
        let count = bytes.count

        func endField() {
            fields.append(String(decoding: field, as: UTF8.self))
            field.removeAll(keepingCapacity: true)
            fieldStarted = false
        }
        func endRecord() {
            endField()
            if !(fields.count == 1 && fields[0].isEmpty) {
                records.append(fields)
                recordLines.append(recordStartLine)
            }
            fields = []
        }

        while index < count {
            let byte = bytes[index]
            if inQuotes {
                if byte == 0x22 {
                    if index + 1 < count, bytes[index + 1] == 0x22 {
                        field.append(0x22)
                        index += 2
                        continue
                    }
                    inQuotes = false
                } else {
                    if byte == 0x0A { line += 1 }
                    field.append(byte)
                }
                index += 1
                continue
            }
            switch byte {
            case 0x22 where !fieldStarted && field.isEmpty:
                inQuotes = true
                fieldStarted = true
            case 0x2C:
                endField()
            case 0x0D:
                break
            case 0x0A:
                endRecord()
                line += 1
                recordStartLine = line
            default:
                field.append(byte)
                fieldStarted = true
            }
            index += 1
        }
        if inQuotes { throw DataFileFailure(message: "unterminated quoted field", dataLine: recordStartLine) }
        if !field.isEmpty || !fields.isEmpty { endRecord() }
        guard let header = records.first else { throw DataFileFailure(message: "empty file (no header row)") }
        return CSVTable(header: header, rows: Array(records.dropFirst()), lines: Array(recordLines.dropFirst()))
    }
}
