import Foundation
import Optimization

/// Exit codes shared by every command (documented in the README).
enum InsulaExitCode: Int32 {
    case success = 0
    case internalError = 1
    case invalidInput = 2
    case infeasible = 3
    case solverLimit = 4
    case batchPartialFailure = 5

    /// The exit code for a solve that ended with `status`.
    init(_ status: SolveStatus) {
        switch status {
        case .optimal: self = .success
        case .infeasible, .unbounded, .infeasibleOrUnbounded: self = .infeasible
        case .timeLimit, .iterationLimit, .numericalFailure: self = .solverLimit
        }
    }
}

/// A command's failure: a message for stderr and the exit code to leave with.
struct CommandFailure: Error {
    let code: InsulaExitCode
    let message: String

    init(_ code: InsulaExitCode, _ message: String) {
        self.code = code
        self.message = message
    }

    /// Bad input: the message names the file (and line or row) at fault.
    static func invalidInput(_ error: any Error) -> CommandFailure {
        CommandFailure(.invalidInput, "error: \(error)")
    }

    func report() {
        if !message.isEmpty { writeToStandardError(message) }
    }
}

func writeToStandardError(_ text: String) {
    FileHandle.standardError.write(Data((text.hasSuffix("\n") ? text : text + "\n").utf8))
}
