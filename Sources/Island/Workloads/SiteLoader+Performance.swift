import Foundation

extension SiteLoader {
    /// `workloads.performance_curves`: named throughput-power curves (docs/site-format.md).
    ///
    /// Each point is `[power_fraction, throughput_fraction]`; the curve must be concave through
    /// the origin, increasing, and end at `[1, 1]`; every point must draw more than an idle rack.
    static func readPerformanceCurves(_ workloads: MappingReader, itFleet: ITFleet?) -> [String: PerformanceCurve] {
        guard let child = workloads.child("performance_curves") else { return [:] }
        let path = workloads.keyPath("performance_curves")
        let context = workloads.context
        guard let entries = child.entries else {
            context.report(path, node: child, "expected a mapping of curve names to curves, got \(child.kindDescription)")
            return [:]
        }
        var curves: [String: PerformanceCurve] = [:]
        for entry in entries.prefix(MappingReader.maximumListItems) {
            let curvePath = "\(path).\(entry.key)"
            guard let reader = MappingReader(entry.value, path: curvePath, context: context,
                                             allowedKeys: ["points", "tokens_per_second_per_rack_at_full_power"]) else { continue }
            let tokens = reader.number("tokens_per_second_per_rack_at_full_power", unit: "tokens/s", range: .above(0, atMost: 1e12))
            if reader.has("tokens_per_second_per_rack_at_full_power") && tokens == nil { continue }
            var points: [PerformanceCurve.Point] = []
            var readable = true
            let items = reader.list("points", required: true)
            for item in items {
                guard let pair = item.node.items, pair.count == 2,
                      let power = MappingReader.parseNumber(pair[0]), let throughput = MappingReader.parseNumber(pair[1]),
                      power.isFinite, throughput.isFinite else {
                    context.report(item.path, node: item.node,
                                   "expected a pair [power_fraction, throughput_fraction] of finite numbers, got \(Echo.quoted(item.node.flowText))")
                    readable = false
                    continue
                }
                points.append(PerformanceCurve.Point(powerFraction: power, throughputFraction: throughput))
            }
            guard readable, reader.has("points") else { continue }
            if let problem = PerformanceCurve.problem(in: points) {
                let pointPath = items.isEmpty ? reader.keyPath("points") : items[min(problem.index, items.count - 1)].path
                context.report(pointPath, line: reader.line("points"), problem.message)
                continue
            }
            if let itFleet, itFleet.idleFraction > 0, let first = points.first, first.powerFraction <= itFleet.idleFraction {
                context.report(items[0].path, line: reader.line("points"),
                               "power fraction \(formatNumber(first.powerFraction)) is at or below it_fleet.idle_fraction \(formatNumber(itFleet.idleFraction)): a working rack must draw more than an idle one")
                continue
            }
            curves[entry.key] = PerformanceCurve(name: entry.key, points: points, tokensPerSecondPerRackAtFullPower: tokens)
        }
        return curves
    }

    /// The curve a workload names (`performance_curve`), limited to its `min_power_fraction`.
    ///
    /// - Returns: `.success(nil)` when the workload names no curve; `.failure` after reporting.
    static func readWorkloadPerformance(_ reader: MappingReader, curves: [String: PerformanceCurve]) -> Result<WorkloadPerformance?, ReportedProblem> {
        guard let name = reader.string("performance_curve") else {
            if reader.has("performance_curve") { return .failure(ReportedProblem()) }
            if reader.has("min_power_fraction") {
                reader.report("min_power_fraction", "needs performance_curve (the throughput lost at a cap comes from the curve)")
                return .failure(ReportedProblem())
            }
            return .success(nil)
        }
        guard let curve = curves[name] else {
            // A curve that failed its own checks was already reported.
            guard !curvesDeclared(reader, name: name) else { return .failure(ReportedProblem()) }
            var message = "unknown performance curve \(Echo.quoted(name))"
            if let hint = closestMatch(to: name, in: Array(curves.keys)) { message += "; did you mean \"\(hint)\"?" }
            message += curves.isEmpty ? " (workloads.performance_curves defines none)"
                : " (defined: \(curves.keys.sorted().joined(separator: ", ")))"
            reader.report("performance_curve", message)
            return .failure(ReportedProblem())
        }
        guard let minimum = reader.number("min_power_fraction", range: .above(0, atMost: 1)) else {
            return reader.has("min_power_fraction") ? .failure(ReportedProblem()) : .success(WorkloadPerformance(curve: curve))
        }
        if let first = curve.points.first, minimum < first.powerFraction {
            reader.report("min_power_fraction", "must be at least the curve's lowest power fraction \(formatNumber(first.powerFraction)) (\(Echo.quoted(name)) says nothing below it), got \(formatNumber(minimum))")
            return .failure(ReportedProblem())
        }
        return .success(WorkloadPerformance(curve: curve.limited(toMinimumPowerFraction: minimum)))
    }

    /// Whether the site file declares a curve of this name (it may have failed validation).
    private static func curvesDeclared(_ reader: MappingReader, name: String) -> Bool {
        reader.context.issues.contains { $0.keyPath.hasPrefix("workloads.performance_curves.\(name).") || $0.keyPath == "workloads.performance_curves.\(name)" }
    }
}

/// A problem already reported to the load context.
struct ReportedProblem: Error {}
