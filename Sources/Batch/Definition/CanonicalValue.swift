import Foundation
import Island

/// One text form per override value, so that `800`, `800.0` and `8e2` give the same scenario
/// id and the same `summary.csv` cell.
///
/// The canonical form is compact JSON: numbers in their shortest round-trip form (whole
/// numbers without a decimal point), `true`/`false`/`null`, other scalars as strings,
/// mappings with sorted keys.
public enum CanonicalValue {
    /// Compact JSON for `node`.
    public static func json(_ node: YAMLNode) -> String {
        switch node.content {
        case .scalar(let text, let isPlain):
            if isPlain {
                if node.isNull { return "null" }
                if text == "true" || text == "false" { return text }
                if let value = number(text), value.isFinite { return format(value) }
            }
            return quoted(text)
        case .sequence(let items):
            return "[" + items.map(json).joined(separator: ",") + "]"
        case .mapping(let entries):
            return "{" + entries.sorted { $0.key < $1.key }.map { quoted($0.key) + ":" + json($0.value) }.joined(separator: ",") + "}"
        }
    }

    /// The value for a CSV cell: strings unquoted (`../series/prices-2024.csv`), the rest as JSON.
    public static func cell(_ node: YAMLNode) -> String {
        if case .scalar(let text, _) = node.content, json(node).hasPrefix("\"") { return text }
        return json(node)
    }

    /// A short form for scenario names: file paths by their base name, null as `none`.
    public static func label(_ node: YAMLNode) -> String {
        if node.isNull { return "none" }
        let text = cell(node)
        if text.contains("/") || text.hasSuffix(".csv") || text.hasSuffix(".epw") || text.hasSuffix(".json") {
            return URL(fileURLWithPath: text).deletingPathExtension().lastPathComponent
        }
        return text
    }

    /// The value of a plain scalar written as a decimal number, or nil (`inf`, `0x10` and
    /// dates are not numbers here).
    public static func number(_ text: String) -> Double? {
        guard !text.isEmpty, text.allSatisfy({ "0123456789+-.eE".contains($0) }),
              text.contains(where: \.isNumber) else { return nil }
        return Double(text)
    }

    /// Shortest round-trip text: `800`, `0.95`, `1e-07`.
    public static func format(_ value: Double) -> String {
        if value == value.rounded(), abs(value) < 1e15 { return String(Int64(value)) }
        return "\(value)"
    }

    static func quoted(_ text: String) -> String { YAMLNode.quoted(text) }
}
