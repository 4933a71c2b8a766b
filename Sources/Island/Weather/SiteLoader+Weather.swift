import Foundation

extension SiteLoader {
    static let weatherKeys = ["dry_bulb_c", "wet_bulb_c", "relative_humidity_percent", "dew_point_c", "pressure_pa",
                              "elevation_m", "epw", "open_meteo", "utc_offset_hours", "fill"]

    /// Weather from series (`dry_bulb_c` plus `wet_bulb_c`, `relative_humidity_percent` or
    /// `dew_point_c`), from an EnergyPlus EPW file (`epw`) or an Open-Meteo JSON response (`open_meteo`).
    static func readWeather(_ root: MappingReader) -> Weather? {
        guard let reader = root.mapping("weather", allowedKeys: weatherKeys) else { return nil }
        let forms = ["dry_bulb_c", "epw", "open_meteo"].filter { reader.has($0) }
        guard forms.count == 1 else {
            if forms.isEmpty {
                reader.context.report(reader.path, node: reader.node,
                                      "needs one of dry_bulb_c (series), epw (file) or open_meteo (file)")
            } else {
                reader.report(forms[1], "give only one of dry_bulb_c, epw, open_meteo; found \(forms.joined(separator: ", "))")
            }
            return nil
        }
        if forms[0] != "epw", reader.has("utc_offset_hours") {
            reader.report("utc_offset_hours", "only applies with epw")
        }
        let elevation = reader.number("elevation_m", unit: "m", range: .between(-500, 9000))
        let fill = reader.choice("fill", ["error": GapFill.error, "previous": .previous, "interpolate": .interpolate]) ?? .error
        if reader.has("fill") && reader.string("fill").flatMap(GapFill.init(rawValue:)) == nil { return nil }
        if forms[0] == "dry_bulb_c", reader.has("fill") {
            reader.report("fill", "applies to epw and open_meteo files; give fill on each series")
        }
        switch forms[0] {
        case "epw":
            for key in ["wet_bulb_c", "relative_humidity_percent", "dew_point_c", "pressure_pa", "elevation_m"]
            where reader.has(key) {
                reader.report(key, "not used with epw (the EPW file gives dry bulb, dew point, humidity and pressure)")
            }
            guard let path = reader.string("epw") else { return nil }
            let offset = reader.number("utc_offset_hours", unit: "h", range: .between(-14, 14))
            if reader.has("utc_offset_hours") && offset == nil { return nil }
            return EPWReader(context: reader.context, keyPath: reader.keyPath("epw"), line: reader.line("epw"))
                .read(path: path, utcOffsetHoursOverride: offset, fill: fill)
        case "open_meteo":
            for key in ["wet_bulb_c", "relative_humidity_percent", "dew_point_c", "pressure_pa"] where reader.has(key) {
                reader.report(key, "not used with open_meteo (the response gives temperature and humidity)")
            }
            guard let path = reader.string("open_meteo") else { return nil }
            return OpenMeteoReader(context: reader.context, keyPath: reader.keyPath("open_meteo"),
                                   line: reader.line("open_meteo"))
                .read(path: path, elevationOverrideM: elevation, fill: fill)
        default:
            return readWeatherSeries(reader, elevationM: elevation)
        }
    }

    private static func readWeatherSeries(_ reader: MappingReader, elevationM: Double?) -> Weather? {
        let humidityForms = ["wet_bulb_c", "relative_humidity_percent", "dew_point_c"].filter { reader.has($0) }
        if humidityForms.isEmpty {
            reader.reportMissing("relative_humidity_percent", "or wet_bulb_c or dew_point_c, to know the wet bulb")
        }
        if humidityForms.count > 1 {
            reader.report(humidityForms[1], "give only one of wet_bulb_c, relative_humidity_percent, dew_point_c")
        }
        if reader.has("pressure_pa") && reader.has("elevation_m") {
            reader.report("elevation_m", "give either pressure_pa or elevation_m, not both")
        }
        let dryBulb = reader.series("dry_bulb_c", unit: "C", range: .between(-90, 65))
        let wetBulb = reader.series("wet_bulb_c", unit: "C", range: .between(-90, 40))
        let humidity = reader.series("relative_humidity_percent", unit: "%", range: .between(0, 100))
        let dewPoint = reader.series("dew_point_c", unit: "C", range: .between(-90, 40))
        let pressure = reader.series("pressure_pa", unit: "Pa", range: .between(30_000, 110_000))
        guard humidityForms.count == 1, let dryBulb else { return nil }
        if reader.has("pressure_pa") && pressure == nil { return nil }
        let pressures = pressure ?? [Double](repeating: Psychrometrics.pressurePa(elevationM: elevationM ?? 0),
                                             count: dryBulb.count)
        switch humidityForms[0] {
        case "wet_bulb_c":
            guard let wetBulb else { return nil }
            if let step = wetBulb.indices.first(where: { wetBulb[$0] > dryBulb[$0] + 0.05 }), let horizon = reader.context.horizon {
                reader.report("wet_bulb_c", "wet bulb \(formatNumber(wetBulb[step])) C exceeds dry bulb \(formatNumber(dryBulb[step])) C at \(horizon.label(step))")
                return nil
            }
            return Weather(dryBulbC: dryBulb, wetBulbC: wetBulb, relativeHumidityPercent: nil, source: .series)
        case "relative_humidity_percent":
            guard let humidity else { return nil }
            let wet = (0..<dryBulb.count).map {
                Psychrometrics.wetBulbC(dryBulbC: dryBulb[$0], relativeHumidityPercent: humidity[$0], pressurePa: pressures[$0])
            }
            return Weather(dryBulbC: dryBulb, wetBulbC: wet, relativeHumidityPercent: humidity, source: .series)
        default:
            guard let dewPoint else { return nil }
            let wet = (0..<dryBulb.count).map {
                Psychrometrics.wetBulbC(dryBulbC: dryBulb[$0], dewPointC: dewPoint[$0], pressurePa: pressures[$0])
            }
            let humidity = (0..<dryBulb.count).map {
                Psychrometrics.relativeHumidityPercent(dryBulbC: dryBulb[$0], dewPointC: dewPoint[$0])
            }
            return Weather(dryBulbC: dryBulb, wetBulbC: wet, relativeHumidityPercent: humidity, source: .series)
        }
    }
}
