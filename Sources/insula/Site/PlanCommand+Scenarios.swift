import ArgumentParser
import Foundation
import Island
import Optimization
import Planning
import Scheduling

/// `insula plan SITE.yaml --scenarios FILE.yaml`: one build for every scenario (docs/planning.md,
/// "Planning across scenarios").
extension PlanCommand {
    func runStochastic(scenarioFile: String, clock: ContinuousClock, start: ContinuousClock.Instant) throws {
        var set: PlanScenarioSet
        let base: SiteDocument
        do {
            let assignments = try overrides.parsed()
            var document = try SiteDocument.read(from: URL(fileURLWithPath: site))
            if !assignments.isEmpty { document = try document.applying(overrides: assignments) }
            base = document
            if let section = document.root["aggregation"], !section.isNull {
                throw CommandFailure(.invalidInput, "error: \(site): aggregation: representative days cannot be combined with --scenarios yet (each scenario is planned over every step); remove the section, or plan one future at a time")
            }
            if let section = document.root["periods"], !section.isNull {
                throw CommandFailure(.invalidInput, "error: \(site): periods: a multi-period build-out cannot be combined with --scenarios yet; plan one future at a time")
            }
            set = try PlanScenarioSet.read(from: URL(fileURLWithPath: scenarioFile))
        } catch let error as SiteValidationError {
            throw CommandFailure(.invalidInput, "error: \(error.issues.count) problem\(error.issues.count == 1 ? "" : "s") found:\n\(error.description)")
        }
        if let cvarWeight { set.risk.cvarWeight = cvarWeight }
        if let cvarAlpha { set.risk.cvarAlpha = cvarAlpha }
        guard jobs >= 1 else { throw CommandFailure(.invalidInput, "error: --jobs must be at least 1, got \(jobs)") }

        let (lock, folderExisted) = try lockRunFolder(out)
        var written = false
        defer { if !written { RunFolder.abandon(lock, existedBefore: folderExisted) } }
        let plan: StochasticPlan
        do {
            plan = try StochasticPlanner.plan(base: base, scenarios: set, options: PlanOptions(
                moduleCounts: moduleCounts, solver: solver.options, compile: CompileOptions(maximumNonzeros: maximumNonzeros), jobs: jobs),
                bounds: bounds)
        } catch let error as StochasticPlanError {
            throw CommandFailure(.invalidInput, "error: \(site) with \(scenarioFile): \(error)")
        } catch let error as ModelSizeError {
            throw CommandFailure(.invalidInput, "error: \(site): \(error)")
        } catch let error as PlanError {
            throw CommandFailure(.invalidInput, "error: \(site): \(error)")
        }

        var files: [(name: String, contents: String)] = []
        if !plan.capacities.isEmpty { files.append(("build_plan.csv", PlanFiles.buildPlanCSV(plan.capacities))) }
        if !plan.candidates.isEmpty { files.append(("plan_candidates.csv", PlanFiles.candidatesCSV(plan.candidates))) }
        var table: [String] = []
        for run in plan.scenarios {
            let summary = RunSummary(site: run.site, outcome: run.outcome, insulaVersion: insulaVersion)
            let folder = "scenarios/\(run.name)"
            if let schedule = run.outcome.schedule {
                files.append(("\(folder)/dispatch.csv", RunWriter.dispatchCSV(schedule)))
                files.append(("\(folder)/jobs.csv", RunWriter.jobsCSV(schedule)))
            }
            files.append(("\(folder)/summary.json", String(decoding: try RunWriter.jsonEncoder().encode(summary), as: UTF8.self) + "\n"))
            // Each scenario's SMR outages (its forced-outage draw differs) and its own inputs
            // (its files differ: another year's prices, say).
            if let outages = RunWriter.smrOutagesCSV(run.site) { files.append(("\(folder)/smr_outages.csv", outages)) }
            files.append(("\(folder)/manifest.json", try manifest(site: run.site, sitePath: site)))
            let csv = try RunWriter.summaryCSV(summary).split(separator: "\n", omittingEmptySubsequences: true)
            if table.isEmpty, let header = csv.first { table.append("scenario,probability," + header) }
            if csv.count > 1 { table.append("\(RunWriter.csvField(run.name)),\(RunWriter.plainNumber(run.probability)),\(csv[1])") }
        }
        files.append(("scenarios.csv", table.joined(separator: "\n") + "\n"))
        let report = StochasticReport(plan: plan, site: site, scenarioFile: scenarioFile, insulaVersion: insulaVersion,
                                      totalSeconds: (clock.now - start).seconds)
        let json = String(decoding: try RunWriter.jsonEncoder().encode(report), as: UTF8.self)
        files.append(("stochastic.json", json + "\n"))
        if let first = plan.scenarios.first { files.append(("manifest.json", try manifest(site: first.site, sitePath: site))) }
        try commitRunFolder(files, to: out, written: &written)
        withExtendedLifetime(lock) {}

        if format == .json {
            print(json)
        } else {
            printText(report.text(out: out))
        }
        let code = InsulaExitCode(plan.result.status)
        if code != .success { throw CommandFailure(code, "") }
    }
}

/// `stochastic.json`: the shared build, each scenario's cost, the risk figures and the bounds.
struct StochasticReport: Encodable {
    struct ScenarioCost: Encodable {
        let name: String
        let probability: Double
        let status: String
        let costUSD: Double?
        let emissionsTonnes: Double?
        enum CodingKeys: String, CodingKey {
            case name, probability, status, costUSD = "cost_usd", emissionsTonnes = "emissions_t"
        }
    }
    struct SinglePlan: Encodable {
        let scenario: String
        let ownCostUSD: Double
        let costsUSD: [Double?]
        let riskAdjustedCostUSD: Double?
        let capacities: [InstalledCapacity]
        enum CodingKeys: String, CodingKey {
            case scenario, capacities
            case ownCostUSD = "own_cost_usd", costsUSD = "costs_usd", riskAdjustedCostUSD = "risk_adjusted_cost_usd"
        }
    }
    struct Bounds: Encodable {
        let waitAndSeeUSD: Double
        let bestSingleScenarioUSD: Double?
        let expectedValueOfPerfectInformationUSD: Double?
        let valueOfStochasticSolutionUSD: Double?
        let plans: [SinglePlan]
        enum CodingKeys: String, CodingKey {
            case plans
            case waitAndSeeUSD = "wait_and_see_usd", bestSingleScenarioUSD = "best_single_scenario_usd"
            case expectedValueOfPerfectInformationUSD = "expected_value_of_perfect_information_usd"
            case valueOfStochasticSolutionUSD = "value_of_stochastic_solution_usd"
        }
    }

    let site: String
    let scenarioFile: String
    let status: String
    let strategy: String
    let method: String
    let iterations: Int
    let rows: Int
    let columns: Int
    let nonzeros: Int
    let cvarWeight: Double
    let cvarAlpha: Double
    let riskAdjustedCostUSD: Double?
    let expectedCostUSD: Double?
    let valueAtRiskUSD: Double?
    let conditionalValueAtRiskUSD: Double?
    let scenarios: [ScenarioCost]
    let capacities: [InstalledCapacity]
    let bounds: Bounds?
    let buildSeconds: Double
    let solveSeconds: Double
    let totalSeconds: Double
    let insulaVersion: String
    let glpkVersion: String

    enum CodingKeys: String, CodingKey {
        case site, status, strategy, method, iterations, rows, columns, nonzeros, scenarios, capacities, bounds
        case scenarioFile = "scenario_file", cvarWeight = "cvar_weight", cvarAlpha = "cvar_alpha"
        case riskAdjustedCostUSD = "risk_adjusted_cost_usd", expectedCostUSD = "expected_cost_usd"
        case valueAtRiskUSD = "value_at_risk_usd", conditionalValueAtRiskUSD = "cvar_usd"
        case buildSeconds = "build_seconds", solveSeconds = "solve_seconds", totalSeconds = "total_seconds"
        case insulaVersion = "insula_version", glpkVersion = "glpk_version"
    }

    init(plan: StochasticPlan, site: String, scenarioFile: String, insulaVersion: String, totalSeconds: Double) {
        self.site = site
        self.scenarioFile = scenarioFile
        status = plan.result.status.rawValue
        strategy = plan.strategy.rawValue
        method = plan.result.method.rawValue
        iterations = plan.result.iterations
        rows = plan.rows
        columns = plan.columns
        nonzeros = plan.nonzeros
        cvarWeight = plan.risk.cvarWeight
        cvarAlpha = plan.risk.cvarAlpha
        riskAdjustedCostUSD = plan.riskAdjustedCostUSD
        expectedCostUSD = plan.expectedCostUSD
        valueAtRiskUSD = plan.valueAtRiskUSD
        conditionalValueAtRiskUSD = plan.conditionalValueAtRiskUSD
        scenarios = plan.scenarios.map {
            ScenarioCost(name: $0.name, probability: $0.probability, status: $0.outcome.result.status.rawValue, costUSD: $0.costUSD,
                         emissionsTonnes: $0.outcome.schedule?.kpis.emissionsTonnes)
        }
        capacities = plan.capacities
        bounds = plan.bounds.map { bounds in
            let best = bounds.bestSingleScenarioUSD
            return Bounds(waitAndSeeUSD: bounds.waitAndSeeUSD, bestSingleScenarioUSD: best.isFinite ? best : nil,
                          expectedValueOfPerfectInformationUSD: plan.riskAdjustedCostUSD.map { $0 - bounds.waitAndSeeUSD },
                          valueOfStochasticSolutionUSD: best.isFinite ? plan.riskAdjustedCostUSD.map { best - $0 } : nil,
                          plans: bounds.plans.map {
                              SinglePlan(scenario: $0.scenario, ownCostUSD: $0.ownCostUSD, costsUSD: $0.costsUSD.map { $0.isFinite ? $0 : nil },
                                         riskAdjustedCostUSD: $0.riskAdjustedCostUSD.isFinite ? $0.riskAdjustedCostUSD : nil,
                                         capacities: $0.capacities)
                          })
        }
        buildSeconds = plan.buildSeconds
        solveSeconds = plan.result.solveSeconds
        self.totalSeconds = totalSeconds
        self.insulaVersion = insulaVersion
        glpkVersion = GLPKEnvironment.version
    }

    func text(out: String) -> String {
        func usd(_ value: Double?) -> String { value.map { String(format: "%.0f USD", $0) } ?? "-" }
        var lines = ["\(site) over \(scenarios.count) scenarios (\(scenarioFile)): \(status) (\(strategy), \(method), \(iterations) iterations)"]
        for capacity in capacities {
            lines.append("build         \(capacity.asset) \(capacity.name): \(String(format: "%.2f", capacity.installed)) \(capacity.dimension) installed (+\(String(format: "%.2f", capacity.added)))")
        }
        for scenario in scenarios {
            lines.append("scenario      \(scenario.name) (p = \(RunWriter.plainNumber(scenario.probability))): \(usd(scenario.costUSD))")
        }
        lines.append("expected cost \(usd(expectedCostUSD)); CVaR at \(RunWriter.plainNumber(cvarAlpha)) \(usd(conditionalValueAtRiskUSD)); objective (weight \(RunWriter.plainNumber(cvarWeight))) \(usd(riskAdjustedCostUSD))")
        if let bounds {
            lines.append("bounds        wait-and-see \(usd(bounds.waitAndSeeUSD)) <= plan <= best single-scenario build \(usd(bounds.bestSingleScenarioUSD)); EVPI \(usd(bounds.expectedValueOfPerfectInformationUSD)), VSS \(usd(bounds.valueOfStochasticSolutionUSD))")
        }
        lines.append("model         \(rows) rows, \(columns) columns, \(nonzeros) non-zeros; build \(String(format: "%.2f", buildSeconds)) s, solve \(String(format: "%.2f", solveSeconds)) s")
        lines.append("written to    \(out)/")
        return lines.joined(separator: "\n")
    }
}
