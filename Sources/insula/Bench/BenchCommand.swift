import ArgumentParser

/// `insula bench`: release-mode benchmarks (build with `swift build -c release`).
struct BenchCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "bench",
        abstract: "Benchmarks: run from a release build (swift build -c release).",
        subcommands: [BenchLPCommand.self, BenchSolveCommand.self, BenchPlanCommand.self, BenchOperateCommand.self, BenchThermalCommand.self, BenchBatchCommand.self]
    )
}
