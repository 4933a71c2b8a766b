import Foundation

/// A run or batch folder that cannot be reported on, with the file, column and row at fault.
///
/// Printed as `out/run/dispatch.csv, column "smr_mw", row 12 (line 13): not a number ("abc")`;
/// rows are 1-based data rows (the header is not counted).
public struct ReportInputError: Error, Sendable, Equatable, CustomStringConvertible, LocalizedError {
    public var file: String
    public var column: String?
    public var row: Int?
    public var line: Int?
    public var message: String

    public init(file: String, column: String? = nil, row: Int? = nil, line: Int? = nil, _ message: String) {
        self.file = file
        self.column = column
        self.row = row
        self.line = line
        self.message = message
    }

    public var description: String {
        var text = file
        if let column { text += ", column \"\(column)\"" }
        if let row {
            text += ", row \(row)"
            if let line { text += " (line \(line))" }
        } else if let line {
            text += ", line \(line)"
        }
        return text + ": " + message
    }

    public var errorDescription: String? { description }
}
