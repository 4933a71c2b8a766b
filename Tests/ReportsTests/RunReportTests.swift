import Foundation
import Testing
@testable import Reports

@Suite("Run report: the charts of one schedule")
struct RunReportTests {
    static func document(window: ReportWindow? = nil) throws -> ReportDocument {
        try ReportWriter.document(folder: ReportFixtures.weekRun, window: window)
    }

    @Test("Every chart is a well-formed SVG document with a title, axis titles with units and a legend")
    func wellFormed() throws {
        let document = try Self.document()
        #expect(document.charts.map(\.id) == ["dispatch-window", "battery-soc", "workloads-window", "cooling-efficiency",
                                               "marginal-price", "training-jobs"])
        for chart in document.charts {
            let census = XMLCensus(ChartRenderer.svg(chart, standalone: true))
            #expect(census.error == nil, "\(chart.id): \(census.error ?? "")")
            #expect(census.elements["svg"] == 1)
            #expect(census.classes["chart-title"] == 1)
            #expect(census.classes["legend"] == 1, "\(chart.id) has no legend")
            let axisTitles = census.texts.filter { $0.contains("(") && $0.contains(")") }
            #expect(!axisTitles.isEmpty, "\(chart.id): no axis title with a unit")
        }
    }

    @Test("The HTML page inlines every chart, escapes text, and references nothing outside itself")
    func selfContained() throws {
        let html = HTMLRenderer.html(try Self.document(), source: "run & <folder>")
        let svgs = ReportFixtures.svgElements(in: html)
        #expect(svgs.count == 6)
        for svg in svgs { #expect(XMLCensus(svg).error == nil) }
        #expect(html.contains("run &amp; &lt;folder&gt;"))
        for external in ["<script", "http://", "https://", "<link", "<img", "@import", "url(http"] {
            // The SVG namespace is the one permitted http:// string.
            let hits = html.components(separatedBy: external).count - 1
            let allowed = external == "http://" ? svgs.count : 0
            #expect(hits == allowed, "\(external) appears \(hits) times")
        }
    }

    @Test("Dispatch: one area per source that delivers power, sinks below zero, IT and site load lines")
    func dispatchElements() throws {
        let chart = try #require(try Self.document().charts.first { $0.id == "dispatch-window" })
        let census = XMLCensus(ChartRenderer.svg(chart))
        // The summer week runs on SMR, solar and battery discharge, and charges and exports.
        #expect(census.classes["area"] == 5)
        #expect(census.classes["line"] == 2)
        let legend = census.texts
        for name in ["SMR", "Solar", "Battery discharge", "Battery charge", "Grid export", "IT load", "IT + cooling + losses"] {
            #expect(legend.contains(name), "legend lacks \(name)")
        }
        #expect(!legend.contains("Wind"), "a source that delivers nothing is not drawn")
        #expect(legend.contains("Power (MW)"))
        #expect(legend.contains("Time (UTC)"))
    }

    @Test("Training jobs are bars from release to deadline with the running span inside, labelled with delivered energy")
    func trainingJobBars() throws {
        let chart = try #require(try Self.document().charts.first { $0.id == "training-jobs" })
        let census = XMLCensus(ChartRenderer.svg(chart))
        #expect(census.classes["bar"] == 4)  // two jobs, each with its window and its running span
        #expect(census.texts.contains("3,000 of 3,000 MWh (100 %)"))
        #expect(census.texts.contains("finetune-week"))
    }

    @Test("COP and PUE are plotted against ambient temperature from dispatch.csv's dry_bulb_c")
    func coolingAgainstTemperature() throws {
        let chart = try #require(try Self.document().charts.first { $0.id == "cooling-efficiency" })
        let census = XMLCensus(ChartRenderer.svg(chart))
        #expect(census.texts.contains("Dry-bulb temperature (°C)"))
        let points = census.classes["point"] ?? 0
        // At most one marker per step and series; points closer than 2 px are drawn once.
        #expect(points > 50 && points <= 2 * 168)
    }

    @Test("A window narrows the full-resolution charts and adds whole-run daily overviews")
    func window() throws {
        let window = try #require(ReportWindow(parsing: "2025-07-16..2025-07-17"))
        let document = try Self.document(window: window)
        #expect(document.charts.map(\.id).contains("dispatch-overview"))
        #expect(document.charts.map(\.id).contains("workloads-overview"))
        let dispatch = try #require(document.charts.first { $0.id == "dispatch-window" })
        guard case .time(let start, let end) = dispatch.x else { Issue.record("not a time axis"); return }
        #expect(end - start == 86_400)
        #expect(dispatch.subtitle?.hasPrefix("2025-07-16 00:00 to 2025-07-17 00:00 UTC") == true)
    }

    @Test("A window outside the run is an error naming --window and the run's period")
    func windowOutside() throws {
        let window = try #require(ReportWindow(parsing: "2026-01-01..2026-01-08"))
        #expect {
            _ = try Self.document(window: window)
        } throws: { error in
            "\(error)".hasPrefix("--window: 2026-01-01 00:00 to 2026-01-08 00:00 UTC holds no step of the run (2025-07-14 00:00")
        }
    }

    @Test("Window syntax", arguments: [
        ("2025-07-10..2025-07-17", true), ("2025-07-10T06:00Z..2025-07-10T18:00Z", true), ("2025-07-17..2025-07-10", false),
        ("2025-07-10", false), ("July..August", false),
    ])
    func windowSyntax(text: String, valid: Bool) {
        #expect((ReportWindow(parsing: text) != nil) == valid)
    }

    @Test("A bad cell in dispatch.csv is reported with file, column and row")
    func badCell() throws {
        let folder = try ReportFixtures.temporaryFolder("bad")
        for name in ["summary.json", "jobs.csv"] {
            try FileManager.default.copyItem(at: ReportFixtures.weekRun.appendingPathComponent(name), to: folder.appendingPathComponent(name))
        }
        var lines = try String(contentsOf: ReportFixtures.weekRun.appendingPathComponent("dispatch.csv"), encoding: .utf8)
            .split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        var fields = lines[12].split(separator: ",", omittingEmptySubsequences: false).map(String.init)
        fields[1] = "lots"
        lines[12] = fields.joined(separator: ",")
        try lines.joined(separator: "\n").write(to: folder.appendingPathComponent("dispatch.csv"), atomically: true, encoding: .utf8)
        #expect {
            _ = try ReportWriter.document(folder: folder)
        } throws: { error in
            let failure = error as? ReportInputError
            return failure?.column == "smr_mw" && failure?.row == 12 && failure?.line == 13 && failure?.file.hasSuffix("dispatch.csv") == true
                && failure?.message == "not a number (\"lots\")"
        }
    }

    @Test("A folder that is neither a run nor a batch is refused with a clear message")
    func notARunFolder() throws {
        let folder = try ReportFixtures.temporaryFolder("empty")
        #expect {
            _ = try ReportWriter.document(folder: folder)
        } throws: { error in
            "\(error)".contains("neither a run folder (no summary.json), a stochastic plan (no stochastic.json) nor a batch folder")
        }
    }

    @Test("Markdown: the same content with one standalone SVG file per chart beside it, written atomically")
    func markdown() throws {
        let folder = try ReportFixtures.temporaryFolder("md")
        let output = folder.appendingPathComponent("week.md")
        let files = try ReportWriter.write(try Self.document(), to: output, format: .md, source: "run")
        #expect(files.count == 7)
        let text = try String(contentsOf: output, encoding: .utf8)
        #expect(text.hasPrefix("# Run report: example-week\n"))
        #expect(text.contains("![Dispatch by source](week-charts/dispatch-window.svg)"))
        #expect(text.contains("| Objective (total cost) |"))
        for file in files.dropFirst() {
            let svg = try String(contentsOf: file, encoding: .utf8)
            #expect(svg.hasPrefix("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<svg xmlns=\"http://www.w3.org/2000/svg\""))
            #expect(XMLCensus(svg).error == nil)
        }
        let leftovers = try FileManager.default.contentsOfDirectory(atPath: folder.path).filter { $0.hasPrefix(".") }
        #expect(leftovers.isEmpty)
    }
}

@Suite("Chart axes")
struct AxisTests {
    @Test("Linear ticks are round numbers covering the data", arguments: [
        (0.0, 287.0, 0.0, 300.0, 50.0), (-153.0, 291.0, -200.0, 300.0, 100.0), (1.1, 1.28, 1.1, 1.3, 0.05), (5.0, 5.0, 4.4, 5.6, 0.2), (0.0, 1e-7, -1.0, 1.0, 0.5),
    ])
    func linear(low: Double, high: Double, niceLow: Double, niceHigh: Double, step: Double) {
        let ticks = AxisTicks.linear(low: low, high: high)
        #expect(abs(ticks.low - niceLow) < 1e-9 && abs(ticks.high - niceHigh) < 1e-9 && abs(ticks.step - step) < 1e-9,
                "\(ticks)")
    }

    @Test("Time ticks: days for a week, months for a year")
    func time() {
        let start: Int64 = 1_752_451_200  // 2025-07-14T00:00Z
        let week = AxisTicks.time(startEpochSeconds: start, endEpochSeconds: start + 7 * 86_400)
        #expect(week.map(\.label) == ["Jul 14", "Jul 15", "Jul 16", "Jul 17", "Jul 18", "Jul 19", "Jul 20", "Jul 21"])
        let yearStart: Int64 = 1_735_689_600  // 2025-01-01T00:00Z
        let year = AxisTicks.time(startEpochSeconds: yearStart, endEpochSeconds: yearStart + 365 * 86_400)
        #expect(year.first?.label == "Jan 2025")
        #expect(year.count <= 8)
    }

    @Test("Numbers in tables and on axes group thousands and keep signs", arguments: [
        (-654_660.4, 0, "-654,660"), (1234.5, 1, "1,234.5"), (0.004, 1, "0.0"), (-0.004, 1, "0.0"), (999.0, 0, "999"),
    ])
    func numbers(value: Double, decimals: Int, text: String) {
        #expect(ReportFormat.number(value, decimals: decimals) == text)
    }
}
