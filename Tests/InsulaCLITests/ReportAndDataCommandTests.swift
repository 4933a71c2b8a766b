import Foundation
import Testing

@Suite("insula report and insula data inspect, end to end")
struct ReportAndDataCommandTests {
    /// The bundled week solved once by the built binary.
    static let weekRun: URL = {
        let folder = try! InsulaRunner.temporaryFolder().appendingPathComponent("week")
        let outcome = try! InsulaRunner.run(["solve", "data/sites/example-week.yaml", "--out", folder.path])
        precondition(outcome.exitCode == 0, outcome.standardError)
        return folder
    }()

    @Test("report writes one self-contained HTML file with every chart, atomically")
    func html() throws {
        let output = try InsulaRunner.temporaryFolder().appendingPathComponent("week.html")
        let outcome = try InsulaRunner.run(["report", Self.weekRun.path, "-o", output.path, "--window", "2025-07-15..2025-07-18"])
        #expect(outcome.exitCode == 0, "\(outcome.standardError)")
        #expect(outcome.standardOutput.contains("8 charts, 1 file"))
        let html = try String(contentsOf: output, encoding: .utf8)
        #expect(html.hasPrefix("<!DOCTYPE html>"))
        #expect(html.components(separatedBy: "<svg ").count - 1 == 8)
        #expect(!html.contains("<script"))
        let leftovers = try FileManager.default.contentsOfDirectory(atPath: output.deletingLastPathComponent().path).filter { $0.hasPrefix(".") }
        #expect(leftovers.isEmpty)
    }

    @Test("report --format md writes Markdown and its SVG files beside it")
    func markdown() throws {
        let output = try InsulaRunner.temporaryFolder().appendingPathComponent("week.md")
        let outcome = try InsulaRunner.run(["report", Self.weekRun.path, "-o", output.path, "--format", "md"])
        #expect(outcome.exitCode == 0, "\(outcome.standardError)")
        let charts = try FileManager.default.contentsOfDirectory(atPath: output.deletingLastPathComponent().appendingPathComponent("week-charts").path)
        #expect(charts.count == 6 && charts.allSatisfy { $0.hasSuffix(".svg") })
        #expect(try String(contentsOf: output, encoding: .utf8).contains("](week-charts/dispatch-window.svg)"))
    }

    @Test("report refuses bad input with exit 2 and a message naming it", arguments: [
        (["report", "data/sites", "-o", "/tmp/never.html"], "neither a run folder"),
        (["report", "no/such/folder", "-o", "/tmp/never.html"], "no/such/folder: not a folder"),
        (["report", "data/sites", "-o", "/tmp/never.html", "--window", "2025-07-17..2025-07-10"], "--window 2025-07-17..2025-07-10: expected START..END"),
        (["report", "data/sites", "-o", "/tmp/never.html", "--format", "pdf"], "pdf"),
    ])
    func badInput(arguments: [String], message: String) throws {
        let outcome = try InsulaRunner.run(arguments)
        #expect(outcome.exitCode == 2)
        #expect(outcome.standardError.contains(message), "\(outcome.standardError)")
    }

    @Test("data inspect prints format, period, step, time zone, gaps and column statistics; --format json for scripts",
          .enabled(if: FileManager.default.fileExists(atPath: InsulaRunner.sharedData.path)))
    func inspect() throws {
        let file = InsulaRunner.sharedData.appendingPathComponent("prices/green-dcc_2023/FR_electricity_prices_2023.csv").path
        let text = try InsulaRunner.run(["data", "inspect", file, "--timezone", "Europe/Paris"])
        #expect(text.exitCode == 0, "\(text.standardError)")
        for line in ["format      day_ahead", "time zone   Europe/Paris", "step        60 min", "gaps        25 missing steps in 2 gap(s)",
                     "2023-11-29T23:00Z to 2023-11-30T22:00Z: 24 step(s)"] {
            #expect(text.standardOutput.contains(line), "missing: \(line)")
        }
        let json = try InsulaRunner.run(["data", "inspect", file, "--format", "json"])
        let object = try #require(try JSONSerialization.jsonObject(with: Data(json.standardOutput.utf8)) as? [String: Any])
        #expect(object["format"] as? String == "day_ahead")
        #expect(object["rows"] as? Int == 8736)
        let columns = try #require(object["columns"] as? [[String: Any]])
        #expect(columns.first?["negative"] as? Int == 147)
        #expect(columns.first?["min"] as? Double == -134.94)
    }

    @Test("data inspect on a missing file or an unknown time zone exits 2")
    func inspectBadInput() throws {
        let missing = try InsulaRunner.run(["data", "inspect", "no-such.csv"])
        #expect(missing.exitCode == 2 && missing.standardError.contains("no-such.csv: cannot read the file"))
        let zone = try InsulaRunner.run(["data", "inspect", "data/series/temperate-2025.csv", "--timezone", "Mars/Olympus"])
        #expect(zone.exitCode == 2 && zone.standardError.contains("--timezone Mars/Olympus"))
    }
}
