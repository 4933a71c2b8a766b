import Foundation
import Testing
@testable import Island

/// Training windows (`run_hours`, `run_days`, `workloads.timezone`), shares, pause and groups:
/// how a window reads in local time, and every bad input named with its key path.
@Suite("Training windows, pauses and groups: reading and bad input")
struct TrainingInputTests {
    static func epoch(_ text: String) -> Int64 { Timestamps.epochSeconds(text)! }

    @Test("A window that wraps midnight belongs to the day it opens")
    func wrapsIntoNextDay() {
        // 2025-01-10 is a Friday.
        let fridayNights = TrainingWindow(openMinute: 22 * 60, closeMinute: 6 * 60, days: [4])
        #expect(fridayNights.contains(epochSeconds: Self.epoch("2025-01-10T23:00Z")))
        #expect(fridayNights.contains(epochSeconds: Self.epoch("2025-01-11T02:00Z")))
        #expect(!fridayNights.contains(epochSeconds: Self.epoch("2025-01-10T02:00Z")))
        #expect(!fridayNights.contains(epochSeconds: Self.epoch("2025-01-11T23:00Z")))
        #expect(!fridayNights.contains(epochSeconds: Self.epoch("2025-01-11T06:00Z")))
        let saturday = TrainingWindow(openMinute: 0, closeMinute: 1440, days: [5])
        #expect(saturday.contains(epochSeconds: Self.epoch("2025-01-11T00:00Z")))
        #expect(saturday.contains(epochSeconds: Self.epoch("2025-01-11T23:45Z")))
        #expect(!saturday.contains(epochSeconds: Self.epoch("2025-01-10T23:45Z")))
    }

    @Test("An IANA zone follows daylight-saving time: 22:00 Paris is 21:00Z in January, 20:00Z in July")
    func namedZone() {
        let nights = TrainingWindow(openMinute: 22 * 60, closeMinute: 6 * 60, zone: .named("Europe/Paris"))
        #expect(nights.contains(epochSeconds: Self.epoch("2025-01-06T21:00Z")))
        #expect(!nights.contains(epochSeconds: Self.epoch("2025-01-06T20:00Z")))
        #expect(nights.contains(epochSeconds: Self.epoch("2025-07-07T20:00Z")))
        #expect(nights.contains(epochSeconds: Self.epoch("2025-07-08T03:00Z")))
        #expect(!nights.contains(epochSeconds: Self.epoch("2025-07-08T04:00Z")))
        let fixed = TrainingWindow(openMinute: 0, closeMinute: 60, zone: .fixedOffset(seconds: -5 * 3600))
        #expect(fixed.contains(epochSeconds: Self.epoch("2025-07-08T05:30Z")))
        #expect(!fixed.contains(epochSeconds: Self.epoch("2025-07-08T00:30Z")))
    }

    @Test("A job reads its window, share and pause; a group its members and cap")
    func readsEverything() throws {
        let site = try Scratch().load(MinimalSite.yaml("""
            workloads:
              timezone: Europe/Paris
              training_jobs:
                - {name: a, energy_mwh: 5, release_utc: 2025-01-01T00:00Z, deadline_utc: 2025-01-01T04:00Z, max_power_mw: 5, min_power_mw: 1,
                   run_hours: "00:00-03:00", run_days: [wed, Thursday], min_share_in_window: 0.4,
                   pause: {restart_energy_mwh: 0.5, restart_cost_usd: 100, min_run_hours: 2, model: relaxed}}
                - {name: b, energy_mwh: 2, release_utc: 2025-01-01T00:00Z, deadline_utc: 2025-01-01T04:00Z, max_power_mw: 2}
              training_groups:
                - {name: cluster, jobs: [a, b], max_power_mw: 6}
            """))
        let job = site.trainingJobs[0]
        #expect(job.runWindow == TrainingWindow(openMinute: 0, closeMinute: 180, days: [2, 3], zone: .named("Europe/Paris")))
        #expect(job.minShareInWindow == 0.4)
        #expect(job.pause == TrainingPause(restartEnergyMWh: 0.5, restartCostUSD: 100, minRunHours: 2, model: .relaxed))
        // 2025-01-01 (a Wednesday) 00:00Z is 01:00 in Paris: steps 0 and 1 are inside, 2 and 3 not.
        #expect(job.inWindow(site.horizon) == [true, true, false, false])
        #expect(job.mayRun(site.horizon) == [true, true, true, true])
        #expect(site.trainingGroups == [TrainingGroup(name: "cluster", jobs: ["a", "b"], maxPowerMW: [6, 6, 6, 6])])
    }

    static func job(_ extra: String, energy: Double = 2, release: String = "2025-01-01T00:00Z", deadline: String = "2025-01-01T04:00Z") -> String {
        """
        workloads:
          training_jobs:
            - {name: a, energy_mwh: \(energy), release_utc: \(release), deadline_utc: \(deadline), max_power_mw: 2\(extra)}
        """
    }

    @Test("Bad windows, shares, pauses and groups are named by key path", arguments: [
        (job(", run_hours: \"25:00-06:00\""), "workloads.training_jobs[0].run_hours", "expected HH:MM-HH:MM"),
        (job(", run_hours: \"01:30-03:00\""), "workloads.training_jobs[0].run_hours", "60-minute step grid"),
        (job(", run_days: [wed, funday]"), "workloads.training_jobs[0].run_days[1]", "expected a day"),
        (job(", run_hours: \"12:00-18:00\""), "workloads.training_jobs[0].run_hours", "never opens"),
        (job(", run_days: [mon]"), "workloads.training_jobs[0].run_days", "never opens"),
        (job(", run_hours: \"00:00-01:00\"", energy: 3), "workloads.training_jobs[0].run_hours", "at most 2 MWh fits"),
        (job(", min_share_in_window: 0.3"), "workloads.training_jobs[0].min_share_in_window", "needs run_hours or run_days"),
        (job(", run_hours: \"00:00-01:00\", min_share_in_window: 1.5"), "workloads.training_jobs[0].min_share_in_window", ""),
        (job(", run_hours: \"00:00-01:00\", min_share_in_window: 0.9", energy: 4), "workloads.training_jobs[0].min_share_in_window", "must fall inside the window"),
        (job(", pause: {restart_cost_usd: 5}"), "workloads.training_jobs[0].min_power_mw", "needs min_power_mw > 0"),
        (job(", min_power_mw: 1, pause: {model: sometimes}"), "workloads.training_jobs[0].pause.model", "expected one of"),
        (job(", min_power_mw: 1, pause: {restart_energy_mwh: -1}"), "workloads.training_jobs[0].pause.restart_energy_mwh", ""),
        (job(", min_power_mw: 1, pause: {min_run_hours: 5}"), "workloads.training_jobs[0].pause.min_run_hours", "never fits"),
        (job(", min_power_mw: 1, pause: {min_run_hours: 3, restart_energy_mwh: 0.5}"), "workloads.training_jobs[0].pause.min_run_hours", "draws 3 MWh, more than energy_mwh 2 plus one restart's 0.5 MWh"),
        (job(", min_power_mw: 1, pause: {restart_hours: -1}"), "workloads.training_jobs[0].pause.restart_hours", ""),
        (job(", min_power_mw: 1, pause: {restart_minutes: 30}"), "workloads.training_jobs[0].pause.restart_minutes", "unknown key"),
        (job(", min_power_mw: 0.5, pause: {restart_hours: 3}", energy: 3), "workloads.training_jobs[0].energy_mwh", "less one restart's lost time"),
        (job(", min_power_mw: 1") , "workloads.training_jobs[0].min_power_mw", "more than energy_mwh 2"),
        (job(", min_power_mw: 1, run_hours: \"00:00-03:00\"") , "workloads.training_jobs[0].min_power_mw", "add a pause section"),
        (job(", min_power_mw: 1, performance_curve: c, pause: {restart_cost_usd: 5}")
            + "\n  performance_curves:\n    c: {points: [[0.6, 0.84], [1, 1]], tokens_per_second_per_rack_at_full_power: 100}",
         "workloads.training_jobs[0].pause", "cannot pause yet"),
        (job("") + "\n  timezone: Mars/Olympus", "workloads.timezone", "IANA name"),
        (job("") + "\n  training_groups:\n    - {name: g, jobs: [a, c], max_power_mw: 1}", "workloads.training_groups[0].jobs[1]", "no training job is named \"c\""),
        (job("") + "\n  training_groups:\n    - {name: g, jobs: [a, a], max_power_mw: 1}", "workloads.training_groups[0].jobs[1]", "listed twice"),
        (job("") + "\n  training_groups:\n    - {name: g, jobs: [a], max_power_mw: 1}\n    - {name: g, jobs: [a], max_power_mw: 1}",
         "workloads.training_groups[1].name", "duplicate group name"),
        (job("") + "\n  training_groups:\n    - {name: g, jobs: [a]}", "workloads.training_groups[0].max_power_mw", "missing required key"),
    ])
    func badInput(yaml: String, keyPath: String, message: String) throws {
        let issues = try Scratch().issues(MinimalSite.yaml(yaml))
        let issue = try #require(issues.single(at: keyPath))
        #expect(issue.file.hasSuffix("site.yaml"))
        #expect(issue.line != nil)
        #expect(message.isEmpty || issue.message.contains(message), "\(issue.message)")
    }
}
