import ArgumentParser
import Foundation
import Island
import Scheduling

/// `insula thermal ...`: rack temperatures for analysts.
struct ThermalCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "thermal",
        abstract: "Rack thermal simulation of a solved schedule.",
        subcommands: [ThermalSimulateCommand.self]
    )
}

/// `insula thermal simulate SITE --schedule DIR/dispatch.csv --window START..END --step-seconds S --out FILE.csv`
struct ThermalSimulateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "simulate",
        abstract: "Simulate every rack of a site through a window of a schedule and write the site's temperatures over time.",
        discussion: """
            Racks are allocated as in `solve --thermal-check`: training racks first, then inference racks, each class \
            packed onto as few racks as the step's rack cap (it_capacity_mw / racks) allows; idle racks share idle_mw. \
            Writes one row per time step: timestamp_utc, facility_supply_c, max_die_c, heat_to_plant_mw, rack_power_mw.
            """
    )

    @Argument(help: "Site file (YAML) with a thermal section.")
    var site: String

    @OptionGroup var overrides: SiteOverrides

    @Option(help: "dispatch.csv written by `insula solve` for this site.")
    var schedule: String

    @Option(help: "UTC window START..END, e.g. 2025-07-14T00:00Z..2025-07-15T00:00Z (whole schedule steps; default: all).")
    var window: String?

    @Option(name: .customLong("step-seconds"), help: "Time step of the simulation, s.")
    var stepSeconds = 1.0

    @Option(name: [.customShort("o"), .long], help: "Output CSV file.")
    var out: String

    @Option(name: .customLong("racks-out"), help: "Also write one row per rack: max_die_c, seconds_above_limit, max_return_c.")
    var racksOut: String?

    @OptionGroup var global: GlobalOptions

    func validate() throws {
        guard stepSeconds.isFinite, stepSeconds > 0, stepSeconds <= 3600 else {
            throw ValidationError("--step-seconds must be in (0, 3600]")
        }
    }

    func run() throws {
        global.bootstrapLogging()
        try checkOutputFile(out, option: "-o")
        if let racksOut { try checkOutputFile(racksOut, option: "--racks-out") }
        let loaded = try loadSite(site, overrides: overrides)
        let model: SiteThermalModel
        do {
            model = try SiteThermalModel(site: loaded)
        } catch {
            throw CommandFailure(.invalidInput, "error: \(site): thermal: \(error)")
        }
        let powers = try DispatchFile.read(schedule, horizon: loaded.horizon)
        let steps = try window.map { try DispatchFile.window($0, horizon: loaded.horizon) } ?? 0..<loaded.horizon.steps

        var text = "timestamp_utc,facility_supply_c,max_die_c,heat_to_plant_mw,rack_power_mw\n"
        let summary = try ScheduleThermalSimulation.run(model: model, powers: powers, window: steps,
                                                        stepMinutes: loaded.horizon.stepMinutes, stepSeconds: stepSeconds) { sample in
            let epoch = Double(loaded.horizon.epochSeconds(sample.step)) + sample.secondsIntoStep
            text += DispatchFile.timestamp(epoch) + ","
                + [sample.facilitySupplyC, sample.maxDieC, sample.heatToPlantMW, sample.rackPowerMW].map { String(format: "%.6f", $0) }
                    .joined(separator: ",") + "\n"
        }
        var files = [(out, text)]
        if let racksOut {
            var racks = "rack,max_die_c,seconds_above_limit,max_return_c\n"
            for (index, rack) in summary.racks.enumerated() {
                racks += "\(index)," + [rack.maxDieC, rack.secondsAboveLimit, rack.maxReturnC].map { String(format: "%.6f", $0) }
                    .joined(separator: ",") + "\n"
            }
            files.append((racksOut, racks))
        }
        for (path, contents) in files {
            try writeAtomically(Data(contents.utf8), to: URL(fileURLWithPath: path))
        }
        printText("\(loaded.name): \(steps.count) step(s) from \(loaded.horizon.label(steps.lowerBound)), \(model.rackCount) racks at \(formatNumber(stepSeconds)) s: "
              + "hottest die \(String(format: "%.2f", summary.maxDieC)) C (limit \(formatNumber(model.dieLimitC)) C), "
              + "\(summary.racksAboveLimit) rack(s) above the limit (longest \(formatNumber(summary.maxSecondsAboveLimit)) s); "
              + "\(String(format: "%.2e", summary.nodeSteps / max(summary.seconds, 1e-9))) node-steps/s; written to \(out)")
    }
}

/// Reading a `dispatch.csv` back for the thermal simulation.
enum DispatchFile {
    static let columns = ["timestamp", "training_mw", "inference_mw", "idle_mw", "it_capacity_mw"]

    /// The power split of every step, checked against the site's horizon row by row.
    static func read(_ path: String, horizon: Horizon) throws -> [ScheduleThermalSimulation.StepPower] {
        guard let data = FileManager.default.contents(atPath: path), let text = String(data: data, encoding: .utf8) else {
            throw CommandFailure(.invalidInput, "error: \(path): cannot read the schedule file")
        }
        let lines = text.split(whereSeparator: \.isNewline)
        guard let header = lines.first?.split(separator: ",", omittingEmptySubsequences: false).map(String.init) else {
            throw CommandFailure(.invalidInput, "error: \(path): empty file (expected dispatch.csv from insula solve)")
        }
        var index: [String: Int] = [:]
        for name in columns {
            guard let column = header.firstIndex(of: name) else {
                throw CommandFailure(.invalidInput, "error: \(path): no column \(name) (expected dispatch.csv from insula solve)")
            }
            index[name] = column
        }
        guard lines.count - 1 == horizon.steps else {
            throw CommandFailure(.invalidInput, "error: \(path): \(lines.count - 1) rows for a site of \(horizon.steps) steps (solve and simulate the same site)")
        }
        return try lines.dropFirst().enumerated().map { row, line in
            let cells = line.split(separator: ",", omittingEmptySubsequences: false)
            let lineNumber = row + 2
            guard cells.count == header.count else {
                throw CommandFailure(.invalidInput, "error: \(path):\(lineNumber): \(cells.count) cells, header has \(header.count)")
            }
            guard String(cells[index["timestamp"]!]) == horizon.label(row) else {
                throw CommandFailure(.invalidInput, "error: \(path):\(lineNumber): timestamp \(cells[index["timestamp"]!]) but the site's step \(row) is \(horizon.label(row))")
            }
            func value(_ name: String) throws -> Double {
                let cell = cells[index[name]!]
                guard let number = Double(cell), number.isFinite, number >= 0 else {
                    throw CommandFailure(.invalidInput, "error: \(path):\(lineNumber): \(name): expected a non-negative number, got \"\(cell)\"")
                }
                return number
            }
            return .init(trainingMW: try value("training_mw"), inferenceMW: try value("inference_mw"),
                         idleMW: try value("idle_mw"), itCapacityMW: try value("it_capacity_mw"))
        }
    }

    /// `START..END` (UTC) as a range of whole steps of `horizon`.
    static func window(_ text: String, horizon: Horizon) throws -> Range<Int> {
        let parts = text.components(separatedBy: "..")
        guard parts.count == 2, let start = epoch(parts[0]), let end = epoch(parts[1]) else {
            throw CommandFailure(.invalidInput, "error: --window \(text): expected START..END in UTC, e.g. 2025-07-14T00:00Z..2025-07-15T00:00Z")
        }
        let first = (start - horizon.startEpochSeconds) / horizon.stepSeconds
        let last = (end - horizon.startEpochSeconds + horizon.stepSeconds - 1) / horizon.stepSeconds
        guard start < end, start >= horizon.startEpochSeconds, end <= horizon.endEpochSeconds else {
            throw CommandFailure(.invalidInput, "error: --window \(text): must be a non-empty window inside the horizon \(horizon.label(0)) to \(Horizon.format(epochSeconds: horizon.endEpochSeconds))")
        }
        return Int(first)..<Int(last)
    }

    /// `YYYY-MM-DD`, `YYYY-MM-DDTHH:MM[:SS][Z]`, read in UTC.
    static func epoch(_ text: String) -> Int64? {
        var value = text.trimmingCharacters(in: .whitespaces)
        if value.hasSuffix("Z") { value.removeLast() }
        let pieces = value.split(separator: "T", omittingEmptySubsequences: false)
        let date = pieces[0].split(separator: "-").compactMap { Int($0) }
        let time = pieces.count > 1 ? pieces[1].split(separator: ":").compactMap { Int($0) } : [0, 0]
        guard pieces.count <= 2, date.count == 3, (2...3).contains(time.count) else { return nil }
        var components = DateComponents()
        (components.year, components.month, components.day) = (date[0], date[1], date[2])
        (components.hour, components.minute, components.second) = (time[0], time[1], time.count == 3 ? time[2] : 0)
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC")!
        guard components.isValidDate(in: calendar), let parsed = calendar.date(from: components) else { return nil }
        return Int64(parsed.timeIntervalSince1970)
    }

    /// ISO 8601 UTC with seconds: `2025-07-14T00:00:01Z`.
    static func timestamp(_ epochSeconds: Double) -> String {
        let whole = Int64(epochSeconds.rounded())
        let second = ((whole % 60) + 60) % 60
        // Horizon.format gives minutes ("2025-07-14T00:00Z"); add the seconds before the Z.
        return String(Horizon.format(epochSeconds: whole - second).dropLast()) + String(format: ":%02dZ", second)
    }
}
