import Foundation
import Testing
@testable import Island

/// Sites built on the shared real data in `../shared/data` (read in place, never copied).
@Suite("Real data files", .enabled(if: FileManager.default.fileExists(atPath: Fixtures.sharedData.path)))
struct RealDataTests {
    static let data = Fixtures.sharedData.path

    static func site(horizon: String, grid: String = "", weather: String = "", cooling: String = "cop: 20") -> String {
        """
        name: real
        horizon: \(horizon)
        \(weather)
        grid_feeds:
          - name: grid
            import_capacity_mw: 300
            \(grid.isEmpty ? "price_usd_per_mwh: 50\n    carbon_intensity_g_per_kwh: 300" : grid)
        it_fleet: {racks: 100, power_per_rack_kw: 132}
        cooling: {\(cooling)}
        """
    }

    @Test("Electricity Maps carbon (naive UTC, UTF-8 column) and ERCOT prices (explicit offsets)")
    func carbonAndPrices() throws {
        let yaml = Self.site(horizon: "{start_utc: 2023-01-01T06:00Z, steps: 8760}", grid: """
            price_usd_per_mwh: {file: \(Self.data)/prices/green-dcc_2023/US-TEX-ERCO_electricity_prices_2023.csv, column: "Price (USD/MWh)", timestamp_column: Datetime}
                carbon_intensity_g_per_kwh: {file: \(Self.data)/carbon/electricitymaps_2023/US-MIDA-PJM_2023_hourly.csv, column: "Carbon Intensity gCO₂eq/kWh (direct)", timestamp_column: "Datetime (UTC)"}
                carbon_free_share: {file: \(Self.data)/carbon/electricitymaps_2023/US-MIDA-PJM_2023_hourly.csv, column: Low Carbon Percentage, timestamp_column: "Datetime (UTC)", scale: 0.01}
            """)
        let yamlWithEnd = yaml.replacingOccurrences(of: "steps: 8760", with: "steps: 8754")  // PJM data ends 2023-12-31T23:00Z
        let site = try Scratch().load(yamlWithEnd)
        let feed = site.gridFeeds[0]
        #expect(feed.importPriceUSDPerMWh.max() == 4191.66)  // README: ERCOT scarcity 2023-08-25 19:00-05:00
        let peak = feed.importPriceUSDPerMWh.firstIndex(of: 4191.66)!
        #expect(site.horizon.label(peak) == "2023-08-26T00:00Z")
        #expect(abs(feed.carbonIntensityGramsPerKWh.max()! - 424.2) < 0.05)
        #expect(feed.carbonFreeShare!.allSatisfy { (0...1).contains($0) })
        #expect(site.inputFiles.count == 3)
    }

    @Test("French prices: the missing day 2023-11-30 is reported, not filled")
    func frenchGap() throws {
        let yaml = Self.site(horizon: "{start_utc: 2023-11-29T00:00Z, steps: 72}", grid: """
            price_usd_per_mwh: {file: \(Self.data)/prices/green-dcc_2023/FR_electricity_prices_2023.csv, column: "Price (EUR/MWh)", timestamp_column: Datetime, timezone: Europe/Paris}
                carbon_intensity_g_per_kwh: 50
            """)
        let issues = try Scratch().issues(yaml)
        let issue = try #require(issues.single(at: "grid_feeds[0].price_usd_per_mwh"))
        #expect(issue.message.hasPrefix("no rows for 24 steps 23-46 (2023-11-29T23:00Z to 2023-11-30T22:00Z)"))
        #expect(issue.message.hasSuffix("timestamps read in Europe/Paris"))
    }

    @Test("German prices on the spring-forward day: the filled non-existent 02:00 is reported with its row")
    func germanSpringForward() throws {
        let yaml = Self.site(horizon: "{start_utc: 2023-03-25T00:00Z, steps: 48}", grid: """
            price_usd_per_mwh: {file: \(Self.data)/prices/green-dcc_2023/DE-LU_electricity_prices_2023.csv, column: "Price (EUR/MWh)", timestamp_column: Datetime, timezone: Europe/Paris}
                carbon_intensity_g_per_kwh: 50
            """)
        let issues = try Scratch().issues(yaml)
        let issue = try #require(issues.first { $0.message.contains("does not exist in Europe/Paris") })
        #expect(issue.row == 2019)  // 2023-03-26 02:00 local: 84 whole days x 24 rows + 3
        #expect(issue.column == "Datetime")
    }

    @Test("EPW: hour-ending local standard time maps onto any horizon year")
    func phoenixEPW() throws {
        let epw = "\(Self.data)/weather/tmy3_epw/USA_AZ_Phoenix-Sky.Harbor.Intl.AP.722780_TMY3.epw"
        let site = try Scratch().load(Self.site(horizon: "{start_utc: 2025-01-01T00:00Z, steps: 8760}",
                                                weather: "weather: {epw: \(epw)}", cooling: "facility_supply_c: 27"))
        let weather = try #require(site.weather)
        // Step 7 = 2025-01-01T07:00Z = 00:00 MST: the row labelled Jan 1 hour 1 (dry bulb 10.0, dew point 5.6).
        #expect(weather.dryBulbC[7] == 10.0)
        #expect(abs(weather.wetBulbC[7] - Psychrometrics.wetBulbC(dryBulbC: 10, dewPointC: 5.6, pressurePa: 97_700)) < 1e-12)
        #expect(abs(weather.dryBulbC.max()! - 44.4) < 1e-9)  // README: Phoenix max 44.4 C
        let meanHumidity = weather.relativeHumidityPercent!.reduce(0, +) / 8760
        #expect(abs(meanHumidity - 34) < 1)  // README: RH mean 34 %
        #expect(site.copSeries.min()! < 10)
    }

    @Test("EPW on a leap-year horizon: Feb 29 uses Feb 28")
    func leapYear() throws {
        let epw = "\(Self.data)/weather/tmy3_epw/USA_VA_Richmond.Intl.AP.724010_TMY3.epw"
        let site = try Scratch().load(Self.site(horizon: "{start_utc: 2024-02-28T05:00Z, steps: 48}",
                                                weather: "weather: {epw: \(epw)}", cooling: ""))
        #expect(site.weather!.dryBulbC[0..<24] == site.weather!.dryBulbC[24..<48])
    }

    @Test("Open-Meteo: labels at a fixed offset, UTC = label - offset")
    func openMeteo() throws {
        let json = "\(Self.data)/weather/open-meteo_2023/US-TEX-ERCO/2023.json"
        let site = try Scratch().load(Self.site(horizon: "{start_utc: 2023-01-01T05:00Z, steps: 8760}",
                                                weather: "weather: {open_meteo: \(json)}", cooling: ""))
        let weather = try #require(site.weather)
        #expect(abs(weather.dryBulbC.max()! - 43.0) < 1e-9)  // README: Dallas max 43.0 C
        #expect(weather.wetBulbC.indices.allSatisfy { weather.wetBulbC[$0] <= weather.dryBulbC[$0] + 1e-9 })
    }

    @Test("Open-Meteo outside its year: missing steps are reported")
    func openMeteoOutsideYear() throws {
        let json = "\(Self.data)/weather/open-meteo_2023/GB/2023.json"
        let issues = try Scratch().issues(Self.site(horizon: "{start_utc: 2025-01-01T00:00Z, steps: 24}",
                                                    weather: "weather: {open_meteo: \(json)}", cooling: ""))
        #expect(issues.first?.keyPath == "weather.open_meteo")
        #expect(issues.first?.message.hasPrefix("no entry for 2025-01-01T00:00Z") == true)
    }
}
