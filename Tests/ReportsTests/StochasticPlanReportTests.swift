import Foundation
import Testing
@testable import Reports

/// A stochastic plan's folder in the contract of `insula plan --scenarios` (docs/planning.md,
/// "Planning across scenarios").
extension PlanFixtures {
    /// Two futures of one build: (name, probability, cost parts by summary key).
    static let futures: [(name: String, probability: Double, parts: [String: Double])] = [
        ("base", 0.7, ["annualised_capex_usd": 100_000, "fixed_om_usd": 20_000, "energy_cost_usd": 300_000, "carbon_cost_usd": 50_000,
                       "export_revenue_usd": 40_000]),
        ("dear-gas", 0.3, ["annualised_capex_usd": 100_000, "fixed_om_usd": 20_000, "energy_cost_usd": 500_000, "carbon_cost_usd": 90_000,
                           "export_revenue_usd": 10_000]),
    ]

    static func futureCost(_ parts: [String: Double]) -> Double {
        parts.filter { $0.key != "export_revenue_usd" }.values.reduce(0, +) - (parts["export_revenue_usd"] ?? 0)
    }

    /// A stochastic plan's folder: `stochastic.json` (w = 0.5, alpha = 0.9, with bounds),
    /// `scenarios.csv`, and the shared `build_plan.csv`.
    static let stochastic: URL = {
        let folder = try! ReportFixtures.temporaryFolder("stochastic")
        let costs = futures.map { futureCost($0.parts) }  // 430,000 and 700,000
        let expected = zip(futures, costs).map { $0.probability * $1 }.reduce(0, +)
        let cvar = costs.max()!
        let objective = 0.5 * expected + 0.5 * cvar
        let json: [String: Any] = [
            "site": "data/sites/plan-fixture.yaml", "scenario_file": "futures.yaml", "status": "optimal", "strategy": "enumerate",
            "method": "interior", "cvar_weight": 0.5, "cvar_alpha": 0.9, "risk_adjusted_cost_usd": objective, "expected_cost_usd": expected,
            "value_at_risk_usd": cvar, "cvar_usd": cvar, "insula_version": "test",
            "scenarios": zip(futures, costs).map { future, cost in
                ["name": future.name, "probability": future.probability, "status": "optimal", "cost_usd": cost, "emissions_t": 1000 * future.probability] as [String: Any]
            },
            "bounds": ["wait_and_see_usd": 590_000.0, "best_single_scenario_usd": 612_000.0,
                       "expected_value_of_perfect_information_usd": objective - 590_000, "value_of_stochastic_solution_usd": 612_000 - objective],
        ]
        try! writeJSON(json, "stochastic.json", in: folder)
        let keys = ["annualised_capex_usd", "fixed_om_usd", "energy_cost_usd", "carbon_cost_usd", "export_revenue_usd"]
        var csv = "scenario,probability,site,status,objective_usd," + keys.joined(separator: ",") + ",emissions_t\n"
        for (future, cost) in zip(futures, costs) {
            csv += "\(future.name),\(future.probability),plan-fixture,optimal,\(cost)," + keys.map { "\(future.parts[$0]!)" }.joined(separator: ",")
                + ",\(1000 * future.probability)\n"
        }
        try! write(csv, "scenarios.csv", in: folder)
        try! write(buildPlanCSV(rows), "build_plan.csv", in: folder)
        return folder
    }()

}

@Suite("Stochastic plan report: the shared build, and each scenario's cost against the expected cost and CVaR")
struct StochasticPlanReportTests {
    static func document() throws -> ReportDocument { try ReportWriter.document(folder: PlanFixtures.stochastic) }

    @Test("The folder is recognised by stochastic.json and reports the shared build first")
    func structure() throws {
        let document = try Self.document()
        #expect(document.title == "Stochastic plan report: plan-fixture")
        #expect(document.headings == ["Build plan", "Scenarios", "Cost of each scenario"])
        #expect(document.charts.map(\.id) == ["build-units", "build-power-mw", "build-energy-mwh", "scenario-costs"])
        #expect(document.table(captioned: "What the plan builds")?.rows.count == PlanFixtures.rows.count + 1)
    }

    @Test("Each scenario's probability and cost, and the risk figures and bounds, are stochastic.json's")
    func scenarioTable() throws {
        let document = try Self.document()
        let table = try #require(document.table(captioned: "Scenarios"))
        #expect(table.rows.map { Array($0[0...3]) } == [["base", "0.7", "optimal", "430,000"], ["dear-gas", "0.3", "optimal", "700,000"]])
        #expect(table.rows.map { $0[5] } == ["-81,000", "+189,000"])
        let risk = try #require(document.table(captioned: "Risk and bounds"))
        #expect(risk.rows.map { $0[1] } == ["511,000", "700,000", "700,000", "605,500", "590,000", "612,000", "15,500", "6,500"])
        #expect(risk.rows[3][0] == "Objective (w = 0.5)")
    }

    @Test("Each scenario's parts add up to its cost, and the probability-weighted parts to the expected cost")
    func stacks() throws {
        let results = try StochasticResults.read(folder: PlanFixtures.stochastic)
        let stacks = StochasticPlanReport.scenarioStacks(results)
        #expect(stacks.map(\.name) == ["base", "dear-gas", "Expected (probability-weighted)"])
        for (stack, scenario) in zip(stacks, results.scenarios) {
            #expect(stack.costs.closes)
            #expect(abs(stack.costs.objectiveUSD - scenario.costUSD!) <= CostStack.relativeTolerance * scenario.costUSD!)
        }
        let expected = try #require(stacks.last)
        #expect(expected.costs.closes)
        #expect(abs(expected.costs.sumUSD - results.expectedCostUSD!) <= CostStack.relativeTolerance * results.expectedCostUSD!)
        let table = try #require(try Self.document().table(captioned: "Cost stack of each scenario"))
        #expect(table.header == ["part", "base", "dear-gas", "Expected (probability-weighted)"])
        #expect(table.rows.last == ["Total (objective_usd)", "430,000", "700,000", "511,000"])
        #expect(table.rows.first { $0[0] == "Export revenue" } == ["Export revenue", "-40,000", "-10,000", "-31,000"])
    }

    @Test("The chart stacks the parts per scenario and draws the expected cost, CVaR and (w > 0) the objective across it")
    func chart() throws {
        let chart = try #require(try Self.document().chart("scenario-costs"))
        let census = expectWellFormed(chart, unit: "thousand USD")
        for name in ["Expected cost", "CVaR (α = 0.9)", "Objective (w = 0.5)", "Annualised capital", "Export revenue"] {
            #expect(census.texts.contains(name), "legend lacks \(name)")
        }
        #expect(census.classes["line"] == 3)
        var lines: [Double] = []
        for case .line(_, let y, _, _) in chart.layers { lines.append(y[0]) }
        #expect(lines == [511, 700, 605.5])
        // Five parts over three bars; the revenue stacks below zero.
        #expect(census.classes["column"] == 15)
        for case .bars(_, let low, let high, let style, _, _) in chart.layers where style.name == "Export revenue" {
            #expect(high == [0, 0, 0] && low == [-40, -10, -31])
        }
    }

    @Test("A bad value in stochastic.json is named by its key path")
    func badJSON() throws {
        let folder = try ReportFixtures.temporaryFolder("bad-stochastic")
        for name in ["scenarios.csv", "build_plan.csv"] {
            try FileManager.default.copyItem(at: PlanFixtures.stochastic.appendingPathComponent(name), to: folder.appendingPathComponent(name))
        }
        let data = try Data(contentsOf: PlanFixtures.stochastic.appendingPathComponent("stochastic.json"))
        var json = try JSONSerialization.jsonObject(with: data) as! [String: Any]
        var scenarios = json["scenarios"] as! [[String: Any]]
        scenarios[1]["probability"] = "high"
        json["scenarios"] = scenarios
        try PlanFixtures.writeJSON(json, "stochastic.json", in: folder)
        #expect {
            _ = try ReportWriter.document(folder: folder)
        } throws: { error in
            "\(error)".hasSuffix("stochastic.json: scenarios[1].probability: expected a number")
        }
    }
}
