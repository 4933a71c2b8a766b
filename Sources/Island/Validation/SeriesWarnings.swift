import Foundation

/// Checks on a resolved file series that flag likely mistakes without refusing the site: a
/// column in another currency than the key, and a mean far outside the usual range of the
/// key's unit (a kW file for MW, percent for a fraction, USD/kWh for USD/MWh).
enum SeriesWarnings {
    /// Usual range of a series' **mean** by the last component of its key path. Wide on purpose:
    /// a warning should mean "look at this", not "unusual year".
    static let usualMeans: [String: (range: ClosedRange<Double>, unit: String, hint: String)] = [
        "price_usd_per_mwh": (1...1000, "USD/MWh", "a USD/kWh or cent file would need scale: 1000 or 10"),
        "export_price_usd_per_mwh": (1...1000, "USD/MWh", "a USD/kWh or cent file would need scale: 1000 or 10"),
        "carbon_intensity_g_per_kwh": (5...1200, "gCO2/kWh", "a kg/kWh or t/MWh file would need scale: 1000"),
        "dry_bulb_c": (-40...40, "C", "Fahrenheit or kelvin?"),
        "relative_humidity_percent": (3...100, "%", "a 0-1 fraction would need scale: 100"),
        "capacity_factor": (0.01...0.8, "(0-1)", "is the plant's output in the file a fraction of this plant's capacity?"),
        "ghi_w_per_m2": (20...450, "W/m2", "a kWh/m2 or MJ/m2 file needs a scale"),
        "wind_speed_m_per_s": (0.5...20, "m/s", "a km/h file needs scale: 0.2778"),
    ]

    static func check(_ values: [Double], keyPath: String, line: Int?, file: String, column: String?, scaleGiven: Bool,
                      context: LoadContext) {
        guard !values.isEmpty else { return }
        let key = keyPath.split(separator: ".").last.map(String.init) ?? keyPath
        if key.hasSuffix("_usd_per_mwh"), !scaleGiven, let column {
            let header = column.uppercased()
            for (code, names) in [("EUR", ["EUR", "€"]), ("GBP", ["GBP", "£"]), ("JPY", ["JPY", "¥"]), ("CHF", ["CHF"])]
            where names.contains(where: { header.contains($0) }) {
                context.warn(keyPath, line: line, dataFile: file, column: column,
                             "column \"\(column)\" looks like \(code) but \(key) is in USD; add scale: <USD per \(code)> (e.g. 1.08 for EUR in 2023) to convert")
            }
        }
        guard let usual = usualMeans[key] else { return }
        // Irradiance and wind depend on the season: judge them only over a month or more.
        if ["ghi_w_per_m2", "wind_speed_m_per_s", "capacity_factor"].contains(key), values.count * (context.horizon?.stepMinutes ?? 60) < 30 * 24 * 60 {
            return
        }
        let mean = values.reduce(0, +) / Double(values.count)
        if !usual.range.contains(mean) {
            context.warn(keyPath, line: line, dataFile: file, column: column,
                         "mean \(formatNumber(mean)) \(usual.unit) is far outside the usual \(formatNumber(usual.range.lowerBound))-\(formatNumber(usual.range.upperBound)) \(usual.unit) for this key; \(usual.hint)")
        }
    }
}
