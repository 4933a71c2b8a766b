import Foundation

/// Reads an Open-Meteo historical-weather JSON response onto the horizon.
///
/// `hourly.time` labels are local wall-clock at the single fixed `utc_offset_seconds` of the
/// response (no daylight-saving changes), so UTC = label - offset. Uses `temperature_2m` (C)
/// and `relative_humidity_2m` (%); pressure comes from `elevation` (standard atmosphere). Each
/// step takes the hour containing its start; a step without a label is an error unless `fill`
/// is set (`WeatherFill`: a local-time year leaves a few UTC hours at one end uncovered).
/// `windspeed_10m` / `wind_speed_10m` (km/h unless `hourly_units` says m/s) and, when the
/// response has them, `shortwave_radiation` (GHI), `direct_normal_irradiance` and
/// `diffuse_radiation` (W/m², means over the hour **ending** at the label, so a step starting at
/// S takes the label S + 1 h) feed the wind and PV models.
struct OpenMeteoReader {
    let context: LoadContext
    let keyPath: String
    let line: Int?

    func read(path: String, elevationOverrideM: Double?, fill: GapFill = .error) -> Weather? {
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
        func numbers(_ name: String) -> [Any]? {
            guard let values = hourly[name] as? [Any], values.count == times.count else { return nil }
            return values
        }
        let units = json["hourly_units"] as? [String: Any]
        let windName = hourly["windspeed_10m"] != nil ? "windspeed_10m" : "wind_speed_10m"
        let windScale = (units?[windName] as? String)?.lowercased().contains("m/s") == true ? 1.0 : 1 / 3.6
        // (name, values, range, scale, label offset: 0 for instants, 3600 for preceding-hour means)
        var optional: [(name: String, values: [Any], range: ClosedRange<Double>, scale: Double, offset: Int64)] = []
        for (name, range, scale, offset) in [(windName, 0.0...300, windScale, Int64(0)),
                                             ("shortwave_radiation", 0...2000, 1, 3600),
                                             ("direct_normal_irradiance", 0...2000, 1, 3600),
                                             ("diffuse_radiation", 0...2000, 1, 3600)] {
            if let values = numbers(name) { optional.append((name, values, range, scale, offset)) }
        }
        var dryBulb = [Double?](repeating: nil, count: horizon.steps)
        var humidity = dryBulb
        var extra = [[Double?]](repeating: dryBulb, count: optional.count)
        for step in 0..<horizon.steps {
            let hourStart = floorDiv(horizon.epochSeconds(step), 3600) * 3600
            guard let row = rowOfHour[hourStart] else {
                if fill != .error { continue }
                problem("no entry for \(Horizon.format(epochSeconds: hourStart)) (UTC; labels are UTC\(offset >= 0 ? "+" : "")\(offset / 3600)h), needed for step \(step); weather.fill can fill it",
                        row: nil, column: "hourly.time")
                continue
            }
            for (index, series) in optional.enumerated() {
                guard let source = rowOfHour[hourStart + series.offset],
                      let value = (series.values[source] as? NSNumber)?.doubleValue, value.isFinite,
                      series.range.contains(value * series.scale) else { continue }
                extra[index][step] = value * series.scale
            }
            guard let temperature = (temperatures[row] as? NSNumber)?.doubleValue, temperature.isFinite,
                  (-90...65).contains(temperature) else {
                if fill != .error && temperatures[row] is NSNull { continue }
                problem("missing or invalid value (\(temperatures[row]))", row: row + 1, column: "hourly.temperature_2m")
                continue
            }
            guard let rh = (humidities[row] as? NSNumber)?.doubleValue, rh.isFinite, (0...100).contains(rh) else {
                if fill != .error && humidities[row] is NSNull { continue }
                problem("missing or invalid value (\(humidities[row]))", row: row + 1, column: "hourly.relative_humidity_2m")
                continue
            }
            dryBulb[step] = temperature
            humidity[step] = rh
        }
        if problems > 10 { _ = fail("\(problems - 10) more problems not listed") }
        guard problems == 0 else { return nil }
        guard let dry = WeatherFill.apply(dryBulb, fill: fill, stepSeconds: horizon.stepSeconds),
              let relative = WeatherFill.apply(humidity, fill: fill, stepSeconds: horizon.stepSeconds) else {
            return fail("no temperature or humidity value in the period of the horizon")
        }
        let wet = (0..<horizon.steps).map {
            Psychrometrics.wetBulbC(dryBulbC: dry[$0], relativeHumidityPercent: relative[$0], pressurePa: pressure)
        }
        // Optional series: filled like the others (a missing value is always filled with the nearest
        // when the file has the series but not every hour, e.g. the last hour's preceding-hour mean).
        func optionalSeries(_ name: String) -> [Double]? {
            guard let index = optional.firstIndex(where: { $0.name == name }) else { return nil }
            return WeatherFill.apply(extra[index], fill: fill == .error ? .previous : fill, stepSeconds: horizon.stepSeconds)
        }
        var geo: GeoLocation?
        if let latitude = (json["latitude"] as? NSNumber)?.doubleValue, let longitude = (json["longitude"] as? NSNumber)?.doubleValue {
            geo = GeoLocation(latitudeDegrees: latitude, longitudeDegrees: longitude, elevationM: elevation)
        }
        return Weather(dryBulbC: dry, wetBulbC: wet, relativeHumidityPercent: relative,
                       source: .openMeteo(path: path),
                       globalHorizontalWPerM2: optionalSeries("shortwave_radiation"),
                       directNormalWPerM2: optionalSeries("direct_normal_irradiance"),
                       diffuseHorizontalWPerM2: optionalSeries("diffuse_radiation"),
                       windSpeedMPerS: optionalSeries(windName),
                       pressurePa: [Double](repeating: pressure, count: horizon.steps), location: geo)
    }
}
