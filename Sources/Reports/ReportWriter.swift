import Foundation
import Scheduling

/// `insula report`: reads a run or batch folder and writes its report, each file atomically.
public enum ReportWriter {
    public enum Format: String, Sendable, CaseIterable {
        case html, md
    }

    /// The report of a run folder (`summary.json`, `dispatch.csv`, `jobs.csv`, and a plan's
    /// `build_plan.csv`), a stochastic plan's folder (`stochastic.json`) or a batch folder
    /// (`summary.csv` starting with `scenario_id`).
    /// - Throws: `ReportInputError` for a folder that is neither, or a file that cannot be read.
    public static func document(folder: URL, window: ReportWindow? = nil) throws(ReportInputError) -> ReportDocument {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: folder.path, isDirectory: &isDirectory), isDirectory.boolValue else {
            throw ReportInputError(file: folder.relativePath, "not a folder (expected a run folder from insula solve or a batch folder)")
        }
        if BatchResults.isBatchFolder(folder) {
            if window != nil { throw ReportInputError(file: "--window", "applies to run folders only; \(folder.relativePath) is a batch") }
            return BatchReport.document(try BatchResults.read(folder: folder))
        }
        if StochasticResults.isStochasticFolder(folder) {
            if window != nil {
                throw ReportInputError(file: "--window", "applies to run folders only; \(folder.relativePath) is a stochastic plan (report on scenarios/NAME for a scenario's schedule)")
            }
            return StochasticPlanReport.document(try StochasticResults.read(folder: folder))
        }
        guard FileManager.default.fileExists(atPath: folder.appendingPathComponent("summary.json").path) else {
            throw ReportInputError(file: folder.relativePath,
                                   "neither a run folder (no summary.json), a stochastic plan (no stochastic.json) nor a batch folder (no summary.csv starting with scenario_id)")
        }
        return try RunReport.document(try RunResults.read(folder: folder), window: window)
    }

    /// Writes `document` to `output`; with `.md`, the SVG files go into `<name>-charts/` beside it.
    /// - Returns: every file written.
    @discardableResult
    public static func write(_ document: ReportDocument, to output: URL, format: Format, source: String) throws -> [URL] {
        let folder = output.deletingLastPathComponent()
        switch format {
        case .html:
            try RunWriter.write([(output.lastPathComponent, HTMLRenderer.html(document, source: source))], into: folder)
            return [output]
        case .md:
            let chartFolderName = output.deletingPathExtension().lastPathComponent + "-charts"
            let rendered = MarkdownRenderer.markdown(document, chartFolder: chartFolderName, source: source)
            let chartFolder = folder.appendingPathComponent(chartFolderName)
            // Charts first, so the Markdown never points at a chart not yet written.
            try RunWriter.write(rendered.charts, into: chartFolder)
            try RunWriter.write([(output.lastPathComponent, rendered.text)], into: folder)
            return [output] + rendered.charts.map { chartFolder.appendingPathComponent($0.name) }
        }
    }
}
