import ArgumentParser
import Foundation
import Island

/// `insula data ...`: look at data files before using them in a site.
struct DataCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "data",
        abstract: "Inspect data files (prices, carbon intensity, weather); turn request traces into load profiles.",
        subcommands: [DataInspectCommand.self, DataProfileCommand.self]
    )
}

/// `insula data inspect FILE`: what Insula reads from a file.
struct DataInspectCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "inspect",
        abstract: "Print a data file's detected format, period, step, time zone, gaps and min/mean/max per column.",
        discussion: """
            Formats: Electricity Maps CSV, day-ahead price CSV (Datetime + Price (...)), EnergyPlus EPW, \
            Open-Meteo JSON, NREL NSRDB and PVWatts CSV (metadata lines, split date and time columns), \
            and any CSV with a timestamp column. Exit 2 when the file cannot be read.
            """
    )

    @Argument(help: "Data file (CSV, NSRDB, PVWatts, EPW or Open-Meteo JSON).")
    var file: String

    @Option(help: "Time zone of naive CSV timestamps: UTC (default), an offset like +01:00, or an IANA name like Europe/Paris.")
    var timezone: String?

    @Option(help: "text or json.")
    var format: OutputFormat = .text

    @OptionGroup var global: GlobalOptions

    func run() throws {
        global.bootstrapLogging()
        var zone: TimeZoneSpec?
        if let timezone {
            guard let parsed = TimeZoneSpec(parsing: timezone) else {
                throw CommandFailure(.invalidInput, "error: --timezone \(timezone): unknown time zone (use UTC, +01:00 or an IANA name like Europe/Paris)")
            }
            zone = parsed
        }
        let inspection: DataInspection
        do {
            inspection = try DataInspector.inspect(url: URL(fileURLWithPath: file), display: file, timeZone: zone)
        } catch {
            throw CommandFailure(.invalidInput, "error: \(error)")
        }
        printText(format == .json ? try encodeJSON(inspection) : text(inspection))
    }

    private func text(_ inspection: DataInspection) -> String {
        var lines = [
            "file        \(inspection.file)",
            "format      \(inspection.format)",
            "rows        \(inspection.rows)" + (inspection.timestampColumn.map { " (time from \($0))" } ?? ""),
            "time zone   \(inspection.timeZone)",
        ]
        if let period = inspection.period {
            lines.append("period      \(period)")
        } else if let first = inspection.firstUTC, let last = inspection.lastUTC {
            lines.append("period      \(first) to \(last) (step starts, UTC)")
        }
        lines.append("step        " + (inspection.stepMinutes.map { "\($0) min" } ?? "unknown"))
        lines.append("gaps        " + (inspection.gaps.isEmpty ? "none" : "\(inspection.missingSteps) missing steps in \(inspection.gaps.count) gap(s)"))
        for gap in inspection.gaps.prefix(10) {
            lines.append("              \(gap.fromUTC) to \(gap.toUTC): \(gap.missingSteps) step(s)")
        }
        if inspection.gaps.count > 10 { lines.append("              ... \(inspection.gaps.count - 10) more") }
        if !inspection.duplicates.isEmpty {
            lines.append("duplicates  \(inspection.duplicates.count): " + inspection.duplicates.prefix(5).joined(separator: ", "))
        }
        if !inspection.nonexistentLocalTimes.isEmpty {
            lines.append("non-existent local times (daylight-saving gap): " + inspection.nonexistentLocalTimes.prefix(5).joined(separator: ", "))
        }
        if inspection.unreadableTimestamps > 0 { lines.append("unreadable timestamps: \(inspection.unreadableTimestamps)") }
        lines.append("")
        // The unit follows the name unless the name already carries it, as in "Price (EUR/MWh)".
        func label(_ column: DataInspection.Column) -> String {
            guard let unit = column.unit, !column.name.contains(unit) else { return column.name }
            return "\(column.name) (\(unit))"
        }
        let width = max(6, inspection.columns.map { label($0).count }.max() ?? 6)
        lines.append("column".padding(toLength: width, withPad: " ", startingAt: 0) + "         min         mean          max   count  missing  negative")
        for column in inspection.columns {
            let name = label(column)
            func cell(_ value: Double?) -> String {
                let text = value.map { String(format: "%.2f", $0) } ?? "-"
                return String(repeating: " ", count: max(0, 12 - text.count)) + text
            }
            lines.append(name.padding(toLength: width, withPad: " ", startingAt: 0) + " " + cell(column.minimum) + " " + cell(column.mean)
                         + " " + cell(column.maximum) + String(format: " %7d %8d %9d", column.count, column.missing, column.negative))
        }
        for note in inspection.notes { lines.append("note: \(note)") }
        return lines.joined(separator: "\n")
    }
}
