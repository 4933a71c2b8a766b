import Foundation

/// Builds the report of a stochastic plan (`insula plan SITE --scenarios FILE`): the shared build,
/// then each scenario's probability and cost stack against the expected cost and CVaR.
public enum StochasticPlanReport {
    public static func document(_ results: StochasticResults) -> ReportDocument {
        var blocks: [ReportDocument.Block] = [.paragraph(description(results))]
        if let plan = results.buildPlan {
            blocks += BuildPlanSection.blocks(plan: plan, candidates: results.candidates, costs: nil, candidateCost: "Plan objective")
        } else {
            blocks.append(.paragraph("No build_plan.csv in this folder: the plan found no build to report."))
        }
        blocks.append(.heading("Scenarios", level: 2))
        blocks.append(.table(scenarioTable(results)))
        blocks.append(.table(riskTable(results)))
        let stacks = scenarioStacks(results)
        if !stacks.isEmpty {
            blocks.append(.heading("Cost of each scenario", level: 3))
            blocks.append(.paragraph(closure(stacks, results: results)))
            blocks.append(.table(stackTable(stacks)))
            blocks.append(.chart(scenarioCostChart(stacks, results: results)))
        }
        // The site file's name, as a run report names its site.
        let site = URL(fileURLWithPath: results.site).deletingPathExtension().lastPathComponent
        return ReportDocument(title: "Stochastic plan report: \(site)", blocks: blocks)
    }

    /// A bar of the scenario chart: a scenario's cost stack, or the probability-weighted one.
    struct Stack {
        let name: String
        let costs: CostStack
        /// False for the probability-weighted bar.
        let isScenario: Bool
    }

    static func description(_ results: StochasticResults) -> String {
        var parts = ["\(results.scenarios.count) scenarios" + (results.scenarioFile.map { " (\($0))" } ?? "") + " share one build; each is operated on its own"]
        parts.append("status \(results.status)" + (results.strategy.map { ", module counts \($0)" } ?? "") + (results.method.map { ", \($0) method" } ?? ""))
        parts.append("objective (1 − w) × expected cost + w × CVaR at α = \(ReportFormat.significant(results.cvarAlpha)), w = \(ReportFormat.significant(results.cvarWeight))")
        if let version = results.insulaVersion { parts.append("insula \(version)") }
        return parts.joined(separator: "; ") + ". Each scenario's schedule is in scenarios/NAME/ (insula report on that folder draws it)."
    }

    static func scenarioTable(_ results: StochasticResults) -> ReportDocument.Table {
        let rows = results.scenarios.map { scenario -> [String] in
            let difference = scenario.costUSD.flatMap { cost in results.expectedCostUSD.map { cost - $0 } }
            return [scenario.name, ReportFormat.significant(scenario.probability), scenario.status,
                    scenario.costUSD.map { ReportFormat.number($0) } ?? "–", scenario.emissionsTonnes.map { ReportFormat.number($0) } ?? "–",
                    difference.map { ($0 >= 0 ? "+" : "") + ReportFormat.number($0) } ?? "–"]
        }
        return ReportDocument.Table(caption: "Scenarios (stochastic.json)", header: ["scenario", "probability", "status", "cost (USD)", "emissions (t)",
                                                                                   "against the expected cost (USD)"],
                                    rows: rows, numericColumns: [1, 3, 4, 5])
    }

    static func riskTable(_ results: StochasticResults) -> ReportDocument.Table {
        let alpha = ReportFormat.significant(results.cvarAlpha)
        var items: [(String, Double?)] = [
            ("Expected cost", results.expectedCostUSD), ("Value at risk (α = \(alpha))", results.valueAtRiskUSD),
            ("CVaR (α = \(alpha))", results.conditionalValueAtRiskUSD),
            ("Objective (w = \(ReportFormat.significant(results.cvarWeight)))", results.riskAdjustedCostUSD),
        ]
        if let bounds = results.bounds {
            items += [("Wait-and-see bound (lower)", bounds.waitAndSeeUSD), ("Best single-scenario build (upper)", bounds.bestSingleScenarioUSD),
                      ("Expected value of perfect information", bounds.expectedValueOfPerfectInformationUSD),
                      ("Value of the stochastic solution", bounds.valueOfStochasticSolutionUSD)]
        }
        return ReportDocument.Table(caption: "Risk and bounds (USD, stochastic.json)", header: ["figure", "USD"],
                                    rows: items.map { [$0.0, $0.1.map { ReportFormat.number($0) } ?? "–"] }, numericColumns: [1])
    }

    /// Each scenario's cost stack (from its row of scenarios.csv), then the probability-weighted
    /// stack when every scenario has one.
    static func scenarioStacks(_ results: StochasticResults) -> [Stack] {
        var stacks: [Stack] = []
        for scenario in results.scenarios {
            guard let costs = CostStack({ scenario.values[$0] }) else { continue }
            stacks.append(Stack(name: scenario.name, costs: costs, isScenario: true))
        }
        guard stacks.count == results.scenarios.count, stacks.count > 1 else { return stacks }
        let expected = CostStack { key in
            var sum = 0.0
            for scenario in results.scenarios { sum += scenario.probability * (scenario.values[key] ?? 0) }
            return sum
        }
        if let expected { stacks.append(Stack(name: "Expected (probability-weighted)", costs: expected, isScenario: false)) }
        return stacks
    }

    static func closure(_ stacks: [Stack], results: StochasticResults) -> String {
        let open = stacks.filter { !$0.costs.closes }.map(\.name)
        var text = "Each bar stacks a scenario's cost parts from its summary (scenarios.csv): the shared build's annualised capital and fixed O&M, then its operating costs; revenues below zero. The dot is the scenario's cost (objective_usd)"
        text += open.isEmpty
            ? ", which the parts match to \(ReportFormat.significant(CostStack.relativeTolerance * 1e6)) part per million in every bar."
            : "; in \(open.joined(separator: ", ")) the parts miss it by more than \(ReportFormat.significant(CostStack.relativeTolerance * 1e6)) part per million, drawn as \"\(CostStack.other.label)\"."
        if stacks.contains(where: { !$0.isScenario }) {
            text += " The last bar weighs each part by the scenarios' probabilities: it adds up to the expected cost"
                + (results.expectedCostUSD.map { " (\(ReportFormat.number($0)) USD in stochastic.json)" } ?? "") + "."
        }
        return text
    }

    /// Parts by row, one column per bar.
    static func stackTable(_ stacks: [Stack]) -> ReportDocument.Table {
        var items: [CostStack.Item] = []
        for stack in stacks {
            for part in stack.costs.drawnParts where !items.contains(where: { $0.key == part.item.key }) { items.append(part.item) }
        }
        items.sort { first, second in
            (CostStack.items.firstIndex { $0.key == first.key } ?? Int.max) < (CostStack.items.firstIndex { $0.key == second.key } ?? Int.max)
        }
        var rows = items.map { item in
            [item.label] + stacks.map { stack in
                ReportFormat.number(stack.costs.drawnParts.first { $0.item.key == item.key }?.valueUSD ?? 0)
            }
        }
        rows.append(["Total (objective_usd)"] + stacks.map { ReportFormat.number($0.costs.objectiveUSD) })
        return ReportDocument.Table(caption: "Cost stack of each scenario (USD over the horizon; revenues negative)",
                                    header: ["part"] + stacks.map(\.name), rows: rows, numericColumns: Set(1...stacks.count))
    }

    /// One stacked bar per scenario (costs up, revenues down), its cost as a dot, and the expected
    /// cost, CVaR and (with w > 0) the objective across the chart.
    static func scenarioCostChart(_ stacks: [Stack], results: StochasticResults) -> Chart {
        var largest = 0.0
        for stack in stacks { largest = max(largest, abs(stack.costs.objectiveUSD), stack.costs.magnitudeUSD) }
        let (factor, unitText) = MoneyScale.of(largest)
        var items: [CostStack.Item] = []
        for item in CostStack.items + [CostStack.other] where stacks.contains(where: { $0.costs.drawnParts.contains { $0.item.key == item.key } }) {
            items.append(item)
        }
        let x = stacks.indices.map(Double.init)
        var above = [Double](repeating: 0, count: stacks.count), below = above
        var layers: [Chart.Layer] = []
        for item in items {
            var lows: [Double] = [], highs: [Double] = []
            for (index, stack) in stacks.enumerated() {
                let value = (stack.costs.drawnParts.first { $0.item.key == item.key }?.valueUSD ?? 0) * factor
                if value >= 0 {
                    lows.append(above[index]); highs.append(above[index] + value); above[index] += value
                } else {
                    highs.append(below[index]); lows.append(below[index] + value); below[index] += value
                }
            }
            layers.append(.bars(x: x, low: lows, high: highs, style: Chart.Style(item.label, colour: item.colour), width: 0.56, labels: nil))
        }
        let decimals = factor == 1 ? 0 : 3
        let totals = stacks.map { $0.costs.objectiveUSD * factor }
        layers.append(.points(x: x, y: totals, style: Chart.Style("Cost (objective_usd)", colour: "#000000"), side: .left, radius: 5,
                              labels: totals.map { ReportFormat.number($0, decimals: decimals) }))
        let span = [-0.5, Double(stacks.count) - 0.5]
        let alpha = ReportFormat.significant(results.cvarAlpha)
        var lines: [(String, Double?, String)] = [("Expected cost", results.expectedCostUSD, "#d55e00"), ("CVaR (α = \(alpha))", results.conditionalValueAtRiskUSD, "#cc79a7")]
        if results.cvarWeight > 0 { lines.append(("Objective (w = \(ReportFormat.significant(results.cvarWeight)))", results.riskAdjustedCostUSD, "#000000")) }
        for (index, line) in lines.enumerated() {
            guard let value = line.1 else { continue }
            layers.append(.line(x: span, y: [value * factor, value * factor], style: Chart.Style(line.0, colour: line.2, dashed: index % 2 == 0),
                                side: .left))
        }
        return Chart(id: "scenario-costs", title: "Cost of each scenario with the shared build",
                     subtitle: "parts stacked (revenues below zero); dots: each bar's cost; lines: expected cost and CVaR from stochastic.json",
                     x: .categories(title: "Scenario", names: stacks.map(\.name)), left: .init("Cost over the horizon", unit: unitText),
                     layers: layers, height: 400)
    }
}
