import Foundation
import Island

/// Forecasts read from a file, the usual shape of a forecast archive: one row per issue time
/// and target time, one column per series.
///
/// Header: `issue_utc,target_utc,` then any of `price:FEED`, `carbon:FEED`,
/// `capacity_factor:PLANT`, `inference_mw` (names as in the site). Timestamps are UTC (naive
/// means UTC). A series with a column here is read from the file; the others come from the
/// error models.
public struct ForecastArchive: Sendable {
    /// value[column][issue epoch][target epoch]
    var values: [String: [Int64: [Int64: Double]]] = [:]
    public let columns: [String]
    public let path: String

    public struct Failure: Error, CustomStringConvertible, Sendable {
        public var description: String
    }

    public init(path: String) throws {
        self.path = path
        let data: Data
        do { data = try Data(contentsOf: URL(fileURLWithPath: path)) } catch {
            throw Failure(description: "\(path): cannot be read (\(error.localizedDescription))")
        }
        let table: CSVTable
        do { table = try CSVTable.parse(data) } catch { throw Failure(description: "\(path): \(error)") }
        guard let issueColumn = table.columnIndex("issue_utc"), let targetColumn = table.columnIndex("target_utc") else {
            throw Failure(description: "\(path): the header needs issue_utc and target_utc columns")
        }
        let seriesColumns = table.header.indices.filter { $0 != issueColumn && $0 != targetColumn }
        columns = seriesColumns.map { table.header[$0] }
        for (rowIndex, row) in table.rows.enumerated() {
            let line = table.lines[rowIndex]
            func time(_ column: Int) throws -> Int64 {
                guard column < row.count, let epoch = Horizon.parseUTC(row[column]) else {
                    throw Failure(description: "\(path), line \(line): \(table.header[column]) is not a UTC timestamp")
                }
                return epoch
            }
            let issue = try time(issueColumn), target = try time(targetColumn)
            guard target >= issue else {
                throw Failure(description: "\(path), line \(line): target_utc is before issue_utc")
            }
            for column in seriesColumns {
                let text = column < row.count ? row[column].trimmingCharacters(in: .whitespaces) : ""
                if text.isEmpty { continue }
                guard let value = Double(text), value.isFinite else {
                    throw Failure(description: "\(path), line \(line): \(table.header[column]) is not a finite number (\"\(text)\")")
                }
                values[table.header[column], default: [:]][issue, default: [:]][target] = value
            }
        }
    }

    /// Whether the file has this series column at all.
    func has(_ column: String) -> Bool { values[column] != nil }

    /// One value, if the file has it.
    func value(_ column: String, issue: Int64, target: Int64) -> Double? { values[column]?[issue]?[target] }

    /// The forecast of `column` issued at `issue` for each target, or a failure naming the
    /// first target the file does not cover.
    func forecast(_ column: String, issue: Int64, targets: [Int64]) throws -> [Double] {
        let issued = values[column]?[issue]
        return try targets.map { target in
            guard let value = issued?[target] else {
                throw Failure(description: "\(path): no forecast of \(column) issued at \(Horizon.format(epochSeconds: issue)) for \(Horizon.format(epochSeconds: target))")
            }
            return value
        }
    }
}
