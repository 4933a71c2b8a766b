import Foundation
import Glibc
import Testing

/// Runs the built `insula` binary, as a user or a script would.
struct InsulaRunner {
    struct Outcome {
        let exitCode: Int32
        let standardOutput: String
        let standardError: String
    }

    /// The repository root, from this file's path.
    static let repositoryRoot = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    /// `../shared/data` beside the repository (real public data, never copied in).
    static let sharedData = repositoryRoot.deletingLastPathComponent().appendingPathComponent("shared/data")

    /// The `insula` executable built beside the test bundle.
    static let executable: URL? = {
        var folder = Bundle.main.bundleURL
        for _ in 0..<4 {
            let candidate = folder.appendingPathComponent("insula")
            if FileManager.default.isExecutableFile(atPath: candidate.path) { return candidate }
            folder.deleteLastPathComponent()
        }
        return nil
    }()

    /// Runs `insula` with `arguments` from the repository root and waits for it.
    static func run(_ arguments: [String], in directory: URL = repositoryRoot) throws -> Outcome {
        let binary = try #require(executable, "the insula binary was not built beside the tests")
        let process = Process()
        process.executableURL = binary
        process.arguments = arguments
        process.currentDirectoryURL = directory
        let output = Pipe(), error = Pipe()
        process.standardOutput = output
        process.standardError = error
        try process.run()
        // Read both pipes before waiting so a large output cannot block the child.
        let outputData = output.fileHandleForReading.readAllRetryingInterrupts()
        let errorData = error.fileHandleForReading.readAllRetryingInterrupts()
        process.waitUntilExit()
        return Outcome(exitCode: process.terminationStatus,
                       standardOutput: String(decoding: outputData, as: UTF8.self),
                       standardError: String(decoding: errorData, as: UTF8.self))
    }

    /// A fresh temporary folder for one test's files.
    static func temporaryFolder() throws -> URL {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("insula-cli-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        return folder
    }
}

extension FileHandle {
    /// Everything until end of file, retrying reads a signal interrupted. Foundation's
    /// `readDataToEndOfFile()` traps on `EINTR` (a `try!` inside it on Linux), which ended a
    /// whole test run once while many child processes came and went.
    func readAllRetryingInterrupts() -> Data {
        var data = Data()
        var buffer = [UInt8](repeating: 0, count: 65_536)
        while true {
            let count = buffer.withUnsafeMutableBytes { Glibc.read(fileDescriptor, $0.baseAddress, $0.count) }
            if count > 0 {
                data.append(contentsOf: buffer[0..<count])
            } else if count < 0, errno == EINTR {
                continue
            } else {
                return data
            }
        }
    }
}
