import Foundation
import Testing
@testable import Island

/// NSRDB and PVWatts exports from `../shared/data`, read in place: metadata lines above the header,
/// split date and time columns, 30-minute rows averaged onto hourly steps, and a typical year.
///
/// Expected figures are the data README's, or were computed independently from the raw files with
/// Python's `csv` module (noted at each).
@Suite("NSRDB and PVWatts files (split timestamps, metadata lines)",
       .enabled(if: FileManager.default.fileExists(atPath: Fixtures.sharedData.path)))
struct SplitTimestampRealDataTests {
    static let nsrdb = Fixtures.sharedData.appendingPathComponent("weather/pvlib/test_read_psm4.csv").path
    static let pvwatts = Fixtures.sharedData.appendingPathComponent("renewables/pvwatts_golden_co/pvwatts_8760_rackmount.csv").path

    static func site(horizon: String, weather: String = "", renewables: String = "") -> String {
        """
        name: split
        horizon: \(horizon)
        \(weather)
        grid_feeds:
          - {name: grid, import_capacity_mw: 300, price_usd_per_mwh: 50, carbon_intensity_g_per_kwh: 300}
        \(renewables)
        it_fleet: {racks: 100, power_per_rack_kw: 132}
        cooling: {\(weather.isEmpty ? "cop: 20" : "facility_supply_c: 27")}
        """
    }

    static func nsrdbWeather(_ extra: String = "") -> String {
        """
        weather:
          dry_bulb_c: {file: \(nsrdb), format: nsrdb\(extra)}
          relative_humidity_percent: {file: \(nsrdb), format: nsrdb\(extra)}
          pressure_pa: {file: \(nsrdb), format: nsrdb\(extra)}
        """
    }

    static func pvwattsSolar(_ reference: String = "format: pvwatts, timezone: \"-07:00\"") -> String {
        """
        renewables:
          - {name: pv, kind: solar, capacity_mw: 100, capacity_factor: {file: \(pvwatts), \(reference)}}
        """
    }

    static func expectClose(_ value: Double?, _ expected: Double, within tolerance: Double,
                            sourceLocation: SourceLocation = #_sourceLocation) {
        let found = value.map { "\($0)" } ?? "nil"
        #expect(value.map { abs($0 - expected) <= tolerance } ?? false, "\(found) vs \(expected)", sourceLocation: sourceLocation)
    }

    // MARK: NSRDB

    @Test("NSRDB on an hourly horizon: each hour is the mean of its two 30-minute rows, in the file's UTC-7")
    func nsrdbHourlyMean() throws {
        // 2023-01-01 00:00 MST (the first row) is 07:00Z; the file ends 2023-12-31 23:30 MST.
        let site = try Scratch().load(Self.site(horizon: "{start_utc: 2023-01-01T07:00Z, steps: 8760}", weather: Self.nsrdbWeather()))
        let dryBulb = try #require(site.weather).dryBulbC
        // First UTC hour: rows 00:00 and 00:30 MST hold -1.2000000000000002 and -1.1.
        Self.expectClose(dryBulb[0], -1.15, within: 1e-12)
        // Whole hours average whole rows, so the annual mean is the mean of all 17,520 rows
        // (Python: 7.367071917808213); the hourly extremes are the mean of a row pair:
        // max (37.1 + 37.0) / 2 at 13:00 MST on 2023-07-17, min (-22.2 + -22.1) / 2 at 06:00 MST on 2023-01-31.
        Self.expectClose(dryBulb.reduce(0, +) / 8760, 7.367071917808213, within: 1e-9)
        Self.expectClose(dryBulb.max(), 37.05, within: 1e-9)
        #expect(site.horizon.label(dryBulb.firstIndex(of: dryBulb.max()!)!) == "2023-07-17T20:00Z")
        Self.expectClose(dryBulb.min(), -22.15, within: 1e-9)
        #expect(site.horizon.label(dryBulb.firstIndex(of: dryBulb.min()!)!) == "2023-01-31T13:00Z")
        // Relative humidity: mean of all rows 55.32892465753356 % (Python).
        Self.expectClose(site.weather!.relativeHumidityPercent.map { $0.reduce(0, +) / 8760 }, 55.32892465753356, within: 1e-9)
    }

    @Test("NSRDB on a 30-minute horizon: one row per step, no averaging")
    func nsrdbHalfHourly() throws {
        let site = try Scratch().load(Self.site(horizon: "{start_utc: 2023-01-01T07:00Z, steps: 4, step_minutes: 30}",
                                                weather: Self.nsrdbWeather()))
        // Rows 1-4 (Python): -1.2000000000000002, -1.1, -1.1, -1.
        #expect(site.weather!.dryBulbC == [-1.2000000000000002, -1.1, -1.1, -1.0])
    }

    @Test("The metadata time zone places the rows: before 07:00Z on 2023-01-01 there is no data")
    func nsrdbTimeZone() throws {
        let issues = try Scratch().issues(Self.site(horizon: "{start_utc: 2023-01-01T00:00Z, steps: 24}",
                                                    weather: "weather: {dry_bulb_c: {file: \(Self.nsrdb), format: nsrdb}, relative_humidity_percent: 50}"))
        let issue = try #require(issues.single(at: "weather.dry_bulb_c"))
        #expect(issue.message == "no rows for 14 30-minute intervals 2023-01-01T00:00Z to 2023-01-01T06:30Z (in steps 0-6); timestamps read in UTC-07:00")
        #expect(issue.column == "Year, Month, Day, Hour, Minute")
        #expect(issue.dataFile == Self.nsrdb)
    }

    @Test("timezone overrides the metadata: read as UTC, the first row is 2023-01-01T00:00Z")
    func nsrdbTimeZoneOverride() throws {
        let site = try Scratch().load(Self.site(horizon: "{start_utc: 2023-01-01T00:00Z, steps: 24}",
                                                weather: Self.nsrdbWeather(", timezone: UTC")))
        Self.expectClose(site.weather!.dryBulbC[0], -1.15, within: 1e-12)
    }

    @Test("format: nsrdb with column: any column, here GHI scaled to a solar capacity factor")
    func nsrdbColumn() throws {
        let site = try Scratch().load(Self.site(horizon: "{start_utc: 2023-06-21T19:00Z, steps: 1}", renewables: """
            renewables:
              - {name: pv, kind: solar, capacity_mw: 100, capacity_factor: {file: \(Self.nsrdb), format: nsrdb, column: GHI, scale: 0.0009}}
            """))
        // 12:00 and 12:30 MST on 2023-06-21: GHI 1034 and 1035 W/m² (Python) -> 1034.5 x 0.0009.
        Self.expectClose(site.renewables[0].capacityFactor[0], 1034.5 * 0.0009, within: 1e-12)
    }

    @Test("A horizon finer than the data is refused, naming the file")
    func nsrdbTooCoarse() throws {
        let issues = try Scratch().issues(Self.site(horizon: "{start_utc: 2023-01-01T07:00Z, steps: 4, step_minutes: 15}",
                                                    weather: "weather: {dry_bulb_c: {file: \(Self.nsrdb), format: nsrdb}, relative_humidity_percent: 50}"))
        let issue = try #require(issues.single(at: "weather.dry_bulb_c"))
        #expect(issue.dataFile == Self.nsrdb)
        #expect(issue.message.hasPrefix("the file's rows are 30 minutes apart but the horizon step is 15 minutes"))
    }

    // MARK: PVWatts

    @Test("PVWatts: AC output / 4,000 W is the capacity factor; the annual mean is 17.19 %")
    func pvwattsCapacityFactor() throws {
        // 2025-01-01 00:00 MST is 07:00Z; a 365-day horizon year takes every typical-year hour once.
        let site = try Scratch().load(Self.site(horizon: "{start_utc: 2025-01-01T07:00Z, steps: 8760}", renewables: Self.pvwattsSolar()))
        let factor = site.renewables[0].capacityFactor
        // README: annual AC 6,023,671 Wh = 17.19 % of 4 kW x 8,760 h (Python sum: 6023671.240000017 Wh).
        Self.expectClose(factor.reduce(0, +) / 8760, 6_023_671.24 / (4000 * 8760), within: 1e-9)
        // Clipped at the inverter: 3,333.33 W (DC/AC ratio 1.2), first on 03-14 11:00 MST.
        Self.expectClose(factor.max(), 3333.33 / 4000, within: 1e-6)
        #expect(site.horizon.label(factor.firstIndex(of: factor.max()!)!) == "2025-03-14T18:00Z")
    }

    @Test("PVWatts typical year: month, day and hour (local standard time) map onto any horizon year, across New Year")
    func pvwattsTypicalYear() throws {
        // 2024-12-31 00:00 MST = 07:00Z; 48 steps run to 2025-01-01 23:00 MST.
        let site = try Scratch().load(Self.site(horizon: "{start_utc: 2024-12-31T07:00Z, steps: 48}", renewables: Self.pvwattsSolar()))
        let factor = site.renewables[0].capacityFactor
        // Rows (Python): 12-31 12:00 AC 2669.466 W, 01-01 12:00 AC 2157.892 W; 00:00 is night.
        Self.expectClose(factor[12], 2669.466 / 4000, within: 1e-12)
        Self.expectClose(factor[24 + 12], 2157.892 / 4000, within: 1e-12)
        #expect(factor[0] == 0 && factor[24] == 0)
    }

    @Test("PVWatts on a leap-year horizon: Feb 29 takes Feb 28's rows, as the EPW reader does")
    func pvwattsLeapDay() throws {
        let site = try Scratch().load(Self.site(horizon: "{start_utc: 2024-02-28T07:00Z, steps: 72}", renewables: Self.pvwattsSolar()))
        let factor = site.renewables[0].capacityFactor
        #expect(factor[0..<24] == factor[24..<48])
        Self.expectClose(factor[12], 1203.785 / 4000, within: 1e-12)  // 02-28 12:00 (Python)
        Self.expectClose(factor[48 + 12], 3217.989 / 4000, within: 1e-12)  // 03-01 12:00 (Python)
    }

    @Test("PVWatts states no time zone: the site file must give one")
    func pvwattsNeedsTimeZone() throws {
        let issues = try Scratch().issues(Self.site(horizon: "{start_utc: 2025-01-01T07:00Z, steps: 24}",
                                                    renewables: Self.pvwattsSolar("format: pvwatts")))
        let issue = try #require(issues.single(at: "renewables[0].capacity_factor.format"))
        #expect(issue.message.hasPrefix("format pvwatts: the file does not state its time zone; give timezone"))
    }

    @Test("Generic keys read the same file without a format: header_row and timestamp_columns")
    func genericKeys() throws {
        let reference = #"column: "AC System Output (W)", header_row: 18, timestamp_columns: {month: Month, day: Day, hour: Hour}, timezone: "-07:00", scale: 0.00025"#
        // The Totals row after the data has "Totals" for a month: without the format it is an error.
        let issues = try Scratch().issues(Self.site(horizon: "{start_utc: 2025-06-21T07:00Z, steps: 24}", renewables: Self.pvwattsSolar(reference)))
        let issue = try #require(issues.single(at: "renewables[0].capacity_factor"))
        #expect(issue.row == 8761 && issue.dataLine == 8779 && issue.column == "Month")
        #expect(issue.message == "month \"Totals\" is not a whole number")
    }

    // MARK: insula data inspect

    @Test("inspect NSRDB: 17,520 rows of 30 minutes from 2023-01-01T07:00Z, UTC-7, temperature -22.2 to 37.1 C")
    func inspectNSRDB() throws {
        let inspection = try DataInspector.inspect(url: URL(fileURLWithPath: Self.nsrdb), display: "psm4.csv")
        #expect(inspection.format == "nsrdb" && inspection.rows == 17_520 && inspection.stepMinutes == 30)
        #expect(inspection.firstUTC == "2023-01-01T07:00Z" && inspection.lastUTC == "2024-01-01T06:30Z")
        #expect(inspection.gaps.isEmpty && inspection.duplicates.isEmpty && inspection.unreadableTimestamps == 0)
        #expect(inspection.timeZone.hasPrefix("local standard time UTC-07:00 (metadata Time Zone -7)"))
        let temperature = try #require(inspection.column("Temperature"))
        Self.expectClose(temperature.minimum, -22.2, within: 1e-9)  // README: -22.2 to 37.1 C
        Self.expectClose(temperature.maximum, 37.1, within: 1e-9)
        #expect(temperature.unit == "c")  // as the metadata states it
        #expect(inspection.column("Year") == nil)  // time columns are not statistics
    }

    @Test("inspect PVWatts: a complete typical year of 8,760 hours, the Totals row left out, capacity factor 17.19 %")
    func inspectPVWatts() throws {
        let inspection = try DataInspector.inspect(url: URL(fileURLWithPath: Self.pvwatts), display: "pvwatts.csv")
        #expect(inspection.format == "pvwatts" && inspection.rows == 8760 && inspection.stepMinutes == 60)
        #expect(inspection.missingSteps == 0 && inspection.duplicates.isEmpty && inspection.firstUTC == nil)
        #expect(inspection.period?.hasPrefix("typical year, 01-01 00:00 to 12-31 23:00") == true)
        let output = try #require(inspection.column("AC System Output (W)"))
        Self.expectClose(output.mean, 6_023_671.24 / 8760, within: 1e-6)
        #expect(output.unit == "W" && output.count == 8760)
        #expect(inspection.notes.contains { $0.contains("annual AC 6023671 Wh, mean capacity factor 17.19 %") })
    }
}

/// Split timestamps and metadata lines on small files written by the tests: every bad input is
/// reported with the file, the key path, and the row and column at fault.
@Suite("Split timestamp columns and header_row: bad input")
struct SplitTimestampBadInputTests {
    static let path = "grid_feeds[0].price_usd_per_mwh"

    /// A two-line preamble, then hourly prices for 2025-01-01 00:00-03:00 UTC in split columns.
    static let prices = """
        Source,Time Zone
        test,0
        Year,Month,Day,Hour,Minute,Price
        2025,1,1,0,0,10
        2025,1,1,1,0,20
        2025,1,1,2,0,30
        2025,1,1,3,0,40
        """

    static func issues(csv: String, reference: String, horizon: String? = nil) throws -> [SiteIssue] {
        let scratch = try Scratch()
        try scratch.write("prices.csv", csv)
        var yaml = MinimalSite.yaml(grid: """
              - name: utility
                import_capacity_mw: 100
                price_usd_per_mwh: {file: prices.csv, \(reference)}
                carbon_intensity_g_per_kwh: 300
            """)
        if let horizon { yaml = yaml.replacingOccurrences(of: "step_minutes: 60", with: horizon) }
        return try scratch.issues(yaml)
    }

    static let split = "column: Price, header_row: 3, timestamp_columns: {year: Year, month: Month, day: Day, hour: Hour, minute: Minute}"

    @Test("A well-formed file loads: header_row skips the metadata, the split columns give the time")
    func loads() throws {
        let scratch = try Scratch()
        try scratch.write("prices.csv", Self.prices)
        let site = try scratch.load(MinimalSite.yaml(grid: """
              - name: utility
                import_capacity_mw: 100
                price_usd_per_mwh: {file: prices.csv, \(Self.split)}
                carbon_intensity_g_per_kwh: 300
            """))
        #expect(site.gridFeeds[0].importPriceUSDPerMWh == [10, 20, 30, 40])
    }

    @Test("format: nsrdb finds the header and takes the time zone from the metadata")
    func nsrdbLayout() throws {
        let scratch = try Scratch()
        try scratch.write("prices.csv", Self.prices.replacingOccurrences(of: "test,0", with: "test,1"))
        // Time Zone 1: 01:00 local is 00:00Z, so the first step is the second row.
        let site = try scratch.load(MinimalSite.yaml(grid: """
              - name: utility
                import_capacity_mw: 100
                price_usd_per_mwh: {file: prices.csv, format: nsrdb, column: Price, fill: previous}
                carbon_intensity_g_per_kwh: 300
            """))
        #expect(site.gridFeeds[0].importPriceUSDPerMWh == [20, 30, 40, 40])
    }

    @Test("header_row past the end of the file, or on a blank line, is reported at header_row")
    func headerRowOutOfRange() throws {
        let past = try Self.issues(csv: Self.prices, reference: Self.split.replacingOccurrences(of: "header_row: 3", with: "header_row: 12"))
        #expect(past.single(at: "\(Self.path).header_row")?.message == "header_row 12 is past the end of the file (7 lines)")
        let blank = try Self.issues(csv: Self.prices.replacingOccurrences(of: "test,0\n", with: "test,0\n\n"), reference: Self.split)
        let issue = try #require(blank.single(at: "\(Self.path).header_row"))
        #expect(issue.message == "line 3 (header_row) is blank; the next line with content is 4")
        #expect(issue.dataFile == "prices.csv")
        let zero = try Self.issues(csv: Self.prices, reference: Self.split.replacingOccurrences(of: "header_row: 3", with: "header_row: 0"))
        #expect(zero.single(at: "\(Self.path).header_row")?.message.hasPrefix("must be >= 1") == true)
    }

    @Test("A named format that finds no header says what it looked for")
    func formatWithoutHeader() throws {
        let issues = try Self.issues(csv: "a,b\n1,2\n", reference: "format: nsrdb, column: b")
        #expect(issues.single(at: "\(Self.path).format")?.message
                == "format nsrdb: no header found (a line starting \"Year,Month,Day,Hour\" in the first 20 lines); give header_row")
    }

    @Test("A split column missing from the header is named at its key, with a hint")
    func missingSplitColumn() throws {
        let issues = try Self.issues(csv: Self.prices, reference: Self.split.replacingOccurrences(of: "day: Day", with: "day: Dya"))
        let issue = try #require(issues.single(at: "\(Self.path).timestamp_columns.day"))
        #expect(issue.message.hasPrefix("no column \"Dya\"; did you mean \"Day\"?"))
        let noMonth = try Self.issues(csv: Self.prices, reference: "column: Price, header_row: 3, timestamp_columns: {day: Day, hour: Hour}")
        #expect(noMonth.single(at: "\(Self.path).timestamp_columns.month")?.message.hasPrefix("missing required key") == true)
        let both = try Self.issues(csv: Self.prices, reference: Self.split + ", timestamp_column: Year")
        #expect(both.single(at: "\(Self.path).timestamp_columns")?.message.hasPrefix("give either timestamp_column") == true)
    }

    @Test("Invalid dates and times name their row and column", arguments: [
        ("2025,1,1,2,0,30", "2025,13,1,2,0,30", "Month", "invalid date: month 13 is not 1-12"),
        ("2025,1,1,2,0,30", "2025,2,29,2,0,30", "Day", "invalid date: day 29 does not exist in 2/2025 (1-28)"),
        ("2025,1,1,2,0,30", "2025,1,1,24,0,30", "Hour", "invalid time: hour 24 is not 0-23 (the hour the interval starts)"),
        ("2025,1,1,2,0,30", "2025,1,1,2,60,30", "Minute", "invalid time: minute 60 is not 0-59"),
        ("2025,1,1,2,0,30", "2025,1,,2,0,30", "Day", "empty day cell"),
    ])
    func invalidDate(row: String, replacement: String, column: String, message: String) throws {
        let issues = try Self.issues(csv: Self.prices.replacingOccurrences(of: row, with: replacement), reference: Self.split)
        let issue = try #require(issues.first { $0.column == column })
        #expect(issue.keyPath == Self.path && issue.dataFile == "prices.csv")
        #expect(issue.row == 3 && issue.dataLine == 6)
        #expect(issue.message == message)
    }

    @Test("A duplicate dated row names both rows")
    func duplicateDated() throws {
        let issues = try Self.issues(csv: Self.prices.replacingOccurrences(of: "2025,1,1,2,0,30", with: "2025,1,1,1,0,30"), reference: Self.split)
        #expect(issues.contains { $0.row == 3 && $0.message == "duplicate timestamp 2025-01-01T01:00Z (also row 2)" })
    }

    @Test("A duplicate typical-year row names both rows (it would repeat in every horizon year)")
    func duplicateTypical() throws {
        let typical = "Month,Day,Hour,Price\n1,1,0,10\n1,1,1,20\n1,1,1,25\n1,1,2,30\n1,1,3,40\n"
        let issues = try Self.issues(csv: typical, reference: "column: Price, timestamp_columns: {month: Month, day: Day, hour: Hour}")
        let issue = try #require(issues.single(at: Self.path))
        #expect(issue.row == 3 && issue.column == "Month, Day, Hour")
        #expect(issue.message == "duplicate 01-01 01:00 (also row 2)")
    }

    @Test("Sub-hourly rows: a missing half hour is reported with its step; fill bridges it before averaging")
    func missingHalfHour() throws {
        let halfHourly = "time,price\n2025-01-01T00:00Z,10\n2025-01-01T00:30Z,20\n2025-01-01T01:00Z,30\n"
            + "2025-01-01T02:00Z,50\n2025-01-01T02:30Z,60\n2025-01-01T03:00Z,70\n2025-01-01T03:30Z,80\n"
        let issues = try Self.issues(csv: halfHourly, reference: "column: price, timestamp_column: time")
        #expect(issues.single(at: Self.path)?.message == "no row for the 30-minute interval 2025-01-01T01:30Z (in step 1); timestamps read in UTC")
        let scratch = try Scratch()
        try scratch.write("prices.csv", halfHourly)
        let site = try scratch.load(MinimalSite.yaml(grid: """
              - name: utility
                import_capacity_mw: 100
                price_usd_per_mwh: {file: prices.csv, column: price, timestamp_column: time, fill: interpolate}
                carbon_intensity_g_per_kwh: 300
            """))
        // 01:30 is interpolated to 40; each hour is the mean of its two half hours.
        #expect(site.gridFeeds[0].importPriceUSDPerMWh == [15, 35, 55, 75])
    }

    @Test("The data step is the most common spacing: one stray row is off the grid, not a finer step")
    func dataStep() {
        #expect(SeriesResolver.dataStepSeconds([0, 3600, 7200, 10_800]) == 3600)
        #expect(SeriesResolver.dataStepSeconds([0, 1800, 3600, 5400]) == 1800)
        #expect(SeriesResolver.dataStepSeconds([0, 1800, 3600, 7200, 10_800]) == 3600)  // a tie goes to the longer step
        #expect(SeriesResolver.dataStepSeconds([0, 10_800]) == nil)  // one spacing is no evidence
    }

    @Test("NSRDB metadata without a time zone needs timezone in the site file")
    func nsrdbWithoutTimeZone() throws {
        let issues = try Self.issues(csv: Self.prices.replacingOccurrences(of: "Source,Time Zone", with: "Source,Elevation"),
                                     reference: "format: nsrdb, column: Price")
        #expect(issues.single(at: "\(Self.path).format")?.message.hasPrefix("format nsrdb: no \"Time Zone\"") == true)
    }
}
