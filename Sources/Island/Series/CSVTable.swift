import Foundation

/// A CSV file read into memory: a header and rows of fields (RFC 4180 quoting, UTF-8, optional
/// BOM, LF or CRLF line ends). Blank lines are skipped but keep their line numbers.
///
/// Exports such as NSRDB and PVWatts put metadata lines above the header; those lines are kept
/// apart as the `preamble`, each split on its own so that a stray quote there cannot swallow the data.
public final class CSVTable {
    public let header: [String]
    /// Data rows, in file order.
    public let rows: [[String]]
    /// 1-based file line on which each data row starts.
    public let lines: [Int]
    /// 1-based file line of the header.
    public let headerLine: Int
    /// The lines above the header, split as CSV (blank lines included as `[""]`).
    public let preamble: [[String]]

    init(header: [String], rows: [[String]], lines: [Int], headerLine: Int = 1, preamble: [[String]] = []) {
        self.header = header
        self.rows = rows
        self.lines = lines
        self.headerLine = headerLine
        self.preamble = preamble
    }

    /// Index of `column` in the header (exact match first, then ignoring case and outer spaces).
    public func columnIndex(_ column: String) -> Int? {
        if let index = header.firstIndex(of: column) { return index }
        let wanted = column.trimmingCharacters(in: .whitespaces).lowercased()
        return header.firstIndex { $0.trimmingCharacters(in: .whitespaces).lowercased() == wanted }
    }

    /// Every header that `column` names, when more than one does: the same name twice, or
    /// names that differ only in case or outer spaces (`price`, `Price `). Such a file is
    /// refused rather than the first one silently used.
    public func collidingColumns(_ column: String) -> [Int]? {
        let wanted = column.trimmingCharacters(in: .whitespaces).lowercased()
        let matches = header.indices.filter { header[$0].trimmingCharacters(in: .whitespaces).lowercased() == wanted }
        return matches.count > 1 ? matches : nil
    }

    /// Parses CSV bytes whose header is on line `headerLine` (1-based).
    /// - Throws: `DataFileFailure` for invalid UTF-8, an empty file, an unterminated quote, or a
    ///   `headerLine` past the end of the file or on a blank line (`atHeaderRow` set).
    public static func parse(_ data: Data, headerLine: Int = 1) throws(DataFileFailure) -> CSVTable {
        precondition(headerLine >= 1, "header lines are 1-based")
        var bytes = [UInt8](data)
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { bytes.removeFirst(3) }
        guard String(validating: bytes, as: UTF8.self) != nil else {
            throw DataFileFailure(message: "not valid UTF-8 text")
        }
        // Split off the lines above the header before any quote handling.
        var start = 0
        var preamble: [[String]] = []
        for _ in 1..<headerLine {
            guard let end = bytes[start...].firstIndex(of: 0x0A) else {
                let lineCount = preamble.count + (start < bytes.count ? 1 : 0)
                throw DataFileFailure(message: "header_row \(headerLine) is past the end of the file (\(lineCount) lines)",
                                      atHeaderRow: true)
            }
            let line = bytes[start..<end]
            preamble.append((try? records(line, firstLine: 1).records.first) ?? [String(decoding: line, as: UTF8.self)])
            start = end + 1
        }
        let (records, recordLines, nul) = try records(bytes[start...], firstLine: headerLine)
        if let nul {
            // A NUL byte ends a C string: "1\0" would read as 1. Refused wherever it is.
            let column = nul.record > 0 && nul.field < records[0].count ? records[0][nul.field] : nil
            throw DataFileFailure(message: nul.record == 0 ? "the header holds a NUL byte (field \(nul.field + 1))"
                                      : "a cell holds a NUL byte (field \(nul.field + 1)): is this a text CSV file?",
                                  row: nul.record > 0 ? nul.record : nil, dataLine: nul.line, column: column)
        }
        guard let header = records.first else {
            if headerLine == 1 { throw DataFileFailure(message: "empty file (no header row)") }
            throw DataFileFailure(message: "no header at header_row \(headerLine): the file has no data below line \(headerLine - 1)",
                                  atHeaderRow: true)
        }
        if recordLines[0] != headerLine {
            throw DataFileFailure(message: "line \(headerLine) (header_row) is blank; the next line with content is \(recordLines[0])",
                                  dataLine: headerLine, atHeaderRow: true)
        }
        return CSVTable(header: header, rows: Array(records.dropFirst()), lines: Array(recordLines.dropFirst()),
                        headerLine: headerLine, preamble: preamble)
    }

    /// Splits bytes into records of fields, each with the 1-based line it starts on.
    private static func records(_ bytes: ArraySlice<UInt8>, firstLine: Int) throws(DataFileFailure)
        -> (records: [[String]], lines: [Int], nul: (record: Int, field: Int, line: Int)?) {
        var firstNUL: (record: Int, field: Int, line: Int)?
        var records: [[String]] = []
        var recordLines: [Int] = []
        var fields: [String] = []
        var field: [UInt8] = []
        var inQuotes = false
        var line = firstLine
        var recordStartLine = firstLine
        var index = bytes.startIndex
        var fieldStarted = false
        let end = bytes.endIndex

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

        while index < end {
            let byte = bytes[index]
            if inQuotes {
                if byte == 0x22 {
                    if index + 1 < end, bytes[index + 1] == 0x22 {
                        field.append(0x22)
                        index += 2
                        continue
                    }
                    inQuotes = false
                } else {
                    if byte == 0x0A { line += 1 }
                    if byte == 0, firstNUL == nil { firstNUL = (records.count, fields.count, recordStartLine) }
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
                if byte == 0, firstNUL == nil { firstNUL = (records.count, fields.count, recordStartLine) }
                field.append(byte)
                fieldStarted = true
            }
            index += 1
        }
        if inQuotes { throw DataFileFailure(message: "unterminated quoted field", dataLine: recordStartLine) }
        if !field.isEmpty || !fields.isEmpty { endRecord() }
        return (records, recordLines, firstNUL)
    }
}
