import Foundation
import Testing
@testable import Reports

/// The path of Debian's `chromium`, or nil when it is not installed (the tests then skip; CI installs it).
let chromiumPath: String? = ["/usr/bin/chromium", "/usr/bin/chromium-browser"].first { FileManager.default.isExecutableFile(atPath: $0) }

/// Renders pages in headless Chromium and reports what a reader would have seen.
enum Browser {
    struct Chart: Decodable {
        let id: String
        let width: Double
        let height: Double
        /// Areas, lines, markers and bars in the SVG.
        let shapes: Int
        /// Pixels with visible colour (not white, grey or black) when the browser rasterises the chart.
        let colouredPixels: Int
        let pixels: Int
    }

    struct Rendering: Decodable {
        /// Script errors and resources that failed to load, caught by the page harness.
        var errors: [String]
        /// Every resource the page fetched (a self-contained report fetches none).
        var resources: [String]
        var charts: [Chart]
        /// Console messages Chromium logged (`INFO:CONSOLE` lines on stderr).
        var console: [String] = []

        enum CodingKeys: String, CodingKey { case errors, resources, charts }
    }

    /// Loads `html` (written to a temporary file) with a harness script injected first in
    /// `<head>`, lets the page settle, and returns the harness's findings and the console log.
    static func render(_ html: String) throws -> Rendering {
        let folder = try ReportFixtures.temporaryFolder("browser")
        let page = folder.appendingPathComponent("page.html")
        let instrumented = html.replacingOccurrences(of: "<head>", with: "<head><script>" + harness + "</script>",
                                                     options: [], range: html.range(of: "<head>"))
        try instrumented.write(to: page, atomically: true, encoding: .utf8)
        let (output, errors) = try run(["--dump-dom", "--virtual-time-budget=15000", page.absoluteString])
        guard let start = output.range(of: "<pre id=\"harness-result\">"),
              let end = output.range(of: "</pre>", range: start.upperBound..<output.endIndex) else {
            throw BrowserFailure(message: "the harness did not report (page did not finish loading?); stderr: \(errors.suffix(2000))")
        }
        let json = String(output[start.upperBound..<end.lowerBound])
            .replacingOccurrences(of: "&quot;", with: "\"").replacingOccurrences(of: "&lt;", with: "<")
            .replacingOccurrences(of: "&gt;", with: ">").replacingOccurrences(of: "&amp;", with: "&")
        var rendering = try JSONDecoder().decode(Rendering.self, from: Data(json.utf8))
        rendering.console = errors.split(separator: "\n").filter { $0.contains(":CONSOLE") }.map(String.init)
        return rendering
    }

    /// Takes a screenshot of `url` at `width` x `height` pixels into `png`.
    static func screenshot(_ url: URL, to png: URL, width: Int, height: Int) throws {
        _ = try run(["--hide-scrollbars", "--window-size=\(width),\(height)", "--screenshot=\(png.path)", url.absoluteString])
    }

    /// Runs headless Chromium (as root it needs --no-sandbox) and returns stdout and stderr.
    static func run(_ arguments: [String]) throws -> (String, String) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: try #require(chromiumPath))
        process.arguments = ["--headless", "--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-extensions",
                             "--enable-logging=stderr", "--v=0", "--window-size=1100,1000"] + arguments
        // stderr goes to a file so neither pipe can fill up and block Chromium.
        let errorFile = FileManager.default.temporaryDirectory.appendingPathComponent("chromium-\(UUID().uuidString).log")
        _ = FileManager.default.createFile(atPath: errorFile.path, contents: nil)
        defer { try? FileManager.default.removeItem(at: errorFile) }
        let output = Pipe()
        process.standardOutput = output
        process.standardError = try FileHandle(forWritingTo: errorFile)
        try process.run()
        let outputData = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return (String(decoding: outputData, as: UTF8.self), try String(contentsOf: errorFile, encoding: .utf8))
    }

    struct BrowserFailure: Error, CustomStringConvertible { let message: String; var description: String { message } }

    /// Collects script errors and failed loads from the start, then, after load, each chart's
    /// size, shape count and the coloured pixels of the chart rasterised by the browser.
    static let harness = #"""
window.__harnessErrors = [];
window.addEventListener('error', function (event) {
  var target = event.target;
  window.__harnessErrors.push(event.message || ('failed to load ' + ((target && (target.src || target.href)) || 'a resource')));
}, true);
window.addEventListener('load', function () {
  var result = { errors: window.__harnessErrors, resources: [], charts: [] };
  performance.getEntriesByType('resource').forEach(function (entry) { result.resources.push(entry.name); });
  var svgs = Array.prototype.slice.call(document.querySelectorAll('svg.chart'));
  var pending = svgs.map(function (svg) {
    var box = svg.getBoundingClientRect();
    var chart = { id: svg.id, width: box.width, height: box.height,
                  shapes: svg.querySelectorAll('path.area, path.line, circle.point, rect.bar').length, colouredPixels: -1, pixels: 0 };
    result.charts.push(chart);
    var image = new Image();
    image.src = 'data:image/svg+xml;charset=utf-8,' + encodeURIComponent(new XMLSerializer().serializeToString(svg));
    return image.decode().then(function () {
      var canvas = document.createElement('canvas');
      canvas.width = 480;
      canvas.height = Math.max(1, Math.round(480 * box.height / Math.max(box.width, 1)));
      var context = canvas.getContext('2d');
      context.drawImage(image, 0, 0, canvas.width, canvas.height);
      var data = context.getImageData(0, 0, canvas.width, canvas.height).data;
      var coloured = 0;
      for (var i = 0; i < data.length; i += 4) {
        if (Math.max(data[i], data[i + 1], data[i + 2]) - Math.min(data[i], data[i + 1], data[i + 2]) > 40) coloured++;
      }
      chart.colouredPixels = coloured;
      chart.pixels = canvas.width * canvas.height;
    }).catch(function (error) { result.errors.push('chart ' + svg.id + ' did not rasterise: ' + error); });
  });
  Promise.all(pending).then(function () {
    var output = document.createElement('pre');
    output.id = 'harness-result';
    output.textContent = JSON.stringify(result);
    document.body.appendChild(output);
  });
});
"""#
}

/// A PNG file's pixel size, from its IHDR chunk.
func pngSize(_ data: Data) -> (width: Int, height: Int)? {
    let bytes = [UInt8](data.prefix(24))
    guard bytes.count == 24, bytes.starts(with: [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]) else { return nil }
    func integer(_ offset: Int) -> Int { bytes[offset..<offset + 4].reduce(0) { $0 << 8 | Int($1) } }
    return (integer(16), integer(20))
}

@Suite("Reports in a real browser (headless Chromium)", .enabled(if: chromiumPath != nil, "chromium is not installed (apt-get install chromium)"),
       .serialized)
struct BrowserTests {
    static func expectDrawn(_ rendering: Browser.Rendering, charts expected: Int, sourceLocation: SourceLocation = #_sourceLocation) {
        #expect(rendering.console.isEmpty, "console: \(rendering.console)", sourceLocation: sourceLocation)
        #expect(rendering.errors.isEmpty, "errors: \(rendering.errors)", sourceLocation: sourceLocation)
        #expect(rendering.resources.isEmpty, "the page fetched \(rendering.resources)", sourceLocation: sourceLocation)
        #expect(rendering.charts.count == expected, sourceLocation: sourceLocation)
        for chart in rendering.charts {
            #expect(chart.width > 600 && chart.height > 100, "\(chart.id) laid out at \(chart.width) x \(chart.height)", sourceLocation: sourceLocation)
            #expect(chart.shapes > 0, "\(chart.id) has nothing plotted", sourceLocation: sourceLocation)
            // Data are drawn in colour; axes, grid and text are grey or black.
            #expect(chart.colouredPixels > 50,
                    "\(chart.id): only \(chart.colouredPixels) of \(chart.pixels) pixels coloured", sourceLocation: sourceLocation)
        }
    }

    @Test("The checks catch what they look for: a console error, a script error and a failed load on a planted page")
    func plantedErrorsAreCaught() throws {
        let page = """
            <!DOCTYPE html><html><head><title>planted</title></head><body>
            <svg class="chart" id="blank" width="800" height="200"><rect width="800" height="200" fill="#ffffff"/></svg>
            <img src="missing-image.png" alt=""><script>console.error("planted error"); notDefined();</script></body></html>
            """
        let rendering = try Browser.render(page)
        #expect(rendering.console.contains { $0.contains("planted error") })
        #expect(rendering.errors.contains { $0.contains("notDefined") })
        #expect(rendering.errors.contains { $0.contains("missing-image.png") })
        #expect(rendering.charts.count == 1 && rendering.charts[0].colouredPixels == 0, "a blank chart reads as blank")
    }

    @Test("A run report loads without console errors or fetches, and every chart draws")
    func runReport() throws {
        let window = try #require(ReportWindow(parsing: "2025-07-15..2025-07-18"))
        let document = try ReportWriter.document(folder: ReportFixtures.weekRun, window: window)
        let html = HTMLRenderer.html(document, source: "week")
        Self.expectDrawn(try Browser.render(html), charts: document.charts.count)

        // A screenshot as a reader would see the top of the page.
        let folder = try ReportFixtures.temporaryFolder("screenshot")
        let page = folder.appendingPathComponent("report.html"), png = folder.appendingPathComponent("report.png")
        try html.write(to: page, atomically: true, encoding: .utf8)
        try Browser.screenshot(page, to: png, width: 1100, height: 2400)
        let size = try #require(pngSize(try Data(contentsOf: png)), "no PNG at \(png.path)")
        #expect(size.width == 1100 && size.height == 2400)
    }

    @Test("A batch report loads without console errors or fetches, and every chart draws")
    func batchReport() throws {
        let document = try ReportWriter.document(folder: ReportFixtures.batch)
        Self.expectDrawn(try Browser.render(HTMLRenderer.html(document, source: "batch")), charts: document.charts.count)
    }

    @Test("Plan reports (a plan, a stochastic plan, a batch of plans) load without errors or fetches, and every chart draws",
          arguments: ["plan", "stochastic", "batch"])
    func planReports(kind: String) throws {
        let folder = switch kind {
        case "plan": PlanFixtures.plan
        case "stochastic": PlanFixtures.stochastic
        default: PlanFixtures.batch
        }
        let document = try ReportWriter.document(folder: folder)
        #expect(document.charts.contains { ["build-power-mw", "plans-power-mw"].contains($0.id) })
        Self.expectDrawn(try Browser.render(HTMLRenderer.html(document, source: kind)), charts: document.charts.count)
    }
}

/// The same browser checks on a batch with infeasible scenarios, plus the page's layout: nothing
/// wider than the window, tables scroll inside their box instead of being clipped.
@Suite("Batch report with infeasible scenarios in a real browser", .enabled(if: chromiumPath != nil, "chromium is not installed"),
       .serialized)
struct InfeasibleBatchBrowserTests {
    @Test("it loads without errors, every chart draws (lines and crosses), and the page does not overflow 1100 px")
    func infeasibleBatch() throws {
        let document = try ReportWriter.document(folder: InfeasibleBatchFixture.folder)
        let html = HTMLRenderer.html(document, source: "infeasible-batch")
        BrowserTests.expectDrawn(try Browser.render(html), charts: document.charts.count)
        // Layout: the document is no wider than the window; a wide table scrolls in its wrapper.
        let probe = """
            <script>window.addEventListener('load', function () {
              var wraps = Array.prototype.slice.call(document.querySelectorAll('.table-wrap'));
              var result = { page: document.documentElement.scrollWidth, window: window.innerWidth,
                             wraps: wraps.map(function (w) { return { client: w.clientWidth, right: w.getBoundingClientRect().right }; }) };
              var out = document.createElement('pre'); out.id = 'layout-result'; out.textContent = JSON.stringify(result);
              document.body.appendChild(out);
            });</script>
            """
        let folder = try ReportFixtures.temporaryFolder("layout")
        let page = folder.appendingPathComponent("page.html")
        try html.replacingOccurrences(of: "</head>", with: probe + "</head>").write(to: page, atomically: true, encoding: .utf8)
        let (output, _) = try Browser.run(["--dump-dom", "--virtual-time-budget=5000", page.absoluteString])
        let start = try #require(output.range(of: "<pre id=\"layout-result\">"))
        let end = try #require(output.range(of: "</pre>", range: start.upperBound..<output.endIndex))
        let json = String(output[start.upperBound..<end.lowerBound]).replacingOccurrences(of: "&quot;", with: "\"")
        let layout = try #require(try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any])
        let pageWidth = try #require(layout["page"] as? Double), window = try #require(layout["window"] as? Double)
        #expect(pageWidth <= window, "the page is \(pageWidth) px wide in a \(window) px window")
        for wrap in try #require(layout["wraps"] as? [[String: Double]]) {
            #expect(wrap["right"]! <= window + 0.5, "a table box ends at \(wrap["right"]!) px, past the window")
        }
    }
}
