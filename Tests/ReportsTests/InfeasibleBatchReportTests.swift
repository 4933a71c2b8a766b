import Foundation
import Testing
@testable import Reports
@testable import Scheduling

/// A sweep where some scenarios are infeasible, a swept value is missing (no carbon cap) and two
/// scenarios differ in emissions by solver noise: the report must still draw every line.
enum InfeasibleBatchFixture {
    static let caps = ["", "3000.0", "1000.0"]           // unsorted, with a missing value, as batch runs write them
    static let batteries = [100.0, 400, 800]

    static let folder: URL = {
        let folder = try! ReportFixtures.temporaryFolder("infeasible-batch")
        let kpis = ["objective_usd", "emissions_t", "cfe_score", "pue", "grid_import_mwh", "inference_served_share",
                    "training_delivered_share"]
        let header = BatchResults.leadingColumns + ["carbon.cap_t", "batteries[0].energy_mwh"] + kpis + ["total_seconds"]
        var lines = [header.joined(separator: ",")]
        var index = 0
        for cap in caps {
            for energy in batteries {
                index += 1
                let id = "s\(index)", name = "cap-\(cap.isEmpty ? "none" : cap)-bess\(Int(energy))"
                // The tightest cap with the smallest battery (and one more) cannot be met.
                if cap == "1000.0" && energy < 800 {
                    let message = "carbon cap 1000 t cannot be met: the least achievable is 1843.2 t\n2025-07-15T02:00Z: demand exceeds available supply by 12.5 MW (short in 37 steps, 211.4 MWh in all); lower the SMR minimum stable load or allow export"
                    lines.append(([id, name, "infeasible", message, cap, "\(energy)"] + kpis.map { _ in "" } + ["0.4"])
                        .map(RunWriter.csvField).joined(separator: ","))
                    continue
                }
                let capValue = Double(cap) ?? 6000
                // Emissions at the cap when it binds; the two 800 MWh runs at the 3000 t cap differ by 1e-5 t (noise).
                let emissions = min(capValue, 5000 - energy) + (cap == "3000.0" && energy == 800 ? 1e-5 : 0)
                let cost = 2_000_000 - energy * 150 + (6000 - capValue) * 40
                let values = [cost, emissions, 0.6 + energy / 4000, 1.1, 900 - energy / 2, 1, 1]
                lines.append(([id, name, "optimal", "", cap, "\(energy)"] + values.map { "\($0)" } + ["0.5"]).joined(separator: ","))
            }
        }
        // The noise twin: same emissions as s5 but 1e-5 t lower and dearer.
        try! (lines.joined(separator: "\n") + "\n").write(to: folder.appendingPathComponent("summary.csv"), atomically: true, encoding: .utf8)
        return folder
    }()
}

@Suite("Batch report with infeasible scenarios, missing swept values and noisy emissions")
struct InfeasibleBatchReportTests {
    static func batch() throws -> BatchResults { try BatchResults.read(folder: InfeasibleBatchFixture.folder) }

    @Test("every parameter chart keeps its lines, with a gap and a cross for each infeasible scenario")
    func linesSurvive() throws {
        let batch = try Self.batch()
        #expect(batch.scenarios.filter { !$0.succeeded }.count == 2)
        let document = BatchReport.document(batch)
        let sweeps = document.charts.filter { $0.id.hasPrefix("sweep-") }
        #expect(sweeps.count == 8)
        for chart in sweeps {
            let census = XMLCensus(ChartRenderer.svg(chart, standalone: true))
            #expect(census.error == nil)
            #expect((census.classes["line"] ?? 0) >= 2, "\(chart.id) has \(census.classes["line"] ?? 0) lines")
            #expect(census.classes["failed"] == 1, "\(chart.id): no marker for the infeasible scenarios")
        }
    }

    @Test("a swept value that is missing reads none, and the axis is sorted")
    func sortedAxisWithNone() throws {
        let batch = try Self.batch()
        let chart = BatchReport.parameterChart(batch, parameter: 0, name: "carbon.cap_t", kpi: BatchReport.mainKPIs[0], scenarios: batch.scenarios)
        guard case .categories(_, let names) = chart.x else {
            Issue.record("expected a category axis, got \(chart.x)")
            return
        }
        #expect(names == ["none", "1,000", "3,000"])
        let table = try #require(BatchReport.document(batch).blocks.compactMap { if case .table(let table) = $0 { table } else { nil } }.first)
        #expect(table.rows.map { $0[2] }.contains("none"))
        #expect(!table.rows.map { $0[2] }.contains("null"))
    }

    @Test("infeasibility messages are cut to one short line in the table (the full text stays in summary.csv)")
    func shortMessages() throws {
        let document = BatchReport.document(try Self.batch())
        let table = try #require(document.blocks.compactMap { if case .table(let table) = $0 { table } else { nil } }.first)
        for row in table.rows where row[1].hasPrefix("infeasible") {
            #expect(!row[1].contains("\n"))
            #expect(row[1].count <= "infeasible: ".count + BatchReport.messageCharacters + 2)
        }
    }

    @Test("emissions 1e-5 t apart are one level on the Pareto front: the dearer scenario is not on it")
    func emissionsTolerance() throws {
        let x = [3000.0, 3000.00001, 2000], y = [1.0e6, 0.9e6, 1.5e6]
        #expect(ParetoFront.indices(x: x, y: y) == [2, 0, 1])
        #expect(ParetoFront.indices(x: x, y: y, absoluteToleranceX: BatchReport.emissionsToleranceTonnes) == [2, 1])
    }

    @Test("point labels on the Pareto chart never overlap")
    func labelsDoNotOverlap() throws {
        // Ten front points close together: each label either has its own place or is left out.
        let scenarios = (0..<10).map { index in
            BatchResults.Scenario(id: "s\(index)", name: "a-long-scenario-name-\(index)", status: "optimal", message: "",
                                  parameters: [], values: ["objective_usd": 1e6 - Double(index) * 1e3, "emissions_t": 1000 + Double(index) * 2])
        }
        let svg = ChartRenderer.svg(BatchReport.paretoChart(scenarios), standalone: true)
        var boxes: [(Double, Double, Double, Double)] = []
        let pattern = try NSRegularExpression(pattern: #"<text class="point-label" x="([-0-9.]+)" y="([-0-9.]+)"[^>]*text-anchor="(start|end)">([^<]*)</text>"#)
        for match in pattern.matches(in: svg, range: NSRange(svg.startIndex..., in: svg)) {
            func group(_ index: Int) -> String { String(svg[Range(match.range(at: index), in: svg)!]) }
            let x = Double(group(1))!, y = Double(group(2))!, width = 6.2 * Double(group(4).count)
            let left = group(3) == "end" ? x - width : x
            boxes.append((left, left + width, y - 10, y + 2))
        }
        #expect(!boxes.isEmpty)
        for i in boxes.indices {
            for j in boxes.indices where j > i {
                let a = boxes[i], b = boxes[j]
                #expect(!(a.0 < b.1 && b.0 < a.1 && a.2 < b.3 && b.2 < a.3), "labels \(i) and \(j) overlap")
            }
        }
    }
}
