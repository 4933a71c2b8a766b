import Foundation
import GRDB

extension ResultsStore {
    /// What a merge did.
    public struct MergeCounts: Sendable, Equatable, Encodable {
        /// Finished scenarios copied in.
        public var added: Int
        /// Finished scenarios the target already had (kept as they were).
        public var duplicates: Int

        public init(added: Int, duplicates: Int) {
            self.added = added
            self.duplicates = duplicates
        }
    }

    /// Creates a store in `folder` for the same batch as `source` (for `insula batch merge`).
    public static func createMergeTarget(in folder: URL, like source: ResultsStore) throws -> ResultsStore {
        var metadata = try source.metadata()
        metadata.shard = "merged"
        return try create(in: folder, metadata: metadata)
    }

    /// Copies the finished scenarios of `source` (with their steps and overrides) that this
    /// store lacks, and its pending ones as pending; a scenario finished in both is kept once.
    /// - Throws: `StoreError` when `source` belongs to another batch (different batch-file hash).
    @discardableResult
    public func merge(from source: ResultsStore) throws -> MergeCounts {
        let mine = try metadata(), theirs = try source.metadata()
        guard mine.batchSHA256 == theirs.batchSHA256 else {
            throw StoreError("""
                \(source.url.relativePath) is from another batch (\(theirs.batchFile), sha256 \(theirs.batchSHA256.prefix(12))) \
                than \(url.relativePath) (\(mine.batchFile), sha256 \(mine.batchSHA256.prefix(12))); refusing to merge
                """)
        }
        return try database.writeWithoutTransaction { db in
            try db.execute(sql: "ATTACH DATABASE ? AS source", arguments: [source.url.path])
            defer { try? db.execute(sql: "DETACH DATABASE source") }
            var counts = MergeCounts(added: 0, duplicates: 0)
            try db.inTransaction {
                try db.execute(sql: """
                    CREATE TEMP TABLE taken AS SELECT id FROM source.scenario WHERE status <> 'pending'
                      AND id NOT IN (SELECT id FROM main.scenario WHERE status <> 'pending')
                    """)
                counts.added = try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM temp.taken") ?? 0
                counts.duplicates = (try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM source.scenario WHERE status <> 'pending'") ?? 0) - counts.added
                // A pending row here gives way to the finished one (its cascade removes nothing finished).
                try db.execute(sql: "DELETE FROM main.scenario WHERE id IN (SELECT id FROM temp.taken)")
                try db.execute(sql: "INSERT INTO main.scenario SELECT * FROM source.scenario WHERE id IN (SELECT id FROM temp.taken)")
                try db.execute(sql: "INSERT INTO main.step SELECT * FROM source.step WHERE scenario_id IN (SELECT id FROM temp.taken)")
                try db.execute(sql: "INSERT INTO main.capacity SELECT * FROM source.capacity WHERE scenario_id IN (SELECT id FROM temp.taken)")
                try db.execute(sql: "INSERT OR IGNORE INTO main.scenario SELECT * FROM source.scenario WHERE status = 'pending'")
                try db.execute(sql: "INSERT OR IGNORE INTO main.scenario_override SELECT * FROM source.scenario_override")
                try db.execute(sql: "DROP TABLE temp.taken")
                return .commit
            }
            return counts
        }
    }
}
