import Foundation
import GRDB

extension ResultsStore {
    /// Checks that every value of the small tables (`batch_meta`, `scenario`,
    /// `scenario_override`) has its column's type, so that no later read can meet a value it
    /// cannot decode (GRDB traps on those). Run when a store is opened: one scan of each table.
    /// The `step` table, large, is decoded with checks where it is read.
    /// - Throws: `StoreError` naming the store, table, row and column.
    func checkTypes() throws {
        let keys = ["batch_meta": "key", "scenario": "id", "scenario_override": "scenario_id || ' ' || path"]
        try database.read { db in
            for table in ["batch_meta", "scenario", "scenario_override"] {
                guard try db.tableExists(table) else { throw StoreError("\(url.relativePath) is not an insula results store (no table \(table))") }
                let columns = try Row.fetchAll(db, sql: "PRAGMA table_info(\(table))").map { row -> (name: String, allowed: [String]) in
                    let name = (row["name"] as DatabaseValue).storage.text ?? ""
                    let type = ((row["type"] as DatabaseValue).storage.text ?? "").uppercased()
                    let notNull = (row["notnull"] as DatabaseValue).storage.integer ?? 0 != 0
                    var allowed = type == "TEXT" ? ["text"] : ["integer", "real"]
                    if !notNull { allowed.append("null") }
                    return (name, allowed)
                }
                let condition = columns.map { "typeof(\(StoreColumns.quoted($0.name))) NOT IN (\($0.allowed.map { "'\($0)'" }.joined(separator: ", ")))" }
                    .joined(separator: " OR ")
                guard let row = try Row.fetchOne(db, sql: "SELECT quote(\(keys[table]!)) AS insula_key, * FROM \(table) WHERE \(condition) LIMIT 1") else { continue }
                let key = StoreError.cap((row["insula_key"] as DatabaseValue).storage.text ?? "?")
                for column in columns {
                    let value = row[column.name] as DatabaseValue
                    let kind = value.storage.typeName
                    guard !column.allowed.contains(kind) else { continue }
                    throw StoreError("\(url.relativePath): table \(table), row \(key): column \(column.name) holds \(kind == "null" ? "NULL" : "\(kind) \(StoreError.cap("\(value)"))"), expected \(column.allowed.first == "text" ? "text" : "a number"); the store is damaged")
                }
            }
        }
    }

    /// A column of a `step` row as an optional number, or a `StoreError` naming the row.
    func stepNumber(_ row: Row, _ column: String, scenario: String, step: Int) throws -> Double? {
        let value = row[column] as DatabaseValue
        switch value.storage {
        case .null: return nil
        case .double(let number): return number
        case .int64(let number): return Double(number)
        default:
            throw StoreError("\(url.relativePath): table step, row \(StoreError.cap(scenario)) step \(step): column \(column) holds \(value.storage.typeName) \(StoreError.cap("\(value)")), expected a number; the store is damaged")
        }
    }

    /// A column of a `step` row as text, or a `StoreError` naming the row.
    func stepText(_ row: Row, _ column: String, scenario: String, step: Int) throws -> String {
        let value = row[column] as DatabaseValue
        guard let text = value.storage.text else {
            throw StoreError("\(url.relativePath): table step, row \(StoreError.cap(scenario)) step \(step): column \(column) holds \(value.storage.typeName), expected text; the store is damaged")
        }
        return text
    }
}

extension DatabaseValue.Storage {
    var text: String? {
        if case .string(let text) = self { return text }
        return nil
    }

    var integer: Int64? {
        if case .int64(let value) = self { return value }
        return nil
    }

    /// SQLite's `typeof` name.
    var typeName: String {
        switch self {
        case .null: return "null"
        case .int64: return "integer"
        case .double: return "real"
        case .string: return "text"
        case .blob: return "blob"
        }
    }
}

extension StoreError {
    /// A stored value for a message: at most 80 characters, then its size.
    static func cap(_ text: String) -> String {
        let bytes = text.utf8.count
        let shown = bytes > 80 ? String(text.prefix(80)) + "... (\(bytes) bytes)" : text
        return shown.unicodeScalars.map { $0.value < 0x20 || $0.value == 0x7F ? String(format: "\\u{%02X}", $0.value) : String($0) }.joined()
    }

    /// A store failure for the command line: SQLite's errors classified as damage (exit 2) or
    /// I/O failure (exit 6), with the store's path; nil for errors that are not the store's.
    public static func classify(_ error: any Error, store: URL) -> StoreError? {
        if let error = error as? StoreError { return error }
        if let error = error as? DatabaseError {
            let path = store.relativePath
            switch error.resultCode.primaryResultCode {
            case .SQLITE_FULL, .SQLITE_IOERR, .SQLITE_READONLY, .SQLITE_CANTOPEN, .SQLITE_PERM, .SQLITE_NOLFS:
                return StoreError("\(path): \(error.message ?? "\(error.resultCode)")", ioFailure: true)
            case .SQLITE_BUSY, .SQLITE_LOCKED:
                return StoreError("\(path): the store is locked by another process (\(error.message ?? "busy"))", ioFailure: true)
            default:
                return StoreError("\(path): \(error.message ?? "\(error.resultCode)"); the store is damaged or not an insula results store")
            }
        }
        if error is RowDecodingError {
            return StoreError("\(store.relativePath): a stored value has the wrong type (\(cap("\(error)"))); the store is damaged")
        }
        return nil
    }
}
