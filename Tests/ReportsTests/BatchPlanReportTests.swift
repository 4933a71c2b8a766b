import Foundation
import Scheduling
import Testing
@testable import Reports

/// A batch of plans in the contract of `insula batch run` on a site with build sections
/// (`build_plans.csv`, docs/results-schema.md).
extension PlanFixtures {
    static let capexValues = [700.0, 1100, 1500]
    static let rateValues = [0.05, 0.1]

    /// Solar MW of the scenario at this capex and discount rate (a made-up response).
    static func solarMW(_ capex: Double, _ rate: Double) -> Double { max(0, 900 - 0.5 * capex - 2000 * rate) }
    static func batteryMW(_ capex: Double) -> Double { 100 + capex / 10 }

    /// A batch of six plans over solar capex x discount rate, and one scenario that failed (no plan).
    static let batch: URL = {
        let folder = try! ReportFixtures.temporaryFolder("plan-batch")
        let kpis = ["objective_usd", "emissions_t", "cfe_score", "pue"]
        var summary = [(BatchResults.leadingColumns + ["renewables[0].build.capex_usd_per_kw", "investment.discount_rate"] + kpis + ["total_seconds"])
            .joined(separator: ",")]
        var plans = ["scenario_id,scenario_name," + BuildPlan.columns.joined(separator: ",")]
        var index = 0
        for capex in capexValues {
            for rate in rateValues {
                index += 1
                let id = "p\(index)", name = "capex_usd_per_kw=\(Int(capex)) discount_rate=\(rate)"
                let solar = solarMW(capex, rate), battery = batteryMW(capex)
                summary.append([id, name, "optimal", "", "\(Int(capex))", "\(rate)", "\(1e6 + solar * 1000)", "\(3000 - solar)", "0.8", "1.14", "2.5"]
                    .joined(separator: ","))
                for (asset, component, dimension, installed) in [("smr", "smr", "units", 0.0), ("grid_feed", "utility", "power_mw", 50),
                                                                 ("renewable", "solar", "power_mw", solar), ("battery", "bess", "power_mw", battery),
                                                                 ("battery", "bess", "energy_mwh", 4 * battery)] {
                    plans.append("\(id),\(RunWriter.csvField(name)),\(asset),\(component),\(dimension),0,\(installed),\(installed),\(installed * 1e6),\(installed * 1e5),0,\(installed * 2e3)")
                }
            }
        }
        summary.append("p7,capex_usd_per_kw=1900 discount_rate=0.05,failed,\"could not read the site\",1900,0.05,,,,,0.1")
        try! write(summary.joined(separator: "\n") + "\n", "summary.csv", in: folder)
        try! write(plans.joined(separator: "\n") + "\n", "build_plans.csv", in: folder)
        return folder
    }()

}

@Suite("Batch report of capacity plans (build_plans.csv)")
struct BatchPlanReportTests {
    static func document() throws -> ReportDocument { BatchReport.document(try BatchResults.read(folder: PlanFixtures.batch)) }

    @Test("The table gives every scenario's installed capacity per dimension, equal to build_plans.csv")
    func table() throws {
        let document = try Self.document()
        #expect(document.headings.prefix(2) == ["Scenarios", "Build plans across scenarios"])
        let table = try #require(document.table(captioned: "Installed capacity of each scenario's plan"))
        #expect(table.header == ["scenario", "renewables[0].build.capex_usd_per_kw", "investment.discount_rate", "SMR modules (modules)",
                                 "utility (grid feed) power (MW)", "solar (renewable) power (MW)", "bess (battery) power (MW)",
                                 "bess (battery) energy (MWh)"])
        #expect(table.rows.count == 7)
        let csv = try PlanFixtures.csvRows(PlanFixtures.batch.appendingPathComponent("build_plans.csv"))
        let columns = [("smr", "units"), ("utility", "power_mw"), ("solar", "power_mw"), ("bess", "power_mw"), ("bess", "energy_mwh")]
        for (index, row) in table.rows.prefix(6).enumerated() {
            for (offset, column) in columns.enumerated() {
                let line = try #require(csv.first { $0["scenario_id"] == "p\(index + 1)" && $0["name"] == column.0 && $0["dimension"] == column.1 })
                #expect(abs(PlanFixtures.number(row[3 + offset])! - Double(line["installed"]!)!) <= 0.005)
            }
        }
        #expect(Array(table.rows[6][3...]) == ["–", "–", "–", "–", "–"], "the failed scenario has no plan")
        #expect(document.paragraphs.contains("Not built in any scenario: SMR modules (modules)."))
    }

    @Test("One grouped bar chart per unit shows how each dimension answers the swept assumptions")
    func charts() throws {
        let document = try Self.document()
        #expect(document.charts.map(\.id).filter { $0.hasPrefix("plans-") } == ["plans-power-mw", "plans-energy-mwh"])
        let power = try #require(document.chart("plans-power-mw"))
        guard case .categories(let title, let names) = power.x else { Issue.record("not categorical"); return }
        #expect(title == "renewables[0].build.capex_usd_per_kw / investment.discount_rate")
        #expect(names == ["700 / 0.05", "700 / 0.1", "1,100 / 0.05", "1,100 / 0.1", "1,500 / 0.05", "1,500 / 0.1", "1,900 / 0.05"])
        var solar: [Double] = []
        for case .bars(let x, _, let high, let style, let width, _) in power.layers {
            #expect(width < 0.8 / 3 + 1e-12, "three bars side by side in each scenario's slot")
            #expect(x.count == 7)
            if style.name == "solar (renewable)" { solar = high }
        }
        let expected = PlanFixtures.capexValues.flatMap { capex in PlanFixtures.rateValues.map { PlanFixtures.solarMW(capex, $0) } }
        #expect(Array(solar.prefix(6)) == expected && solar[6].isNaN)
        let census = expectWellFormed(power, unit: "MW")
        #expect(census.classes["failed"] == 1)
        // Three dimensions in six scenarios, less the two without solar.
        #expect(census.classes["column"] == 3 * 6 - expected.filter { $0 == 0 }.count)
    }

    @Test("A batch without build_plans.csv has no plan section")
    func operatingBatch() throws {
        let document = BatchReport.document(try BatchResults.read(folder: InfeasibleBatchFixture.folder))
        #expect(!document.headings.contains("Build plans across scenarios"))
        #expect(!document.charts.contains { $0.id.hasPrefix("plans-") })
    }

    @Test("A plan for a scenario summary.csv does not list is refused with the file, column and row")
    func unknownScenario() throws {
        let folder = try ReportFixtures.temporaryFolder("plan-batch-unknown")
        try FileManager.default.copyItem(at: PlanFixtures.batch.appendingPathComponent("summary.csv"), to: folder.appendingPathComponent("summary.csv"))
        var lines = try String(contentsOf: PlanFixtures.batch.appendingPathComponent("build_plans.csv"), encoding: .utf8).split(separator: "\n")
        lines[3] = "zz" + lines[3].dropFirst(2)
        try PlanFixtures.write(lines.joined(separator: "\n") + "\n", "build_plans.csv", in: folder)
        #expect {
            _ = try ReportWriter.document(folder: folder)
        } throws: { error in
            let failure = error as? ReportInputError
            return failure?.file.hasSuffix("build_plans.csv") == true && failure?.column == "scenario_id" && failure?.row == 3
                && failure?.message == "scenario \"zz\" is not in summary.csv"
        }
    }
}
