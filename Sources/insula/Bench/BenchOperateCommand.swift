import ArgumentParser
import Foundation
import Island
import Operations
import Optimization
import Scheduling

/// `insula bench operate`: a receding-horizon run timed window by window, beside the
/// perfect-foresight solve of the same period in the same process.
struct BenchOperateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "operate",
        abstract: "Benchmark receding-horizon operation (release build): a year of hourly replanning with a 48-hour look-ahead.",
        discussion: """
        Per forecast case: windows and LPs solved, the seconds in windows split into compiling, \
        the solver (load + solve) and the rest (cutting and forecasting windows, reading schedules, \
        carrying state), milliseconds per window, and the full-horizon solves (perfect foresight, \
        and the target plan on forecasts) with the ratio of window seconds to the perfect-foresight \
        solve. Target (issue 13): a full year, hourly replans, 48-hour windows, under 60 s of \
        window seconds on the 2-core machine.
        """
    )

    @Argument(help: "Site file (default: data/sites/example.yaml).")
    var site = "data/sites/example.yaml"

    @OptionGroup var overrides: SiteOverrides

    @Option(name: .customLong("replan-hours"), help: "Hours between replans.")
    var replanHours: Double = 1

    @Option(name: .customLong("lookahead-hours"), help: "Hours each window looks ahead.")
    var lookaheadHours: Double = 48

    @Option(name: .customLong("case"), help: ArgumentHelp("A forecast case (repeatable): perfect, or comma-separated SERIES=MODEL as in operate --forecast.", valueName: "CASE"))
    var cases: [String] = ["perfect", "price=day_ahead:15"]

    @Option(help: ArgumentHelp("Time only this sub-period: START..END, UTC.", valueName: "START..END"))
    var window: String?

    @Flag(inversion: .prefixedNo, help: "Cross over from a window's interior point that misses the tolerances to an optimal basis (small LPs: cheaper than the dual simplex from scratch).")
    var crossover = true

    @Option(name: .customLong("warm-start"), help: "Window LPs that start their simplex from the previous window's basis: exact (plans on exact forecasts), all, or none.")
    var warmStart: WarmStartRule = .exact

    @Option(help: "auto, primal, dual, interior or mip (every window).")
    var method: SolverMethod = .auto

    @Option(help: "Output format: text or json.")
    var format: OutputFormat = .text

    @OptionGroup var global: GlobalOptions

    struct Row: Encodable {
        var site: String
        var forecast: String
        var status: String
        var windows: Int
        var lps: Int
        var windowSeconds: Double
        var compileSeconds: Double
        var solverSeconds: Double
        var otherSeconds: Double
        var millisecondsPerWindow: Double
        var fullHorizonSeconds: Double
        var perfectForesightSeconds: Double
        var ratio: Double
        var valueOfPerfectInformationUSD: Double?
        enum CodingKeys: String, CodingKey {
            case site, forecast, status, windows, lps, ratio
            case windowSeconds = "window_seconds", compileSeconds = "compile_seconds", solverSeconds = "solver_seconds"
            case otherSeconds = "other_seconds", millisecondsPerWindow = "milliseconds_per_window"
            case fullHorizonSeconds = "full_horizon_seconds", perfectForesightSeconds = "perfect_foresight_seconds"
            case valueOfPerfectInformationUSD = "value_of_perfect_information_usd"
        }
    }

    func run() throws {
        global.bootstrapLogging()
        let loaded = try applyWindow(window, trainingEnergy: .proRata, to: loadSite(site, overrides: overrides))
        let stepHours = loaded.horizon.stepHours
        func steps(_ hours: Double, _ option: String) throws -> Int {
            let count = hours / stepHours
            guard hours.isFinite, abs(count - count.rounded()) < 1e-9, count.rounded() >= 1 else {
                throw CommandFailure(.invalidInput, "error: \(option) \(hours): must be a whole number of \(loaded.horizon.stepMinutes)-minute steps")
            }
            return Int(count.rounded())
        }
        let replan = try steps(replanHours, "--replan-hours"), lookahead = try steps(lookaheadHours, "--lookahead-hours")
        guard lookahead >= replan else { throw CommandFailure(.invalidInput, "error: --replan-hours must not be longer than --lookahead-hours") }
        var solver = SolverOptions(method: method)
        solver.concurrent = false
        solver.crossover = crossover

        // The reference: the perfect-foresight solve of the same period, in this process.
        log("solving \(site) with perfect foresight ...")
        let clock = ContinuousClock()
        let referenceStart = clock.now
        let reference = try OperatingSolve.run(loaded, solver: solver)
        let perfectSeconds = (clock.now - referenceStart).seconds
        guard reference.result.status == .optimal else {
            throw CommandFailure(.infeasible, "error: \(site): the perfect-foresight solve is \(reference.result.status.rawValue)")
        }

        var rows: [Row] = []
        for text in cases {
            let models: [ForecastSeries: ErrorModel]
            do {
                models = text == "perfect" ? [:] : try OperateCommand.forecastModels(text.split(separator: ",").map(String.init))
            } catch {
                throw CommandFailure(.invalidInput, "error: --case \(text): \(error)")
            }
            var options = OperationOptions(replanSteps: replan, lookaheadSteps: lookahead,
                                           forecaster: Forecaster(models: models), solver: solver)
            options.warmStart = warmStart
            log("operating \(site), forecast \(text) ...")
            let run: OperationRun
            do { run = try RecedingHorizon.run(loaded, options: options) } catch let error as OperationError {
                throw CommandFailure(.invalidInput, "error: \(site): \(error)")
            }
            let other = run.windowSolveSeconds - run.windowCompileSeconds - run.windowSolverSeconds
            var vpi: Double?
            if let perfect = run.perfectForesight { vpi = run.realised.objectiveUSD - perfect.objectiveUSD }
            rows.append(Row(site: site, forecast: text, status: run.status, windows: run.windows.count, lps: run.windowSolves,
                            windowSeconds: run.windowSolveSeconds, compileSeconds: run.windowCompileSeconds,
                            solverSeconds: run.windowSolverSeconds, otherSeconds: other,
                            millisecondsPerWindow: 1000 * run.windowSolveSeconds / Double(max(1, run.windows.count)),
                            fullHorizonSeconds: run.fullSolveSeconds, perfectForesightSeconds: perfectSeconds,
                            ratio: run.windowSolveSeconds / max(perfectSeconds, 1e-9), valueOfPerfectInformationUSD: vpi))
        }
        if format == .json {
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
            encoder.nonConformingFloatEncodingStrategy = .convertToString(positiveInfinity: "inf", negativeInfinity: "-inf", nan: "nan")
            print(String(decoding: try encoder.encode(rows), as: UTF8.self))
            return
        }
        func padded(_ text: String, _ width: Int) -> String { text.padding(toLength: max(width, text.count), withPad: " ", startingAt: 0) }
        print("\(site): \(loaded.horizon.steps) steps, replan \(replanHours) h, look-ahead \(lookaheadHours) h; perfect-foresight solve \(String(format: "%.2f", perfectSeconds)) s")
        print(padded("forecast", 24) + padded("status", 11) + "windows    LPs  window s  compile s  solver s  other s  ms/window  full-horizon s  ratio")
        for row in rows {
            print(padded(row.forecast, 24) + padded(row.status, 11)
                  + String(format: "%7d %6d %9.2f %10.2f %9.2f %8.2f %10.2f %15.2f %6.1f",
                           row.windows, row.lps, row.windowSeconds, row.compileSeconds, row.solverSeconds, row.otherSeconds,
                           row.millisecondsPerWindow, row.fullHorizonSeconds, row.ratio))
        }
        print("ratio: window seconds / the perfect-foresight solve of the same period; target: a year's windows under 60 s")
    }

    private func log(_ text: String) { if global.verbose { writeToStandardError(text) } }
}
