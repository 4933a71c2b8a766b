import Foundation

/// A site file parsed to a YAML tree, before validation; overrides (from batches) apply here.
public struct SiteDocument: Sendable, Equatable {
    public var root: YAMLNode
    /// The site file; relative data paths resolve against its folder.
    public var siteFileURL: URL
    /// A sub-period to solve (`--window`, batch key `window`), applied after validation
    /// (`Site.windowed`); nil: the whole horizon.
    public var window: SiteWindow?
    /// Overrides applied so far, in order (for manifests and scenario ids).
    public var appliedOverrides: [(path: String, value: YAMLNode)] {
        get { overrideLog.map { ($0.path, $0.value) } }
    }

    struct Override: Sendable, Equatable {
        var path: String
        var value: YAMLNode
    }

    var overrideLog: [Override] = []

    public init(root: YAMLNode, siteFileURL: URL) {
        self.root = root
        self.siteFileURL = siteFileURL
    }

    /// Reads and parses a site file.
    /// - Throws: `SiteValidationError` when the file is missing, unreadable or not YAML.
    public static func read(from url: URL) throws -> SiteDocument {
        let display = url.relativePath
        let data: Data
        switch LoadContext.readRegularFile(at: url, maximumLineBytes: LoadContext.maximumSiteLineBytes) {
        case .success(let read): data = read
        case .failure(let failure):
            let exists = FileManager.default.fileExists(atPath: url.path)
            throw SiteValidationError([SiteIssue(file: display, keyPath: "",
                                                 message: exists ? "cannot read the site file: \(failure.message)" : "site file not found")])
        }
        guard let text = String(data: data, encoding: .utf8) else {
            throw SiteValidationError([SiteIssue(file: display, keyPath: "", message: "site file is not UTF-8 text")])
        }
        return SiteDocument(root: try YAMLNode.parse(yaml: text, file: display), siteFileURL: url)
    }

    /// The node at a key path such as `batteries[0].energy_mwh`, or nil if absent.
    public func value(at path: String) throws -> YAMLNode? {
        var node = root
        for segment in try KeyPath.parse(path, file: siteFileURL.relativePath) {
            switch segment {
            case .key(let key):
                guard let child = node[key] else { return nil }
                node = child
            case .index(let index):
                guard let items = node.items, index < items.count else { return nil }
                node = items[index]
            }
        }
        return node
    }

    /// A copy with values replaced (or added) at key paths, e.g. `("batteries[0].energy_mwh", 800)`
    /// or `("grid_feeds[0].price_usd_per_mwh.file", "prices-2024.csv")`.
    ///
    /// Missing mapping keys (and missing intermediate mappings) are created; a list index must
    /// exist or equal the list's length (which appends). Overrides apply in order.
    /// - Throws: `SiteValidationError` listing every override that cannot be applied.
    public func applying(overrides: [(path: String, value: YAMLNode)]) throws -> SiteDocument {
        var document = self
        var issues: [SiteIssue] = []
        let file = siteFileURL.relativePath
        for (path, value) in overrides {
            do {
                let segments = try KeyPath.parse(path, file: file)
                // An override's value has no line in the site file (its own text starts at line 1).
                try KeyPath.set(value.withoutLines, at: segments[...], in: &document.root, walked: "")
                document.overrideLog.append(Override(path: path, value: value))
            } catch let error as SiteValidationError {
                issues += error.issues
            } catch let failure as KeyPath.Failure {
                issues.append(SiteIssue(file: file, keyPath: path, message: "cannot apply override: \(failure.message)"))
            }
        }
        if !issues.isEmpty { throw SiteValidationError(issues) }
        return document
    }

    public static func == (lhs: SiteDocument, rhs: SiteDocument) -> Bool {
        lhs.root == rhs.root && lhs.siteFileURL == rhs.siteFileURL && lhs.overrideLog == rhs.overrideLog && lhs.window == rhs.window
    }
}

/// Key paths into the site tree: `name`, `grid_feeds[1].price_usd_per_mwh`, `smr.outages[0].start_utc`.
enum KeyPath {
    enum Segment: Equatable {
        case key(String)
        case index(Int)
    }

    struct Failure: Error {
        var message: String
    }

    static func parse(_ path: String, file: String) throws -> [Segment] {
        var segments: [Segment] = []
        var current = ""
        var characters = path.makeIterator()
        var expectingKey = true
        func fail(_ why: String) -> SiteValidationError {
            SiteValidationError([SiteIssue(file: file, keyPath: path, message: "invalid key path: \(why)")])
        }
        while let character = characters.next() {
            switch character {
            case ".":
                if !current.isEmpty { segments.append(.key(current)) } else if expectingKey { throw fail("empty key") }
                current = ""
                expectingKey = true
            case "[":
                if !current.isEmpty { segments.append(.key(current)) } else if segments.isEmpty { throw fail("index without a key") }
                current = ""
                var digits = ""
                while let next = characters.next(), next != "]" { digits.append(next) }
                guard let index = Int(digits), index >= 0 else { throw fail("\"[\(digits)]\" is not a list index") }
                segments.append(.index(index))
                expectingKey = false
            default:
                current.append(character)
                expectingKey = false
            }
        }
        if !current.isEmpty { segments.append(.key(current)) } else if expectingKey { throw fail("ends with \".\"") }
        guard !segments.isEmpty else { throw fail("empty") }
        return segments
    }

    static func set(_ value: YAMLNode, at segments: ArraySlice<Segment>, in node: inout YAMLNode, walked: String) throws {
        guard let segment = segments.first else {
            node = value
            return
        }
        let rest = segments.dropFirst()
        switch segment {
        case .key(let key):
            let here = walked.isEmpty ? key : "\(walked).\(key)"
            if node.isNull { node = YAMLNode(.mapping([]), line: node.line) }
            guard var entries = node.entries else {
                throw Failure(message: "\(walked.isEmpty ? "the document" : walked) is \(node.kindDescription), not a mapping")
            }
            if let position = entries.firstIndex(where: { $0.key == key }) {
                try set(value, at: rest, in: &entries[position].value, walked: here)
            } else {
                var child = rest.isEmpty ? value : YAMLNode(.mapping([]))
                if !rest.isEmpty { try set(value, at: rest, in: &child, walked: here) }
                entries.append(YAMLNode.Entry(key: key, value: child))
            }
            node.content = .mapping(entries)
        case .index(let index):
            let here = "\(walked)[\(index)]"
            guard var items = node.items else {
                throw Failure(message: "\(walked) is \(node.kindDescription), not a list")
            }
            if index == items.count {
                var child = YAMLNode(.mapping([]))
                try set(value, at: rest, in: &child, walked: here)
                items.append(child)
            } else if index < items.count {
                try set(value, at: rest, in: &items[index], walked: here)
            } else {
                throw Failure(message: "\(walked) has \(items.count) items; index \(index) is out of range")
            }
            node.content = .sequence(items)
        }
    }
}

extension YAMLNode: ExpressibleByIntegerLiteral, ExpressibleByFloatLiteral, ExpressibleByStringLiteral,
    ExpressibleByBooleanLiteral {
    public init(integerLiteral value: Int) { self = .plain(String(value)) }
    public init(floatLiteral value: Double) { self = .number(value) }
    /// A string literal is a plain scalar, exactly as if written unquoted in YAML (`"cyclic"`, `"400"`).
    public init(stringLiteral value: String) { self = .plain(value) }
    public init(booleanLiteral value: Bool) { self = .plain(value ? "true" : "false") }
}
