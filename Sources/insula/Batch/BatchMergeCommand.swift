import ArgumentParser
import Batch
import Foundation
import Scheduling

/// `insula batch merge DIR... --out DIR`: merges shard stores of one batch into one store.
struct BatchMergeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "merge",
        abstract: "Merge the results stores of a batch's shards into one store and summary.csv.",
        discussion: """
            Refuses stores of another batch (different batch-file hash) and stores whose results \
            were computed from other inputs (an input file's hash, a scenario's inputs_sha256 or \
            insula's version differ), exit 2, before writing anything; a scenario stored twice \
            is kept once. Exit 7 when another insula process is writing --out.
            """
    )

    @Argument(help: "Folders holding results.sqlite (shard runs' --out).")
    var folders: [String]

    @Option(help: "Folder of the merged store (created if missing; an existing store of the same batch is added to).")
    var out: String

    @Flag(help: "Also write scenarios/ID/dispatch.csv for every solved scenario.")
    var dispatch = false

    @Option(help: "Output format on stdout: text or json.")
    var format: OutputFormat = .text

    @OptionGroup var global: GlobalOptions

    func validate() throws {
        guard !folders.isEmpty else { throw ValidationError("name at least one folder to merge") }
        guard !out.isEmpty else { throw ValidationError("--out is empty; name a folder for the merged store") }
    }

    func run() throws {
        global.bootstrapLogging()
        let target = URL(fileURLWithPath: out)
        let (lock, folderExisted) = try lockOutputFolder(out)
        var targetWritten = false
        defer { if !targetWritten { RunFolder.abandon(lock, existedBefore: folderExisted) } }
        let targetFolder = target.standardizedFileURL.resolvingSymlinksInPath().path
        // Sources are only read; the target, when it is also named as a source, is opened once below.
        let named = folders.filter { URL(fileURLWithPath: $0).standardizedFileURL.resolvingSymlinksInPath().path != targetFolder }
        let sources = try named.map { try openStore($0, readOnly: true) }
        let existingTarget = ResultsStore.exists(in: target) ? try openStore(out) : nil
        // Check everything before writing anything: a refused merge leaves no half-merged store.
        let all = (existingTarget.map { [(out, $0)] } ?? []) + zip(named, sources).map { ($0, $1) }
        guard let (firstFolder, first) = all.first else {
            throw CommandFailure(.invalidInput, "error: nothing to merge: the only folder named is --out itself")
        }
        do {
            let expected = try first.metadata()
            let expectedProvenance = try first.provenance()
            for (folder, source) in all.dropFirst() {
                let metadata = try source.metadata()
                guard metadata.batchSHA256 == expected.batchSHA256 else {
                    throw CommandFailure(.invalidInput, """
                        error: \(folder): results of another batch (\(metadata.batchFile), sha256 \(metadata.batchSHA256.prefix(12))) \
                        than \(expected.batchFile) (sha256 \(expected.batchSHA256.prefix(12))); refusing to merge
                        """)
                }
                let differences = expectedProvenance.differences(from: try source.provenance(), scenarioNames: try source.scenarioNames())
                if !differences.isEmpty {
                    throw CommandFailure(.invalidInput, """
                        error: \(folder): its results were computed from other inputs than those of \(firstFolder); refusing to merge:
                        \(differences.map { "  " + $0 }.joined(separator: "\n"))
                        """)
                }
                // Every value a merge copies must be readable afterwards.
                _ = try source.summaryCSV()
            }
            _ = try first.summaryCSV()
        } catch {
            throw storeFailure(firstFolder, error)
        }
        let merged: ResultsStore
        var added = 0, duplicates = 0
        do {
            merged = try existingTarget ?? ResultsStore.createMergeTarget(in: target, like: sources[0])
            targetWritten = true
            for source in sources {
                let counts = try merged.merge(from: source)
                try merged.recordInputFiles(try source.provenance().inputFiles)
                added += counts.added
                duplicates += counts.duplicates
            }
            try merged.export(to: target, dispatch: dispatch)
        } catch {
            throw storeFailure(out, error)
        }
        let counts: StoreCounts
        do { counts = try merged.counts() } catch { throw storeFailure(out, error) }
        if format == .json {
            struct Report: Encodable {
                let out: String
                let sources: [String]
                let added: Int
                let duplicates: Int
                let counts: StoreCounts
                enum CodingKeys: String, CodingKey { case out, sources, added, duplicates }
                func encode(to encoder: any Encoder) throws {
                    var container = encoder.container(keyedBy: CodingKeys.self)
                    try container.encode(out, forKey: .out)
                    try container.encode(sources, forKey: .sources)
                    try container.encode(added, forKey: .added)
                    try container.encode(duplicates, forKey: .duplicates)
                    try counts.encode(to: encoder)
                }
            }
            print(try encodeJSON(Report(out: out, sources: folders, added: added, duplicates: duplicates, counts: counts)))
        } else {
            print("merged \(folders.count) store\(folders.count == 1 ? "" : "s"): \(added) scenarios added, \(duplicates) duplicates skipped")
            printText(statusText(metadata: try merged.metadata(), counts: counts))
            print("written to  \(out)/summary.csv, \(out)/\(ResultsStore.fileName)")
        }
        withExtendedLifetime(lock) {}
    }
}
