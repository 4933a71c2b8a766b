import Foundation

/// Timestamps spread over separate columns (`timestamp_columns: {year, month, day, hour, minute}`),
/// as NSRDB and PVWatts export them. Hours are 0-23 and, like every timestamp in a series file,
/// mark the start of the row's interval.
///
/// Without a `year` column the file is a typical year (PVWatts, TMY): its rows are laid onto every
/// year the horizon touches by month, day, hour and minute. A leap year's Feb 29 takes Feb 28's
/// rows unless the file has its own, and a file's Feb 29 rows are skipped in common years (as the
/// EPW reader does).
struct TimestampColumns: Equatable, Sendable {
    var year: String?
    var month: String
    var day: String
    var hour: String
    var minute: String?

    /// Keys of `timestamp_columns` in the site file.
    static let keys = ["year", "month", "day", "hour", "minute"]

    var isTypicalYear: Bool { year == nil }

    /// The columns given, with their keys, in key order.
    var named: [(key: String, column: String)] {
        [("year", year), ("month", month), ("day", day), ("hour", hour), ("minute", minute)]
            .compactMap { key, column in column.map { (key, $0) } }
    }

    /// For messages: `Year, Month, Day, Hour, Minute`.
    var description: String { named.map(\.column).joined(separator: ", ") }
}

/// A row's local wall time from split timestamp columns; `year` is nil in a typical year.
struct LocalWallTime: Hashable, Sendable {
    var year: Int?
    var month: Int
    var day: Int
    var hour: Int
    var minute: Int

    /// `2023-01-01 00:30`, or `01-01 00:30` in a typical year.
    var label: String {
        let date = String(format: "%02d-%02d %02d:%02d", month, day, hour, minute)
        return year.map { String(format: "%04d-", $0) + date } ?? date
    }

    /// This time in `year` read as UTC, in seconds since 1970 (for a dated row, its own year).
    func wallEpochSeconds(year: Int) -> Int64 {
        CivilTime(year: self.year ?? year, month: month, day: day, hour: hour, minute: minute).epochSeconds
    }
}

/// Reads `TimestampColumns` from the rows of one table.
struct SplitTimestampReader {
    let columns: TimestampColumns
    /// Field indices of year, month, day, hour, minute (nil when the column is not used).
    private let indices: [Int?]

    /// A row whose time cannot be read: the column at fault and why.
    struct Failure: Error, Equatable {
        var column: String
        var message: String
    }

    /// - Returns: nil when a named column is not in the header; `missing` then lists them as `key: column`.
    init?(columns: TimestampColumns, table: CSVTable, missing: inout [(key: String, column: String)]) {
        self.columns = columns
        var indices: [Int?] = []
        for (key, column) in [("year", columns.year), ("month", columns.month), ("day", columns.day),
                              ("hour", columns.hour), ("minute", columns.minute)] as [(String, String?)] {
            guard let column else { indices.append(nil); continue }
            guard let index = table.columnIndex(column) else {
                missing.append((key, column))
                indices.append(nil)
                continue
            }
            indices.append(index)
        }
        guard missing.isEmpty else { return nil }
        self.indices = indices
    }

    /// Field indices of the time columns, so that value statistics can skip them.
    var columnIndices: Set<Int> { Set(indices.compactMap { $0 }) }

    func read(_ fields: [String]) -> Result<LocalWallTime, Failure> {
        let names = [columns.year, columns.month, columns.day, columns.hour, columns.minute]
        var parts: [Int?] = []
        for (slot, index) in indices.enumerated() {
            guard let index else { parts.append(nil); continue }
            let name = names[slot]!
            let text = index < fields.count ? fields[index].trimmingCharacters(in: .whitespaces) : ""
            guard let value = Int(text) else {
                return .failure(Failure(column: name, message: text.isEmpty
                    ? "empty \(TimestampColumns.keys[slot]) cell"
                    : "\(TimestampColumns.keys[slot]) \(Echo.quoted(text)) is not a whole number"))
            }
            parts.append(value)
        }
        let year = parts[0], month = parts[1]!, day = parts[2]!, hour = parts[3]!, minute = parts[4] ?? 0
        guard (1...12).contains(month) else {
            return .failure(Failure(column: columns.month, message: "invalid date: month \(month) is not 1-12"))
        }
        // A typical year may hold Feb 29 (used in leap years only), so check against a leap year.
        let daysInMonth = CivilTime.daysIn(month: month, year: year ?? 2024)
        guard (1...daysInMonth).contains(day) else {
            let when = year.map { "\(month)/\($0)" } ?? "month \(month)"
            return .failure(Failure(column: columns.day, message: "invalid date: day \(day) does not exist in \(when) (1-\(daysInMonth))"))
        }
        guard (0...23).contains(hour) else {
            return .failure(Failure(column: columns.hour, message: "invalid time: hour \(hour) is not 0-23 (the hour the interval starts)"))
        }
        guard (0...59).contains(minute) else {
            return .failure(Failure(column: columns.minute ?? columns.hour, message: "invalid time: minute \(minute) is not 0-59"))
        }
        return .success(LocalWallTime(year: year, month: month, day: day, hour: hour, minute: minute))
    }

    /// The UTC interval starts of rows read in `zone`: one per dated row; for a typical year one
    /// per year of `years` (Feb 29 as described on `TimestampColumns`).
    /// - Parameter times: each row's wall time (nil for rows already reported as unreadable).
    static func place(_ times: [LocalWallTime?], years: ClosedRange<Int>, zone: TimeZoneSpec)
        -> [(row: Int, epoch: Result<Int64, TimestampParser.Failure>)] {
        let parser = TimestampParser(zone: zone)
        var placed: [(row: Int, epoch: Result<Int64, TimestampParser.Failure>)] = []
        placed.reserveCapacity(times.count)
        let hasLeapDay = times.contains { $0?.year == nil && $0?.month == 2 && $0?.day == 29 }
        for (row, time) in times.enumerated() {
            guard let time else { continue }
            if time.year != nil {
                placed.append((row, parser.utcEpochSeconds(wall: time.wallEpochSeconds(year: 0), text: time.label)))
                continue
            }
            for year in years {
                let leap = CivilTime.isLeap(year)
                if time.month == 2 && time.day == 29 && !leap { continue }
                placed.append((row, parser.utcEpochSeconds(wall: time.wallEpochSeconds(year: year), text: "\(year)-\(time.label)")))
                if leap && !hasLeapDay && time.month == 2 && time.day == 28 {
                    var leapDay = time
                    leapDay.day = 29
                    placed.append((row, parser.utcEpochSeconds(wall: leapDay.wallEpochSeconds(year: year), text: "\(year)-\(leapDay.label)")))
                }
            }
        }
        return placed
    }
}
