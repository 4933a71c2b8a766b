import Foundation
import Island
import Optimization
import Scheduling
import Testing

/// Training jobs as they really run (docs/formulation.md, 4.11): windows, window shares, group
/// caps, pause and resume. Every site here is grid-only with no busway loss, no idle draw and no
/// inference, so each MW of training costs k x price, with k derived by hand below.
@Suite("Training jobs: windows, shares, group caps, pause and resume")
struct TrainingFlexibilityTests {
    /// A 2 MW fleet fed by one grid feed at `prices` (hourly from 2025-01-06T00:00Z, a Monday);
    /// `series.csv` holds the prices (`price`) and a group cap (`cap`, 2 MW unless given).
    static func site(prices: [Double], jobs: String, groups: String = "", timezone: String? = nil, capMW: [Double]? = nil) throws -> Site {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("insula-training-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let cap = capMW ?? prices.map { _ in 2 }
        try ("price,cap\n" + zip(prices, cap).map { "\($0),\($1)" }.joined(separator: "\n") + "\n")
            .write(to: folder.appendingPathComponent("series.csv"), atomically: true, encoding: .utf8)
        let yaml = """
            name: training
            horizon: {start_utc: 2025-01-06T00:00Z, steps: \(prices.count), step_minutes: 60}
            grid_feeds:
              - {name: grid, import_capacity_mw: 10, price_usd_per_mwh: {file: series.csv, column: price}, carbon_intensity_g_per_kwh: 400}
            power_distribution: {architecture: dc800, busway_loss_fraction_at_capacity: 0}
            it_fleet: {racks: 10, power_per_rack_kw: 200}
            workloads:
            \(timezone.map { "  timezone: \"\($0)\"" } ?? "")
              inference: {demand_mw: 0}
              training_jobs:
            \(jobs)
            \(groups)
            cooling: {cop: 5}
            """
        let file = folder.appendingPathComponent("site.yaml")
        try yaml.write(to: file, atomically: true, encoding: .utf8)
        return try SiteLoader.load(from: file)
    }

    /// Grid MWh per MWh of IT energy: the IT bus takes 1/eta_f per MW of racks through the link,
    /// and its heat (the same 1/eta_f, no busway loss) is cooled at COP 5 through the cooling
    /// transformer: k = (1/eta_f) (1/eta_link + 1/(5 eta_ct)).
    static func gridPerIT(_ site: Site) -> Double {
        let d = site.distribution
        return (1 / d.busToRackEfficiency) * (1 / d.gridToBusEfficiency + 1 / (5 * d.efficiencies.coolingTransformer))
    }

    static let exactSolver = SolverOptions(method: .auto, mipRelativeGap: 0)

    static func solve(_ site: Site) throws -> (OperatingSolve.Outcome, Schedule) {
        let outcome = try OperatingSolve.run(site, solver: exactSolver)
        guard let schedule = outcome.schedule else {
            throw SiteFixtures.PlanFailure(status: outcome.result.status, explanation: outcome.infeasibility?.text)
        }
        return (outcome, schedule)
    }

    static func close(_ a: Double, _ b: Double, _ relative: Double = 1e-6) -> Bool {
        abs(a - b) <= relative * max(1, abs(a), abs(b))
    }

    // MARK: Pause and resume, hand-solved

    @Test("A pause with a restart cost is taken only when the price difference pays for it", arguments: [0.9, 1.1])
    func pausePaysOnlyWhenCheaper(costFactor: Double) throws {
        // Cheap, dear, cheap hours; a 2 MWh job at exactly 1 MW while running. Running hours 0 and
        // 2 (a pause, two starts) saves k x (200 - 20) x 1 MWh over two hours in a row (one start):
        // pause iff 2C + 40k < C + 220k, i.e. C < 180k.
        let probe = try Self.site(prices: [20, 200, 20], jobs: "    - {name: job, energy_mwh: 2, release_utc: 2025-01-06T00:00Z, deadline_utc: 2025-01-06T03:00Z, max_power_mw: 1, min_power_mw: 1, pause: {restart_cost_usd: 0}}")
        let k = Self.gridPerIT(probe)
        let cost = costFactor * 180 * k
        let site = try Self.site(prices: [20, 200, 20], jobs: "    - {name: job, energy_mwh: 2, release_utc: 2025-01-06T00:00Z, deadline_utc: 2025-01-06T03:00Z, max_power_mw: 1, min_power_mw: 1, pause: {restart_cost_usd: \(cost)}}")
        let (outcome, schedule) = try Self.solve(site)
        #expect(outcome.result.method == .mip)
        let job = schedule.jobs[0]
        if costFactor < 1 {
            #expect(schedule.steps.map(\.trainingMW).enumerated().allSatisfy { Self.close($1, $0 == 1 ? 0 : 1) })
            #expect(job.starts == 2 && job.pauses.count == 1)
            #expect(job.pauses.first == Schedule.Pause(job: "job", startUTC: "2025-01-06T01:00Z", endUTC: "2025-01-06T02:00Z", hours: 1))
            #expect(Self.close(outcome.result.objectiveValue!, 40 * k + 2 * cost))
            #expect(Self.close(schedule.kpis.trainingRestartCostUSD, 2 * cost))
        } else {
            #expect(Self.close(schedule.steps[1].trainingMW, 1))
            #expect(job.starts == 1 && job.pauses.isEmpty)
            #expect(Self.close(outcome.result.objectiveValue!, 220 * k + cost))
        }
        #expect(schedule.kpis.trainingPauses == job.pauses.count)
        // The objective is the energy bought plus the restart costs (no carbon price here).
        #expect(Self.close(schedule.kpis.energyCostUSD + schedule.kpis.trainingRestartCostUSD, outcome.result.objectiveValue!))
    }

    @Test("Restart energy: delivered = required, energy drawn = required + restart energy x starts")
    func restartEnergyConservation() throws {
        // Prices 20, 200, 200, 20; 1.5 MWh, 0.5-1 MW while running, 0.2 MWh lost per start.
        // One run must draw 1.7 MWh in two adjacent hours, one of them dear (best: 1 + 0.7 MW,
        // 160k); two runs in the cheap hours draw 1.9 MWh (38k). Optimum: 0.95 MW at 20 twice.
        let site = try Self.site(prices: [20, 200, 200, 20], jobs: "    - {name: job, energy_mwh: 1.5, release_utc: 2025-01-06T00:00Z, deadline_utc: 2025-01-06T04:00Z, max_power_mw: 1, min_power_mw: 0.5, pause: {restart_energy_mwh: 0.2}}")
        let k = Self.gridPerIT(site)
        let (outcome, schedule) = try Self.solve(site)
        let job = schedule.jobs[0]
        #expect(Self.close(outcome.result.objectiveValue!, 38 * k))
        #expect(job.starts == 2 && job.pauses.count == 1 && job.pauses[0].hours == 2)
        #expect(Self.close(job.restartEnergyMWh, 0.4))
        #expect(Self.close(job.deliveredMWh, 1.5) && Self.close(job.undeliveredMWh, 0))
        let drawn = schedule.steps.map(\.trainingMW).reduce(0, +)
        #expect(Self.close(drawn, job.deliveredMWh + job.restartEnergyMWh))
        #expect(Self.close(schedule.kpis.trainingEnergyMWh, 1.9))
        #expect(job.completionUTC == "2025-01-06T04:00Z")
    }

    @Test("Lost time after each start: the job pauses over a dear hour although each restart loses an hour")
    func restartHours() throws {
        // 20, 20, 200, 20, 20; 2 MWh of work at 0.5-1 MW; the first hour of every run draws the
        // minimum and does no work. One run through the dear hour: 0.5 lost at 20, then at least
        // 0.5 MW in each of the 4 work hours (exactly 2 MWh): 10 + 30 + 100 = 140k. Two runs,
        // 0-1 and 3-4: 0.5 lost + 1 MW of work in each, all at 20: 60k.
        let site = try Self.site(prices: [20, 20, 200, 20, 20], jobs: "    - {name: job, energy_mwh: 2, release_utc: 2025-01-06T00:00Z, deadline_utc: 2025-01-06T05:00Z, max_power_mw: 1, min_power_mw: 0.5, pause: {restart_hours: 1}}")
        let k = Self.gridPerIT(site)
        let (outcome, schedule) = try Self.solve(site)
        let job = schedule.jobs[0]
        #expect(Self.close(outcome.result.objectiveValue!, 60 * k))
        #expect(job.starts == 2 && job.pauses == [Schedule.Pause(job: "job", startUTC: "2025-01-06T02:00Z", endUTC: "2025-01-06T03:00Z", hours: 1)])
        #expect(Self.close(job.restartEnergyMWh, 1) && Self.close(job.deliveredMWh, 2))
        #expect(Self.close(schedule.steps.map(\.trainingMW).reduce(0, +), 3))
        #expect(job.completionUTC == "2025-01-06T05:00Z")
    }

    @Test("A minimum run keeps the job on through a dear hour it would otherwise skip")
    func minimumRun() throws {
        // 20, 200, 20, 200, 200, 200: 2 MWh at 1 MW. With min_run_hours 1 it runs hours 0 and 2;
        // with 2 no run of one hour is allowed: the best is hours 0-1 or 1-2 (220k).
        let base = "    - {name: job, energy_mwh: 2, release_utc: 2025-01-06T00:00Z, deadline_utc: 2025-01-06T06:00Z, max_power_mw: 1, min_power_mw: 1, pause: {min_run_hours: MIN}}"
        let k = try Self.gridPerIT(Self.site(prices: [20, 200, 20, 200, 200, 200], jobs: base.replacingOccurrences(of: "MIN", with: "1")))
        let free = try Self.solve(Self.site(prices: [20, 200, 20, 200, 200, 200], jobs: base.replacingOccurrences(of: "MIN", with: "1")))
        #expect(Self.close(free.0.result.objectiveValue!, 40 * k) && free.1.jobs[0].starts == 2)
        let held = try Self.solve(Self.site(prices: [20, 200, 20, 200, 200, 200], jobs: base.replacingOccurrences(of: "MIN", with: "2")))
        #expect(Self.close(held.0.result.objectiveValue!, 220 * k) && held.1.jobs[0].starts == 1)
    }

    // MARK: Pause and resume against enumeration

    /// A random job on 8 hourly steps with its exact optimum by enumeration. Each step is off,
    /// on, or on with a (re)start (a start after an off step is required; one while running is
    /// allowed: it wastes the lost time, which a job with a high minimum power may want): 3^8
    /// patterns. A pattern is feasible when every start is followed by L running steps; the first
    /// K steps from each start draw the minimum and do no work, and the work steps must draw
    /// E + R x starts between min and max x their hours. The cheapest power puts the minimum in
    /// every work hour and the rest in the cheapest work hours first.
    struct RandomCase: CustomStringConvertible {
        var prices: [Double], energyMWh: Double, maxMW: Double, minMW: Double
        var restartMWh: Double, restartUSD: Double, minRunHours: Int, restartHours: Int

        init(seed: UInt64) {
            var generator = SplitMix(seed)
            prices = (0..<8).map { _ in (10 + 190 * generator.unit()).rounded() }
            maxMW = 1 + (generator.unit() * 10).rounded() / 10
            minMW = maxMW * (0.2 + 0.6 * generator.unit())
            energyMWh = maxMW * 8 * (0.25 + 0.4 * generator.unit())
            restartMWh = (generator.unit() * 0.3 * 100).rounded() / 100
            restartUSD = (generator.unit() * 120).rounded()
            minRunHours = 1 + Int(generator.unit() * 3) % 3
            // Lost time on every other seed (drawn last, so the other fields keep their values).
            restartHours = seed % 2 == 0 ? Int(generator.unit() * 2) + 1 : 0
            if restartHours > 0 { energyMWh *= 0.7 }
        }

        var description: String {
            "prices \(prices), E \(energyMWh), max \(maxMW), min \(minMW), R \(restartMWh), C \(restartUSD), L \(minRunHours), K \(restartHours)"
        }

        func yaml(model: String) -> String {
            "    - {name: job, energy_mwh: \(energyMWh), release_utc: 2025-01-06T00:00Z, deadline_utc: 2025-01-06T08:00Z, max_power_mw: \(maxMW), min_power_mw: \(minMW), pause: {restart_energy_mwh: \(restartMWh), restart_cost_usd: \(restartUSD), restart_hours: \(restartHours), min_run_hours: \(minRunHours), model: \(model)}}"
        }

        /// Least cost over all patterns, USD; nil when none is feasible.
        func enumerated(gridPerIT k: Double) -> Double? {
            var best: Double?
            var states = [Int](repeating: 0, count: 8)
            for code in 0..<6561 {
                var rest = code
                for t in 0..<8 { states[t] = rest % 3; rest /= 3 }
                // 0 off, 1 running on, 2 (re)start.
                guard (0..<8).allSatisfy({ states[$0] != 1 || ($0 > 0 && states[$0 - 1] != 0) }) else { continue }
                let starts = (0..<8).filter { states[$0] == 2 }
                guard !starts.isEmpty,
                      starts.allSatisfy({ t in t + minRunHours <= 8 && (t..<t + minRunHours).allSatisfy { states[$0] != 0 } }) else { continue }
                var lost = [Bool](repeating: false, count: 8)
                for t in starts { for offset in t..<min(8, t + restartHours) { lost[offset] = true } }
                let work = (0..<8).filter { states[$0] != 0 && !lost[$0] }
                let needed = energyMWh + restartMWh * Double(starts.count)
                let hours = Double(work.count)
                guard needed >= minMW * hours - 1e-12, needed <= maxMW * hours + 1e-12 else { continue }
                var cost = restartUSD * Double(starts.count)
                for t in 0..<8 where lost[t] { cost += k * prices[t] * minMW }
                var left = needed - minMW * hours
                for t in work.sorted(by: { prices[$0] < prices[$1] }) {
                    let extra = min(left, maxMW - minMW)
                    left -= extra
                    cost += k * prices[t] * (minMW + extra)
                }
                best = min(best ?? .infinity, cost)
            }
            return best
        }
    }

    /// SplitMix64 (Steele, Lea and Flood 2014): a fixed, portable random sequence per seed.
    struct SplitMix {
        var state: UInt64
        init(_ seed: UInt64) { state = seed }
        mutating func next() -> UInt64 {
            state &+= 0x9E37_79B9_7F4A_7C15
            var z = state
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return z ^ (z >> 31)
        }
        mutating func unit() -> Double { Double(next() >> 11) / Double(1 << 53) }
    }

    @Test("GLPK's MIP optimum equals enumeration of every pause pattern on 8 steps", arguments: Array(UInt64(1)...16))
    func matchesEnumeration(seed: UInt64) throws {
        let random = RandomCase(seed: seed)
        let site = try Self.site(prices: random.prices, jobs: random.yaml(model: "exact"))
        let expected = try #require(random.enumerated(gridPerIT: Self.gridPerIT(site)), "no feasible pattern: \(random)")
        let (outcome, schedule) = try Self.solve(site)
        #expect(Self.close(outcome.result.objectiveValue!, expected), "\(random): GLPK \(outcome.result.objectiveValue!) vs \(expected)")
        // The schedule's own accounting closes: drawn = delivered + restart energy.
        let drawn = schedule.steps.map(\.trainingMW).reduce(0, +)
        #expect(Self.close(drawn, schedule.jobs[0].deliveredMWh + schedule.jobs[0].restartEnergyMWh))
        #expect(Self.close(schedule.jobs[0].deliveredMWh, random.energyMWh))
        if random.restartHours == 0 {
            #expect(Self.close(schedule.jobs[0].restartEnergyMWh, random.restartMWh * Double(schedule.jobs[0].starts)))
        }
    }

    @Test("The relaxed pause model is a lower bound, and exact <= relaxed + the reported bound", arguments: Array(UInt64(101)...116))
    func relaxationBound(seed: UInt64) throws {
        let random = RandomCase(seed: seed)
        let exactSite = try Self.site(prices: random.prices, jobs: random.yaml(model: "exact"))
        let exact = try #require(random.enumerated(gridPerIT: Self.gridPerIT(exactSite)), "no feasible pattern: \(random)")
        let (outcome, schedule) = try Self.solve(Self.site(prices: random.prices, jobs: random.yaml(model: "relaxed")))
        #expect(outcome.result.method != .mip)
        let relaxed = try #require(outcome.result.objectiveValue)
        #expect(relaxed <= exact + 1e-6 * exact, "\(random): relaxed \(relaxed) > exact \(exact)")
        let bound = try #require(schedule.kpis.trainingPauseGapBoundUSD, "no bound: \(random)")
        #expect(bound >= 0)
        #expect(exact <= relaxed + bound + 1e-6 * exact, "\(random): exact \(exact) > relaxed \(relaxed) + bound \(bound)")
    }

    // MARK: Windows, shares, groups

    @Test("A night window in a fixed-offset zone: no training power outside 22:00-06:00 local in any step")
    func nightWindow() throws {
        // Prices cheapest at midday UTC, so an unrestricted job would run then.
        let prices = (0..<48).map { 100 - 80 * sin(Double($0 % 24) / 24 * .pi) }
        let site = try Self.site(prices: prices, jobs: "    - {name: night, energy_mwh: 12, release_utc: 2025-01-06T00:00Z, deadline_utc: 2025-01-08T00:00Z, max_power_mw: 1.5, run_hours: \"22:00-06:00\"}",
                                 timezone: "+02:00")
        let (_, schedule) = try Self.solve(site)
        for (t, step) in schedule.steps.enumerated() {
            // 22:00-06:00 at UTC+2 is 20:00-04:00 UTC.
            let hourUTC = t % 24
            if hourUTC >= 4 && hourUTC < 20 { #expect(step.trainingMW == 0, "step \(t) runs \(step.trainingMW) MW outside the window") }
        }
        #expect(Self.close(schedule.jobs[0].deliveredMWh, 12))
    }

    @Test("Restricting a job never lowers cost: none <= share 0 = none <= 0.3 <= 0.6 <= 1 = a hard window")
    func sharesNeverCheaper() throws {
        let prices = (0..<48).map { 40 + 60 * sin(Double($0 % 24) / 24 * .pi) + Double($0 % 5) }
        let job = "    - {name: job, energy_mwh: 12, release_utc: 2025-01-06T00:00Z, deadline_utc: 2025-01-08T00:00Z, max_power_mw: 1.2"
        func cost(_ extra: String) throws -> (Double, Schedule) {
            let (outcome, schedule) = try Self.solve(Self.site(prices: prices, jobs: job + extra + "}"))
            return (outcome.result.objectiveValue!, schedule)
        }
        // The window is the dear afternoon (10:00-16:00 UTC), so the share binds.
        let window = ", run_hours: \"10:00-16:00\""
        let free = try cost("").0
        #expect(Self.close(try cost(window + ", min_share_in_window: 0").0, free))
        var previous = free
        for share in [0.3, 0.6, 1.0] {
            let (value, schedule) = try cost(window + ", min_share_in_window: \(share)")
            #expect(value >= previous - 1e-6 * previous, "share \(share): \(value) < \(previous)")
            let inside = schedule.steps.enumerated().filter { (10..<16).contains($0.offset % 24) }.map(\.element.trainingMW).reduce(0, +)
            #expect(inside >= share * 12 - 1e-6, "share \(share): \(inside) MWh inside")
            previous = value
        }
        #expect(previous > free + 1, "the window should bind on these prices")
        #expect(Self.close(try cost(window).0, previous))
    }

    @Test("A group's shared cap (a series) holds in every step and never lowers cost")
    func groupCap() throws {
        let prices = (0..<12).map { Double(20 + ($0 * 37) % 90) }
        let jobs = """
                - {name: a, energy_mwh: 6, release_utc: 2025-01-06T00:00Z, deadline_utc: 2025-01-06T12:00Z, max_power_mw: 1.5}
                - {name: b, energy_mwh: 5, release_utc: 2025-01-06T02:00Z, deadline_utc: 2025-01-06T12:00Z, max_power_mw: 1.5, min_power_mw: 0.5, pause: {restart_cost_usd: 10}}
            """
        let caps = (0..<12).map { $0 % 3 == 0 ? 0.5 : 1.4 }
        let free = try Self.solve(Self.site(prices: prices, jobs: jobs)).0.result.objectiveValue!
        let groups = "  training_groups:\n    - {name: cluster, jobs: [a, b], max_power_mw: {file: series.csv, column: cap}}"
        let (outcome, schedule) = try Self.solve(Self.site(prices: prices, jobs: jobs, groups: groups, capMW: caps))
        for (t, step) in schedule.steps.enumerated() {
            #expect(step.trainingMW <= caps[t] + 1e-6, "step \(t): \(step.trainingMW) MW above the cap \(caps[t])")
        }
        #expect(outcome.result.objectiveValue! >= free - 1e-6 * free)
        #expect(Self.close(schedule.jobs.map(\.deliveredMWh).reduce(0, +), 11))
        // The cap binds: 11 MWh in 12 h under caps averaging 1.1 MW leaves little room.
        #expect(outcome.result.objectiveValue! > free + 1e-3)
    }

    @Test("The size estimate bounds the model of the cross-check's training sites, elastic or not",
          arguments: ["training-flexibility", "training-pause-exact"])
    func sizeEstimate(name: String) throws {
        let site = try SiteLoader.load(from: SiteFixtures.repositoryRoot.appendingPathComponent("tools/crosscheck/sites/\(name).yaml"))
        for elastic in [false, true] {
            let model = try SiteCompiler.compile(site, options: CompileOptions(elastic: elastic))
            #expect(model.program.entryCount <= SiteCompiler.estimatedNonzeros(site), "elastic \(elastic)")
        }
    }
}
