import Foundation
import Optimization
import Scheduling

/// Exit codes shared by every command (documented in the README).
enum InsulaExitCode: Int32 {
    case success = 0
    case internalError = 1
    case invalidInput = 2
    case infeasible = 3
    case solverLimit = 4
    case batchPartialFailure = 5
    /// A file could not be read or written for a reason outside the input: disk full, no
    /// permission, read-only file system, an I/O error.
    case ioFailure = 6
    /// Another insula process is writing the output folder; nothing was done.
    case busy = 7

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

    /// A failure to write `path`: a busy folder (7), a refused path (2), or an I/O failure (6).
    static func writing(_ path: String, _ error: any Error, what: String = "could not write results") -> CommandFailure {
        switch error {
        case let failure as CommandFailure: return failure
        case let busy as OutputLock.Busy: return CommandFailure(.busy, "error: \(busy)")
        case let refusal as RunFolder.Refusal: return CommandFailure(.invalidInput, "error: \(refusal)")
        default:
            // A file where a folder of the path should be is the user's path, not the disk.
            if posixCode(of: error) == ENOTDIR {
                return CommandFailure(.invalidInput, "error: \(path): \(what): a part of the path is a file, not a folder")
            }
            return CommandFailure(.ioFailure, "error: \(path.isEmpty ? "(empty path)" : path): \(what) (\(describeIOError(error)))")
        }
    }

    func report() {
        if !message.isEmpty { writeToStandardError(message) }
    }
}

func writeToStandardError(_ text: String) {
    let lines = text.split(separator: "\n", omittingEmptySubsequences: false).map { terminalSafe(String($0)) }
    let joined = lines.joined(separator: "\n")
    FileHandle.standardError.write(Data((joined.hasSuffix("\n") ? joined : joined + "\n").utf8))
}

/// Prints text output (not JSON, whose encoder escapes them) with control characters shown
/// as `\u{1B}`: site, job and scenario names come from the user's files and must not reach a
/// terminal as escape sequences.
func printText(_ text: String) {
    print(text.split(separator: "\n", omittingEmptySubsequences: false).map { line in
        line.unicodeScalars.contains(where: { ($0.value < 0x20 && $0 != "\t") || $0.value == 0x7F })
            ? line.unicodeScalars.map { ($0.value < 0x20 && $0 != "\t") || $0.value == 0x7F ? String(format: "\\u{%02X}", $0.value) : String($0) }.joined()
            : String(line)
    }.joined(separator: "\n"))
}

/// One line of a message as it may reach a terminal: control characters (escape sequences
/// included) shown as `\u{1B}`, and a line that echoes a huge value (a 10 MB CSV cell) cut
/// after its first 1,000 characters with its size, so an error is never megabytes long.
func terminalSafe(_ line: String, limit: Int = 1_000) -> String {
    let bytes = line.utf8.count
    var shown = bytes > limit ? String(line.prefix(limit)) : line
    if shown.unicodeScalars.contains(where: { ($0.value < 0x20 && $0 != "\t") || $0.value == 0x7F }) {
        shown = shown.unicodeScalars.map { ($0.value < 0x20 && $0 != "\t") || $0.value == 0x7F ? String(format: "\\u{%02X}", $0.value) : String($0) }.joined()
    }
    return bytes > limit ? shown + "... (\(bytes) bytes)" : shown
}

/// The POSIX error code behind a Foundation or POSIX error, when there is one.
func posixCode(of error: any Error) -> Int32? {
    if let posix = error as? POSIXError { return posix.code.rawValue }
    let nsError = error as NSError
    if nsError.domain == NSPOSIXErrorDomain { return Int32(nsError.code) }
    if let underlying = nsError.userInfo[NSUnderlyingErrorKey].flatMap({ $0 as? any Error }) {
        let bridged = underlying as NSError
        if bridged.domain == NSPOSIXErrorDomain { return Int32(bridged.code) }
    }
    return nil
}

/// A short reason for an I/O error: the POSIX message (`No space left on device`), never a
/// Foundation dump with its `UserInfo`.
func describeIOError(_ error: any Error) -> String {
    if let posix = error as? POSIXError { return String(cString: strerror(posix.code.rawValue)) }
    let nsError = error as NSError
    // On Linux the underlying error may be stored as a Swift error, not an NSError: bridge it.
    if let underlying = nsError.userInfo[NSUnderlyingErrorKey].flatMap({ $0 as? any Error }) {
        let bridged = underlying as NSError
        if bridged.domain == NSPOSIXErrorDomain { return String(cString: strerror(Int32(bridged.code))) }
        if let posix = underlying as? POSIXError { return String(cString: strerror(posix.code.rawValue)) }
    }
    if nsError.domain == NSPOSIXErrorDomain { return String(cString: strerror(Int32(nsError.code))) }
    if let cocoa = error as? CocoaError {
        switch cocoa.code {
        case .fileWriteOutOfSpace: return "no space left on device"
        case .fileWriteNoPermission, .fileReadNoPermission: return "permission denied"
        case .fileWriteVolumeReadOnly: return "read-only file system"
        case .fileWriteFileExists: return "a file is in the way"
        case .fileNoSuchFile, .fileReadNoSuchFile: return "no such file or folder"
        default: break
        }
    }
    if let description = nsError.userInfo[NSLocalizedDescriptionKey] as? String { return description }
    // Never the whole Foundation dump with its UserInfo.
    return "\(nsError.domain) error \(nsError.code)"
}
