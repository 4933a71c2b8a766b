import Foundation

/// Builds the report of a batch: the summary table, the cost-emissions trade-off and each swept
/// parameter against the main KPIs.
public enum BatchReport {
    /// KPIs plotted against each swept parameter: (column, title, unit, scale for display).
    static let mainKPIs: [(column: String, title: String, unit: String, scale: Double)] = [
        ("objective_usd", "Total cost", "million USD", 1e-6), ("emissions_t", "Emissions", "kt CO₂e", 1e-3),
        ("cfe_score", "CFE score", "%", 100), ("pue", "PUE", "–", 1),
    ]
    /// Result columns shown in the summary table (all columns stay in summary.csv).
    /// Emissions within this many tonnes are the same level (LP solutions at one active cap differ by solver noise, ~1e-5 t).
    static let emissionsToleranceTonnes = 1e-3
    /// Longest status message shown in the table; the full text is in summary.csv.
    static let messageCharacters = 80

    static let tableKPIs = ["objective_usd", "emissions_t", "cfe_score", "pue", "inference_served_share", "training_delivered_share",
                            "grid_import_mwh", "carbon_shadow_price_usd_per_t", "total_seconds"]

    public static func document(_ batch: BatchResults) -> ReportDocument {
        let succeeded = batch.scenarios.filter(\.succeeded)
        let failed = batch.scenarios.count - succeeded.count
        var blocks: [ReportDocument.Block] = [
            .paragraph("\(batch.scenarios.count) scenarios, \(succeeded.count) with a schedule\(failed > 0 ? ", \(failed) without (listed with their message)" : ""). "
                       + (batch.parameterNames.isEmpty ? "No swept parameters." : "Swept: \(batch.parameterNames.joined(separator: ", ")).")),
        ]
        let costs = succeeded.map { $0.values["objective_usd"]! }, emissions = succeeded.map { $0.values["emissions_t"]! }
        let front = Set(ParetoFront.indices(x: emissions, y: costs, absoluteToleranceX: emissionsToleranceTonnes).map { succeeded[$0].id })
        blocks.append(.heading("Scenarios", level: 2))
        blocks.append(.table(summaryTable(batch, front: front)))
        blocks += planBlocks(batch)
        if !succeeded.isEmpty {
            blocks.append(.heading("Cost against emissions", level: 2))
            blocks.append(.paragraph("Scenarios on the Pareto front (\(front.count) of \(succeeded.count)) are not beaten on both cost and emissions by any other; they are joined by the line and labelled."))
            blocks.append(.chart(paretoChart(succeeded)))
        }
        if !batch.parameterNames.isEmpty, !succeeded.isEmpty {
            blocks.append(.heading("Swept parameters against the main KPIs", level: 2))
            if failed > 0 {
                blocks.append(.paragraph("Scenarios without a schedule leave a gap in their line and are marked with a cross at the bottom of each chart."))
            }
            for (index, name) in batch.parameterNames.enumerated() {
                for kpi in mainKPIs where succeeded.contains(where: { $0.values[kpi.column] != nil }) {
                    blocks.append(.chart(parameterChart(batch, parameter: index, name: name, kpi: kpi, scenarios: batch.scenarios)))
                }
            }
        }
        return ReportDocument(title: "Batch report: \(batch.folder.lastPathComponent)", blocks: blocks)
    }

    static func summaryTable(_ batch: BatchResults, front: Set<String>) -> ReportDocument.Table {
        let kpis = tableKPIs.filter(batch.valueNames.contains)
        let header = ["scenario", "status"] + batch.parameterNames + kpis.map(columnTitle) + ["Pareto"]
        let rows = batch.scenarios.map { scenario -> [String] in
            let status = scenario.status == "optimal" || scenario.message.isEmpty ? scenario.status
                : "\(scenario.status): \(shortMessage(scenario.message))"
            return [scenario.name.isEmpty ? scenario.id : scenario.name, status]
                + scenario.parameters.map(parameterText)
                + kpis.map { key in scenario.values[key].map { display(key, $0) } ?? "–" }
                + [front.contains(scenario.id) ? "yes" : ""]
        }
        let numeric = Set((2..<(2 + batch.parameterNames.count + kpis.count)))
        return ReportDocument.Table(caption: "All scenarios (every column, and the full messages, are in summary.csv)", header: header,
                                    rows: rows, numericColumns: numeric)
    }

    /// The first line of a message, cut at ``messageCharacters`` with an ellipsis.
    static func shortMessage(_ message: String) -> String {
        let line = message.split(separator: "\n").first.map(String.init) ?? ""
        guard line.count > messageCharacters else { return line + (message.contains("\n") ? " …" : "") }
        return String(line.prefix(messageCharacters - 1)).trimmingCharacters(in: .whitespaces) + "…"
    }

    /// A swept value as shown: numbers at their significant digits, a missing value (empty or
    /// `null`, e.g. no carbon cap) as `none`.
    static func parameterText(_ value: SummaryValue) -> String {
        if let number = value.number { return ReportFormat.significant(number) }
        return isNone(value) ? "none" : value.text ?? ""
    }

    static func isNone(_ value: SummaryValue) -> Bool {
        guard case .text(let text) = value else { return false }
        return ["", "null", "~", "none"].contains(text.trimmingCharacters(in: .whitespaces).lowercased())
    }

    /// A column header with its display unit.
    static func columnTitle(_ key: String) -> String {
        switch key {
        case "objective_usd": "cost (M USD)"
        case "emissions_t": "emissions (t)"
        case "cfe_score": "CFE (%)"
        case "pue": "PUE"
        case "inference_served_share": "inference served (%)"
        case "training_delivered_share": "training delivered (%)"
        case "grid_import_mwh": "grid import (MWh)"
        case "carbon_shadow_price_usd_per_t": "carbon shadow price (USD/t)"
        case "total_seconds": "run time (s)"
        default: key
        }
    }

    static func display(_ key: String, _ value: Double) -> String {
        switch key {
        case "objective_usd": ReportFormat.number(value / 1e6, decimals: 2)
        case "cfe_score", "inference_served_share", "training_delivered_share": ReportFormat.number(value * 100, decimals: 1)
        case "pue": ReportFormat.number(value, decimals: 3)
        case "total_seconds": ReportFormat.number(value, decimals: 2)
        default: ReportFormat.significant(value)
        }
    }

    static func paretoChart(_ scenarios: [BatchResults.Scenario]) -> Chart {
        let emissions = scenarios.map { $0.values["emissions_t"]! / 1000 }
        let costs = scenarios.map { $0.values["objective_usd"]! / 1e6 }
        let front = ParetoFront.indices(x: emissions, y: costs, absoluteToleranceX: emissionsToleranceTonnes / 1000)
        return Chart(id: "pareto", title: "Cost against emissions, with the Pareto front",
                     subtitle: "each point a scenario; lower left is better", x: .linear(title: "Emissions", unit: "kt CO₂e"),
                     left: .init("Total cost", unit: "million USD", includeZero: false),
                     layers: [
                         .points(x: emissions, y: costs, style: Chart.Style("Scenario", colour: "#8c8c8c"), side: .left, radius: 4, labels: nil),
                         .line(x: front.map { emissions[$0] }, y: front.map { costs[$0] }, style: Chart.Style("Pareto front", colour: "#d55e00"), side: .left),
                         .points(x: front.map { emissions[$0] }, y: front.map { costs[$0] },
                                 style: Chart.Style("Pareto front", colour: "#d55e00", inLegend: false), side: .left, radius: 5,
                                 labels: front.map { scenarios[$0].name.isEmpty ? scenarios[$0].id : scenarios[$0].name }),
                     ], height: 420)
    }

    /// One KPI against one swept parameter; with several swept parameters, one line per
    /// combination of the others (coloured up to eight, thin grey lines beyond).
    ///
    /// The axis is sorted: numbers in order (with `none`, a missing value, first), text in order
    /// of appearance. Scenarios without results break their line and get a cross at the bottom.
    static func parameterChart(_ batch: BatchResults, parameter: Int, name: String,
                               kpi: (column: String, title: String, unit: String, scale: Double),
                               scenarios: [BatchResults.Scenario]) -> Chart {
        let values = scenarios.map { $0.parameters[parameter] }
        let hasNone = values.contains(where: isNone)
        let numbers = values.filter { !isNone($0) }
        let allNumeric = numbers.allSatisfy { $0.number != nil }
        // A purely numeric sweep keeps a linear axis; with `none` or text the axis lists categories.
        let linear = allNumeric && !hasNone
        var categories: [String] = []
        if !linear {
            if hasNone { categories.append("none") }
            if allNumeric {
                for number in Set(numbers.compactMap(\.number)).sorted() { categories.append(ReportFormat.significant(number)) }
            } else {
                for value in numbers { let text = parameterText(value); if !categories.contains(text) { categories.append(text) } }
            }
        }
        func position(_ value: SummaryValue) -> Double {
            linear ? value.number! : Double(categories.firstIndex(of: parameterText(value)) ?? 0)
        }
        let others = batch.parameterNames.indices.filter { $0 != parameter }
        func groupKey(_ scenario: BatchResults.Scenario) -> String {
            others.map { "\(batch.parameterNames[$0]) = \(parameterText(scenario.parameters[$0]))" }.joined(separator: ", ")
        }
        var groups: [String] = []
        for scenario in scenarios where !groups.contains(groupKey(scenario)) { groups.append(groupKey(scenario)) }
        let coloured = groups.count <= Palette.groups.count
        var layers: [Chart.Layer] = []
        for (index, group) in groups.enumerated() {
            let members = scenarios.filter { groupKey($0) == group }
                .sorted { position($0.parameters[parameter]) < position($1.parameters[parameter]) }
            let x = members.map { position($0.parameters[parameter]) }
            // No result: NaN, which breaks the line there instead of joining across it.
            let y = members.map { scenario in scenario.succeeded ? (scenario.values[kpi.column].map { $0 * kpi.scale } ?? .nan) : .nan }
            guard y.contains(where: \.isFinite) else { continue }
            let style = coloured
                ? Chart.Style(group.isEmpty ? kpi.title : group, colour: Palette.groups[index], dashed: index % 2 == 1)
                : Chart.Style("one line per combination of the other parameters", colour: "#7f7f7f", opacity: 0.6)
            layers.append(.line(x: x, y: y, style: style, side: .left))
            layers.append(.points(x: x, y: y, style: Chart.Style(style.name, colour: coloured ? style.colour : Palette.groups[0], inLegend: false),
                                  side: .left, radius: 3.5, labels: nil))
        }
        let failed = scenarios.filter { !$0.succeeded }
        if !failed.isEmpty {
            layers.append(.failures(x: failed.map { position($0.parameters[parameter]) },
                                    style: Chart.Style("no schedule (\(failed.count) scenario\(failed.count == 1 ? "" : "s"))", colour: "#cc0000")))
        }
        let slug = (name + "-" + kpi.column).map { $0.isLetter || $0.isNumber ? String($0) : "-" }.joined()
        return Chart(id: "sweep-\(slug)", title: "\(kpi.title) against \(name)",
                     subtitle: groups.count > 1 ? "one line per value of the other swept parameters" : nil,
                     x: linear ? .linear(title: name, unit: "") : .categories(title: name, names: categories),
                     left: .init(kpi.title, unit: kpi.unit, includeZero: false), layers: layers, height: 300)
    }
}
