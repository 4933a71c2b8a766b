import Foundation
import Testing
#if canImport(FoundationXML)
import FoundationXML
#endif

/// `insula report` on what `insula plan` and `insula batch run` write for capacity plans: the
/// built binary makes the folders from the bundled plan sites, then reports on them.
@Suite("insula report on capacity plans, end to end", .serialized)
struct PlanReportCommandTests {
    /// `insula plan data/sites/plan-example-week.yaml` (module counts enumerated: plan_candidates.csv).
    static let plan: URL = make("plan", ["plan", "data/sites/plan-example-week.yaml"])
    /// A risk-neutral stochastic plan over three futures.
    static let stochastic: URL = make("stochastic", ["plan", "tools/crosscheck/sites/stochastic-neutral.yaml",
                                                     "--scenarios", "tools/crosscheck/sites/stochastic-neutral.scenarios.yaml"])
    /// Six plans: solar capex x discount rate.
    static let batch: URL = make("batch", ["batch", "run", "data/batches/plan-example-week.yaml", "--jobs", "2", "--quiet"])

    static func make(_ name: String, _ arguments: [String]) -> URL {
        let folder = try! InsulaRunner.temporaryFolder().appendingPathComponent(name)
        let outcome = try! InsulaRunner.run(arguments + ["--out", folder.path])
        precondition(outcome.exitCode == 0, outcome.standardError)
        return folder
    }

    /// Reports on `folder` in Markdown; returns the text and the chart files' contents.
    static func markdown(_ folder: URL) throws -> (text: String, charts: [String: String]) {
        let output = try InsulaRunner.temporaryFolder().appendingPathComponent("report.md")
        let outcome = try InsulaRunner.run(["report", folder.path, "-o", output.path, "--format", "md"])
        #expect(outcome.exitCode == 0, "\(outcome.standardError)")
        let chartFolder = output.deletingLastPathComponent().appendingPathComponent("report-charts")
        var charts: [String: String] = [:]
        for name in try FileManager.default.contentsOfDirectory(atPath: chartFolder.path) {
            charts[name] = try String(contentsOf: chartFolder.appendingPathComponent(name), encoding: .utf8)
        }
        return (try String(contentsOf: output, encoding: .utf8), charts)
    }

    /// The rows of the Markdown table whose bold caption starts with `caption`, cells unescaped.
    static func table(_ text: String, _ caption: String) throws -> [[String]] {
        let lines = text.components(separatedBy: "\n")
        let start = try #require(lines.firstIndex { $0.hasPrefix("**\(caption)") }, "no table \(caption)")
        var rows: [[String]] = []
        for line in lines[(start + 4)...] {
            guard line.hasPrefix("| ") else { break }
            rows.append(line.dropFirst(2).dropLast(2).components(separatedBy: " | ").map { $0.replacingOccurrences(of: "\\", with: "") })
        }
        return rows
    }

    static func number(_ cell: String) -> Double? {
        Double(cell.replacingOccurrences(of: ",", with: "").replacingOccurrences(of: "+", with: ""))
    }

    /// CSV rows as dictionaries (the plan files quote nothing).
    static func csv(_ url: URL) throws -> [[String: String]] {
        let lines = try String(contentsOf: url, encoding: .utf8).split(separator: "\n").map(String.init)
        let header = lines[0].components(separatedBy: ",")
        return lines.dropFirst().map { Dictionary(uniqueKeysWithValues: zip(header, $0.components(separatedBy: ","))) }
    }

    static func json(_ url: URL) throws -> [String: Any] {
        try #require(try JSONSerialization.jsonObject(with: Data(contentsOf: url)) as? [String: Any])
    }

    static func expectWellFormedSVG(_ charts: [String: String], sourceLocation: SourceLocation = #_sourceLocation) {
        for (name, svg) in charts {
            let parser = XMLParser(data: Data(svg.utf8))
            #expect(parser.parse(), "\(name) is not well-formed XML", sourceLocation: sourceLocation)
        }
    }

    @Test("A plan's report has the build table equal to build_plan.csv, a cost stack that adds up to objective_usd, and the module-count curve")
    func plan() throws {
        let html = try InsulaRunner.temporaryFolder().appendingPathComponent("plan.html")
        let outcome = try InsulaRunner.run(["report", Self.plan.path, "-o", html.path])
        #expect(outcome.exitCode == 0, "\(outcome.standardError)")
        let page = try String(contentsOf: html, encoding: .utf8)
        #expect(page.contains("<h2>Build plan</h2>") && page.contains("<h3>Cost stack</h3>") && page.contains("<h3>SMR module counts</h3>"))
        for id in ["build-power-mw", "build-energy-mwh", "cost-stack", "plan-candidates"] { #expect(page.contains("id=\"chart-\(id)\"")) }

        let (text, charts) = try Self.markdown(Self.plan)
        Self.expectWellFormedSVG(charts)
        let rows = try Self.table(text, "What the plan builds")
        let csv = try Self.csv(Self.plan.appendingPathComponent("build_plan.csv"))
        #expect(rows.count == csv.count + 1)
        for (row, line) in zip(rows, csv) {
            #expect(Array(row[0...2]) == [line["asset"]!, line["name"]!, line["dimension"]!])
            for (offset, column) in ["existing", "added", "installed"].enumerated() {
                #expect(abs(Self.number(row[4 + offset])! - Double(line[column]!)!) <= 0.005, "\(column) of \(row[1])")
            }
            for (offset, column) in ["capex_usd", "annualised_capex_usd_per_year", "fixed_om_usd_per_year", "horizon_cost_usd"].enumerated() {
                #expect(abs(Self.number(row[7 + offset])! - Double(line[column]!)!) <= 0.5, "\(column) of \(row[1])")
            }
        }
        // The cost stack: parts (each rounded to the dollar) add up to summary.json's objective.
        let summary = try Self.json(Self.plan.appendingPathComponent("summary.json"))
        let objective = try #require(summary["objective_usd"] as? Double)
        let stack = try Self.table(text, "Cost stack")
        #expect(stack.last?[1] == "objective_usd" && abs(Self.number(stack.last![2])! - objective) <= 0.5)
        let parts = stack.dropLast().map { Self.number($0[2])! }
        #expect(abs(parts.reduce(0, +) - objective) <= 0.5 * Double(parts.count) + 1e-6 * abs(objective))
        for key in ["annualised_capex_usd", "fixed_om_usd", "export_revenue_usd"] { #expect(stack.contains { $0[1] == key }) }
        #expect(text.contains("The parts below add up to it to within"))
        // One row per module count tried, as plan_candidates.csv.
        let candidates = try Self.table(text, "Cost of each SMR module count")
        #expect(candidates.map { $0[0] } == (try Self.csv(Self.plan.appendingPathComponent("plan_candidates.csv"))).map { $0["smr_units"]! })
        #expect(candidates.contains { $0[3] == "the plan" })
    }

    @Test("A stochastic plan's report gives each scenario's probability and cost as stochastic.json, its cost stack, and the expected cost")
    func stochastic() throws {
        let (text, charts) = try Self.markdown(Self.stochastic)
        #expect(text.hasPrefix("# Stochastic plan report: stochastic-neutral\n"))
        Self.expectWellFormedSVG(charts)
        #expect(charts["scenario-costs.svg"] != nil && charts["build-power-mw.svg"] != nil)
        let json = try Self.json(Self.stochastic.appendingPathComponent("stochastic.json"))
        let scenarios = try #require(json["scenarios"] as? [[String: Any]])
        let rows = try Self.table(text, "Scenarios")
        #expect(rows.map { $0[0] } == scenarios.map { $0["name"] as! String })
        for (row, scenario) in zip(rows, scenarios) {
            #expect(abs(Self.number(row[1])! - (scenario["probability"] as! Double)) < 1e-9)
            #expect(abs(Self.number(row[3])! - (scenario["cost_usd"] as! Double)) <= 0.5)
        }
        let expected = try #require(json["expected_cost_usd"] as? Double)
        let risk = try Self.table(text, "Risk and bounds")
        #expect(risk[0][0] == "Expected cost" && abs(Self.number(risk[0][1])! - expected) <= 0.5)
        // Each column of the stack sums (to the rounding of its cells) to that scenario's cost, the last to the expected cost.
        let stacks = try Self.table(text, "Cost stack of each scenario")
        let totals = stacks.last!.dropFirst().map { Self.number($0)! }
        #expect(totals.count == scenarios.count + 1)
        for (column, total) in totals.enumerated() {
            let sum = stacks.dropLast().map { Self.number($0[column + 1])! }.reduce(0, +)
            #expect(abs(sum - total) <= 0.5 * Double(stacks.count), "column \(column)")
            let target = column < scenarios.count ? scenarios[column]["cost_usd"] as! Double : expected
            #expect(abs(total - target) <= 0.5 + 1e-6 * target)
        }
    }

    @Test("A batch of plans' report tabulates each scenario's capacities as build_plans.csv and draws them across scenarios")
    func batch() throws {
        let (text, charts) = try Self.markdown(Self.batch)
        Self.expectWellFormedSVG(charts)
        #expect(text.contains("## Build plans across scenarios"))
        #expect(charts["plans-power-mw.svg"] != nil && charts["plans-energy-mwh.svg"] != nil)
        let rows = try Self.table(text, "Installed capacity of each scenario")
        let plans = try Self.csv(Self.batch.appendingPathComponent("build_plans.csv"))
        #expect(rows.count == 6)
        // Columns after the scenario and its two swept values: one per sized dimension, in the file's order.
        let first = plans.filter { $0["scenario_id"] == plans[0]["scenario_id"] }
        for row in rows {
            let mine = plans.filter { $0["scenario_name"] == row[0] }
            #expect(mine.count == first.count)
            for (offset, line) in mine.enumerated() {
                #expect(abs(Self.number(row[3 + offset])! - Double(line["installed"]!)!) <= 0.005, "\(row[0]) \(line["name"]!)")
            }
        }
    }

    @Test("A malformed build_plan.csv exits 2 naming the file, column and row, and writes no report")
    func badBuildPlan() throws {
        let folder = try InsulaRunner.temporaryFolder().appendingPathComponent("plan")
        try FileManager.default.copyItem(at: Self.plan, to: folder)
        let url = folder.appendingPathComponent("build_plan.csv")
        var lines = try String(contentsOf: url, encoding: .utf8).components(separatedBy: "\n")
        var fields = lines[3].components(separatedBy: ",")
        fields[5] = "oops"
        lines[3] = fields.joined(separator: ",")
        try lines.joined(separator: "\n").write(to: url, atomically: true, encoding: .utf8)
        let output = folder.appendingPathComponent("report.html")
        let outcome = try InsulaRunner.run(["report", folder.path, "-o", output.path])
        #expect(outcome.exitCode == 2)
        #expect(outcome.standardError.contains("build_plan.csv, column \"installed\", row 3 (line 4): not a number (\"oops\")"), "\(outcome.standardError)")
        #expect(!FileManager.default.fileExists(atPath: output.path))
    }

    @Test("--window is refused for a stochastic plan, whose schedules are per scenario")
    func windowOnStochastic() throws {
        let outcome = try InsulaRunner.run(["report", Self.stochastic.path, "-o", "/tmp/never.html", "--window", "2025-07-14..2025-07-15"])
        #expect(outcome.exitCode == 2)
        #expect(outcome.standardError.contains("--window: applies to run folders only"), "\(outcome.standardError)")
    }
}
