import Foundation
import Testing
@testable import Island

/// `flexibility.demand_response`: contracts load into typed events, and bad contracts are
/// refused with their key path (and the events file's row).
@Suite("Demand-response contracts load or are refused with their key path")
struct DemandResponseLoaderTests {
    static func contract(_ body: String) -> String {
        """
        flexibility:
          demand_response:
            - name: utility
              baseline_mw: 10
        \(body.split(separator: "\n").map { "      " + $0 }.joined(separator: "\n"))
        """
    }

    @Test("an events file gives events on the step grid; reduce_to_mw commits baseline minus the level")
    func eventsFile() throws {
        let scratch = try Scratch()
        try scratch.write("events.csv", "start_utc,end_utc\n2025-01-01T01:00Z,2025-01-01T03:00Z\n")
        let site = try scratch.load(MinimalSite.yaml(Self.contract("""
            reduce_to_mw: 4
            penalty_usd_per_mwh: 500
            payment_usd_per_mw_year: 1000
            notice_hours: 2
            events_file: events.csv
            """)))
        let contract = try #require(site.flexibility?.demandResponse.first)
        #expect(contract.commitment == .fixed(6))
        #expect(contract.events.count == 1)
        #expect(DemandResponseContract.steps(of: contract.events[0], in: site.horizon) == 1..<3)
        #expect(contract.noticeHours == 2)
    }

    @Test("overlapping, outside-horizon and off-grid events are refused with their row", arguments: [
        ("2025-01-01T00:00Z,2025-01-01T02:00Z\n2025-01-01T01:00Z,2025-01-01T03:00Z", 2, "overlaps"),
        ("2025-01-01T02:00Z,2025-01-01T06:00Z", 1, "outside the horizon"),
        ("2025-01-01T00:30Z,2025-01-01T02:00Z", 1, "step boundary"),
        ("2025-01-01T02:00Z,2025-01-01T01:00Z", 1, "must end after it starts"),
    ])
    func badEvents(rows: String, row: Int, message: String) throws {
        let scratch = try Scratch()
        try scratch.write("events.csv", "start_utc,end_utc\n" + rows + "\n")
        let issues = try scratch.issues(MinimalSite.yaml(Self.contract("""
            reduce_by_mw: 3
            penalty_usd_per_mwh: 500
            events_file: events.csv
            """)))
        let issue = try #require(issues.single(at: "flexibility.demand_response[0].events_file"))
        #expect(issue.row == row, "\(issue.description)")
        #expect(issue.dataFile == "events.csv")
        #expect(issue.message.contains(message), "\(issue.message)")
    }

    @Test("an events file with a per-event amount column is refused, not half-read")
    func extraColumn() throws {
        let scratch = try Scratch()
        try scratch.write("events.csv", "start_utc,end_utc,reduce_by_mw\n2025-01-01T01:00Z,2025-01-01T02:00Z,3\n")
        let issues = try scratch.issues(MinimalSite.yaml(Self.contract("""
            reduce_by_mw: 3
            penalty_usd_per_mwh: 500
            events_file: events.csv
            """)))
        let issue = try #require(issues.single(at: "flexibility.demand_response[0].events_file"))
        #expect(issue.message.contains("unexpected column \"reduce_by_mw\""), "\(issue.message)")
    }

    @Test("negative and inconsistent megawatts are refused with their key path", arguments: [
        ("reduce_by_mw: -2", "reduce_by_mw", "must be in (0"),
        ("reduce_by_mw: 12", "reduce_by_mw", "must be <= baseline_mw"),
        ("reduce_to_mw: 10", "reduce_to_mw", "must be below baseline_mw"),
        ("max_reduce_by_mw: 0", "max_reduce_by_mw", "must be in (0"),
    ])
    func badMegawatts(line: String, key: String, message: String) throws {
        let scratch = try Scratch()
        try scratch.write("events.csv", "start_utc,end_utc\n2025-01-01T01:00Z,2025-01-01T02:00Z\n")
        let issues = try scratch.issues(MinimalSite.yaml(Self.contract("""
            \(line)
            penalty_usd_per_mwh: 500
            events_file: events.csv
            """)))
        let issue = try #require(issues.single(at: "flexibility.demand_response[0].\(key)"))
        #expect(issue.message.contains(message), "\(issue.message)")
    }

    @Test("a negative baseline and a missing penalty are named")
    func missingAndNegative() throws {
        let issues = try Scratch().issues(MinimalSite.yaml("""
            flexibility:
              demand_response:
                - {name: a, baseline_mw: -1, reduce_by_mw: 1, budget: {hours_per_year: 8760, events_per_year: 8760, duration_hours: 1}}
            """))
        #expect(issues.single(at: "flexibility.demand_response[0].baseline_mw")?.message.contains("must be >= 0") == true)
        #expect(issues.single(at: "flexibility.demand_response[0].penalty_usd_per_mwh")?.message.contains("missing") == true)
    }

    @Test("two reduction forms, or events_file with a budget, are refused")
    func exclusiveForms() throws {
        let issues = try Scratch().issues(MinimalSite.yaml(Self.contract("""
            reduce_by_mw: 2
            reduce_to_mw: 5
            penalty_usd_per_mwh: 1
            events_file: events.csv
            budget: {hours_per_year: 10, events_per_year: 1, duration_hours: 1}
            """)))
        #expect(issues.single(at: "flexibility.demand_response[0].reduce_to_mw")?.message.contains("not reduce_by_mw and reduce_to_mw") == true)
        #expect(issues.single(at: "flexibility.demand_response[0].budget")?.message.contains("not both") == true)
    }

    @Test("a budget draws the highest-price windows after the notice, without overlap")
    func budgetHighestPrice() throws {
        // 4 one-hour steps priced 50, 90, 80, 10 (MinimalSite has a flat price; give a series).
        let scratch = try Scratch()
        try scratch.write("prices.csv", "price\n50\n90\n80\n10\n")
        let grid = """
              - name: utility
                import_capacity_mw: 100
                price_usd_per_mwh: {file: prices.csv, column: price}
                carbon_intensity_g_per_kwh: 300
            """
        // 8760 events a year of 1 h, 4 h horizon: min(8760, 8760/1) x 4/8760 = 4 events wanted;
        // with 2 h of notice only steps 2 and 3 may start one: step 2 (80) first, then step 3.
        let site = try scratch.load(MinimalSite.yaml("""
            flexibility:
              demand_response:
                - {name: a, baseline_mw: 10, reduce_by_mw: 1, penalty_usd_per_mwh: 5, notice_hours: 2,
                   budget: {hours_per_year: 8760, events_per_year: 8760, duration_hours: 1}}
            """, grid: grid))
        let events = try #require(site.flexibility?.demandResponse.first?.events)
        #expect(events.map { DemandResponseContract.steps(of: $0, in: site.horizon) } == [2..<3, 3..<4])
        #expect(site.warnings.contains { $0.message.contains("room for 2 of the 4 events") })
    }

    @Test("calendar rule: highest mean price windows, then seeded random draws that repeat with the seed")
    func calendarRules() {
        let price: [Double] = [1, 5, 9, 2, 8, 8, 0, 3]
        // Two-step windows: means 3, 7, 5.5, 5, 8, 4, 1.5 -> take 4..<6 (8), then 1..<3 (7).
        #expect(EventCalendar.draw(count: 2, durationSteps: 2, earliestStep: 0, price: price, rule: .highestPrice, seed: 0) == [1, 4])
        let first = EventCalendar.draw(count: 3, durationSteps: 2, earliestStep: 0, price: price, rule: .random, seed: 42)
        let again = EventCalendar.draw(count: 3, durationSteps: 2, earliestStep: 0, price: price, rule: .random, seed: 42)
        #expect(first == again)
        #expect(first.count == 3)
        for (a, b) in zip(first, first.dropFirst()) { #expect(b >= a + 2, "events overlap: \(first)") }
        #expect(EventCalendar.eventCount(.init(hoursPerYear: 100, eventsPerYear: 30, durationHours: 4, noticeHours: 0, rule: .random, seed: 0),
                                         years: 1) == 25)
    }
}
