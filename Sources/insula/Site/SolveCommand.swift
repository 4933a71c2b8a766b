import ArgumentParser
import Foundation
import Island
import Optimization
import Scheduling

/// `insula solve SITE.yaml --out DIR`: schedules a site and writes its dispatch and KPIs.
struct SolveCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "solve",
        abstract: "Schedule a site at least cost and write dispatch.csv, jobs.csv, summary.json/csv and manifest.json.",
        discussion: "Exit 0 when optimal, 3 when infeasible (after explaining why, also in infeasibility.json), 4 at a solver limit."
    )

    @Argument(help: "Site file (YAML).")
    var site: String

    @OptionGroup var overrides: SiteOverrides

    @Option(help: "Output folder (created if missing).")
    var out: String = "out"

    @OptionGroup var solver: SolverArguments

    @Option(help: "Output format on stdout: text or json (the summary).")
    var format: OutputFormat = .text

    @Option(name: .customLong("max-nonzeros"), help: "Refuse sites whose LP would exceed this many coefficients.")
    var maximumNonzeros = 20_000_000

    @OptionGroup(title: "Thermal check") var thermal: ThermalCheckArguments

    @Option(name: .customLong("dump-inputs"), help: "Also write the resolved inputs (every series after alignment, all parameters) as JSON to this file.")
    var dumpInputs: String?

    @Option(help: ArgumentHelp("Solve only this sub-period of the horizon: START..END, UTC, on step boundaries (training jobs clipped to it, outages outside it ignored).", valueName: "START..END"))
    var window: String?

    @Option(name: .customLong("window-training-energy"), help: "With --window, a clipped training job's energy: pro_rata (its share inside the window, default) or full.")
    var windowTrainingEnergy: SiteWindow.TrainingEnergy = .proRata

    @OptionGroup var global: GlobalOptions

    func validate() throws {
        guard !out.isEmpty else { throw ValidationError("--out is empty; name a folder for the run") }
    }

    func run() throws {
        global.bootstrapLogging()
        let clock = ContinuousClock()
        let start = clock.now
        if let dumpInputs { try checkOutputFile(dumpInputs, option: "--dump-inputs") }
        let loaded = try applyWindow(window, trainingEnergy: windowTrainingEnergy, to: loadSite(site, overrides: overrides))
        printWarnings(loaded)
        if loaded.plansCapacity {
            let keys = loaded.expansions.map { "\($0.key)" }.joined(separator: ", ")
            throw CommandFailure(.invalidInput, "error: \(site): the site sizes capacity (build sections: \(keys)); run `insula plan \(site)`, which chooses what to build and writes build_plan.csv")
        }
        if let dumpInputs { try writeInputDump(loaded, to: dumpInputs) }
        // One writer per run folder, taken before the solve so a second run is refused at once.
        let (lock, folderExisted) = try lockRunFolder(out)
        var written = false
        defer { if !written { RunFolder.abandon(lock, existedBefore: folderExisted) } }
        let outcome: OperatingSolve.Outcome
        let progress = SolveProgressLine.forTerminal(verbose: global.verbose)
        defer { progress?.finish() }
        var solverOptions = solver.options
        solverOptions.progress = progress?.callback
        do {
            outcome = try OperatingSolve.run(loaded, solver: solverOptions,
                                       compile: CompileOptions(maximumNonzeros: maximumNonzeros),
                                       thermalCheck: thermal.options)
        } catch let error as ModelSizeError {
            throw CommandFailure(.invalidInput, "error: \(site): \(error)")
        } catch let error as ThermalModelError {
            throw CommandFailure(.invalidInput, "error: \(site): thermal: \(error)")
        }
        var attributed = outcome
        if loaded.flexibility?.demandResponse.isEmpty == false {
            // What delivered each event: the same site solved without its contracts (docs/results-schema.md, events.csv).
            attributed = try DemandResponseAttribution.attribute(outcome, site: loaded, solver: solver.options,
                                                                 compile: CompileOptions(maximumNonzeros: maximumNonzeros))
        }
        var extraLines: [String] = []
        if let totals = attributed.schedule?.demandResponse?.totals {
            extraLines.append("flexibility   \(totals.contracts) contract(s), \(totals.eventsDelivered) of \(totals.events) event(s) delivered, "
                              + String(format: "%.0f MW committed, payment %.0f USD, penalty %.0f USD", totals.committedMW, totals.paymentUSD, totals.penaltyUSD)
                              + (totals.netValueUSD.map { String(format: ", worth %.0f USD (events.csv)", $0) } ?? " (events.csv)"))
        }
        try writeRunFolder(site: loaded, sitePath: site, outcome: attributed, out: out, format: format, clock: clock, start: start,
                           extraLines: extraLines, written: &written)
        withExtendedLifetime(lock) {}
    }
}

/// Writes a locked run folder's files in one go (``RunFolder/write(_:to:)``) and marks the run
/// `written`, so that the caller's deferred abandon keeps it; a failure names the folder.
func commitRunFolder(_ files: [(name: String, contents: String)], to out: String, written: inout Bool) throws {
    do {
        try RunFolder.write(files, to: URL(fileURLWithPath: out))
        written = true
    } catch {
        throw CommandFailure.writing(out, error)
    }
}

/// Takes the run folder `out` for this process (``RunFolder/prepare(_:)``: one writer per
/// folder), before any solve so that a second run is refused at once. Returns the lock and
/// whether the folder existed (a run that fails leaves a new folder absent again).
func lockRunFolder(_ out: String) throws -> (OutputLock, existed: Bool) {
    let existed = FileManager.default.fileExists(atPath: out)
    do {
        return (try RunFolder.prepare(out), existed)
    } catch {
        throw CommandFailure.writing(out, error, what: "cannot be used as the run folder")
    }
}

/// Writes a run's files (dispatch, jobs, infeasibility, summary, manifest and `extraFiles`)
/// into `out` atomically, prints the summary, and exits non-zero unless optimal.
/// The caller holds the folder's lock (``RunFolder/prepare(_:)``); `written` turns true once
/// the run is in place, so that the caller's cleanup leaves it.
func writeRunFolder(site loaded: Site, sitePath site: String, outcome: OperatingSolve.Outcome, out: String, format: OutputFormat,
                    clock: ContinuousClock, start: ContinuousClock.Instant, extraFiles: [(name: String, contents: String)] = [],
                    extraLines: [String] = [], aggregation: AggregationSummary? = nil, written: inout Bool) throws {
    var summary = RunSummary(site: loaded, outcome: outcome, insulaVersion: insulaVersion)
    summary.aggregation = aggregation
    let writeStart = clock.now
    var files: [(name: String, contents: String)] = []
    if let schedule = outcome.schedule {
        files.append(("dispatch.csv", RunWriter.dispatchCSV(schedule)))
        files.append(("jobs.csv", RunWriter.jobsCSV(schedule)))
        if let demandResponse = schedule.demandResponse { files.append(("events.csv", demandResponse.eventsCSV())) }
        files.append(("pauses.csv", RunWriter.pausesCSV(schedule)))
    }
    // Planned and drawn forced SMR outages, whatever the solve's outcome (an infeasible draw is worth reading).
    if let outages = RunWriter.smrOutagesCSV(loaded) { files.append(("smr_outages.csv", outages)) }
    if let report = outcome.infeasibility {
        files.append(("infeasibility.json", String(decoding: try RunWriter.jsonEncoder().encode(report), as: UTF8.self) + "\n"))
    }
    files += extraFiles
    summary.writeSeconds = (clock.now - writeStart).seconds
    summary.totalSeconds = (clock.now - start).seconds
    let json = String(decoding: try RunWriter.jsonEncoder().encode(summary), as: UTF8.self)
    files.append(("summary.json", json + "\n"))
    files.append(("summary.csv", try RunWriter.summaryCSV(summary)))
    files.append(("manifest.json", try manifest(site: loaded, sitePath: site)))
    try commitRunFolder(files, to: out, written: &written)

    if format == .json {
        print(json)
    } else {
        printText(summaryText(summary: summary, outcome: outcome, out: out, extraLines: extraLines))
    }
    if let report = outcome.infeasibility { writeToStandardError("infeasible: \(report.text)") }
    let code = InsulaExitCode(outcome.result.status)
    if code != .success { throw CommandFailure(code, "") }
}

func manifest(site loaded: Site, sitePath site: String) throws -> String {
    struct Input: Encodable { let path: String; let sha256: String }
    /// The forced-outage draw applied (docs/risk.md): enough to reproduce it.
    struct ForcedOutages: Encodable {
        let forcedOutageRate: Double
        let meanTimeToRepairHours: Double
        let seed: UInt64
        let draw: Int
        let generator = "SplitMix64, stream mix(mix(mix(seed) ^ draw) ^ unit)"
        /// Forced outages of the draw overlapping the solved horizon (`smr_outages.csv`, kind forced).
        let outages: Int
        let unitHours: Double
        enum CodingKeys: String, CodingKey {
            case seed, draw, generator, outages
            case forcedOutageRate = "forced_outage_rate", meanTimeToRepairHours = "mean_time_to_repair_hours"
            case unitHours = "unit_hours_in_horizon"
        }
    }
    struct Manifest: Encodable {
        let command: [String]
        let site: String
        let inputs: [Input]
        let overrides: [String]
        let warnings: [String]
        let inputsSHA256: String
        let insulaVersion: String
        let glpkVersion: String
        let smrForcedOutages: ForcedOutages?
        enum CodingKeys: String, CodingKey {
            case command, site, inputs, overrides, warnings
            case inputsSHA256 = "inputs_sha256", insulaVersion = "insula_version", glpkVersion = "glpk_version"
            case smrForcedOutages = "smr_forced_outages"
        }
    }
    var forced: ForcedOutages?
    if let fleet = loaded.smr, let model = fleet.forcedOutages, let draw = model.draw {
        let drawn = fleet.outages.filter { $0.kind == .forced }
        let hours = drawn.reduce(0) { $0 + $1.hours(insideEpochSeconds: loaded.horizon.startEpochSeconds, loaded.horizon.endEpochSeconds) }
        forced = ForcedOutages(forcedOutageRate: model.rate, meanTimeToRepairHours: model.meanTimeToRepairHours, seed: model.seed,
                               draw: draw, outages: drawn.count, unitHours: hours)
    }
    let value = Manifest(command: CommandLine.arguments, site: site,
                         inputs: loaded.inputFiles.map { Input(path: $0.path, sha256: $0.sha256) }, overrides: loaded.overrides,
                         warnings: loaded.warnings.map(\.description), inputsSHA256: loaded.inputsSHA256, insulaVersion: insulaVersion,
                         glpkVersion: GLPKEnvironment.version, smrForcedOutages: forced)
    return String(decoding: try RunWriter.jsonEncoder().encode(value), as: UTF8.self) + "\n"
}

private func summaryText(summary: RunSummary, outcome: OperatingSolve.Outcome, out: String, extraLines: [String]) -> String {
    var lines = ["\(summary.site): \(summary.status) (\(summary.method), \(summary.iterations) iterations)"]
    if let k = summary.kpis {
        lines += [
            "cost          \(String(format: "%.0f", k.objectiveUSD)) USD",
            "energy        SMR \(mwh(k.smrEnergyMWh)), grid \(mwh(k.gridImportMWh)) in / \(mwh(k.gridExportMWh)) out, solar \(mwh(k.solarEnergyMWh)), wind \(mwh(k.windEnergyMWh)), backup \(mwh(k.backupEnergyMWh))",
            "IT            \(mwh(k.itEnergyMWh)) (inference served \(percent(k.inferenceServedShare)), training delivered \(percent(k.trainingDeliveredShare)))",
            "cooling       \(mwh(k.coolingEnergyMWh)), losses \(mwh(k.lossesEnergyMWh)), PUE \(String(format: "%.3f", k.pue))",
            "emissions     \(String(format: "%.0f", k.emissionsTonnes)) t (\(String(format: "%.1f", k.carbonIntensityGramsPerKWhIT)) g/kWh of IT energy), CFE score \(percent(k.cfeScore))",
        ]
    }
    lines += extraLines
    if let check = outcome.thermal {
        lines.append("thermal       \(check.rounds) round(s), hottest die \(String(format: "%.2f", check.maxDieC)) C, "
                     + "\(check.violationsFound) step(s) above the limit found, \(check.violationsFixed) fixed, \(check.violationsRemaining) remaining "
                     + "(simulation \(seconds(check.simulationSeconds)))")
    }
    lines.append("model         \(summary.rows) rows, \(summary.columns) columns, \(summary.nonzeros) non-zeros")
    lines.append("time          build \(seconds(summary.buildSeconds)), solve \(seconds(summary.solveSeconds)), total \(seconds(summary.totalSeconds))")
    lines.append("written to    \(out)/")
    return lines.joined(separator: "\n")
}

private func mwh(_ value: Double) -> String { String(format: "%.0f MWh", value) }
private func percent(_ value: Double) -> String { String(format: "%.1f %%", value * 100) }
private func seconds(_ value: Double) -> String { String(format: "%.2f s", value) }
