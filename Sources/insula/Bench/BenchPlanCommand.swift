import ArgumentParser
import Foundation
import Island
import Optimization
import Planning
import Scheduling

/// `insula bench plan`: a capacity plan against the operating solve of the same site with the
/// plan's capacities fixed, in the same process (the ratio is what the target is set on).
struct BenchPlanCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "plan",
        abstract: "Benchmark capacity plans against the plain dispatch of the same site as built (release build).",
        discussion: """
        Per site: the plan's wall time with each module-count strategy asked for (over its \
        representative days when it has an aggregation section), then the \
        operating solve of the site with every capacity fixed at the plan's (the best plan's \
        module count), and the ratio plan / dispatch. Target: a single-year plan within 3x.
        """
    )

    @Argument(help: "Site files with build sections (default: data/sites/plan-example.yaml).")
    var sites: [String] = []

    @Option(name: .customLong("module-counts"), help: "Strategies to time, comma-separated (auto, enumerate, mip, relaxed).")
    var strategies = "auto,relaxed"

    @Option(help: "Output format: text or json.")
    var format: OutputFormat = .text

    @OptionGroup var solver: SolverArguments
    @OptionGroup var global: GlobalOptions

    struct Row: Encodable {
        var site: String
        var strategy: String
        var status: String
        var objectiveUSD: Double?
        var planSeconds: Double
        var dispatchStatus: String
        var dispatchSeconds: Double
        var ratio: Double
        enum CodingKeys: String, CodingKey {
            case site, strategy, status, ratio
            case objectiveUSD = "objective_usd", planSeconds = "plan_seconds", dispatchStatus = "dispatch_status"
            case dispatchSeconds = "dispatch_seconds"
        }
    }

    func run() throws {
        global.bootstrapLogging()
        let paths = sites.isEmpty ? ["data/sites/plan-example.yaml"] : sites
        var chosen: [ModuleCountStrategy] = []
        for word in strategies.split(separator: ",") {
            guard let strategy = ModuleCountStrategy(rawValue: String(word).trimmingCharacters(in: .whitespaces)) else {
                throw CommandFailure(.invalidInput, "error: --module-counts: unknown strategy \"\(word)\" (auto, enumerate, mip, relaxed)")
            }
            chosen.append(strategy)
        }
        var rows: [Row] = []
        for path in paths {
            let site = try loadSite(path)
            guard site.plansCapacity else { throw CommandFailure(.invalidInput, "error: \(path): no build sections to plan") }
            if site.buildOut != nil {
                // A build-out: the plan over every period, then (the "dispatch" columns) the full
                // operation of each period planned over representative days.
                log("planning the build-out \(path) ...")
                let clock = ContinuousClock()
                let start = clock.now
                let plan = try BuildOutPlanner.plan(site, options: PlanOptions(moduleCounts: chosen.first ?? .auto, solver: solver.options))
                let total = (clock.now - start).seconds
                let planSeconds = total - plan.verificationSeconds
                rows.append(Row(site: path, strategy: "\(plan.periods.count)p-\(plan.strategy.rawValue)", status: plan.result.status.rawValue,
                                objectiveUSD: plan.npvUSD, planSeconds: planSeconds,
                                dispatchStatus: plan.periods.contains { $0.verification != nil } ? "verified" : "not run",
                                dispatchSeconds: plan.verificationSeconds,
                                ratio: plan.verificationSeconds > 0 ? planSeconds / plan.verificationSeconds : .nan))
                continue
            }
            for strategy in chosen {
                log("planning \(path) (\(strategy.rawValue)) ...")
                let clock = ContinuousClock()
                let start = clock.now
                // A site with representative days is planned over them (the verification is the
                // dispatch below).
                let plan = site.aggregation == nil
                    ? try CapacityPlanner.plan(site, options: PlanOptions(moduleCounts: strategy, solver: solver.options))
                    : try AggregatedPlanner.plan(site, options: PlanOptions(moduleCounts: strategy, solver: solver.options), verify: false).plan
                let planSeconds = (clock.now - start).seconds
                var row = Row(site: path, strategy: plan.strategy.rawValue, status: plan.outcome.result.status.rawValue,
                              objectiveUSD: plan.outcome.result.objectiveValue, planSeconds: planSeconds,
                              dispatchStatus: "not run", dispatchSeconds: 0, ratio: .nan)
                if let schedule = plan.outcome.schedule {
                    // The site as built: every capacity fixed; a fractional module count is rounded up.
                    var installed: [ExpansionKey: Double] = [:]
                    for capacity in schedule.capacities {
                        guard let key = capacity.key else { continue }
                        installed[key] = key.dimension == .units ? (capacity.installed - 1e-6).rounded(.up) : capacity.amountForSite
                    }
                    var built = try (plan.site.representativePeriods == nil ? plan.site : site).withInstalled(installed)
                    built.aggregation = nil
                    log("dispatching \(path) as planned ...")
                    let dispatchStart = clock.now
                    let outcome = try OperatingSolve.run(built, solver: solver.options)
                    row.dispatchSeconds = (clock.now - dispatchStart).seconds
                    row.dispatchStatus = outcome.result.status.rawValue
                    row.ratio = planSeconds / max(row.dispatchSeconds, 1e-9)
                }
                rows.append(row)
            }
        }
        if format == .json {
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
            encoder.nonConformingFloatEncodingStrategy = .convertToString(positiveInfinity: "inf", negativeInfinity: "-inf", nan: "nan")
            print(String(decoding: try encoder.encode(rows), as: UTF8.self))
        } else {
            func padded(_ text: String, _ width: Int) -> String { text.padding(toLength: max(width, text.count), withPad: " ", startingAt: 0) }
            print(padded("site", 34) + padded("strategy", 11) + padded("status", 11) + "  objective USD   plan s   dispatch s   ratio")
            for row in rows {
                let name = URL(fileURLWithPath: row.site).lastPathComponent
                print(padded(name, 34) + padded(row.strategy, 11) + padded(row.status, 11)
                      + String(format: "%15.0f %8.2f %12.2f %7.2f", row.objectiveUSD ?? .nan, row.planSeconds, row.dispatchSeconds, row.ratio))
            }
            print("target: a single-year plan within 3x the dispatch of the same site as built (ratio <= 3)")
        }
    }

    private func log(_ text: String) { if global.verbose { writeToStandardError(text) } }
}
