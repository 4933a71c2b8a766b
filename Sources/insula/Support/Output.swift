import Foundation

/// JSON for scripts: sorted keys, stable across runs.
func encodeJSON<T: Encodable>(_ value: T) throws -> String {
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
    encoder.nonConformingFloatEncodingStrategy = .convertToString(positiveInfinity: "inf", negativeInfinity: "-inf", nan: "nan")
    return String(decoding: try encoder.encode(value), as: UTF8.self)
}

/// Writes `data` so that readers see either the old file or the complete new one: a
/// temporary file in the same folder is renamed into place.
func writeAtomically(_ data: Data, to url: URL) throws {
    let temporary = url.deletingLastPathComponent()
        .appendingPathComponent(".\(url.lastPathComponent).\(ProcessInfo.processInfo.processIdentifier).tmp")
    do {
        try data.write(to: temporary)
        if rename(temporary.path, url.path) != 0 {
            throw CocoaError(.fileWriteUnknown, userInfo: [NSFilePathErrorKey: url.path])
        }
    } catch {
        try? FileManager.default.removeItem(at: temporary)
        throw CommandFailure(.invalidInput, "error: \(url.path): could not be written (\(error.localizedDescription))")
    }
}

/// A number for a text table: compact, with thousands visible.
func formatNumber(_ value: Double, digits: Int = 6) -> String {
    guard value.isFinite else { return "\(value)" }
    return String(format: "%.\(digits)g", value)
}
