import Foundation
import Island

/// The scenarios of a two-stage stochastic plan: what may happen (each a set of overrides of
/// the base site, with a probability) and how much the planner fears the bad outcomes.
///
/// ```yaml
/// scenarios:
///   - {name: prices-2023, probability: 0.5}
///   - name: prices-2024
///     probability: 0.5
///     overrides: {grid_feeds[0].price_usd_per_mwh.file: ../series/prices-2024.csv}
/// risk: {cvar_weight: 0.3, cvar_alpha: 0.9}   # optional; risk-neutral without it
/// ```
/// Probabilities may all be left out (equal), otherwise every scenario names one and they sum
/// to 1. Override key paths and values are those of `--set` and batch files.
///
/// `outage_draws: {count: N, seed: S}` adds N equally likely forced-outage draws of the site's
/// SMR fleet (`smr.forced_outages`, docs/risk.md), each a scenario setting
/// `smr.forced_outages.draw` (and `.seed` when given): `draw-001` ... alone, or, with named
/// scenarios, their product: `NAME-draw-001` with probability p(NAME) / N, every named future
/// under every draw.
public struct PlanScenarioSet: Sendable, Equatable {
    public struct Scenario: Sendable, Equatable {
        public var name: String
        public var probability: Double
        public var overrides: [(path: String, value: YAMLNode)]

        public init(name: String, probability: Double, overrides: [(path: String, value: YAMLNode)] = []) {
            self.name = name
            self.probability = probability
            self.overrides = overrides
        }

        public static func == (a: Scenario, b: Scenario) -> Bool {
            a.name == b.name && a.probability == b.probability && a.overrides.map(\.path) == b.overrides.map(\.path)
                && a.overrides.map(\.value) == b.overrides.map(\.value)
        }
    }

    public var scenarios: [Scenario]
    public var risk: RiskMeasure

    public init(scenarios: [Scenario], risk: RiskMeasure = RiskMeasure()) {
        self.scenarios = scenarios
        self.risk = risk
    }

    /// Reads and checks a scenario file; every problem is reported with its key path and line.
    public static func read(from url: URL) throws -> PlanScenarioSet {
        let display = url.relativePath
        let text: String
        do { text = try String(contentsOf: url, encoding: .utf8) } catch {
            throw SiteValidationError([SiteIssue(file: display, keyPath: "", message: "cannot read the scenario file: \(error.localizedDescription)")])
        }
        return try parse(YAMLNode.parse(yaml: text, file: display), file: display)
    }

    /// Checks a parsed scenario file (`file` names it in messages).
    public static func parse(_ root: YAMLNode, file: String) throws -> PlanScenarioSet {
        var issues: [SiteIssue] = []
        func report(_ keyPath: String, _ node: YAMLNode?, _ message: String) {
            issues.append(SiteIssue(file: file, keyPath: keyPath, line: node?.line, message: message))
        }
        guard let entries = root.entries else {
            throw SiteValidationError([SiteIssue(file: file, keyPath: "", line: root.line, message: "must be a mapping with scenarios (and optionally risk)")])
        }
        for entry in entries where !["scenarios", "outage_draws", "risk"].contains(entry.key) {
            report(entry.key, entry.value, "unknown key; expected scenarios, outage_draws, risk")
        }
        var scenarios: [Scenario] = []
        var given: [Double?] = []
        let draws = root["outage_draws"].flatMap { parseOutageDraws($0, report: report) }
        if root["scenarios"] == nil, root["outage_draws"] != nil {
            // Draws alone: one unnamed future, drawn N times.
            given.append(nil)
            scenarios.append(Scenario(name: "", probability: 0))
        } else if let list = root["scenarios"]?.items, !list.isEmpty {
            var names: Set<String> = []
            for (index, item) in list.enumerated() {
                let here = "scenarios[\(index)]"
                guard let fields = item.entries else { report(here, item, "must be a mapping with name, probability and overrides"); continue }
                for field in fields where !["name", "probability", "overrides"].contains(field.key) {
                    report("\(here).\(field.key)", field.value, "unknown key; expected name, probability, overrides")
                }
                guard let name = item["name"]?.scalarText, !name.isEmpty else { report("\(here).name", item, "missing; every scenario needs a name"); continue }
                if !names.insert(name).inserted { report("\(here).name", item["name"], "duplicate scenario name \"\(name)\"") }
                if name.contains("/") || name.hasPrefix(".") { report("\(here).name", item["name"], "must not contain / or start with . (it names the scenario's output folder)") }
                var probability: Double?
                if let node = item["probability"] {
                    if let value = node.scalarText.flatMap(Double.init), value.isFinite, value > 0, value <= 1 {
                        probability = value
                    } else {
                        report("\(here).probability", node, "must be a number in (0, 1], got \(node.flowText)")
                    }
                }
                var overrides: [(path: String, value: YAMLNode)] = []
                if let node = item["overrides"], !node.isNull {
                    if let pairs = node.entries { overrides = pairs.map { ($0.key, $0.value) } } else {
                        report("\(here).overrides", node, "must be a mapping of key path to value")
                    }
                }
                if root["outage_draws"] != nil {
                    for (path, _) in overrides where Self.drawPaths.contains(path) {
                        report("\(here).overrides.\(path)", item["overrides"]?[path], "is set by outage_draws for every scenario; remove it here")
                    }
                }
                given.append(probability)
                scenarios.append(Scenario(name: name, probability: probability ?? 0, overrides: overrides))
            }
        } else {
            report("scenarios", root["scenarios"] ?? root, "must be a non-empty list of {name, probability, overrides} (or give outage_draws)")
        }
        let named = given.compactMap { $0 }
        if named.isEmpty {
            for index in scenarios.indices { scenarios[index].probability = 1 / Double(scenarios.count) }
        } else if named.count != given.count {
            report("scenarios", root["scenarios"], "give every scenario a probability, or none (equal probabilities)")
        } else if abs(named.reduce(0, +) - 1) > 1e-9 {
            report("scenarios", root["scenarios"], "probabilities must sum to 1, got \(named.reduce(0, +))")
        }
        var risk = RiskMeasure()
        if let node = root["risk"] {
            if node.entries == nil { report("risk", node, "must be a mapping with cvar_weight and cvar_alpha") }
            for field in node.entries ?? [] where !["cvar_weight", "cvar_alpha"].contains(field.key) {
                report("risk.\(field.key)", field.value, "unknown key; expected cvar_weight, cvar_alpha")
            }
            if let weight = node["cvar_weight"] {
                if let value = weight.scalarText.flatMap(Double.init), value >= 0, value <= 1 { risk.cvarWeight = value } else {
                    report("risk.cvar_weight", weight, "must be a number in [0, 1], got \(weight.flowText)")
                }
            }
            if let alpha = node["cvar_alpha"] {
                if let value = alpha.scalarText.flatMap(Double.init), value >= 0, value < 1 { risk.cvarAlpha = value } else {
                    report("risk.cvar_alpha", alpha, "must be a number in [0, 1), got \(alpha.flowText)")
                }
            }
        }
        if !issues.isEmpty { throw SiteValidationError(issues) }
        if let draws { scenarios = Self.product(scenarios, draws: draws) }
        return PlanScenarioSet(scenarios: scenarios, risk: risk)
    }

    /// Key paths `outage_draws` sets on every scenario.
    static let drawPaths = ["smr.forced_outages.draw", "smr.forced_outages.seed"]
    /// Most draws a plan takes: each is one block of the deterministic equivalent.
    public static let maximumOutageDraws = 1_000

    /// `outage_draws: {count, seed}`; nil after reporting a problem.
    private static func parseOutageDraws(_ node: YAMLNode, report: (String, YAMLNode?, String) -> Void) -> (count: Int, seed: String?)? {
        guard let entries = node.entries else {
            report("outage_draws", node, "must be a mapping with count (and optionally seed), e.g. {count: 20, seed: 7}")
            return nil
        }
        for entry in entries where !["count", "seed"].contains(entry.key) {
            report("outage_draws.\(entry.key)", entry.value, "unknown key; expected count, seed")
        }
        func whole(_ key: String, _ range: ClosedRange<Int>) -> Int? {
            guard let value = node[key], !value.isNull else { return nil }
            guard let text = value.scalarText, let number = Double(text), number == number.rounded(),
                  number >= Double(range.lowerBound), number <= Double(range.upperBound) else {
                report("outage_draws.\(key)", value, "must be a whole number in \(range.lowerBound)...\(range.upperBound), got \(value.flowText)")
                return nil
            }
            return Int(number)
        }
        guard node["count"] != nil else {
            report("outage_draws.count", node, "missing: the number of equally likely draws")
            return nil
        }
        let count = whole("count", 1...maximumOutageDraws)
        let seed = whole("seed", 0...999_999_999_999)
        if node["seed"] != nil, node["seed"]?.isNull == false, seed == nil { return nil }
        guard let count else { return nil }
        return (count, seed.map(String.init))
    }

    /// Every scenario under every draw: `NAME-draw-001` (`draw-001` for the unnamed future), its
    /// probability divided by the number of draws.
    static func product(_ scenarios: [Scenario], draws: (count: Int, seed: String?)) -> [Scenario] {
        let width = max(3, String(draws.count).count)
        var expanded: [Scenario] = []
        for scenario in scenarios {
            for draw in 1...draws.count {
                let number = String(draw)
                let label = "draw-" + String(repeating: "0", count: width - number.count) + number
                var overrides = scenario.overrides
                overrides.append((path: drawPaths[0], value: YAMLNode.plain(number)))
                if let seed = draws.seed { overrides.append((path: drawPaths[1], value: YAMLNode.plain(seed))) }
                expanded.append(Scenario(name: scenario.name.isEmpty ? label : "\(scenario.name)-\(label)",
                                         probability: scenario.probability / Double(draws.count), overrides: overrides))
            }
        }
        return expanded
    }
}

/// How a stochastic plan weighs bad outcomes: it minimises
/// `(1 - cvarWeight) x E[cost] + cvarWeight x CVaR_alpha[cost]`, where CVaR_alpha is the
/// expected cost of the worst `1 - alpha` of probability (Rockafellar and Uryasev, "Optimization
/// of conditional value-at-risk", Journal of Risk 2 (2000) 21-41). Weight 0: risk-neutral.
public struct RiskMeasure: Sendable, Equatable {
    public var cvarWeight: Double
    public var cvarAlpha: Double

    public init(cvarWeight: Double = 0, cvarAlpha: Double = 0.95) {
        self.cvarWeight = cvarWeight
        self.cvarAlpha = cvarAlpha
    }
}
