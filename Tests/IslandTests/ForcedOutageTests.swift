import Foundation
import Testing
@testable import Island

/// `smr.forced_outages` (docs/risk.md): each unit alternates exponential up times (mean MTTF =
/// MTTR (1 - FOR) / FOR) and exponential repairs (mean MTTR), starting out with probability
/// FOR; reproducible from (seed, draw, unit) with SplitMix64.
@Suite("SMR forced outages: the two-state Markov draw")
struct ForcedOutageDrawTests {
    static func epoch(_ text: String) -> Int64 {
        guard case .success(let value) = TimestampParser(zone: .utc).parse(Substring(text)) else { fatalError(text) }
        return value
    }

    static let year2025 = epoch("2025-01-01T00:00Z")

    @Test("stream seeds are SplitMix64 mixes of (seed, draw, unit), as an independent implementation computes them")
    func streamSeeds() {
        // Values from tools/outages/reference_draw.py (Python, written from docs/risk.md).
        #expect(ForcedOutageModel.streamSeed(seed: 1, draw: 1, unit: 0) == 0x5775_264A_9A7E_1B09)
        #expect(ForcedOutageModel.streamSeed(seed: 2025, draw: 3, unit: 2) == 0x6B09_13F3_9725_5B11)
    }

    @Test("a draw of the outage week is the reference implementation's, minute for minute")
    func referenceDraw() {
        let model = ForcedOutageModel(rate: 0.1, meanTimeToRepairHours: 36, seed: 2025, draw: 1)
        let start = Self.epoch("2025-07-14T00:00Z"), end = start + 168 * 3600
        let unit0 = model.outages(draw: 1, unit: 0, anchorEpochSeconds: Self.year2025, startEpochSeconds: start, endEpochSeconds: end)
        #expect(unit0.map(\.start) == [Self.epoch("2025-07-13T06:05Z"), Self.epoch("2025-07-18T19:03Z")])
        #expect(unit0.map(\.end) == [Self.epoch("2025-07-15T10:55Z"), Self.epoch("2025-07-19T19:09Z")])
        let unit2 = model.outages(draw: 1, unit: 2, anchorEpochSeconds: Self.year2025, startEpochSeconds: start, endEpochSeconds: end)
        #expect(unit2.map(\.start) == [Self.epoch("2025-07-19T09:12Z")] && unit2.map(\.end) == [Self.epoch("2025-07-19T18:20Z")])
        let draw2 = model.outages(draw: 2, unit: 0, anchorEpochSeconds: Self.year2025, startEpochSeconds: start, endEpochSeconds: end)
        #expect(draw2.isEmpty)
    }

    /// Over T unit-hours the time-average of a two-state Markov indicator has variance close to
    /// 2 p q / ((lambda + mu) T) = 2 p q^2 MTTR / T (p = FOR, q = 1 - p; lambda + mu = 1 / (q MTTR)),
    /// and the mean of N exponential repairs has standard deviation MTTR / sqrt(N): both are
    /// checked within five standard deviations.
    @Test("over 10 years x 40 draws the unavailable share is FOR and the mean repair MTTR, within 5 standard deviations",
          arguments: [(0.1, 24.0), (0.02, 72.0), (0.3, 6.0)])
    func longRun(rate: Double, repairHours: Double) {
        let model = ForcedOutageModel(rate: rate, meanTimeToRepairHours: repairHours, seed: 7)
        let start = Self.year2025, end = start + 87_600 * 3600
        var outHours = 0.0, repairs: [Double] = [], ups: [Double] = []
        let draws = 40
        for draw in 1...draws {
            let outages = model.outages(draw: draw, unit: 0, anchorEpochSeconds: start, startEpochSeconds: start, endEpochSeconds: end)
            for (index, outage) in outages.enumerated() {
                outHours += Double(min(outage.end, end) - outage.start) / 3600
                // Whole repairs only: not the one cut by the end of the span.
                if outage.end < end { repairs.append(Double(outage.end - outage.start) / 3600) }
                if index > 0 { ups.append(Double(outage.start - outages[index - 1].end) / 3600) }
            }
        }
        let totalHours = Double(draws) * 87_600
        let share = outHours / totalHours
        let shareSD = (2 * rate * (1 - rate) * (1 - rate) * repairHours / totalHours).squareRoot()
        #expect(abs(share - rate) < 5 * shareSD, "unavailable share \(share), FOR \(rate), sd \(shareSD)")
        let meanRepair = repairs.reduce(0, +) / Double(repairs.count)
        #expect(abs(meanRepair - repairHours) < 5 * repairHours / Double(repairs.count).squareRoot(),
                "mean repair \(meanRepair) h over \(repairs.count) outages, MTTR \(repairHours) h")
        let meanUp = ups.reduce(0, +) / Double(ups.count)
        #expect(abs(meanUp - model.meanTimeToFailureHours) < 5 * model.meanTimeToFailureHours / Double(ups.count).squareRoot(),
                "mean up time \(meanUp) h, MTTF \(model.meanTimeToFailureHours) h")
    }

    @Test("a unit is out with probability FOR at any instant (stationary start), within 5 standard deviations")
    func stationary() {
        let model = ForcedOutageModel(rate: 0.15, meanTimeToRepairHours: 48, seed: 11)
        let draws = 4_000
        for offsetHours in [0, 1, 500, 4_000] {
            let instant = Self.year2025 + Int64(offsetHours) * 3600
            var out = 0
            for draw in 1...draws {
                let outages = model.outages(draw: draw, unit: 3, anchorEpochSeconds: Self.year2025,
                                            startEpochSeconds: instant, endEpochSeconds: instant + 60)
                if outages.contains(where: { $0.start <= instant && $0.end > instant }) { out += 1 }
            }
            let share = Double(out) / Double(draws)
            #expect(abs(share - 0.15) < 5 * (0.15 * 0.85 / Double(draws)).squareRoot(), "\(offsetHours) h after the anchor: \(share) out")
        }
    }

    @Test("the same (seed, draw, unit) gives the same outages; another draw, unit or seed gives others; rate 0 gives none")
    func reproducible() {
        let model = ForcedOutageModel(rate: 0.1, meanTimeToRepairHours: 24, seed: 3)
        let start = Self.year2025, end = start + 8_760 * 3600
        func draw(_ model: ForcedOutageModel, _ draw: Int, _ unit: Int) -> [Int64] {
            model.outages(draw: draw, unit: unit, anchorEpochSeconds: start, startEpochSeconds: start, endEpochSeconds: end)
                .flatMap { [$0.start, $0.end] }
        }
        let first = draw(model, 5, 1)
        #expect(!first.isEmpty)
        #expect(draw(model, 5, 1) == first)
        #expect(draw(model, 6, 1) != first)
        #expect(draw(model, 5, 2) != first)
        #expect(draw(ForcedOutageModel(rate: 0.1, meanTimeToRepairHours: 24, seed: 4), 5, 1) != first)
        #expect(draw(ForcedOutageModel(rate: 0, meanTimeToRepairHours: 24, seed: 3), 5, 1).isEmpty)
    }
}

@Suite("smr.forced_outages in a site")
struct ForcedOutageSiteTests {
    static func smr(_ forced: String, units: Int = 2, extra: String = "") -> String {
        """
        smr:
          units: \(units)
          capacity_mw_per_unit: 77
          marginal_cost_usd_per_mwh: 12
        \(extra)
          forced_outages: \(forced)
        """
    }

    /// A month at 15 minutes, so partial steps and windows matter.
    static func monthSite(_ forced: String, start: String = "2025-03-01T00:00Z", steps: Int = 2_976, extra: String = "") -> String {
        MinimalSite.yaml(smr(forced, units: 3, extra: extra))
            .replacingOccurrences(of: "start_utc: 2025-01-01T00:00Z", with: "start_utc: \(start)")
            .replacingOccurrences(of: "steps: 4", with: "steps: \(steps)")
            .replacingOccurrences(of: "step_minutes: 60", with: "step_minutes: 15")
    }

    @Test("without draw the section changes nothing: the site is the one without it")
    func noDraw() throws {
        let scratch = try Scratch()
        let plain = try scratch.load(MinimalSite.yaml("""
            smr:
              units: 2
              capacity_mw_per_unit: 77
              marginal_cost_usd_per_mwh: 12
              outages:
                - {unit: 1, start_utc: 2025-01-01T01:30Z, end_utc: 2025-01-01T02:00Z}
            """))
        var described = try scratch.load(MinimalSite.yaml(Self.smr("{forced_outage_rate: 0.5, mean_time_to_repair_hours: 1, seed: 9}", extra: """
              outages:
                - {unit: 1, start_utc: 2025-01-01T01:30Z, end_utc: 2025-01-01T02:00Z}
            """)))
        #expect(described.smr?.forcedOutages == ForcedOutageModel(rate: 0.5, meanTimeToRepairHours: 1, seed: 9, draw: nil))
        #expect(described.smr?.forcedOutageUnits.isEmpty == true)
        #expect(described.smr?.availableUnits == [2, 1, 2, 2])
        described.smr?.forcedOutages = nil
        described.inputFiles = plain.inputFiles
        described.siteFileURL = plain.siteFileURL
        #expect(described == plain)
    }

    @Test("a draw joins the planned outages: a step with any part in either is unavailable")
    func joinsPlanned() throws {
        let site = try Scratch().load(Self.monthSite("{forced_outage_rate: 0.3, mean_time_to_repair_hours: 12, seed: 5, draw: 2}", extra: """
              outages:
                - {unit: 0, start_utc: 2025-03-10T00:00Z, end_utc: 2025-03-20T00:07Z}
            """))
        let smr = try #require(site.smr)
        let forced = smr.outages.filter { $0.kind == .forced }
        #expect(smr.outages.first?.kind == .planned && smr.outages.filter { $0.kind == .planned }.count == 1)
        #expect(forced.count > 10)
        // The same outages, drawn directly from the model.
        let model = try #require(smr.forcedOutages)
        let horizon = site.horizon
        for unit in 0..<3 {
            let direct = model.outages(draw: 2, unit: unit, anchorEpochSeconds: ForcedOutageDrawTests.year2025,
                                       startEpochSeconds: horizon.startEpochSeconds, endEpochSeconds: horizon.endEpochSeconds)
            #expect(forced.filter { $0.unit == unit }.map { Int64($0.startUTC.timeIntervalSince1970) } == direct.map(\.start))
        }
        // Availability and the forced-only count, step by step, from the outage list.
        for step in 0..<horizon.steps {
            let from = horizon.epochSeconds(step), to = from + horizon.stepSeconds
            func overlaps(_ outage: SMRFleet.Outage) -> Bool {
                Int64(outage.startUTC.timeIntervalSince1970) < to && Int64(outage.endUTC.timeIntervalSince1970) > from
            }
            let out = (0..<3).filter { unit in smr.outages.contains { $0.unit == unit && overlaps($0) } }
            let forcedOnly = out.filter { unit in !smr.outages.contains { $0.unit == unit && $0.kind == .planned && overlaps($0) } }
            #expect(smr.availableUnits[step] == 3 - out.count, "step \(step)")
            #expect(smr.forcedOutageUnits[step] == forcedOnly.count, "step \(step)")
        }
    }

    @Test("a unit out of service cannot fail: forced outages are clipped to its service")
    func serviceDates() throws {
        let site = try Scratch().load(Self.monthSite("{forced_outage_rate: 0.3, mean_time_to_repair_hours: 12, seed: 5, draw: 2}",
                                                     extra: "  commissioning_utc: [null, 2025-03-15T00:00Z, null]"))
        let smr = try #require(site.smr)
        let commissioning = Date(timeIntervalSince1970: Double(ForcedOutageDrawTests.epoch("2025-03-15T00:00Z")))
        let unit1 = smr.outages.filter { $0.unit == 1 }
        #expect(!unit1.isEmpty && unit1.allSatisfy { $0.startUTC >= commissioning })
        let before = site.horizon.step(containing: ForcedOutageDrawTests.epoch("2025-03-14T23:45Z"))!
        // Out of service before its commissioning, never counted as a forced outage there.
        #expect((0...before).allSatisfy { smr.availableUnits[$0] <= 2 })
        var othersOut = 0
        for step in 0...before { othersOut += 2 - smr.availableUnits[step] }
        let forcedBefore: Int = smr.forcedOutageUnits[0...before].reduce(0, +)
        #expect(forcedBefore == othersOut)
    }

    @Test("a window of a draw, and a shorter horizon in the same year, see the full horizon's outages")
    func windows() throws {
        let scratch = try Scratch()
        let forced = "{forced_outage_rate: 0.2, mean_time_to_repair_hours: 10, seed: 42, draw: 7}"
        let month = try scratch.load(Self.monthSite(forced), file: "month.yaml")
        let window = try #require(SiteWindow(parsing: "2025-03-10T06:00Z..2025-03-17T06:00Z"))
        let windowed = try month.windowed(window)
        let week = try scratch.load(Self.monthSite(forced, start: "2025-03-10T06:00Z", steps: 672), file: "week.yaml")
        let first = month.horizon.step(containing: window.startEpochSeconds)!
        let full = try #require(month.smr), cut = try #require(windowed.smr), alone = try #require(week.smr)
        #expect(cut.availableUnits == Array(full.availableUnits[first..<(first + 672)]))
        #expect(cut.forcedOutageUnits == Array(full.forcedOutageUnits[first..<(first + 672)]))
        #expect(alone.availableUnits == cut.availableUnits)
        #expect(alone.forcedOutageUnits == cut.forcedOutageUnits)
        let inWindow = full.outages.filter {
            Int64($0.endUTC.timeIntervalSince1970) > window.startEpochSeconds && Int64($0.startUTC.timeIntervalSince1970) < window.endEpochSeconds
        }
        #expect(!inWindow.isEmpty)
        #expect(cut.outages == inWindow)
        #expect(alone.outages == inWindow)
    }

    @Test("bad forced-outage keys are reported with their key path and line", arguments: [
        ("{forced_outage_rate: 1, mean_time_to_repair_hours: 24}", "forced_outage_rate", "must be in [0, 1), got 1"),
        ("{forced_outage_rate: -0.1, mean_time_to_repair_hours: 24}", "forced_outage_rate", "must be in [0, 1), got -0.1"),
        ("{forced_outage_rate: 0.1, mean_time_to_repair_hours: 0}", "mean_time_to_repair_hours", "must be in (0, 87600] h, got 0"),
        ("{forced_outage_rate: 0.1, mean_time_to_repair_hours: -3}", "mean_time_to_repair_hours", "must be in (0, 87600] h, got -3"),
        ("{forced_outage_rate: 0.1, mean_time_to_repair_hours: 24, draw: 0}", "draw", "must be in [1, 1000000000], got 0"),
        ("{forced_outage_rate: 0.1, mean_time_to_repair_hours: 24, draw: 1.5}", "draw", "expected a whole number, got 1.5"),
        ("{forced_outage_rate: 0.1, mean_time_to_repair_hours: 24, seed: -1}", "seed", "must be in [0, 999999999999], got -1"),
        ("{draw: 3, mean_time_to_repair_hours: 24}", "forced_outage_rate", "missing required key (the share of time a unit is out for forced causes, in [0, 1), which draw needs)"),
        ("{draw: 3, forced_outage_rate: 0.1}", "mean_time_to_repair_hours", "missing required key (mean repair time in h, > 0, which draw needs)"),
        ("{forced_outage_rate: 0.1, mttr_hours: 24}", "mttr_hours", "unknown key \"mttr_hours\""),
        ("{forced_outage_rate: 0.5, mean_time_to_repair_hours: 0.000001, draw: 1}", "mean_time_to_repair_hours", "would see about 4000000 forced outages"),
        ("0.1", "", "expected a mapping"),
    ])
    func badInput(forced: String, key: String, message: String) throws {
        let issues = try Scratch().issues(MinimalSite.yaml(Self.smr(forced)))
        let path = key.isEmpty ? "smr.forced_outages" : "smr.forced_outages.\(key)"
        let issue = try #require(issues.single(at: path), "\(issues)")
        #expect(issue.message.contains(message), "\(issue.message)")
        #expect(issue.file.hasSuffix("site.yaml"))
        #expect(issue.line == 21, "\(issue)")
    }

    @Test("a draw is refused on a fleet the plan sizes (built modules would never fail)")
    func plannedFleet() throws {
        let issues = try Scratch().issues(MinimalSite.yaml("""
            smr:
              units: 1
              capacity_mw_per_unit: 77
              marginal_cost_usd_per_mwh: 12
              build: {max_units: 3, capex_usd_per_kw: 10000, lifetime_years: 40}
              forced_outages: {forced_outage_rate: 0.1, mean_time_to_repair_hours: 24, draw: 1}
            """))
        #expect(issues.single(at: "smr.forced_outages.draw")?.message.contains("a fleet sized by smr.build") == true, "\(issues)")
    }
}
