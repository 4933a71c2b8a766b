import Foundation

/// Named file formats for CSV series references (`format:`), so analysts need not copy column
/// names such as `Carbon Intensity gCO₂eq/kWh (direct)`, header positions or time zones into every
/// site file.
enum SeriesFormat: String, CaseIterable {
    /// Electricity Maps hourly exports: `Datetime (UTC)`, direct and life-cycle intensity, low-carbon share in %.
    case electricityMaps = "electricitymaps"
    /// Day-ahead price files: `Datetime` (naive local or UTC, or with an offset) and one `Price (...)` column.
    case dayAhead = "day_ahead"
    /// NREL NSRDB (PSM) CSV: a metadata key line and value line (with `Time Zone`, hours east of UTC)
    /// above a `Year, Month, Day, Hour, Minute, ...` header; local standard time, often 30-minute rows.
    case nsrdb
    /// NREL PVWatts hourly export: `Key:,value` metadata lines (with `DC System Size (kW):`) above a
    /// `Month, Day, Hour, ...` header; a typical year in local standard time, then a `Totals` row.
    case pvwatts

    /// The choices of `format:`, for the reader.
    static let choices: KeyValuePairs<String, SeriesFormat> = [
        "electricitymaps": .electricityMaps, "day_ahead": .dayAhead, "nsrdb": .nsrdb, "pvwatts": .pvwatts,
    ]

    /// Which carbon-intensity column of an Electricity Maps file to read.
    enum Basis: String, CaseIterable {
        /// Operational (scope 2) emissions.
        case direct
        /// Life-cycle emissions.
        case lifecycle
    }

    /// How a file's rows are placed in time.
    enum Timing: Equatable {
        case column(String)
        case columns(TimestampColumns)
    }

    struct Defaults {
        /// The column this format reads for the key; nil when it has none (the site file must give `column`).
        var column: String?
        var timing: Timing
        var scale: Double
        /// The zone of the file's naive timestamps, when the file states it.
        var zone: TimeZoneSpec?
        /// Data rows to read: all but trailing summary rows (PVWatts `Totals`).
        var rowCount: Int
    }

    /// Where a format's header is looked for, and what it starts with.
    private var headerStart: (fields: [String], withinLines: Int)? {
        switch self {
        case .electricityMaps, .dayAhead: nil
        case .nsrdb: (["Year", "Month", "Day", "Hour"], 20)
        case .pvwatts: (["Month", "Day", "Hour"], 40)
        }
    }

    /// Whether the header is found from the content (after metadata lines) rather than on line 1.
    var findsHeader: Bool { headerStart != nil }

    /// The 1-based header line of a file in this format, found by its first fields.
    /// - Returns: 1 for formats whose header is the first line; nil when it is not found.
    func headerLine(in data: Data) -> Int? {
        guard let (fields, withinLines) = headerStart else { return 1 }
        var lineNumber = 0
        for line in data.split(separator: 0x0A, maxSplits: withinLines, omittingEmptySubsequences: false).prefix(withinLines) {
            lineNumber += 1
            let text = String(decoding: line, as: UTF8.self)
            let found = text.split(separator: ",", maxSplits: fields.count, omittingEmptySubsequences: false).prefix(fields.count)
                .map { $0.trimmingCharacters(in: .whitespacesAndNewlines).trimmingCharacters(in: CharacterSet(charactersIn: "\u{FEFF}\"")) }
            if found == fields { return lineNumber }
        }
        return nil
    }

    /// What the site file must give when `headerLine(in:)` finds nothing.
    var headerDescription: String {
        "a line starting \"" + (headerStart?.fields.joined(separator: ",") ?? "") + "\" in the first \(headerStart?.withinLines ?? 1) lines"
    }

    /// The column, timing, scale, zone and rows this format gives for the series at `key`.
    /// - Parameters:
    ///   - columnGiven: the site file names the column itself (then a key the format has no column for is fine).
    ///   - zoneGiven, scaleGiven: the site file gives `timezone` / `scale` (then the file need not state them).
    /// - Returns: a message when the format has nothing for that key or the file lacks what the format needs.
    func defaults(forKey key: String, basis: Basis, table: CSVTable, columnGiven: Bool, zoneGiven: Bool,
                  scaleGiven: Bool) -> Result<Defaults, FormatMismatch> {
        let header = table.header
        switch self {
        case .electricityMaps:
            let timing = Timing.column("Datetime (UTC)")
            if key.hasPrefix("carbon_intensity") {
                let column = basis == .direct ? "Carbon Intensity gCO₂eq/kWh (direct)" : "Carbon Intensity gCO₂eq/kWh (LCA)"
                return .success(Defaults(column: column, timing: timing, scale: 1, rowCount: table.rows.count))
            }
            if key == "carbon_free_share" {
                // Percent in the file, a fraction in the site model.
                return .success(Defaults(column: "Low Carbon Percentage", timing: timing, scale: 0.01, rowCount: table.rows.count))
            }
            if columnGiven { return .success(Defaults(column: nil, timing: timing, scale: 1, rowCount: table.rows.count)) }
            return .failure(FormatMismatch(message: "format electricitymaps gives carbon_intensity_g_per_kwh and carbon_free_share, not \(key); give column"))
        case .dayAhead:
            let timing = Timing.column("Datetime")
            if columnGiven { return .success(Defaults(column: nil, timing: timing, scale: 1, rowCount: table.rows.count)) }
            let prices = header.filter { $0.trimmingCharacters(in: .whitespaces).hasPrefix("Price") }
            guard prices.count == 1 else {
                return .failure(FormatMismatch(message: prices.isEmpty
                    ? "format day_ahead expects one column named \"Price (...)\"; columns: \(header.joined(separator: ", "))"
                    : "format day_ahead found several price columns (\(prices.joined(separator: ", "))); give column"))
            }
            return .success(Defaults(column: prices[0], timing: timing, scale: 1, rowCount: table.rows.count))
        case .nsrdb:
            let timing = Timing.columns(TimestampColumns(year: "Year", month: "Month", day: "Day", hour: "Hour", minute: "Minute"))
            var zone: TimeZoneSpec?
            if !zoneGiven {
                guard let hours = Self.nsrdbMetadata("Time Zone", in: table.preamble).flatMap(Double.init), (-14...14).contains(hours) else {
                    return .failure(FormatMismatch(message: "format nsrdb: no \"Time Zone\" (hours east of UTC) in the metadata lines above the header; give timezone"))
                }
                let seconds = Int((hours * 3600).rounded())
                zone = seconds == 0 ? .utc : .fixedOffset(seconds: seconds)
            }
            let columns: [String: (column: String, scale: Double)] = [
                "dry_bulb_c": ("Temperature", 1), "dew_point_c": ("Dew Point", 1),
                "relative_humidity_percent": ("Relative Humidity", 1), "pressure_pa": ("Pressure", 100),  // mbar in the file
            ]
            if let (column, scale) = columns[key] {
                return .success(Defaults(column: column, timing: timing, scale: scale, zone: zone, rowCount: table.rows.count))
            }
            if columnGiven { return .success(Defaults(column: nil, timing: timing, scale: 1, zone: zone, rowCount: table.rows.count)) }
            return .failure(FormatMismatch(message: "format nsrdb gives dry_bulb_c, dew_point_c, relative_humidity_percent and pressure_pa, not \(key); give column (e.g. GHI)"))
        case .pvwatts:
            let timing = Timing.columns(TimestampColumns(year: nil, month: "Month", day: "Day", hour: "Hour", minute: nil))
            guard zoneGiven else {
                return .failure(FormatMismatch(message: "format pvwatts: the file does not state its time zone; give timezone, the site's local standard time (e.g. \"-07:00\" for Golden, CO)"))
            }
            // The summary row after the 8,760 hours is not data.
            let isTotals = table.rows.last.map { $0.first?.trimmingCharacters(in: .whitespaces) == "Totals" } ?? false
            let rowCount = table.rows.count - (isTotals ? 1 : 0)
            if key == "capacity_factor" {
                var scale = 1.0
                if !scaleGiven {
                    guard let kilowatts = Self.pvwattsDCSystemSizeKW(in: table.preamble) else {
                        return .failure(FormatMismatch(message: "format pvwatts: no \"DC System Size (kW):\" line above the header, needed to turn AC System Output (W) into a capacity factor; give scale"))
                    }
                    scale = 1 / (kilowatts * 1000)
                }
                return .success(Defaults(column: "AC System Output (W)", timing: timing, scale: scale, rowCount: rowCount))
            }
            if key == "dry_bulb_c" {
                return .success(Defaults(column: "Ambient Temperature (C)", timing: timing, scale: 1, rowCount: rowCount))
            }
            if columnGiven { return .success(Defaults(column: nil, timing: timing, scale: 1, rowCount: rowCount)) }
            return .failure(FormatMismatch(message: "format pvwatts gives capacity_factor (AC output per DC kW) and dry_bulb_c, not \(key); give column"))
        }
    }

    /// A value of NSRDB's metadata: line 1 holds the keys, line 2 the values.
    static func nsrdbMetadata(_ key: String, in preamble: [[String]]) -> String? {
        guard preamble.count >= 2, let index = preamble[0].firstIndex(where: { $0.trimmingCharacters(in: .whitespaces) == key }),
              index < preamble[1].count else { return nil }
        return preamble[1][index].trimmingCharacters(in: .whitespaces)
    }

    /// PVWatts' `DC System Size (kW):,4` metadata line, the rating its capacity factor is relative to.
    static func pvwattsDCSystemSizeKW(in preamble: [[String]]) -> Double? {
        guard let line = preamble.first(where: { $0.first?.trimmingCharacters(in: .whitespaces) == "DC System Size (kW):" }),
              line.count > 1, let kilowatts = Double(line[1].trimmingCharacters(in: .whitespaces)), kilowatts > 0, kilowatts.isFinite
        else { return nil }
        return kilowatts
    }

    struct FormatMismatch: Error { let message: String }
}

/// What to do with steps a series file has no value for (`fill:`).
enum GapFill: String, CaseIterable {
    /// Report every missing step (the default: gaps are never filled silently).
    case error
    /// Carry the last earlier value forward (also from a row before the horizon).
    case previous
    /// Interpolate linearly in time between the neighbouring values (also rows outside the horizon).
    case interpolate

    /// A run of steps without a value.
    struct Gap: Equatable {
        var firstStep: Int
        var lastStep: Int
    }

    /// Fills the nil entries of `values` (one per step, starting at `epochSeconds[i]`).
    /// - Parameters:
    ///   - before: the latest value before the first step, with its time, if the file has one.
    ///   - after: the earliest value after the last step, with its time.
    /// - Returns: the filled values, and the gaps that could not be filled (all of them with `.error`).
    func fill(_ values: [Double?], epochSeconds: (Int) -> Int64, before: (epoch: Int64, value: Double)?,
              after: (epoch: Int64, value: Double)?) -> (values: [Double], unfilled: [Gap]) {
        var filled = [Double](repeating: 0, count: values.count)
        var unfilled: [Gap] = []
        var step = 0
        var previous = before
        while step < values.count {
            if let value = values[step] {
                filled[step] = value
                previous = (epochSeconds(step), value)
                step += 1
                continue
            }
            var last = step
            while last + 1 < values.count, values[last + 1] == nil { last += 1 }
            let next: (epoch: Int64, value: Double)? = last + 1 < values.count
                ? (epochSeconds(last + 1), values[last + 1]!) : after
            switch self {
            case .error:
                unfilled.append(Gap(firstStep: step, lastStep: last))
            case .previous:
                if let previous {
                    for index in step...last { filled[index] = previous.value }
                } else {
                    unfilled.append(Gap(firstStep: step, lastStep: last))
                }
            case .interpolate:
                if let previous, let next {
                    let span = Double(next.epoch - previous.epoch)
                    for index in step...last {
                        let weight = Double(epochSeconds(index) - previous.epoch) / span
                        filled[index] = previous.value + weight * (next.value - previous.value)
                    }
                } else {
                    unfilled.append(Gap(firstStep: step, lastStep: last))
                }
            }
            step = last + 1
        }
        return (filled, unfilled)
    }
}
