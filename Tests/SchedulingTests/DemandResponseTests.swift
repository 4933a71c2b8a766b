import Foundation
import Island
import Optimization
import Scheduling
import Testing

/// Demand-response contracts on hand-solvable two-step sites (docs/formulation.md, 4.11).
///
/// The site: a 2 MW dc800 fleet with no idle draw, grid only, one busway chord (so the loss is
/// linear and the import is c x IT power for one constant c), 1 MW of inference in both hours and
/// a 1 MWh training job over both, at 100 USD/MWh in hour 0 and 40 USD/MWh in hour 1. Without a
/// contract the job runs in hour 1: import = [c, 2c]. An event in hour 1 at the level c (the
/// inference alone) is delivered by moving the job to hour 0 at (100 - 40) c USD, or not, paying
/// the penalty on the c MWh above the level.
@Suite("Demand-response contracts are delivered or their penalty paid")
struct DemandResponseTests {
    static let horizonYears = 2.0 / 8760

    static func site(contract: String) throws -> Site {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("insula-dr-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        try "price\n100\n40\n".write(to: folder.appendingPathComponent("prices.csv"), atomically: true, encoding: .utf8)
        try "start_utc,end_utc\n2025-01-01T01:00Z,2025-01-01T02:00Z\n".write(to: folder.appendingPathComponent("events.csv"),
                                                                           atomically: true, encoding: .utf8)
        let yaml = """
            name: dr-hand
            horizon: {start_utc: 2025-01-01T00:00Z, steps: 2, step_minutes: 60}
            grid_feeds:
              - {name: grid, import_capacity_mw: 10, price_usd_per_mwh: {file: prices.csv, column: price}, carbon_intensity_g_per_kwh: 400}
            power_distribution: {architecture: dc800, busway_loss_segments: 1}
            it_fleet: {racks: 10, power_per_rack_kw: 200}
            workloads:
              inference: {demand_mw: 1}
              training_jobs:
                - {name: job, energy_mwh: 1, release_utc: 2025-01-01T00:00Z, deadline_utc: 2025-01-01T02:00Z, max_power_mw: 1}
            cooling: {cop: 5}
            \(contract)
            """
        let file = folder.appendingPathComponent("site.yaml")
        try yaml.write(to: file, atomically: true, encoding: .utf8)
        return try SiteLoader.load(from: file)
    }

    /// Import per MW of IT power (the site's constant c) and the objective, from the site without contracts.
    static func reference() throws -> (importPerITMW: Double, objectiveUSD: Double, schedule: Schedule) {
        let (outcome, schedule) = try SiteFixtures.solve(try site(contract: ""))
        #expect(abs(schedule.steps[1].trainingMW - 1) < 1e-7, "the job runs in the cheap hour without a contract")
        return (schedule.steps[0].gridImportMW / schedule.steps[0].itMW, outcome.result.objectiveValue!, schedule)
    }

    @Test("penalty below the cost of delivering: the event is missed and the penalty paid on the excess", arguments: [10.0, 50.0])
    func penaltyPaid(penalty: Double) throws {
        let (c, base, _) = try Self.reference()
        let level = c  // the inference alone
        let site = try Self.site(contract: """
            flexibility:
              demand_response:
                - {name: utility, baseline_mw: \(2 * c + 1), reduce_to_mw: \(level), penalty_usd_per_mwh: \(penalty),
                   payment_usd_per_mw_year: 8760, events_file: events.csv}
            """)
        let (outcome, schedule) = try SiteFixtures.solve(site)
        let report = try #require(schedule.demandResponse)
        // Payment: 8760 USD/MW-year x (baseline - level) MW x 2/8760 years; penalty: c MWh above the level.
        let payment = 8760 * (c + 1) * Self.horizonYears
        #expect(abs(schedule.steps[1].trainingMW - 1) < 1e-7)
        #expect(abs(report.events[0].shortfallMWh - c) < 1e-7)
        #expect(!report.events[0].delivered)
        #expect(abs(report.totals.penaltyUSD - penalty * c) < 1e-6)
        #expect(abs(report.totals.paymentUSD - payment) < 1e-9)
        #expect(abs(outcome.result.objectiveValue! - (base + penalty * c - payment)) < 1e-6)
        #expect(report.totals.eventsDelivered == 0 && report.totals.events == 1)
    }

    @Test("penalty above the cost of delivering: the job moves out of the event and import stays at the level", arguments: [61.0, 1000.0])
    func delivered(penalty: Double) throws {
        let (c, base, reference) = try Self.reference()
        let site = try Self.site(contract: """
            flexibility:
              demand_response:
                - {name: utility, baseline_mw: \(2 * c), reduce_by_mw: \(c), penalty_usd_per_mwh: \(penalty), events_file: events.csv}
            """)
        let (outcome, schedule) = try SiteFixtures.solve(site)
        var report = try #require(schedule.demandResponse)
        #expect(abs(schedule.steps[0].trainingMW - 1) < 1e-7)
        #expect(schedule.steps[1].gridImportMW <= c + 1e-7, "import at or below the committed level in the event step")
        #expect(report.events[0].delivered && report.totals.penaltyUSD < 1e-6)
        #expect(abs(outcome.result.objectiveValue! - (base + 60 * c)) < 1e-6, "delivering costs (100 - 40) c")
        // What delivered it: the 1 MWh of training moved; cooling and losses the rest of c.
        report.attribute(with: schedule, reference: reference, site: site)
        let parts = try #require(report.events[0].attribution)
        #expect(abs(parts.importReductionMWh - c) < 1e-7)
        #expect(abs(parts.trainingMWh - 1) < 1e-7)
        #expect(abs(parts.totalMWh - parts.importReductionMWh) < 1e-7, "the parts add up to the reduction")
        #expect(abs(parts.coolingMWh + parts.lossesMWh - (c - 1)) < 1e-7)
        #expect(abs(parts.batteryMWh) < 1e-9 && abs(parts.inferenceShedMWh) < 1e-9)
        #expect(abs(report.totals.deliveryCostUSD! - 60 * c) < 1e-6)
    }

    @Test("a decided commitment stops where the payment per MW no longer covers the cost per MW")
    func decidedCommitment() throws {
        // Payment 438,000 USD/MW-year x 2/8760 years = 100 USD per MW committed. Reducing import by
        // moving training costs 60 USD per MW up to c MW; beyond that only the penalty (1000) would
        // deliver, so the optimum commits exactly c MW.
        let (c, base, _) = try Self.reference()
        let site = try Self.site(contract: """
            flexibility:
              demand_response:
                - {name: utility, baseline_mw: \(2 * c), max_reduce_by_mw: \(2 * c), penalty_usd_per_mwh: 1000,
                   payment_usd_per_mw_year: 438000, events_file: events.csv}
            """)
        let (outcome, schedule) = try SiteFixtures.solve(site)
        let report = try #require(schedule.demandResponse)
        #expect(abs(report.totals.committedMW - c) < 1e-6)
        #expect(abs(report.totals.paymentUSD - 100 * c) < 1e-5)
        #expect(abs(outcome.result.objectiveValue! - (base + 60 * c - 100 * c)) < 1e-6)
        #expect(report.events[0].delivered)
    }

    @Test("payment appears in summary.json's dr_ keys and the objective")
    func summaryKeys() throws {
        let site = try Self.site(contract: """
            flexibility:
              demand_response:
                - {name: utility, baseline_mw: 5, reduce_by_mw: 1, penalty_usd_per_mwh: 10, payment_usd_per_mw_year: 87600, events_file: events.csv}
            """)
        let (outcome, _) = try SiteFixtures.solve(site)
        let summary = RunSummary(site: site, outcome: outcome, insulaVersion: "test")
        let json = try JSONSerialization.jsonObject(with: try RunWriter.jsonEncoder().encode(summary)) as! [String: Any]
        #expect(abs((json["dr_payment_usd"] as! Double) - 20) < 1e-9, "87600 x 1 MW x 2/8760 years")
        #expect(json["dr_events"] as? Int == 1)
        #expect(Set(json.keys).isSubset(of: RunSummary.columnNames))
    }
}

@Suite("Demand-response model size")
struct DemandResponseSizeTests {
    @Test("the size estimate bounds the LP of the two-contract cross-check site")
    func estimateBounds() throws {
        let site = try SiteLoader.load(from: SiteFixtures.repositoryRoot.appendingPathComponent("tools/crosscheck/sites/demand-response.yaml"))
        let model = try SiteCompiler.compile(site)
        #expect(model.demandResponse.count == 2)
        #expect(model.demandResponse.flatMap(\.events).joined().count > 0)
        #expect(SiteCompiler.estimatedNonzeros(site, elastic: false) >= model.program.entryCount)
    }
}
