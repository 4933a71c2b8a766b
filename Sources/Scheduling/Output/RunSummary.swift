import Foundation
import Island
import Optimization

/// What `insula solve` reports: status, cost, energy, emissions, model size and timings.
/// Encoded flat (snake_case) into `summary.json`, `summary.csv` and `--format json`.
public struct RunSummary: Sendable, Encodable {
    public var site: String
    public var status: String
    public var method: String
    public var message: String?
    public var steps: Int
    public var stepMinutes: Int
    public var startUTC: String
    public var kpis: KPIs?
    public var rows: Int
    public var columns: Int
    public var nonzeros: Int
    public var buildSeconds: Double
    public var loadSeconds: Double
    public var solveSeconds: Double
    public var writeSeconds: Double
    public var totalSeconds: Double
    public var iterations: Int
    public var mipGap: Double?
    /// The solution measured on the model (``SolutionQuality``): relative violations and gap.
    public var maxPrimalViolation: Double?
    public var maxDualViolation: Double?
    public var relativeGap: Double?
    /// Every method that ran and how it ended ("interior point optimal after 5.8 s (38
    /// iterations); dual simplex cancelled after 5.9 s (0 iterations)").
    public var solverAttempts: String
    /// How an optimum was reached when that is worth knowing (an interior point accepted at
    /// its best point, with its certificate).
    public var solverNote: String?
    public var insulaVersion: String
    public var glpkVersion: String
    public var inputsSHA256: String
    public var thermalRounds: Int?
    public var thermalViolationsFixed: Int?
    public var thermalViolationsRemaining: Int?
    public var maxDieC: Double?
    /// Input warnings (`Site.warnings`), one line each; always present, empty when none.
    public var warnings: [String] = []
    /// Demand-response totals (`dr_*` keys), when the site has contracts.
    public var demandResponse: DemandResponseOutcome.Totals?
    /// A plan over representative days: its estimate and the aggregation error (set by the caller).
    public var aggregation: AggregationSummary?

    public init(site: Site, outcome: OperatingSolve.Outcome, insulaVersion: String) {
        self.site = site.name
        status = outcome.result.status.rawValue
        method = outcome.result.method.rawValue
        message = outcome.result.status == .optimal ? nil : (outcome.infeasibility?.text ?? outcome.result.message)
        steps = site.horizon.steps
        stepMinutes = site.horizon.stepMinutes
        startUTC = site.horizon.label(0)
        kpis = outcome.schedule?.kpis
        rows = outcome.model.program.rowCount
        columns = outcome.model.program.columnCount
        nonzeros = outcome.model.program.entryCount
        buildSeconds = outcome.buildSeconds
        loadSeconds = outcome.result.loadSeconds
        solveSeconds = outcome.result.solveSeconds
        writeSeconds = 0
        totalSeconds = 0
        iterations = outcome.result.iterations
        mipGap = outcome.result.mipGap
        maxPrimalViolation = outcome.result.quality?.maxPrimalViolation
        maxDualViolation = outcome.result.quality?.dualBound == nil ? nil : outcome.result.quality?.maxDualViolation
        relativeGap = outcome.result.quality?.relativeGap
        solverAttempts = outcome.result.attempts.map(\.summary).joined(separator: "; ")
        solverNote = outcome.result.status == .optimal ? outcome.result.message : nil
        self.insulaVersion = insulaVersion
        glpkVersion = GLPKEnvironment.version
        inputsSHA256 = site.inputsSHA256
        warnings = site.warnings.map(\.description)
        demandResponse = outcome.schedule?.demandResponse?.totals
        if let thermal = outcome.thermal {
            thermalRounds = thermal.rounds
            thermalViolationsFixed = thermal.violationsFixed
            thermalViolationsRemaining = thermal.violationsRemaining
            maxDieC = thermal.maxDieC
        }
    }

    /// Every column a run's `summary.csv` can have (run fields and KPIs): batch reports use it
    /// to tell swept parameters from results.
    public static let columnNames: Set<String> = Set(CodingKeys.allCases.map(\.rawValue)).union(KPIs.columnNames)
        .union(DemandResponseOutcome.Totals.columnNames).union(AggregationSummary.columnNames)

    enum CodingKeys: String, CodingKey, CaseIterable {
        case site, status, method, message, steps, rows, columns, nonzeros, iterations
        case stepMinutes = "step_minutes", startUTC = "start_utc"
        case buildSeconds = "build_seconds", loadSeconds = "load_seconds", solveSeconds = "solve_seconds"
        case writeSeconds = "write_seconds", totalSeconds = "total_seconds", mipGap = "mip_gap"
        case maxPrimalViolation = "max_primal_violation", maxDualViolation = "max_dual_violation", relativeGap = "relative_gap"
        case solverAttempts = "solver_attempts", solverNote = "solver_note"
        case insulaVersion = "insula_version", glpkVersion = "glpk_version", inputsSHA256 = "inputs_sha256"
        case thermalRounds = "thermal_rounds", thermalViolationsFixed = "thermal_violations_fixed", maxDieC = "max_die_c"
        case thermalViolationsRemaining = "thermal_violations_remaining", warnings
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(site, forKey: .site)
        try container.encode(status, forKey: .status)
        try container.encode(method, forKey: .method)
        try container.encodeIfPresent(message, forKey: .message)
        try container.encode(steps, forKey: .steps)
        try container.encode(stepMinutes, forKey: .stepMinutes)
        try container.encode(startUTC, forKey: .startUTC)
        try container.encode(rows, forKey: .rows)
        try container.encode(columns, forKey: .columns)
        try container.encode(nonzeros, forKey: .nonzeros)
        try container.encode(iterations, forKey: .iterations)
        try container.encode(buildSeconds, forKey: .buildSeconds)
        try container.encode(loadSeconds, forKey: .loadSeconds)
        try container.encode(solveSeconds, forKey: .solveSeconds)
        try container.encode(writeSeconds, forKey: .writeSeconds)
        try container.encode(totalSeconds, forKey: .totalSeconds)
        try container.encodeIfPresent(mipGap, forKey: .mipGap)
        // Always present (null without a solution), so tables keep their columns.
        try container.encode(maxPrimalViolation, forKey: .maxPrimalViolation)
        try container.encode(maxDualViolation, forKey: .maxDualViolation)
        try container.encode(relativeGap, forKey: .relativeGap)
        try container.encode(solverAttempts, forKey: .solverAttempts)
        try container.encodeIfPresent(solverNote, forKey: .solverNote)
        try container.encode(insulaVersion, forKey: .insulaVersion)
        try container.encode(glpkVersion, forKey: .glpkVersion)
        try container.encode(inputsSHA256, forKey: .inputsSHA256)
        try container.encodeIfPresent(thermalRounds, forKey: .thermalRounds)
        try container.encodeIfPresent(thermalViolationsFixed, forKey: .thermalViolationsFixed)
        try container.encodeIfPresent(thermalViolationsRemaining, forKey: .thermalViolationsRemaining)
        try container.encodeIfPresent(maxDieC, forKey: .maxDieC)
        try container.encode(warnings, forKey: .warnings)
        // KPIs sit beside the run fields, not nested: one flat record per run.
        try kpis?.encode(to: encoder)
        try demandResponse?.encode(to: encoder)
        try aggregation?.encode(to: encoder)
        if let kpis {
            // Shadow prices are always present: null when the solve gave no duals (MIP).
            var figures = encoder.container(keyedBy: KPIs.CodingKeys.self)
            if kpis.carbonShadowPriceUSDPerTonne == nil { try figures.encodeNil(forKey: .carbonShadowPriceUSDPerTonne) }
            if kpis.importLimitShadowPriceUSDPerMW == nil { try figures.encodeNil(forKey: .importLimitShadowPriceUSDPerMW) }
            if kpis.itEnergyMarginalCostUSD == nil { try figures.encodeNil(forKey: .itEnergyMarginalCostUSD) }
            if kpis.itEnergyMarginalCostUSDPerMWhIT == nil { try figures.encodeNil(forKey: .itEnergyMarginalCostUSDPerMWhIT) }
            if kpis.emissionsMarginalTonnes == nil { try figures.encodeNil(forKey: .emissionsMarginalTonnes) }
        }
    }
}
