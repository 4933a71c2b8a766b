import ArgumentParser
import Foundation
import Island
import Operations
import Optimization
import Scheduling

extension OperationOptions.CarbonBudget: ExpressibleByArgument {}
extension WarmStartRule: ExpressibleByArgument {}
extension OperationOptions.Targets: ExpressibleByArgument {}

/// `insula operate SITE.yaml --out DIR`: runs a site window by window on forecasts and writes
/// the realised dispatch, the window log and the value of perfect information.
struct OperateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "operate",
        abstract: "Operate a site on a receding horizon with forecasts; write dispatch.csv, jobs.csv, windows.csv, summary.json and manifest.json.",
        discussion: """
            Every --replan-hours, plans a --lookahead-hours window on forecasts issued then, commits its first block, realises it \
            on the realised data and carries the state into the next window (docs/operations.md). Forecasts: --forecast \
            SERIES=MODEL (series price, carbon, solar, wind, inference; model perfect, persistence or day_ahead:SIGMA in the \
            series' unit), or columns of --forecast-file. Exit 0 when every window was realised, 2 on bad input, 3 when a window \
            has no solution even with its rules relaxed.
            """
    )

    @Argument(help: "Site file (YAML).")
    var site: String

    @OptionGroup var overrides: SiteOverrides

    @Option(help: "Output folder (created if missing).")
    var out: String = "out"

    @Option(name: .customLong("replan-hours"), help: "Hours between replans: each window commits this many hours.")
    var replanHours: Double = 24

    @Option(name: .customLong("lookahead-hours"), help: "Hours each window looks ahead (at least --replan-hours).")
    var lookaheadHours: Double = 48

    @Option(name: .customLong("forecast"), help: ArgumentHelp("A series' forecast model (repeatable), e.g. price=day_ahead:15, solar=persistence; unnamed series are perfect.", valueName: "SERIES=MODEL"))
    var forecasts: [String] = []

    @Option(name: .customLong("forecast-file"), help: "CSV of forecasts: issue_utc, target_utc, then columns price:FEED, carbon:FEED, capacity_factor:PLANT, inference_mw.")
    var forecastFile: String?

    @Option(help: "Lag-one autocorrelation of day-ahead forecast errors in lead time, in [0, 1).")
    var autocorrelation = 0.9

    @Option(help: "Seed of the forecast error draws.")
    var seed: UInt64 = 1

    @Option(name: .customLong("carbon-budget"), help: "How a horizon carbon cap is spread over windows: pro_rata or shadow_price.")
    var carbonBudget: OperationOptions.CarbonBudget = .proRata

    @Option(help: "End-of-window targets: plan (from a full-horizon plan on the first forecast) or none.")
    var targets: OperationOptions.Targets = .plan

    @Flag(inversion: .prefixedNo, help: "Cross over from a window's interior point that misses the tolerances to an optimal basis (small LPs: cheaper than the dual simplex from scratch).")
    var crossover = true

    @Option(name: .customLong("warm-start"), help: "Window LPs that start their simplex from the previous window's basis: exact (plans on exact forecasts), all, or none (docs/operations.md, section 7).")
    var warmStart: WarmStartRule = .exact

    @Option(name: .customLong("ratio-margin"), help: ArgumentHelp("Plan against the intensity cap and CFE target tightened by this fraction in [0, 1) (cap x (1 - m), unmatched share x (1 - m)), a hedge against forecast errors; results are judged against the site's own limits.", valueName: "FRACTION"))
    var ratioMargin = 0.0

    @Option(help: "auto, primal, dual, interior or mip (every window and the full-horizon solves).")
    var method: SolverMethod = .auto

    @Option(help: ArgumentHelp("Operate only this sub-period of the horizon: START..END, UTC, on step boundaries.", valueName: "START..END"))
    var window: String?

    @Option(name: .customLong("window-training-energy"), help: "With --window, a clipped training job's energy: pro_rata (default) or full.")
    var windowTrainingEnergy: SiteWindow.TrainingEnergy = .proRata

    @Option(help: "Output format on stdout: text or json (the summary).")
    var format: OutputFormat = .text

    @OptionGroup var global: GlobalOptions

    func validate() throws {
        guard !out.isEmpty else { throw ValidationError("--out is empty; name a folder for the run") }
        guard replanHours > 0, replanHours.isFinite else { throw ValidationError("--replan-hours must be a positive number of hours") }
        guard lookaheadHours.isFinite, lookaheadHours >= replanHours else {
            throw ValidationError("--replan-hours (\(replanHours)) must not be longer than --lookahead-hours (\(lookaheadHours))")
        }
        guard autocorrelation >= 0, autocorrelation < 1 else { throw ValidationError("--autocorrelation must lie in [0, 1)") }
        _ = try models()
    }

    /// `--forecast` parsed, or a usage error naming the bad one.
    func models() throws -> [ForecastSeries: ErrorModel] { try Self.forecastModels(forecasts) }

    /// `SERIES=MODEL` arguments parsed, or a usage error naming the bad one.
    static func forecastModels(_ forecasts: [String]) throws -> [ForecastSeries: ErrorModel] {
        var models: [ForecastSeries: ErrorModel] = [:]
        for text in forecasts {
            let parts = text.split(separator: "=", maxSplits: 1).map(String.init)
            guard parts.count == 2, let series = ForecastSeries(rawValue: parts[0]) else {
                throw ValidationError("--forecast \(text): expected SERIES=MODEL with SERIES one of \(ForecastSeries.allCases.map(\.rawValue).joined(separator: ", "))")
            }
            guard let model = ErrorModel(parsing: parts[1]) else {
                throw ValidationError("--forecast \(text): the model must be perfect, persistence or day_ahead:SIGMA")
            }
            if case .dayAhead(let sigma) = model, !(sigma >= 0 && sigma.isFinite) {
                throw ValidationError("--forecast \(text): the error's standard deviation must be a finite number >= 0")
            }
            models[series] = model
        }
        return models
    }

    func run() throws {
        global.bootstrapLogging()
        let clock = ContinuousClock()
        let start = clock.now
        let loaded = try applyWindow(window, trainingEnergy: windowTrainingEnergy, to: loadSite(site, overrides: overrides))
        printWarnings(loaded)
        let stepHours = loaded.horizon.stepHours
        func steps(_ hours: Double, _ option: String) throws -> Int {
            let count = hours / stepHours
            guard abs(count - count.rounded()) < 1e-9, count.rounded() >= 1 else {
                throw CommandFailure(.invalidInput, "error: \(option) \(hours): must be a whole number of \(loaded.horizon.stepMinutes)-minute steps")
            }
            return Int(count.rounded())
        }
        let replan = try steps(replanHours, "--replan-hours"), lookahead = try steps(lookaheadHours, "--lookahead-hours")
        var archive: ForecastArchive?
        if let forecastFile {
            do { archive = try ForecastArchive(path: forecastFile) } catch { throw CommandFailure(.invalidInput, "error: --forecast-file \(error)") }
        }
        var solver = SolverOptions(method: method)
        solver.concurrent = false
        solver.crossover = crossover
        var options = OperationOptions(replanSteps: replan, lookaheadSteps: lookahead,
                                       forecaster: Forecaster(models: try models(), autocorrelation: autocorrelation, seed: seed, archive: archive),
                                       carbonBudget: carbonBudget, targets: targets, solver: solver)
        options.warmStart = warmStart
        guard ratioMargin.isFinite, ratioMargin >= 0, ratioMargin < 1 else {
            throw CommandFailure(.invalidInput, "error: --ratio-margin \(ratioMargin): must be at least 0 and below 1")
        }
        options.ratioMargin = ratioMargin

        let (lock, folderExisted) = try lockRunFolder(out)
        var written = false
        defer { if !written { RunFolder.abandon(lock, existedBefore: folderExisted) } }
        let run: OperationRun
        do {
            run = try RecedingHorizon.run(loaded, options: options)
        } catch let error as OperationError {
            throw CommandFailure(.invalidInput, "error: \(site): \(error)")
        } catch let error as ModelSizeError {
            throw CommandFailure(.invalidInput, "error: \(site): \(error)")
        }
        var summary = OperationSummary(site: loaded, run: run, options: options, insulaVersion: insulaVersion)
        summary.totalSeconds = (clock.now - start).seconds
        let json = String(decoding: try RunWriter.jsonEncoder().encode(summary), as: UTF8.self)
        var files: [(name: String, contents: String)] = [
            ("dispatch.csv", RunWriter.dispatchCSV(run.dispatch)),
            ("jobs.csv", RunWriter.jobsCSV(run.dispatch)),
            ("pauses.csv", RunWriter.pausesCSV(run.dispatch)),
            ("windows.csv", OperationWriter.windowsCSV(run)),
            ("summary.json", json + "\n"),
            ("manifest.json", try operateManifest(site: loaded, sitePath: site)),
        ]
        if let outages = RunWriter.smrOutagesCSV(loaded) { files.append(("smr_outages.csv", outages)) }
        try commitRunFolder(files, to: out, written: &written)
        withExtendedLifetime(lock) {}
        if format == .json {
            print(json)
        } else {
            printText(summaryText(summary))
        }
        if run.status != "completed" { throw CommandFailure(.infeasible, "error: \(run.message ?? "the run failed")") }
    }

    private func summaryText(_ summary: OperationSummary) -> String {
        let realised = summary.realised
        var lines = ["\(summary.site): \(summary.status), \(summary.windows) windows (replan \(summary.replanHours) h, look-ahead \(summary.lookaheadHours) h; \(summary.redispatchedWindows) redispatched, \(summary.relaxedWindows) relaxed)"]
        lines.append("forecast      \(summary.forecast)\(summary.forecastFile.map { ", file \($0)" } ?? "")")
        lines.append(String(format: "realised      cost %.0f USD, emissions %.1f t, training %.0f of %.0f MWh, inference %.1f %%",
                            realised.objectiveUSD, realised.emissionsTonnes, realised.trainingDeliveredMWh, realised.trainingRequiredMWh,
                            realised.inferenceServedShare * 100))
        if let perfect = summary.perfectForesight {
            lines.append(String(format: "perfect       cost %.0f USD, emissions %.1f t, training %.0f MWh, inference %.1f %%",
                                perfect.objectiveUSD, perfect.emissionsTonnes, perfect.trainingDeliveredMWh, perfect.inferenceServedShare * 100))
        } else {
            lines.append("perfect       \(summary.perfectForesightStatus)")
        }
        // `+ 0` turns a -0 (a realised cost a rounding below the optimum) into 0.
        if let value = summary.valueOfPerfectInformationUSD { lines.append(String(format: "VPI           %.0f USD", value.rounded() + 0)) }
        if let ratios = summary.carbonRatios {
            var parts: [String] = []
            if let cap = ratios.intensityCapGramsPerKWhIT, let value = ratios.intensityGramsPerKWhIT {
                parts.append(String(format: "intensity %.2f g/kWh IT (cap %g, ", value, cap) + (ratios.intensityCapMet == true ? "met)" : "exceeded)"))
            }
            if let target = ratios.cfeTargetShare, let share = ratios.cfeShare {
                parts.append(String(format: "CFE %.2f %% (target %g %%, ", share * 100, target * 100) + (ratios.cfeTargetMet == true ? "met)" : "missed)"))
            }
            lines.append("ratios        " + parts.joined(separator: ", ") + "; \(ratios.relaxedWindows) windows relaxed them")
        }
        lines.append(String(format: "time          windows %.2f s, full-horizon solves %.2f s, total %.2f s",
                            summary.windowSolveSeconds, summary.fullSolveSeconds, summary.totalSeconds))
        lines.append("written to    \(out)/")
        return lines.joined(separator: "\n")
    }
}

private func operateManifest(site loaded: Site, sitePath site: String) throws -> String {
    struct Input: Encodable { let path: String; let sha256: String }
    struct Manifest: Encodable {
        let command: [String]
        let site: String
        let inputs: [Input]
        let overrides: [String]
        let inputsSHA256: String
        let insulaVersion: String
        let glpkVersion: String
        enum CodingKeys: String, CodingKey {
            case command, site, inputs, overrides
            case inputsSHA256 = "inputs_sha256", insulaVersion = "insula_version", glpkVersion = "glpk_version"
        }
    }
    let value = Manifest(command: CommandLine.arguments, site: site, inputs: loaded.inputFiles.map { Input(path: $0.path, sha256: $0.sha256) },
                         overrides: loaded.overrides, inputsSHA256: loaded.inputsSHA256, insulaVersion: insulaVersion,
                         glpkVersion: GLPKEnvironment.version)
    return String(decoding: try RunWriter.jsonEncoder().encode(value), as: UTF8.self) + "\n"
}
