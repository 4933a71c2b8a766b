import Foundation
import Testing

/// One malformed input of `Tests/BadInputCorpus` (see its `make_corpus.py`).
struct BadInputCase: CustomTestStringConvertible, Sendable {
    let name: String
    let arguments: [String]
    let exitCode: Int32
    let fragment: String

    var testDescription: String { name }

    static let corpus = InsulaRunner.repositoryRoot.appendingPathComponent("Tests/BadInputCorpus")

    /// Every row of `cases.tsv`: name, command, exit code, expected fragment of stderr.
    static let all: [BadInputCase] = {
        guard let text = try? String(contentsOf: corpus.appendingPathComponent("cases.tsv"), encoding: .utf8) else { return [] }
        return text.split(separator: "\n").filter { !$0.hasPrefix("#") }.compactMap { line in
            let fields = line.split(separator: "\t", omittingEmptySubsequences: false).map(String.init)
            guard fields.count == 4, let code = Int32(fields[2]) else { return nil }
            return BadInputCase(name: fields[0], arguments: fields[1].split(separator: " ").map(String.init), exitCode: code, fragment: fields[3])
        }
    }()
}

@Suite("Bad-input corpus: every malformed file is refused with its message and exit code, never a crash, hang or partial output")
struct BadInputCorpusTests {
    /// Longest a refusal may take; the slowest case (a 5-million-value alias bomb) takes about 5 s in a debug build.
    static let timeoutSeconds = 60.0

    @Test("The corpus holds at least 100 cases")
    func corpusSize() {
        #expect(BadInputCase.all.count >= 100)
    }

    @Test("Refused with the expected exit code and message, leaving no output", arguments: BadInputCase.all)
    func refused(_ badInput: BadInputCase) throws {
        let folder = try InsulaRunner.temporaryFolder()
        let out = folder.appendingPathComponent("run")
        var arguments = badInput.arguments
        if arguments.first == "solve" {
            arguments += ["--out", out.path]
        } else {
            try FileManager.default.createDirectory(at: out, withIntermediateDirectories: true)
            arguments += ["--solution", out.appendingPathComponent("solution.csv").path]
        }
        let outcome = try Self.run(arguments, in: BadInputCase.corpus.appendingPathComponent("cases"))
        #expect(!outcome.timedOut, "hung for \(Self.timeoutSeconds) s")
        #expect(outcome.exitCode == badInput.exitCode, "\(outcome.standardError)")
        #expect(outcome.standardError.contains(badInput.fragment), "expected \"\(badInput.fragment)\" in: \(outcome.standardError)")
        #expect(!outcome.standardError.contains("Fatal error"), "crashed: \(outcome.standardError)")
        let leftovers = (try? FileManager.default.contentsOfDirectory(atPath: out.path)) ?? []
        #expect(leftovers.isEmpty, "partial output: \(leftovers)")
        if badInput.exitCode == 2, arguments.first == "solve" {
            #expect(!FileManager.default.fileExists(atPath: out.path), "an invalid site created its output folder")
        }
    }

    struct Outcome { var exitCode: Int32; var standardError: String; var timedOut: Bool }

    /// Runs `insula` with standard input an open, empty pipe (so a site that reads /dev/stdin
    /// would block rather than see end of file) and kills it after ``timeoutSeconds``.
    static func run(_ arguments: [String], in directory: URL) throws -> Outcome {
        let binary = try #require(InsulaRunner.executable, "the insula binary was not built beside the tests")
        let process = Process()
        process.executableURL = binary
        process.arguments = arguments
        process.currentDirectoryURL = directory
        let input = Pipe(), error = Pipe()
        process.standardInput = input
        process.standardOutput = FileHandle.nullDevice
        process.standardError = error
        try process.run()
        let deadline = DispatchTime.now() + timeoutSeconds
        let timer = DispatchSource.makeTimerSource()
        nonisolated(unsafe) var timedOut = false
        timer.schedule(deadline: deadline)
        timer.setEventHandler {
            timedOut = true
            process.terminate()
        }
        timer.resume()
        let errorData = error.fileHandleForReading.readAllRetryingInterrupts()
        process.waitUntilExit()
        timer.cancel()
        try? input.fileHandleForWriting.close()
        return Outcome(exitCode: process.terminationStatus, standardError: String(decoding: errorData, as: UTF8.self), timedOut: timedOut)
    }
}
