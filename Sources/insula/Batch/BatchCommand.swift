import ArgumentParser
import Batch
import Foundation
import Island
import Scheduling

/// `insula batch`: runs of many scenarios (a batch file), their results store, shards and merges.
struct BatchCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "batch",
        abstract: "Run a batch of scenarios into a results store; show its status; merge shard stores.",
        subcommands: [BatchRunCommand.self, BatchStatusCommand.self, BatchMergeCommand.self]
    )
}

/// A batch file read and expanded, not yet validated.
struct LoadedBatch {
    let path: String
    let definition: BatchDefinition
    let scenarios: [Scenario]
    let base: SiteDocument
}

/// Reads and expands a batch file and its base site, turning every problem into exit code 2.
///
/// - Parameter maximumScenarios: a batch expanding to more scenarios is refused (exit 2) before
///   it is expanded, unless nil (`--force`).
func readBatch(_ path: String, maximumScenarios: Int? = nil) throws -> LoadedBatch {
    let definition: BatchDefinition
    let scenarios: [Scenario]
    do {
        definition = try BatchDefinition.read(from: URL(fileURLWithPath: path))
        if let maximumScenarios, definition.scenarioCount > maximumScenarios {
            let count = definition.scenarioCount == Int.max ? "more than \(Int.max)" : "\(definition.scenarioCount)"
            throw CommandFailure(.invalidInput, "error: \(path): the batch expands to \(count) scenarios, above the limit of \(maximumScenarios) (--max-scenarios); check its axes, or run with --force")
        }
        scenarios = try definition.expand()
    } catch let error as BatchValidationError {
        let count = error.issues.count
        throw CommandFailure(.invalidInput, "error: \(path): \(count) problem\(count == 1 ? "" : "s") found:\n\(error.description)")
    }
    do {
        var base = try SiteDocument.read(from: definition.siteURL)
        base.window = definition.window
        return LoadedBatch(path: path, definition: definition, scenarios: scenarios, base: base)
    } catch let error as SiteValidationError {
        throw CommandFailure(.invalidInput, "error: \(path): site: \(error.description)")
    }
}

/// Validates every scenario of the batch (exit 2 listing each invalid one), keeping resolved
/// sites in `cache` for the run.
func validateBatch(_ batch: LoadedBatch, jobs: Int, cache: SiteCache? = nil) throws {
    let issues = BatchValidator.validate(batch.scenarios, base: batch.base, jobs: jobs, keeping: cache)
    guard !issues.isEmpty else { return }
    let invalid = BatchValidationError(issues).invalidScenarioCount
    let total = batch.scenarios.count
    throw CommandFailure(.invalidInput, """
        error: \(batch.path): \(invalid) of \(total) scenario\(total == 1 ? "" : "s") \
        \(invalid == 1 ? "is" : "are") invalid; nothing was run:
        \(issues.map(\.description).joined(separator: "\n"))
        """)
}

/// Opens a results store for a command, turning a missing, foreign or damaged file into exit
/// code 2 and a store that cannot be read into exit code 6.
func openStore(_ folder: String, readOnly: Bool = false) throws -> ResultsStore {
    do {
        return try ResultsStore.open(in: URL(fileURLWithPath: folder), readOnly: readOnly)
    } catch {
        throw storeFailure(folder, error)
    }
}

/// A store's error as a command failure: exit 6 for I/O failures, 2 for the rest.
func storeFailure(_ folder: String, _ error: any Error) -> CommandFailure {
    if let failure = error as? CommandFailure { return failure }
    let url = URL(fileURLWithPath: folder).appendingPathComponent(ResultsStore.fileName)
    if let store = StoreError.classify(error, store: url) {
        return CommandFailure(store.isIOFailure ? .ioFailure : .invalidInput, "error: \(store.message.hasPrefix(folder) ? "" : "\(folder): ")\(store.message)")
    }
    return CommandFailure(.ioFailure, "error: \(folder): \(describeIOError(error))")
}

/// Locks a batch output folder (created if missing) for this process: exit 2 for an empty
/// path, a link or a file, exit 7 when another insula process holds it.
/// - Returns: the lock and whether the folder existed before.
func lockOutputFolder(_ out: String) throws -> (OutputLock, Bool) {
    guard !out.isEmpty else { throw CommandFailure(.invalidInput, "error: --out is empty; name a folder for the results") }
    var info = stat()
    let existed = lstat(out, &info) == 0
    if existed {
        if (info.st_mode & S_IFMT) == S_IFLNK {
            throw CommandFailure(.invalidInput, "error: \(out) is a symbolic link; name the folder itself")
        }
        guard (info.st_mode & S_IFMT) == S_IFDIR else {
            throw CommandFailure(.invalidInput, "error: \(out) exists and is not a folder; name a folder for the results")
        }
    }
    do {
        return (try OutputLock.acquire(URL(fileURLWithPath: out)), existed)
    } catch {
        throw CommandFailure.writing(out, error, what: "cannot be used as the output folder")
    }
}
