import Foundation
import Testing

/// Whether `python3` with pandas is on PATH (CI installs it; elsewhere the test is skipped).
private let pythonWithPandas: Bool = {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
    process.arguments = ["python3", "-c", "import pandas"]
    process.standardOutput = FileHandle.nullDevice
    process.standardError = FileHandle.nullDevice
    guard (try? process.run()) != nil else { return false }
    process.waitUntilExit()
    return process.terminationStatus == 0
}()

@Suite("The pandas example in examples/python")
struct PythonExampleTests {
    @Test("compare_batch.py runs a batch through the CLI and compares its scenarios",
          .enabled(if: pythonWithPandas, "needs python3 with pandas"))
    func compareBatch() throws {
        let binary = try #require(InsulaRunner.executable)
        let out = try InsulaRunner.temporaryFolder().appendingPathComponent("batch")
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3", "examples/python/compare_batch.py", "--insula", binary.path, "--out", out.path, "--jobs", "2"]
        process.currentDirectoryURL = InsulaRunner.repositoryRoot
        let output = Pipe(), error = Pipe()
        process.standardOutput = output
        process.standardError = error
        try process.run()
        let text = String(decoding: output.fileHandleForReading.readAllRetryingInterrupts(), as: UTF8.self)
        let errors = String(decoding: error.fileHandleForReading.readAllRetryingInterrupts(), as: UTF8.self)
        process.waitUntilExit()
        #expect(process.terminationStatus == 0, "\(errors)")
        #expect(text.contains("example-week: 8 solved, 0 failed"))
        #expect(text.contains("mean by batteries[0].energy_mwh:"))
        #expect(text.contains("cheapest scenario: "))
        // The busiest hour is a real exchange, not "0.0 MW" (the example scenarios export rather than import).
        #expect(text.contains("its busiest grid hour: "))
        #expect(!text.contains(" 0.0 MW"))
        #expect(text.range(of: #"busiest grid hour: \S+ with [1-9][0-9.]* MW (export|import)"#, options: .regularExpression) != nil)
    }
}
