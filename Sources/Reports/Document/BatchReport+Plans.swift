/// A batch of capacity plans (`build_plans.csv`): how each sized dimension answers the swept
/// assumptions, as a table and one grouped bar chart per unit.
extension BatchReport {
    static func planBlocks(_ batch: BatchResults) -> [ReportDocument.Block] {
        guard !batch.buildPlans.isEmpty else { return [] }
        let dimensions = batch.scenarios.flatMap { batch.buildPlans[$0.id] ?? [] }
        let keys = planKeys(dimensions)
        var blocks: [ReportDocument.Block] = [
            .heading("Build plans across scenarios", level: 2),
            .paragraph("Each scenario is a capacity plan (build_plans.csv): the installed capacity of every sized dimension"
                       + (batch.parameterNames.isEmpty ? "" : " against the swept \(batch.parameterNames.joined(separator: ", "))")
                       + ". Scenarios without a plan show – in the table and a cross in the charts."),
            .table(planTable(batch, keys: keys)),
        ]
        let idle = keys.filter { key in dimensions.allSatisfy { columnKey($0) != columnKey(key) || $0.installed == 0 } }
        if !idle.isEmpty {
            blocks.append(.paragraph("Not built in any scenario: " + idle.map(columnTitle).joined(separator: ", ") + "."))
        }
        for kind in BuildPlanSection.kinds(keys) {
            let drawn = keys.filter { key in key.dimension == kind && !idle.contains { columnKey($0) == columnKey(key) } }
            if !drawn.isEmpty { blocks.append(.chart(planChart(batch, kind: kind, keys: drawn))) }
        }
        return blocks
    }

    /// Period (when there are periods), asset, name and dimension: one column of the table.
    static func columnKey(_ dimension: BuildPlan.Dimension) -> String { (dimension.period.map { "\($0)/" } ?? "") + dimension.key }

    /// Distinct columns in order of first appearance.
    static func planKeys(_ dimensions: [BuildPlan.Dimension]) -> [BuildPlan.Dimension] {
        var keys: [BuildPlan.Dimension] = []
        for dimension in dimensions where !keys.contains(where: { columnKey($0) == columnKey(dimension) }) { keys.append(dimension) }
        return keys
    }

    /// `solar (renewable) power (MW)`, with the period first when there are periods.
    static func columnTitle(_ key: BuildPlan.Dimension) -> String {
        let (name, unit) = BuildPlanSection.unit(key.dimension)
        return (key.period.map { "\($0): " } ?? "") + "\(BuildPlanSection.assetLabel(key)) \(name.lowercased())" + (unit.isEmpty ? "" : " (\(unit))")
    }

    /// A scenario as an axis category: its swept values, or its name when nothing is swept.
    static func scenarioLabel(_ batch: BatchResults, _ scenario: BatchResults.Scenario) -> String {
        guard !batch.parameterNames.isEmpty else { return scenario.name.isEmpty ? scenario.id : scenario.name }
        return scenario.parameters.map(parameterText).joined(separator: " / ")
    }

    static func planTable(_ batch: BatchResults, keys: [BuildPlan.Dimension]) -> ReportDocument.Table {
        let header = ["scenario"] + batch.parameterNames + keys.map(columnTitle)
        let rows = batch.scenarios.map { scenario -> [String] in
            let plan = batch.buildPlans[scenario.id]
            return [scenario.name.isEmpty ? scenario.id : scenario.name] + scenario.parameters.map(parameterText) + keys.map { key in
                guard let row = plan?.first(where: { columnKey($0) == columnKey(key) }) else { return "–" }
                return BuildPlanSection.capacity(row.installed, row.dimension)
            }
        }
        return ReportDocument.Table(caption: "Installed capacity of each scenario's plan (build_plans.csv)", header: header, rows: rows,
                                    numericColumns: Set(1..<header.count))
    }

    /// Installed capacity in one unit across scenarios: one bar per dimension side by side.
    static func planChart(_ batch: BatchResults, kind: String, keys: [BuildPlan.Dimension]) -> Chart {
        let (name, unit) = BuildPlanSection.unit(kind)
        let colours = Palette.assets(keys.map { ($0.asset, $0.name) })
        let slot = 0.8 / Double(keys.count)
        var layers: [Chart.Layer] = []
        for (index, key) in keys.enumerated() {
            let offset = (Double(index) - Double(keys.count - 1) / 2) * slot
            let installed = batch.scenarios.map { scenario in
                batch.buildPlans[scenario.id]?.first { columnKey($0) == columnKey(key) }?.installed ?? .nan
            }
            let title = (key.period.map { "\($0): " } ?? "") + BuildPlanSection.assetLabel(key)
            layers.append(.bars(x: batch.scenarios.indices.map { Double($0) + offset }, low: installed.map { $0.isNaN ? .nan : 0 },
                                high: installed, style: Chart.Style(title, colour: colours[index]), width: slot * 0.9, labels: nil))
        }
        let missing = batch.scenarios.indices.filter { batch.buildPlans[batch.scenarios[$0].id] == nil }
        if !missing.isEmpty {
            layers.append(.failures(x: missing.map(Double.init),
                                    style: Chart.Style("no plan (\(missing.count) scenario\(missing.count == 1 ? "" : "s"))", colour: "#cc0000")))
        }
        let axisTitle = batch.parameterNames.isEmpty ? "Scenario" : batch.parameterNames.joined(separator: " / ")
        return Chart(id: "plans-\(BuildPlanSection.slug(kind))", title: "Installed \(name.lowercased()) across scenarios" + (unit.isEmpty ? "" : " (\(unit))"),
                     subtitle: "one bar per sized dimension, scenarios in batch order",
                     x: .categories(title: axisTitle, names: batch.scenarios.map { scenarioLabel(batch, $0) }),
                     left: .init("Installed \(name.lowercased())", unit: unit), layers: layers, height: 320)
    }
}
