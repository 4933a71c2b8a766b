import Foundation

/// Mutable state of one load: the issues found so far, the horizon once known, and caches of the
/// data files read (each file is read and hashed once per load).
final class LoadContext {
    let siteURL: URL
    /// The site file as the user named it, for messages.
    let siteDisplay: String
    var issues: [SiteIssue] = []
    var horizon: Horizon?
    var tables: [URL: Result<CSVTable, DataFileFailure>] = [:]
    var timestampCache: [String: [Result<Int64, TimestampParser.Failure>]] = [:]
    /// Every file read, in first-use order, with its display path.
    var inputFiles: [(url: URL, display: String)] = []

    init(siteURL: URL) {
        self.siteURL = siteURL
        self.siteDisplay = siteURL.relativePath
    }

    var siteDirectory: URL { siteURL.deletingLastPathComponent() }

    func report(_ keyPath: String, line: Int?, _ message: String) {
        issues.append(SiteIssue(file: siteDisplay, keyPath: keyPath, line: line, message: message))
    }

    func report(_ keyPath: String, node: YAMLNode?, _ message: String) {
        report(keyPath, line: node?.line, message)
    }

    func reportData(_ keyPath: String, line: Int?, dataFile: String, column: String? = nil, row: Int? = nil,
                    dataLine: Int? = nil, _ message: String) {
        issues.append(SiteIssue(file: siteDisplay, keyPath: keyPath, line: line, dataFile: dataFile, column: column,
                                row: row, dataLine: dataLine, message: message))
    }

    /// Resolves a path written in the site file (relative to the site file's folder).
    func resolve(path: String) -> URL {
        if path.hasPrefix("/") { return URL(fileURLWithPath: path).standardizedFileURL }
        return URL(fileURLWithPath: path, relativeTo: siteDirectory).standardizedFileURL
    }

    func noteInput(_ url: URL, display: String) {
        if !inputFiles.contains(where: { $0.url == url }) { inputFiles.append((url, display)) }
    }

    /// Reads a whole data file, or describes why it cannot be read.
    func readData(at url: URL) -> Result<Data, DataFileFailure> {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: url.path, isDirectory: &isDirectory) else {
            return .failure(.init(message: "file not found (looked for \(url.path))"))
        }
        if isDirectory.boolValue { return .failure(.init(message: "is a folder, not a file (\(url.path))")) }
        do {
            return .success(try Data(contentsOf: url))
        } catch {
            return .failure(.init(message: "cannot read file (\(url.path)): \(error.localizedDescription)"))
        }
    }
}

/// Why a data file could not be used at all; `row`/`dataLine` when the problem is in one place.
public struct DataFileFailure: Error, Sendable, CustomStringConvertible {
    public var message: String
    public var row: Int?
    public var dataLine: Int?

    public init(message: String, row: Int? = nil, dataLine: Int? = nil) {
        self.message = message
        self.row = row
        self.dataLine = dataLine
    }

    public var description: String { dataLine.map { "line \($0): \(message)" } ?? message }
}
