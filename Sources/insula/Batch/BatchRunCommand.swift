import ArgumentParser
import Batch
import Foundation
import Optimization
import Scheduling

/// `insula batch run BATCH.yaml --out DIR`: runs every scenario of a batch into a results store.
struct BatchRunCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "run",
        abstract: "Run a batch of scenarios in parallel into DIR/results.sqlite and DIR/summary.csv.",
        discussion: """
            The whole batch is validated first (exit 2 listing every invalid scenario). Each scenario \
            is stored as it finishes; --resume skips those already stored. Exit 0 when every scenario \
            succeeded, 5 when some failed or remain (their status and message are stored), 2 for an \
            invalid batch, 7 when another insula process is writing the same folder.
            """
    )

    @Argument(help: "Batch file (YAML).")
    var batch: String

    @Option(help: "Output folder: results.sqlite, summary.csv (created if missing).")
    var out: String

    @Option(help: "Worker threads (default: the number of cores).")
    var jobs: Int = ProcessInfo.processInfo.activeProcessorCount

    @Option(help: "Run only shard I of N (0 <= I < N), chosen by scenario id, e.g. 0/4.")
    var shard: String?

    @Flag(help: "Continue a previous run into the same folder, skipping scenarios already stored.")
    var resume = false

    @Flag(help: "Also write scenarios/ID/dispatch.csv for every solved scenario.")
    var dispatch = false

    @Option(name: .customLong("warm-start"),
            help: "on: re-solve a scenario from the previous one's basis when only prices, caps or limits differ; off: always from scratch.")
    var warmStart: WarmStartPolicy = .off

    @Flag(help: "No progress on stderr.")
    var quiet = false

    @OptionGroup var solver: SolverArguments

    @Option(help: "Output format on stdout: text or json (the run's summary).")
    var format: OutputFormat = .text

    @Option(name: .customLong("max-nonzeros"), help: "Scenarios whose LP would exceed this many coefficients fail without being built.")
    var maximumNonzeros = 20_000_000

    @Option(name: .customLong("max-scenarios"), help: "Refuse batches that expand to more scenarios than this, unless --force.")
    var maximumScenarios = 10_000

    @Flag(help: "Run a batch above --max-scenarios.")
    var force = false

    @OptionGroup var global: GlobalOptions

    func validate() throws {
        guard !out.isEmpty else { throw ValidationError("--out is empty; name a folder for the results") }
        guard jobs >= 1 else { throw ValidationError("--jobs must be at least 1") }
        if let shard, Shard(parsing: shard) == nil {
            throw ValidationError("--shard must be I/N with 0 <= I < N, got \"\(shard)\"")
        }
    }

    func run() throws {
        global.bootstrapLogging()
        let clock = ContinuousClock()
        let start = clock.now
        let loaded = try readBatch(batch, maximumScenarios: force ? nil : maximumScenarios)
        let shard = self.shard.flatMap(Shard.init(parsing:))
        let selected = loaded.scenarios.filter { shard?.contains($0) ?? true }
        let folder = URL(fileURLWithPath: out)
        // One writer per store: the lock is taken before the store is looked at, so a second
        // run (or --resume) on the same folder is refused instead of sharing its WAL.
        let (lock, folderExisted) = try lockOutputFolder(out)
        var storeWritten = false
        defer { if !storeWritten { RunFolder.abandon(lock, existedBefore: folderExisted) } }
        if !resume, ResultsStore.exists(in: folder) {
            throw CommandFailure(.invalidInput, "error: \(out): already holds \(ResultsStore.fileName); use --resume to continue it, or another folder")
        }
        let existing = try resume && ResultsStore.exists(in: folder) ? openForResume(loaded.definition, shard: shard, folder: folder) : nil
        let finishedBefore = try existing?.finishedIDs() ?? []
        let toRun = selected.filter { !finishedBefore.contains($0.id) }
        // The whole batch is validated (every shard agrees it is valid); only the sites this
        // run will solve are kept for it.
        let sites = SiteCache(wanted: Set(toRun.map(\.id)))
        try validateBatch(loaded, jobs: jobs, cache: sites)
        let provenance = sites.provenance(insulaVersion: insulaVersion)
        if let existing {
            // Results computed from other inputs (an edited site or series file, another
            // insula) must not be completed with new ones.
            let differences: [String]
            do { differences = try existing.provenance().differences(from: provenance, scenarioNames: existing.scenarioNames()) }
            catch { throw storeFailure(out, error) }
            if !differences.isEmpty {
                throw CommandFailure(.invalidInput, """
                    error: \(out): the stored results were computed from other inputs than the batch's now; \
                    --resume would mix them, so nothing was run:
                    \(differences.map { "  " + $0 }.joined(separator: "\n"))
                    run into another folder (or delete \(out)) to start again
                    """)
            }
        }
        let store = try existing ?? createStore(loaded.definition, shard: shard, folder: folder)
        storeWritten = true
        do { try store.recordInputFiles(provenance.inputFiles) } catch { throw storeFailure(out, error) }
        let countsBefore: StoreCounts
        do {
            try store.plan(selected)
            countsBefore = try store.counts()
        } catch {
            throw storeFailure(out, error)
        }
        let progress = BatchProgress(total: selected.count, alreadyDone: countsBefore.finished,
                                     alreadyFailed: countsBefore.failed, quiet: quiet)
        progress.begin(toRun: toRun.count)
        let runner = BatchRunner(base: loaded.base, store: store, options: BatchRunOptions(
            jobs: jobs, solver: solver.options, warmStart: warmStart, maximumNonzeros: maximumNonzeros,
            insulaVersion: insulaVersion), sites: sites)
        let totals: RunTotals
        do {
            totals = try runner.run(toRun) { progress.finished($0) }
        } catch {
            progress.end()
            throw storeFailure(out, error)
        }
        progress.end()
        let exportStart = clock.now
        do {
            try store.export(to: folder, dispatch: dispatch)
        } catch {
            throw CommandFailure.writing(out, error)
        }
        let exportSeconds = (clock.now - exportStart).seconds
        let counts: StoreCounts
        do { counts = try store.counts() } catch { throw storeFailure(out, error) }
        let report = BatchRunReport(
            batch: loaded.definition.name, batchSHA256: loaded.definition.batchSHA256, out: out,
            shard: shard?.description ?? "all", jobs: jobs, counts: counts, skipped: selected.count - toRun.count,
            ran: toRun.count, totals: totals, exportSeconds: exportSeconds, wallSeconds: (clock.now - start).seconds)
        if format == .json {
            print(try encodeJSON(report))
        } else {
            printText(report.text)
        }
        if counts.failed > 0 { throw CommandFailure(.batchPartialFailure, "") }
        if counts.remaining > 0 {
            throw CommandFailure(.batchPartialFailure, "error: \(out): \(counts.remaining) scenario\(counts.remaining == 1 ? "" : "s") of this store remain to run; run again with --resume")
        }
        withExtendedLifetime(lock) {}
    }

    /// The existing store for `--resume`, after checking it holds this batch and shard.
    private func openForResume(_ definition: BatchDefinition, shard: Shard?, folder: URL) throws -> ResultsStore {
        let shardText = shard?.description ?? "all"
        do {
            let store = try ResultsStore.open(in: folder)
            let metadata = try store.metadata()
            guard metadata.batchSHA256 == definition.batchSHA256 else {
                throw StoreError("holds results of another batch (\(metadata.batchFile), sha256 \(metadata.batchSHA256.prefix(12))); the batch file changed since, so --resume would mix results: use another folder")
            }
            guard metadata.shard == shardText else {
                throw StoreError("holds shard \(metadata.shard), not \(shardText)")
            }
            return store
        } catch {
            throw storeFailure(out, error)
        }
    }

    /// A new store (a run without `--resume`, or the first run of a resumable shard task).
    private func createStore(_ definition: BatchDefinition, shard: Shard?, folder: URL) throws -> ResultsStore {
        do {
            return try ResultsStore.create(in: folder, metadata: BatchMetadata(
                batchName: definition.name, batchFile: batch, batchSHA256: definition.batchSHA256,
                siteFile: definition.siteURL.relativePath, batchScenarioCount: try definition.expand().count,
                overridePaths: definition.overridePaths, shard: shard?.description ?? "all", insulaVersion: insulaVersion,
                glpkVersion: GLPKEnvironment.version))
        } catch {
            throw storeFailure(out, error)
        }
    }
}

/// The summary of `insula batch run` (stdout; `--format json` for scripts).
struct BatchRunReport: Encodable {
    let batch: String
    let batchSHA256: String
    let out: String
    let shard: String
    let jobs: Int
    let counts: StoreCounts
    /// Scenarios already stored before this run (`--resume`).
    let skipped: Int
    let ran: Int
    let totals: RunTotals
    let exportSeconds: Double
    let wallSeconds: Double

    var scenariosPerMinute: Double { totals.wallSeconds > 0 ? Double(ran) / totals.wallSeconds * 60 : 0 }

    enum CodingKeys: String, CodingKey {
        case batch, out, shard, jobs, skipped, ran
        case batchSHA256 = "batch_sha256", scenarios = "scenarios", succeeded, failed, remaining
        case warmStarts = "warm_starts", runSeconds = "run_seconds", storeSeconds = "store_seconds"
        case progressSeconds = "progress_seconds", exportSeconds = "export_seconds", wallSeconds = "wall_seconds"
        case scenariosPerMinute = "scenarios_per_minute", summaryCSV = "summary_csv", results = "results_sqlite"
    }

    func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(batch, forKey: .batch)
        try container.encode(batchSHA256, forKey: .batchSHA256)
        try container.encode(out, forKey: .out)
        try container.encode(shard, forKey: .shard)
        try container.encode(jobs, forKey: .jobs)
        try container.encode(counts.planned, forKey: .scenarios)
        try container.encode(counts.succeeded, forKey: .succeeded)
        try container.encode(counts.failed, forKey: .failed)
        try container.encode(counts.remaining, forKey: .remaining)
        try container.encode(skipped, forKey: .skipped)
        try container.encode(ran, forKey: .ran)
        try container.encode(totals.warmStarts, forKey: .warmStarts)
        try container.encode(totals.wallSeconds, forKey: .runSeconds)
        try container.encode(totals.storeSeconds, forKey: .storeSeconds)
        try container.encode(totals.progressSeconds, forKey: .progressSeconds)
        try container.encode(exportSeconds, forKey: .exportSeconds)
        try container.encode(wallSeconds, forKey: .wallSeconds)
        try container.encode(scenariosPerMinute, forKey: .scenariosPerMinute)
        try container.encode(out + "/summary.csv", forKey: .summaryCSV)
        try container.encode(out + "/" + ResultsStore.fileName, forKey: .results)
    }

    var text: String {
        var lines = ["\(batch)\(shard == "all" ? "" : " shard \(shard)"): \(counts.planned) scenarios, \(counts.succeeded) succeeded, \(counts.failed) failed, \(counts.remaining) remaining"]
        if skipped > 0 { lines.append("resumed     \(skipped) already stored, \(ran) run now") }
        lines.append("time        \(String(format: "%.1f", wallSeconds)) s in all; \(ran) scenarios in \(String(format: "%.1f", totals.wallSeconds)) s on \(jobs) worker\(jobs == 1 ? "" : "s") (\(String(format: "%.1f", scenariosPerMinute)) scenarios/min)")
        lines.append("written to  \(out)/summary.csv, \(out)/\(ResultsStore.fileName)")
        return lines.joined(separator: "\n")
    }
}

extension WarmStartPolicy: ExpressibleByArgument {}
