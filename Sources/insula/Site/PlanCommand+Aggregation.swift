import ArgumentParser
import Foundation
import Island
import Optimization
import Planning
import Scheduling

/// `insula plan SITE.yaml --representative-days K` (or a site with an `aggregation` section):
/// the plan over representative days, then its build operated over the full horizon
/// (docs/planning.md, "Representative days").
extension PlanCommand {
    func runAggregated(_ loaded: Site, days chosen: RepresentativeDays, clock: ContinuousClock, start: ContinuousClock.Instant) throws {
        let (lock, folderExisted) = try lockRunFolder(out)
        var written = false
        defer { if !written { RunFolder.abandon(lock, existedBefore: folderExisted) } }
        let plan: AggregatedPlan
        do {
            plan = try AggregatedPlanner.plan(loaded, options: PlanOptions(
                moduleCounts: moduleCounts, solver: solver.options, compile: CompileOptions(maximumNonzeros: maximumNonzeros), jobs: jobs),
                days: chosen)
        } catch let error as ModelSizeError {
            throw CommandFailure(.invalidInput, "error: \(site): \(error)")
        } catch let error as PlanError {
            throw CommandFailure(.invalidInput, "error: \(site): \(error)")
        }
        var files: [(name: String, contents: String)] = []
        var lines: [String] = []
        let days = plan.days
        let edges = days.roles.filter { $0 == .edge }.count
        lines.append("days          \(days.settings.representativeDays) representative of \(days.partition.wholeDays) (k-medoids on "
                     + "\(days.featureSeries.count) series, \(Set(days.partition.periods.indices.filter(days.partition.isWholeDay).map { days.kinds[$0] }).count) kinds of day)"
                     + (days.extremes.isEmpty ? "" : ", \(days.extremes.count) extreme") + (edges == 0 ? "" : ", \(edges) partial at the edges"))
        if let schedule = plan.plan.outcome.schedule {
            files.append(("build_plan.csv", PlanFiles.buildPlanCSV(schedule.capacities)))
            for capacity in schedule.capacities {
                lines.append("build         \(capacity.asset) \(capacity.name): \(String(format: "%.2f", capacity.installed)) \(capacity.dimension) installed (+\(String(format: "%.2f", capacity.added))), capex \(String(format: "%.0f", capacity.capexUSD)) USD")
            }
        }
        if !plan.plan.candidates.isEmpty {
            files.append(("plan_candidates.csv", PlanFiles.candidatesCSV(plan.plan.candidates)))
        }
        if let csv = AggregationFiles.representativeDaysCSV(plan) { files.append(("representative_days.csv", csv)) }
        files.append(("days.csv", AggregationFiles.daysCSV(plan)))
        files.append(("verification.json", String(decoding: try RunWriter.jsonEncoder().encode(AggregationFiles.report(plan)), as: UTF8.self) + "\n"))
        if let estimate = plan.estimate {
            var line = "estimate      \(usd(estimate.totalCostUSD)) USD, \(tonnes(estimate.emissionsTonnes)) t over the horizon (plan \(String(format: "%.1f", plan.planSeconds)) s)"
            if let verification = plan.verification {
                line += "; full operation \(usd(verification.figures.totalCostUSD)) USD, \(tonnes(verification.figures.emissionsTonnes)) t"
                    + " (\(String(format: "%.1f", verification.seconds)) s)"
            }
            lines.append(line)
            if let verification = plan.verification {
                lines.append("aggregation   error \(share(verification.costError)) of cost, \(share(verification.emissionsError)) of emissions (verified - estimate) / verified")
            }
        }
        // The run files describe the full operation of the build when there is one; without it
        // (the plan found no optimum) the plan's status, and no dispatch: the representative
        // days' own is representative_days.csv.
        var outcome = plan.verification?.outcome ?? plan.plan.outcome
        if plan.verification == nil { outcome.schedule = nil }
        if let verification = plan.verification, verification.outcome.result.status != .optimal {
            writeToStandardError("error: the plan's build cannot operate the full horizon (\(verification.outcome.result.status.rawValue)); see verification.json")
        }
        try writeRunFolder(site: loaded, sitePath: site, outcome: outcome, out: out, format: format, clock: clock, start: start,
                           extraFiles: files, extraLines: lines, aggregation: AggregationFiles.summary(plan), written: &written)
        withExtendedLifetime(lock) {}
    }

    private func usd(_ value: Double?) -> String { value.map { String(format: "%.0f", $0) } ?? "-" }
    private func tonnes(_ value: Double?) -> String { value.map { String(format: "%.0f", $0) } ?? "-" }
    private func share(_ value: Double?) -> String { value.map { String(format: "%+.3f %%", 100 * $0) } ?? "-" }
}
