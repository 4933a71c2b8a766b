import Foundation
import Testing
@testable import Island

/// `fill:` on CSV series: gaps are reported unless the site file asks for a fill.
@Suite("Gap filling in CSV series")
struct GapFillTests {
    /// Hourly prices for 2025-01-01 00:00-05:00 UTC with 02:00 and 03:00 missing and 04:00 empty.
    static let prices = """
        timestamp,price
        2024-12-31T23:00Z,8
        2025-01-01T00:00Z,10
        2025-01-01T01:00Z,20
        2025-01-01T04:00Z,
        2025-01-01T05:00Z,60
        2025-01-01T06:00Z,70
        """

    static func site(fill: String?, start: String = "2025-01-01T00:00Z", steps: Int = 6) -> String {
        let fillText = fill.map { ", fill: \($0)" } ?? ""
        return MinimalSite.yaml(grid: """
              - name: utility
                import_capacity_mw: 100
                price_usd_per_mwh: {file: prices.csv, column: price, timestamp_column: timestamp\(fillText)}
                carbon_intensity_g_per_kwh: 300
            """).replacingOccurrences(of: "start_utc: 2025-01-01T00:00Z\n  steps: 4", with: "start_utc: \(start)\n  steps: \(steps)")
    }

    @Test("Without fill (or with fill: error) missing steps and empty cells are errors with their row or steps")
    func errorByDefault() throws {
        for fill in [nil, "error"] {
            let scratch = try Scratch()
            try scratch.write("prices.csv", Self.prices)
            let issues = try scratch.issues(Self.site(fill: fill))
            #expect(issues.contains { $0.message.hasPrefix("no rows for 2 steps 2-3 (2025-01-01T02:00Z to 2025-01-01T03:00Z)") })
            #expect(issues.contains { $0.message == "empty cell" && $0.row == 4 && $0.column == "price" })
        }
    }

    @Test("fill: previous carries the last value forward, over gaps and empty cells")
    func previous() throws {
        let scratch = try Scratch()
        try scratch.write("prices.csv", Self.prices)
        let site = try scratch.load(Self.site(fill: "previous"))
        #expect(site.gridFeeds[0].importPriceUSDPerMWh == [10, 20, 20, 20, 20, 60])
    }

    @Test("fill: interpolate is linear in time between the neighbouring values")
    func interpolate() throws {
        let scratch = try Scratch()
        try scratch.write("prices.csv", Self.prices)
        let site = try scratch.load(Self.site(fill: "interpolate"))
        #expect(site.gridFeeds[0].importPriceUSDPerMWh == [10, 20, 30, 40, 50, 60])
    }

    @Test("A gap at the horizon's edge fills from rows outside the horizon, or is reported when there are none")
    func edges() throws {
        let scratch = try Scratch()
        try scratch.write("prices.csv", Self.prices.replacingOccurrences(of: "2025-01-01T00:00Z,10\n", with: ""))
        // Step 0 (00:00) is missing; the row at 23:00 the day before is the earlier neighbour.
        let site = try scratch.load(Self.site(fill: "interpolate", steps: 2))
        #expect(site.gridFeeds[0].importPriceUSDPerMWh == [14, 20])
        let earlier = try Scratch()
        try earlier.write("prices.csv", "timestamp,price\n2025-01-01T01:00Z,20\n")
        let issues = try earlier.issues(Self.site(fill: "previous", steps: 2))
        #expect(issues.contains { $0.message == "no row for step 0 (2025-01-01T00:00Z); no earlier value to carry forward; timestamps read in UTC" })
    }

    @Test("An unknown fill is named with the choices")
    func unknownFill() throws {
        let scratch = try Scratch()
        try scratch.write("prices.csv", Self.prices)
        let issue = try #require(try scratch.issues(Self.site(fill: "zero")).single(at: "grid_feeds[0].price_usd_per_mwh.fill"))
        #expect(issue.message.hasPrefix("expected one of \"error\", \"previous\", \"interpolate\", got \"zero\""))
    }
}

/// Real files from `../shared/data`, read in place, by format name.
@Suite("Named formats on the shared real data", .enabled(if: FileManager.default.fileExists(atPath: Fixtures.sharedData.path)))
struct NamedFormatTests {
    static let data = Fixtures.sharedData.path

    static func site(horizon: String, grid: String) -> String {
        """
        name: real
        horizon: \(horizon)
        grid_feeds:
          - name: grid
            import_capacity_mw: 300
            \(grid)
        it_fleet: {racks: 100, power_per_rack_kw: 132}
        cooling: {cop: 20}
        """
    }

    @Test("format: electricitymaps gives direct or life-cycle intensity and the low-carbon share as a fraction",
          arguments: [("direct", 84.4, 307.7, 640.0), ("lifecycle", 126.85, 366.97, 725.46)])
    func electricityMaps(basis: String, minimum: Double, mean: Double, maximum: Double) throws {
        let file = "\(Self.data)/carbon/electricitymaps_2023/DE-LU_2023_hourly.csv"
        let site = try Scratch().load(Self.site(horizon: "{start_utc: 2023-01-01T00:00Z, steps: 8760}", grid: """
            price_usd_per_mwh: 50
                carbon_intensity_g_per_kwh: {file: \(file), format: electricitymaps, basis: \(basis)}
                carbon_free_share: {file: \(file), format: electricitymaps}
            """))
        let intensity = site.gridFeeds[0].carbonIntensityGramsPerKWh
        #expect(abs(intensity.min()! - minimum) < 0.05)
        #expect(abs(intensity.reduce(0, +) / 8760 - mean) < 0.05)
        #expect(abs(intensity.max()! - maximum) < 0.05)
        let share = try #require(site.gridFeeds[0].carbonFreeShare)
        #expect(abs(share[0] - 0.8379) < 1e-9)  // first row: Low Carbon Percentage 83.79
    }

    @Test("format: electricitymaps refuses a key it has no column for, and basis needs the format")
    func electricityMapsMisuse() throws {
        let file = "\(Self.data)/carbon/electricitymaps_2023/GB_2023_hourly.csv"
        let issues = try Scratch().issues(Self.site(horizon: "{start_utc: 2023-01-01T00:00Z, steps: 24}", grid: """
            price_usd_per_mwh: {file: \(file), format: electricitymaps}
                carbon_intensity_g_per_kwh: {file: \(file), column: "Carbon Intensity gCO₂eq/kWh (direct)", timestamp_column: "Datetime (UTC)", basis: lifecycle}
            """))
        #expect(issues.single(at: "grid_feeds[0].price_usd_per_mwh.format")?.message
                == "format electricitymaps gives carbon_intensity_g_per_kwh and carbon_free_share, not price_usd_per_mwh; give column")
        #expect(issues.single(at: "grid_feeds[0].carbon_intensity_g_per_kwh.basis")?.message == "only applies with format: electricitymaps")
    }

    @Test("format: day_ahead in Europe/Paris with fill: previous bridges both DST changes; negative prices are kept")
    func germanPricesAcrossDST() throws {
        let file = "\(Self.data)/prices/green-dcc_2023/DE-LU_electricity_prices_2023.csv"
        // 2023-01-01 00:00 Paris is 2022-12-31T23:00Z; the year has 8,760 local hours.
        let site = try Scratch().load(Self.site(horizon: "{start_utc: 2022-12-31T23:00Z, steps: 8760}", grid: """
            price_usd_per_mwh: {file: \(file), format: day_ahead, timezone: Europe/Paris, fill: previous}
                carbon_intensity_g_per_kwh: 300
            """))
        let prices = site.gridFeeds[0].importPriceUSDPerMWh
        #expect(prices.min() == -500)  // README: 2023-07-02 14:00 local = 12:00Z
        #expect(site.horizon.label(prices.firstIndex(of: -500)!) == "2023-07-02T12:00Z")
        #expect(prices.max() == 524.27)
        #expect(prices.filter { $0 < 0 }.count == 301)
        // Fall-back: local 02:00 appears once, so 2023-10-29T01:00Z is carried over from 00:00Z.
        let fallBack = try #require((0..<8760).first { site.horizon.label($0) == "2023-10-29T01:00Z" })
        #expect(prices[fallBack] == prices[fallBack - 1])
    }

    @Test("Without fill, the same file reports the skipped spring hour and the missing autumn hour")
    func germanPricesWithoutFill() throws {
        let file = "\(Self.data)/prices/green-dcc_2023/DE-LU_electricity_prices_2023.csv"
        let issues = try Scratch().issues(Self.site(horizon: "{start_utc: 2022-12-31T23:00Z, steps: 8760}", grid: """
            price_usd_per_mwh: {file: \(file), format: day_ahead, timezone: Europe/Paris}
                carbon_intensity_g_per_kwh: 300
            """))
        #expect(issues.contains { $0.message.contains("2023-03-26 02:00:00\" does not exist in Europe/Paris") && $0.row == 2019 })
        #expect(issues.contains { $0.message.hasPrefix("no row for step 7226 (2023-10-29T01:00Z)") })
    }

    @Test("format: day_ahead with explicit offsets (ERCOT) needs no time zone")
    func ercot() throws {
        let file = "\(Self.data)/prices/green-dcc_2023/US-TEX-ERCO_electricity_prices_2023.csv"
        let site = try Scratch().load(Self.site(horizon: "{start_utc: 2023-01-01T06:00Z, steps: 8760}", grid: """
            price_usd_per_mwh: {file: \(file), format: day_ahead}
                carbon_intensity_g_per_kwh: 300
            """))
        #expect(site.gridFeeds[0].importPriceUSDPerMWh.max() == 4191.66)
    }
}

@Suite("insula data inspect: the README's reference statistics", .enabled(if: FileManager.default.fileExists(atPath: Fixtures.sharedData.path)))
struct DataInspectorTests {
    static func inspect(_ path: String, zone: TimeZoneSpec? = nil) throws -> DataInspection {
        let url = Fixtures.sharedData.appendingPathComponent(path)
        return try DataInspector.inspect(url: url, display: path, timeZone: zone)
    }

    static func expectClose(_ value: Double?, _ expected: Double, within tolerance: Double, _ label: String,
                            sourceLocation: SourceLocation = #_sourceLocation) {
        let close = value.map { abs($0 - expected) <= tolerance } ?? false
        let found = value.map { "\($0)" } ?? "nil"
        #expect(close, "\(label): \(found) vs \(expected)", sourceLocation: sourceLocation)
    }

    @Test("Electricity Maps direct intensity, min / mean / max per zone", arguments: [
        ("DE-LU", 84.4, 307.7, 640.0, 30), ("GB", 3.6, 128.6, 282.3, 20), ("US-CAL-CISO", 54.5, 194.0, 331.7, 2),
        ("US-TEX-ERCO", 124.0, 316.7, 494.3, 0), ("US-MIDA-PJM", 245.2, 321.8, 424.2, 16), ("SG", 338.2, 369.2, 380.1, 736),
    ])
    func electricityMaps(zone: String, minimum: Double, mean: Double, maximum: Double, estimatedHours: Int) throws {
        let inspection = try Self.inspect("carbon/electricitymaps_2023/\(zone)_2023_hourly.csv")
        #expect(inspection.format == "electricitymaps")
        #expect(inspection.rows == 8760 && inspection.stepMinutes == 60 && inspection.gaps.isEmpty && inspection.duplicates.isEmpty)
        #expect(inspection.firstUTC == "2023-01-01T00:00Z" && inspection.lastUTC == "2023-12-31T23:00Z")
        let direct = try #require(inspection.column("Carbon Intensity gCO₂eq/kWh (direct)"))
        #expect(direct.unit == "gCO₂eq/kWh")
        // The README rounds to 0.1 (380.05 prints as 380.1).
        Self.expectClose(direct.minimum, minimum, within: 0.051, "min")
        Self.expectClose(direct.mean, mean, within: 0.051, "mean")
        Self.expectClose(direct.maximum, maximum, within: 0.051, "max")
        #expect(inspection.notes.contains("\(estimatedHours) rows estimated by Electricity Maps (Data Estimated = true)"))
    }

    @Test("DE-LU prices in Europe/Paris: mean 95.18, -500 and 301 negative hours kept, one hour each side of DST")
    func germanPrices() throws {
        let inspection = try Self.inspect("prices/green-dcc_2023/DE-LU_electricity_prices_2023.csv", zone: .named("Europe/Paris"))
        #expect(inspection.format == "day_ahead")
        let price = try #require(inspection.column("Price (EUR/MWh)"))
        Self.expectClose(price.mean, 95.18, within: 0.005, "mean")
        #expect(price.minimum == -500 && price.maximum == 524.27 && price.negative == 301)
        #expect(inspection.firstUTC == "2022-12-31T23:00Z")
        #expect(inspection.nonexistentLocalTimes == ["2023-03-26 02:00:00"])
        #expect(inspection.gaps == [DataInspection.Gap(fromUTC: "2023-10-29T01:00Z", toUTC: "2023-10-29T01:00Z", missingSteps: 1)])
    }

    @Test("FR prices: 2023-11-30 missing (24 steps), mean 96.67, min -134.94, 147 negative hours")
    func frenchPrices() throws {
        let inspection = try Self.inspect("prices/green-dcc_2023/FR_electricity_prices_2023.csv", zone: .named("Europe/Paris"))
        #expect(inspection.rows == 8736)
        #expect(inspection.missingSteps == 24 + 1)  // the missing day and the fall-back hour
        #expect(inspection.gaps.contains(DataInspection.Gap(fromUTC: "2023-11-29T23:00Z", toUTC: "2023-11-30T22:00Z", missingSteps: 24)))
        let price = try #require(inspection.column("Price (EUR/MWh)"))
        Self.expectClose(price.mean, 96.67, within: 0.01, "mean")
        #expect(price.minimum == -134.94 && price.negative == 147)
    }

    @Test("ES prices: mean 87.10, floor 0, max 220")
    func spanishPrices() throws {
        let price = try #require(try Self.inspect("prices/green-dcc_2023/ES_electricity_prices_2023.csv").column("Price (EUR/MWh)"))
        Self.expectClose(price.mean, 87.10, within: 0.005, "mean")
        #expect(price.minimum == 0 && price.maximum == 220)
    }

    @Test("US prices: extremes, periods and offsets", arguments: [
        ("US-CAL-CISO", 8784, "2022-12-31T08:00Z", "2024-01-01T07:00Z", 1090.90),
        ("US-NY-NYIS", 8760, "2023-01-01T05:00Z", "2024-01-01T04:00Z", 464.80),
        ("US-TEX-ERCO", 8760, "2023-01-01T06:00Z", "2024-01-01T05:00Z", 4191.66),
    ])
    func usPrices(region: String, rows: Int, first: String, last: String, maximum: Double) throws {
        let inspection = try Self.inspect("prices/green-dcc_2023/\(region)_electricity_prices_2023.csv")
        #expect(inspection.rows == rows && inspection.firstUTC == first && inspection.lastUTC == last)
        // ERCOT: 02:00 absent in March and 01:00 twice in November, but with offsets there is neither gap nor duplicate in UTC.
        #expect(inspection.gaps.isEmpty && inspection.duplicates.isEmpty)
        Self.expectClose(inspection.column("Price (USD/MWh)")?.maximum, maximum, within: 0.005, "max")  // README: 2 decimals
        if region == "US-TEX-ERCO" { #expect(inspection.timeZone == "explicit offsets (converted to UTC)") }
    }

    @Test("Open-Meteo: fixed offsets, wind in km/h, Dallas 43.0 C, Frankfurt 35.0 C, Singapore RH 82 %", arguments: [
        ("US-TEX-ERCO", -18000, 43.0, nil), ("DE-LU", 3600, 35.0, nil), ("SG", 28800, nil, 82.0) as (String, Int, Double?, Double?),
    ])
    func openMeteo(region: String, offsetSeconds: Int, maximumC: Double?, meanHumidity: Double?) throws {
        let inspection = try Self.inspect("weather/open-meteo_2023/\(region)/2023.json")
        #expect(inspection.format == "open_meteo" && inspection.rows == 8760 && inspection.gaps.isEmpty)
        #expect(inspection.timeZone.hasPrefix("fixed offset \(DataInspector.describeOffset(seconds: offsetSeconds))"))
        #expect(inspection.firstUTC == Horizon.format(epochSeconds: 1_672_531_200 - Int64(offsetSeconds)))
        #expect(inspection.column("hourly.windspeed_10m")?.unit == "km/h")
        if let maximumC { #expect(inspection.column("hourly.temperature_2m")?.maximum == maximumC) }
        if let meanHumidity { Self.expectClose(inspection.column("hourly.relative_humidity_2m")?.mean, meanHumidity, within: 0.5, "RH") }
    }

    @Test("EPW: Phoenix max 44.4 C, RH mean 34 %, GHI 2,094 kWh/m²; Amsterdam -8.4 to 32.7 C")
    func epw() throws {
        let phoenix = try Self.inspect("weather/tmy3_epw/USA_AZ_Phoenix-Sky.Harbor.Intl.AP.722780_TMY3.epw")
        #expect(phoenix.format == "epw" && phoenix.rows == 8760 && phoenix.missingSteps == 0)
        #expect(phoenix.timeZone.hasPrefix("local standard time UTC-07:00"))
        #expect(phoenix.column("dry_bulb_c")?.maximum == 44.4)
        Self.expectClose(phoenix.column("relative_humidity_percent")?.mean, 34, within: 0.5, "RH")
        #expect(phoenix.notes.contains("annual GHI 2094 kWh/m²"))
        let amsterdam = try Self.inspect("weather/pvlib/NLD_Amsterdam062400_IWEC.epw")
        #expect(amsterdam.column("dry_bulb_c")?.minimum == -8.4 && amsterdam.column("dry_bulb_c")?.maximum == 32.7)
        #expect(amsterdam.notes.contains("annual GHI 982 kWh/m²"))
    }

    @Test("fneum 2015: an unnamed timestamp column, 97 empty prices, min -79.94, mean 31.8")
    func fneum() throws {
        let inspection = try Self.inspect("renewables/fneum_de_2015/time-series-lecture-2.csv")
        #expect(inspection.format == "csv" && inspection.timestampColumn == "column 1")
        let prices = try #require(inspection.column("prices"))
        #expect(prices.missing == 97 && prices.minimum == -79.94)
        Self.expectClose(prices.mean, 31.8, within: 0.05, "mean")
        Self.expectClose(inspection.column("load")?.mean, 54.7, within: 0.05, "load GW")
    }

    @Test("A file without timestamps, and a JSON that is not Open-Meteo, are refused with the file named")
    func refused() throws {
        let scratch = try Scratch()
        let csv = try scratch.write("numbers.csv", "a,b\n1,2\n")
        #expect(throws: DataInspector.Failure.self) { try DataInspector.inspect(url: csv, display: "numbers.csv") }
        do {
            _ = try DataInspector.inspect(url: csv, display: "numbers.csv")
        } catch {
            #expect(error.description == "numbers.csv, line 1: no timestamp column found (columns: a, b)")
        }
        let json = try scratch.write("other.json", "{\"a\": 1}")
        do {
            _ = try DataInspector.inspect(url: json, display: "other.json")
            Issue.record("accepted a JSON that is not an Open-Meteo response")
        } catch {
            #expect(error.message.contains("not an Open-Meteo response"))
        }
    }
}
