import Foundation
import Testing
@testable import Reports

extension ReportDocument {
    var tables: [Table] { blocks.compactMap { if case .table(let table) = $0 { table } else { nil } } }
    var headings: [String] { blocks.compactMap { if case .heading(let text, _) = $0 { text } else { nil } } }
    var paragraphs: [String] { blocks.compactMap { if case .paragraph(let text) = $0 { text } else { nil } } }

    func table(captioned prefix: String) -> Table? { tables.first { $0.caption?.hasPrefix(prefix) == true } }
    func chart(_ id: String) -> Chart? { charts.first { $0.id == id } }
}

/// A chart drawn to SVG is well-formed XML with one title, a legend and a y-axis title with its unit.
func expectWellFormed(_ chart: Chart, unit: String, sourceLocation: SourceLocation = #_sourceLocation) -> XMLCensus {
    let census = XMLCensus(ChartRenderer.svg(chart, standalone: true))
    #expect(census.error == nil, "\(chart.id): \(census.error ?? "")", sourceLocation: sourceLocation)
    #expect(census.elements["svg"] == 1 && census.classes["chart-title"] == 1, sourceLocation: sourceLocation)
    #expect(census.classes["legend"] == 1, "\(chart.id) has no legend", sourceLocation: sourceLocation)
    #expect(census.texts.contains { $0.hasSuffix("(\(unit))") }, "\(chart.id): no axis title in \(unit)", sourceLocation: sourceLocation)
    return census
}

@Suite("Plan report: what a capacity plan builds and what it costs")
struct PlanReportTests {
    static func document() throws -> ReportDocument { try ReportWriter.document(folder: PlanFixtures.plan) }

    @Test("A plan's run folder gets a Build plan section after the key figures, before the schedule's charts")
    func section() throws {
        let document = try Self.document()
        let headings = document.headings
        let build = try #require(headings.firstIndex(of: "Build plan"))
        #expect(headings[build - 1] == "Key figures" && headings[build + 1] == "Cost stack" && headings[build + 2] == "SMR module counts")
        #expect(headings[build + 3] == "Dispatch")
        #expect(document.charts.map(\.id).prefix(5) == ["build-units", "build-power-mw", "build-energy-mwh", "cost-stack", "plan-candidates"])
        // The schedule's own charts follow as in any run report.
        #expect(Array(document.charts.map(\.id).dropFirst(5)) == ["dispatch-window", "battery-soc", "workloads-window", "cooling-efficiency",
                                                                  "marginal-price", "training-jobs"])
    }

    @Test("The build table repeats build_plan.csv row by row, with each capacity's unit, and totals the costs")
    func buildTable() throws {
        let table = try #require(try Self.document().table(captioned: "What the plan builds"))
        #expect(table.header == ["asset", "name", "dimension", "unit", "existing", "added", "installed", "capex (USD)",
                                 "annualised capex (USD/year)", "fixed O&M (USD/year)", "horizon cost (USD)"])
        let csv = try PlanFixtures.csvRows(PlanFixtures.plan.appendingPathComponent("build_plan.csv"))
        #expect(table.rows.count == csv.count + 1)
        let units = ["units": "modules", "power_mw": "MW", "energy_mwh": "MWh"]
        for (row, line) in zip(table.rows, csv) {
            #expect(row[0] == line["asset"] && row[1] == line["name"] && row[2] == line["dimension"])
            #expect(row[3] == units[line["dimension"]!])
            // Capacities to two decimals (whole modules as they are), costs to the dollar.
            for (index, column) in ["existing", "added", "installed"].enumerated() {
                #expect(abs(PlanFixtures.number(row[4 + index])! - Double(line[column]!)!) <= 0.005, "\(column) of \(row[1])")
            }
            for (index, column) in ["capex_usd", "annualised_capex_usd_per_year", "fixed_om_usd_per_year", "horizon_cost_usd"].enumerated() {
                #expect(abs(PlanFixtures.number(row[7 + index])! - Double(line[column]!)!) <= 0.5, "\(column) of \(row[1])")
            }
        }
        #expect(table.rows[0][4...6] == ["2", "1", "3"], "whole modules print without decimals")
        let total = try #require(table.rows.last)
        #expect(total[0] == "Total")
        let horizon = csv.map { Double($0["horizon_cost_usd"]!)! }.reduce(0, +)
        #expect(abs(PlanFixtures.number(total[10])! - horizon) <= 0.5)
    }

    @Test("The cost stack's parts add up to objective_usd within 1e-6 of it, and the waterfall ends on it")
    func costStack() throws {
        let document = try Self.document()
        let run = try RunResults.read(folder: PlanFixtures.plan)
        let objective = try #require(run.number("objective_usd"))
        let stack = try #require(CostStack { run.number($0) })
        #expect(stack.closes)
        #expect(abs(stack.sumUSD - objective) <= CostStack.relativeTolerance * abs(objective))
        // The table: one row per part that is not negligible, then the total; the rows sum to it.
        let table = try #require(document.table(captioned: "Cost stack"))
        #expect(table.rows.map { $0[1] } == ["annualised_capex_usd", "fixed_om_usd", "smr_cost_usd", "battery_throughput_cost_usd",
                                             "export_revenue_usd", "objective_usd"])
        let parts = table.rows.dropLast().map { PlanFixtures.number($0[2])! }
        #expect(abs(parts.reduce(0, +) - objective) <= 0.5 * Double(parts.count), "the rounded parts add up to the rounded objective")
        #expect(table.rows.first { $0[1] == "export_revenue_usd" }?[2].hasPrefix("-") == true, "revenue is a negative cost")
        // The waterfall: each step starts where the last ended; the last bar is the objective.
        let chart = try #require(document.chart("cost-stack"))
        var bars: [(x: Double, low: Double, high: Double)] = []
        for case .bars(let x, let low, let high, _, _, _) in chart.layers {
            for index in x.indices { bars.append((x[index], low[index], high[index])) }
        }
        bars.sort { $0.x < $1.x }
        let total = try #require(bars.last)
        #expect(total.low == 0 && abs(total.high - objective * 1e-6) < 1e-9)
        var running = 0.0
        for (bar, part) in zip(bars.dropLast(), stack.parts) {
            let next = running + part.valueUSD * 1e-6
            #expect(abs(bar.low - min(running, next)) < 1e-9 && abs(bar.high - max(running, next)) < 1e-9)
            running = next
        }
        #expect(abs(running - objective * 1e-6) <= 1e-6 * abs(objective * 1e-6))
        #expect(document.paragraphs.contains { $0.contains("add up to it to within less than 0.01 USD") })
        _ = expectWellFormed(chart, unit: "million USD")
    }

    @Test("The parts of a real solve's summary.json add up to its objective within the stated tolerance")
    func realSolveCloses() throws {
        let run = try RunResults.read(folder: ReportFixtures.weekRun)
        let stack = try #require(CostStack { run.number($0) })
        #expect(stack.closes, "residual \(stack.residualUSD) USD against a tolerance of \(stack.toleranceUSD) USD")
    }

    @Test("Parts that miss the objective are shown as Other, with the difference stated, never hidden")
    func costStackThatDoesNotClose() throws {
        let folder = try PlanFixtures.planFolder(label: "open-stack")
        var summary = try PlanFixtures.planSummary(rows: PlanFixtures.rows)
        summary["objective_usd"] = (summary["objective_usd"] as! Double) + 1234.7
        try PlanFixtures.writeJSON(summary, "summary.json", in: folder)
        let document = try ReportWriter.document(folder: folder)
        let table = try #require(document.table(captioned: "Cost stack"))
        #expect(table.rows.dropLast().last?[0] == "Other (objective less the parts)")
        #expect(table.rows.dropLast().last?[2] == "1,235")
        #expect(document.paragraphs.contains { $0.contains("miss it by 1,234.70 USD") })
    }

    @Test("Installed capacity is drawn per unit: modules, MW and MWh never share an axis; existing below added, the total above")
    func capacityCharts() throws {
        let document = try Self.document()
        let power = try #require(document.chart("build-power-mw"))
        guard case .categories(_, let names) = power.x else { Issue.record("not a categorical axis"); return }
        #expect(names == ["utility (grid feed)", "solar (renewable)", "bess (battery)"])
        let census = expectWellFormed(power, unit: "MW")
        // Existing grid and solar, nothing existing for the battery (an empty bar is not drawn); every asset adds.
        #expect(census.classes["column"] == 5)
        #expect(census.texts.contains("Existing") && census.texts.contains("Added by the plan"))
        for label in ["235.50", "365.28", "219.26"] { #expect(census.texts.contains(label), "no label \(label)") }
        _ = expectWellFormed(try #require(document.chart("build-energy-mwh")), unit: "MWh")
        let modules = expectWellFormed(try #require(document.chart("build-units")), unit: "modules")
        #expect(modules.texts.contains("3"))
    }

    @Test("Module counts: each count's cost against the plan, the plan labelled on the curve, a cross where no optimum was found")
    func candidates() throws {
        let document = try Self.document()
        let table = try #require(document.table(captioned: "Cost of each SMR module count"))
        #expect(table.rows.map { $0[0] } == ["2", "3", "4", "5"])
        #expect(table.rows.map { $0[3] } == ["+118,251", "the plan", "+307,912", "–"])
        #expect(table.rows[3][1] == "time_limit" && table.rows[3][2] == "–")
        let chart = try #require(document.chart("plan-candidates"))
        let census = expectWellFormed(chart, unit: "million USD")
        #expect(census.texts.contains("the plan"))
        #expect(census.classes["failed"] == 1)
    }

    @Test("A run folder without build_plan.csv renders as before: no plan section, chart or cost row")
    func operatingRunUnchanged() throws {
        let document = try ReportWriter.document(folder: ReportFixtures.weekRun)
        #expect(!document.headings.contains("Build plan") && !document.headings.contains("Cost stack"))
        #expect(document.charts.map(\.id) == ["dispatch-window", "battery-soc", "workloads-window", "cooling-efficiency", "marginal-price",
                                              "training-jobs"])
        #expect(document.tables.map(\.caption) == ["Cost breakdown (USD)", "Energy (MWh; supply shares in % of all supply)",
                                                   "Emissions, efficiency and service", "Training jobs"])
        #expect(!document.tables[0].rows.contains { $0[0] == "Annualised capital" })
        // plan_candidates.csv alone (no build plan) is not a plan.
        let folder = try ReportFixtures.temporaryFolder("candidates-only")
        for name in ["summary.json", "dispatch.csv", "jobs.csv"] {
            try FileManager.default.copyItem(at: ReportFixtures.weekRun.appendingPathComponent(name), to: folder.appendingPathComponent(name))
        }
        try PlanFixtures.write("smr_units,status,objective_usd,solve_seconds\n1,optimal,5,0.1\n", "plan_candidates.csv", in: folder)
        let html = HTMLRenderer.html(try ReportWriter.document(folder: folder), source: "run")
        #expect(html == HTMLRenderer.html(document, source: "run"))
    }

    @Test("Markdown carries the same tables, and one SVG file per plan chart")
    func markdown() throws {
        let folder = try ReportFixtures.temporaryFolder("plan-md")
        let output = folder.appendingPathComponent("plan.md")
        let files = try ReportWriter.write(try Self.document(), to: output, format: .md, source: "plan")
        let text = try String(contentsOf: output, encoding: .utf8)
        #expect(text.contains("## Build plan\n"))
        #expect(text.contains("| asset | name | dimension | unit | existing | added | installed |"))
        #expect(text.contains("| renewable | solar | power\\_mw | MW | 150.00 | 215.28 | 365.28 |"))
        #expect(text.contains("| Annualised capital | annualised\\_capex\\_usd |"))
        #expect(text.contains("![Cost stack: from the parts to the objective](plan-charts/cost-stack.svg)"))
        let names = Set(files.map(\.lastPathComponent))
        for id in ["build-units", "build-power-mw", "build-energy-mwh", "cost-stack", "plan-candidates"] {
            #expect(names.contains("\(id).svg"))
        }
    }
}

@Suite("Plan report of a multi-period build-out (a period column in build_plan.csv)")
struct PeriodPlanReportTests {
    @Test("Each period is a bar stacked by asset, with the period's total above it; the table gains the period")
    func periods() throws {
        let folder = try PlanFixtures.planFolder(rows: PlanFixtures.periodRows, candidates: false, label: "periods")
        let document = try ReportWriter.document(folder: folder)
        let table = try #require(document.table(captioned: "What the plan builds"))
        #expect(table.header.first == "period")
        #expect(table.rows.prefix(6).map { $0[0] } == ["2027", "2027", "2027", "2030", "2030", "2030"])
        let power = try #require(document.chart("build-power-mw"))
        guard case .categories(let title, let names) = power.x else { Issue.record("not categorical"); return }
        #expect(title == "Period" && names == ["2027", "2030"])
        var tops: [Double] = []
        var series: [String] = []
        for case .bars(_, let low, let high, let style, _, _) in power.layers {
            series.append(style.name)
            if low == [0, 0] { tops = high } else { #expect(low == tops, "\(style.name) rides on the asset below it"); tops = high }
        }
        #expect(series == ["solar (renewable)", "bess (battery)"])
        #expect(tops == [150, 370])
        let census = expectWellFormed(power, unit: "MW")
        #expect(census.texts.contains("150.00") && census.texts.contains("370.00"))
        let modules = try #require(document.chart("build-units"))
        #expect(modules.title.hasPrefix("Installed capacity by period"))
    }
}

@Suite("Bad plan files: the file, row and column at fault, never a crash")
struct BadPlanFileTests {
    /// Replaces `build_plan.csv`'s line `line` (1 = header) with `replacement` in a copy of the plan folder.
    static func folder(line: Int, _ edit: (String) -> String) throws -> URL {
        let folder = try PlanFixtures.planFolder(candidates: false, label: "bad-plan")
        var lines = PlanFixtures.buildPlanCSV(PlanFixtures.rows).split(separator: "\n").map(String.init)
        lines[line - 1] = edit(lines[line - 1])
        try PlanFixtures.write(lines.joined(separator: "\n") + "\n", "build_plan.csv", in: folder)
        return folder
    }

    static func replacing(_ column: String, with value: String) -> (String) -> String {
        { line in
            var fields = line.split(separator: ",", omittingEmptySubsequences: false).map(String.init)
            fields[BuildPlan.columns.firstIndex(of: column)!] = value
            return fields.joined(separator: ",")
        }
    }

    @Test("A malformed cell names build_plan.csv, the row and the column", arguments: [
        ("installed", "lots", "not a number (\"lots\")"),
        ("added", "", "empty cell"),
        ("existing", "nan", "not a finite number (nan)"),
        ("capex_usd", "inf", "not a finite number (inf)"),
        ("added", "-5", "a capacity cannot be negative (-5.0)"),
        ("installed", "400", "installed (400.0) is not existing + added (150.0 + 215.276166)"),
        ("asset", " ", "empty cell"),
    ])
    func badCell(column: String, value: String, message: String) throws {
        let folder = try Self.folder(line: 4, Self.replacing(column, with: value))
        #expect {
            _ = try ReportWriter.document(folder: folder)
        } throws: { error in
            let failure = error as? ReportInputError
            return failure?.file.hasSuffix("build_plan.csv") == true && failure?.column == column && failure?.row == 3 && failure?.line == 4
                && failure?.message == message
        }
    }

    @Test("A row of the wrong width, a missing column and a dimension sized twice are refused")
    func badShape() throws {
        let short = try Self.folder(line: 3) { String($0.split(separator: ",").dropLast().joined(separator: ",")) }
        #expect {
            _ = try ReportWriter.document(folder: short)
        } throws: { error in
            (error as? ReportInputError)?.row == 2 && "\(error)".hasSuffix("row has 9 fields; the header has 10")
        }
        let missing = try Self.folder(line: 1) { $0.replacingOccurrences(of: ",added,", with: ",addition,") }
        #expect {
            _ = try ReportWriter.document(folder: missing)
        } throws: { error in
            "\(error)".contains("build_plan.csv, line 1: no column \"added\"")
        }
        let twice = try Self.folder(line: 6) { _ in PlanFixtures.buildPlanCSV([PlanFixtures.rows[3]]).split(separator: "\n")[1].description }
        #expect {
            _ = try ReportWriter.document(folder: twice)
        } throws: { error in
            (error as? ReportInputError)?.row == 5 && "\(error)".hasSuffix("battery bess power_mw is sized twice (first in row 4)")
        }
    }

    @Test("A malformed plan_candidates.csv names its row and column")
    func badCandidates() throws {
        let folder = try PlanFixtures.planFolder(candidates: false, label: "bad-candidates")
        try PlanFixtures.write("smr_units,status,objective_usd,solve_seconds\n2,optimal,5,0.1\n2.5,optimal,6,0.1\n", "plan_candidates.csv", in: folder)
        #expect {
            _ = try ReportWriter.document(folder: folder)
        } throws: { error in
            let failure = error as? ReportInputError
            return failure?.column == "smr_units" && failure?.row == 2 && failure?.message == "not a whole number of modules (2.5)"
        }
    }
}
