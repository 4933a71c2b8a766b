import Foundation
import Island

extension BatchDefinition {
    static let topLevelKeys = ["name", "site", "scenarios", "grid", "zip", "sample", "outage_draws", "window", "window_training_energy"]
    /// A cap on the expansion: beyond it a typo (a list of 1,000 values in each of three grid
    /// keys) would try to build a billion scenarios.
    public static let maximumScenarioCount = 1_000_000

    /// Reads a batch file; every problem is reported with the file, key path and line.
    /// - Throws: `BatchValidationError` listing every problem in the batch file.
    public static func read(from url: URL) throws -> BatchDefinition {
        let display = url.relativePath
        let data: Data
        do {
            data = try Data(contentsOf: url)
        } catch {
            let exists = FileManager.default.fileExists(atPath: url.path)
            throw BatchValidationError([BatchIssue(issue: SiteIssue(
                file: display, keyPath: "",
                message: exists ? "cannot read the batch file: \(error.localizedDescription)" : "batch file not found"))])
        }
        guard let text = String(data: data, encoding: .utf8) else {
            throw BatchValidationError([BatchIssue(issue: SiteIssue(file: display, keyPath: "", message: "batch file is not UTF-8 text"))])
        }
        let root: YAMLNode
        do {
            root = try YAMLNode.parse(yaml: text, file: display)
        } catch let error as SiteValidationError {
            throw BatchValidationError(error.issues.map { BatchIssue(issue: $0) })
        }
        var parser = Parser(file: display)
        let definition = parser.parse(root, url: url, sha256: SHA256.hexDigest(data))
        guard let definition, parser.issues.isEmpty else {
            throw BatchValidationError(parser.issues.map { BatchIssue(issue: $0) })
        }
        return definition
    }

    /// Reads the batch file's YAML tree into a definition, collecting every problem.
    struct Parser {
        let file: String
        var issues: [SiteIssue] = []

        init(file: String) {
            self.file = file
        }

        mutating func report(_ keyPath: String, _ node: YAMLNode?, _ message: String) {
            issues.append(SiteIssue(file: file, keyPath: keyPath, line: node?.line, message: message))
        }

        mutating func parse(_ root: YAMLNode, url: URL, sha256: String) -> BatchDefinition? {
            guard let entries = root.entries else {
                report("", root, "a batch file is a mapping with site and at least one of scenarios, grid, zip, sample")
                return nil
            }
            for entry in entries where !BatchDefinition.topLevelKeys.contains(entry.key) {
                report(entry.key, entry.value, "unknown key; expected one of \(BatchDefinition.topLevelKeys.joined(separator: ", "))")
            }
            let name = root["name"]?.scalarText ?? url.deletingPathExtension().lastPathComponent
            guard let sitePath = root["site"]?.scalarText, !sitePath.isEmpty else {
                report("site", root["site"] ?? root, "missing: the base site file, relative to the batch file")
                return nil
            }
            let siteURL = URL(fileURLWithPath: sitePath, relativeTo: url.deletingLastPathComponent())
            var definition = BatchDefinition(name: name, batchFileURL: url, batchSHA256: sha256, siteURL: siteURL)
            if let node = root["scenarios"] { definition.scenarios = parseScenarios(node) }
            if let node = root["grid"] { definition.grid = parseLists(node, keyPath: "grid") }
            if let node = root["zip"] { definition.zips = parseZips(node) }
            if let node = root["sample"] { definition.sample = parseSample(node) }
            if let node = root["outage_draws"] { definition.outageDraws = parseOutageDraws(node) }
            if let node = root["window"] {
                var energy = SiteWindow.TrainingEnergy.proRata
                if let energyNode = root["window_training_energy"] {
                    if let text = energyNode.scalarText, let parsed = SiteWindow.TrainingEnergy(rawValue: text) {
                        energy = parsed
                    } else {
                        report("window_training_energy", energyNode, "expected pro_rata or full")
                    }
                }
                if let text = node.scalarText, let window = SiteWindow(parsing: text, trainingEnergy: energy) {
                    definition.window = window
                } else {
                    report("window", node, "expected START..END with UTC timestamps, END after START, e.g. 2023-08-01T00:00Z..2023-09-01T00:00Z")
                }
            } else if let node = root["window_training_energy"] {
                report("window_training_energy", node, "only applies with window")
            }
            checkPathsAreDistinct(definition)
            var sizes = [definition.scenarios.count, definition.sample?.count ?? 1, definition.outageDraws?.count ?? 1]
            sizes += definition.grid.map(\.values.count)
            sizes += definition.zips.map { group in group.first?.values.count ?? 1 }
            var count = 1
            for size in sizes {
                count = count.multipliedReportingOverflow(by: max(size, 1)).partialValue
                if count > BatchDefinition.maximumScenarioCount || count < 0 {
                    report("", root, "the batch would expand to more than \(BatchDefinition.maximumScenarioCount) scenarios")
                    break
                }
            }
            return definition
        }

        private mutating func parseScenarios(_ node: YAMLNode) -> [NamedSet] {
            guard let items = node.items, !items.isEmpty else {
                report("scenarios", node, "must be a non-empty list of {name, overrides}")
                return []
            }
            var sets: [NamedSet] = []
            var names: Set<String> = []
            for (index, item) in items.enumerated() {
                let here = "scenarios[\(index)]"
                guard let entries = item.entries else {
                    report(here, item, "must be a mapping with name and overrides")
                    continue
                }
                for entry in entries where !["name", "overrides"].contains(entry.key) {
                    report("\(here).\(entry.key)", entry.value, "unknown key; expected name, overrides")
                }
                guard let name = item["name"]?.scalarText, !name.isEmpty else {
                    report("\(here).name", item, "missing: every named scenario needs a name")
                    continue
                }
                if !names.insert(name).inserted { report("\(here).name", item["name"], "duplicate scenario name \"\(name)\"") }
                var overrides: [Override] = []
                if let mapping = item["overrides"], !mapping.isNull {
                    guard let pairs = mapping.entries else {
                        report("\(here).overrides", mapping, "must be a mapping of key path to value")
                        continue
                    }
                    overrides = pairs.map { Override(path: $0.key, value: $0.value) }
                }
                sets.append(NamedSet(name: name, overrides: overrides))
            }
            return sets
        }

        /// A mapping of key path to a non-empty list of values.
        private mutating func parseLists(_ node: YAMLNode, keyPath: String) -> [(path: String, values: [YAMLNode])] {
            guard let entries = node.entries, !entries.isEmpty else {
                report(keyPath, node, "must be a mapping of key path to a list of values")
                return []
            }
            var lists: [(path: String, values: [YAMLNode])] = []
            for entry in entries {
                guard let values = entry.value.items, !values.isEmpty else {
                    report("\(keyPath).\(entry.key)", entry.value, "must be a non-empty list of values")
                    continue
                }
                lists.append((entry.key, values))
            }
            return lists
        }

        /// One zip group (a mapping) or several (a list of mappings); lists in a group have one length.
        private mutating func parseZips(_ node: YAMLNode) -> [[(path: String, values: [YAMLNode])]] {
            let groups: [(node: YAMLNode, path: String)]
            if let items = node.items {
                groups = items.enumerated().map { ($1, "zip[\($0)]") }
            } else {
                groups = [(node, "zip")]
            }
            var result: [[(path: String, values: [YAMLNode])]] = []
            for group in groups {
                let lists = parseLists(group.node, keyPath: group.path)
                guard let length = lists.first?.values.count else { continue }
                if let mismatch = lists.first(where: { $0.values.count != length }) {
                    report("\(group.path).\(mismatch.path)", group.node[mismatch.path],
                           "has \(mismatch.values.count) values but \(lists[0].path) has \(length): zipped lists must have the same length")
                    continue
                }
                result.append(lists)
            }
            return result
        }

        private mutating func parseSample(_ node: YAMLNode) -> Sample? {
            guard node.entries != nil else {
                report("sample", node, "must be a mapping with count, seed and values")
                return nil
            }
            for entry in node.entries ?? [] where !["count", "seed", "values"].contains(entry.key) {
                report("sample.\(entry.key)", entry.value, "unknown key; expected count, seed, values")
            }
            let count = integer(node["count"], "sample.count", parent: node, range: 1...100_000)
            let seed = integer(node["seed"], "sample.seed", parent: node, range: 0...9_007_199_254_740_991)
            guard let valuesNode = node["values"], let entries = valuesNode.entries, !entries.isEmpty else {
                report("sample.values", node["values"] ?? node, "missing: a mapping of key path to {min_value, max_value[, step]} or a list")
                return nil
            }
            var domains: [(path: String, domain: SampleDomain)] = []
            for entry in entries {
                let here = "sample.values.\(entry.key)"
                if let items = entry.value.items {
                    guard !items.isEmpty else {
                        report(here, entry.value, "must be a non-empty list")
                        continue
                    }
                    domains.append((entry.key, .choice(items)))
                } else if entry.value.entries != nil {
                    for key in entry.value.entries!.map(\.key) where !["min_value", "max_value", "step"].contains(key) {
                        report("\(here).\(key)", entry.value, "unknown key; expected min_value, max_value, step")
                    }
                    let minimum = number(entry.value["min_value"], "\(here).min_value", parent: entry.value)
                    let maximum = number(entry.value["max_value"], "\(here).max_value", parent: entry.value)
                    let step = entry.value["step"].flatMap { number($0, "\(here).step", parent: entry.value) }
                    guard let minimum, let maximum else { continue }
                    if maximum < minimum {
                        report("\(here).max_value", entry.value, "must be >= min_value (\(minimum)), got \(maximum)")
                        continue
                    }
                    if let step, !(step > 0) {
                        report("\(here).step", entry.value, "must be > 0, got \(step)")
                        continue
                    }
                    domains.append((entry.key, .range(minimum: minimum, maximum: maximum, step: step)))
                } else {
                    report(here, entry.value, "must be {min_value, max_value[, step]} or a list of values")
                }
            }
            guard let count, let seed else { return nil }
            return Sample(count: count, seed: UInt64(seed), domains: domains)
        }

        /// `outage_draws: {count: N, seed: S}`: N forced-outage draws (seed optional).
        private mutating func parseOutageDraws(_ node: YAMLNode) -> OutageDraws? {
            guard let entries = node.entries else {
                report("outage_draws", node, "must be a mapping with count (and optionally seed), e.g. {count: 100, seed: 7}")
                return nil
            }
            for entry in entries where !["count", "seed"].contains(entry.key) {
                report("outage_draws.\(entry.key)", entry.value, "unknown key; expected count, seed")
            }
            let count = integer(node["count"], "outage_draws.count", parent: node, range: 1...100_000)
            var seed: Int?
            if let seedNode = node["seed"], !seedNode.isNull {
                seed = integer(seedNode, "outage_draws.seed", parent: node, range: 0...999_999_999_999)
                if seed == nil { return nil }
            }
            guard let count else { return nil }
            return OutageDraws(count: count, seed: seed.map(UInt64.init))
        }

        /// A key path may be varied by one block only: two blocks setting it would silently
        /// let the later one win.
        private mutating func checkPathsAreDistinct(_ definition: BatchDefinition) {
            var owner: [String: String] = [:]
            func claim(_ path: String, _ block: String) -> Bool {
                if let previous = owner[path], previous != block { return false }
                owner[path] = block
                return true
            }
            for set in definition.scenarios { for o in set.overrides { _ = claim(o.path, "scenarios") } }
            for list in definition.grid where !claim(list.path, "grid") {
                report("grid.\(list.path)", nil, "is also varied by \(owner[list.path]!); vary each key path in one block")
            }
            for (index, group) in definition.zips.enumerated() {
                for list in group where !claim(list.path, "zip[\(index)]") {
                    report("zip.\(list.path)", nil, "is also varied by \(owner[list.path]!); vary each key path in one block")
                }
            }
            for domain in definition.sample?.domains ?? [] where !claim(domain.path, "sample") {
                report("sample.values.\(domain.path)", nil, "is also varied by \(owner[domain.path]!); vary each key path in one block")
            }
            for path in definition.outageDraws?.paths ?? [] where !claim(path, "outage_draws") {
                report("outage_draws", nil, "sets \(path), which is also varied by \(owner[path]!); vary each key path in one block")
            }
        }

        private mutating func number(_ node: YAMLNode?, _ keyPath: String, parent: YAMLNode) -> Double? {
            guard let node, !node.isNull else {
                report(keyPath, parent, "missing")
                return nil
            }
            guard let text = node.scalarText, let value = CanonicalValue.number(text), value.isFinite else {
                report(keyPath, node, "must be a number, got \(node.scalarText.map { "\"\($0)\"" } ?? "a collection")")
                return nil
            }
            return value
        }

        private mutating func integer(_ node: YAMLNode?, _ keyPath: String, parent: YAMLNode, range: ClosedRange<Int>) -> Int? {
            guard let value = number(node, keyPath, parent: parent) else { return nil }
            guard value == value.rounded(), value >= Double(range.lowerBound), value <= Double(range.upperBound) else {
                report(keyPath, node, "must be a whole number in \(range.lowerBound)...\(range.upperBound), got \(CanonicalValue.format(value))")
                return nil
            }
            return Int(value)
        }
    }
}
