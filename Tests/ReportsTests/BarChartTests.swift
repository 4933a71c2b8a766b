import Foundation
import Testing
@testable import Reports

@Suite("Bar charts")
struct BarChartTests {
    @Test("Category names too wide for their slot are slanted and the chart grows to hold them; short ones stay level")
    func slantedLabels() throws {
        func chart(_ names: [String]) -> Chart {
            Chart(id: "bars", title: "Bars", x: .categories(title: "Scenario", names: names), left: .init("Value", unit: "MW"),
                  layers: [.bars(x: names.indices.map(Double.init), low: names.map { _ in 0 }, high: names.indices.map { Double($0 + 1) },
                                 style: Chart.Style("Value", colour: "#0072b2"), width: 0.6, labels: nil)], height: 300)
        }
        let short = ChartRenderer.svg(chart(["a", "b", "c"]))
        #expect(short.contains("height=\"300\"") && !short.contains("rotate(-35"))
        let long = ChartRenderer.svg(chart((1...8).map { "capex_usd_per_kw=\($0)00 discount_rate=0.0\($0) and a very long tail" }))
        #expect(long.contains("rotate(-35"))
        #expect(!long.contains("height=\"300\""), "the chart grows")
        let census = XMLCensus(long)
        #expect(census.error == nil)
        #expect(census.texts.contains("capex_usd_per_kw=100 discount_r…"), "names are cut at 32 characters")
        #expect(census.classes["column"] == 8)
    }
}
