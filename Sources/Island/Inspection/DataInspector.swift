import Foundation

/// Reads a data file the way a site file would and describes it: `insula data inspect`.
///
/// Recognised by content, not by name: Open-Meteo JSON responses, EnergyPlus EPW files,
/// NSRDB and PVWatts exports (metadata lines above a header with split date and time columns),
/// Electricity Maps hourly CSVs, day-ahead price CSVs (`Datetime` + `Price (...)`), and any other
/// CSV with a timestamp column. Values are reported as found: nothing is clipped or filled.
public enum DataInspector {
    /// A file that cannot be inspected, with the line at fault when there is one.
    public struct Failure: Error, Sendable, CustomStringConvertible {
        public var file: String
        public var line: Int?
        public var message: String

        public var description: String { file + (line.map { ", line \($0)" } ?? "") + ": " + message }
    }

    /// - Parameters:
    ///   - display: the file as the user named it, for messages and the report.
    ///   - timeZone: how to read naive CSV timestamps (UTC when nil); ignored for EPW and Open-Meteo,
    ///     whose time base is in the file.
    public static func inspect(url: URL, display: String, timeZone: TimeZoneSpec? = nil) throws(Failure) -> DataInspection {
        let data: Data
        do {
            data = try Data(contentsOf: url)
        } catch {
            throw Failure(file: display, message: "cannot read the file (\(error.localizedDescription))")
        }
        let start = data.prefix(64).drop { $0 == 0x20 || $0 == 0x0A || $0 == 0x0D || $0 == 0x09 || $0 == 0xEF || $0 == 0xBB || $0 == 0xBF }
        if start.first == UInt8(ascii: "{") { return try openMeteo(data, display: display) }
        if start.starts(with: Array("LOCATION,".utf8)) { return try epw(data, display: display) }
        for format in [SeriesFormat.nsrdb, .pvwatts] {
            if let headerLine = format.headerLine(in: data), headerLine > 1 {
                return try splitColumns(data, display: display, format: format, headerLine: headerLine, timeZone: timeZone)
            }
        }
        return try csv(data, display: display, timeZone: timeZone)
    }

    // MARK: - CSV

    static func csv(_ data: Data, display: String, timeZone: TimeZoneSpec?) throws(Failure) -> DataInspection {
        let table: CSVTable
        do {
            table = try CSVTable.parse(data)
        } catch {
            throw Failure(file: display, line: error.dataLine, message: error.message)
        }
        let header = table.header
        var format = "csv"
        var timestampIndex: Int?
        var notes: [String] = []
        if let index = header.firstIndex(of: "Datetime (UTC)"), header.contains(where: { $0.hasPrefix("Carbon Intensity") }) {
            format = "electricitymaps"
            timestampIndex = index
        } else if let index = header.firstIndex(of: "Datetime"), header.contains(where: { $0.hasPrefix("Price") }) {
            format = "day_ahead"
            timestampIndex = index
        } else {
            // The first column whose first non-empty cells read as timestamps.
            timestampIndex = header.indices.first { column in
                let samples = table.rows.prefix(20).compactMap { column < $0.count && !$0[column].isEmpty ? $0[column] : nil }
                return !samples.isEmpty && samples.allSatisfy { TimestampParser(zone: .utc).parse(Substring($0)).isSuccess }
            }
        }
        guard let timestampIndex else {
            throw Failure(file: display, line: 1, message: "no timestamp column found (columns: \(header.joined(separator: ", ")))")
        }

        // Timestamps.
        let zone = timeZone ?? .utc
        let parser = TimestampParser(zone: zone)
        var epochs: [Int64] = []
        var nonexistent: [String] = []
        var unreadable = 0
        var explicitOffsets = 0
        for fields in table.rows {
            let text = timestampIndex < fields.count ? fields[timestampIndex] : ""
            if hasExplicitOffset(text) { explicitOffsets += 1 }
            switch parser.parse(Substring(text)) {
            case .success(let epoch): epochs.append(epoch)
            case .failure(.nonexistentLocalTime): nonexistent.append(text.trimmingCharacters(in: .whitespaces))
            case .failure: unreadable += 1
            }
        }
        let zoneDescription: String
        if format == "electricitymaps" && timeZone == nil {
            zoneDescription = "UTC (as the Datetime (UTC) header says)"
        } else if explicitOffsets == table.rows.count, explicitOffsets > 0 {
            zoneDescription = "explicit offsets (converted to UTC)"
        } else if let timeZone {
            zoneDescription = describe(timeZone) + (explicitOffsets > 0 ? "; \(explicitOffsets) rows with explicit offsets" : "")
        } else {
            zoneDescription = "naive, read as UTC" + (explicitOffsets > 0 ? "; \(explicitOffsets) rows with explicit offsets" : "")
            if format == "day_ahead" {
                notes.append("naive timestamps: check whether they are UTC or local wall clock (European exchange files are local: pass --timezone Europe/Paris)")
            }
        }

        let columns = numericColumns(table, rowCount: table.rows.count, skipping: [timestampIndex]) { unit(fromHeader: $0) }
        if format == "electricitymaps", let estimated = header.firstIndex(of: "Data Estimated") {
            let count = table.rows.filter { estimated < $0.count && $0[estimated].trimmingCharacters(in: .whitespaces) == "true" }.count
            notes.append("\(count) rows estimated by Electricity Maps (Data Estimated = true)")
        }
        var inspection = timeline(epochs)
        inspection.file = display
        inspection.format = format
        inspection.rows = table.rows.count
        inspection.timestampColumn = header[timestampIndex].isEmpty ? "column \(timestampIndex + 1)" : header[timestampIndex]
        inspection.timeZone = zoneDescription
        inspection.nonexistentLocalTimes = nonexistent
        inspection.unreadableTimestamps = unreadable
        inspection.columns = columns
        inspection.notes = notes
        return inspection
    }

    /// Statistics of every column (but those skipped) whose non-empty cells in the first `rowCount` rows are all numbers.
    static func numericColumns(_ table: CSVTable, rowCount: Int, skipping: Set<Int>, unit: (String) -> String?) -> [DataInspection.Column] {
        var columns: [DataInspection.Column] = []
        for index in table.header.indices where !skipping.contains(index) {
            var statistics = ColumnStatistics()
            var numeric = true
            for fields in table.rows.prefix(rowCount) {
                let text = index < fields.count ? fields[index].trimmingCharacters(in: .whitespaces) : ""
                if text.isEmpty { statistics.missing += 1; continue }
                guard let value = Double(text), value.isFinite else { numeric = false; break }
                statistics.add(value)
            }
            guard numeric, statistics.count > 0 else { continue }
            let name = table.header[index].isEmpty ? "column \(index + 1)" : table.header[index]
            columns.append(statistics.column(name: name, unit: unit(table.header[index])))
        }
        return columns
    }

    static func hasExplicitOffset(_ text: String) -> Bool {
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        guard trimmed.count > 16 else { return false }
        if trimmed.hasSuffix("Z") || trimmed.hasSuffix("z") { return true }
        let time = trimmed.dropFirst(11)
        return time.contains("+") || time.contains("-")
    }

    /// `Price (EUR/MWh)` -> `EUR/MWh`; `Carbon Intensity gCO₂eq/kWh (direct)` -> `gCO₂eq/kWh`; `... Percentage` -> `%`.
    static func unit(fromHeader header: String) -> String? {
        if header.hasSuffix("Percentage") { return "%" }
        if header.hasPrefix("Carbon Intensity ") { return header.split(separator: " ").dropFirst(2).first.map(String.init) }
        if let open = header.lastIndex(of: "("), header.hasSuffix(")") {
            return String(header[header.index(after: open)..<header.index(before: header.endIndex)])
        }
        return nil
    }

    // MARK: - EPW

    static func epw(_ data: Data, display: String) throws(Failure) -> DataInspection {
        guard let text = String(data: data, encoding: .utf8) ?? String(data: data, encoding: .isoLatin1) else {
            throw Failure(file: display, message: "cannot decode the file as text")
        }
        let lines = text.split(omittingEmptySubsequences: false, whereSeparator: { $0 == "\n" || $0 == "\r\n" })
        let location = lines[0].split(separator: ",", omittingEmptySubsequences: false)
        guard location.count > 8, let zoneHours = Double(location[8].trimmingCharacters(in: .whitespaces)) else {
            throw Failure(file: display, line: 1, message: "LOCATION line has no time zone (field 9)")
        }
        let fields: [(index: Int, name: String, unit: String, sentinel: Double)] = [
            (6, "dry_bulb_c", "°C", 99.9), (7, "dew_point_c", "°C", 99.9), (8, "relative_humidity_percent", "%", 999),
            (9, "pressure_pa", "Pa", 999_999), (13, "ghi_wh_per_m2", "Wh/m²", 9999), (14, "dni_wh_per_m2", "Wh/m²", 9999),
            (15, "dhi_wh_per_m2", "Wh/m²", 9999), (21, "wind_speed_m_per_s", "m/s", 999),
        ]
        var statistics = [ColumnStatistics](repeating: ColumnStatistics(), count: fields.count)
        var seen = Set<Int>()
        var duplicates: [String] = []
        var rows = 0
        for (lineIndex, line) in lines.enumerated().dropFirst(8) where !line.trimmingCharacters(in: .whitespaces).isEmpty {
            let values = line.split(separator: ",", omittingEmptySubsequences: false)
            guard values.count > 21, let month = Int(values[1]), let day = Int(values[2]), let hour = Int(values[3]),
                  (1...12).contains(month), (1...31).contains(day), (1...24).contains(hour) else {
                throw Failure(file: display, line: lineIndex + 1, message: "expected 35 fields with month, day and hour (1-24)")
            }
            rows += 1
            let key = (month * 100 + day) * 100 + hour
            if !seen.insert(key).inserted { duplicates.append(String(format: "%02d-%02d hour %d", month, day, hour)) }
            for (position, field) in fields.enumerated() {
                guard let value = Double(values[field.index].trimmingCharacters(in: .whitespaces)), value != field.sentinel else {
                    statistics[position].missing += 1
                    continue
                }
                statistics[position].add(value)
            }
        }
        // A typical year has every hour of a 365-day year once.
        var missing = 0
        var gaps: [DataInspection.Gap] = []
        for month in 1...12 {
            for day in 1...CivilTime.daysIn(month: month, year: 2023) {
                for hour in 1...24 where !seen.contains((month * 100 + day) * 100 + hour) {
                    missing += 1
                    let label = String(format: "%02d-%02d hour %d", month, day, hour)
                    if let last = gaps.last, last.missingSteps > 0, isNextHour(after: last.toUTC, label) {
                        gaps[gaps.count - 1].toUTC = label
                        gaps[gaps.count - 1].missingSteps += 1
                    } else {
                        gaps.append(DataInspection.Gap(fromUTC: label, toUTC: label, missingSteps: 1))
                    }
                }
            }
        }
        let ghi = statistics[4]
        let offset = describeOffset(seconds: Int((zoneHours * 3600).rounded()))
        return DataInspection(
            file: display, format: "epw", rows: rows, timestampColumn: "month, day, hour (fields 2-4)",
            timeZone: "local standard time \(offset) (LOCATION field 9), hour-ending 1-24, no daylight saving",
            firstUTC: nil, lastUTC: nil, period: "typical year, 01-01 hour 1 to 12-31 hour 24 (the year field is ignored)",
            stepMinutes: 60, gaps: gaps, missingSteps: missing, duplicates: duplicates, nonexistentLocalTimes: [], unreadableTimestamps: 0,
            columns: zip(fields, statistics).map { $1.column(name: $0.name, unit: $0.unit) },
            notes: ["annual GHI \(Int((ghi.sum / 1000).rounded())) kWh/m²",
                    "station \(location.count > 1 ? location[1].trimmingCharacters(in: .whitespaces) : "?"); some files label UTC despite field 9 (PVGIS): override with weather.utc_offset_hours"])
    }

    private static func isNextHour(after previous: String, _ label: String) -> Bool {
        // Labels are "MM-DD hour H"; consecutive within a day is enough for reporting runs.
        let a = previous.split(separator: " "), b = label.split(separator: " ")
        return a.first == b.first && Int(a.last!)! + 1 == Int(b.last!)!
    }

    // MARK: - NSRDB and PVWatts (split date and time columns below metadata lines)

    static func splitColumns(_ data: Data, display: String, format: SeriesFormat, headerLine: Int,
                             timeZone: TimeZoneSpec?) throws(Failure) -> DataInspection {
        let table: CSVTable
        do {
            table = try CSVTable.parse(data, headerLine: headerLine)
        } catch {
            throw Failure(file: display, line: error.dataLine, message: error.message)
        }
        // The format's layout, whatever the key: the time zone is only needed from the file for NSRDB.
        let defaults: SeriesFormat.Defaults
        switch format.defaults(forKey: "", basis: .direct, table: table, columnGiven: true,
                               zoneGiven: timeZone != nil || format == .pvwatts, scaleGiven: true) {
        case .success(let found): defaults = found
        case .failure(let mismatch): throw Failure(file: display, line: 1, message: mismatch.message)
        }
        guard case .columns(let columns) = defaults.timing else { preconditionFailure("split formats use timestamp columns") }
        var missing: [(key: String, column: String)] = []
        guard let reader = SplitTimestampReader(columns: columns, table: table, missing: &missing) else {
            throw Failure(file: display, line: headerLine,
                          message: "no column " + missing.map { "\"\($0.column)\"" }.joined(separator: ", ") + " for the \(format.rawValue) timestamps")
        }
        var times: [LocalWallTime?] = []
        var unreadable = 0
        for fields in table.rows.prefix(defaults.rowCount) {
            switch reader.read(fields) {
            case .success(let time): times.append(time)
            case .failure: times.append(nil); unreadable += 1
            }
        }
        let unit: (String) -> String?
        var notes: [String] = []
        var inspection: DataInspection
        switch format {
        case .nsrdb:
            let zone = timeZone ?? defaults.zone ?? .utc
            var epochs: [Int64] = []
            var nonexistent: [String] = []
            for (_, result) in SplitTimestampReader.place(times, years: 0...0, zone: zone) {
                switch result {
                case .success(let epoch): epochs.append(epoch)
                case .failure(.nonexistentLocalTime(let text, _)): nonexistent.append(text)
                case .failure: unreadable += 1
                }
            }
            inspection = timeline(epochs)
            inspection.nonexistentLocalTimes = nonexistent
            let stated = SeriesFormat.nsrdbMetadata("Time Zone", in: table.preamble) ?? "?"
            inspection.timeZone = timeZone.map { describe($0) + " (from --timezone; the file states Time Zone \(stated))" }
                ?? "local standard time \(zone == .utc ? "UTC" : describe(zone).replacingOccurrences(of: "fixed offset ", with: "")) (metadata Time Zone \(stated)), no daylight saving"
            unit = { SeriesFormat.nsrdbMetadata("\($0) Units", in: table.preamble) }
            let metadata = { (key: String) in SeriesFormat.nsrdbMetadata(key, in: table.preamble) ?? "?" }
            notes.append("NSRDB location \(metadata("Location ID")), \(metadata("Latitude")) N \(metadata("Longitude")) E, elevation \(metadata("Elevation")) m, version \(metadata("Version"))")
            if let step = inspection.stepMinutes, step < 60, 60 % step == 0 {
                notes.append("on an hourly horizon each step is the mean of its \(60 / step) rows (timestamps are interval starts)")
            }
        default:
            // A typical year: its completeness is checked against a 365-day year at the file's step.
            var seen: [LocalWallTime: Int] = [:]
            var duplicates: [String] = []
            for time in times.compactMap({ $0 }) {
                seen[time, default: 0] += 1
                if seen[time] == 2 { duplicates.append(time.label) }
            }
            let minutes = Set(times.compactMap { $0?.minute }).sorted()
            let stepMinutes = minutes.count > 1 ? minutes[1] - minutes[0] : 60
            var gaps: [DataInspection.Gap] = []
            var missingCount = 0
            var previousMissing = false
            for month in 1...12 {
                for day in 1...CivilTime.daysIn(month: month, year: 2023) {
                    for slot in 0..<(24 * 60 / stepMinutes) {
                        let time = LocalWallTime(year: nil, month: month, day: day, hour: slot * stepMinutes / 60, minute: slot * stepMinutes % 60)
                        guard seen[time] == nil else { previousMissing = false; continue }
                        missingCount += 1
                        if previousMissing {
                            gaps[gaps.count - 1].toUTC = time.label
                            gaps[gaps.count - 1].missingSteps += 1
                        } else {
                            gaps.append(DataInspection.Gap(fromUTC: time.label, toUTC: time.label, missingSteps: 1))
                        }
                        previousMissing = true
                    }
                }
            }
            inspection = timeline([])
            inspection.stepMinutes = stepMinutes
            inspection.gaps = gaps
            inspection.missingSteps = missingCount
            inspection.duplicates = duplicates
            let first = times.compactMap { $0 }.min { ($0.month, $0.day, $0.hour, $0.minute) < ($1.month, $1.day, $1.hour, $1.minute) }
            let last = times.compactMap { $0 }.max { ($0.month, $0.day, $0.hour, $0.minute) < ($1.month, $1.day, $1.hour, $1.minute) }
            inspection.period = "typical year, \(first?.label ?? "?") to \(last?.label ?? "?") (no year column: laid onto any horizon year; gaps are local month-day times)"
            inspection.timeZone = timeZone.map { describe($0) + " (from --timezone)" }
                ?? "local standard time, not stated in the file (give timezone in the site file, e.g. -07:00 for Golden, CO)"
            unit = { DataInspector.unit(fromHeader: $0) }
            if let kilowatts = SeriesFormat.pvwattsDCSystemSizeKW(in: table.preamble),
               let index = table.columnIndex("AC System Output (W)") {
                let total = table.rows.prefix(defaults.rowCount).compactMap { index < $0.count ? Double($0[index]) : nil }.reduce(0, +)
                let hours = Double(times.count) * Double(stepMinutes) / 60
                notes.append(String(format: "DC system %@ kW: capacity factor = AC System Output (W) / %@ W; annual AC %.0f Wh, mean capacity factor %.2f %%",
                                    formatNumber(kilowatts), formatNumber(kilowatts * 1000), total * Double(stepMinutes) / 60,
                                    100 * total * Double(stepMinutes) / 60 / (kilowatts * 1000 * hours)))
            }
            if defaults.rowCount < table.rows.count { notes.append("the Totals row after the data is not read") }
        }
        inspection.file = display
        inspection.format = format.rawValue
        inspection.rows = defaults.rowCount
        inspection.timestampColumn = columns.description
        inspection.unreadableTimestamps = unreadable
        inspection.columns = numericColumns(table, rowCount: defaults.rowCount, skipping: reader.columnIndices, unit: unit)
        inspection.notes = notes + ["\(headerLine - 1) metadata lines above the header (line \(headerLine))"]
        return inspection
    }

    // MARK: - Open-Meteo

    static func openMeteo(_ data: Data, display: String) throws(Failure) -> DataInspection {
        guard let json = (try? JSONSerialization.jsonObject(with: data)) as? [String: Any] else {
            throw Failure(file: display, message: "not a JSON object")
        }
        guard let offset = (json["utc_offset_seconds"] as? NSNumber)?.intValue, let hourly = json["hourly"] as? [String: Any],
              let times = hourly["time"] as? [Any] else {
            throw Failure(file: display, message: "JSON without utc_offset_seconds and hourly.time: not an Open-Meteo response")
        }
        let units = json["hourly_units"] as? [String: Any] ?? [:]
        let parser = TimestampParser(zone: .utc)
        var epochs: [Int64] = []
        var unreadable = 0
        for label in times {
            if let text = label as? String, case .success(let wall) = parser.parse(Substring(text)) {
                epochs.append(wall - Int64(offset))
            } else {
                unreadable += 1
            }
        }
        var columns: [DataInspection.Column] = []
        for key in hourly.keys.sorted() where key != "time" {
            guard let values = hourly[key] as? [Any] else { continue }
            var statistics = ColumnStatistics()
            for value in values {
                if let number = value as? NSNumber { statistics.add(number.doubleValue) } else { statistics.missing += 1 }
            }
            columns.append(statistics.column(name: "hourly." + key, unit: units[key] as? String))
        }
        var inspection = timeline(epochs)
        inspection.file = display
        inspection.format = "open_meteo"
        inspection.rows = times.count
        inspection.timestampColumn = "hourly.time"
        inspection.timeZone = "fixed offset \(describeOffset(seconds: offset)) (utc_offset_seconds \(offset); \(json["timezone"] as? String ?? "?") without daylight saving): UTC = label - offset"
        inspection.unreadableTimestamps = unreadable
        inspection.columns = columns
        if let latitude = json["latitude"] as? NSNumber, let longitude = json["longitude"] as? NSNumber {
            inspection.notes.append("grid cell \(latitude.doubleValue) N \(longitude.doubleValue) E, elevation \((json["elevation"] as? NSNumber)?.doubleValue ?? .nan) m")
        }
        return inspection
    }

    // MARK: - Shared

    /// Period, step, gaps and duplicates of a set of UTC step starts (in any order).
    static func timeline(_ epochs: [Int64]) -> DataInspection {
        var inspection = DataInspection(file: "", format: "", rows: 0, timestampColumn: nil, timeZone: "", firstUTC: nil, lastUTC: nil,
                                        period: nil, stepMinutes: nil, gaps: [], missingSteps: 0, duplicates: [],
                                        nonexistentLocalTimes: [], unreadableTimestamps: 0, columns: [], notes: [])
        let sorted = epochs.sorted()
        guard let first = sorted.first, let last = sorted.last else { return inspection }
        inspection.firstUTC = Horizon.format(epochSeconds: first)
        inspection.lastUTC = Horizon.format(epochSeconds: last)
        var spacing: [Int64: Int] = [:]
        for (previous, next) in zip(sorted, sorted.dropFirst()) {
            if next == previous {
                let label = Horizon.format(epochSeconds: next)
                if inspection.duplicates.last != label { inspection.duplicates.append(label) }
            } else {
                spacing[next - previous, default: 0] += 1
            }
        }
        guard let step = spacing.max(by: { ($0.value, -$0.key) < ($1.value, -$1.key) })?.key else { return inspection }
        inspection.stepMinutes = Int(step / 60)
        for (previous, next) in zip(sorted, sorted.dropFirst()) where next - previous > step {
            let missing = Int((next - previous) / step) - 1
            guard missing > 0 else { continue }
            inspection.gaps.append(DataInspection.Gap(fromUTC: Horizon.format(epochSeconds: previous + step),
                                                      toUTC: Horizon.format(epochSeconds: next - step), missingSteps: missing))
            inspection.missingSteps += missing
        }
        return inspection
    }

    static func describe(_ zone: TimeZoneSpec) -> String {
        switch zone {
        case .utc: "UTC"
        case .fixedOffset(let seconds): "fixed offset \(describeOffset(seconds: seconds))"
        case .named(let name): "\(name) (wall clock, daylight saving applied)"
        }
    }

    static func describeOffset(seconds: Int) -> String {
        String(format: "UTC%@%02d:%02d", seconds < 0 ? "-" : "+", abs(seconds) / 3600, abs(seconds) % 3600 / 60)
    }
}

/// Running count, sum, extremes and negatives of one column.
struct ColumnStatistics {
    var count = 0
    var missing = 0
    var sum = 0.0
    var minimum = Double.infinity
    var maximum = -Double.infinity
    var negative = 0

    mutating func add(_ value: Double) {
        count += 1
        sum += value
        minimum = min(minimum, value)
        maximum = max(maximum, value)
        if value < 0 { negative += 1 }
    }

    func column(name: String, unit: String?) -> DataInspection.Column {
        DataInspection.Column(name: name, unit: unit, count: count, missing: missing, minimum: count > 0 ? minimum : nil,
                              mean: count > 0 ? sum / Double(count) : nil, maximum: count > 0 ? maximum : nil, negative: negative)
    }
}

private extension Result {
    var isSuccess: Bool { if case .success = self { true } else { false } }
}
