import Foundation
import Optimization

/// JSON for scripts: sorted keys, stable across runs.
func encodeJSON<T: Encodable>(_ value: T) throws -> String {
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
    encoder.nonConformingFloatEncodingStrategy = .convertToString(positiveInfinity: "inf", negativeInfinity: "-inf", nan: "nan")
    return String(decoding: try encoder.encode(value), as: UTF8.self)
}

/// Checks an output file's path before anything is computed.
///
/// Output files are written to a temporary name and renamed into place, which would replace
/// a symbolic link or a device node (`/dev/null`, `/dev/full`) with a regular file. Insula
/// refuses them instead (documented in the README): an empty path, a link, a folder, a
/// device, a FIFO or a socket. A missing file or a regular file is fine.
func checkOutputFile(_ path: String, option: String) throws {
    guard !path.isEmpty else { throw CommandFailure(.invalidInput, "error: \(option) is empty; name a file") }
    var info = stat()
    guard lstat(path, &info) == 0 else { return }
    let kind: String?
    switch info.st_mode & S_IFMT {
    case S_IFREG: kind = nil
    case S_IFLNK: kind = "a symbolic link"
    case S_IFDIR: kind = "a folder"
    case S_IFCHR, S_IFBLK: kind = "a device"
    case S_IFIFO: kind = "a FIFO"
    case S_IFSOCK: kind = "a socket"
    default: kind = "not a regular file"
    }
    if let kind {
        throw CommandFailure(.invalidInput, "error: \(path) (\(option)) is \(kind); insula writes output files by renaming a new file into place and would replace it, so name a regular file")
    }
}

/// Writes `data` so that readers see either the old file or the complete new one: a
/// temporary file in the same folder is renamed into place. The path is checked first
/// (``checkOutputFile(_:option:)``).
func writeAtomically(_ data: Data, to url: URL, option: String = "output") throws {
    try checkOutputFile(url.path, option: option)
    let temporary = url.deletingLastPathComponent()
        .appendingPathComponent(".\(url.lastPathComponent).\(ProcessInfo.processInfo.processIdentifier).tmp")
    StaleTemporaries.remove(name: url.lastPathComponent, in: url.deletingLastPathComponent())
    do {
        try data.write(to: temporary)
        if rename(temporary.path, url.path) != 0 {
            throw POSIXError(POSIXErrorCode(rawValue: errno) ?? .EIO)
        }
    } catch {
        try? FileManager.default.removeItem(at: temporary)
        throw CommandFailure.writing(url.path, error, what: "could not be written")
    }
}

/// A number for a text table: compact, with thousands visible.
func formatNumber(_ value: Double, digits: Int = 6) -> String {
    guard value.isFinite else { return "\(value)" }
    return String(format: "%.\(digits)g", value)
}
