import Foundation
import Island
import Optimization
import Scheduling
import Testing

@Suite("Infeasible sites are explained")
struct InfeasibilityTests {
    @Test("Too little supply for must-serve inference names the hours and the shortfall")
    func supplyShortfall() throws {
        let site = try SiteFixtures.site("example-week", [
            ("smr.capacity_mw_per_unit", 5.0), ("grid_feeds[0].import_capacity_mw", 0.0), ("batteries[0].power_mw", 1.0),
        ])
        let outcome = try OperatingSolve.run(site)
        #expect(outcome.result.status == .infeasible)
        let report = try #require(outcome.infeasibility)
        #expect(report.explained)
        let finding = try #require(report.findings.first { $0.limit == "power_balance" || $0.limit == "inference_service" })
        #expect(finding.amount > 0)
        #expect(!finding.steps.isEmpty)
        #expect(finding.message.contains("MW short") || finding.message.contains("exceeds available supply"))
        #expect(finding.message.range(of: #"2025-07-\d\dT\d\d:00Z"#, options: .regularExpression) != nil)
    }

    @Test("An unreachable carbon cap reports the least achievable emissions")
    func carbonCap() throws {
        let site = try SiteFixtures.site("example-week", [("smr.capacity_mw_per_unit", 15.0), ("carbon.cap_t", 1.0)])
        let outcome = try OperatingSolve.run(site)
        #expect(outcome.result.status == .infeasible)
        let finding = try #require(outcome.infeasibility?.findings.first { $0.limit == "carbon_cap" })
        #expect(finding.message.hasPrefix("carbon cap 1 t cannot be met: the least achievable is "))
        #expect(finding.amount > 1)
    }
}
