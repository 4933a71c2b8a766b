import Foundation

/// Reads an Open-Meteo historical-weather JSON response onto the horizon.
///
/// `hourly.time` labels are local wall-clock at the single fixed `utc_offset_seconds` of the
/// response (no daylight-saving changes), so UTC = label - offset. Uses `temperature_2m` (C)
/// and `relative_humidity_2m` (%); pressure comes from `elevation` (standard atmosphere). Each
/// step takes the hour containing its start; a step without a label is an error.
struct OpenMeteoReader {
    let context: LoadContext
    let keyPath: String
    let line: Int?

    func read(path: String, elevationOverrideM: Double?) -> Weather? {
        let url = context.resolve(path: path)
        context.noteInput(url, display: path)
        func fail(_ message: String, row: Int? = nil, column: String? = nil) -> Weather? {
            context.reportData(keyPath, line: line, dataFile: path, column: column, row: row, message)
            return nil
        }
        let data: Data
        switch context.readData(at: url) {
        case .success(let read): data = read
        case .failure(let failure): return fail(failure.message)
        }
        guard let json = try? JSONSerialization.jsonObject(with: data) as? [String: Any] else {
            return fail("not a JSON object")
        }
        guard let offset = (json["utc_offset_seconds"] as? NSNumber)?.int64Value else {
            return fail("missing utc_offset_seconds")
        }
        guard let hourly = json["hourly"] as? [String: Any], let times = hourly["time"] as? [Any] else {
            return fail("missing hourly.time")
        }
        guard let temperatures = hourly["temperature_2m"] as? [Any] else { return fail("missing hourly.temperature_2m") }
        guard let humidities = hourly["relative_humidity_2m"] as? [Any] else {
            return fail("missing hourly.relative_humidity_2m")
        }
        guard temperatures.count == times.count, humidities.count == times.count else {
            return fail("hourly arrays differ in length (time \(times.count), temperature_2m \(temperatures.count), relative_humidity_2m \(humidities.count))")
        }
        let elevation = elevationOverrideM ?? (json["elevation"] as? NSNumber)?.doubleValue ?? 0
        let pressure = Psychrometrics.pressurePa(elevationM: elevation)
        guard let horizon = context.horizon else { return nil }

        var rowOfHour: [Int64: Int] = [:]
        let parser = TimestampParser(zone: .utc)
        var problems = 0
        func problem(_ message: String, row: Int?, column: String?) {
            problems += 1
            if problems <= 10 { _ = fail(message, row: row, column: column) }
        }
        for (index, label) in times.enumerated() {
            guard let text = label as? String, case .success(let wall) = parser.parse(Substring(text)) else {
                problem("cannot read time label \(label)", row: index + 1, column: "hourly.time")
                continue
            }
            let utc = wall - offset
            if let previous = rowOfHour[utc] {
                problem("duplicate time \(text) (also entry \(previous + 1))", row: index + 1, column: "hourly.time")
                continue
            }
            rowOfHour[utc] = index
        }
        var dryBulb = [Double](repeating: 0, count: horizon.steps)
        var wetBulb = dryBulb, humidity = dryBulb
        for step in 0..<horizon.steps {
            let hourStart = floorDiv(horizon.epochSeconds(step), 3600) * 3600
            guard let row = rowOfHour[hourStart] else {
                problem("no entry for \(Horizon.format(epochSeconds: hourStart)) (UTC; labels are UTC\(offset >= 0 ? "+" : "")\(offset / 3600)h), needed for step \(step)",
                        row: nil, column: "hourly.time")
                continue
            }
            guard let temperature = (temperatures[row] as? NSNumber)?.doubleValue, temperature.isFinite,
                  (-90...65).contains(temperature) else {
                problem("missing or invalid value (\(temperatures[row]))", row: row + 1, column: "hourly.temperature_2m")
                continue
            }
            guard let rh = (humidities[row] as? NSNumber)?.doubleValue, rh.isFinite, (0...100).contains(rh) else {
                problem("missing or invalid value (\(humidities[row]))", row: row + 1, column: "hourly.relative_humidity_2m")
                continue
            }
            dryBulb[step] = temperature
            humidity[step] = rh
            wetBulb[step] = Psychrometrics.wetBulbC(dryBulbC: temperature, relativeHumidityPercent: rh, pressurePa: pressure)
        }
        if problems > 10 { _ = fail("\(problems - 10) more problems not listed") }
        guard problems == 0 else { return nil }
        return Weather(dryBulbC: dryBulb, wetBulbC: wetBulb, relativeHumidityPercent: humidity,
                       source: .openMeteo(path: path))
    }
}
