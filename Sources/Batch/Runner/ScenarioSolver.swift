import Foundation
import Island
import Optimization
import Planning
import Scheduling

/// Solves scenarios one after another on one worker thread.
///
/// Not `Sendable`: with warm starts it keeps a GLPK session, which must stay on the thread
/// that created it (GLPK's per-thread state). Create one per worker thread, on that thread.
final class ScenarioSolver {
    private let base: SiteDocument
    private let options: BatchRunOptions
    private let sites: SiteCache?
    /// The previous scenario's loaded model, kept for a warm re-solve of the next one.
    private var session: SolverSession?

    init(base: SiteDocument, options: BatchRunOptions, sites: SiteCache?) {
        self.base = base
        self.options = options
        self.sites = sites
    }

    /// Runs one scenario to a result; never throws: every failure is a stored outcome.
    func solve(_ scenario: Scenario) -> ScenarioResult {
        let clock = ContinuousClock()
        let start = clock.now
        var result: ScenarioResult
        do {
            let site = try sites?.take(scenario.id) ?? BatchValidator.resolve(scenario, base: base)
            if site.buildOut != nil {
                // A batch stores one year's run per scenario; a build-out has one per period.
                throw SiteValidationError([SiteIssue(file: site.siteFileURL.lastPathComponent, keyPath: "periods",
                                                     message: "a multi-period build-out is planned by `insula plan`, not in a batch yet")])
            }
            result = try site.plansCapacity ? planCapacity(site, scenario: scenario) : plan(site, scenario: scenario)
        } catch let error as SiteValidationError {
            result = ScenarioResult(scenario: scenario, status: ScenarioResult.failedStatus, message: error.description)
        } catch {
            result = ScenarioResult(scenario: scenario, status: ScenarioResult.failedStatus, message: "\(error)")
        }
        result.insulaVersion = options.insulaVersion
        result.totalSeconds = (clock.now - start).seconds
        return result
    }

    private func plan(_ site: Site, scenario: Scenario) throws -> ScenarioResult {
        let clock = ContinuousClock()
        let buildStart = clock.now
        // Names only cost time here: nothing in a batch prints the LP.
        let model = try SiteCompiler.compile(site, options: CompileOptions(names: false, maximumNonzeros: options.maximumNonzeros))
        let buildSeconds = (clock.now - buildStart).seconds
        let (solve, warm) = try solveModel(model.program)
        var result = ScenarioResult(scenario: scenario, status: solve.status.rawValue,
                                    message: solve.status == .optimal ? nil : solve.message)
        result.warmStart = warm
        result.buildSeconds = buildSeconds
        result.loadSeconds = solve.loadSeconds
        result.solveSeconds = solve.solveSeconds
        result.method = solve.method.rawValue
        result.iterations = solve.iterations
        result.rows = model.program.rowCount
        result.columns = model.program.columnCount
        result.nonzeros = model.program.entryCount
        result.stepCount = site.horizon.steps
        result.inputsSHA256 = site.inputsSHA256
        if solve.primalValues.count == model.program.columnCount, solve.status == .optimal || solve.status == .timeLimit {
            let schedule = ScheduleReader.read(site: site, model: model, result: solve)
            result.kpis = schedule.kpis
            result.steps = schedule.steps
        }
        if solve.status == .infeasible || solve.status == .infeasibleOrUnbounded {
            let explainStart = clock.now
            let report = try InfeasibilityExplainer.explain(site, solver: options.solver)
            result.message = report.text
            result.infeasibilityJSON = String(decoding: try RunWriter.jsonEncoder().encode(report), as: UTF8.self)
            result.solveSeconds += (clock.now - explainStart).seconds
        }
        if result.message == nil, solve.status != .optimal { result.message = "the solver ended with status \(solve.status.rawValue)" }
        return result
    }

    /// A site with `build` sections: a capacity plan (``CapacityPlanner``, module counts settled
    /// as `insula plan` settles them by default), its capacities stored beside its KPIs.
    /// Enumerated module counts run one after another: the batch's workers already share the cores.
    /// With representative days (`aggregation`) the plan is made over them and the scenario's
    /// KPIs and steps are those of the build operated over the full horizon, as `insula plan`
    /// writes them (``AggregatedPlanner``).
    private func planCapacity(_ site: Site, scenario: Scenario) throws -> ScenarioResult {
        let clock = ContinuousClock()
        let start = clock.now
        var solver = options.solver
        solver.concurrent = false
        let planOptions = PlanOptions(moduleCounts: .auto, solver: solver,
                                      compile: CompileOptions(names: false, maximumNonzeros: options.maximumNonzeros), jobs: 1)
        let outcome: OperatingSolve.Outcome
        if site.aggregation != nil {
            let aggregated = try AggregatedPlanner.plan(site, options: planOptions)
            outcome = aggregated.verification?.outcome ?? aggregated.plan.outcome
        } else {
            outcome = try CapacityPlanner.plan(site, options: planOptions).outcome
        }
        let solve = outcome.result
        var result = ScenarioResult(scenario: scenario, status: solve.status.rawValue,
                                    message: solve.status == .optimal ? nil : solve.message)
        result.buildSeconds = outcome.buildSeconds
        result.loadSeconds = solve.loadSeconds
        result.solveSeconds = (clock.now - start).seconds - outcome.buildSeconds - solve.loadSeconds
        result.method = solve.method.rawValue
        result.iterations = solve.iterations
        result.rows = outcome.model.program.rowCount
        result.columns = outcome.model.program.columnCount
        result.nonzeros = outcome.model.program.entryCount
        result.stepCount = site.horizon.steps
        result.inputsSHA256 = site.inputsSHA256
        // (A plan over representative days stopped short of an optimum has no full operation:
        // its representatives' steps are not the horizon's and are not stored.)
        if let schedule = outcome.schedule, schedule.steps.count == site.horizon.steps {
            result.kpis = schedule.kpis
            result.steps = schedule.steps
            result.capacities = schedule.capacities
        }
        if let infeasibility = outcome.infeasibility {
            result.message = infeasibility.text
            result.infeasibilityJSON = String(decoding: try RunWriter.jsonEncoder().encode(infeasibility), as: UTF8.self)
        }
        if result.message == nil, solve.status != .optimal { result.message = "the solver ended with status \(solve.status.rawValue)" }
        return result
    }

    /// Solves `program`, from the kept model's basis when the policy allows it and the two
    /// LPs differ only in objective coefficients and bounds (prices, caps, limits).
    private func solveModel(_ program: LinearProgram) throws -> (SolveResult, warm: Bool) {
        guard options.warmStart.applies(to: program) else {
            var result = try GLPK.solve(program, options: options.solver)
            if result.status == .numericalFailure, result.method == .interior {
                // Seen on a year-long site (example site, 200 MWh battery, hot-dry prices). Dual
                // simplex is robust there but takes many minutes, too long to try unasked.
                result.message = (result.message ?? "interior point failed")
                    + "; solve this scenario with --method dual (robust, much slower on long horizons)"
            }
            return (result, false)
        }
        if let session, WarmStart.sameStructure(session.model, program) {
            try WarmStart.apply(program, to: session)
            let result = session.solve(options: options.solver)
            if result.status == .optimal { return (result, true) }
        }
        // A new chain: load the model and keep it for the next scenario.
        let clock = ContinuousClock()
        let start = clock.now
        let fresh = try SolverSession(model: program)
        let loadSeconds = (clock.now - start).seconds
        var result = fresh.solve(options: options.solver)
        result.loadSeconds = loadSeconds
        session = result.status == .optimal ? fresh : nil
        return (result, false)
    }
}
