import Foundation
import Island
import Optimization
import Scheduling
import Testing

/// Curtailment-enabled headroom (docs/formulation.md, 4.12) on the hand-solvable site of
/// ``DemandResponseTests``: import c x IT, 1 MW of inference in both hours, a 1 MWh job that the
/// least-cost schedule runs in the cheap hour 1, so r = [c, 2c], P = 2c, E = 3c MWh.
///
/// Holding import to F < 2c moves d = 2c - F MWh of import (d / c of the job) from hour 1 to hour
/// 0, which curtails d against the reference; the budget allows d <= b x 3c, and F can fall no
/// lower than the flat 1.5c. So F = 2c - min(3cb, c/2), and the cheapest schedule at F pays
/// (100 - 40) USD per MWh moved: added cost 60 d.
@Suite("Curtailment-enabled headroom")
struct CurtailmentHeadroomTests {
    @Test("the firm import matches the hand solution and falls as the budget grows")
    func handSolved() throws {
        let site = try DemandResponseTests.site(contract: "")
        let (c, _, _) = try DemandResponseTests.reference()
        let budgets = [0.25, 1, 10, 20, 50]
        let table = try CurtailmentHeadroom.compute(site: site, budgetsPercent: budgets)
        #expect(abs(table.referencePeakImportMW - 2 * c) < 1e-7)
        #expect(abs(table.referenceImportMWh - 3 * c) < 1e-7)
        for (budget, row) in zip(budgets, table.rows) {
            let moved = min(3 * c * budget / 100, c / 2)
            let firm = try #require(row.firmImportMW)
            #expect(abs(firm - (2 * c - moved)) < 1e-5, "budget \(budget) %: F \(firm), expected \(2 * c - moved)")
            #expect(abs(row.headroomMW! - moved) < 1e-5)
            #expect(abs(row.curtailedMWh! - moved) < 1e-5)
            #expect(row.curtailedHours == 1)
            #expect(abs(row.addedCostUSD! - 60 * moved) < 1e-4)
        }
        let firms = table.rows.compactMap(\.firmImportMW)
        for (smaller, larger) in zip(firms, firms.dropFirst()) { #expect(larger <= smaller + 1e-9) }
    }

    @Test("a site that cannot move any load frees no headroom at any budget")
    func inflexible() throws {
        // Inference only, no value of lost service, no storage or backup: import is fixed.
        let site = try DemandResponseTests.site(contract: "").withoutTraining()
        let table = try CurtailmentHeadroom.compute(site: site, budgetsPercent: CurtailmentHeadroom.defaultBudgetsPercent + [5])
        for row in table.rows {
            #expect(row.status == .optimal)
            #expect(abs(row.headroomMW ?? .nan) < 1e-6, "budget \(row.budgetPercent) %: \(String(describing: row.headroomMW))")
            #expect(abs(row.curtailedMWh ?? .nan) < 1e-6)
        }
    }

    @Test("headroom.csv has one row per budget with the documented columns")
    func csv() throws {
        let table = try CurtailmentHeadroom.compute(site: try DemandResponseTests.site(contract: ""), budgetsPercent: [0.5, 1])
        let lines = table.csv().split(separator: "\n")
        #expect(lines.first == "budget_percent,status,firm_import_mw,headroom_mw,curtailed_mwh,curtailed_hours,added_cost_usd,reference_peak_import_mw,reference_import_mwh")
        #expect(lines.count == 3)
        #expect(lines[1].hasPrefix("0.5,optimal,"))
    }
}

extension Site {
    /// The site with its training jobs removed.
    func withoutTraining() -> Site {
        var site = self
        site.trainingJobs = []
        return site
    }
}
