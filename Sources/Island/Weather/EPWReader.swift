import Foundation

/// Reads an EnergyPlus weather (EPW) file onto the horizon.
///
/// EPW rows are hour-ending in local standard time (hour 1-24) with the zone of the LOCATION
/// line (field 8, hours east of UTC; `utc_offset_hours` overrides it, e.g. for PVGIS files whose
/// labels are UTC). Typical-year files are mapped by month, day and hour onto any horizon year;
/// Feb 29 uses Feb 28. A step whose local start is hour H (0-23) takes the row labelled H + 1; a
/// sub-hourly step uses the hour containing its start. Fields (0-based): 6 dry bulb C, 7 dew
/// point C, 8 RH %, 9 station pressure Pa, 13-15 global horizontal, direct normal and diffuse
/// horizontal irradiance (Wh/m² over the hour ending at the label, i.e. the hour's mean W/m²), 21
/// wind speed m/s at 10 m. Wet bulb is derived from dry bulb, **dew point** and pressure
/// (`Psychrometrics.wetBulbC`); the file's relative humidity is kept for reports only. The
/// LOCATION line gives latitude (field 7), longitude (8) and elevation (10) for the PV model.
/// With `fill` other than `.error`, EPW missing-value sentinels are filled (`WeatherFill`).
struct EPWReader {
    let context: LoadContext
    let keyPath: String
    let line: Int?

    func read(path: String, utcOffsetHoursOverride: Double?, fill: GapFill = .error) -> Weather? {
        let url = context.resolve(path: path)
        context.noteInput(url, display: path)
        func fail(_ message: String, row: Int? = nil, dataLine: Int? = nil, column: String? = nil) -> Weather? {
            context.reportData(keyPath, line: line, dataFile: path, column: column, row: row, dataLine: dataLine, message)
            return nil
        }
        let data: Data
        switch context.readData(at: url, maximumLineBytes: LoadContext.maximumLineBytes) {
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

        // Per step, per field: nil where the file has a missing-value sentinel (filled later, or an error).
        let fieldSpecs: [(index: Int, name: String, missing: Double, range: ClosedRange<Double>)] = [
            (6, "dry bulb (field 7)", 99.9, -90...65), (7, "dew point (field 8)", 99.9, -90...40),
            (8, "relative humidity (field 9)", 999, 0...110), (9, "pressure (field 10)", 999_999, 30_000...110_000),
            (13, "global horizontal irradiance (field 14)", 9999, 0...2000),
            (14, "direct normal irradiance (field 15)", 9999, 0...2000),
            (15, "diffuse horizontal irradiance (field 16)", 9999, 0...2000),
            (21, "wind speed (field 22)", 999, 0...80),
        ]
        var columns = [[Double?]](repeating: [Double?](repeating: nil, count: horizon.steps), count: fieldSpecs.count)
        let offsetSeconds = Int64((offsetHours * 3600).rounded())
        for step in 0..<horizon.steps {
            let local = CivilTime(epochSeconds: horizon.epochSeconds(step) + offsetSeconds)
            let day = local.month == 2 && local.day == 29 ? 28 : local.day
            let key = ((local.month - 1) * 31 + (day - 1)) * 24 + local.hour
            let row = rowOf[key]
            guard row >= 0 else {
                if fill != .error { continue }
                problems += 1
                if problems <= 10 {
                    _ = fail("no row for \(local.month)/\(day) hour \(local.hour + 1) (local standard time), needed for step \(step) (\(horizon.label(step)))")
                }
                continue
            }
            let fields = fieldsOfRow[row]
            let dataLine = row + 9
            for (column, spec) in fieldSpecs.enumerated() {
                guard spec.index < fields.count else {
                    if spec.index >= 13 { continue }  // short rows: irradiance and wind unavailable
                    problems += 1
                    if problems <= 10 { _ = fail("row has \(fields.count) fields", row: row + 1, dataLine: dataLine, column: spec.name) }
                    continue
                }
                let text = fields[spec.index].trimmingCharacters(in: .whitespaces)
                guard let value = DecimalNumber.parse(text), value.isFinite else {
                    problems += 1
                    if problems <= 10 { _ = fail(DecimalNumber.refusal(text), row: row + 1, dataLine: dataLine, column: spec.name) }
                    continue
                }
                if value == spec.missing || (spec.index >= 13 && value >= spec.missing) {
                    if fill != .error { continue }
                    problems += 1
                    if problems <= 10 {
                        _ = fail("missing value (EPW sentinel \(formatNumber(spec.missing))); set weather.fill to fill it",
                                 row: row + 1, dataLine: dataLine, column: spec.name)
                    }
                    continue
                }
                guard spec.range.contains(value) else {
                    problems += 1
                    if problems <= 10 {
                        _ = fail("out of range \(spec.range.lowerBound)...\(spec.range.upperBound): \(formatNumber(value))",
                                 row: row + 1, dataLine: dataLine, column: spec.name)
                    }
                    continue
                }
                columns[column][step] = value
            }
        }
        if problems > 10 { _ = fail("\(problems - 10) more problems not listed") }
        guard problems == 0 else { return nil }
        var filled: [[Double]?] = []
        for (column, spec) in fieldSpecs.enumerated() {
            let values = WeatherFill.apply(columns[column], fill: fill, stepSeconds: horizon.stepSeconds)
            if values == nil && spec.index < 13 {
                return fail("no \(spec.name) value in the file to fill from")
            }
            filled.append(values)
        }
        guard let dryBulb = filled[0], let dewPoint = filled[1], let rh = filled[2], let pressure = filled[3] else { return nil }
        let humidity = rh.map { min($0, 100) }
        let wetBulb = (0..<horizon.steps).map {
            Psychrometrics.wetBulbC(dryBulbC: dryBulb[$0], dewPointC: dewPoint[$0], pressurePa: pressure[$0])
        }
        var geo: GeoLocation?
        if location.count > 9, let latitude = Double(location[6].trimmingCharacters(in: .whitespaces)),
           let longitude = Double(location[7].trimmingCharacters(in: .whitespaces)),
           let elevation = Double(location[9].trimmingCharacters(in: .whitespaces)),
           (-90...90).contains(latitude), (-180...180).contains(longitude) {
            geo = GeoLocation(latitudeDegrees: latitude, longitudeDegrees: longitude, elevationM: elevation)
        }
        return Weather(dryBulbC: dryBulb, wetBulbC: wetBulb, relativeHumidityPercent: humidity, source: .epw(path: path),
                       globalHorizontalWPerM2: filled[4], directNormalWPerM2: filled[5], diffuseHorizontalWPerM2: filled[6],
                       windSpeedMPerS: filled[7], pressurePa: pressure, location: geo)
    }
}
