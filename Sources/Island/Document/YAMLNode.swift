import Foundation
import Yams

/// A YAML value with the line it came from: the parsed site tree, independent of Yams.
///
/// Keeping our own small tree (rather than `Yams.Node`) makes the document `Sendable`, lets
/// overrides replace sub-trees by key path, and keeps line numbers for messages.
public struct YAMLNode: Sendable, Equatable {
    /// One key and its value in a mapping, in file order.
    public struct Entry: Sendable, Equatable {
        public var key: String
        public var value: YAMLNode
        public init(key: String, value: YAMLNode) {
            self.key = key
            self.value = value
        }
    }

    public enum Content: Sendable, Equatable {
        /// A scalar's text; `isPlain` is false when it was quoted (then it is always a string).
        case scalar(String, isPlain: Bool)
        case sequence([YAMLNode])
        case mapping([Entry])
    }

    public var content: Content
    /// 1-based line in the site file, or nil for values that came from an override.
    public var line: Int?

    public init(_ content: Content, line: Int? = nil) {
        self.content = content
        self.line = line
    }

    /// This value with every line number removed, as for a value that came from an override.
    public var withoutLines: YAMLNode {
        switch content {
        case .scalar: return YAMLNode(content)
        case .sequence(let items): return YAMLNode(.sequence(items.map(\.withoutLines)))
        case .mapping(let entries): return YAMLNode(.mapping(entries.map { Entry(key: $0.key, value: $0.value.withoutLines) }))
        }
    }

    /// A plain (unquoted) scalar, as if written without quotes in YAML: `400`, `cyclic`, `~`.
    public static func plain(_ text: String) -> YAMLNode { YAMLNode(.scalar(text, isPlain: true)) }
    /// A number.
    public static func number(_ value: Double) -> YAMLNode {
        if value == value.rounded(), abs(value) < 1e15 { return .plain(String(Int64(value))) }
        return .plain("\(value)")
    }
    /// A quoted string (never read as a number).
    public static func string(_ text: String) -> YAMLNode { YAMLNode(.scalar(text, isPlain: false)) }
    public static func sequence(_ items: [YAMLNode]) -> YAMLNode { YAMLNode(.sequence(items)) }
    public static func mapping(_ entries: [(String, YAMLNode)]) -> YAMLNode {
        YAMLNode(.mapping(entries.map { Entry(key: $0.0, value: $0.1) }))
    }

    /// Canonical one-line flow YAML of this value: equal values give equal text, so it names
    /// overrides in manifests and fingerprints (`{energy_mwh: 800, power_mw: 200}`).
    public var flowText: String {
        switch content {
        case .scalar(let text, let isPlain):
            return isPlain ? text : Self.quoted(text)
        case .sequence(let items):
            return "[" + items.map(\.flowText).joined(separator: ", ") + "]"
        case .mapping(let entries):
            return "{" + entries.map { "\(Self.keyText($0.key)): \($0.value.flowText)" }.joined(separator: ", ") + "}"
        }
    }

    /// A mapping key: bare when it is a simple identifier such as `energy_mwh`, else quoted.
    private static func keyText(_ key: String) -> String {
        let simple = key.first?.isLetter == true && key.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "_") }
        return simple ? key : quoted(key)
    }

    /// A double-quoted string, valid as JSON and as YAML: `"`, `\`, newline, return and tab
    /// escaped, other control characters as `\uXXXX`. Scenario ids hash this text, so its
    /// format must not change.
    public static func quoted(_ text: String) -> String {
        var result = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": result += "\\\""
            case "\\": result += "\\\\"
            case "\n": result += "\\n"
            case "\r": result += "\\r"
            case "\t": result += "\\t"
            default:
                if scalar.value < 0x20 {
                    result += String(format: "\\u%04x", scalar.value)
                } else {
                    result.unicodeScalars.append(scalar)
                }
            }
        }
        return result + "\""
    }

    /// Parses YAML text (e.g. an override value `"{file: prices-2024.csv, column: price}"`).
    /// - Throws: `SiteValidationError` with one issue naming `file` if the text is not YAML.
    public static func parse(yaml text: String, file: String = "<yaml>") throws -> YAMLNode {
        let root: Node?
        do {
            root = try Yams.compose(yaml: text)
        } catch {
            throw SiteValidationError([SiteIssue(file: file, keyPath: "", line: yamlErrorLine(error),
                                                 message: "not valid YAML: \(describeYAMLError(error))")])
        }
        guard let root else { return YAMLNode(.mapping([]), line: 1) }
        var issues: [SiteIssue] = []
        var budget = maximumValues
        let node = convert(root, file: file, path: "", issues: &issues, budget: &budget)
        if budget < 0 {
            throw SiteValidationError([SiteIssue(file: file, keyPath: "", line: nil,
                                                 message: "the YAML holds more than \(maximumValues) values once its aliases (*name) are expanded; write the site out without alias chains")])
        }
        if !issues.isEmpty { throw SiteValidationError(issues) }
        return node
    }

    // MARK: Access

    public var isNull: Bool {
        if case .scalar(let text, true) = content { return ["~", "null", "Null", "NULL", ""].contains(text) }
        return false
    }

    public var entries: [Entry]? {
        if case .mapping(let entries) = content { return entries }
        return nil
    }

    public var items: [YAMLNode]? {
        if case .sequence(let items) = content { return items }
        return nil
    }

    public var scalarText: String? {
        if case .scalar(let text, _) = content { return text }
        return nil
    }

    /// The value under `key` when this is a mapping.
    public subscript(key: String) -> YAMLNode? {
        entries?.first { $0.key == key }?.value
    }

    /// A short description of the node's kind, for type errors.
    var kindDescription: String {
        switch content {
        case .scalar(let text, let isPlain):
            if isNull { return "null" }
            return isPlain ? Echo.quoted(text) : "the quoted string \(Echo.quoted(text))"
        case .sequence: return "a list"
        case .mapping: return "a mapping"
        }
    }

    // MARK: From Yams

    /// Most values (scalars, lists, mappings) a YAML document may expand to. Yams shares an
    /// aliased node, so nine lines of nested aliases ("billion laughs") compose instantly but
    /// expand to 9^9 values here; found by the bad-input corpus (it hung, then ran out of
    /// memory). Inline series of a 3-year 15-minute horizon take about 100,000 per series.
    static let maximumValues = 5_000_000

    private static func convert(_ node: Node, file: String, path: String, issues: inout [SiteIssue], budget: inout Int) -> YAMLNode {
        budget -= 1
        guard budget >= 0 else { return YAMLNode(.scalar("", isPlain: true), line: nil) }
        switch node {
        case .scalar(let scalar):
            let isPlain = scalar.style == .plain || scalar.style == .any
            return YAMLNode(.scalar(scalar.string, isPlain: isPlain), line: scalar.mark?.line)
        case .sequence(let sequence):
            let items = sequence.enumerated().map { index, item in
                convert(item, file: file, path: "\(path)[\(index)]", issues: &issues, budget: &budget)
            }
            return YAMLNode(.sequence(items), line: sequence.mark?.line)
        case .mapping(let mapping):
            var entries: [Entry] = []
            for (keyNode, valueNode) in mapping {
                guard case .scalar(let keyScalar) = keyNode else {
                    issues.append(SiteIssue(file: file, keyPath: path, line: keyNode.mark?.line,
                                            message: "mapping keys must be plain strings"))
                    continue
                }
                let key = keyScalar.string
                let childPath = path.isEmpty ? key : "\(path).\(key)"
                var value = convert(valueNode, file: file, path: childPath, issues: &issues, budget: &budget)
                // Report problems on the key's line: a nested mapping starts on the next line.
                value.line = keyScalar.mark?.line ?? value.line
                entries.append(Entry(key: key, value: value))
            }
            return YAMLNode(.mapping(entries), line: mapping.mark?.line)
        case .alias(let alias):
            issues.append(SiteIssue(file: file, keyPath: path, line: alias.mark?.line,
                                    message: "YAML aliases are not supported; write the value out"))
            return YAMLNode(.scalar("", isPlain: true), line: alias.mark?.line)
        }
    }

    static func yamlErrorLine(_ error: Error) -> Int? {
        guard let yamlError = error as? YamlError else { return nil }
        switch yamlError {
        case .scanner(_, _, let mark, _), .parser(_, _, let mark, _), .composer(_, _, let mark, _):
            return mark.line
        case .duplicatedKeysInMapping(_, let context):
            return context.mark.line
        default:
            return nil
        }
    }

    static func describeYAMLError(_ error: Error) -> String {
        guard let yamlError = error as? YamlError else { return "\(error)" }
        switch yamlError {
        case .scanner(let context, let problem, _, _), .parser(let context, let problem, _, _),
             .composer(let context, let problem, _, _):
            if let context { return "\(problem) (\(context.text))" }
            return problem
        case .duplicatedKeysInMapping(let duplicates, _):
            return "duplicate key\(duplicates.count > 1 ? "s" : "") " + duplicates.map { "\"\($0)\"" }.joined(separator: ", ")
        default:
            return "\(yamlError)".components(separatedBy: "\n").first ?? "\(yamlError)"
        }
    }
}
