import Foundation
import Testing

/// NSRDB and PVWatts exports through the built binary: the README's example site, refusals with
/// exit 2, and `insula data inspect`.
@Suite("NSRDB and PVWatts files, end to end",
       .enabled(if: FileManager.default.fileExists(atPath: InsulaRunner.sharedData.path)))
struct SplitTimestampCommandTests {
    /// The README's "Data import" example (the YAML block with `format: pvwatts`), with the shared
    /// data paths made absolute and the rest of a site around it.
    static func readmeSite(replacing old: String = "", with new: String = "") throws -> URL {
        let readme = try String(contentsOf: InsulaRunner.repositoryRoot.appendingPathComponent("README.md"), encoding: .utf8)
        let blocks = readme.components(separatedBy: "```yaml\n").dropFirst().map { $0.components(separatedBy: "```")[0] }
        let example = try #require(blocks.first { $0.contains("format: pvwatts") }, "README has no PVWatts example")
        let site = """
            name: readme-golden
            \(example.replacingOccurrences(of: "../../../shared/data", with: InsulaRunner.sharedData.path))
            grid_feeds:
              - {name: grid, import_capacity_mw: 300, price_usd_per_mwh: 50, carbon_intensity_g_per_kwh: 300}
            it_fleet: {racks: 100, power_per_rack_kw: 132}
            cooling: {facility_supply_c: 27}
            """.replacingOccurrences(of: old, with: new)
        let file = try InsulaRunner.temporaryFolder().appendingPathComponent("golden.yaml")
        try site.write(to: file, atomically: true, encoding: .utf8)
        return file
    }

    @Test("the README's PVWatts and NSRDB example validates")
    func readmeExample() throws {
        let outcome = try InsulaRunner.run(["validate", try Self.readmeSite().path])
        #expect(outcome.exitCode == 0, "\(outcome.standardError)")
    }

    @Test("bad references exit 2 naming the site file, the key path and the data file", arguments: [
        ("      timezone: \"-07:00\"", "", "renewables[0].capacity_factor.format", "the file does not state its time zone"),
        ("      format: pvwatts ", "      header_row: 9000\n      format: pvwatts ", "renewables[0].capacity_factor.header_row", "header_row 9000 is past the end of the file"),
        ("step_minutes: 60", "step_minutes: 15", "weather.dry_bulb_c", "rows are 30 minutes apart but the horizon step is 15 minutes"),
        ("start_utc: 2023-01-01T07:00Z", "start_utc: 2023-01-01T00:00Z", "weather.dry_bulb_c",
         "no rows for 14 30-minute intervals 2023-01-01T00:00Z to 2023-01-01T06:30Z (in steps 0-6); timestamps read in UTC-07:00"),
    ])
    func refused(old: String, new: String, keyPath: String, message: String) throws {
        let site = try Self.readmeSite(replacing: old, with: new)
        let outcome = try InsulaRunner.run(["validate", site.path])
        #expect(outcome.exitCode == 2)
        let line = try #require(outcome.standardError.split(separator: "\n").first { $0.contains(message) }, "\(outcome.standardError)")
        #expect(line.contains("golden.yaml") && line.contains(keyPath + ":"))
        #expect(line.contains(".csv"))
    }

    @Test("data inspect recognises NSRDB (30-minute, UTC-7) and PVWatts (typical year)")
    func inspect() throws {
        let nsrdb = try InsulaRunner.run(["data", "inspect", InsulaRunner.sharedData.appendingPathComponent("weather/pvlib/test_read_psm4.csv").path])
        #expect(nsrdb.exitCode == 0, "\(nsrdb.standardError)")
        for line in ["format      nsrdb", "rows        17520 (time from Year, Month, Day, Hour, Minute)",
                     "time zone   local standard time UTC-07:00 (metadata Time Zone -7)", "2023-01-01T07:00Z to 2024-01-01T06:30Z",
                     "step        30 min", "gaps        none"] {
            #expect(nsrdb.standardOutput.contains(line), "missing: \(line)")
        }
        let pvwatts = try InsulaRunner.run(["data", "inspect", InsulaRunner.sharedData.appendingPathComponent("renewables/pvwatts_golden_co/pvwatts_8760_rackmount.csv").path,
                                            "--format", "json"])
        #expect(pvwatts.exitCode == 0, "\(pvwatts.standardError)")
        let json = try #require(try JSONSerialization.jsonObject(with: Data(pvwatts.standardOutput.utf8)) as? [String: Any])
        #expect(json["format"] as? String == "pvwatts" && json["rows"] as? Int == 8760 && json["missing_steps"] as? Int == 0)
    }
}
