import Foundation

/// One problem found in a site file or in a file it references.
///
/// Printed as `site.yaml:23: grid_feeds[0].import_capacity_mw: must be >= 0 MW, got -5`, or for a
/// cell of a data file `site.yaml: grid_feeds[0].price_usd_per_mwh: prices.csv, column "price",
/// row 4312 (line 4313): not a number ("abc")`. Rows are 1-based data rows (the header is not
/// counted); `line` in the data-file part is the 1-based line of the file.
public struct SiteIssue: Sendable, Equatable, CustomStringConvertible {
    /// The site file, as the user named it.
    public var file: String
    /// Key path into the site file, e.g. `grid_feeds[1].price_usd_per_mwh`; empty for the whole file.
    public var keyPath: String
    /// 1-based line of the key in the site file, when known.
    public var line: Int?
    /// The referenced data file (CSV, EPW, JSON) as written in the site file, when the problem is in it.
    public var dataFile: String?
    /// The data-file column, when the problem is in one.
    public var column: String?
    /// 1-based data row of the data file (header excluded), when the problem is in one row.
    public var row: Int?
    /// 1-based line of the data file for `row`.
    public var dataLine: Int?
    /// What is wrong, with the value found and what was expected.
    public var message: String

    public init(file: String, keyPath: String, line: Int? = nil, dataFile: String? = nil,
                column: String? = nil, row: Int? = nil, dataLine: Int? = nil, message: String) {
        self.file = file
        self.keyPath = keyPath
        self.line = line
        self.dataFile = dataFile
        self.column = column
        self.row = row
        self.dataLine = dataLine
        self.message = message
    }

    public var description: String {
        var text = file
        if let line { text += ":\(line)" }
        text += ": "
        // A key path is built from the file's keys: an unknown key can be megabytes long.
        if !keyPath.isEmpty { text += Echo.plain(keyPath, limit: 160) + ": " }
        if let dataFile {
            text += dataFile
            if let column { text += ", column \(Echo.quoted(column))" }
            if let row {
                text += ", row \(row)"
                if let dataLine { text += " (line \(dataLine))" }
            } else if let dataLine {
                text += ", line \(dataLine)"
            }
            text += ": "
        }
        // Names from the user's files (keys, columns, file names) may hold control characters.
        return Echo.escaped(text + message)
    }
}

/// Thrown when a site (or an override) is invalid; holds every problem found, not only the first.
public struct SiteValidationError: Error, Sendable, CustomStringConvertible, LocalizedError {
    public var issues: [SiteIssue]

    public init(_ issues: [SiteIssue]) {
        self.issues = issues
    }

    /// One problem per line.
    public var description: String { issues.map(\.description).joined(separator: "\n") }
    public var errorDescription: String? { description }
}
