import Foundation
import Testing

/// From raw public files to a solved site with the built binary: power from weather, warnings on
/// mixed-up inputs, windows, and outputs ordered for readers (issue 16).
@Suite("insula on raw public data: models, warnings, windows, readable outputs",
       .enabled(if: FileManager.default.fileExists(atPath: InsulaRunner.sharedData.path)))
struct RawDataCommandTests {
    static let texas = "data/sites/real-texas-raw-2023.yaml"

    static func summary(_ folder: URL) throws -> [String: Any] {
        let data = try Data(contentsOf: folder.appendingPathComponent("summary.json"))
        return try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
    }

    static func dispatch(_ folder: URL) throws -> (header: [String], rows: [[String]]) {
        let lines = try String(contentsOf: folder.appendingPathComponent("dispatch.csv"), encoding: .utf8)
            .split(separator: "\n").map { $0.split(separator: ",", omittingEmptySubsequences: false).map(String.init) }
        return (lines[0], Array(lines.dropFirst()))
    }

    @Test("a Texas campus from raw files only (EPW irradiance and wind, ERCOT prices, Electricity Maps carbon) validates for the year and solves August")
    func texasFromRawFiles() throws {
        // The site file names raw files and model parameters only: no series written by hand.
        let site = try String(contentsOf: InsulaRunner.repositoryRoot.appendingPathComponent(Self.texas), encoding: .utf8)
        #expect(!site.contains("capacity_factor"))
        #expect(site.contains("model: {kind: pvwatts"))
        let validate = try InsulaRunner.run(["validate", Self.texas])
        #expect(validate.exitCode == 0, "\(validate.standardError)")
        #expect(validate.standardOutput.contains("8754 steps"))
        #expect(!validate.standardError.contains("warning"), "\(validate.standardError)")

        let folder = try InsulaRunner.temporaryFolder().appendingPathComponent("texas")
        let outcome = try InsulaRunner.run(["solve", Self.texas, "--window", "2023-08-01T00:00Z..2023-09-01T00:00Z",
                                            "--out", folder.path, "--format", "json"])
        #expect(outcome.exitCode == 0, "\(outcome.standardError)")
        let summary = try Self.summary(folder)
        #expect(summary["status"] as? String == "optimal")
        #expect(summary["steps"] as? Int == 744)
        #expect((summary["solar_mwh"] as? Double ?? 0) > 20_000)
        #expect((summary["wind_mwh"] as? Double ?? 0) > 1_000)
        #expect((summary["warnings"] as? [Any])?.isEmpty == true)
        let (header, rows) = try Self.dispatch(folder)
        let solar = try #require(header.firstIndex(of: "solar_mw"))
        #expect(rows.count == 744)
        #expect(rows[0][0] == "2023-08-01T00:00Z")
        // PV is dark at local midnight (06:00Z, UTC-6) and produces at local noon (18:00Z).
        let day = rows.filter { $0[0].hasPrefix("2023-08-10") }
        #expect(Double(day[6][solar])! == 0)
        #expect(Double(day[18][solar])! > 50)
        // The manifest records the window, so the inputs hash differs from the whole year's.
        let manifest = try String(contentsOf: folder.appendingPathComponent("manifest.json"), encoding: .utf8)
        #expect(manifest.contains("window=2023-08-01T00:00Z..2023-09-01T00:00Z"))
    }

    @Test("--window outside the horizon or off the step grid exits 2 naming the window")
    func badWindow() throws {
        let outside = try InsulaRunner.run(["solve", "data/sites/example-week.yaml", "--window", "2024-01-01T00:00Z..2024-01-02T00:00Z",
                                            "--out", InsulaRunner.temporaryFolder().path])
        #expect(outside.exitCode == 2)
        #expect(outside.standardError.contains("--window 2024-01-01T00:00Z..2024-01-02T00:00Z"))
        #expect(outside.standardError.contains("not inside the horizon"))
    }

    static func germanSite(in folder: URL, timezone: String) throws -> URL {
        let data = InsulaRunner.sharedData.path
        let text = """
            horizon: {start_utc: 2023-06-05T00:00Z, steps: 168}
            grid_feeds:
              - import_capacity_mw: 100
                price_usd_per_mwh: {file: \(data)/prices/green-dcc_2023/DE-LU_electricity_prices_2023.csv, column: "Price (EUR/MWh)", timestamp_column: Datetime\(timezone)}
                carbon_intensity_g_per_kwh: {file: \(data)/carbon/electricitymaps_2023/DE-LU_2023_hourly.csv, format: electricitymaps}
            it_fleet: {racks: 100, power_per_rack_kw: 132}
            workloads: {inference: {demand_mw: 10}}
            cooling: {cop: 20}
            """
        let file = folder.appendingPathComponent("germany.yaml")
        try text.write(to: file, atomically: true, encoding: .utf8)
        return file
    }

    @Test("a German EUR price file with naive Paris timestamps validates with two warnings, also in summary.json and the manifest")
    func warnings() throws {
        let folder = try InsulaRunner.temporaryFolder()
        let site = try Self.germanSite(in: folder, timezone: "")
        let validate = try InsulaRunner.run(["validate", site.path])
        #expect(validate.exitCode == 0, "\(validate.standardError)")
        #expect(validate.standardError.contains("warning:"))
        #expect(validate.standardError.contains("read as UTC"))
        #expect(validate.standardError.contains("looks like EUR"))
        let out = folder.appendingPathComponent("run")
        let solve = try InsulaRunner.run(["solve", site.path, "--out", out.path])
        #expect(solve.exitCode == 0, "\(solve.standardError)")
        #expect(solve.standardError.contains("read as UTC"))
        let warnings = try #require(try Self.summary(out)["warnings"] as? [String])
        #expect(warnings.count == 2)
        let manifest = try String(contentsOf: out.appendingPathComponent("manifest.json"), encoding: .utf8)
        #expect(manifest.contains("looks like EUR"))
        // Giving the zone and a conversion silences both.
        let fixed = try Self.germanSite(in: folder, timezone: ", timezone: Europe/Paris, fill: previous, scale: 1.08")
        let quiet = try InsulaRunner.run(["validate", fixed.path])
        #expect(quiet.exitCode == 0, "\(quiet.standardError)")
        #expect(!quiet.standardError.contains("warning"), "\(quiet.standardError)")
    }

    @Test("summary.csv starts with the objective and headline KPIs, in one plain number format")
    func summaryCSV() throws {
        let folder = try InsulaRunner.temporaryFolder().appendingPathComponent("run")
        let outcome = try InsulaRunner.run(["solve", "data/sites/example-week.yaml", "--out", folder.path])
        #expect(outcome.exitCode == 0, "\(outcome.standardError)")
        let lines = try String(contentsOf: folder.appendingPathComponent("summary.csv"), encoding: .utf8).split(separator: "\n")
        let header = lines[0].split(separator: ",").map(String.init)
        #expect(Array(header.prefix(4)) == ["site", "status", "objective_usd", "emissions_t"])
        #expect(header.last?.hasSuffix("_seconds") == true)
        for (name, cell) in zip(header, lines[1].split(separator: ",", omittingEmptySubsequences: false))
        where Double(cell) != nil && !name.hasSuffix("_version") {
            #expect(!cell.contains("e"), "exponent in \(cell)")
            #expect(!(cell.contains(".") && cell.hasSuffix("0")), "trailing zero in \(cell)")
        }
    }

    @Test("a bad --set value is reported at the override, not at line 1 of the site file")
    func overrideErrors() throws {
        let outcome = try InsulaRunner.run(["validate", "data/sites/example.yaml", "--set", "carbon.cap_t=-5"])
        #expect(outcome.exitCode == 2)
        #expect(outcome.standardError.contains("carbon.cap_t: must be >= 0 t, got -5 (value set by the override carbon.cap_t=-5)"))
        #expect(!outcome.standardError.contains("example.yaml:1:"))
    }
}
