import ArgumentParser
import Foundation
import Optimization
import Planning
import Scheduling

/// `insula lp export SITE.yaml --format mps|lp -o FILE`: the compiled site LP for another solver.
struct LPExportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "export",
        abstract: "Write a site's compiled LP as free MPS or CPLEX LP with readable names."
    )

    @Argument(help: "Site file (YAML).")
    var site: String

    @OptionGroup var overrides: SiteOverrides

    @Option(help: "mps or lp.")
    var format: String = "mps"

    @Option(name: [.customShort("o"), .long], help: "Output file.")
    var output: String

    @OptionGroup var global: GlobalOptions

    func validate() throws {
        guard ["mps", "lp"].contains(format) else { throw ValidationError("--format must be mps or lp") }
    }

    func run() throws {
        global.bootstrapLogging()
        try checkOutputFile(output, option: "-o")
        var loaded = try loadSite(site, overrides: overrides)
        // A build-out exports the stacked LP of all its periods (`insula plan --decomposition none`).
        if loaded.buildOut != nil {
            let program: LinearProgram
            do {
                program = try BuildOutPlanner.stackedProgram(loaded, options: PlanOptions(compile: CompileOptions(names: true)))
            } catch {
                throw CommandFailure(.invalidInput, "error: \(site): \(error)")
            }
            try write(program)
            return
        }
        // A site with representative days exports the LP `insula plan` solves over them.
        if let settings = loaded.aggregation { loaded = RepresentativeDays(site: loaded, settings: settings).site(of: loaded) }
        let model: SiteModel
        do {
            model = try SiteCompiler.compile(loaded)
        } catch {
            throw CommandFailure(.invalidInput, "error: \(site): \(error)")
        }
        try write(model.program)
    }

    private func write(_ program: LinearProgram) throws {
        do {
            try program.write(to: URL(fileURLWithPath: output), format: format == "lp" ? .lp : .mps)
        } catch let error as ModelFileError {
            throw CommandFailure(.ioFailure, "error: \(error)")
        } catch {
            throw CommandFailure(.invalidInput, "error: \(error)")
        }
        writeToStandardError("\(output): \(program.rowCount) rows, \(program.columnCount) columns, \(program.nonzeroCount) non-zeros")
    }
}
