import Foundation

/// Reads typed values out of one YAML mapping, reporting every problem to the load context.
///
/// Each accessor returns nil when the key is absent (and not required) or invalid; invalid values
/// are reported with the key path and line, so callers only combine the values that came out.
struct MappingReader {
    let context: LoadContext
    /// Key path of this mapping (empty for the root).
    let path: String
    let node: YAMLNode
    let entries: [YAMLNode.Entry]

    /// - Returns: nil (after reporting) when `node` is not a mapping. Unknown keys are reported
    ///   with a "did you mean" hint drawn from `allowedKeys`.
    init?(_ node: YAMLNode, path: String, context: LoadContext, allowedKeys: [String]) {
        self.context = context
        self.path = path
        self.node = node
        guard let entries = node.entries else {
            context.report(path, node: node, "expected a mapping (key: value lines), got \(node.kindDescription)")
            return nil
        }
        self.entries = entries
        for entry in entries where !allowedKeys.contains(entry.key) {
            var message = "unknown key \(Echo.quoted(entry.key))"
            if let hint = closestMatch(to: entry.key, in: allowedKeys) {
                message += "; did you mean \"\(hint)\"?"
                if hint.split(separator: "_").first == entry.key.split(separator: "_").first, hint != entry.key {
                    message += " (keys carry their unit; this one is \(hint))"
                }
            } else {
                message += "; allowed keys here: " + allowedKeys.joined(separator: ", ")
            }
            context.report(keyPath(entry.key), node: entry.value, message)
        }
    }

    func keyPath(_ key: String) -> String { path.isEmpty ? key : "\(path).\(key)" }

    func has(_ key: String) -> Bool { child(key).map { !$0.isNull } ?? false }

    /// The value under `key`; an explicit `null` counts as absent.
    func child(_ key: String) -> YAMLNode? {
        guard let value = entries.first(where: { $0.key == key })?.value, !value.isNull else { return nil }
        return value
    }

    func line(_ key: String) -> Int? { entries.first(where: { $0.key == key })?.value.line ?? node.line }

    func report(_ key: String, _ message: String) {
        // A value set by an override is named by the context (`LoadContext.report`).
        context.report(keyPath(key), line: line(key), message)
    }

    func reportMissing(_ key: String, _ what: String = "") {
        context.report(keyPath(key), line: node.line, "missing required key\(what.isEmpty ? "" : " (\(what))")")
    }

    // MARK: Scalars

    func number(_ key: String, unit: String = "", range: ValueRange = .any, required: Bool = false) -> Double? {
        guard let value = child(key) else {
            if required { reportMissing(key, unit.isEmpty ? "a number" : "a number in \(unit)") }
            return nil
        }
        guard let parsed = MappingReader.parseNumber(value) else {
            report(key, "expected a number\(unit.isEmpty ? "" : " in \(unit)"), got \(value.kindDescription)")
            return nil
        }
        guard parsed.isFinite else {
            report(key, "must be a finite number, got \(Echo.quoted(value.scalarText ?? ""))")
            return nil
        }
        if let magnitude = DecimalNumber.magnitudeProblem(parsed, unit: unit) {
            report(key, magnitude)
            return nil
        }
        let number = DecimalNumber.flushed(parsed)
        guard range.contains(number) else {
            report(key, range.violation(number, unit: unit))
            return nil
        }
        return number
    }

    func number(_ key: String, unit: String = "", range: ValueRange = .any, default defaultValue: Double) -> Double? {
        guard has(key) else { return defaultValue }
        return number(key, unit: unit, range: range)
    }

    func integer(_ key: String, unit: String = "", range: ValueRange = .any, required: Bool = false) -> Int? {
        guard let value = number(key, unit: unit, range: range, required: required) else { return nil }
        guard value == value.rounded(), abs(value) < 1e12 else {
            report(key, "expected a whole number, got \(formatNumber(value))")
            return nil
        }
        return Int(value)
    }

    func integer(_ key: String, unit: String = "", range: ValueRange = .any, default defaultValue: Int) -> Int? {
        guard has(key) else { return defaultValue }
        return integer(key, unit: unit, range: range)
    }

    func string(_ key: String, required: Bool = false) -> String? {
        guard let value = child(key) else {
            if required { reportMissing(key, "a string") }
            return nil
        }
        guard let text = value.scalarText else {
            report(key, "expected a string, got \(value.kindDescription)")
            return nil
        }
        return text
    }

    /// One of a fixed set of words, e.g. `commitment: linear | integer`.
    func choice<Value>(_ key: String, _ options: KeyValuePairs<String, Value>, required: Bool = false) -> Value? {
        guard let text = string(key, required: required) else { return nil }
        if let match = options.first(where: { $0.key == text }) { return match.value }
        var message = "expected one of " + options.map { "\"\($0.key)\"" }.joined(separator: ", ") + ", got \(Echo.quoted(text))"
        if let hint = closestMatch(to: text, in: options.map(\.key)) { message += "; did you mean \"\(hint)\"?" }
        report(key, message)
        return nil
    }

    /// A UTC instant: ISO 8601 with `Z` or an offset; a naive timestamp is read as UTC.
    func timestamp(_ key: String, required: Bool = false) -> Int64? {
        guard let text = string(key, required: required) else { return nil }
        switch TimestampParser(zone: .utc).parse(Substring(text)) {
        case .success(let epoch): return epoch
        case .failure(.fractionalSecond):
            report(key, "\(Echo.quoted(text)) has a fraction of a second; timestamps must fall on whole seconds (a fraction of zeros, .000, is fine)")
            return nil
        case .failure:
            report(key, "expected a UTC timestamp like 2025-01-01T00:00Z, got \(Echo.quoted(text))")
            return nil
        }
    }

    func bool(_ key: String, default defaultValue: Bool) -> Bool? {
        guard let text = string(key) else { return has(key) ? nil : defaultValue }
        switch text.lowercased() {
        case "true", "yes", "on": return true
        case "false", "no", "off": return false
        default:
            report(key, "expected true or false, got \(Echo.quoted(text))")
            return nil
        }
    }

    // MARK: Nested

    func mapping(_ key: String, allowedKeys: [String], required: Bool = false) -> MappingReader? {
        guard let value = child(key) else {
            if required { reportMissing(key, "a mapping") }
            return nil
        }
        return MappingReader(value, path: keyPath(key), context: context, allowedKeys: allowedKeys)
    }

    /// The items of a list, each with its key path (`grid_feeds[1]`). A single mapping is not a list.
    /// Most items in one list (components, jobs, outages). Each component can carry series of
    /// one value per step, so this bounds what a site file can make the loader allocate before
    /// the model-size check (a few hundred MB at the longest horizon).
    static let maximumListItems = 1_000

    func list(_ key: String, required: Bool = false) -> [(node: YAMLNode, path: String)] {
        guard let value = child(key) else {
            if required { reportMissing(key, "a list") }
            return []
        }
        guard let items = value.items else {
            report(key, "expected a list (lines starting with \"- \"), got \(value.kindDescription)")
            return []
        }
        guard items.count <= Self.maximumListItems else {
            report(key, "has \(items.count) items, more than the \(Self.maximumListItems) a site may list")
            return []
        }
        return items.enumerated().map { index, item in (item, "\(keyPath(key))[\(index)]") }
    }

    /// Plain scalars that read as numbers; quoted strings never do.
    static func parseNumber(_ node: YAMLNode) -> Double? {
        guard case .scalar(let text, true) = node.content else { return nil }
        let cleaned = text.replacingOccurrences(of: "_", with: "")
        switch cleaned.lowercased() {
        case ".nan": return .nan
        case ".inf", "+.inf": return .infinity
        case "-.inf": return -.infinity
        default: break
        }
        // Plain decimal only: Double(_:) would also read 0x1p3 (8), inf and nan.
        return DecimalNumber.parse(cleaned)
    }
}
