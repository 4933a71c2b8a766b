import Foundation
import Testing
@testable import Island

/// A site of `days` whole days with the `aggregation` section (and anything else) appended.
private func days(_ count: Int, _ extra: String) -> String {
    MinimalSite.yaml(extra).replacingOccurrences(of: "steps: 4", with: "steps: \(24 * count)")
}

@Suite("The aggregation section (representative days)")
struct AggregationInputTests {
    @Test("a valid section loads with its defaults: k-medoids, UTC days, no extreme days")
    func loads() throws {
        let site = try Scratch().load(days(10, "aggregation: {representative_days: 4}"))
        let aggregation = try #require(site.aggregation)
        #expect(aggregation == TimeAggregation(representativeDays: 4, method: .kMedoids, utcOffsetHours: 0, extremeDays: [], rescale: false))
        let extreme = try Scratch().load(days(10, "aggregation: {representative_days: 4, utc_offset_hours: -6, extreme_days: [peak_load, lowest_renewable]}"))
        #expect(extreme.aggregation?.extremeDays == [.peakLoad, .lowestRenewable] && extreme.aggregation?.utcOffsetHours == -6)
    }

    @Test("bad values name aggregation's key and its line", arguments: [
        ("aggregation: {representative_days: 0}", "aggregation.representative_days", "must be in [1, 100000] days"),
        ("aggregation: {representative_days: 11}", "aggregation.representative_days", "at most the 10 whole days"),
        ("aggregation: {representative_days: 10, extreme_days: [peak_load]}", "aggregation.representative_days", "less the 1 extreme day"),
        ("aggregation: {representative_days: 2.5}", "aggregation.representative_days", "whole number"),
        ("aggregation: {method: k_means, representative_days: 2}", "aggregation.method", "k_medoids"),
        ("aggregation: {representative_days: 2, extreme_days: [hottest]}", "aggregation.extreme_days[0]", "peak_load"),
        ("aggregation: {representative_days: 2, utc_offset_hours: 20}", "aggregation.utc_offset_hours", "14"),
        ("aggregation: {days: 2}", "aggregation.days", "unknown key"),
        ("aggregation: {representative_days: 2, rescale: 1}", "aggregation.rescale", "true or false"),
    ])
    func badValues(section: String, keyPath: String, fragment: String) throws {
        let issues = try Scratch().issues(days(10, section))
        let issue = try #require(issues.single(at: keyPath))
        #expect(issue.message.contains(fragment), "\(issue.message)")
        #expect(issue.line != nil)
    }

    @Test("K below the kinds of day is refused: a job's window makes its days a kind of their own")
    func tooFewForTheKinds() throws {
        let job = """
            workloads:
              training_jobs:
                - {name: job, energy_mwh: 10, release_utc: 2025-01-03T00:00Z, deadline_utc: 2025-01-05T00:00Z, max_power_mw: 5}
            """
        let issues = try Scratch().issues(days(10, job + "\naggregation: {representative_days: 1}"))
        #expect(try #require(issues.single(at: "aggregation.representative_days")).message.contains("at least 2"))
        #expect(try Scratch().issues(days(10, job + "\naggregation: {representative_days: 2}")).isEmpty)
    }

    @Test("features a representative day cannot stand for are refused at their key", arguments: [
        ("""
         smr: {units: 1, capacity_mw_per_unit: 10, marginal_cost_usd_per_mwh: 10, commitment: integer, min_up_hours: 4}
         """, "smr.commitment"),
        ("""
         workloads:
           training_jobs:
             - {name: job, energy_mwh: 10, release_utc: 2025-01-01T00:00Z, deadline_utc: 2025-01-10T00:00Z, max_power_mw: 5, min_power_mw: 1, pause: {}}
         """, "workloads.training_jobs[0].pause"),
        ("""
         flexibility:
           demand_response:
             - {name: dr, baseline_mw: 50, reduce_by_mw: 5, payment_usd_per_mw_year: 1000, penalty_usd_per_mwh: 100,
                budget: {hours_per_year: 100, events_per_year: 20, duration_hours: 2}}
         """, "flexibility.demand_response"),
    ])
    func unsupportedFeatures(feature: String, keyPath: String) throws {
        let issues = try Scratch().issues(days(10, feature + "\naggregation: {representative_days: 3}"))
        let issue = try #require(issues.single(at: keyPath))
        #expect(issue.message.contains("cannot be represented by representative days"), "\(issue.message)")
        // Without aggregation the same feature loads.
        #expect(try Scratch().issues(days(10, feature)).isEmpty)
    }
}
