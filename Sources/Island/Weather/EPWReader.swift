import Foundation

/// Reads an EnergyPlus weather (EPW) file onto the horizon.
///
/// EPW rows are hour-ending in local standard time (hour 1-24) with the zone of the LOCATION
/// line (field 8, hours east of UTC; `utc_offset_hours` overrides it, e.g. for PVGIS files whose
/// labels are UTC). Typical-year files are mapped by month, day and hour onto any horizon year;
/// Feb 29 uses Feb 28. A step whose local start is hour H (0-23) takes the row labelled H + 1; a
/// sub-hourly step uses the hour containing its start. Fields (0-based): 6 dry bulb C, 7 dew
/// point C, 8 RH %, 9 station pressure Pa. Wet bulb is derived from dry bulb, dew point and
/// pressure (`Psychrometrics.wetBulbC`).
struct EPWReader {
    let context: LoadContext
    let keyPath: String
    let line: Int?

    func read(path: String, utcOffsetHoursOverride: Double?) -> Weather? {
        let url = context.resolve(path: path)
        context.noteInput(url, display: path)
        func fail(_ message: String, row: Int? = nil, dataLine: Int? = nil, column: String? = nil) -> Weather? {
            context.reportData(keyPath, line: line, dataFile: path, column: column, row: row, dataLine: dataLine, message)
            return nil
        }
        let data: Data
        switch context.readData(at: url) {
        case .success(let read): data = read
        case .failure(let failure): return fail(failure.message)
        }
        guard let text = String(data: data, encoding: .utf8) ?? String(data: data, encoding: .isoLatin1) else {
            return fail("cannot decode the file as text")
        }
        let lines = text.split(omittingEmptySubsequences: false, whereSeparator: { $0 == "\n" || $0 == "\r\n" })
        guard lines.count > 8, lines[0].hasPrefix("LOCATION") else {
            return fail("not an EPW file (the first line should start with LOCATION)")
        }
        let location = lines[0].split(separator: ",", omittingEmptySubsequences: false)
        var offsetHours = utcOffsetHoursOverride
        if offsetHours == nil {
            guard location.count > 8, let zone = Double(location[8].trimmingCharacters(in: .whitespaces)),
                  (-14...14).contains(zone) else {
                return fail("LOCATION line has no valid time zone (field 9); set weather.utc_offset_hours", dataLine: 1)
            }
            offsetHours = zone
        }
        guard let horizon = context.horizon, let offsetHours else { return nil }

        // Index rows by month, day, hour; data starts after the 8 header lines.
        var rowOf = [Int](repeating: -1, count: 12 * 31 * 24)
        var fieldsOfRow: [[Substring]] = []
        var problems = 0
        for (lineIndex, lineText) in lines.enumerated().dropFirst(8) where !lineText.trimmingCharacters(in: .whitespaces).isEmpty {
            let fields = lineText.split(separator: ",", omittingEmptySubsequences: false)
            let row = fieldsOfRow.count
            fieldsOfRow.append(fields)
            guard fields.count >= 10, let month = Int(fields[1]), let day = Int(fields[2]), let hour = Int(fields[3]),
                  (1...12).contains(month), (1...31).contains(day), (1...24).contains(hour) else {
                problems += 1
                if problems <= 10 { _ = fail("expected at least 10 fields with month, day, hour (1-24)", row: row + 1,
                                              dataLine: lineIndex + 1) }
                continue
            }
            let key = ((month - 1) * 31 + (day - 1)) * 24 + (hour - 1)
            if rowOf[key] >= 0 {
                problems += 1
                if problems <= 10 { _ = fail("duplicate month/day/hour \(month)/\(day) \(hour) (also row \(rowOf[key] + 1))",
                                              row: row + 1, dataLine: lineIndex + 1) }
                continue
            }
            rowOf[key] = row
        }
        guard problems == 0 else { return nil }

        var dryBulb = [Double](repeating: 0, count: horizon.steps)
        var wetBulb = dryBulb, humidity = dryBulb
        let offsetSeconds = Int64((offsetHours * 3600).rounded())
        for step in 0..<horizon.steps {
            let local = CivilTime(epochSeconds: horizon.epochSeconds(step) + offsetSeconds)
            let day = local.month == 2 && local.day == 29 ? 28 : local.day
            let key = ((local.month - 1) * 31 + (day - 1)) * 24 + local.hour
            let row = rowOf[key]
            guard row >= 0 else {
                problems += 1
                if problems <= 10 {
                    _ = fail("no row for \(local.month)/\(day) hour \(local.hour + 1) (local standard time), needed for step \(step) (\(horizon.label(step)))")
                }
                continue
            }
            let fields = fieldsOfRow[row]
            let dataLine = row + 9
            func field(_ index: Int, _ name: String, missing: Double, range: ClosedRange<Double>) -> Double? {
                let text = fields[index].trimmingCharacters(in: .whitespaces)
                guard let value = Double(text), value.isFinite else {
                    problems += 1
                    if problems <= 10 { _ = fail("not a number (\"\(text)\")", row: row + 1, dataLine: dataLine, column: name) }
                    return nil
                }
                guard value != missing, range.contains(value) else {
                    problems += 1
                    if problems <= 10 {
                        _ = fail(value == missing ? "missing value (EPW sentinel \(formatNumber(missing)))"
                                     : "out of range \(range.lowerBound)...\(range.upperBound): \(formatNumber(value))",
                                 row: row + 1, dataLine: dataLine, column: name)
                    }
                    return nil
                }
                return value
            }
            guard let dry = field(6, "dry bulb (field 7)", missing: 99.9, range: -90...65),
                  let dew = field(7, "dew point (field 8)", missing: 99.9, range: -90...40),
                  let rh = field(8, "relative humidity (field 9)", missing: 999, range: 0...110),
                  let pressure = field(9, "pressure (field 10)", missing: 999_999, range: 30_000...110_000) else { continue }
            dryBulb[step] = dry
            humidity[step] = min(rh, 100)
            wetBulb[step] = Psychrometrics.wetBulbC(dryBulbC: dry, dewPointC: dew, pressurePa: pressure)
        }
        if problems > 10 { _ = fail("\(problems - 10) more problems not listed") }
        guard problems == 0 else { return nil }
        return Weather(dryBulbC: dryBulb, wetBulbC: wetBulb, relativeHumidityPercent: humidity, source: .epw(path: path))
    }
}
