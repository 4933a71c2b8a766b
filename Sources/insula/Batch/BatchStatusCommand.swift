import ArgumentParser
import Batch
import Foundation

/// `insula batch status DIR`: finished, failed and remaining scenarios of a results store.
struct BatchStatusCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "status",
        abstract: "Show how many scenarios of a results store finished, failed and remain."
    )

    @Argument(help: "Folder holding results.sqlite (a batch run's --out).")
    var folder: String

    @Option(help: "Output format on stdout: text or json.")
    var format: OutputFormat = .text

    @OptionGroup var global: GlobalOptions

    func run() throws {
        global.bootstrapLogging()
        // Read-only: status never writes, and works on a read-only file system.
        let store = try openStore(folder, readOnly: true)
        let metadata: BatchMetadata, counts: StoreCounts, failures: [(name: String, status: String, message: String)]
        do {
            metadata = try store.metadata()
            counts = try store.counts()
            failures = try store.failures()
        } catch {
            throw storeFailure(folder, error)
        }
        if format == .json {
            struct Status: Encodable {
                let batch: String
                let batchSHA256: String
                let shard: String
                let counts: StoreCounts
                enum CodingKeys: String, CodingKey { case batch, shard, counts; case batchSHA256 = "batch_sha256" }
                func encode(to encoder: any Encoder) throws {
                    var container = encoder.container(keyedBy: CodingKeys.self)
                    try container.encode(batch, forKey: .batch)
                    try container.encode(batchSHA256, forKey: .batchSHA256)
                    try container.encode(shard, forKey: .shard)
                    try counts.encode(to: encoder)
                }
            }
            print(try encodeJSON(Status(batch: metadata.batchName, batchSHA256: metadata.batchSHA256, shard: metadata.shard, counts: counts)))
            return
        }
        printText(statusText(metadata: metadata, counts: counts))
        for failure in failures {
            printText("  failed: \(failure.name): \(failure.status): \(failure.message.split(separator: "\n").first ?? "")")
        }
    }
}

/// One paragraph: what a store holds.
func statusText(metadata: BatchMetadata, counts: StoreCounts) -> String {
    let scope = metadata.shard == "all" ? "" : " (shard \(metadata.shard))"
    var lines = ["batch \(metadata.batchName)\(scope): \(counts.planned) of \(counts.batch) scenarios planned here"]
    lines.append("finished \(counts.finished) (succeeded \(counts.succeeded), failed \(counts.failed)), remaining \(counts.remaining)")
    if counts.planned < counts.batch, metadata.shard == "merged" {
        lines.append("missing \(counts.batch - counts.planned) scenarios of shards not merged yet")
    }
    return lines.joined(separator: "\n")
}
