import Foundation
import Testing
@testable import Island

/// CSV references: alignment to the horizon and every cell problem with file, column and row.
@Suite("Time series from CSV files")
struct TimeSeriesTests {
    /// A minimal site whose grid price comes from `prices.csv` with the given reference keys.
    static func site(_ reference: String) -> String {
        MinimalSite.yaml(grid: """
              - name: utility
                import_capacity_mw: 100
                price_usd_per_mwh: {file: prices.csv, \(reference)}
                carbon_intensity_g_per_kwh: 300
            """)
    }

    static func issues(csv: String, reference: String) throws -> [SiteIssue] {
        let scratch = try Scratch()
        try scratch.write("prices.csv", csv)
        return try scratch.issues(site(reference))
    }

    static func load(csv: String, reference: String) throws -> Site {
        let scratch = try Scratch()
        try scratch.write("prices.csv", csv)
        return try scratch.load(site(reference))
    }

    static let path = "grid_feeds[0].price_usd_per_mwh"

    @Test("without a timestamp column, row i is step i")
    func positional() throws {
        let site = try Self.load(csv: "price\n10\n20\n-5\n30\n", reference: "column: price")
        #expect(site.gridFeeds[0].importPriceUSDPerMWh == [10, 20, -5, 30])
        #expect(site.gridFeeds[0].exportPriceUSDPerMWh == [10, 20, -5, 30])
    }

    @Test("scale multiplies every value")
    func scale() throws {
        let site = try Self.load(csv: "price\n1\n2\n3\n4\n", reference: "column: price, scale: 1.1")
        #expect(site.gridFeeds[0].importPriceUSDPerMWh.map { ($0 * 100).rounded() / 100 } == [1.1, 2.2, 3.3, 4.4])
    }

    @Test("too short or too long series are rejected", arguments: [
        ("price\n1\n2\n3\n", 3), ("price\n1\n2\n3\n4\n5\n", 5),
    ])
    func wrongLength(csv: String, rows: Int) throws {
        let issues = try Self.issues(csv: csv, reference: "column: price")
        let issue = try #require(issues.single(at: Self.path))
        #expect(issue.dataFile == "prices.csv")
        #expect(issue.message.hasPrefix("has \(rows) data rows but the horizon has 4 steps"))
    }

    @Test("bad cells are reported with file, column and 1-based data row", arguments: [
        ("abc", "not a number (\"abc\")"),
        ("NaN", "not a finite number (\"NaN\")"),
        ("inf", "not a finite number (\"inf\")"),
        ("", "empty cell"),
    ])
    func badCell(cell: String, message: String) throws {
        let issues = try Self.issues(csv: "price,other\n1,x\n2,x\n\(cell),x\n4,x\n", reference: "column: price")
        let issue = try #require(issues.single(at: Self.path))
        #expect(issue.row == 3)
        #expect(issue.dataLine == 4)
        #expect(issue.column == "price")
        #expect(issue.message == message)
        #expect(issue.description.hasSuffix(
            "site.yaml:9: grid_feeds[0].price_usd_per_mwh: prices.csv, column \"price\", row 3 (line 4): \(message)"))
    }

    @Test("out-of-range cells name the row")
    func outOfRange() throws {
        let scratch = try Scratch()
        try scratch.write("cf.csv", "cf\n0.1\n1.4\n0.2\n-0.1\n")
        let issues = try scratch.issues(MinimalSite.yaml("renewables:\n  - {kind: solar, capacity_mw: 10, capacity_factor: {file: cf.csv, column: cf}}"))
        #expect(issues.map(\.row) == [2, 4])
        #expect(issues.first?.message == "must be in [0, 1], got 1.4")
    }

    @Test("a missing or unreadable file is reported")
    func missingFile() throws {
        let issues = try Scratch().issues(Self.site("column: price"))
        let issue = try #require(issues.single(at: Self.path))
        #expect(issue.dataFile == "prices.csv")
        #expect(issue.message.hasPrefix("file not found"))
    }

    @Test("a folder instead of a file is reported")
    func folderNotFile() throws {
        let scratch = try Scratch()
        try FileManager.default.createDirectory(at: scratch.folder.appendingPathComponent("prices.csv"),
                                                withIntermediateDirectories: true)
        let issues = try scratch.issues(Self.site("column: price"))
        #expect(issues.single(at: Self.path)?.message.hasPrefix("is a folder") == true)
    }

    @Test("an unknown column lists the columns with a hint")
    func unknownColumn() throws {
        let issues = try Self.issues(csv: "timestamp,price_usd\n", reference: "column: price")
        let issue = try #require(issues.single(at: "\(Self.path).column"))
        #expect(issue.message.contains("no column \"price\"; did you mean \"price_usd\"?"))
    }

    @Test("quoted fields and UTF-8 column names work")
    func quotedAndUnicode() throws {
        let csv = #"""
            "Datetime (UTC)","Carbon Intensity gCO₂eq/kWh (direct)",note
            2025-01-01 00:00:00,"100.5","a, b"
            2025-01-01 01:00:00,101,"say ""hi"""
            2025-01-01 02:00:00,102,
            2025-01-01 03:00:00,103,x
            """#
        let scratch = try Scratch()
        try scratch.write("ci.csv", csv)
        let site = try scratch.load(MinimalSite.yaml(grid: """
              - name: utility
                import_capacity_mw: 100
                price_usd_per_mwh: 50
                carbon_intensity_g_per_kwh: {file: ci.csv, column: "Carbon Intensity gCO₂eq/kWh (direct)", timestamp_column: "Datetime (UTC)"}
            """))
        #expect(site.gridFeeds[0].carbonIntensityGramsPerKWh == [100.5, 101, 102, 103])
    }

    @Test("with timestamps, rows outside the horizon are ignored and order does not matter")
    func timestampsAlign() throws {
        let csv = """
            time,price
            2024-12-31T23:00:00Z,999
            2025-01-01T02:00:00Z,3
            2025-01-01T00:00:00Z,1
            2025-01-01T01:00:00Z,2
            2025-01-01T03:00:00Z,4
            2025-01-01T04:00:00Z,999
            """
        let site = try Self.load(csv: csv, reference: "column: price, timestamp_column: time")
        #expect(site.gridFeeds[0].importPriceUSDPerMWh == [1, 2, 3, 4])
    }

    @Test("a gap in the timestamps is reported with the missing steps")
    func gap() throws {
        let csv = "time,price\n2025-01-01T00:00Z,1\n2025-01-01T03:00Z,4\n"
        let issues = try Self.issues(csv: csv, reference: "column: price, timestamp_column: time")
        let issue = try #require(issues.single(at: Self.path))
        #expect(issue.column == "time")
        #expect(issue.message.hasPrefix("no rows for 2 steps 1-2 (2025-01-01T01:00Z to 2025-01-01T02:00Z)"))
    }

    @Test("a duplicate timestamp names both rows")
    func duplicate() throws {
        let csv = "time,price\n2025-01-01T00:00Z,1\n2025-01-01T01:00Z,2\n2025-01-01T01:00Z,2\n2025-01-01T02:00Z,3\n2025-01-01T03:00Z,4\n"
        let issues = try Self.issues(csv: csv, reference: "column: price, timestamp_column: time")
        let issue = try #require(issues.single(at: Self.path))
        #expect(issue.row == 3)
        #expect(issue.message == "duplicate timestamp 2025-01-01T01:00Z (also row 2)")
    }

    @Test("an unreadable timestamp names its row")
    func badTimestamp() throws {
        let csv = "time,price\n2025-01-01T00:00Z,1\nsoon,2\n2025-01-01T02:00Z,3\n2025-01-01T03:00Z,4\n"
        let issues = try Self.issues(csv: csv, reference: "column: price, timestamp_column: time")
        #expect(issues.contains { $0.row == 2 && $0.message.hasPrefix("cannot read timestamp \"soon\"") })
    }

    @Test("an off-grid timestamp inside the horizon is rejected")
    func offGrid() throws {
        let csv = "time,price\n2025-01-01T00:00Z,1\n2025-01-01T00:30Z,1\n2025-01-01T01:00Z,2\n2025-01-01T02:00Z,3\n2025-01-01T03:00Z,4\n"
        let issues = try Self.issues(csv: csv, reference: "column: price, timestamp_column: time")
        #expect(issues.single(at: Self.path)?.message.contains("not on the 60-minute step grid") == true)
    }

    @Test("naive timestamps are read in the given zone", arguments: [
        ("UTC", "2025-01-01 00:00"),
        ("+01:00", "2025-01-01 01:00"),
        ("Europe/Paris", "2025-01-01 01:00"),
        ("America/Chicago", "2024-12-31 18:00"),
    ])
    func zones(zone: String, firstLocal: String) throws {
        let parser = TimestampParser(zone: try #require(TimeZoneSpec(parsing: zone)))
        #expect(try parser.parse(Substring(firstLocal)).get() == 1_735_689_600)  // 2025-01-01T00:00Z
    }

    @Test("explicit offsets win over the zone; a fraction of zeros is accepted, any other refused (issue 17)")
    func offsets() throws {
        let parser = TimestampParser(zone: .named("Europe/Paris"))
        #expect(try parser.parse("2023-11-05 01:00:00-05:00").get() == 1_699_164_000)
        #expect(try parser.parse("2023-11-05 01:00:00-06:00").get() == 1_699_167_600)
        #expect(try parser.parse("2023-11-16 18:17:03.0000000Z").get() == 1_700_158_623)
        // 01:00:00.999 used to be read as 01:00:00.
        #expect(parser.parse("2023-11-16 18:17:03.1234567Z") == .failure(.fractionalSecond))
        #expect(parser.parse("2025-01-01T01:00:00.999Z") == .failure(.fractionalSecond))
        #expect(parser.parse("2025-01-01T00:00:00.000001Z") == .failure(.fractionalSecond))
    }

    @Test("daylight-saving: a skipped local hour is reported, a repeated one takes its first occurrence")
    func daylightSaving() throws {
        let parser = TimestampParser(zone: .named("Europe/Paris"))
        guard case .failure(.nonexistentLocalTime(let text, _)) = parser.parse("2023-03-26 02:00") else {
            Issue.record("02:00 on 2023-03-26 does not exist in Paris")
            return
        }
        #expect(text == "2023-03-26 02:00")
        // 2023-10-29 02:00 CEST (first) = 00:00Z.
        #expect(try parser.parse("2023-10-29 02:00").get() == 1_698_537_600)
        #expect(try parser.parse("2023-10-29 03:00").get() == 1_698_544_800)
    }

    @Test("a CSV file is read once however many series use it")
    func cachedOnce() throws {
        let site = try SiteLoader.load(from: Fixtures.site("example-week.yaml"))
        let series = site.inputFiles.filter { $0.path.hasSuffix("temperate-2025.csv") }
        #expect(series.count == 1)
        #expect(site.inputFiles.first?.path.hasSuffix("example-week.yaml") == true)
    }

    @Test("inline lists must have one value per step")
    func inlineList() throws {
        let issues = try Scratch().issues(MinimalSite.yaml("workloads:\n  inference:\n    demand_mw: [1, 2]"))
        #expect(issues.single(at: "workloads.inference.demand_mw")?.message == "list has 2 values but the horizon has 4 steps")
    }
}
