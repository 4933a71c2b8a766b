import Foundation

/// Turns a time-series value of the site file into exactly `horizon.steps` numbers in UTC step order.
///
/// Accepted forms:
/// - a number: the same value every step;
/// - a list of numbers: one per step (for small hand-written sites);
/// - a CSV reference `{file, column, timestamp_column?, timezone?, scale?}`. Without
///   `timestamp_column`, data row i is step i and the row count must equal the number of steps.
///   With it, each step takes the row whose timestamp equals the step start; rows outside the
///   horizon are ignored, and a missing step, a duplicate or an off-grid timestamp is an error.
///   `fill: previous | interpolate` fills missing steps and empty cells instead (default `error`);
///   rows at local times skipped by a daylight-saving change are then dropped, not reported.
///   `format: electricitymaps | day_ahead` names a known file layout and supplies `column`,
///   `timestamp_column` and `scale` (`basis: direct | lifecycle` picks the Electricity Maps column).
struct SeriesResolver {
    static let referenceKeys = ["file", "column", "timestamp_column", "timezone", "scale", "fill", "format", "basis"]
    /// At most this many cell problems are listed per series; the rest are counted.
    static let maximumIssuesPerSeries = 10

    let context: LoadContext

    /// - Parameters:
    ///   - unit: unit of the values after `scale`, for messages.
    ///   - range: allowed values; every violating cell is reported with its row.
    /// - Returns: nil when the series is invalid (after reporting) or the horizon is unknown.
    func resolve(_ node: YAMLNode, path: String, unit: String, range: ValueRange) -> [Double]? {
        let horizon = context.horizon
        switch node.content {
        case .scalar:
            guard let value = MappingReader.parseNumber(node) else {
                context.report(path, node: node,
                               "expected a number or a CSV reference {file, column, ...}, got \(node.kindDescription)")
                return nil
            }
            guard value.isFinite else {
                context.report(path, node: node, "must be a finite number, got \(node.scalarText ?? "")")
                return nil
            }
            guard range.contains(value) else {
                context.report(path, node: node, range.violation(value, unit: unit))
                return nil
            }
            guard let horizon else { return nil }
            return [Double](repeating: value, count: horizon.steps)
        case .sequence(let items):
            var values: [Double] = []
            var valid = true
            for (index, item) in items.enumerated() {
                guard let value = MappingReader.parseNumber(item), value.isFinite else {
                    context.report("\(path)[\(index)]", node: item, "expected a finite number, got \(item.kindDescription)")
                    valid = false
                    continue
                }
                if !range.contains(value) {
                    context.report("\(path)[\(index)]", node: item, range.violation(value, unit: unit))
                    valid = false
                }
                values.append(value)
            }
            guard let horizon else { return nil }
            if items.count != horizon.steps {
                context.report(path, node: node,
                               "list has \(items.count) values but the horizon has \(horizon.steps) steps")
                return nil
            }
            return valid ? values : nil
        case .mapping:
            return resolveReference(node, path: path, unit: unit, range: range)
        }
    }

    private func resolveReference(_ node: YAMLNode, path: String, unit: String, range: ValueRange) -> [Double]? {
        guard let reader = MappingReader(node, path: path, context: context, allowedKeys: Self.referenceKeys) else {
            return nil
        }
        let file = reader.string("file", required: true)
        let format = reader.choice("format", KeyValuePairs(dictionaryLiteral: ("electricitymaps", SeriesFormat.electricityMaps),
                                                           ("day_ahead", SeriesFormat.dayAhead)))
        if reader.has("format") && format == nil { return nil }
        let basis = reader.choice("basis", ["direct": SeriesFormat.Basis.direct, "lifecycle": .lifecycle]) ?? .direct
        if reader.has("basis") && format != .electricityMaps { reader.report("basis", "only applies with format: electricitymaps") }
        let fill = reader.choice("fill", ["error": GapFill.error, "previous": .previous, "interpolate": .interpolate]) ?? .error
        if reader.has("fill") && reader.string("fill").flatMap(GapFill.init(rawValue:)) == nil { return nil }
        var column = reader.string("column", required: format == nil)
        var timestampColumn = reader.string("timestamp_column")
        let givenScale = reader.number("scale", range: .any)
        if reader.has("scale") && givenScale == nil { return nil }
        var zone = TimeZoneSpec.utc
        if let zoneText = reader.string("timezone") {
            if let parsed = TimeZoneSpec(parsing: zoneText) {
                zone = parsed
            } else {
                reader.report("timezone", "unknown time zone \"\(zoneText)\" (use UTC, an offset like +01:00, or an IANA name like Europe/Paris)")
                return nil
            }
            if timestampColumn == nil && format == nil {
                reader.report("timezone", "only applies with timestamp_column")
            }
        }
        guard let file else { return nil }
        let line = node.line
        guard let table = table(file: file, keyPath: path, line: line) else { return nil }
        var scale = givenScale ?? 1
        if let format {
            let key = path.split(separator: ".").last.map(String.init) ?? path
            switch format.defaults(forKey: key, basis: basis, header: table.header) {
            case .success(let defaults):
                column = column ?? defaults.column
                timestampColumn = timestampColumn ?? defaults.timestampColumn
                if givenScale == nil { scale = defaults.scale }
            case .failure(let mismatch):
                context.reportData(reader.keyPath("format"), line: reader.line("format"), dataFile: file, mismatch.message)
                return nil
            }
        }
        guard let column else { return nil }
        guard let valueIndex = columnIndex(column, in: table, file: file, keyPath: reader.keyPath(reader.has("column") ? "column" : "format"),
                                           line: reader.line(reader.has("column") ? "column" : "format")) else { return nil }
        guard let horizon = context.horizon else { return nil }

        var problems = 0
        func problem(row: Int?, column: String?, _ message: String) {
            problems += 1
            if problems <= Self.maximumIssuesPerSeries {
                context.reportData(path, line: line, dataFile: file, column: column, row: row.map { $0 + 1 },
                                   dataLine: row.map { table.lines[$0] }, message)
            }
        }
        /// The scaled value of a row; nil after reporting a problem, or silently for an empty cell when gaps are filled.
        func value(atRow row: Int) -> Double?? {
            let fields = table.rows[row]
            guard valueIndex < fields.count else {
                problem(row: row, column: column,
                        "row has \(fields.count) fields; column \"\(column)\" is field \(valueIndex + 1)")
                return nil
            }
            let text = fields[valueIndex].trimmingCharacters(in: .whitespaces)
            guard !text.isEmpty else {
                if fill != .error { return .some(nil) }
                problem(row: row, column: column, "empty cell")
                return nil
            }
            guard let parsed = Double(text) else {
                problem(row: row, column: column, "not a number (\"\(text)\")")
                return nil
            }
            guard parsed.isFinite else {
                problem(row: row, column: column, "not a finite number (\"\(text)\")")
                return nil
            }
            let scaled = parsed * scale
            guard range.contains(scaled) else {
                problem(row: row, column: column, range.violation(scaled, unit: unit)
                        + (scale != 1 ? " (after scale \(formatNumber(scale)))" : ""))
                return nil
            }
            return .some(scaled)
        }
        /// A neighbour outside the horizon for filling: read leniently (it is not part of the series).
        func quietValue(atRow row: Int) -> Double? {
            let fields = table.rows[row]
            guard valueIndex < fields.count, let parsed = Double(fields[valueIndex].trimmingCharacters(in: .whitespaces)),
                  parsed.isFinite, range.contains(parsed * scale) else { return nil }
            return parsed * scale
        }
        func reportUnfilled(_ gaps: [GapFill.Gap], column reportColumn: String?, suffix: String) {
            for gap in gaps {
                let count = gap.lastStep - gap.firstStep + 1
                var message = count == 1
                    ? "no row for step \(gap.firstStep) (\(horizon.label(gap.firstStep)))"
                    : "no rows for \(count) steps \(gap.firstStep)-\(gap.lastStep) (\(horizon.label(gap.firstStep)) to \(horizon.label(gap.lastStep)))"
                if fill != .error {
                    message += fill == .previous ? "; no earlier value to carry forward" : "; no value on both sides to interpolate between"
                }
                problems += 1
                if problems <= Self.maximumIssuesPerSeries {
                    context.reportData(path, line: line, dataFile: file, column: reportColumn, message + suffix)
                }
            }
        }

        var present = [Double?](repeating: nil, count: horizon.steps)
        var values = [Double](repeating: 0, count: horizon.steps)
        var valid = true
        if let timestampColumn {
            guard let timeIndex = columnIndex(timestampColumn, in: table, file: file,
                                              keyPath: reader.keyPath("timestamp_column"),
                                              line: reader.line("timestamp_column")) else { return nil }
            let timestamps = parsedTimestamps(table: table, file: file, columnIndex: timeIndex, zone: zone)
            var rowOfStep = [Int](repeating: -1, count: horizon.steps)
            var before: (epoch: Int64, value: Double)?, after: (epoch: Int64, value: Double)?
            var badSteps = Set<Int>()
            for row in 0..<table.rows.count {
                let epoch: Int64
                switch timestamps[row] {
                case .success(let parsed):
                    epoch = parsed
                case .failure(let failure):
                    let text = timeIndex < table.rows[row].count ? table.rows[row][timeIndex] : ""
                    switch failure {
                    case .nonexistentLocalTime(_, let approximate):
                        // Only matters when it would fall in (or next to) the horizon.
                        if approximate < horizon.startEpochSeconds - 86_400 || approximate > horizon.endEpochSeconds + 86_400 {
                            continue
                        }
                        // Such a row cannot be placed on the time line; with a fill its step is filled instead.
                        if fill != .error { continue }
                        problem(row: row, column: timestampColumn,
                                "local time \"\(text)\" does not exist in \(zoneName(zone)) (skipped by a daylight-saving change)")
                    default:
                        problem(row: row, column: timestampColumn,
                                "cannot read timestamp \"\(text)\" (expected e.g. 2025-01-01T00:00:00Z, 2025-01-01 00:00 or 2025-01-01T01:00+01:00)")
                    }
                    valid = false
                    continue
                }
                guard epoch >= horizon.startEpochSeconds, epoch < horizon.endEpochSeconds else {
                    if fill != .error, let neighbour = quietValue(atRow: row) {
                        if epoch < horizon.startEpochSeconds && epoch > (before?.epoch ?? Int64.min) { before = (epoch, neighbour) }
                        if epoch >= horizon.endEpochSeconds && epoch < (after?.epoch ?? Int64.max) { after = (epoch, neighbour) }
                    }
                    continue
                }
                let offset = epoch - horizon.startEpochSeconds
                guard offset % horizon.stepSeconds == 0 else {
                    problem(row: row, column: timestampColumn,
                            "timestamp \(Horizon.format(epochSeconds: epoch)) is not on the \(horizon.stepMinutes)-minute step grid starting \(horizon.label(0))")
                    valid = false
                    continue
                }
                let step = Int(offset / horizon.stepSeconds)
                if rowOfStep[step] >= 0 {
                    problem(row: row, column: timestampColumn,
                            "duplicate timestamp \(horizon.label(step)) (also row \(rowOfStep[step] + 1))")
                    valid = false
                    continue
                }
                rowOfStep[step] = row
                if let parsed = value(atRow: row) { present[step] = parsed } else { valid = false; badSteps.insert(step) }
            }
            // Missing steps (and empty cells when filling), filled or reported as runs.
            let result = fill.fill(present, epochSeconds: horizon.epochSeconds, before: before, after: after)
            values = result.values
            // Steps whose row was already reported (bad cell) are not reported again as missing.
            var gaps: [GapFill.Gap] = []
            for gap in result.unfilled {
                for step in gap.firstStep...gap.lastStep where !badSteps.contains(step) {
                    if let last = gaps.last, last.lastStep == step - 1 { gaps[gaps.count - 1].lastStep = step } else {
                        gaps.append(GapFill.Gap(firstStep: step, lastStep: step))
                    }
                }
            }
            if !gaps.isEmpty { valid = false }
            reportUnfilled(gaps, column: timestampColumn, suffix: "; timestamps read in \(zoneName(zone))")
        } else {
            if table.rows.count != horizon.steps {
                context.reportData(path, line: line, dataFile: file, column: column,
                                   "has \(table.rows.count) data rows but the horizon has \(horizon.steps) steps (without timestamp_column, row i is step i)")
                return nil
            }
            for row in 0..<table.rows.count {
                if let parsed = value(atRow: row) { present[row] = parsed } else { valid = false }
            }
            if valid {
                let result = fill.fill(present, epochSeconds: horizon.epochSeconds, before: nil, after: nil)
                values = result.values
                if !result.unfilled.isEmpty { valid = false }
                reportUnfilled(result.unfilled, column: column, suffix: " (empty cells; rows are steps without timestamp_column)")
            }
        }
        if problems > Self.maximumIssuesPerSeries {
            context.reportData(path, line: line, dataFile: file, column: column,
                               "\(problems - Self.maximumIssuesPerSeries) more problems in this series not listed")
        }
        return valid ? values : nil
    }

    /// Reads (once per load) and parses a CSV file named in the site file.
    func table(file: String, keyPath: String, line: Int?) -> CSVTable? {
        let url = context.resolve(path: file)
        if context.tables[url] == nil {
            context.tables[url] = context.readData(at: url).flatMap { data in
                Result { () throws(DataFileFailure) in try CSVTable.parse(data) }
            }
            context.noteInput(url, display: file)
        }
        switch context.tables[url]! {
        case .success(let table):
            return table
        case .failure(let failure):
            context.reportData(keyPath, line: line, dataFile: file, dataLine: failure.dataLine, failure.message)
            return nil
        }
    }

    private func columnIndex(_ column: String, in table: CSVTable, file: String, keyPath: String, line: Int?) -> Int? {
        if let index = table.columnIndex(column) { return index }
        var message = "no column \"\(column)\""
        if let hint = closestMatch(to: column, in: table.header) { message += "; did you mean \"\(hint)\"?" }
        message += " Columns: " + table.header.map { "\"\($0)\"" }.joined(separator: ", ")
        context.reportData(keyPath, line: line, dataFile: file, message)
        return nil
    }

    private func parsedTimestamps(table: CSVTable, file: String, columnIndex: Int, zone: TimeZoneSpec)
        -> [Result<Int64, TimestampParser.Failure>] {
        let key = "\(file)\u{1}\(columnIndex)\u{1}\(zone)"
        if let cached = context.timestampCache[key] { return cached }
        let parser = TimestampParser(zone: zone)
        let parsed = table.rows.map { fields in
            columnIndex < fields.count ? parser.parse(Substring(fields[columnIndex])) : .failure(.malformed)
        }
        context.timestampCache[key] = parsed
        return parsed
    }

    private func zoneName(_ zone: TimeZoneSpec) -> String {
        switch zone {
        case .utc: return "UTC"
        case .fixedOffset(let seconds):
            let sign = seconds < 0 ? "-" : "+"
            return String(format: "UTC%@%02d:%02d", sign, abs(seconds) / 3600, abs(seconds) % 3600 / 60)
        case .named(let name): return name
        }
    }
}

extension MappingReader {
    /// A time series under `key` (see `SeriesResolver`); nil when absent, invalid or the horizon is unknown.
    func series(_ key: String, unit: String, range: ValueRange = .any, required: Bool = false) -> [Double]? {
        guard let value = child(key) else {
            if required { reportMissing(key, "a number or a CSV reference, in \(unit)") }
            return nil
        }
        return SeriesResolver(context: context).resolve(value, path: keyPath(key), unit: unit, range: range)
    }
}
