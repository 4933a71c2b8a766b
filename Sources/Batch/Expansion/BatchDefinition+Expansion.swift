import Foundation
import Island

extension BatchDefinition {
    /// One value of one axis: the overrides it contributes and its part of the scenario name.
    struct AxisPoint {
        var overrides: [Override]
        var namePart: String?
    }

    /// How many scenarios ``expand()`` would make (the product of the axes' lengths, saturating
    /// at `Int.max`), computed without making them: large batches are refused before any memory
    /// is committed.
    public var scenarioCount: Int {
        var lengths: [Int] = []
        if !scenarios.isEmpty { lengths.append(scenarios.count) }
        lengths += grid.map(\.values.count)
        lengths += zips.map { $0.first?.values.count ?? 0 }
        if let sample { lengths.append(sample.count) }
        if let outageDraws { lengths.append(outageDraws.count) }
        return lengths.reduce(1) { product, length in
            let (result, overflow) = product.multipliedReportingOverflow(by: length)
            return overflow ? Int.max : result
        }
    }

    /// The scenarios of the batch, in expansion order (axes `scenarios`, `grid`, `zip`,
    /// `sample`, `outage_draws`, first outermost; within `grid` the last key varies fastest), so
    /// the draws of one design are neighbours.
    /// - Throws: `BatchValidationError` when two scenarios have the same overrides (and so
    ///   the same id).
    public func expand() throws -> [Scenario] {
        var axes: [[AxisPoint]] = []
        let labels = keyLabels()
        func part(_ override: Override) -> String { "\(labels[override.path] ?? override.path)=\(CanonicalValue.label(override.value))" }
        if !scenarios.isEmpty {
            axes.append(scenarios.map { AxisPoint(overrides: $0.overrides, namePart: $0.name) })
        }
        for list in grid {
            axes.append(list.values.map { value in
                let override = Override(path: list.path, value: value)
                return AxisPoint(overrides: [override], namePart: part(override))
            })
        }
        for group in zips {
            let length = group[0].values.count
            axes.append((0..<length).map { index in
                let overrides = group.map { Override(path: $0.path, value: $0.values[index]) }
                return AxisPoint(overrides: overrides, namePart: overrides.map(part).joined(separator: " "))
            })
        }
        if let sample {
            let width = String(sample.count).count
            axes.append(sample.draws().enumerated().map { index, overrides in
                let number = String(index + 1)
                return AxisPoint(overrides: overrides, namePart: "sample-" + String(repeating: "0", count: width - number.count) + number)
            })
        }
        if let outageDraws {
            axes.append(outageDraws.points())
        }

        var points: [[AxisPoint]] = [[]]
        for axis in axes {
            points = points.flatMap { prefix in axis.map { prefix + [$0] } }
        }
        var scenarios: [Scenario] = []
        var firstByID: [String: Int] = [:]
        var issues: [BatchIssue] = []
        for (position, combination) in points.enumerated() {
            let overrides = combination.flatMap(\.overrides)
            let parts = combination.compactMap(\.namePart).filter { !$0.isEmpty }
            let scenario = Scenario(id: Scenario.id(for: overrides), position: position,
                                    name: parts.isEmpty ? "base" : parts.joined(separator: " "), overrides: overrides)
            if let first = firstByID[scenario.id] {
                issues.append(BatchIssue(scenario: (position, scenario.name, scenario.id), issue: SiteIssue(
                    file: batchFileURL.relativePath, keyPath: "",
                    message: "has the same overrides as scenario \(first + 1) \"\(scenarios[first].name)\"; each scenario must differ")))
            } else {
                firstByID[scenario.id] = position
            }
            scenarios.append(scenario)
        }
        if !issues.isEmpty { throw BatchValidationError(issues) }
        return scenarios
    }

    /// Short labels for key paths in names: the shortest dotted suffix that is unique in
    /// this batch and says more than `file` or `column` (`energy_mwh`, `price_usd_per_mwh.file`).
    func keyLabels() -> [String: String] {
        let paths = overridePaths
        let generic: Set<String> = ["file", "column", "timestamp_column", "value", "kind"]
        var labels: [String: String] = [:]
        for path in paths {
            let segments = path.split(separator: ".").map(String.init)
            var label = path
            for length in 1...segments.count {
                let candidate = segments.suffix(length).joined(separator: ".")
                if length == 1, generic.contains(candidate), segments.count > 1 { continue }
                let clashes = paths.filter { $0 != path && ($0 == candidate || $0.hasSuffix("." + candidate)) }
                if clashes.isEmpty {
                    label = candidate
                    break
                }
            }
            labels[path] = label
        }
        return labels
    }
}

extension BatchDefinition.OutageDraws {
    /// One axis point per draw, named `draw-001` (three digits at least, more when `count` needs them).
    func points() -> [BatchDefinition.AxisPoint] {
        let width = max(3, String(count).count)
        return (1...count).map { draw in
            var overrides = [BatchDefinition.Override(path: Self.drawPath, value: YAMLNode(integerLiteral: draw))]
            if let seed { overrides.append(BatchDefinition.Override(path: Self.seedPath, value: .plain(String(seed)))) }
            let number = String(draw)
            return BatchDefinition.AxisPoint(overrides: overrides, namePart: "draw-" + String(repeating: "0", count: width - number.count) + number)
        }
    }
}

extension BatchDefinition.Sample {
    /// `count` draws, each a value for every key path in file order, from a SplitMix64
    /// stream seeded with `seed`: the same seed gives the same draws on every machine.
    /// Ranges without a step are rounded to 6 significant digits (readable ids and cells).
    func draws() -> [[BatchDefinition.Override]] {
        var generator = SplitMix64(seed: seed)
        return (0..<count).map { _ in
            domains.map { path, domain in
                switch domain {
                case .choice(let values):
                    return BatchDefinition.Override(path: path, value: values[Int(generator.next() % UInt64(values.count))])
                case .range(let minimum, let maximum, let step):
                    let unit = generator.nextUnit()
                    var value: Double
                    if let step {
                        let slots = (((maximum - minimum) / step) + 1e-9).rounded(.down) + 1
                        value = minimum + (unit * slots).rounded(.down) * step
                        value = Double(String(format: "%.12g", value))!
                    } else {
                        value = Double(String(format: "%.6g", minimum + unit * (maximum - minimum)))!
                    }
                    return BatchDefinition.Override(path: path, value: .number(min(max(value, minimum), maximum)))
                }
            }
        }
    }
}
