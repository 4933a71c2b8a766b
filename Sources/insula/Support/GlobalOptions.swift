import ArgumentParser
import Foundation
import Logging

/// Options every command accepts.
struct GlobalOptions: ParsableArguments {
    @Flag(name: .long, help: "Log progress and the solver's own output to stderr.")
    var verbose = false

    /// Sends logs to stderr: warnings by default, everything with `--verbose`.
    func bootstrapLogging() {
        let level: Logger.Level = verbose ? .debug : .warning
        LoggingBootstrap.once(level: level)
    }
}

/// `LoggingSystem.bootstrap` may run only once per process.
enum LoggingBootstrap {
    nonisolated(unsafe) private static var done = false
    private static let lock = NSLock()

    static func once(level: Logger.Level) {
        lock.lock()
        defer { lock.unlock() }
        guard !done else { return }
        done = true
        LoggingSystem.bootstrap { label in
            var handler = StreamLogHandler.standardError(label: label)
            handler.logLevel = level
            return handler
        }
    }
}

/// Output format of a command's summary.
enum OutputFormat: String, ExpressibleByArgument, CaseIterable {
    case text, json
}
