import ArgumentParser
import Batch
import Foundation

/// `insula batch merge DIR... --out DIR`: merges shard stores of one batch into one store.
struct BatchMergeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "merge",
        abstract: "Merge the results stores of a batch's shards into one store and summary.csv.",
        discussion: "Refuses stores of another batch (different batch-file hash), exit 2; a scenario stored twice is kept once."
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
    }

    func run() throws {
        global.bootstrapLogging()
        let sources = try folders.map(openStore)
        let target = URL(fileURLWithPath: out)
        // Check every hash before writing anything: a refused merge leaves no half-merged store.
        let expected = try ResultsStore.exists(in: target) ? openStore(out).metadata() : sources[0].metadata()
        for (folder, source) in zip(folders, sources) {
            let metadata = try source.metadata()
            guard metadata.batchSHA256 == expected.batchSHA256 else {
                throw CommandFailure(.invalidInput, """
                    error: \(folder): results of another batch (\(metadata.batchFile), sha256 \(metadata.batchSHA256.prefix(12))) \
                    than \(expected.batchFile) (sha256 \(expected.batchSHA256.prefix(12))); refusing to merge
                    """)
            }
        }
        let merged: ResultsStore
        var added = 0, duplicates = 0
        do {
            merged = ResultsStore.exists(in: target) ? try ResultsStore.open(in: target)
                : try ResultsStore.createMergeTarget(in: target, like: sources[0])
            for source in sources where source.url.standardizedFileURL != merged.url.standardizedFileURL {
                let counts = try merged.merge(from: source)
                added += counts.added
                duplicates += counts.duplicates
            }
            try merged.export(to: target, dispatch: dispatch)
        } catch let failure as CommandFailure {
            throw failure
        } catch {
            throw CommandFailure(.invalidInput, "error: \(out): \(error)")
        }
        let counts = try merged.counts()
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
            print(statusText(metadata: try merged.metadata(), counts: counts))
            print("written to  \(out)/summary.csv, \(out)/\(ResultsStore.fileName)")
        }
    }
}
