import Foundation
import Island
import Optimization
import Scheduling

/// What `insula operate` reports in `summary.json`: the run's settings, the realised figures,
/// the perfect-foresight optimum of the same period and their difference (the value of
/// perfect information), and timings.
public struct OperationSummary: Sendable, Encodable {
    public var site: String
    public var status: String
    public var message: String?
    public var startUTC: String
    public var steps: Int
    public var stepMinutes: Int
    public var replanHours: Double
    public var lookaheadHours: Double
    public var windows: Int
    public var redispatchedWindows: Int
    public var relaxedWindows: Int
    public var forecast: String
    public var forecastFile: String?
    public var seed: UInt64
    public var autocorrelation: Double
    public var carbonBudget: String
    public var targets: String
    /// Which window LPs started from the previous window's basis (``WarmStartRule``).
    public var warmStart: String
    /// ``OperationOptions/ratioMargin``.
    public var ratioMargin: Double
    public var realised: OperationFigures
    public var perfectForesight: OperationFigures?
    public var perfectForesightStatus: String
    /// Realised objective minus the perfect-foresight optimum, USD (>= 0 up to LP tolerance).
    public var valueOfPerfectInformationUSD: Double?
    public var carbonShadowPriceUSDPerTonne: Double?
    /// The intensity cap and CFE target over the whole period: realised, limit, met,
    /// perfect foresight (absent when the site has neither).
    public var carbonRatios: CarbonRatioOutcome?
    public var maxBalanceResidualMW: Double
    public var windowSolveSeconds: Double
    public var fullSolveSeconds: Double
    public var totalSeconds: Double = 0
    public var insulaVersion: String
    public var glpkVersion: String
    public var inputsSHA256: String
    public var warnings: [String]

    public init(site: Site, run: OperationRun, options: OperationOptions, insulaVersion: String) {
        self.site = site.name
        status = run.status
        message = run.message
        startUTC = site.horizon.label(0)
        steps = site.horizon.steps
        stepMinutes = site.horizon.stepMinutes
        replanHours = Double(options.replanSteps) * site.horizon.stepHours
        lookaheadHours = Double(options.lookaheadSteps) * site.horizon.stepHours
        windows = run.windows.count
        redispatchedWindows = run.windows.filter { $0.realisation.hasPrefix("redispatch") }.count
        relaxedWindows = run.windows.filter { !$0.note.isEmpty || $0.realisation.contains("relaxed") }.count
        let forecaster = options.forecaster
        forecast = ForecastSeries.allCases.map { "\($0.rawValue)=\(forecaster.models[$0] ?? .perfect)" }.joined(separator: " ")
        forecastFile = forecaster.archive?.path
        seed = forecaster.seed
        autocorrelation = forecaster.autocorrelation
        carbonBudget = options.carbonBudget.rawValue
        targets = options.targets.rawValue
        warmStart = options.warmStart.rawValue
        ratioMargin = options.ratioMargin
        realised = run.realised
        perfectForesight = run.perfectForesight
        perfectForesightStatus = run.perfectForesightStatus
        valueOfPerfectInformationUSD = run.perfectForesight.map { run.realised.objectiveUSD - $0.objectiveUSD }
        carbonShadowPriceUSDPerTonne = run.carbonShadowPriceUSDPerTonne
        carbonRatios = run.carbonRatios
        maxBalanceResidualMW = run.dispatch.steps.map { abs($0.balanceResidualMW) }.max() ?? 0
        windowSolveSeconds = run.windowSolveSeconds
        fullSolveSeconds = run.fullSolveSeconds
        self.insulaVersion = insulaVersion
        glpkVersion = GLPKEnvironment.version
        inputsSHA256 = site.inputsSHA256
        warnings = site.warnings.map(\.description)
    }

    enum CodingKeys: String, CodingKey {
        case site, status, message, steps, windows, forecast, seed, autocorrelation, targets, realised, warnings
        case startUTC = "start_utc", stepMinutes = "step_minutes", replanHours = "replan_hours", lookaheadHours = "lookahead_hours"
        case redispatchedWindows = "redispatched_windows", relaxedWindows = "relaxed_windows", forecastFile = "forecast_file"
        case carbonBudget = "carbon_budget", warmStart = "warm_start", ratioMargin = "ratio_margin", perfectForesight = "perfect_foresight", perfectForesightStatus = "perfect_foresight_status"
        case valueOfPerfectInformationUSD = "value_of_perfect_information_usd"
        case carbonRatios = "carbon_ratios"
        case carbonShadowPriceUSDPerTonne = "carbon_shadow_price_usd_per_t", maxBalanceResidualMW = "max_balance_residual_mw"
        case windowSolveSeconds = "window_solve_seconds", fullSolveSeconds = "full_solve_seconds", totalSeconds = "total_seconds"
        case insulaVersion = "insula_version", glpkVersion = "glpk_version", inputsSHA256 = "inputs_sha256"
    }
}

/// The files of an operating run besides `dispatch.csv` and `jobs.csv` (written with ``RunWriter``).
public enum OperationWriter {
    public static let windowColumns = ["window", "issue_utc", "end_utc", "committed_steps", "status", "realisation", "note",
                                       "solve_seconds", "objective_usd"]

    /// `windows.csv`: one row per window, in order.
    public static func windowsCSV(_ run: OperationRun) -> String {
        var text = windowColumns.joined(separator: ",") + "\n"
        for window in run.windows {
            let fields = [
                String(window.index), window.issueUTC, window.endUTC, String(window.committedSteps), window.status,
                RunWriter.csvField(window.realisation), RunWriter.csvField(window.note), String(format: "%.6f", window.solveSeconds),
                window.objectiveUSD.map { RunWriter.plainNumber($0) } ?? "",
            ]
            text += fields.joined(separator: ",") + "\n"
        }
        return text
    }
}
