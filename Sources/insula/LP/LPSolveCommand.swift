import ArgumentParser
import Foundation
import Optimization
import Scheduling

/// `insula lp solve FILE`: solves an MPS or CPLEX LP file with GLPK.
struct LPSolveCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "solve",
        abstract: "Solve an MPS (.mps) or CPLEX LP (.lp) file.",
        discussion: "Exit code 0 when optimal, 3 infeasible or unbounded, 4 limit or numerical failure, 2 bad file."
    )

    @Argument(help: "Model file (.mps free or fixed MPS, .lp CPLEX LP).")
    var file: String

    @OptionGroup var solver: SolverArguments

    @Option(help: "Output format: text or json.")
    var format: OutputFormat = .text

    @Option(help: "Write column values and reduced costs to this CSV file.")
    var solution: String?

    @OptionGroup var global: GlobalOptions

    func run() throws {
        global.bootstrapLogging()
        if let solution { try checkOutputFile(solution, option: "--solution") }
        let url = URL(fileURLWithPath: file)
        let model: LinearProgram
        do {
            model = try LinearProgram.read(from: url)
        } catch {
            throw CommandFailure.invalidInput(error)
        }
        var options = solver.options
        if solver.method == .mip, !model.hasIntegerColumns { options.method = .dual }
        let progress = SolveProgressLine.forTerminal(verbose: global.verbose)
        options.progress = progress?.callback
        let result: SolveResult
        do {
            defer { progress?.finish() }
            result = try GLPK.solve(model, options: options)
        } catch {
            throw CommandFailure(.invalidInput, "error: \(file): \(error)")
        }
        let summary = LPSolveSummary(file: file, model: model, result: result)
        print(format == .json ? try encodeJSON(summary) : summary.text)
        if let solution, result.status.hasSolution {
            try writeAtomically(Data(solutionCSV(model: model, result: result).utf8), to: URL(fileURLWithPath: solution), option: "--solution")
        }
        let code = InsulaExitCode(result.status)
        if code != .success { throw CommandFailure(code, "") }
    }

    private func solutionCSV(model: LinearProgram, result: SolveResult) -> String {
        var lines = ["column,value,reduced_cost"]
        lines.reserveCapacity(model.columnCount + 1)
        for index in 0..<model.columnCount {
            let name = model.columnNames[index].isEmpty ? "C\(index + 1)" : model.columnNames[index]
            let reduced = result.reducedCosts.isEmpty ? "" : "\(result.reducedCosts[index])"
            lines.append("\(RunWriter.csvField(name)),\(result.primalValues[index]),\(reduced)")
        }
        return lines.joined(separator: "\n") + "\n"
    }
}

/// What `insula lp solve` reports.
struct LPSolveSummary: Encodable {
    let file: String
    let status: String
    let objective: Double?
    let iterations: Int
    let method: String
    let solveSeconds: Double
    let loadSeconds: Double
    let rows: Int
    let columns: Int
    let nonzeros: Int
    let integerColumns: Int
    let mipGap: Double?
    let mipBound: Double?
    let message: String?
    let maxPrimalViolation: Double?
    let relativeGap: Double?
    let attempts: [SolveAttempt]
    let glpkVersion: String

    init(file: String, model: LinearProgram, result: SolveResult) {
        self.file = file
        status = result.status.rawValue
        objective = result.objectiveValue
        iterations = result.iterations
        method = result.method.rawValue
        solveSeconds = result.solveSeconds
        loadSeconds = result.loadSeconds
        rows = model.rowCount
        columns = model.columnCount
        nonzeros = model.nonzeroCount
        integerColumns = model.columnKinds.filter { $0 != .continuous }.count
        mipGap = result.mipGap
        mipBound = result.mipBound
        message = result.message
        maxPrimalViolation = result.quality?.maxPrimalViolation
        relativeGap = result.quality?.relativeGap
        attempts = result.attempts
        glpkVersion = GLPKEnvironment.version
    }

    enum CodingKeys: String, CodingKey {
        case file, status, objective, iterations, method, rows, columns, nonzeros, message
        case solveSeconds = "solve_seconds", loadSeconds = "load_seconds", integerColumns = "integer_columns"
        case mipGap = "mip_gap", mipBound = "mip_bound", glpkVersion = "glpk_version"
        case maxPrimalViolation = "max_primal_violation", relativeGap = "relative_gap", attempts
    }

    var text: String {
        var lines = [
            "file        \(file)",
            "status      \(status)",
            "objective   \(objective.map { formatNumber($0, digits: 12) } ?? "-")",
            "method      \(method)",
            "iterations  \(iterations)",
            "size        \(rows) rows, \(columns) columns (\(integerColumns) integer), \(nonzeros) non-zeros",
            "time        load \(String(format: "%.3f", loadSeconds)) s, solve \(String(format: "%.3f", solveSeconds)) s",
        ]
        if let mipGap { lines.append("mip gap     \(formatNumber(mipGap, digits: 3))") }
        if let maxPrimalViolation {
            lines.append("checked     primal violation \(String(format: "%.1e", maxPrimalViolation))"
                         + (relativeGap.map { ", relative gap \(String(format: "%.1e", $0))" } ?? ""))
        }
        if attempts.count > 1 { lines.append("methods     " + attempts.map(\.summary).joined(separator: "; ")) }
        if let message { lines.append("note        \(message)") }
        return lines.joined(separator: "\n")
    }
}
