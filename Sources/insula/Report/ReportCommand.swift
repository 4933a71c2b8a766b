import ArgumentParser
import Foundation
import Reports

/// `insula report RUN_DIR|BATCH_DIR -o REPORT.html`: charts and tables an analyst reads a run or batch by.
struct ReportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "report",
        abstract: "Write a self-contained HTML (or Markdown + SVG) report of a run or batch folder.",
        discussion: """
            A run folder is what `insula solve --out DIR` or `insula plan --out DIR` wrote (a plan adds \
            its build, cost stack and module counts); a stochastic plan's folder holds stochastic.json; \
            a batch folder holds a summary.csv starting with scenario_id (and build_plans.csv for plans). \
            Exit 2 when the folder or a file in it cannot be read.
            """
    )

    @Argument(help: "Run folder (from insula solve or plan), stochastic plan folder, or batch folder.")
    var folder: String

    @Option(name: [.short, .customLong("output")], help: "Report file to write (e.g. report.html or report.md).")
    var output: String

    @Option(help: "Stretch drawn at full resolution, START..END (END exclusive, UTC), e.g. 2025-07-10..2025-07-17. Default: 7 days from the first day with training.")
    var window: String?

    @Option(help: "html (one self-contained file) or md (Markdown with SVG files in <name>-charts/ beside it).")
    var format: ReportWriter.Format = .html

    @OptionGroup var global: GlobalOptions

    func run() throws {
        global.bootstrapLogging()
        try checkOutputFile(output, option: "-o")
        let clock = ContinuousClock()
        let start = clock.now
        var parsedWindow: ReportWindow?
        if let window {
            guard let parsed = ReportWindow(parsing: window) else {
                throw CommandFailure(.invalidInput, "error: --window \(window): expected START..END with END after START, e.g. 2025-07-10..2025-07-17")
            }
            parsedWindow = parsed
        }
        let document: ReportDocument
        do {
            document = try ReportWriter.document(folder: URL(fileURLWithPath: folder), window: parsedWindow)
        } catch {
            throw CommandFailure(.invalidInput, "error: \(error)")
        }
        let files: [URL]
        do {
            files = try ReportWriter.write(document, to: URL(fileURLWithPath: output), format: format, source: folder)
        } catch {
            throw CommandFailure.writing(output, error, what: "could not be written")
        }
        let bytes = files.compactMap { try? FileManager.default.attributesOfItem(atPath: $0.path)[.size] as? Int }.reduce(0, +)
        print("\(output): \(document.charts.count) charts, \(files.count) file\(files.count == 1 ? "" : "s"), "
              + "\(bytes / 1024) KiB, \(String(format: "%.2f", (clock.now - start).seconds)) s")
    }
}

extension ReportWriter.Format: ExpressibleByArgument {}
