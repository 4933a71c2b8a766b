import Foundation
import Island
import Optimization
import Scheduling
import Testing
@testable import Reports
#if canImport(FoundationXML)
import FoundationXML
#endif

/// Run and batch folders made the way `insula solve` and `insula batch run` make them.
enum ReportFixtures {
    static let repositoryRoot = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    static func temporaryFolder(_ label: String) throws -> URL {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("insula-reports-\(label)-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        return folder
    }

    /// Solves a bundled site (with key-path overrides) and writes its run files as `insula solve` does.
    static func solve(_ name: String, _ overrides: [(path: String, value: YAMLNode)] = [], method: SolverMethod = .auto,
                      into folder: URL) throws -> RunSummary {
        let url = repositoryRoot.appendingPathComponent("data/sites/\(name).yaml")
        let site = try SiteLoader.resolve(try SiteDocument.read(from: url).applying(overrides: overrides))
        let outcome = try OperatingSolve.run(site, solver: SolverOptions(method: method))
        let summary = RunSummary(site: site, outcome: outcome, insulaVersion: "test")
        var files: [(name: String, contents: String)] = []
        if let schedule = outcome.schedule {
            files.append(("dispatch.csv", RunWriter.dispatchCSV(schedule)))
            files.append(("jobs.csv", RunWriter.jobsCSV(schedule)))
        }
        files.append(("summary.json", String(decoding: try RunWriter.jsonEncoder().encode(summary), as: UTF8.self)))
        files.append(("summary.csv", try RunWriter.summaryCSV(summary)))
        try RunWriter.write(files, into: folder)
        return summary
    }

    /// The bundled summer week, solved once per test process.
    static let weekRun: URL = {
        let folder = try! temporaryFolder("week")
        _ = try! solve("example-week", into: folder)
        return folder
    }()

    /// A batch folder in the `insula batch run` contract: six week-long scenarios sweeping carbon
    /// price and battery size, plus one scenario that failed.
    static let batch: URL = {
        let folder = try! temporaryFolder("batch")
        var results: [(id: String, name: String, status: String, message: String, parameters: [String], values: [String: String])] = []
        var resultColumns: [String] = []
        for price in [0, 1000] {
            for energy in [100.0, 400, 800] {
                let id = "s\(results.count + 1)"
                // One SMR module leaves nights to the grid, so carbon price and storage both move emissions.
                let summary = try! solve("example-week", [("smr.units", .number(1)), ("carbon.price_usd_per_t", .number(Double(price))),
                                                          ("batteries[0].energy_mwh", .number(energy))],
                                         method: .dual, into: folder.appendingPathComponent("runs/\(id)"))
                let csv = try! RunWriter.summaryCSV(summary).split(separator: "\n").map {
                    $0.split(separator: ",", omittingEmptySubsequences: false).map(String.init)
                }
                for column in csv[0] where !resultColumns.contains(column) { resultColumns.append(column) }
                results.append((id, "co2-\(price)-bess\(Int(energy))", summary.status, summary.message ?? "", ["\(price)", "\(Int(energy))"],
                                Dictionary(uniqueKeysWithValues: zip(csv[0], csv[1]))))
            }
        }
        results.append(("s7", "co2-5000-bess0", "infeasible", "cannot meet inference in 168 steps", ["5000", "0"], [:]))
        // KPIs first, timings (ending _seconds) last, as the batch writer orders them.
        let ordered = resultColumns.filter { !$0.hasSuffix("_seconds") } + resultColumns.filter { $0.hasSuffix("_seconds") }
        let header = BatchResults.leadingColumns + ["carbon.price_usd_per_t", "batteries[0].energy_mwh"] + ordered
        var lines = [header.joined(separator: ",")]
        for result in results {
            let fields = [result.id, result.name, result.status, result.message] + result.parameters + ordered.map { result.values[$0] ?? "" }
            lines.append(fields.map(RunWriter.csvField).joined(separator: ","))
        }
        try! (lines.joined(separator: "\n") + "\n").write(to: folder.appendingPathComponent("summary.csv"), atomically: true, encoding: .utf8)
        return folder
    }()

    /// Every `<svg ...>...</svg>` element in `html`, in order.
    static func svgElements(in html: String) -> [String] {
        var elements: [String] = []
        var rest = html[...]
        while let start = rest.range(of: "<svg "), let end = rest.range(of: "</svg>", range: start.upperBound..<rest.endIndex) {
            elements.append(String(rest[start.lowerBound..<end.upperBound]))
            rest = rest[end.upperBound...]
        }
        return elements
    }
}

/// Counts elements (by name, and by `class` attribute) while checking that a document is well-formed XML.
final class XMLCensus: NSObject, XMLParserDelegate {
    private(set) var elements: [String: Int] = [:]
    private(set) var classes: [String: Int] = [:]
    private(set) var texts: [String] = []
    private(set) var error: String?
    private var buffer = ""

    /// Parses `text`; `error` is set when it is not well-formed.
    init(_ text: String) {
        super.init()
        let parser = XMLParser(data: Data(text.utf8))
        parser.delegate = self
        if !parser.parse() { error = parser.parserError.map { "\($0)" } ?? "not well-formed" }
    }

    func parser(_ parser: XMLParser, didStartElement name: String, namespaceURI: String?, qualifiedName: String?,
                attributes: [String: String] = [:]) {
        flush()
        elements[name, default: 0] += 1
        for token in (attributes["class"] ?? "").split(separator: " ") { classes[String(token), default: 0] += 1 }
    }

    // The parser may deliver one text node in pieces (at entities and non-ASCII characters).
    func parser(_ parser: XMLParser, foundCharacters string: String) { buffer += string }

    func parser(_ parser: XMLParser, didEndElement name: String, namespaceURI: String?, qualifiedName: String?) { flush() }

    private func flush() {
        let trimmed = buffer.trimmingCharacters(in: .whitespacesAndNewlines)
        if !trimmed.isEmpty { texts.append(trimmed) }
        buffer = ""
    }

    func parser(_ parser: XMLParser, parseErrorOccurred parseError: any Error) { error = "\(parseError)" }
}
