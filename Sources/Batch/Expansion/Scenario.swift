import Foundation
import Island

/// One site variant of a batch: the base site with `overrides` applied.
public struct Scenario: Sendable, Equatable {
    /// 12 hex characters of the SHA-256 of the canonical overrides (sorted by key path): the
    /// same overrides give the same id in any batch file, whatever their order or spelling.
    public var id: String
    /// 0-based position in the batch's expansion; `summary.csv` rows follow it.
    public var position: Int
    /// A readable name: the named scenario, `key=value` pairs, `sample-03`.
    public var name: String
    /// In the order they apply.
    public var overrides: [BatchDefinition.Override]

    /// The overrides as one JSON object, keys sorted (stored in `results.sqlite`).
    public var overridesJSON: String {
        "{" + overrides.sorted { $0.path < $1.path }
            .map { CanonicalValue.quoted($0.path) + ":" + CanonicalValue.json($0.value) }.joined(separator: ",") + "}"
    }

    /// The value set for `path`, if this scenario overrides it.
    public func value(at path: String) -> YAMLNode? {
        overrides.last { $0.path == path }?.value
    }

    /// The shard (0..<count) this scenario belongs to: a function of its id alone, so every
    /// shard of a cluster job agrees on the split without talking to the others.
    public func shard(of count: Int) -> Int {
        precondition(count > 0, "shard count must be positive")
        return Int(UInt64(id.prefix(12), radix: 16)! % UInt64(count))
    }

    static func id(for overrides: [BatchDefinition.Override]) -> String {
        let canonical = "[" + overrides.sorted { $0.path < $1.path }
            .map { "[" + CanonicalValue.quoted($0.path) + "," + CanonicalValue.json($0.value) + "]" }
            .joined(separator: ",") + "]"
        return String(SHA256.hexDigest(Data(canonical.utf8)).prefix(12))
    }
}

/// `--shard I/N`: run only the scenarios whose ``Scenario/shard(of:)`` is `index`.
public struct Shard: Sendable, Equatable, CustomStringConvertible {
    public var index: Int
    public var count: Int

    public init(index: Int, count: Int) {
        precondition(count > 0 && (0..<count).contains(index), "shard \(index)/\(count) is out of range")
        self.index = index
        self.count = count
    }

    /// Parses `I/N` with 0 <= I < N (Slurm's `SLURM_ARRAY_TASK_ID` counts from 0).
    public init?(parsing text: String) {
        let parts = text.split(separator: "/", omittingEmptySubsequences: false)
        guard parts.count == 2, let index = Int(parts[0]), let count = Int(parts[1]), count > 0, (0..<count).contains(index) else {
            return nil
        }
        self.init(index: index, count: count)
    }

    public var description: String { "\(index)/\(count)" }

    public func contains(_ scenario: Scenario) -> Bool { scenario.shard(of: count) == index }
}
