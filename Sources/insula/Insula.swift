import ArgumentParser
import Foundation
import Batch
import Optimization

/// Insula's version, printed by `insula --version` and written into every summary.
let insulaVersion = "0.1.0"

/// The `insula` command: a thin layer over the library modules.
struct InsulaCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "insula",
        abstract: "Power planning for AI factories built as energy islands.",
        discussion: """
            Exit codes: 0 success, 1 internal error, 2 invalid input or usage, \
            3 infeasible or unbounded, 4 solver limit or numerical failure, \
            5 batch finished with failed or remaining scenarios, 6 I/O failure (disk full, \
            permission, read-only file system), 7 output folder busy (another insula process).
            """,
        version: "insula \(insulaVersion) (GLPK \(GLPKEnvironment.version))",
        subcommands: [ValidateCommand.self, SolveCommand.self, OperateCommand.self, PlanCommand.self, BatchCommand.self, ThermalCommand.self, ReportCommand.self,
                      DataCommand.self, LPCommand.self, BenchCommand.self, FlexCommand.self]
    )
}

@main
enum Main {
    static func main() {
        do {
            var command = try InsulaCommand.parseAsRoot()
            try command.run()
        } catch let failure as CommandFailure {
            failure.report()
            exit(failure.code.rawValue)
        } catch let error as StoreError {
            writeToStandardError("error: \(error.message)")
            exit(error.isIOFailure ? InsulaExitCode.ioFailure.rawValue : InsulaExitCode.invalidInput.rawValue)
        } catch let error as CocoaError where error.isFileError {
            writeToStandardError("error: \((error.userInfo[NSFilePathErrorKey] as? String).map { "\($0): " } ?? "")\(describeIOError(error))")
            exit(InsulaExitCode.ioFailure.rawValue)
        } catch {
            let code = InsulaCommand.exitCode(for: error)
            let message = InsulaCommand.fullMessage(for: error)
            if code == .success {
                if !message.isEmpty { print(message) }
                exit(0)
            }
            writeToStandardError(message)
            // Usage errors from the argument parser (EX_USAGE, 64) are invalid input here.
            exit(code == .validationFailure ? InsulaExitCode.invalidInput.rawValue : code.rawValue)
        }
    }
}
