import ArgumentParser

/// `insula lp`: work with linear programs directly.
struct LPCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "lp",
        abstract: "Solve or export linear programs (MPS and CPLEX LP files).",
        subcommands: [LPSolveCommand.self, LPExportCommand.self]
    )
}
