import Foundation
import Testing

/// `data/sites/real-caiso-2023.yaml` reads CAISO prices, Electricity Maps carbon intensity and
/// Open-Meteo weather from `../shared/data` in place. These tests run the built binary on it.
@Suite("insula solve on a site built from real 2023 data",
       .enabled(if: FileManager.default.fileExists(atPath: InsulaRunner.sharedData.path)))
struct RealDataSiteTests {
    static let site = "data/sites/real-caiso-2023.yaml"
    static let steps = 8736

    /// The whole year of the real site, with a carbon price set on the command line, solved
    /// once for the suite.
    static let run: (outcome: InsulaRunner.Outcome, folder: URL)? = {
        guard let folder = try? InsulaRunner.temporaryFolder().appendingPathComponent("real"),
              let outcome = try? InsulaRunner.run(["solve", site, "--set", "carbon.price_usd_per_t=60", "--out", folder.path, "--format", "json"])
        else { return nil }
        return (outcome, folder)
    }()

    static func dispatchRows() throws -> [[String: Double]] {
        let (_, folder) = try #require(run)
        let lines = try String(contentsOf: folder.appendingPathComponent("dispatch.csv"), encoding: .utf8)
            .split(separator: "\n").map { $0.split(separator: ",", omittingEmptySubsequences: false).map(String.init) }
        let header = lines[0]
        return lines.dropFirst().map { cells in
            var row: [String: Double] = [:]
            for (key, cell) in zip(header, cells) { row[key] = Double(cell) }
            row["epoch"] = ISO8601DateFormatter().date(from: cells[0].replacingOccurrences(of: "Z", with: ":00Z"))?.timeIntervalSince1970
            return row
        }
    }

    @Test("the year solves to optimality and writes one dispatch row per hour from 2023-01-02T00:00Z")
    func solves() throws {
        let (outcome, folder) = try #require(Self.run)
        #expect(outcome.exitCode == 0, "\(outcome.standardError)")
        let summary = try #require(try JSONSerialization.jsonObject(with: Data(outcome.standardOutput.utf8)) as? [String: Any])
        #expect(summary["status"] as? String == "optimal")
        #expect(summary["steps"] as? Int == Self.steps)
        let dispatch = try String(contentsOf: folder.appendingPathComponent("dispatch.csv"), encoding: .utf8).split(separator: "\n")
        #expect(dispatch.count == Self.steps + 1)
        #expect(dispatch[1].hasPrefix("2023-01-02T00:00Z,"))
    }

    @Test("every dispatch row balances to 1e-5 MW (the CSV carries 6 decimals)")
    func balances() throws {
        for row in try Self.dispatchRows() {
            let sources = ["smr_mw", "grid_import_mw", "solar_mw", "wind_mw", "battery_discharge_mw", "backup_mw"].map { row[$0]! }.reduce(0, +)
            // Surplus the site (without a dump) burned above the busway's curve is `dump_mw`, not loss.
            let sinks = ["grid_export_mw", "battery_charge_mw", "it_mw", "cooling_mw", "heat_pump_mw", "losses_mw", "dump_mw"]
                .map { row[$0]! }.reduce(0, +)
            #expect(abs(sources - sinks) < 1e-5)
        }
    }

    @Test("grid carbon intensity per step is Electricity Maps' direct value for that UTC hour")
    func carbonFromElectricityMaps() throws {
        let file = InsulaRunner.sharedData.appendingPathComponent("carbon/electricitymaps_2023/US-CAL-CISO_2023_hourly.csv")
        var intensityByEpoch: [Double: Double] = [:]
        let formatter = ISO8601DateFormatter()
        for line in try String(contentsOf: file, encoding: .utf8).split(whereSeparator: \.isNewline).dropFirst() {
            let cells = line.split(separator: ",", omittingEmptySubsequences: false)
            // "2023-01-02 00:00:00" in UTC.
            if let date = formatter.date(from: cells[0].replacingOccurrences(of: " ", with: "T") + "Z"), let value = Double(cells[4]) {
                intensityByEpoch[date.timeIntervalSince1970] = value
            }
        }
        #expect(intensityByEpoch.count == 8760)
        let rows = try Self.dispatchRows()
        #expect(rows.count == Self.steps)
        for row in rows {
            let expected = try #require(intensityByEpoch[row["epoch"]!], "no Electricity Maps row at \(Date(timeIntervalSince1970: row["epoch"]!))")
            #expect(abs(row["grid_carbon_g_per_kwh"]! - expected) < 1e-9)
            // Emissions are imports times intensity (MW x 1 h x g/kWh = kg -> t / 1000).
            #expect(abs(row["emissions_t"]! - row["grid_import_mw"]! * expected / 1000) < 1e-5)
        }
    }

    @Test("the manifest records the override and the real input files with the hashes in SHA256SUMS")
    func manifest() throws {
        let (_, folder) = try #require(Self.run)
        let manifest = try #require(try JSONSerialization.jsonObject(with: Data(contentsOf: folder.appendingPathComponent("manifest.json"))) as? [String: Any])
        #expect(manifest["overrides"] as? [String] == ["carbon.price_usd_per_t=60"])
        let sums = try String(contentsOf: InsulaRunner.sharedData.appendingPathComponent("SHA256SUMS"), encoding: .utf8)
        var published: [String: String] = [:]
        for line in sums.split(separator: "\n") {
            let parts = line.split(separator: " ", maxSplits: 1)
            published[parts[1].trimmingCharacters(in: .whitespaces).replacingOccurrences(of: "./", with: "")] = String(parts[0])
        }
        let inputs = try #require(manifest["inputs"] as? [[String: String]])
        let shared = inputs.filter { $0["path"]!.contains("shared/data/") }
        #expect(shared.count == 3)
        for input in shared {
            let relative = String(input["path"]!.split(separator: "shared/data/", maxSplits: 1).last!)
            #expect(input["sha256"] == published[relative], "\(relative)")
        }
    }
}
