import Foundation
import GRDB

/// What a store's results were computed from, compared before `--resume` and `batch merge`
/// add to them: a store never holds results of two versions of its inputs side by side.
public struct Provenance: Sendable, Equatable {
    /// Every input file of the batch's scenarios (site file and data files), by absolute path,
    /// with its SHA-256.
    public var inputFiles: [String: String]
    /// Each scenario's `inputs_sha256` (input files and overrides), by scenario id.
    public var scenarios: [String: String]
    public var insulaVersion: String

    public init(inputFiles: [String: String], scenarios: [String: String], insulaVersion: String) {
        self.inputFiles = inputFiles
        self.scenarios = scenarios
        self.insulaVersion = insulaVersion
    }

    /// Why results computed from `self` and from `other` must not be mixed, or nil when they
    /// agree: the files whose hash changed, the scenarios whose inputs differ, the versions.
    /// - Parameters:
    ///   - scenarioNames: names by id, for the message.
    public func differences(from other: Provenance, scenarioNames: [String: String] = [:]) -> [String] {
        var found: [String] = []
        for path in Set(inputFiles.keys).intersection(other.inputFiles.keys).sorted() where inputFiles[path] != other.inputFiles[path] {
            found.append("\(path) changed (sha256 \(inputFiles[path]!.prefix(12)) then, \(other.inputFiles[path]!.prefix(12)) now)")
        }
        let changed = Set(scenarios.keys).intersection(other.scenarios.keys).filter { scenarios[$0] != other.scenarios[$0] }.sorted()
        if !changed.isEmpty {
            let named = changed.prefix(3).map { id in scenarioNames[id].map { "\"\(StoreError.cap($0))\" (\(id))" } ?? id }
            found.append("\(changed.count) scenario\(changed.count == 1 ? "'s" : "s'") inputs differ: \(named.joined(separator: ", "))\(changed.count > 3 ? ", ..." : "")")
        }
        if insulaVersion != other.insulaVersion {
            found.append("computed by insula \(insulaVersion), now \(other.insulaVersion)")
        }
        return found
    }
}

extension ResultsStore {
    static let inputFilesKey = "input_files_json"

    /// The provenance of the stored results: input files recorded at creation (empty for
    /// stores written before they were), finished scenarios' input hashes, insula's version.
    public func provenance() throws -> Provenance {
        let metadata = try metadata()
        return try database.read { db in
            var files: [String: String] = [:]
            if let json = try String.fetchOne(db, sql: "SELECT value FROM batch_meta WHERE key = ?", arguments: [Self.inputFilesKey]) {
                guard let object = (try? JSONSerialization.jsonObject(with: Data(json.utf8))) as? [String: String] else {
                    throw StoreError("\(url.relativePath): table batch_meta, row '\(Self.inputFilesKey)': not a JSON object of hashes; the store is damaged")
                }
                files = object
            }
            var scenarios: [String: String] = [:]
            for row in try Row.fetchAll(db, sql: "SELECT id, inputs_sha256 FROM scenario WHERE status <> 'pending' AND inputs_sha256 IS NOT NULL") {
                scenarios[row["id"]] = row["inputs_sha256"]
            }
            return Provenance(inputFiles: files, scenarios: scenarios, insulaVersion: metadata.insulaVersion)
        }
    }

    /// Names of the stored scenarios, by id (for messages).
    public func scenarioNames() throws -> [String: String] {
        try database.read { db in
            try Row.fetchAll(db, sql: "SELECT id, name FROM scenario").reduce(into: [:]) { $0[$1["id"]] = $1["name"] }
        }
    }

    /// Records the input files of the batch (merged with those recorded before).
    public func recordInputFiles(_ files: [String: String]) throws {
        var all = try provenance().inputFiles
        all.merge(files) { _, new in new }
        let json = "{" + all.keys.sorted().map { "\(CanonicalValue.quoted($0)):\(CanonicalValue.quoted(all[$0]!))" }.joined(separator: ",") + "}"
        try setMetadata(Self.inputFilesKey, json)
    }
}
