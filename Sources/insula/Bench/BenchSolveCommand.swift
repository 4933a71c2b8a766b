import ArgumentParser
import Foundation
import Island
import Optimization
import Scheduling

/// `insula bench solve`: the real-data corpus solved as `insula solve` would, each site also
/// without its carbon limits, and (when Python has PyPSA and HiGHS) against PyPSA + HiGHS on
/// the same site in the same run.
struct BenchSolveCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "solve",
        abstract: "Benchmark full-year site solves (the real-data corpus) against HiGHS through PyPSA (release build).",
        discussion: """
        Per site: status, the method that won, wall time (build, load, solve), iterations, the \
        certified primal violation and gap, the time of the same site with its carbon cap, \
        intensity cap and CFE target removed, and PyPSA + HiGHS's time and objective from \
        tools/crosscheck/crosscheck.py --time-only (skipped when python3 lacks pypsa or highspy).
        """
    )

    @Argument(help: "Site files (default: every data/sites/real/*.yaml).")
    var sites: [String] = []

    @Option(help: "Output format: text or json.")
    var format: OutputFormat = .text

    @Option(help: "Compare with PyPSA + HiGHS: auto (when python3 has pypsa and highspy), on or off.")
    var highs: Toggle = .auto

    @Flag(inversion: .prefixedNo, help: "Also solve each site with its carbon limits removed.")
    var uncapped = true

    @Option(help: "Path of tools/crosscheck/crosscheck.py.")
    var crosscheck = "tools/crosscheck/crosscheck.py"

    @OptionGroup var solver: SolverArguments
    @OptionGroup var global: GlobalOptions

    enum Toggle: String, ExpressibleByArgument { case auto, on, off }

    func run() throws {
        global.bootstrapLogging()
        let paths = sites.isEmpty ? try corpus() : sites
        guard !paths.isEmpty else { throw CommandFailure(.invalidInput, "error: no sites given and none in data/sites/real") }
        var reports: [SiteSolveBenchmark] = []
        for path in paths {
            let site = try loadSite(path)
            log("solving \(path) ...")
            var report = try measure(site, path: path)
            if uncapped, site.carbon.capTonnes != nil || site.carbon.intensityCapGramsPerKWhIT != nil || site.carbon.cfeTargetShare != nil {
                var free = site
                free.carbon.capTonnes = nil
                free.carbon.intensityCapGramsPerKWhIT = nil
                free.carbon.cfeTargetShare = nil
                let open = try measure(free, path: path)
                report.uncappedSolveSeconds = open.solveSeconds
                report.uncappedObjectiveUSD = open.objectiveUSD
                report.uncappedIterations = open.iterations
                report.limitsSlowdown = report.solveSeconds / max(open.solveSeconds, 1e-9)
            }
            reports.append(report)
        }
        if highs != .off { try compareWithHiGHS(&reports, paths: paths) }
        let summary = SolveBenchmarkSummary(sites: reports)
        if format == .json {
            print(try encodeJSON(summary))
        } else {
            print(summary.text)
        }
    }

    /// `data/sites/real/*.yaml`, sorted.
    private func corpus() throws -> [String] {
        let folder = "data/sites/real"
        let names = (try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? []
        return names.filter { $0.hasSuffix(".yaml") }.sorted().map { "\(folder)/\($0)" }
    }

    private func measure(_ site: Site, path: String) throws -> SiteSolveBenchmark {
        let clock = ContinuousClock()
        let start = clock.now
        let outcome = try OperatingSolve.run(site, solver: solver.options, compile: CompileOptions(names: false))
        let wall = (clock.now - start).seconds
        let result = outcome.result
        return SiteSolveBenchmark(
            site: site.name, file: path, steps: site.horizon.steps, rows: outcome.model.program.rowCount,
            nonzeros: outcome.model.program.entryCount, status: result.status.rawValue, method: result.method.rawValue,
            attempts: result.attempts.map(\.summary).joined(separator: "; "),
            wallSeconds: wall, buildSeconds: outcome.buildSeconds, loadSeconds: result.loadSeconds, solveSeconds: result.solveSeconds,
            iterations: result.iterations, objectiveUSD: result.objectiveValue,
            maxPrimalViolation: result.quality?.maxPrimalViolation, relativeGap: result.quality?.relativeGap)
    }

    /// Runs the cross-check script in timing mode on every site and folds its figures in.
    private func compareWithHiGHS(_ reports: inout [SiteSolveBenchmark], paths: [String]) throws {
        guard FileManager.default.fileExists(atPath: crosscheck) else {
            if highs == .on { throw CommandFailure(.invalidInput, "error: \(crosscheck) not found (run from the repository root)") }
            log("no \(crosscheck): skipping the HiGHS comparison")
            return
        }
        let probe = run("/usr/bin/env", ["python3", "-c", "import pypsa, highspy"])
        guard probe == 0 else {
            if highs == .on { throw CommandFailure(.invalidInput, "error: python3 lacks pypsa or highspy (python3 -m pip install pypsa highspy)") }
            log("python3 lacks pypsa or highspy: skipping the HiGHS comparison")
            return
        }
        let output = FileManager.default.temporaryDirectory.appendingPathComponent("insula-bench-highs-\(getpid()).json")
        defer { try? FileManager.default.removeItem(at: output) }
        log("PyPSA + HiGHS on \(paths.count) sites ...")
        let executable = CommandLine.arguments[0].contains("/") ? CommandLine.arguments[0] : "insula"
        let status = run("/usr/bin/env", ["python3", crosscheck, "--time-only", "--solvers", "highs", "--insula", executable,
                                          "--json", output.path] + paths)
        guard let data = try? Data(contentsOf: output), let parsed = try? JSONSerialization.jsonObject(with: data) else {
            log("the cross-check script wrote no timings (exit \(status))")
            return
        }
        let entries = (parsed as? [[String: Any]]) ?? ((parsed as? [String: Any])?["sites"] as? [[String: Any]]) ?? []
        for (index, path) in paths.enumerated() {
            let standardized = URL(fileURLWithPath: path).standardizedFileURL.path
            guard let entry = entries.first(where: { ($0["site"] as? String).map { URL(fileURLWithPath: $0).standardizedFileURL.path == standardized } ?? false })
                ?? (entries.count == paths.count ? entries[index] : nil) else { continue }
            var report = reports[index]
            report.highsSolveSeconds = entry["highs_solve_seconds"] as? Double
            report.pypsaBuildSeconds = entry["pypsa_build_seconds"] as? Double
            report.highsTotalSeconds = entry["total_seconds"] as? Double
            report.highsObjectiveUSD = entry["objective_usd"] as? Double
            if let highsSolve = report.highsSolveSeconds { report.ratioToHiGHSSolve = (report.loadSeconds + report.solveSeconds) / max(highsSolve, 1e-9) }
            if let total = report.highsTotalSeconds { report.ratioToPyPSAHiGHSTotal = report.wallSeconds / max(total, 1e-9) }
            if let ours = report.objectiveUSD, let theirs = report.highsObjectiveUSD {
                report.relativeObjectiveDifference = abs(ours - theirs) / max(1, abs(theirs))
            }
            reports[index] = report
        }
    }

    /// Runs a process with its output on stderr (the script's progress); returns its exit status.
    private func run(_ executable: String, _ arguments: [String]) -> Int32 {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = arguments
        process.standardOutput = global.verbose ? FileHandle.standardError : FileHandle.nullDevice
        process.standardError = global.verbose ? FileHandle.standardError : FileHandle.nullDevice
        do { try process.run() } catch { return -1 }
        process.waitUntilExit()
        return process.terminationStatus
    }

    private func log(_ message: String) {
        if format == .text || global.verbose { writeToStandardError(message) }
    }
}

/// One site's figures in `insula bench solve`.
struct SiteSolveBenchmark: Encodable {
    var site: String
    var file: String
    var steps: Int
    var rows: Int
    var nonzeros: Int
    var status: String
    var method: String
    var attempts: String
    var wallSeconds: Double
    var buildSeconds: Double
    var loadSeconds: Double
    var solveSeconds: Double
    var iterations: Int
    var objectiveUSD: Double?
    var maxPrimalViolation: Double?
    var relativeGap: Double?
    var uncappedSolveSeconds: Double?
    var uncappedObjectiveUSD: Double?
    /// Iterations without the limits: unlike seconds, not moved by the machine's load.
    var uncappedIterations: Int?
    /// Solve time with the site's carbon limits over solve time without them.
    var limitsSlowdown: Double?
    var pypsaBuildSeconds: Double?
    var highsSolveSeconds: Double?
    var highsTotalSeconds: Double?
    var highsObjectiveUSD: Double?
    var relativeObjectiveDifference: Double?
    /// Insula's load + solve over HiGHS's solve (models already built on both sides).
    var ratioToHiGHSSolve: Double?
    /// Insula's whole solve (build, load, solve) over PyPSA's build + HiGHS's solve.
    var ratioToPyPSAHiGHSTotal: Double?

    enum CodingKeys: String, CodingKey {
        case site, file, steps, rows, nonzeros, status, method, attempts, iterations
        case wallSeconds = "wall_seconds", buildSeconds = "build_seconds", loadSeconds = "load_seconds", solveSeconds = "solve_seconds"
        case objectiveUSD = "objective_usd", maxPrimalViolation = "max_primal_violation", relativeGap = "relative_gap"
        case uncappedSolveSeconds = "uncapped_solve_seconds", uncappedObjectiveUSD = "uncapped_objective_usd"
        case uncappedIterations = "uncapped_iterations"
        case limitsSlowdown = "limits_slowdown"
        case pypsaBuildSeconds = "pypsa_build_seconds", highsSolveSeconds = "highs_solve_seconds", highsTotalSeconds = "highs_total_seconds"
        case highsObjectiveUSD = "highs_objective_usd", relativeObjectiveDifference = "relative_objective_difference"
        case ratioToHiGHSSolve = "ratio_to_highs_solve", ratioToPyPSAHiGHSTotal = "ratio_to_pypsa_highs_total"
    }
}

/// The corpus figures and the targets they are judged by.
struct SolveBenchmarkSummary: Encodable {
    var sites: [SiteSolveBenchmark]
    var allOptimal: Bool { sites.allSatisfy { $0.status == "optimal" } }
    var maxSolveSeconds: Double { sites.map { $0.loadSeconds + $0.solveSeconds }.max() ?? 0 }
    var maxLimitsSlowdown: Double? { sites.compactMap(\.limitsSlowdown).max() }
    var medianRatioToHiGHSSolve: Double? { median(sites.compactMap(\.ratioToHiGHSSolve)) }
    var maxRatioToHiGHSSolve: Double? { sites.compactMap(\.ratioToHiGHSSolve).max() }
    var medianRatioToPyPSAHiGHSTotal: Double? { median(sites.compactMap(\.ratioToPyPSAHiGHSTotal)) }
    var maxRelativeObjectiveDifference: Double? { sites.compactMap(\.relativeObjectiveDifference).max() }

    private func median(_ values: [Double]) -> Double? {
        guard !values.isEmpty else { return nil }
        let sorted = values.sorted()
        return sorted.count % 2 == 1 ? sorted[sorted.count / 2] : (sorted[sorted.count / 2 - 1] + sorted[sorted.count / 2]) / 2
    }

    enum CodingKeys: String, CodingKey {
        case sites, allOptimal = "all_optimal", maxSolveSeconds = "max_solve_seconds", maxLimitsSlowdown = "max_limits_slowdown"
        case medianRatioToHiGHSSolve = "median_ratio_to_highs_solve", maxRatioToHiGHSSolve = "max_ratio_to_highs_solve"
        case medianRatioToPyPSAHiGHSTotal = "median_ratio_to_pypsa_highs_total"
        case maxRelativeObjectiveDifference = "max_relative_objective_difference"
    }

    func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(sites, forKey: .sites)
        try container.encode(allOptimal, forKey: .allOptimal)
        try container.encode(maxSolveSeconds, forKey: .maxSolveSeconds)
        try container.encode(maxLimitsSlowdown, forKey: .maxLimitsSlowdown)
        try container.encode(medianRatioToHiGHSSolve, forKey: .medianRatioToHiGHSSolve)
        try container.encode(maxRatioToHiGHSSolve, forKey: .maxRatioToHiGHSSolve)
        try container.encode(medianRatioToPyPSAHiGHSTotal, forKey: .medianRatioToPyPSAHiGHSTotal)
        try container.encode(maxRelativeObjectiveDifference, forKey: .maxRelativeObjectiveDifference)
    }

    var text: String {
        func seconds(_ value: Double?) -> String { value.map { String(format: "%.1f", $0) } ?? "-" }
        func ratio(_ value: Double?) -> String { value.map { String(format: "%.2f", $0) } ?? "-" }
        func small(_ value: Double?) -> String { value.map { String(format: "%.0e", $0) } ?? "-" }
        func pad(_ text: String, _ width: Int) -> String { text.count >= width ? text : text + String(repeating: " ", count: width - text.count) }
        let header = ["site", "steps", "status", "method", "solve s", "it", "viol", "gap", "uncapped s", "unc it", "x-limits", "HiGHS s", "ratio", "obj diff"]
        let widths = [34, 6, 18, 9, 8, 4, 7, 7, 11, 7, 9, 8, 6, 8]
        var lines = [zip(header, widths).map { pad($0, $1) }.joined()]
        for site in sites {
            let cells = [site.site, "\(site.steps)", site.status, site.method, seconds(site.loadSeconds + site.solveSeconds), "\(site.iterations)",
                         small(site.maxPrimalViolation), small(site.relativeGap), seconds(site.uncappedSolveSeconds),
                         site.uncappedIterations.map(String.init) ?? "-", ratio(site.limitsSlowdown),
                         seconds(site.highsSolveSeconds), ratio(site.ratioToHiGHSSolve), small(site.relativeObjectiveDifference)]
            lines.append(zip(cells, widths).map { pad($0, $1) }.joined())
        }
        lines.append("all optimal: \(allOptimal); slowest solve \(seconds(maxSolveSeconds)) s; limits slow-down at most \(ratio(maxLimitsSlowdown))x; "
                     + "ratio to HiGHS median \(ratio(medianRatioToHiGHSSolve)), max \(ratio(maxRatioToHiGHSSolve)); "
                     + "to PyPSA+HiGHS total median \(ratio(medianRatioToPyPSAHiGHSTotal))")
        return lines.joined(separator: "\n")
    }
}
