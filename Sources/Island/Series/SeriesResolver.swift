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
///   `timestamp_columns: {year?, month, day, hour, minute?}` reads split date/time columns instead
///   (no year: a typical year laid onto every horizon year), and `header_row` skips metadata lines.
///   A file whose step divides the horizon's (30-minute rows, hourly steps) is averaged over each step.
///   `fill: previous | interpolate` fills missing steps and empty cells instead (default `error`);
///   rows at local times skipped by a daylight-saving change are then dropped, not reported.
///   `format: electricitymaps | day_ahead | nsrdb | pvwatts` names a known file layout and supplies
///   `column`, the timestamps, `scale`, the header line and (NSRDB) the time zone.
struct SeriesResolver {
    static let referenceKeys = ["file", "column", "timestamp_column", "timestamp_columns", "header_row", "timezone", "scale",
                                "fill", "format", "basis", "resample", "source_year"]
    /// The placeholder in a series `file` replaced by the site's `scenario_year`.
    static let yearPlaceholder = "{year}"
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
            guard let parsed = MappingReader.parseNumber(node) else {
                context.report(path, node: node,
                               "expected a number or a CSV reference {file, column, ...}, got \(node.kindDescription)")
                return nil
            }
            guard parsed.isFinite else {
                context.report(path, node: node, "must be a finite number, got \(Echo.quoted(node.scalarText ?? ""))")
                return nil
            }
            if let magnitude = DecimalNumber.magnitudeProblem(parsed, unit: unit) {
                context.report(path, node: node, magnitude)
                return nil
            }
            let value = DecimalNumber.flushed(parsed)
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
                guard let parsed = MappingReader.parseNumber(item), parsed.isFinite else {
                    context.report("\(path)[\(index)]", node: item, "expected a finite number, got \(item.kindDescription)")
                    valid = false
                    continue
                }
                if let magnitude = DecimalNumber.magnitudeProblem(parsed, unit: unit) {
                    context.report("\(path)[\(index)]", node: item, magnitude)
                    valid = false
                    continue
                }
                let value = DecimalNumber.flushed(parsed)
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
        var file = reader.string("file", required: true)
        // Weather and price years as scenarios: `{year}` in the path takes the site's
        // `scenario_year`, and that year's rows are laid onto the horizon (`source_year`).
        var sourceYear = reader.integer("source_year", range: .between(1900, 2200))
        if reader.has("source_year") && sourceYear == nil { return nil }
        if let text = file, text.contains(Self.yearPlaceholder) {
            guard let year = context.scenarioYear else {
                reader.report("file", "contains \(Self.yearPlaceholder) but the site gives no scenario_year (e.g. scenario_year: 2023, or --set scenario_year=2023)")
                return nil
            }
            file = text.replacingOccurrences(of: Self.yearPlaceholder, with: String(year))
            sourceYear = sourceYear ?? year
        }
        let format = reader.choice("format", SeriesFormat.choices)
        if reader.has("format") && format == nil { return nil }
        let basis = reader.choice("basis", ["direct": SeriesFormat.Basis.direct, "lifecycle": .lifecycle]) ?? .direct
        if reader.has("basis") && format != .electricityMaps { reader.report("basis", "only applies with format: electricitymaps") }
        let fill = reader.choice("fill", ["error": GapFill.error, "previous": .previous, "interpolate": .interpolate]) ?? .error
        if reader.has("fill") && reader.string("fill").flatMap(GapFill.init(rawValue:)) == nil { return nil }
        let resample = reader.choice("resample", ["mean": Resample.mean, "repeat": .repeat, "interpolate": .interpolate])
        if reader.has("resample") && resample == nil { return nil }
        var column = reader.string("column", required: format == nil)
        var timing: SeriesFormat.Timing? = reader.string("timestamp_column").map { .column($0) }
        if reader.has("timestamp_columns") {
            if reader.has("timestamp_column") {
                reader.report("timestamp_columns", "give either timestamp_column (one column) or timestamp_columns (split date and time), not both")
                return nil
            }
            guard let columns = timestampColumns(reader) else { return nil }
            timing = .columns(columns)
        }
        let headerRow = reader.integer("header_row", range: .atLeast(1))
        if reader.has("header_row") && headerRow == nil { return nil }
        let givenScale = reader.number("scale", range: .any)
        if reader.has("scale") && givenScale == nil { return nil }
        var zone: TimeZoneSpec?
        if let zoneText = reader.string("timezone") {
            guard let parsed = TimeZoneSpec(parsing: zoneText) else {
                reader.report("timezone", "unknown time zone \(Echo.quoted(zoneText)) (use UTC, an offset like +01:00, or an IANA name like Europe/Paris)")
                return nil
            }
            zone = parsed
            if timing == nil && format == nil {
                reader.report("timezone", "only applies with timestamp_column or timestamp_columns")
            }
        }
        guard let file else { return nil }
        let line = node.line
        // Only formats with metadata lines look for their header, so other series share one parse of a file.
        let header: HeaderPosition = headerRow.map { .line($0) } ?? format.flatMap { $0.findsHeader ? .detected($0) : nil } ?? .line(1)
        guard let table = table(file: file, header: header, keyPath: path, line: line,
                                headerKeyPath: reader.keyPath(reader.has("header_row") ? "header_row" : "format"),
                                headerKeyLine: reader.line(reader.has("header_row") ? "header_row" : "format")) else { return nil }
        var scale = givenScale ?? 1
        var rowCount = table.rows.count
        if let format {
            let key = path.split(separator: ".").last.map(String.init) ?? path
            switch format.defaults(forKey: key, basis: basis, table: table, columnGiven: column != nil, zoneGiven: zone != nil,
                                   scaleGiven: givenScale != nil) {
            case .success(let defaults):
                column = column ?? defaults.column
                timing = timing ?? defaults.timing
                if givenScale == nil { scale = defaults.scale }
                zone = zone ?? defaults.zone
                rowCount = defaults.rowCount
            case .failure(let mismatch):
                context.reportData(reader.keyPath("format"), line: reader.line("format"), dataFile: file, mismatch.message)
                return nil
            }
        }
        let zoneSpec = zone ?? .utc
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
        func readValue(atRow row: Int) -> Double?? {
            let fields = table.rows[row]
            guard valueIndex < fields.count else {
                problem(row: row, column: column,
                        "row has \(fields.count) fields; column \(Echo.quoted(column)) is field \(valueIndex + 1)")
                return nil
            }
            let text = fields[valueIndex].trimmingCharacters(in: .whitespaces)
            guard !text.isEmpty else {
                if fill != .error { return .some(nil) }
                problem(row: row, column: column, "empty cell")
                return nil
            }
            guard let parsed = DecimalNumber.parse(text) else {
                problem(row: row, column: column, DecimalNumber.refusal(text))
                return nil
            }
            guard parsed.isFinite else {
                problem(row: row, column: column, "not a finite number (\(Echo.quoted(text)))")
                return nil
            }
            let scaled = DecimalNumber.flushed(parsed * scale)
            if let magnitude = DecimalNumber.magnitudeProblem(scaled, unit: unit) {
                problem(row: row, column: column, magnitude + (scale != 1 ? " (after scale \(formatNumber(scale)))" : ""))
                return nil
            }
            guard range.contains(scaled) else {
                problem(row: row, column: column, range.violation(scaled, unit: unit)
                        + (scale != 1 ? " (after scale \(formatNumber(scale)))" : ""))
                return nil
            }
            return .some(scaled)
        }
        // A typical-year row can serve several horizon years: read (and report) it once.
        var readValues: [Int: Double??] = [:]
        func value(atRow row: Int) -> Double?? {
            if let known = readValues[row] { return known }
            let read = readValue(atRow: row)
            readValues[row] = read
            return read
        }
        /// A neighbour outside the horizon for filling: read leniently (it is not part of the series).
        func quietValue(atRow row: Int) -> Double? {
            let fields = table.rows[row]
            guard valueIndex < fields.count, let parsed = DecimalNumber.parse(fields[valueIndex].trimmingCharacters(in: .whitespaces)),
                  parsed.isFinite, range.contains(DecimalNumber.flushed(parsed * scale)),
                  DecimalNumber.magnitudeProblem(parsed * scale) == nil else { return nil }
            return DecimalNumber.flushed(parsed * scale)
        }

        var present = [Double?](repeating: nil, count: horizon.steps)
        var values = [Double](repeating: 0, count: horizon.steps)
        var valid = true
        if let timing {
            // 1. Each row's UTC interval start (a typical-year row once per horizon year).
            var placed: [(row: Int, epoch: Result<Int64, TimestampParser.Failure>)] = []
            let timeColumn: String
            switch timing {
            case .column(let name):
                guard let timeIndex = columnIndex(name, in: table, file: file, keyPath: reader.keyPath("timestamp_column"),
                                                  line: reader.line("timestamp_column")) else { return nil }
                timeColumn = name
                if zone == nil, !name.uppercased().contains("UTC"),
                   let first = table.rows.first(where: { timeIndex < $0.count && !$0[timeIndex].isEmpty })?[timeIndex],
                   !TimestampParser.hasZoneDesignator(first) {
                    context.warn(path, line: line, dataFile: file, column: name,
                                 "timestamps have no time zone (e.g. \(Echo.quoted(first))) and were read as UTC; give timezone (e.g. Europe/Paris, America/Chicago or UTC) to confirm or correct")
                }
                let timestamps = parsedTimestamps(table: table, file: file, columnIndex: timeIndex, zone: zoneSpec)
                if let sourceYear {
                    // The source year's rows, as a typical year on the wall clock of `timezone`;
                    // unreadable timestamps are still reported.
                    var times = [LocalWallTime?](repeating: nil, count: rowCount)
                    var seen: Set<LocalWallTime> = []
                    for row in 0..<rowCount {
                        guard case .success(let epoch) = timestamps[row] else {
                            placed.append((row, timestamps[row]))
                            continue
                        }
                        let wall = CivilTime(epochSeconds: epoch + zoneSpec.offsetSeconds(atUTC: epoch))
                        guard wall.year == sourceYear else { continue }
                        let time = LocalWallTime(year: nil, month: wall.month, day: wall.day, hour: wall.hour, minute: wall.minute)
                        // A wall time repeated by the autumn change keeps its first row, as elsewhere.
                        if seen.insert(time).inserted { times[row] = time }
                    }
                    guard !seen.isEmpty else {
                        reader.report(reader.has("source_year") ? "source_year" : "file",
                                      "\(file) has no rows in \(sourceYear) (wall clock in \(zoneName(zoneSpec)))")
                        return nil
                    }
                    placed += SplitTimestampReader.place(times, years: horizonYears(horizon), zone: zoneSpec)
                } else {
                    placed = (0..<rowCount).map { ($0, timestamps[$0]) }
                }
            case .columns(let columns):
                timeColumn = columns.description
                if zone == nil {
                    context.warn(path, line: line, dataFile: file, column: timeColumn,
                                 "split date and time columns have no time zone and were read as UTC; give timezone (e.g. the site's local standard time, \"-07:00\") to confirm or correct")
                }
                var missing: [(key: String, column: String)] = []
                for (key, name) in columns.named {
                    let given = reader.has("timestamp_columns")
                    if columnIndex(name, in: table, file: file, keyPath: given ? "\(reader.keyPath("timestamp_columns")).\(key)" : reader.keyPath("format"),
                                   line: reader.line(given ? "timestamp_columns" : "format")) == nil {
                        missing.append((key, name))
                    }
                }
                guard missing.isEmpty, let split = SplitTimestampReader(columns: columns, table: table, missing: &missing) else { return nil }
                var times = [LocalWallTime?](repeating: nil, count: rowCount)
                var rowOfTime: [LocalWallTime: Int] = [:]
                for row in 0..<rowCount {
                    switch split.read(table.rows[row]) {
                    case .success(let time):
                        // A dated duplicate is found on the time line (inside the horizon only, like a timestamp
                        // column); a typical year's rows serve every year, so its duplicates are reported here.
                        if columns.isTypicalYear, let first = rowOfTime[time] {
                            problem(row: row, column: timeColumn, "duplicate \(time.label) (also row \(first + 1))")
                            valid = false
                            continue
                        }
                        rowOfTime[time] = row
                        times[row] = time
                    case .failure(let failure):
                        problem(row: row, column: failure.column, failure.message)
                        valid = false
                    }
                }
                if let sourceYear {
                    guard columns.year != nil else {
                        reader.report("source_year", "the file is a typical year (no year column): source_year does not apply")
                        return nil
                    }
                    // The source year's rows as a typical year; other years are not read.
                    times = times.map { time in
                        guard let time, time.year == sourceYear else { return nil }
                        var typical = time
                        typical.year = nil
                        return typical
                    }
                    guard times.contains(where: { $0 != nil }) else {
                        reader.report("source_year", "\(file) has no rows in \(sourceYear)")
                        return nil
                    }
                }
                placed = SplitTimestampReader.place(times, years: horizonYears(horizon), zone: zoneSpec)
            }
            var timed: [(row: Int, epoch: Int64)] = []
            timed.reserveCapacity(placed.count)
            for (row, result) in placed {
                switch result {
                case .success(let epoch):
                    timed.append((row, epoch))
                case .failure(.nonexistentLocalTime(let text, let approximate)):
                    // Only matters when it would fall in (or next to) the horizon.
                    if approximate < horizon.startEpochSeconds - 86_400 || approximate > horizon.endEpochSeconds + 86_400 { continue }
                    // Such a row cannot be placed on the time line; with a fill its step is filled instead.
                    if fill != .error { continue }
                    problem(row: row, column: timeColumn,
                            "local time \(Echo.quoted(text)) does not exist in \(zoneName(zoneSpec)) (skipped by a daylight-saving change)")
                    valid = false
                case .failure(let failure):
                    let text: String
                    if case .column(let name) = timing, let index = table.columnIndex(name), index < table.rows[row].count {
                        text = table.rows[row][index]
                    } else {
                        text = ""
                    }
                    problem(row: row, column: timeColumn, failure == .fractionalSecond
                            ? "timestamp \(Echo.quoted(text)) has a fraction of a second; timestamps must fall on whole seconds (a fraction of zeros, .000, is fine)"
                            : "cannot read timestamp \(Echo.quoted(text)) (expected e.g. 2025-01-01T00:00:00Z, 2025-01-01 00:00 or 2025-01-01T01:00+01:00)")
                    valid = false
                }
            }

            // 2. The grid rows are placed on: the horizon's steps, or the file's finer step that divides them.
            var gridSeconds = horizon.stepSeconds
            if let dataStep = Self.dataStepSeconds(timed.map(\.epoch)), dataStep != horizon.stepSeconds {
                if dataStep > horizon.stepSeconds, let resample, resample != .mean {
                    guard valid else { return nil }
                    return coarseResample(timed: timed, dataStep: dataStep, resample: resample, fill: fill, horizon: horizon,
                                          value: { value(atRow: $0) }, quietValue: quietValue, problem: problem,
                                          timeColumn: timeColumn, report: { message in
                                              context.reportData(path, line: line, dataFile: file, column: timeColumn,
                                                                 message + "; timestamps read in \(zoneName(zoneSpec))")
                                          })
                }
                if resample == .repeat || resample == .interpolate, dataStep < horizon.stepSeconds {
                    reader.report("resample", "the file's rows (\(formatNumber(Double(dataStep) / 60)) minutes apart) are finer than the \(horizon.stepMinutes)-minute horizon step: they are averaged (resample: mean)")
                    return nil
                }
                guard dataStep < horizon.stepSeconds, horizon.stepSeconds % dataStep == 0 else {
                    context.reportData(path, line: line, dataFile: file, column: timeColumn,
                                       "the file's rows are \(formatNumber(Double(dataStep) / 60)) minutes apart but the horizon step is \(horizon.stepMinutes) minutes: " +
                                       (dataStep > horizon.stepSeconds
                                        ? "give resample: repeat (each row holds for its whole interval) or resample: interpolate (linear between rows)"
                                        : "the horizon step must be a multiple of the data step (finer rows are averaged over each step)"))
                    return nil
                }
                gridSeconds = dataStep
            }
            let perStep = Int(horizon.stepSeconds / gridSeconds)
            let gridMinutes = formatNumber(Double(gridSeconds) / 60)
            func gridEpoch(_ slot: Int) -> Int64 { horizon.startEpochSeconds + Int64(slot) * gridSeconds }

            // 3. Rows onto the grid.
            var slotValues = [Double?](repeating: nil, count: horizon.steps * perStep)
            var rowOfSlot = [Int](repeating: -1, count: slotValues.count)
            var before: (epoch: Int64, value: Double)?, after: (epoch: Int64, value: Double)?
            var badSlots = Set<Int>()
            for (row, epoch) in timed {
                guard epoch >= horizon.startEpochSeconds, epoch < horizon.endEpochSeconds else {
                    if fill != .error, let neighbour = quietValue(atRow: row) {
                        if epoch < horizon.startEpochSeconds && epoch > (before?.epoch ?? Int64.min) { before = (epoch, neighbour) }
                        if epoch >= horizon.endEpochSeconds && epoch < (after?.epoch ?? Int64.max) { after = (epoch, neighbour) }
                    }
                    continue
                }
                let offset = epoch - horizon.startEpochSeconds
                guard offset % gridSeconds == 0 else {
                    problem(row: row, column: timeColumn,
                            "timestamp \(Horizon.format(epochSeconds: epoch)) is not on the \(gridMinutes)-minute \(perStep == 1 ? "step" : "data") grid starting \(horizon.label(0))")
                    valid = false
                    continue
                }
                let slot = Int(offset / gridSeconds)
                if rowOfSlot[slot] >= 0 {
                    problem(row: row, column: timeColumn,
                            "duplicate timestamp \(Horizon.format(epochSeconds: epoch)) (also row \(rowOfSlot[slot] + 1))")
                    valid = false
                    continue
                }
                rowOfSlot[slot] = row
                if let parsed = value(atRow: row) { slotValues[slot] = parsed } else { valid = false; badSlots.insert(slot) }
            }

            // 4. Missing slots (and empty cells when filling), filled or reported as runs.
            let result = fill.fill(slotValues, epochSeconds: gridEpoch, before: before, after: after)
            // Slots whose row was already reported (bad cell) are not reported again as missing.
            var gaps: [GapFill.Gap] = []
            for gap in result.unfilled {
                for slot in gap.firstStep...gap.lastStep where !badSlots.contains(slot) {
                    if let last = gaps.last, last.lastStep == slot - 1 { gaps[gaps.count - 1].lastStep = slot } else {
                        gaps.append(GapFill.Gap(firstStep: slot, lastStep: slot))
                    }
                }
            }
            if !gaps.isEmpty { valid = false }
            for gap in gaps {
                var message: String
                let count = gap.lastStep - gap.firstStep + 1
                if perStep == 1 {
                    message = count == 1
                        ? "no row for step \(gap.firstStep) (\(horizon.label(gap.firstStep)))"
                        : "no rows for \(count) steps \(gap.firstStep)-\(gap.lastStep) (\(horizon.label(gap.firstStep)) to \(horizon.label(gap.lastStep)))"
                } else {
                    let steps = gap.firstStep / perStep == gap.lastStep / perStep
                        ? "step \(gap.firstStep / perStep)" : "steps \(gap.firstStep / perStep)-\(gap.lastStep / perStep)"
                    message = count == 1
                        ? "no row for the \(gridMinutes)-minute interval \(Horizon.format(epochSeconds: gridEpoch(gap.firstStep))) (in \(steps))"
                        : "no rows for \(count) \(gridMinutes)-minute intervals \(Horizon.format(epochSeconds: gridEpoch(gap.firstStep))) to \(Horizon.format(epochSeconds: gridEpoch(gap.lastStep))) (in \(steps))"
                }
                if fill != .error {
                    message += fill == .previous ? "; no earlier value to carry forward" : "; no value on both sides to interpolate between"
                }
                problems += 1
                if problems <= Self.maximumIssuesPerSeries {
                    context.reportData(path, line: line, dataFile: file, column: timeColumn, message + "; timestamps read in \(zoneName(zoneSpec))")
                }
            }

            // 5. Each step is the mean of its slots (the row itself when the steps match).
            for step in 0..<horizon.steps {
                var sum = 0.0
                for slot in step * perStep..<(step + 1) * perStep { sum += result.values[slot] }
                values[step] = perStep == 1 ? sum : sum / Double(perStep)
            }
        } else {
            if rowCount != horizon.steps {
                context.reportData(path, line: line, dataFile: file, column: column,
                                   "has \(rowCount) data rows but the horizon has \(horizon.steps) steps (without timestamp_column, row i is step i)")
                return nil
            }
            for row in 0..<rowCount {
                if let parsed = value(atRow: row) { present[row] = parsed } else { valid = false }
            }
            if valid {
                let result = fill.fill(present, epochSeconds: horizon.epochSeconds, before: nil, after: nil)
                values = result.values
                for gap in result.unfilled {
                    valid = false
                    let count = gap.lastStep - gap.firstStep + 1
                    problems += 1
                    if problems <= Self.maximumIssuesPerSeries {
                        context.reportData(path, line: line, dataFile: file, column: column, (count == 1
                            ? "no row for step \(gap.firstStep) (\(horizon.label(gap.firstStep)))"
                            : "no rows for \(count) steps \(gap.firstStep)-\(gap.lastStep) (\(horizon.label(gap.firstStep)) to \(horizon.label(gap.lastStep)))")
                            + (fill == .previous ? "; no earlier value to carry forward" : fill == .interpolate ? "; no value on both sides to interpolate between" : "")
                            + " (empty cells; rows are steps without timestamp_column)")
                    }
                }
            }
        }
        if problems > Self.maximumIssuesPerSeries {
            context.reportData(path, line: line, dataFile: file, column: column,
                               "\(problems - Self.maximumIssuesPerSeries) more problems in this series not listed")
        }
        if valid {
            SeriesWarnings.check(values, keyPath: path, line: line, file: file, column: column, scaleGiven: givenScale != nil,
                                 context: context)
        }
        return valid ? values : nil
    }

    /// How a series whose rows are spaced differently from the horizon's steps is brought onto them.
    enum Resample {
        /// Finer rows: each step is the mean of the rows in it (the default).
        case mean
        /// Coarser rows: each step takes the row whose interval contains the step's start.
        case `repeat`
        /// Coarser rows: linear in time between the rows' timestamps, at each step's start.
        case interpolate
    }

    /// Coarser rows onto the horizon (`resample: repeat | interpolate`): rows are placed on their own
    /// grid (phase from the first row), gaps on it filled by `fill`, then read at each step's start.
    private func coarseResample(timed: [(row: Int, epoch: Int64)], dataStep: Int64, resample: Resample, fill: GapFill,
                                horizon: Horizon, value: (Int) -> Double??, quietValue: (Int) -> Double?,
                                problem: (Int?, String?, String) -> Void, timeColumn: String,
                                report: (String) -> Void) -> [Double]? {
        guard let anchor = timed.map(\.epoch).min() else { return nil }
        let gridStart = anchor + floorDiv(horizon.startEpochSeconds - anchor, dataStep) * dataStep
        // Slots covering the horizon, plus one after its end for interpolation.
        let slots = Int(floorDiv(horizon.endEpochSeconds - 1 - gridStart, dataStep)) + 2
        var slotValues = [Double?](repeating: nil, count: slots)
        var rowOfSlot = [Int](repeating: -1, count: slots)
        var before: (epoch: Int64, value: Double)?, after: (epoch: Int64, value: Double)?
        var valid = true
        for (row, epoch) in timed {
            let offset = epoch - gridStart
            guard offset >= 0, offset < Int64(slots) * dataStep else {
                if fill != .error, let neighbour = quietValue(row) {
                    if offset < 0 && epoch > (before?.epoch ?? Int64.min) { before = (epoch, neighbour) }
                    if offset >= 0 && epoch < (after?.epoch ?? Int64.max) { after = (epoch, neighbour) }
                }
                continue
            }
            guard offset % dataStep == 0 else {
                problem(row, timeColumn, "timestamp \(Horizon.format(epochSeconds: epoch)) is off the file's \(formatNumber(Double(dataStep) / 60))-minute grid")
                valid = false
                continue
            }
            let slot = Int(offset / dataStep)
            if rowOfSlot[slot] >= 0 {
                problem(row, timeColumn, "duplicate timestamp \(Horizon.format(epochSeconds: epoch)) (also row \(rowOfSlot[slot] + 1))")
                valid = false
                continue
            }
            rowOfSlot[slot] = row
            if let parsed = value(row) { slotValues[slot] = parsed } else { valid = false }
        }
        guard valid else { return nil }
        // The extra slot after the end is only needed to interpolate the last steps; an absent one
        // holds the last value.
        let lastNeeded = resample == .interpolate ? slots - 1 : slots - 2
        if slotValues[slots - 1] == nil, resample == .interpolate, after == nil, let last = slotValues[slots - 2] {
            slotValues[slots - 1] = last
        }
        let result = fill.fill(Array(slotValues[0...lastNeeded]), epochSeconds: { gridStart + Int64($0) * dataStep },
                               before: before, after: after)
        if let gap = result.unfilled.first {
            let minutes = formatNumber(Double(dataStep) / 60)
            report("no row for \(gap.lastStep - gap.firstStep + 1) \(minutes)-minute interval(s) from \(Horizon.format(epochSeconds: gridStart + Int64(gap.firstStep) * dataStep))"
                   + (result.unfilled.count > 1 ? " and \(result.unfilled.count - 1) more gaps" : ""))
            return nil
        }
        return (0..<horizon.steps).map { step in
            let offset = horizon.epochSeconds(step) - gridStart
            let slot = Int(offset / dataStep)
            guard resample == .interpolate else { return result.values[slot] }
            let weight = Double(offset - Int64(slot) * dataStep) / Double(dataStep)
            return result.values[slot] + weight * (result.values[slot + 1] - result.values[slot])
        }
    }

    /// The spacing of a file's rows: the most common gap between consecutive distinct times, when it
    /// occurs at least twice. Ties go to the longer gap, so a stray off-grid row is reported rather
    /// than taken for a finer step.
    /// - Complexity: O(n log n) for n timestamps.
    static func dataStepSeconds(_ epochs: [Int64]) -> Int64? {
        let sorted = epochs.sorted()
        var counts: [Int64: Int] = [:]
        for (previous, next) in zip(sorted, sorted.dropFirst()) where next > previous { counts[next - previous, default: 0] += 1 }
        guard let (step, count) = counts.max(by: { ($0.value, $0.key) < ($1.value, $1.key) }), count >= 2 else { return nil }
        return step
    }

    /// `timestamp_columns: {year?, month, day, hour, minute?}`.
    private func timestampColumns(_ reader: MappingReader) -> TimestampColumns? {
        guard let columns = reader.mapping("timestamp_columns", allowedKeys: TimestampColumns.keys) else { return nil }
        let month = columns.string("month", required: true), day = columns.string("day", required: true)
        let hour = columns.string("hour", required: true)
        guard let month, let day, let hour else { return nil }
        return TimestampColumns(year: columns.string("year"), month: month, day: day, hour: hour, minute: columns.string("minute"))
    }

    /// Where a table's header is: a given line, or found from the content by a named format.
    enum HeaderPosition: CustomStringConvertible {
        case line(Int)
        case detected(SeriesFormat)

        var description: String {
            switch self {
            case .line(let line): "line \(line)"
            case .detected(let format): "format \(format.rawValue)"
            }
        }
    }

    /// Reads (once per load and header position) and parses a CSV file named in the site file.
    /// - Parameters:
    ///   - keyPath, line: the series, for problems with the file as a whole.
    ///   - headerKeyPath, headerKeyLine: `header_row` (or `format`), for a header that is not where it was asked for.
    func table(file: String, header: HeaderPosition = .line(1), keyPath: String, line: Int?,
               headerKeyPath: String? = nil, headerKeyLine: Int? = nil) -> CSVTable? {
        let url = context.resolve(path: file)
        let cacheKey = url.path + "\u{1}" + header.description
        if context.tables[cacheKey] == nil {
            context.tables[cacheKey] = context.readData(at: url, maximumLineBytes: LoadContext.maximumLineBytes).flatMap { data in
                Result { () throws(DataFileFailure) in
                    var headerLine = 1
                    switch header {
                    case .line(let line):
                        headerLine = line
                    case .detected(let format):
                        guard let found = format.headerLine(in: data) else {
                            throw DataFileFailure(message: "format \(format.rawValue): no header found (\(format.headerDescription)); give header_row",
                                                  atHeaderRow: true)
                        }
                        headerLine = found
                    }
                    return try CSVTable.parse(data, headerLine: headerLine)
                }
            }
            context.noteInput(url, display: file)
        }
        switch context.tables[cacheKey]! {
        case .success(let table):
            return table
        case .failure(let failure):
            if failure.atHeaderRow, let headerKeyPath {
                context.reportData(headerKeyPath, line: headerKeyLine, dataFile: file, dataLine: failure.dataLine, failure.message)
            } else {
                context.reportData(keyPath, line: line, dataFile: file, column: failure.column, row: failure.row,
                                   dataLine: failure.dataLine, failure.message)
            }
            return nil
        }
    }

    private func columnIndex(_ column: String, in table: CSVTable, file: String, keyPath: String, line: Int?) -> Int? {
        if let colliding = table.collidingColumns(column) {
            context.reportData(keyPath, line: line, dataFile: file, dataLine: table.headerLine,
                               "column \(Echo.quoted(column)) is named by \(colliding.count) headers: "
                               + colliding.map { "\(Echo.quoted(table.header[$0])) (field \($0 + 1))" }.joined(separator: ", ")
                               + "; headers must differ by more than case and outer spaces, rename all but one")
            return nil
        }
        if let index = table.columnIndex(column) { return index }
        var message = "no column \(Echo.quoted(column))"
        if let hint = closestMatch(to: column, in: table.header) { message += "; did you mean \(Echo.quoted(hint))?" }
        let listed = table.header.prefix(50)
        message += " Columns: " + listed.map { Echo.quoted($0) }.joined(separator: ", ")
            + (table.header.count > listed.count ? " and \(table.header.count - listed.count) more" : "")
        context.reportData(keyPath, line: line, dataFile: file, message)
        return nil
    }

    private func parsedTimestamps(table: CSVTable, file: String, columnIndex: Int, zone: TimeZoneSpec)
        -> [Result<Int64, TimestampParser.Failure>] {
        let key = "\(file)\u{1}\(table.headerLine)\u{1}\(columnIndex)\u{1}\(zone)"
        if let cached = context.timestampCache[key] { return cached }
        let parser = TimestampParser(zone: zone)
        let parsed = table.rows.map { fields in
            columnIndex < fields.count ? parser.parse(Substring(fields[columnIndex])) : .failure(.malformed)
        }
        context.timestampCache[key] = parsed
        return parsed
    }

    /// Every calendar year the horizon touches, with a day's margin for local clocks.
    private func horizonYears(_ horizon: Horizon) -> ClosedRange<Int> {
        CivilTime(epochSeconds: horizon.startEpochSeconds - 86_400).year...CivilTime(epochSeconds: horizon.endEpochSeconds + 86_400).year
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
