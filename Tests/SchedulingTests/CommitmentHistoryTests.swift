import Foundation
import Island
import Optimization
import Scheduling
import Testing

/// A window of a longer run starts from the commitment before it: units online, and startups
/// and shutdowns still inside their minimum up and down times (receding-horizon operation).
@Suite("Integer SMR commitment carried into a window: units online, minimum up and down times")
struct CommitmentHistoryTests {
    /// Two 10 MW modules (min load 50 %, free ramping), minimum up and down 4 h, a grid feed,
    /// flat inference; `smrCost` and `gridPrice` decide which supply the LP wants.
    static func site(steps: Int = 8, smrCost: Double, gridPrices: [Double], inferenceMW: Double) throws -> Site {
        try SiteFixtures.site(yaml: """
            name: commitment-history
            horizon: {start_utc: 2025-01-01T00:00Z, steps: \(steps), step_minutes: 60}
            smr:
              units: 2
              capacity_mw_per_unit: 10
              min_stable_load_fraction: 0.5
              ramp_fraction_per_hour: 1
              marginal_cost_usd_per_mwh: \(smrCost)
              commitment: integer
              min_up_hours: 4
              min_down_hours: 4
            grid_feeds:
              - {name: grid, import_capacity_mw: 40, price_usd_per_mwh: [\(gridPrices.map { "\($0)" }.joined(separator: ", "))], carbon_intensity_g_per_kwh: 400}
            it_fleet: {racks: 100, power_per_rack_kw: 200}
            workloads:
              inference: {demand_mw: \(inferenceMW)}
            cooling: {cop: 5}
            """)
    }

    static func solve(_ site: Site, _ initial: InitialState) throws -> (OperatingSolve.Outcome, Schedule) {
        var compile = CompileOptions()
        compile.initialState = initial
        let outcome = try OperatingSolve.run(site, solver: SolverOptions(method: .mip), compile: compile)
        return (outcome, try #require(outcome.schedule))
    }

    static func onlineUnits(_ outcome: OperatingSolve.Outcome) throws -> [Double] {
        let units = try #require(outcome.model.smrOnlineUnits)
        return (0..<units.count).map { outcome.result.primalValues[units[$0].index].rounded() }
    }

    @Test("a unit started just before the window stays online through its minimum up time, however dear")
    func startupBeforeHoldsUnitOnline() throws {
        // SMR at 1,000 USD/MWh against a 10 USD/MWh grid: left alone, no unit runs.
        let site = try Self.site(smrCost: 1000, gridPrices: Array(repeating: 10, count: 8), inferenceMW: 5)
        var initial = InitialState()
        initial.smrOnlineUnits = 1
        initial.previousSMRMW = 5
        initial.smrStartupsBefore = [0, 0, 1]  // started in the step just before the window
        initial.smrShutdownsBefore = [0, 0, 0]
        let (outcome, schedule) = try Self.solve(site, initial)
        #expect(outcome.result.status == .optimal)
        // Online in steps -1, 0, 1, 2 (4 h), free from step 3.
        #expect(try Self.onlineUnits(outcome) == [1, 1, 1, 0, 0, 0, 0, 0])
        for t in 0..<3 { #expect(schedule.steps[t].smrMW >= 5 - 1e-6, "step \(t)") }

        // Without the history, the same unit may stop at once.
        var fresh = initial
        fresh.smrStartupsBefore = []
        let (freeOutcome, _) = try Self.solve(site, fresh)
        #expect(try Self.onlineUnits(freeOutcome) == Array(repeating: 0, count: 8))
    }

    @Test("a unit shut down just before the window stays off through its minimum down time, however cheap")
    func shutdownBeforeKeepsUnitOff() throws {
        // SMR at 1 USD/MWh against a 500 USD/MWh grid, and 15 MW of inference: both units wanted.
        let site = try Self.site(smrCost: 1, gridPrices: Array(repeating: 500, count: 8), inferenceMW: 15)
        var initial = InitialState()
        initial.smrOnlineUnits = 1
        initial.previousSMRMW = 10
        initial.smrStartupsBefore = [0, 0, 0]
        initial.smrShutdownsBefore = [0, 0, 1]  // shut down in the step just before the window
        let (outcome, schedule) = try Self.solve(site, initial)
        #expect(outcome.result.status == .optimal)
        // Off in steps -1, 0, 1, 2 (4 h), back from step 3.
        #expect(try Self.onlineUnits(outcome) == [1, 1, 1, 2, 2, 2, 2, 2])
        for t in 0..<3 { #expect(schedule.steps[t].gridImportMW > 1, "step \(t)") }
        for t in 3..<8 { #expect(schedule.steps[t].gridImportMW < 1e-6, "step \(t)") }
    }

    @Test("the second half of an optimal run, re-solved from the first half's commitment, costs what it cost in the run")
    func principleOfOptimality() throws {
        // Prices that make units start and stop: cheap nights, a two-hour morning peak that
        // pays for a start whose minimum up time runs into a cheap late morning, a dear evening.
        let prices: [Double] = (0..<48).map { t in
            let hour = t % 24
            return hour < 6 ? 5 : hour < 8 ? 400 : hour < 14 ? 20 : hour < 20 ? 300 : 8
        }
        let full = try Self.site(steps: 48, smrCost: 60, gridPrices: prices, inferenceMW: 12)
        let (fullOutcome, fullSchedule) = try Self.solve(full, InitialState())
        #expect(fullOutcome.result.status == .optimal)
        let commitment = try #require(fullOutcome.model.smrCommitment)
        let values = fullOutcome.result.primalValues
        let online = try Self.onlineUnits(fullOutcome)
        #expect(online[30] == 2 && online[31] == 2 && online[32] == 2 && online[33] == 2 && online[29] == 0,
                "the morning peak should start both units at 06:00 and keep them on through their minimum up time: \(online)")

        // Split at 08:00 on the second day: the units started at 06:00 must run until 10:00.
        let split = 32
        var initial = InitialState()
        initial.smrOnlineUnits = online[split - 1]
        initial.previousSMRMW = fullSchedule.steps[split - 1].smrMW
        initial.previousSMRAvailableUnits = 2
        initial.smrStartupsBefore = (0..<split).map { values[commitment.startups[$0].index] }
        initial.smrShutdownsBefore = (0..<split).map { values[commitment.shutdowns[$0].index] }
        initial.smrForcedBefore = Array(repeating: 0, count: split)
        let start = full.horizon.epochSeconds(split), end = full.horizon.epochSeconds(48)
        let second = try full.windowed(SiteWindow(startEpochSeconds: start, endEpochSeconds: end))
        let (windowOutcome, _) = try Self.solve(second, initial)
        // From a fresh start (every unit online, no minimum time running) the window stops them at once: cheaper.
        var fresh = InitialState()
        fresh.previousSMRMW = initial.previousSMRMW
        let (freshOutcome, _) = try Self.solve(second, fresh)
        #expect(windowOutcome.result.status == .optimal)

        // The run's cost over the second half, from its dispatch: grid energy and SMR fuel.
        let secondHalfUSD = (split..<48).reduce(0.0) { total, t in
            total + fullSchedule.steps[t].gridImportMW * prices[t] + fullSchedule.steps[t].smrMW * 60
        }
        let windowUSD = try #require(windowOutcome.result.objectiveValue)
        #expect(abs(windowUSD - secondHalfUSD) <= 1e-6 * secondHalfUSD, "window \(windowUSD) vs run \(secondHalfUSD)")
        let freshUSD = try #require(freshOutcome.result.objectiveValue)
        #expect(freshUSD < secondHalfUSD - 1e-3 * secondHalfUSD, "fresh \(freshUSD) vs run \(secondHalfUSD)")
    }
}
