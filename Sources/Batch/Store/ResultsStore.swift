import Foundation
import GRDB
import GRDBSQLite
import Optimization
import Scheduling

/// What a results store holds about its batch (the `batch_meta` table).
public struct BatchMetadata: Sendable, Equatable {
    public var batchName: String
    public var batchFile: String
    /// Stores merge only when this matches.
    public var batchSHA256: String
    public var siteFile: String
    /// Scenarios in the whole batch (all shards).
    public var batchScenarioCount: Int
    /// The override key paths, in the order of the parameter columns of `summary.csv`.
    public var overridePaths: [String]
    /// `I/N` for a shard's store, `all` for a whole batch, `merged` after `insula batch merge`.
    public var shard: String
    public var insulaVersion: String
    public var glpkVersion: String

    public init(batchName: String, batchFile: String, batchSHA256: String, siteFile: String, batchScenarioCount: Int,
                overridePaths: [String], shard: String, insulaVersion: String, glpkVersion: String) {
        self.batchName = batchName
        self.batchFile = batchFile
        self.batchSHA256 = batchSHA256
        self.siteFile = siteFile
        self.batchScenarioCount = batchScenarioCount
        self.overridePaths = overridePaths
        self.shard = shard
        self.insulaVersion = insulaVersion
        self.glpkVersion = glpkVersion
    }
}

/// Scenario counts of a store.
public struct StoreCounts: Sendable, Equatable, Encodable {
    /// Scenarios in the whole batch.
    public var batch: Int
    /// Scenarios this store is to run (its shard's, or all).
    public var planned: Int
    public var succeeded: Int
    public var failed: Int
    /// Planned and not finished.
    public var remaining: Int
    public var finished: Int { succeeded + failed }

    public init(batch: Int, planned: Int, succeeded: Int, failed: Int, remaining: Int) {
        self.batch = batch
        self.planned = planned
        self.succeeded = succeeded
        self.failed = failed
        self.remaining = remaining
    }

    enum CodingKeys: String, CodingKey {
        case batch = "batch_scenarios", planned, finished, succeeded, failed, remaining
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(batch, forKey: .batch)
        try container.encode(planned, forKey: .planned)
        try container.encode(finished, forKey: .finished)
        try container.encode(succeeded, forKey: .succeeded)
        try container.encode(failed, forKey: .failed)
        try container.encode(remaining, forKey: .remaining)
    }
}

/// A store refused an operation: not a store, another batch, a newer schema.
public struct StoreError: Error, Sendable, CustomStringConvertible, LocalizedError {
    public var message: String
    /// The store could not be read or written (disk full, read-only, I/O error), as opposed
    /// to a store that is damaged, foreign or of another batch.
    public var isIOFailure: Bool
    public init(_ message: String, ioFailure: Bool = false) {
        self.message = message
        self.isIOFailure = ioFailure
    }
    public var description: String { message }
    public var errorDescription: String? { message }
}

/// The results store `DIR/results.sqlite`: one row per scenario and its per-step series.
///
/// Each finished scenario is written in one transaction (its row and all its steps), in WAL
/// mode: a process killed at any moment leaves every committed scenario intact and loses
/// only the ones in flight, which `--resume` runs again. The schema is versioned by GRDB
/// migrations and documented in `docs/results-schema.md`.
public final class ResultsStore: Sendable {
    public static let fileName = "results.sqlite"
    /// The schema version written into `batch_meta.schema_version`.
    public static let schemaVersion = 2

    public let url: URL
    let database: DatabaseQueue

    private init(url: URL, database: DatabaseQueue) {
        self.url = url
        self.database = database
    }

    /// Whether `folder` already holds a results store.
    public static func exists(in folder: URL) -> Bool {
        FileManager.default.fileExists(atPath: folder.appendingPathComponent(fileName).path)
    }

    /// Creates a store in `folder` (created if missing) for a batch; fails if one is there.
    ///
    /// The file is built under a temporary name and linked into place once its schema and
    /// metadata are in, so a kill during creation never leaves a half-made store behind. The
    /// link fails if a store appeared meanwhile: a live store is never replaced (its WAL would
    /// then be shared by two databases). The caller holds the folder's ``OutputLock``.
    public static func create(in folder: URL, metadata: BatchMetadata) throws -> ResultsStore {
        guard !exists(in: folder) else {
            throw StoreError("\(folder.relativePath) already holds \(fileName); use --resume to continue it, or another folder")
        }
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let temporaryName = ".\(fileName).\(ProcessInfo.processInfo.processIdentifier).creating"
        let temporary = folder.appendingPathComponent(temporaryName)
        try? FileManager.default.removeItem(at: temporary)
        do {
            // Rollback journal while building: the file must stand alone (no -wal beside it) when renamed.
            let queue = try DatabaseQueue(path: temporary.path)
            try migrator.migrate(queue)
            try queue.write { db in
                let values: [(String, String)] = [
                    ("schema_version", String(schemaVersion)), ("batch_name", metadata.batchName), ("batch_file", metadata.batchFile),
                    ("batch_sha256", metadata.batchSHA256), ("site_file", metadata.siteFile),
                    ("batch_scenario_count", String(metadata.batchScenarioCount)),
                    ("override_paths", jsonArray(metadata.overridePaths)), ("shard", metadata.shard),
                    ("insula_version", metadata.insulaVersion), ("glpk_version", metadata.glpkVersion),
                    ("created_utc", isoNow()),
                ]
                for (key, value) in values {
                    try db.execute(sql: "INSERT INTO batch_meta (key, value) VALUES (?, ?)", arguments: [key, value])
                }
            }
            try queue.close()
        }
        let target = folder.appendingPathComponent(fileName)
        // A -wal or -shm left without its database (deleted by hand) would be applied to the new one.
        for suffix in ["-wal", "-shm", "-journal"] { try? FileManager.default.removeItem(atPath: target.path + suffix) }
        defer { try? FileManager.default.removeItem(at: temporary) }
        guard link(temporary.path, target.path) == 0 else {
            if errno == EEXIST {
                throw StoreError("\(folder.relativePath) already holds \(fileName); use --resume to continue it, or another folder")
            }
            throw POSIXError(POSIXErrorCode(rawValue: errno) ?? .EIO)
        }
        return try open(in: folder)
    }

    /// Opens the store in `folder` and checks the types of its small tables (``checkTypes()``).
    ///
    /// - Parameter readOnly: open without writing anything (no migration, no journal-mode
    ///   change), for `batch status` and merge sources. A store that SQLite cannot open read-only
    ///   in place (a WAL database on a read-only file system, whose `-shm` cannot be created) is
    ///   read from a private copy.
    public static func open(in folder: URL, readOnly: Bool = false) throws -> ResultsStore {
        guard exists(in: folder) else { throw StoreError("\(folder.relativePath) holds no \(fileName)") }
        let url = folder.appendingPathComponent(fileName)
        do {
            let store: ResultsStore
            if readOnly {
                store = try openReadOnly(url)
            } else {
                store = try ResultsStore(url: url, database: openQueue(folder, creating: false))
                try store.database.read { db in
                    guard try db.tableExists("batch_meta") else { throw StoreError("\(store.url.relativePath) is not an insula results store") }
                }
                try store.migrate()
            }
            try store.checkTypes()
            return store
        } catch {
            throw StoreError.classify(error, store: url) ?? error
        }
    }

    private static func openReadOnly(_ url: URL) throws -> ResultsStore {
        var configuration = Configuration()
        configuration.readonly = true
        configuration.busyMode = .timeout(30)
        do {
            let store = ResultsStore(url: url, database: try DatabaseQueue(path: url.path, configuration: configuration))
            try store.checkReadable()
            return store
        } catch let error as DatabaseError where [.SQLITE_CANTOPEN, .SQLITE_READONLY, .SQLITE_IOERR].contains(error.resultCode.primaryResultCode) {
            // A read-only file system: read a private copy (the database and its WAL, if any).
            let copy = FileManager.default.temporaryDirectory.appendingPathComponent("insula-store-\(UUID().uuidString)")
            try FileManager.default.createDirectory(at: copy, withIntermediateDirectories: true)
            for suffix in ["", "-wal"] where FileManager.default.fileExists(atPath: url.path + suffix) {
                try FileManager.default.copyItem(atPath: url.path + suffix, toPath: copy.appendingPathComponent(fileName).path + suffix)
            }
            let database = try DatabaseQueue(path: copy.appendingPathComponent(fileName).path, configuration: configuration)
            let store = ResultsStore(url: url, database: database)
            try store.checkReadable()
            return store
        }
    }

    /// Reads the schema, refusing files that are not an insula store or of a newer schema.
    private func checkReadable() throws {
        try database.read { db in
            guard try db.tableExists("batch_meta") else { throw StoreError("\(url.relativePath) is not an insula results store") }
            let applied = try db.tableExists("grdb_migrations") ? try Self.migrator.appliedIdentifiers(db) : []
            if let unknown = applied.subtracting(Set(Self.migrator.migrations)).sorted().first {
                throw StoreError("\(url.relativePath) was written by a newer insula (schema migration \(unknown)); upgrade insula to read it")
            }
        }
    }

    private static func openQueue(_ folder: URL, creating: Bool) throws -> DatabaseQueue {
        var configuration = Configuration()
        // Another process (`insula batch status`) may read while a run writes.
        configuration.busyMode = .timeout(30)
        configuration.prepareDatabase { db in
            try db.execute(sql: "PRAGMA journal_mode = WAL")
            // In WAL mode NORMAL keeps every committed transaction through a process kill
            // (SIGKILL); only a power cut may drop the last ones, never corrupt the file.
            try db.execute(sql: "PRAGMA synchronous = NORMAL")
        }
        return try DatabaseQueue(path: folder.appendingPathComponent(fileName).path, configuration: configuration)
    }

    // MARK: Schema

    static var migrator: DatabaseMigrator {
        var migrator = DatabaseMigrator()
        migrator.registerMigration("v1") { db in
            try db.execute(sql: "CREATE TABLE batch_meta (key TEXT PRIMARY KEY NOT NULL, value TEXT NOT NULL)")
            var columns = [
                "\"id\" TEXT PRIMARY KEY NOT NULL", "\"position\" INTEGER NOT NULL", "\"name\" TEXT NOT NULL",
                "\"overrides_json\" TEXT NOT NULL", "\"status\" TEXT NOT NULL DEFAULT 'pending'", "\"message\" TEXT",
                "\"infeasibility_json\" TEXT",
            ]
            columns += StoreColumns.runFields.map { "\(StoreColumns.quoted($0.name)) \($0.type)" }
            columns += (StoreColumns.kpis + StoreColumns.timings).map { "\(StoreColumns.quoted($0)) REAL" }
            try db.execute(sql: "CREATE TABLE scenario (\(columns.joined(separator: ", ")))")
            try db.execute(sql: "CREATE INDEX scenario_position ON scenario (position)")
            let stepColumns = ["\"scenario_id\" TEXT NOT NULL REFERENCES scenario(id) ON DELETE CASCADE", "\"step\" INTEGER NOT NULL",
                               "\"timestamp\" TEXT NOT NULL"]
                + StoreColumns.stepValues.map { "\(StoreColumns.quoted($0)) REAL" } + ["PRIMARY KEY (scenario_id, step)"]
            try db.execute(sql: "CREATE TABLE step (\(stepColumns.joined(separator: ", "))) WITHOUT ROWID")
            try db.execute(sql: """
                CREATE TABLE scenario_override (
                  "scenario_id" TEXT NOT NULL REFERENCES scenario(id) ON DELETE CASCADE,
                  "path" TEXT NOT NULL, "value_json" TEXT NOT NULL, "value_text" TEXT NOT NULL,
                  PRIMARY KEY (scenario_id, path)) WITHOUT ROWID
                """)
        }
        migrator.registerMigration("v2-capacity") { db in
            // A plan scenario's capacities (`build_plan.csv` of `insula plan`), one row per sized dimension.
            let numbers = StoreColumns.capacityNumbers.map { "\(StoreColumns.quoted($0)) REAL NOT NULL" }
            try db.execute(sql: """
                CREATE TABLE capacity (
                  "scenario_id" TEXT NOT NULL REFERENCES scenario(id) ON DELETE CASCADE,
                  "ordinal" INTEGER NOT NULL, "asset" TEXT NOT NULL, "name" TEXT NOT NULL, "dimension" TEXT NOT NULL,
                  \(numbers.joined(separator: ", ")),
                  PRIMARY KEY (scenario_id, asset, name, dimension)) WITHOUT ROWID
                """)
            try db.execute(sql: "UPDATE batch_meta SET value = '2' WHERE key = 'schema_version'")
        }
        return migrator
    }

    private func migrate() throws {
        let known = Set(Self.migrator.migrations)
        let applied = try database.read { db in
            try db.tableExists("grdb_migrations") ? try Self.migrator.appliedIdentifiers(db) : []
        }
        if let unknown = applied.subtracting(known).sorted().first {
            throw StoreError("\(url.relativePath) was written by a newer insula (schema migration \(unknown)); upgrade insula to read it")
        }
        try Self.migrator.migrate(database)
    }

    // MARK: Metadata

    public func metadata() throws -> BatchMetadata {
        let values = try database.read { db in
            try Row.fetchAll(db, sql: "SELECT key, value FROM batch_meta").reduce(into: [String: String]()) { $0[$1["key"]] = $1["value"] }
        }
        func value(_ key: String) throws -> String {
            guard let text = values[key] else { throw StoreError("\(url.relativePath): table batch_meta has no row '\(key)'; the store is damaged") }
            return text
        }
        guard let paths = (try? JSONSerialization.jsonObject(with: Data(try value("override_paths").utf8))) as? [String] else {
            throw StoreError("\(url.relativePath): table batch_meta, row 'override_paths': not a JSON list of key paths; the store is damaged")
        }
        guard let scenarioCount = Int(try value("batch_scenario_count")), scenarioCount >= 0 else {
            throw StoreError("\(url.relativePath): table batch_meta, row 'batch_scenario_count': not a count (\(StoreError.cap(try value("batch_scenario_count")))); the store is damaged")
        }
        return BatchMetadata(batchName: try value("batch_name"), batchFile: try value("batch_file"),
                             batchSHA256: try value("batch_sha256"), siteFile: try value("site_file"),
                             batchScenarioCount: scenarioCount, overridePaths: paths,
                             shard: try value("shard"), insulaVersion: try value("insula_version"),
                             glpkVersion: try value("glpk_version"))
    }

    func setMetadata(_ key: String, _ value: String) throws {
        try database.write { db in
            try db.execute(sql: "INSERT OR REPLACE INTO batch_meta (key, value) VALUES (?, ?)", arguments: [key, value])
        }
    }

    // MARK: Scenarios

    /// Adds the scenarios to run as `pending` rows (existing rows are kept as they are).
    public func plan(_ scenarios: [Scenario]) throws {
        try database.write { db in
            let statement = try db.makeStatement(sql: "INSERT OR IGNORE INTO scenario (id, position, name, overrides_json) VALUES (?, ?, ?, ?)")
            let overrides = try db.makeStatement(sql: "INSERT OR IGNORE INTO scenario_override (scenario_id, path, value_json, value_text) VALUES (?, ?, ?, ?)")
            for scenario in scenarios {
                try statement.execute(arguments: [scenario.id, scenario.position, scenario.name, scenario.overridesJSON])
                for path in Set(scenario.overrides.map(\.path)) {
                    let value = scenario.value(at: path)!
                    try overrides.execute(arguments: [scenario.id, path, CanonicalValue.json(value), CanonicalValue.cell(value)])
                }
            }
        }
    }

    /// Ids of scenarios stored as finished (succeeded or failed): `--resume` skips them.
    public func finishedIDs() throws -> Set<String> {
        try database.read { db in Set(try String.fetchAll(db, sql: "SELECT id FROM scenario WHERE status <> 'pending'")) }
    }

    /// Stores a finished scenario (planned before): its row and its steps in one transaction.
    public func record(_ result: ScenarioResult) throws {
        var row: [(String, (any DatabaseValueConvertible)?)] = [
            ("id", result.scenario.id), ("position", result.scenario.position), ("name", result.scenario.name),
            ("overrides_json", result.scenario.overridesJSON), ("status", result.status), ("message", result.message),
            ("infeasibility_json", result.infeasibilityJSON), ("method", result.method), ("iterations", result.iterations),
            ("rows", result.rows), ("columns", result.columns), ("nonzeros", result.nonzeros), ("steps", result.stepCount),
            ("warm_start", result.warmStart ? 1 : 0), ("inputs_sha256", result.inputsSHA256),
            ("insula_version", result.insulaVersion), ("glpk_version", GLPKEnvironment.version), ("finished_utc", Self.isoNow()),
            ("build_seconds", result.buildSeconds), ("load_seconds", result.loadSeconds),
            ("solve_seconds", result.solveSeconds), ("total_seconds", result.totalSeconds),
        ]
        let kpiValues = result.kpis.flatMap(Self.kpiDictionary) ?? [:]
        for name in StoreColumns.kpis { row.append((name, kpiValues[name])) }
        // An upsert, not INSERT OR REPLACE: replacing would delete the row and cascade to its overrides.
        let sql = "INSERT INTO scenario (\(row.map { StoreColumns.quoted($0.0) }.joined(separator: ", "))) VALUES ("
            + Array(repeating: "?", count: row.count).joined(separator: ", ") + ") ON CONFLICT(id) DO UPDATE SET "
            + row.dropFirst().map { "\(StoreColumns.quoted($0.0)) = excluded.\(StoreColumns.quoted($0.0))" }.joined(separator: ", ")
        let arguments = StatementArguments(row.map(\.1))
        try database.write { db in
            try db.cachedStatement(sql: "DELETE FROM step WHERE scenario_id = ?").execute(arguments: [result.scenario.id])
            try db.cachedStatement(sql: "DELETE FROM capacity WHERE scenario_id = ?").execute(arguments: [result.scenario.id])
            try db.cachedStatement(sql: sql).execute(arguments: arguments)
            if !result.capacities.isEmpty {
                let names = ["scenario_id", "ordinal", "asset", "name", "dimension"] + StoreColumns.capacityNumbers
                let insert = try db.cachedStatement(sql: "INSERT INTO capacity (\(names.map(StoreColumns.quoted).joined(separator: ", "))) VALUES ("
                                                    + Array(repeating: "?", count: names.count).joined(separator: ", ") + ")")
                for (ordinal, capacity) in result.capacities.enumerated() {
                    let values: [(any DatabaseValueConvertible)?] = [result.scenario.id, ordinal, capacity.asset, capacity.name, capacity.dimension]
                        + StoreColumns.capacityValues(capacity).map { $0 }
                    try insert.execute(arguments: StatementArguments(values))
                }
            }
            guard !result.steps.isEmpty else { return }
            try Self.insertSteps(result.steps, of: result.scenario.id, into: db)
        }
    }

    /// Inserts a scenario's steps with SQLite's own binding calls.
    ///
    /// The step loop is most of the store's work (8,760 rows for a year); GRDB's
    /// `StatementArguments`, which boxes every value, was 65 % of `record` in a CPU profile
    /// of `insula batch run` on bench-week. Binding doubles directly keeps the same statement
    /// and transaction and skips that.
    private static func insertSteps(_ steps: [Schedule.Step], of scenarioID: String, into db: Database) throws {
        let names = ["scenario_id", "step", "timestamp"] + StoreColumns.stepValues
        let statement = try db.makeStatement(sql: "INSERT INTO step (\(names.map(StoreColumns.quoted).joined(separator: ", "))) VALUES ("
            + Array(repeating: "?", count: names.count).joined(separator: ", ") + ")")
        let handle = statement.sqliteStatement
        // SQLITE_TRANSIENT: SQLite copies the text before the bind call returns.
        let transient = unsafeBitCast(-1, to: sqlite3_destructor_type.self)
        // Optional per-step values (empty cells in dispatch.csv), bound by their column's position.
        let optionalColumns = optionalStepNames.map { Int32(names.firstIndex(of: $0)! + 1) }
        for (index, step) in steps.enumerated() {
            sqlite3_reset(handle)
            _ = scenarioID.withCString { sqlite3_bind_text(handle, 1, $0, -1, transient) }
            sqlite3_bind_int64(handle, 2, Int64(index))
            _ = step.timestampUTC.withCString { sqlite3_bind_text(handle, 3, $0, -1, transient) }
            for (offset, value) in stepValues(step).enumerated() {
                if value.isNaN { sqlite3_bind_null(handle, Int32(4 + offset)) } else { sqlite3_bind_double(handle, Int32(4 + offset), value) }
            }
            for ((_, value), column) in zip(optionalStepValues(step), optionalColumns) {
                if let value { sqlite3_bind_double(handle, column, value) } else { sqlite3_bind_null(handle, column) }
            }
            let code = sqlite3_step(handle)
            guard code == SQLITE_DONE else {
                let message = String(cString: sqlite3_errmsg(db.sqliteConnection))
                sqlite3_reset(handle)
                throw DatabaseError(resultCode: ResultCode(rawValue: code), message: message)
            }
        }
        sqlite3_reset(handle)
    }

    /// The optional step values, by column name, in `StoreColumns.stepValues` order after the
    /// values of ``stepValues(_:)``.
    static func optionalStepValues(_ step: Schedule.Step) -> [(name: String, value: Double?)] {
        [("max_die_c", step.maxDieC), ("dry_bulb_c", step.dryBulbC), ("dump_mw", step.dumpMW),
         ("export_path_losses_mw", step.exportPathLossesMW),
         ("it_marginal_cost_usd_per_mwh", step.itMarginalCostUSDPerMWh.isNaN ? nil : step.itMarginalCostUSDPerMWh),
         ("water_m3", step.waterCubicMetres), ("wue_l_per_kwh_it", step.wueLitresPerKWhIT),
         ("heat_reuse_mw", step.heatReuseMW), ("heat_pump_mw", step.heatPumpMW),
         ("inference_tokens_per_s", step.inferenceTokensPerSecond), ("inference_shed_tokens_per_s", step.inferenceShedTokensPerSecond),
         ("training_tokens_per_s", step.trainingTokensPerSecond), ("inference_power_fraction", step.inferencePowerFraction),
         ("training_power_fraction", step.trainingPowerFraction), ("it_energy_cost_usd", step.itEnergyCostUSD)]
    }

    static let optionalStepNames = ["max_die_c", "dry_bulb_c", "dump_mw", "export_path_losses_mw", "it_marginal_cost_usd_per_mwh",
                                    "water_m3", "wue_l_per_kwh_it", "heat_reuse_mw", "heat_pump_mw", "inference_tokens_per_s",
                                    "inference_shed_tokens_per_s", "training_tokens_per_s", "inference_power_fraction",
                                    "training_power_fraction", "it_energy_cost_usd"]

    /// The step values in `StoreColumns.stepValues` order, without the optional ones.
    static func stepValues(_ step: Schedule.Step) -> [Double] {
        [step.smrMW, step.gridImportMW, step.gridExportMW, step.solarMW, step.windMW, step.batteryChargeMW,
         step.batteryDischargeMW, step.batterySOCMWh, step.backupMW, step.itMW, step.inferenceMW, step.inferenceShedMW,
         step.trainingMW, step.idleMW, step.coolingMW, step.lossesMW, step.curtailmentMW, step.cop, step.pue,
         step.gridCarbonGramsPerKWh, step.emissionsTonnes, step.cfeShare, step.marginalPriceUSDPerMWh, step.itCapacityMW]
    }

    static func kpiDictionary(_ kpis: KPIs) -> [String: Double]? {
        guard let data = try? JSONEncoder().encode(kpis),
              let object = try? JSONSerialization.jsonObject(with: data) as? [String: Any] else { return nil }
        return object.compactMapValues { ($0 as? NSNumber)?.doubleValue }
    }

    public func counts() throws -> StoreCounts {
        let batchCount = try metadata().batchScenarioCount
        return try database.read { db in
            let planned = try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM scenario") ?? 0
            let succeeded = try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM scenario WHERE status = 'optimal'") ?? 0
            let failed = try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM scenario WHERE status NOT IN ('optimal', 'pending')") ?? 0
            return StoreCounts(batch: batchCount, planned: planned, succeeded: succeeded, failed: failed,
                               remaining: planned - succeeded - failed)
        }
    }

    /// Finished scenarios that failed: (name, status, message), in batch order.
    public func failures() throws -> [(name: String, status: String, message: String)] {
        try database.read { db in
            try Row.fetchAll(db, sql: "SELECT name, status, message FROM scenario WHERE status NOT IN ('optimal', 'pending') ORDER BY position")
                .map { ($0["name"], $0["status"], $0["message"] ?? "") }
        }
    }

    // MARK: Helpers

    /// Now in ISO 8601 (UTC, seconds): the format style is cheap and thread-safe, unlike
    /// creating an `ISO8601DateFormatter` for every stored scenario.
    static func isoNow() -> String {
        Date().formatted(.iso8601)
    }

    static func jsonArray(_ strings: [String]) -> String {
        "[" + strings.map(CanonicalValue.quoted).joined(separator: ",") + "]"
    }
}
