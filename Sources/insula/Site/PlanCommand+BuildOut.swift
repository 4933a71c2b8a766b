import ArgumentParser
import Foundation
import Island
import Optimization
import Planning
import Scheduling

/// `insula plan SITE.yaml` on a site with `periods`: a multi-period build-out
/// (docs/planning.md, "Multi-period build-out").
extension PlanCommand {
    func runBuildOut(_ loaded: Site, clock: ContinuousClock, start: ContinuousClock.Instant) throws {
        let (lock, folderExisted) = try lockRunFolder(out)
        var written = false
        defer { if !written { RunFolder.abandon(lock, existedBefore: folderExisted) } }
        let plan: BuildOutPlan
        do {
            var options = PlanOptions(moduleCounts: moduleCounts, solver: solver.options,
                                      compile: CompileOptions(maximumNonzeros: maximumNonzeros), jobs: jobs)
            options.decomposition = decomposition
            options.benders.relativeGap = bendersGap
            options.benders.maximumIterations = bendersIterations
            options.benders.stabilisation = bendersStabilisation
            options.benders.warmSubproblems = bendersWarmSubproblems
            options.benders.cornerCuts = bendersCornerCuts
            if let bendersCentreWeight {
                options.benders.centreWeight = bendersCentreWeight
                options.benders.levelFraction = bendersCentreWeight
            }
            if global.verbose {
                options.benders.progress = { step in
                    func usd(_ value: Double?) -> String { value.map { String(format: "%.0f", $0) } ?? "-" }
                    writeToStandardError("benders \(step.iteration) \(step.trialPoint): lower \(usd(step.lowerBoundUSD)), trial \(usd(step.trialNPVUSD)), upper \(usd(step.upperBoundUSD)), gap \(step.relativeGap.map { String(format: "%.2e", $0) } ?? "-"), periods \(String(format: "%.1f", step.subproblemSeconds)) s\(step.elasticPeriods > 0 ? ", \(step.elasticPeriods) elastic" : "")\(step.periods.isEmpty ? "" : " (" + step.periods.map { "\($0.path) \(String(format: "%.1f", $0.seconds)) s/\($0.iterations) it" }.joined(separator: ", ") + ")"), master \(String(format: "%.2f", step.masterSeconds)) s")
                }
            }
            plan = try BuildOutPlanner.plan(loaded, options: options)
        } catch let error as BuildOutError {
            throw CommandFailure(.invalidInput, "error: \(site): periods: \(error)")
        } catch let error as BendersFailure {
            throw CommandFailure(InsulaExitCode(error.status), "error: \(site): \(error)")
        } catch let error as ModelSizeError {
            throw CommandFailure(.invalidInput, "error: \(site): \(error)")
        }
        let summary = plan.summary()
        var files: [(name: String, contents: String)] = []
        if !plan.capacities.isEmpty {
            files.append(("build_plan.csv", BuildOutFiles.buildPlanCSV(plan)))
            files.append(("cashflows.csv", BuildOutFiles.cashFlowsCSV(plan)))
        }
        let json = String(decoding: try RunWriter.jsonEncoder().encode(summary), as: UTF8.self)
        files.append(("summary.json", json + "\n"))
        files.append(("manifest.json", try manifest(site: loaded, sitePath: site)))
        for run in plan.periods {
            let folder = "periods/\(run.period.year)"
            // The period's run files: its full operation (the verification) when it was planned
            // over representative days, else its block of the plan.
            let outcome = run.verification?.outcome ?? run.outcome
            let operated = run.verification?.site ?? run.compiledSite
            if let schedule = outcome.schedule {
                files.append(("\(folder)/dispatch.csv", RunWriter.dispatchCSV(schedule)))
                files.append(("\(folder)/jobs.csv", RunWriter.jobsCSV(schedule)))
            }
            if run.days != nil, let schedule = run.outcome.schedule {
                files.append(("\(folder)/representative_dispatch.csv", RunWriter.dispatchCSV(schedule)))
            }
            let periodSummary = RunSummary(site: operated, outcome: outcome, insulaVersion: insulaVersion)
            files.append(("\(folder)/summary.json", String(decoding: try RunWriter.jsonEncoder().encode(periodSummary), as: UTF8.self) + "\n"))
            files.append(("\(folder)/manifest.json", try manifest(site: run.site, sitePath: site)))
        }
        try commitRunFolder(files, to: out, written: &written)
        withExtendedLifetime(lock) {}

        if format == .json {
            print(json)
        } else {
            printText(text(plan, summary: summary, totalSeconds: (clock.now - start).seconds))
        }
        let code = InsulaExitCode(plan.result.status)
        if plan.result.status == .infeasible {
            writeToStandardError("error: no build serves every period: some period's demand, training deadlines or caps cannot be met even with the largest builds allowed by then; plan one period at a time to find it (e.g. --set \"periods=[{year: \(plan.buildOut.periods.last!.year)}]\" with that period's overrides)")
        }
        if code != .success { throw CommandFailure(code, "") }
        if plan.periods.contains(where: { ($0.verification?.outcome.result.status).map { $0 != .optimal } ?? false }) {
            throw CommandFailure(.infeasible, "error: a period's build cannot operate its full horizon; see summary.json (periods[].status) and periods/YEAR/")
        }
    }

    private func text(_ plan: BuildOutPlan, summary: BuildOutSummary, totalSeconds: Double) -> String {
        func usd(_ value: Double?) -> String { value.map { String(format: "%.0f USD", $0) } ?? "-" }
        let years = plan.buildOut.periods.map { "\($0.year)" }.joined(separator: ", ")
        var lines = ["\(site): build-out over \(plan.periods.count) periods (\(years)): \(plan.result.status.rawValue) (\(plan.strategy.rawValue), \(plan.result.method.rawValue))"]
        for capacity in plan.capacities where capacity.added > 1e-6 || capacity.retired > 1e-6 {
            lines.append("build  \(capacity.year)  \(capacity.key.asset.rawValue) \(capacity.key.name): +\(String(format: "%.2f", capacity.added)) \(capacity.key.dimension.rawValue)"
                         + (capacity.retired > 1e-6 ? ", -\(String(format: "%.2f", capacity.retired)) retired" : "")
                         + ", \(String(format: "%.2f", capacity.installed)) installed")
        }
        for period in summary.periods {
            var line = "period \(period.year)  \(period.operation): operating \(usd(period.operatingCostUSDPerYear))/year, \(period.emissionsTonnesPerYear.map { String(format: "%.0f", $0) } ?? "-") t/year"
            if let verified = period.verifiedOperatingCostUSDPerYear {
                line += "; full operation \(usd(verified))/year (\(period.operatingCostError.map { String(format: "%+.2f %%", 100 * $0) } ?? "-"))"
            }
            lines.append(line)
        }
        lines.append("NPV    \(usd(summary.npvTotalCostUSD)) at \(RunWriter.plainNumber(plan.discountRate)) to \(plan.buildOut.baseYear)"
                     + (summary.levelisedCostUSDPerMWhIT.map { String(format: "; %.2f USD/MWh IT levelised", $0) } ?? "")
                     + (summary.verifiedNPVTotalCostUSD.map { "; verified \(usd($0))" } ?? ""))
        lines.append("model  \(plan.rows) rows, \(plan.columns) columns, \(plan.nonzeros) non-zeros; build \(String(format: "%.2f", plan.buildSeconds)) s, solve \(String(format: "%.2f", plan.result.solveSeconds)) s, verification \(String(format: "%.2f", plan.verificationSeconds)) s, total \(String(format: "%.2f", totalSeconds)) s")
        if let benders = plan.decomposition {
            lines.append("Benders \(benders.iterations) iterations (\(benders.subproblemSolves) period solves, \(benders.elasticSolves) elastic): lower bound \(usd(benders.lowerBoundUSD)), upper \(usd(benders.upperBoundUSD)), gap \(benders.relativeGap.map { String(format: "%.2e", $0) } ?? "-")"
                         + (benders.converged ? "" : " (not converged)") + String(format: "; warm start %.1f s, master %.1f s, periods %.1f s", benders.warmStartSeconds, benders.masterSeconds, benders.subproblemSeconds))
        }
        lines.append("written to \(out)/")
        return lines.joined(separator: "\n")
    }
}
