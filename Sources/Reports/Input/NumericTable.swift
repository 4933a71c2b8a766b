import Foundation
import Island

/// A CSV file whose named columns are read as numbers, with every bad cell traced to its row.
struct NumericTable {
    let file: String
    let table: CSVTable

    /// Reads and parses `url`; `display` names the file in errors.
    init(url: URL, display: String) throws(ReportInputError) {
        file = display
        let data: Data
        do {
            data = try Data(contentsOf: url)
        } catch {
            throw ReportInputError(file: display, "cannot read the file (\(error.localizedDescription))")
        }
        do {
            table = try CSVTable.parse(data)
        } catch {
            throw ReportInputError(file: display, line: error.dataLine, error.message)
        }
    }

    var rowCount: Int { table.rows.count }

    func has(_ column: String) -> Bool { table.header.contains(column) }

    func index(of column: String) throws(ReportInputError) -> Int {
        guard let index = table.header.firstIndex(of: column) else {
            throw ReportInputError(file: file, "no column \"\(column)\" (columns: \(table.header.joined(separator: ", ")))")
        }
        return index
    }

    /// The raw text of `column` in each row ("" when a row is short).
    func strings(_ column: String) throws(ReportInputError) -> [String] {
        let index = try index(of: column)
        return table.rows.map { index < $0.count ? $0[index] : "" }
    }

    /// The numbers of `column`; empty cells become nil when `optional`, else an error.
    func numbers(_ column: String, optional: Bool = false) throws(ReportInputError) -> [Double?] {
        let index = try index(of: column)
        var values: [Double?] = []
        values.reserveCapacity(table.rows.count)
        for (row, fields) in table.rows.enumerated() {
            let text = index < fields.count ? fields[index].trimmingCharacters(in: .whitespaces) : ""
            if text.isEmpty {
                guard optional else { throw cellError(column, row, "empty cell") }
                values.append(nil)
                continue
            }
            guard let value = Double(text) else { throw cellError(column, row, "not a number (\"\(text)\")") }
            values.append(value)
        }
        return values
    }

    /// The numbers of a column that must be complete; NaN stays NaN (e.g. a missing marginal price).
    func requiredNumbers(_ column: String) throws(ReportInputError) -> [Double] {
        try numbers(column).map { $0! }
    }

    func cellError(_ column: String, _ row: Int, _ message: String) -> ReportInputError {
        ReportInputError(file: file, column: column, row: row + 1, line: table.lines[row], message)
    }
}
