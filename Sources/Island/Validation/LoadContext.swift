import Foundation

/// Mutable state of one load: the issues found so far, the horizon once known, and caches of the
/// data files read (each file is read and hashed once per load).
final class LoadContext {
    let siteURL: URL
    /// The site file as the user named it, for messages.
    let siteDisplay: String
    var issues: [SiteIssue] = []
    /// Suspicious but valid inputs (naive timestamps, a currency mismatch, an unusual mean): reported, never fatal.
    var warnings: [SiteIssue] = []
    var horizon: Horizon?
    /// `scenario_year`: the year `{year}` in series files stands for.
    var scenarioYear: Int?
    /// Parsed CSV files, keyed by path and header line (one file can be read with different headers).
    var tables: [String: Result<CSVTable, DataFileFailure>] = [:]
    var timestampCache: [String: [Result<Int64, TimestampParser.Failure>]] = [:]
    /// Every file read, in first-use order, with its display path.
    var inputFiles: [(url: URL, display: String)] = []

    init(siteURL: URL) {
        self.siteURL = siteURL
        self.siteDisplay = siteURL.relativePath
    }

    var siteDirectory: URL { siteURL.deletingLastPathComponent() }

    /// Overrides applied to the document (`--set`, batch scenarios), as `path` and `path=value`.
    var overrides: [(path: String, text: String)] = []

    /// The override that set `keyPath` (or a mapping or list above it), if any.
    func override(covering keyPath: String) -> String? {
        overrides.last { keyPath == $0.path || keyPath.hasPrefix($0.path + ".") || keyPath.hasPrefix($0.path + "[") }?.text
    }

    /// A problem under an overridden key names the override, not a line of the site file.
    private func located(_ keyPath: String, line: Int?, _ message: String) -> (line: Int?, message: String) {
        if let override = override(covering: keyPath) {
            return (nil, message + " (value set by the override \(override))")
        }
        // An override inside this value (a series' `file`, one key of a mapping) may be the cause.
        if !keyPath.isEmpty, let inner = overrides.last(where: { $0.path.hasPrefix(keyPath + ".") || $0.path.hasPrefix(keyPath + "[") }) {
            return (line, message + " (with the override \(inner.text))")
        }
        return (line, message)
    }

    func report(_ keyPath: String, line: Int?, _ message: String) {
        let (line, message) = located(keyPath, line: line, message)
        issues.append(SiteIssue(file: siteDisplay, keyPath: keyPath, line: line, message: message))
    }

    func report(_ keyPath: String, node: YAMLNode?, _ message: String) {
        report(keyPath, line: node?.line, message)
    }

    func warn(_ keyPath: String, line: Int?, dataFile: String? = nil, column: String? = nil, _ message: String) {
        let warning = SiteIssue(file: siteDisplay, keyPath: keyPath, line: line, dataFile: dataFile, column: column,
                                row: nil, dataLine: nil, message: message)
        if !warnings.contains(warning) { warnings.append(warning) }
    }

    func reportData(_ keyPath: String, line: Int?, dataFile: String, column: String? = nil, row: Int? = nil,
                    dataLine: Int? = nil, _ message: String) {
        let (line, message) = located(keyPath, line: line, message)
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

    /// Largest data file the loader reads, bytes: a 3-year 15-minute CSV with dozens of
    /// columns is well under this; anything larger is refused before it is read.
    static let maximumDataFileBytes = 1 << 30

    /// Reads a whole data file, or describes why it cannot be read.
    ///
    /// Only regular files: a device, FIFO or socket (`/dev/zero`, `/dev/stdin`) would block
    /// or never end, so it is refused by type, as is a file over ``maximumDataFileBytes``.
    /// - Parameter maximumLineBytes: refuse the file at its first line longer than this (CSV and EPW
    ///   files are read line by line; an Open-Meteo JSON response is one line by nature).
    func readData(at url: URL, maximumLineBytes: Int? = nil) -> Result<Data, DataFileFailure> {
        LoadContext.readRegularFile(at: url, maximumLineBytes: maximumLineBytes)
    }

    /// Longest line of a CSV or EPW file, bytes. A CSV row with a thousand columns is a few
    /// tens of kB; a file whose line runs past this is not a table (or is damaged), and it is
    /// refused as soon as the line passes the limit, without reading the rest of the file.
    public static let maximumLineBytes = 1 << 20
    /// Longest line of a site file, bytes: a flow-style list of a three-year 15-minute series
    /// (105,408 values) fits several times over.
    public static let maximumSiteLineBytes = 64 << 20

    /// Reads a regular file of at most ``maximumDataFileBytes``, or says why not.
    /// - Parameter maximumLineBytes: when given, the read stops at the first longer line, which
    ///   is reported with its line number.
    /// - Complexity: O(bytes read); memory bounded by the file size, or by the position of the
    ///   first overlong line.
    static func readRegularFile(at url: URL, maximumLineBytes: Int? = nil) -> Result<Data, DataFileFailure> {
        // stat(2) follows every symbolic link (/dev/stdin -> /proc/self/fd/0 -> a pipe).
        var info = stat()
        guard stat(url.path, &info) == 0 else {
            return errno == ENOENT || errno == ENOTDIR
                ? .failure(DataFileFailure(message: "file not found (looked for \(url.path))"))
                : .failure(DataFileFailure(message: "cannot read file (\(url.path)): \(String(cString: strerror(errno)))"))
        }
        let type = info.st_mode & S_IFMT
        if type == S_IFDIR { return .failure(DataFileFailure(message: "is a folder, not a file (\(url.path))")) }
        guard type == S_IFREG else {
            return .failure(DataFileFailure(message: "is not a regular file (\(url.path)): devices, pipes and sockets are refused"))
        }
        if Int(info.st_size) > maximumDataFileBytes {
            return .failure(DataFileFailure(message: "is \(info.st_size) bytes, larger than the \(maximumDataFileBytes) bytes a data file may have (\(url.path))"))
        }
        guard let maximumLineBytes else {
            do {
                return .success(try Data(contentsOf: url))
            } catch {
                return .failure(DataFileFailure(message: "cannot read file (\(url.path)): \(error.localizedDescription)"))
            }
        }
        let descriptor = open(url.path, O_RDONLY)
        guard descriptor >= 0 else {
            return .failure(DataFileFailure(message: "cannot read file (\(url.path)): \(String(cString: strerror(errno)))"))
        }
        defer { close(descriptor) }
        var data = Data()
        data.reserveCapacity(Int(info.st_size))
        let chunkBytes = 1 << 20
        var chunk = [UInt8](repeating: 0, count: chunkBytes)
        var line = 1, lineBytes = 0
        while true {
            let count = chunk.withUnsafeMutableBytes { read(descriptor, $0.baseAddress, chunkBytes) }
            if count < 0 {
                if errno == EINTR { continue }
                return .failure(DataFileFailure(message: "cannot read file (\(url.path)): \(String(cString: strerror(errno)))"))
            }
            if count == 0 { break }
            // Line ends found with memchr: this runs over every byte of every data file.
            let overlong: Bool = chunk.withUnsafeBytes { buffer in
                let base = buffer.baseAddress!
                var offset = 0
                while offset < count {
                    guard let found = memchr(base + offset, 0x0A, count - offset) else {
                        lineBytes += count - offset
                        return lineBytes > maximumLineBytes
                    }
                    let position = base.distance(to: UnsafeRawPointer(found))
                    lineBytes += position - offset
                    if lineBytes > maximumLineBytes { return true }
                    line += 1
                    lineBytes = 0
                    offset = position + 1
                }
                return false
            }
            if overlong {
                return .failure(DataFileFailure(
                    message: "longer than \(maximumLineBytes) bytes, the limit for one line of a data file; the file was not read further (is it a CSV or EPW file?)",
                    dataLine: line))
            }
            data.append(contentsOf: chunk[0..<count])
            if data.count > maximumDataFileBytes {
                return .failure(DataFileFailure(message: "is larger than the \(maximumDataFileBytes) bytes a data file may have (\(url.path))"))
            }
        }
        return .success(data)
    }
}

/// Why a data file could not be used at all; `row`/`dataLine` when the problem is in one place.
public struct DataFileFailure: Error, Sendable, CustomStringConvertible {
    public var message: String
    public var row: Int?
    public var dataLine: Int?
    /// The column (header name) of the cell at fault, when one is.
    public var column: String?
    /// The header line asked for (`header_row`) is not in the file: the site file's key is at fault, not a data row.
    public var atHeaderRow: Bool

    public init(message: String, row: Int? = nil, dataLine: Int? = nil, column: String? = nil, atHeaderRow: Bool = false) {
        self.message = message
        self.row = row
        self.dataLine = dataLine
        self.column = column
        self.atHeaderRow = atHeaderRow
    }

    public var description: String { dataLine.map { "line \($0): \(message)" } ?? message }
}
