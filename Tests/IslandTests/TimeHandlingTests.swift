import Foundation
import Testing
@testable import Island

/// Series at another step than the horizon, weather gaps, sub-windows and service dates.
@Suite("Time handling: resample, weather fill, windows, commissioning")
struct TimeHandlingTests {
    static let hourlyPrices = """
        timestamp,price
        2025-01-01T00:00Z,10
        2025-01-01T01:00Z,20
        2025-01-01T02:00Z,40
        """

    static func quarterHourSite(_ resample: String?) -> String {
        """
        horizon: {start_utc: 2025-01-01T00:00Z, steps: 8, step_minutes: 15}
        grid_feeds:
          - import_capacity_mw: 100
            price_usd_per_mwh: {file: prices.csv, column: price, timestamp_column: timestamp\(resample.map { ", resample: \($0)" } ?? "")}
            carbon_intensity_g_per_kwh: 300
        it_fleet: {racks: 10, power_per_rack_kw: 100}
        cooling: {cop: 20}
        """
    }

    @Test("hourly data on a 15-minute horizon: refused without resample, naming the fix")
    func coarseRefused() throws {
        let scratch = try Scratch()
        try scratch.write("prices.csv", Self.hourlyPrices)
        let issues = try scratch.issues(Self.quarterHourSite(nil))
        let issue = try #require(issues.single(at: "grid_feeds[0].price_usd_per_mwh"))
        #expect(issue.message.contains("resample: repeat"))
    }

    @Test("resample: repeat holds each hourly row for its four quarter hours")
    func repeatResample() throws {
        let scratch = try Scratch()
        try scratch.write("prices.csv", Self.hourlyPrices)
        let site = try scratch.load(Self.quarterHourSite("repeat"))
        #expect(site.gridFeeds[0].importPriceUSDPerMWh == [10, 10, 10, 10, 20, 20, 20, 20])
    }

    @Test("resample: interpolate is linear between the rows' timestamps")
    func interpolateResample() throws {
        let scratch = try Scratch()
        try scratch.write("prices.csv", Self.hourlyPrices)
        let site = try scratch.load(Self.quarterHourSite("interpolate"))
        #expect(site.gridFeeds[0].importPriceUSDPerMWh == [10, 12.5, 15, 17.5, 20, 25, 30, 35])
    }

    @Test("resample: repeat fills a missing hour with fill: previous, and reports it without")
    func resampleWithGap() throws {
        let scratch = try Scratch()
        try scratch.write("prices.csv", "timestamp,price\n2025-01-01T00:00Z,10\n2025-01-01T02:00Z,40\n2025-01-01T03:00Z,40\n")
        let site = try scratch.load(Self.quarterHourSite("repeat, fill: previous"))
        #expect(site.gridFeeds[0].importPriceUSDPerMWh == [10, 10, 10, 10, 10, 10, 10, 10])
        let issues = try scratch.issues(Self.quarterHourSite("repeat"))
        #expect(issues.single(at: "grid_feeds[0].price_usd_per_mwh")?.message.contains("no row") == true)
    }

    static let openMeteoDallas = Fixtures.sharedData.appendingPathComponent("weather/open-meteo_2023/US-TEX-ERCO/2023.json")

    @Test("weather fill: a local-time Open-Meteo year covers a UTC-year horizon (first 5 h held from the first value)",
          .enabled(if: FileManager.default.fileExists(atPath: openMeteoDallas.path)))
    func openMeteoFill() throws {
        let scratch = try Scratch()
        let weather = { (fill: String) in MinimalSite.yaml("weather: {open_meteo: \(Self.openMeteoDallas.path)\(fill)}")
            .replacingOccurrences(of: "start_utc: 2025-01-01T00:00Z\n  steps: 4", with: "start_utc: 2023-01-01T00:00Z\n  steps: 8760")
            .replacingOccurrences(of: "cooling:\n  cop: 20", with: "cooling: {}")
        }
        let refused = try scratch.issues(weather(""))
        #expect(refused.contains { $0.keyPath == "weather.open_meteo" && $0.message.contains("weather.fill") })
        let site = try scratch.load(weather(", fill: previous"))
        let dryBulb = try #require(site.weather?.dryBulbC)
        #expect(dryBulb.count == 8760)
        // Labels are UTC-5: the first label (2023-01-01T00:00 local) is 05:00Z; 00:00-04:00Z hold it.
        #expect(dryBulb[0] == dryBulb[5])
        // Wind from Open-Meteo is km/h in the file, m/s in the model.
        let wind = try #require(site.weather?.windSpeedMPerS)
        #expect(wind.max()! < 30)
    }

    static let jobsSite = """
        horizon: {start_utc: 2025-01-01T00:00Z, steps: 48}
        smr:
          units: 2
          capacity_mw_per_unit: 10
          marginal_cost_usd_per_mwh: 5
          min_stable_load_fraction: 0
          outages: [{unit: 1, start_utc: 2025-01-01T02:00Z, end_utc: 2025-01-01T04:00Z}]
          commissioning_utc: [null, 2025-01-02T06:00Z]
        grid_feeds: [{import_capacity_mw: 100, price_usd_per_mwh: 50, carbon_intensity_g_per_kwh: 300}]
        it_fleet: {racks: 10, power_per_rack_kw: 1000}
        cooling: {cop: 20}
        carbon: {cap_t: 480}
        workloads:
          training_jobs:
            - {name: long, energy_mwh: 240, release_utc: 2025-01-01T00:00Z, deadline_utc: 2025-01-03T00:00Z}
            - {name: early, energy_mwh: 10, release_utc: 2025-01-01T00:00Z, deadline_utc: 2025-01-01T05:00Z}
        """

    @Test("a window clips training jobs pro rata, drops jobs outside it, ignores outages outside it and scales the carbon cap")
    func window() throws {
        let scratch = try Scratch()
        let site = try scratch.load(Self.jobsSite)
        let window = try #require(SiteWindow(parsing: "2025-01-02T00:00Z..2025-01-02T12:00Z"))
        let part = try site.windowed(window)
        #expect(part.horizon.steps == 12)
        #expect(part.trainingJobs.map(\.name) == ["long"])
        #expect(abs(part.trainingJobs[0].energyMWh - 60) < 1e-9)
        #expect(part.trainingJobs[0].firstStep == 0 && part.trainingJobs[0].lastStep == 11)
        #expect(part.smr?.outages.isEmpty == true)
        // Unit 1 enters service at 06:00 on the 2nd: steps 0-5 of the window have one unit.
        #expect(part.smr?.availableUnits == [1, 1, 1, 1, 1, 1, 2, 2, 2, 2, 2, 2])
        #expect(abs((part.carbon.capTonnes ?? 0) - 120) < 1e-9)
        let full = try site.windowed(try #require(SiteWindow(parsing: "2025-01-02T00:00Z..2025-01-02T12:00Z", trainingEnergy: .full)))
        #expect(full.trainingJobs[0].energyMWh == 240)
        #expect(throws: SiteWindowError.self) { try site.windowed(try #require(SiteWindow(parsing: "2025-01-02T00:30Z..2025-01-02T12:00Z"))) }
    }

    @Test("commissioning and retirement: SMR units, renewables, grid feeds, batteries and backups are unavailable outside their service")
    func serviceDates() throws {
        let scratch = try Scratch()
        let site = try scratch.load(MinimalSite.yaml("""
            smr: {units: 3, capacity_mw_per_unit: 10, marginal_cost_usd_per_mwh: 5, retirement_utc: [null, 2025-01-01T03:00Z, 2025-01-01T02:30Z], commissioning_utc: 2025-01-01T01:00Z}
            renewables:
              - {kind: solar, capacity_mw: 10, capacity_factor: 0.5, commissioning_utc: 2025-01-01T02:00Z}
            """))
        #expect(site.smr?.availableUnits == [0, 3, 2, 1])
        #expect(site.renewables[0].capacityFactor == [0, 0, 0.5, 0.5])
        let others = try scratch.load(MinimalSite.yaml("""
            backup_generators: [{capacity_mw: 20, marginal_cost_usd_per_mwh: 200, emission_factor_g_per_kwh: 490, retirement_utc: 2025-01-01T02:00Z}]
            batteries: [{energy_mwh: 40, power_mw: 10, commissioning_utc: 2025-01-01T03:00Z}]
            """, grid: """
              - {import_capacity_mw: 100, export_capacity_mw: 30, price_usd_per_mwh: 50, carbon_intensity_g_per_kwh: 300, commissioning_utc: 2025-01-01T01:00Z}
            """))
        #expect((0..<4).map(others.backupGenerators[0].availableMW) == [20, 20, 0, 0])
        #expect((0..<4).map(others.batteries[0].chargeLimitMW) == [0, 0, 0, 10])
        #expect(others.gridFeeds[0].effectiveImportLimitMW == [0, 100, 100, 100])
        #expect((0..<4).map(others.gridFeeds[0].exportLimitMW) == [0, 30, 30, 30])
        let issues = try scratch.issues(MinimalSite.yaml("smr: {units: 2, capacity_mw_per_unit: 10, marginal_cost_usd_per_mwh: 5, commissioning_utc: [2025-01-01T01:00Z]}"))
        #expect(issues.single(at: "smr.commissioning_utc")?.message.contains("one per unit") == true)
    }
}
