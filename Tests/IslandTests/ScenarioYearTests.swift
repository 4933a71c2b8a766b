import Foundation
import Testing
@testable import Island

/// Weather and price years as scenarios (docs/site-format.md, "Years as scenarios"): a series
/// file named with `{year}` takes the site's `scenario_year`, and that year's rows are laid onto
/// the horizon by month, day and time.
@Suite("Scenario years")
struct ScenarioYearTests {
    /// An hourly price file for `year` whose value encodes the row's date and hour:
    /// year x 10 + month + day / 100 + hour / 10,000 (so a misplaced row shows).
    static func priceFile(year: Int, zone: String = "Z") -> String {
        var lines = ["timestamp,price"]
        var epoch = CivilTime(year: year, month: 1, day: 1).epochSeconds
        let end = CivilTime(year: year + 1, month: 1, day: 1).epochSeconds
        while epoch < end {
            let time = CivilTime(epochSeconds: epoch)
            let value = Double(year % 100) * 10 + Double(time.month) + Double(time.day) / 100 + Double(time.hour) / 10_000
            let stamp = String(format: "%04d-%02d-%02dT%02d:00", time.year, time.month, time.day, time.hour)
            lines.append("\(stamp)\(zone == "Z" ? "Z" : ""),\(value)")
            epoch += 3_600
        }
        return lines.joined(separator: "\n") + "\n"
    }

    static func site(start: String, steps: Int, year: String, series: String) -> String {
        """
        name: years
        scenario_year: \(year)
        horizon: {start_utc: \(start), steps: \(steps), step_minutes: 60}
        grid_feeds:
          - name: utility
            import_capacity_mw: 100
            price_usd_per_mwh: \(series)
            carbon_intensity_g_per_kwh: 300
        it_fleet: {racks: 100, power_per_rack_kw: 132}
        cooling: {cop: 20}
        """
    }

    static func expected(year: Int, month: Int, day: Int, hour: Int) -> Double {
        Double(year % 100) * 10 + Double(month) + Double(day) / 100 + Double(hour) / 10_000
    }

    @Test("{year} names the file and that year's rows are laid onto the horizon's dates", arguments: [2021, 2022])
    func yearsLaidOntoTheHorizon(year: Int) throws {
        let scratch = try Scratch()
        for source in [2021, 2022] { try scratch.write("prices-\(source).csv", Self.priceFile(year: source)) }
        let site = try scratch.load(Self.site(start: "2025-03-30T22:00Z", steps: 6, year: "\(year)",
                                              series: "{file: \"prices-{year}.csv\", column: price, timestamp_column: timestamp}"))
        let prices = site.gridFeeds[0].importPriceUSDPerMWh
        let hours = [(3, 30, 22), (3, 30, 23), (3, 31, 0), (3, 31, 1), (3, 31, 2), (3, 31, 3)]
        #expect(prices == hours.map { Self.expected(year: year, month: $0.0, day: $0.1, hour: $0.2) })
        #expect(site.inputFiles.contains { $0.path == "prices-\(year).csv" })
    }

    @Test("An override of scenario_year switches every {year} file, as a batch axis does")
    func overrideSwitchesTheYear() throws {
        let scratch = try Scratch()
        for source in [2021, 2022] { try scratch.write("prices-\(source).csv", Self.priceFile(year: source)) }
        let url = try scratch.write("site.yaml", Self.site(start: "2025-07-01T00:00Z", steps: 3, year: "2021",
                                                           series: "{file: \"prices-{year}.csv\", column: price, timestamp_column: timestamp}"))
        let document = try SiteDocument.read(from: url).applying(overrides: [("scenario_year", 2022)])
        let site = try SiteLoader.resolve(document)
        #expect(site.gridFeeds[0].importPriceUSDPerMWh == (0..<3).map { Self.expected(year: 2022, month: 7, day: 1, hour: $0) })
    }

    @Test("A leap source year drops Feb 29 on a common horizon year; a common one repeats Feb 28 on a leap year")
    func leapDays() throws {
        let scratch = try Scratch()
        for source in [2020, 2023] { try scratch.write("prices-\(source).csv", Self.priceFile(year: source)) }
        let common = try scratch.load(Self.site(start: "2025-02-28T23:00Z", steps: 2, year: "2020",
                                                series: "{file: \"prices-{year}.csv\", column: price, timestamp_column: timestamp}"))
        #expect(common.gridFeeds[0].importPriceUSDPerMWh == [Self.expected(year: 2020, month: 2, day: 28, hour: 23),
                                                             Self.expected(year: 2020, month: 3, day: 1, hour: 0)])
        let leap = try scratch.load(Self.site(start: "2024-02-29T00:00Z", steps: 1, year: "2023",
                                              series: "{file: \"prices-{year}.csv\", column: price, timestamp_column: timestamp}"))
        #expect(leap.gridFeeds[0].importPriceUSDPerMWh == [Self.expected(year: 2023, month: 2, day: 28, hour: 0)])
    }

    @Test("source_year relabels one series by the wall clock of its timezone")
    func sourceYearInALocalZone() throws {
        let scratch = try Scratch()
        // Naive local timestamps in Paris: the value encodes the local date and hour.
        try scratch.write("paris-2023.csv", Self.priceFile(year: 2023, zone: "local"))
        // 2025-07-01T00:00Z is 02:00 in Paris (CEST).
        let site = try scratch.load(Self.site(start: "2025-07-01T00:00Z", steps: 2, year: "~",
                                              series: "{file: paris-2023.csv, column: price, timestamp_column: timestamp, timezone: Europe/Paris, source_year: 2023}"))
        #expect(site.gridFeeds[0].importPriceUSDPerMWh == [Self.expected(year: 2023, month: 7, day: 1, hour: 2),
                                                           Self.expected(year: 2023, month: 7, day: 1, hour: 3)])
    }

    @Test("Bad year inputs name their key", arguments: [
        ("~", "{file: \"prices-{year}.csv\", column: price, timestamp_column: timestamp}", "grid_feeds[0].price_usd_per_mwh.file", "no scenario_year"),
        ("2019", "{file: prices-2021.csv, column: price, timestamp_column: timestamp, source_year: 2019}", "grid_feeds[0].price_usd_per_mwh.source_year", "no rows in 2019"),
        ("~", "{file: prices-2021.csv, column: price, timestamp_column: timestamp, source_year: 1850}", "grid_feeds[0].price_usd_per_mwh.source_year", "1900"),
        ("2020.5", "60", "scenario_year", "whole number"),
    ])
    func badInput(year: String, series: String, keyPath: String, message: String) throws {
        let scratch = try Scratch()
        try scratch.write("prices-2021.csv", Self.priceFile(year: 2021))
        let issues = try scratch.issues(Self.site(start: "2025-07-01T00:00Z", steps: 3, year: year, series: series))
        let issue = issues.single(at: keyPath)
        #expect(issue?.message.contains(message) == true, "\(issues.map(\.description))")
    }
}
