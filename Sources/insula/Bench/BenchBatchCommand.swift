import ArgumentParser
import Batch
import Foundation
import Optimization

/// `insula bench batch BATCH.yaml`: batch throughput by worker count, warm against cold
/// re-solves, and the share of time the batch machinery (store, progress, export) takes.
struct BenchBatchCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "batch",
        abstract: "Benchmark a batch: scenarios per minute by worker count, warm vs cold re-solve, machinery overhead.",
        discussion: """
            Each configuration runs the whole batch into a fresh results store in a temporary folder \
            (removed afterwards), exactly as `insula batch run` does, and exports summary.csv.
            """
    )

    @Argument(help: "Batch file (YAML).")
    var batch: String

    @Option(help: "Worker counts to measure, comma-separated.")
    var jobs = "1,2"

    @Option(name: .customLong("warm-start"), help: "Warm-start policies to measure, comma-separated (off, on).")
    var warmStarts = "off"

    @Option(help: "Output format on stdout: text or json.")
    var format: OutputFormat = .text

    @OptionGroup var solver: SolverArguments

    @OptionGroup var global: GlobalOptions

    struct Measurement: Encodable {
        let jobs: Int
        let warmStart: String
        let scenarios: Int
        let succeeded: Int
        let warmStarts: Int
        let wallSeconds: Double
        let scenariosPerMinute: Double
        let meanScenarioSeconds: Double
        let meanSolveSeconds: Double
        let storeSeconds: Double
        let progressSeconds: Double
        let exportSeconds: Double
        /// (store + progress + export) / wall, with store and progress per worker.
        let machineryShare: Double
        let maxObjectiveRelativeDifference: Double

        enum CodingKeys: String, CodingKey {
            case jobs, scenarios, succeeded
            case warmStart = "warm_start", warmStarts = "warm_starts", wallSeconds = "wall_seconds"
            case scenariosPerMinute = "scenarios_per_minute", meanScenarioSeconds = "mean_scenario_seconds"
            case meanSolveSeconds = "mean_solve_seconds", storeSeconds = "store_seconds", progressSeconds = "progress_seconds"
            case exportSeconds = "export_seconds", machineryShare = "machinery_share"
            case maxObjectiveRelativeDifference = "max_objective_relative_difference"
        }
    }

    struct Report: Encodable {
        let batch: String
        let scenarios: Int
        let validateSeconds: Double
        let measurements: [Measurement]
        let insula: String
        let glpk: String
        enum CodingKeys: String, CodingKey {
            case batch, scenarios, measurements, insula, glpk
            case validateSeconds = "validate_seconds"
        }
    }

    func run() throws {
        global.bootstrapLogging()
        let jobCounts = jobs.split(separator: ",").compactMap { Int($0.trimmingCharacters(in: .whitespaces)) }.filter { $0 > 0 }
        let policies = warmStarts.split(separator: ",").compactMap { WarmStartPolicy(rawValue: $0.trimmingCharacters(in: .whitespaces)) }
        guard !jobCounts.isEmpty, !policies.isEmpty else { throw ValidationError("--jobs and --warm-start need at least one valid value each") }
        let clock = ContinuousClock()
        let validateStart = clock.now
        let loaded = try readBatch(batch)
        try validateBatch(loaded, jobs: jobCounts.max()!)
        let validateSeconds = (clock.now - validateStart).seconds
        var measurements: [Measurement] = []
        var reference: [String: Double] = [:]
        for policy in policies {
            for jobCount in jobCounts {
                let folder = FileManager.default.temporaryDirectory.appendingPathComponent("insula-bench-batch-\(UUID().uuidString)")
                defer { try? FileManager.default.removeItem(at: folder) }
                let store = try ResultsStore.create(in: folder, metadata: BatchMetadata(
                    batchName: loaded.definition.name, batchFile: batch, batchSHA256: loaded.definition.batchSHA256,
                    siteFile: loaded.definition.siteURL.relativePath, batchScenarioCount: loaded.scenarios.count,
                    overridePaths: loaded.definition.overridePaths, shard: "all", insulaVersion: insulaVersion,
                    glpkVersion: GLPKEnvironment.version))
                try store.plan(loaded.scenarios)
                let results = ResultCollector()
                let progress = BatchProgress(total: loaded.scenarios.count, alreadyDone: 0, alreadyFailed: 0, quiet: true)
                let runner = BatchRunner(base: loaded.base, store: store, options: BatchRunOptions(
                    jobs: jobCount, solver: solver.options, warmStart: policy, insulaVersion: insulaVersion))
                let totals = try runner.run(loaded.scenarios) { result in
                    progress.finished(result)
                    results.add(result)
                }
                let exportStart = clock.now
                try store.export(to: folder)
                let exportSeconds = (clock.now - exportStart).seconds
                let all = results.all
                var maxDifference = 0.0
                for result in all {
                    guard let objective = result.kpis?.objectiveUSD else { continue }
                    if let first = reference[result.scenario.id] {
                        maxDifference = max(maxDifference, abs(objective - first) / max(1, abs(first)))
                    } else {
                        reference[result.scenario.id] = objective
                    }
                }
                let count = Double(max(1, all.count))
                let machinery = (totals.storeSeconds + totals.progressSeconds) / Double(min(jobCount, loaded.scenarios.count)) + exportSeconds
                measurements.append(Measurement(
                    jobs: jobCount, warmStart: policy.rawValue, scenarios: all.count, succeeded: totals.succeeded,
                    warmStarts: totals.warmStarts, wallSeconds: totals.wallSeconds + exportSeconds,
                    scenariosPerMinute: Double(all.count) / (totals.wallSeconds + exportSeconds) * 60,
                    meanScenarioSeconds: all.reduce(0) { $0 + $1.totalSeconds } / count,
                    meanSolveSeconds: all.reduce(0) { $0 + $1.solveSeconds } / count,
                    storeSeconds: totals.storeSeconds, progressSeconds: totals.progressSeconds, exportSeconds: exportSeconds,
                    machineryShare: machinery / (totals.wallSeconds + exportSeconds), maxObjectiveRelativeDifference: maxDifference))
                if format == .text { writeToStandardError(line(measurements.last!)) }
            }
        }
        let report = Report(batch: batch, scenarios: loaded.scenarios.count, validateSeconds: validateSeconds,
                            measurements: measurements, insula: insulaVersion, glpk: GLPKEnvironment.version)
        if format == .json {
            print(try encodeJSON(report))
        } else {
            print("\(batch): \(loaded.scenarios.count) scenarios, validated in \(String(format: "%.2f", validateSeconds)) s")
            measurements.forEach { print(line($0)) }
            if let one = measurements.first(where: { $0.jobs == 1 }) {
                for other in measurements where other.jobs > 1 && other.warmStart == one.warmStart {
                    print("speed-up with \(other.jobs) workers (warm start \(other.warmStart)): \(String(format: "%.2f", other.scenariosPerMinute / one.scenariosPerMinute))x")
                }
            }
        }
    }

    private func line(_ m: Measurement) -> String {
        func f(_ value: Double, _ digits: Int) -> String { String(format: "%.\(digits)f", value) }
        return "jobs \(m.jobs), warm start \(m.warmStart): \(f(m.wallSeconds, 1)) s, \(f(m.scenariosPerMinute, 1)) scenarios/min, "
            + "\(f(m.meanScenarioSeconds, 3)) s per scenario (solve \(f(m.meanSolveSeconds, 3)) s), \(m.warmStarts) warm, "
            + "machinery \(f(m.machineryShare * 100, 2)) %, max objective difference \(String(format: "%.1e", m.maxObjectiveRelativeDifference))"
    }
}

/// Results gathered from worker threads.
private final class ResultCollector: @unchecked Sendable {
    private let lock = NSLock()
    private var results: [ScenarioResult] = []
    func add(_ result: ScenarioResult) {
        var light = result
        light.steps = []
        lock.withLock { results.append(light) }
    }
    var all: [ScenarioResult] { lock.withLock { results } }
}
