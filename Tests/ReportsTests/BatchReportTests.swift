import Foundation
import Testing
@testable import Reports

@Suite("Batch report: summary table, Pareto front, swept parameters")
struct BatchReportTests {
    @Test("summary.csv is split into the leading columns, swept key paths and results")
    func columns() throws {
        let batch = try BatchResults.read(folder: ReportFixtures.batch)
        #expect(batch.parameterNames == ["carbon.price_usd_per_t", "batteries[0].energy_mwh"])
        #expect(!batch.valueNames.contains { $0.contains(".") })
        #expect(batch.valueNames.contains("objective_usd") && batch.valueNames.last?.hasSuffix("_seconds") == true)
        #expect(batch.scenarios.count == 7)
        #expect(batch.scenarios.filter(\.succeeded).count == 6)
        #expect(batch.scenarios[1].parameters == [.number(0), .number(400)])
    }

    @Test("The report has the table, the Pareto chart and each swept parameter against four KPIs")
    func document() throws {
        let document = BatchReport.document(try BatchResults.read(folder: ReportFixtures.batch))
        let ids = document.charts.map(\.id)
        #expect(ids.first == "pareto")
        #expect(ids.filter { $0.hasPrefix("sweep-carbon-price-usd-per-t-") }.count == 4)
        #expect(ids.filter { $0.hasPrefix("sweep-batteries-0--energy-mwh-") }.count == 4)
        let table = try #require(document.blocks.compactMap { if case .table(let table) = $0 { table } else { nil } }.first)
        #expect(table.rows.count == 7)
        #expect(table.header.prefix(4) == ["scenario", "status", "carbon.price_usd_per_t", "batteries[0].energy_mwh"])
        #expect(table.rows[6][1] == "infeasible: cannot meet inference in 168 steps")
    }

    @Test("The Pareto chart marks exactly the non-dominated scenarios and labels them")
    func paretoChart() throws {
        let batch = try BatchResults.read(folder: ReportFixtures.batch)
        let succeeded = batch.scenarios.filter(\.succeeded)
        let front = ParetoFront.indices(x: succeeded.map { $0.values["emissions_t"]! }, y: succeeded.map { $0.values["objective_usd"]! })
        let chart = BatchReport.paretoChart(succeeded)
        let census = XMLCensus(ChartRenderer.svg(chart, standalone: true))
        #expect(census.error == nil)
        #expect(census.classes["point"] == succeeded.count + front.count)
        for index in front { #expect(census.texts.contains(succeeded[index].name)) }
        #expect(census.texts.contains("Emissions (kt CO₂e)"))
        #expect(census.texts.contains("Total cost (million USD)"))
    }

    @Test("With two swept parameters, each KPI chart draws one line per value of the other")
    func groupedLines() throws {
        let document = BatchReport.document(try BatchResults.read(folder: ReportFixtures.batch))
        let chart = try #require(document.charts.first { $0.id == "sweep-batteries-0--energy-mwh-objective-usd" })
        let census = XMLCensus(ChartRenderer.svg(chart))
        #expect(census.error == nil)
        #expect(census.classes["line"] == 2)
        #expect(census.texts.contains("carbon.price_usd_per_t = 0") && census.texts.contains("carbon.price_usd_per_t = 1,000"))
        #expect(census.texts.contains("batteries[0].energy_mwh"))
    }

    @Test("A batch summary with a row of the wrong width names the file and row")
    func ragged() throws {
        let folder = try ReportFixtures.temporaryFolder("ragged")
        try "scenario_id,scenario_name,status,message,carbon.cap_t,objective_usd,emissions_t\ns1,a,optimal,,10,5,3\ns2,b,optimal,,20,4\n"
            .write(to: folder.appendingPathComponent("summary.csv"), atomically: true, encoding: .utf8)
        #expect {
            _ = try ReportWriter.document(folder: folder)
        } throws: { error in
            let failure = error as? ReportInputError
            return failure?.row == 2 && failure?.line == 3 && failure?.message == "row has 6 fields; the header has 7"
        }
    }
}
