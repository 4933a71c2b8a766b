import ArgumentParser
import Foundation
import Optimization

/// `insula bench lp`: build, load and solve the dispatch LP with each method, against
/// `glpsol` on the same model, and time warm re-solves against cold ones.
struct BenchLPCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "lp",
        abstract: "Benchmark LP build, load and solve against glpsol (release build).",
        discussion: "Simplex on a full year takes minutes in GLPK: pass --methods interior for a quick run."
    )

    @Option(help: "Hourly steps of the dispatch LP.")
    var hours = 8_760

    @Option(help: "Comma-separated methods to time: interior, dual, primal.")
    var methods = "interior,dual,primal"

    @Option(name: .customLong("glpsol-methods"), help: "Methods for which glpsol solves the exported file.")
    var glpsolMethods = "interior"

    @Option(name: .customLong("resolve-hours"), help: "Steps of the model used for the re-solve measurement (0 skips it).")
    var resolveHours = 168

    @Option(help: "Number of price changes re-solved warm and cold.")
    var resolves = 10

    @Option(help: "Output format: text or json.")
    var format: OutputFormat = .text

    @Option(help: "Only write the benchmark model to this .mps or .lp file and stop.")
    var export: String?

    @OptionGroup var global: GlobalOptions

    func validate() throws {
        if let export, ModelFileFormat(fileExtension: URL(fileURLWithPath: export).pathExtension) == nil {
            throw ValidationError("--export needs a .mps or .lp file name")
        }
        guard hours >= 2, hours <= 105_408 else { throw ValidationError("--hours must be between 2 and 105408") }
        guard resolveHours == 0 || resolveHours >= 2 else { throw ValidationError("--resolve-hours must be 0 or at least 2") }
        for name in parsedMethods(methods) + parsedMethods(glpsolMethods) where ![.interior, .dual, .primal].contains(SolverMethod(rawValue: name)) {
            throw ValidationError("unknown method '\(name)': use interior, dual or primal")
        }
    }

    func run() throws {
        global.bootstrapLogging()
        let clock = ContinuousClock()
        var report = LPBenchmarkReport()

        var start = clock.now
        let (model, _) = DispatchBenchmarkModel(hours: hours).build()
        report.buildSeconds = (clock.now - start).seconds
        if let export {
            let url = URL(fileURLWithPath: export)
            do {
                try model.write(to: url, format: ModelFileFormat(fileExtension: url.pathExtension)!)
            } catch {
                throw CommandFailure(.invalidInput, "error: \(error)")
            }
            return
        }
        report.rows = model.rowCount
        report.columns = model.columnCount
        report.nonzeros = model.nonzeroCount

        for name in parsedMethods(methods) {
            let method = SolverMethod(rawValue: name)!
            start = clock.now
            let result = try GLPK.solve(model, options: SolverOptions(method: method))
            report.loadSeconds = report.loadSeconds.map { min($0, result.loadSeconds) } ?? result.loadSeconds
            report.solveSeconds[name] = result.solveSeconds
            report.objective[name] = result.objectiveValue
            report.iterations[name] = result.iterations
            report.status[name] = result.status.rawValue
            log("\(name): \(result.status.rawValue) in \(String(format: "%.2f", result.solveSeconds)) s")
        }

        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("insula-bench-\(ProcessInfo.processInfo.processIdentifier)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let file = folder.appendingPathComponent("dispatch.mps")
        try model.write(to: file, format: .mps)
        for name in parsedMethods(glpsolMethods) {
            if let seconds = try timeGlpsol(file: file, method: name) {
                report.glpsolSecondsByMethod[name] = seconds
                log("glpsol \(name): \(String(format: "%.2f", seconds)) s")
            }
        }
        report.glpsolSeconds = report.glpsolSecondsByMethod["interior"] ?? report.glpsolSecondsByMethod.values.first
        if let ours = report.solveSeconds["interior"], let theirs = report.glpsolSecondsByMethod["interior"] {
            report.ratioToGlpsolInterior = ours / theirs
        }
        if let interior = report.solveSeconds["interior"], let load = report.loadSeconds {
            report.buildAndLoadShareOfInterior = (report.buildSeconds + load) / interior
        }
        if resolveHours > 0, resolves > 0 { report.resolve = measureResolves() }
        report.peakRSSMegabytes = peakResidentMegabytes()

        print(format == .json ? try encodeJSON(report) : report.text)
    }

    /// Changes import and export prices `resolves` times; solves each variant warm (one
    /// session, previous basis) and cold (fresh model, dual simplex with presolve).
    private func measureResolves() -> ResolveReport {
        let benchmark = DispatchBenchmarkModel(hours: resolveHours)
        let (model, columns) = benchmark.build()
        let basePrice = benchmark.priceUSDPerMWh()
        let clock = ContinuousClock()
        var warmSeconds = 0.0, coldSeconds = 0.0, warmIterations = 0, coldIterations = 0
        var maxObjectiveDifference = 0.0
        let session = try! SolverSession(model: model)
        _ = session.solve()
        var variant = model
        for round in 1...resolves {
            let factor = 1 + 0.05 * Double(round)
            let shift = Double(round % 3) * 4
            for hour in 0..<resolveHours {
                let price = basePrice[hour] * factor + (hour % 24 >= 17 && hour % 24 < 21 ? shift : 0)
                try! session.setObjective(columns.imports[hour], price)
                try! session.setObjective(columns.exports[hour], -0.9 * price)
                variant.setObjective(columns.imports[hour], price)
                variant.setObjective(columns.exports[hour], -0.9 * price)
            }
            var start = clock.now
            let warm = session.solve()
            warmSeconds += (clock.now - start).seconds
            warmIterations += warm.iterations
            start = clock.now
            let cold = try! GLPK.solve(variant, options: SolverOptions(method: .dual))
            coldSeconds += (clock.now - start).seconds
            coldIterations += cold.iterations
            if let a = warm.objectiveValue, let b = cold.objectiveValue {
                maxObjectiveDifference = max(maxObjectiveDifference, abs(a - b) / max(1, abs(b)))
            }
        }
        let count = Double(resolves)
        return ResolveReport(
            hours: resolveHours, count: resolves,
            warmSecondsMean: warmSeconds / count, coldSecondsMean: coldSeconds / count,
            warmIterationsMean: Double(warmIterations) / count, coldIterationsMean: Double(coldIterations) / count,
            speedup: coldSeconds / max(warmSeconds, 1e-9), maxRelativeObjectiveDifference: maxObjectiveDifference)
    }

    /// Wall time of `glpsol` solving `file`, or nil when glpsol is not installed.
    private func timeGlpsol(file: URL, method: String) throws -> Double? {
        guard let executable = ["/usr/bin/glpsol", "/usr/local/bin/glpsol"].first(where: FileManager.default.isExecutableFile) else {
            log("glpsol not found: install glpk-utils to compare")
            return nil
        }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        let flag = method == "interior" ? "--interior" : (method == "primal" ? "--primal" : "--dual")
        let output = file.deletingLastPathComponent().appendingPathComponent("glpsol-\(method).txt")
        process.arguments = ["--freemps", file.path, flag, "-o", output.path, "--log", output.path + ".log"]
        _ = FileManager.default.createFile(atPath: output.path + ".out", contents: nil)
        process.standardOutput = FileHandle(forWritingAtPath: output.path + ".out")
        let clock = ContinuousClock()
        let start = clock.now
        try process.run()
        process.waitUntilExit()
        return (clock.now - start).seconds
    }

    private func parsedMethods(_ list: String) -> [String] {
        list.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
    }

    private func log(_ message: String) {
        if format == .text || global.verbose { writeToStandardError(message) }
    }
}

/// Peak resident memory of this process so far, megabytes (`getrusage`).
func peakResidentMegabytes() -> Double {
    var usage = rusage()
    getrusage(RUSAGE_SELF.rawValue, &usage)
    return Double(usage.ru_maxrss) / 1024  // Linux reports kilobytes
}

struct ResolveReport: Encodable {
    let hours: Int
    let count: Int
    let warmSecondsMean: Double
    let coldSecondsMean: Double
    let warmIterationsMean: Double
    let coldIterationsMean: Double
    let speedup: Double
    let maxRelativeObjectiveDifference: Double

    enum CodingKeys: String, CodingKey {
        case hours, count, speedup
        case warmSecondsMean = "warm_seconds_mean", coldSecondsMean = "cold_seconds_mean"
        case warmIterationsMean = "warm_iterations_mean", coldIterationsMean = "cold_iterations_mean"
        case maxRelativeObjectiveDifference = "max_relative_objective_difference"
    }
}

struct LPBenchmarkReport: Encodable {
    var rows = 0
    var columns = 0
    var nonzeros = 0
    var buildSeconds = 0.0
    var loadSeconds: Double?
    var solveSeconds: [String: Double] = [:]
    var iterations: [String: Int] = [:]
    var objective: [String: Double] = [:]
    var status: [String: String] = [:]
    var glpsolSeconds: Double?
    var glpsolSecondsByMethod: [String: Double] = [:]
    var ratioToGlpsolInterior: Double?
    var buildAndLoadShareOfInterior: Double?
    var resolve: ResolveReport?
    var peakRSSMegabytes = 0.0
    let glpkVersion = GLPKEnvironment.version
    let insula = insulaVersion

    enum CodingKeys: String, CodingKey {
        case rows, columns, nonzeros, iterations, objective, status, resolve, insula
        case buildSeconds = "build_seconds", loadSeconds = "load_seconds", solveSeconds = "solve_seconds"
        case glpsolSeconds = "glpsol_seconds", glpsolSecondsByMethod = "glpsol_seconds_by_method"
        case ratioToGlpsolInterior = "interior_ratio_to_glpsol"
        case buildAndLoadShareOfInterior = "build_and_load_share_of_interior_solve"
        case peakRSSMegabytes = "peak_rss_mb", glpkVersion = "glpk_version"
    }

    var text: String {
        var lines = [
            "LP: \(rows) rows, \(columns) columns, \(nonzeros) non-zeros",
            "build   \(String(format: "%.3f", buildSeconds)) s",
            "load    \(loadSeconds.map { String(format: "%.3f", $0) } ?? "-") s",
        ]
        for (method, seconds) in solveSeconds.sorted(by: { $0.key < $1.key }) {
            lines.append("solve   \(method): \(String(format: "%.3f", seconds)) s, \(iterations[method] ?? 0) iterations, objective \(objective[method].map { formatNumber($0, digits: 12) } ?? status[method] ?? "-")")
        }
        for (method, seconds) in glpsolSecondsByMethod.sorted(by: { $0.key < $1.key }) {
            lines.append("glpsol  \(method): \(String(format: "%.3f", seconds)) s (file parse included)")
        }
        if let ratio = ratioToGlpsolInterior { lines.append("interior in-process / glpsol: \(String(format: "%.3f", ratio))") }
        if let share = buildAndLoadShareOfInterior { lines.append("build + load / interior solve: \(String(format: "%.1f", share * 100)) %") }
        if let resolve {
            lines.append("re-solve (\(resolve.hours) h, \(resolve.count) price changes): warm \(String(format: "%.4f", resolve.warmSecondsMean)) s (\(Int(resolve.warmIterationsMean)) it), cold \(String(format: "%.4f", resolve.coldSecondsMean)) s (\(Int(resolve.coldIterationsMean)) it), speed-up \(String(format: "%.1f", resolve.speedup))x")
        }
        lines.append("peak RSS \(String(format: "%.0f", peakRSSMegabytes)) MB")
        return lines.joined(separator: "\n")
    }
}
