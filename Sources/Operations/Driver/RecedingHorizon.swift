import Foundation
import Island
import Optimization
import Scheduling

/// The result of an operating run: the realised dispatch, one record per window, and the
/// realised figures beside the perfect-foresight optimum of the same period.
public struct OperationRun: Sendable {
    /// One window: planned at `issueUTC` up to `endUTC`, its first `committedSteps` realised.
    public struct Window: Sendable {
        public var index: Int
        public var issueUTC: String
        public var endUTC: String
        public var committedSteps: Int
        /// The plan's solver status.
        public var status: String
        /// How the committed steps were realised: `plan` (the forecast was exact over them),
        /// `redispatch` (re-solved on realised data with the plan's end state), or with
        /// `, targets relaxed` when those end targets could not be met.
        public var realisation: String
        /// Rules relaxed to reach a plan (`carbon budget relaxed`, `targets relaxed`), if any.
        public var note: String
        public var solveSeconds: Double
        public var objectiveUSD: Double?
    }

    /// `completed`, or `failed` when a window had no solution even with every rule relaxed.
    public var status: String
    public var message: String?
    public var windows: [Window] = []
    /// The realised steps and each training job's realised record.
    public var dispatch: Schedule
    public var realised: OperationFigures
    /// The perfect-foresight optimum of the same period (nil when it has no solution).
    public var perfectForesight: OperationFigures?
    public var perfectForesightStatus: String
    /// The carbon cap's shadow price in the target solve (shadow-price budget rule), USD/t.
    public var carbonShadowPriceUSDPerTonne: Double?
    /// Seconds in window solves (plans and redispatches) and in the two full-horizon solves.
    public var windowSolveSeconds = 0.0
    public var fullSolveSeconds = 0.0
    /// Where the window seconds went: compiling window LPs, loading them into and running the solver, and the number
    /// of LPs solved (plans, redispatches and relaxed retries); the rest of `windowSolveSeconds`
    /// is cutting and forecasting windows, reading schedules and carrying state.
    public var windowCompileSeconds = 0.0
    public var windowSolverSeconds = 0.0
    public var windowSolves = 0
}

/// A receding-horizon driver of ``OperatingSolve`` windows (`insula operate`, `docs/operations.md`).
///
/// Every `replanSteps` it plans a window of `lookaheadSteps` on forecasts issued then, keeps
/// the first block, realises it on the realised data, and carries the state exactly into the
/// next window: battery state of charge, each job's delivered energy, SMR output (ramp),
/// net intake (site ramp), peak import so far, carbon used.
public enum RecedingHorizon {
    public static func run(_ site: Site, options: OperationOptions) throws -> OperationRun {
        let steps = site.horizon.steps
        guard options.replanSteps >= 1, options.lookaheadSteps >= options.replanSteps else {
            throw OperationError("the replanning interval (\(options.replanSteps) steps) must be at least one step and no longer than the look-ahead window (\(options.lookaheadSteps) steps)")
        }
        guard !site.plansCapacity else {
            throw OperationError("the site sizes capacity (build sections); operate runs a site with fixed capacities")
        }
        // Forecasts that cannot be made (a file not covering a window) fail before any solve.
        var issue = 0
        while issue < steps {
            let range = issue..<min(steps, issue + options.lookaheadSteps)
            do { _ = try options.forecaster.forecastSite(site, full: site, range: range) } catch { throw OperationError("\(error)") }
            issue += options.replanSteps
        }

        // Perfect foresight over the whole period: the benchmark, and the targets when the forecasts are exact.
        let clock = ContinuousClock()
        var start = clock.now
        let perfect: OperatingSolve.Outcome
        var targetsOutcome: OperatingSolve.Outcome
        // The crossover is for the small window LPs; on a degenerate year it can cost more
        // than the retries it replaces (docs/formulation.md 13.5).
        var fullSolver = options.solver
        fullSolver.crossover = false
        if options.forecaster.isPerfect {
            perfect = try OperatingSolve.run(site, solver: fullSolver)
            targetsOutcome = perfect
        } else {
            // Two independent full-horizon solves: one per core (GLPK keeps its state per thread).
            let planned = try options.forecaster.forecastSite(site, full: site, range: 0..<steps, partial: true)
            let solves = ConcurrentSolves(sites: [site, planned], solver: fullSolver)
            let outcomes = try solves.run()
            perfect = outcomes[0]
            targetsOutcome = outcomes[1]
        }
        let fullSolveSeconds = (clock.now - start).seconds
        let path = TargetPath(site: site, outcome: targetsOutcome)
        var shadowPrice: Double?
        if options.carbonBudget == .shadowPrice, site.carbon.capTonnes != nil {
            shadowPrice = targetsOutcome.schedule?.kpis.carbonShadowPriceUSDPerTonne ?? 0
        }

        var state = OperatingState(site: site)
        var windows: [OperationRun.Window] = []
        var ledger = Ledger(site: site)
        var failure: String?
        var windowSolveSeconds = 0.0
        var effort = SolveEffort()
        // The last optimal basis of a plan and of a redispatch, with the step each was issued at.
        var planBasis = WarmChain(), blockBasis = WarmChain()
        var issueStep = 0
        while issueStep < steps {
            let length = min(options.lookaheadSteps, steps - issueStep)
            let committed = min(options.replanSteps, length)
            let range = issueStep..<(issueStep + length)
            let realisedWindow = try cut(site, range)
            let forecastWindow = try options.forecaster.forecastSite(realisedWindow, full: site, range: range)
            start = clock.now

            // Plan: the forecast window from the carried state towards the target path;
            // relaxed step by step when it has no solution.
            var attempts: [(relaxCarbon: Bool, relaxTargets: Bool, note: String)] = [(false, false, "")]
            if site.carbon.capTonnes != nil, options.carbonBudget == .proRata { attempts.append((true, false, "carbon budget relaxed")) }
            attempts.append((true, true, attempts.count > 1 ? "carbon budget and targets relaxed" : "targets relaxed"))
            // Exact forecasts over the whole window: any optimum of the plan commits steps of the same cost.
            let warmPlan = options.warmStart == .all
                || (options.warmStart == .exact && Forecaster.sameSeries(forecastWindow, realisedWindow, steps: length))
            var plan: OperatingSolve.Outcome?
            var note = ""
            var status = "failed"
            for attempt in attempts {
                var planSite = forecastWindow
                budget(&planSite, range: range, state: state, options: options, shadowPrice: shadowPrice, relaxed: attempt.relaxCarbon)
                let terminal = attempt.relaxTargets ? relaxedTerminal(site, range: range, state: state)
                    : planTerminal(site, range: range, state: state, path: path, options: options)
                let outcome = try OperatingSolve.run(planSite, solver: warmPlan ? planBasis.solver(options.solver, issueStep: issueStep) : options.solver,
                                               compile: compileOptions(state, terminal))
                effort.add(outcome)
                planBasis.record(outcome, issueStep: issueStep)
                status = outcome.result.status.rawValue
                if outcome.result.status == .optimal, outcome.schedule != nil {
                    plan = outcome
                    note = attempt.note
                    break
                }
            }
            guard let plan else {
                windowSolveSeconds += (clock.now - start).seconds
                windows.append(.init(index: windows.count, issueUTC: site.horizon.label(issueStep), endUTC: site.horizon.label(range.upperBound - 1),
                                     committedSteps: 0, status: status, realisation: "", note: "no plan even with every rule relaxed",
                                     solveSeconds: (clock.now - start).seconds, objectiveUSD: nil))
                failure = "window \(windows.count - 1) (\(site.horizon.label(issueStep))) has no solution even with the carbon budget and targets relaxed (\(status))"
                break
            }

            // Realise the committed block.
            var realisation = "plan"
            var realisedModel = plan.model, realisedResult = plan.result, readSite = realisedWindow
            if !Forecaster.sameSeries(forecastWindow, realisedWindow, steps: committed) {
                let blockRange = issueStep..<(issueStep + committed)
                var blockSite = try cut(site, blockRange)
                budget(&blockSite, range: blockRange, state: state, options: options, shadowPrice: shadowPrice, relaxed: true)
                let targets = blockTerminal(site, block: blockRange, state: state, plan: plan, planSite: realisedWindow)
                var solved: OperatingSolve.Outcome?
                for (terminal, label) in [(targets, "redispatch"), (relaxedTerminal(site, range: blockRange, state: state), "redispatch, targets relaxed")] {
                    let outcome = try OperatingSolve.run(blockSite, solver: options.warmStart == .all ? blockBasis.solver(options.solver, issueStep: issueStep) : options.solver,
                                                   compile: compileOptions(state, terminal))
                    effort.add(outcome)
                    blockBasis.record(outcome, issueStep: issueStep)
                    if outcome.result.status == .optimal, outcome.schedule != nil {
                        solved = outcome
                        realisation = label
                        break
                    }
                }
                guard let solved else {
                    windowSolveSeconds += (clock.now - start).seconds
                    windows.append(.init(index: windows.count, issueUTC: site.horizon.label(issueStep), endUTC: site.horizon.label(range.upperBound - 1),
                                         committedSteps: 0, status: status, realisation: "failed", note: note,
                                         solveSeconds: (clock.now - start).seconds, objectiveUSD: plan.result.objectiveValue))
                    failure = "window \(windows.count - 1) (\(site.horizon.label(issueStep))): the committed block has no feasible dispatch on the realised data"
                    break
                }
                realisedModel = solved.model
                realisedResult = solved.result
                readSite = blockSite
            }
            ledger.record(site: readSite, model: realisedModel, result: realisedResult, steps: committed, offset: issueStep, state: &state)
            let seconds = (clock.now - start).seconds
            windowSolveSeconds += seconds
            windows.append(.init(index: windows.count, issueUTC: site.horizon.label(issueStep), endUTC: site.horizon.label(range.upperBound - 1),
                                 committedSteps: committed, status: status, realisation: realisation, note: note,
                                 solveSeconds: seconds, objectiveUSD: plan.result.objectiveValue))
            issueStep += committed
        }

        var run = OperationRun(status: failure == nil ? "completed" : "failed", message: failure, windows: windows,
                               dispatch: ledger.schedule(), realised: ledger.figures(),
                               perfectForesight: perfect.schedule.map { OperationFigures(site: site, kpis: $0.kpis) },
                               perfectForesightStatus: perfect.result.status.rawValue, carbonShadowPriceUSDPerTonne: shadowPrice)
        run.windowSolveSeconds = windowSolveSeconds
        run.fullSolveSeconds = fullSolveSeconds
        run.windowCompileSeconds = effort.compileSeconds
        run.windowSolverSeconds = effort.solverSeconds
        run.windowSolves = effort.solves
        return run
    }

    /// Full-horizon operating solves run side by side, one thread each; results in input order.
    final class ConcurrentSolves: @unchecked Sendable {
        private let sites: [Site]
        private let solver: SolverOptions
        private let lock = NSLock()
        private var results: [Result<OperatingSolve.Outcome, any Error>?]

        init(sites: [Site], solver: SolverOptions) {
            self.sites = sites
            self.solver = solver
            results = Array(repeating: nil, count: sites.count)
        }

        /// Solves every site (each on its own thread: `concurrentPerform` joins them before it
        /// returns) and rethrows the first error in input order.
        func run() throws -> [OperatingSolve.Outcome] {
            DispatchQueue.concurrentPerform(iterations: sites.count) { index in
                let result = Result { try OperatingSolve.run(sites[index], solver: solver) }
                lock.withLock { results[index] = result }
            }
            var outcomes: [OperatingSolve.Outcome] = []
            for result in results {
                guard let result else { preconditionFailure("concurrentPerform returned before every solve finished") }
                outcomes.append(try result.get())
            }
            return outcomes
        }
    }

    /// The latest optimal basis of one kind of window LP (plans, or redispatches), for the
    /// next one's warm start. Before the first basis the simplex starts from the slack basis,
    /// so that the chain starts (an interior point leaves no basis).
    struct WarmChain {
        var model: LinearProgram?
        var basis: Basis?
        var issueStep = 0

        /// `solver` with the warm start from the latest basis, shifted to `issueStep`.
        func solver(_ solver: SolverOptions, issueStep: Int) -> SolverOptions {
            var solver = solver
            // The primal simplex: the shifted basis stays primal feasible but for the window's
            // ends. Measured on two weeks of the example site, against the dual simplex: 5 against
            // 38 iterations per window on exact forecasts, 69 against 88 with day-ahead prices.
            solver.warmStart = WarmStart(model: model ?? LinearProgram(), basis: basis, shiftSteps: issueStep - self.issueStep, method: .primal)
            return solver
        }

        /// Keeps `outcome`'s basis when it has one (an interior point's answer has none: the
        /// older basis then stays, shifted further).
        mutating func record(_ outcome: OperatingSolve.Outcome, issueStep: Int) {
            guard outcome.result.status == .optimal, let basis = outcome.result.basis else { return }
            model = outcome.model.program
            self.basis = basis
            self.issueStep = issueStep
        }
    }

    /// Compile and solver seconds summed over window LPs.
    struct SolveEffort {
        var compileSeconds = 0.0, solverSeconds = 0.0, solves = 0
        mutating func add(_ outcome: OperatingSolve.Outcome) {
            compileSeconds += outcome.buildSeconds
            solverSeconds += outcome.result.loadSeconds + outcome.result.solveSeconds
            solves += 1
        }
    }

    static func compileOptions(_ state: OperatingState, _ terminal: TerminalTargets?) -> CompileOptions {
        var options = CompileOptions(names: false)
        options.initialState = state.initial
        options.terminal = terminal
        return options
    }

    /// The realised site cut to `range` of its steps; jobs keep their whole energy (the carried
    /// state says how much is left).
    public static func cut(_ site: Site, _ range: Range<Int>) throws -> Site {
        try site.windowed(SiteWindow(startEpochSeconds: site.horizon.epochSeconds(range.lowerBound),
                                     endEpochSeconds: site.horizon.epochSeconds(range.upperBound), trainingEnergy: .full))
    }

    /// Carbon rule for a window over `range`: pro rata cap of the budget left, or no cap and
    /// the shadow price on top of the carbon price.
    static func budget(_ window: inout Site, range: Range<Int>, state: OperatingState, options: OperationOptions, shadowPrice: Double?, relaxed: Bool) {
        guard let cap = state.site.carbon.capTonnes else { return }
        switch options.carbonBudget {
        case .proRata:
            let left = Double(state.site.horizon.steps - range.lowerBound)
            window.carbon.capTonnes = relaxed ? nil : max(0, cap - state.emissionsTonnes) * Double(range.count) / left
        case .shadowPrice:
            window.carbon.capTonnes = nil
            window.carbon.priceUSDPerTonne += shadowPrice ?? 0
        }
    }

    /// Jobs still running after `end` (released before it, deadline after it).
    static func continuingJobs(_ site: Site, end: Int) -> [TrainingJob] {
        let endEpoch = site.horizon.epochSeconds(end)
        return site.trainingJobs.filter {
            Int64($0.deadlineUTC.timeIntervalSince1970) > endEpoch && Int64($0.releaseUTC.timeIntervalSince1970) < endEpoch
        }
    }

    /// The plan's end conditions: none at the end of the horizon (the site's own), else the
    /// target path at the window's end, cut to what the window can reach.
    static func planTerminal(_ site: Site, range: Range<Int>, state: OperatingState, path: TargetPath, options: OperationOptions) -> TerminalTargets? {
        guard range.upperBound < site.horizon.steps else { return nil }
        var terminal = TerminalTargets()
        let hours = site.horizon.stepHours
        for job in continuingJobs(site, end: range.upperBound) {
            let delivered = state.deliveredMWh[job.name] ?? 0
            guard options.targets == .plan, let target = path.cumulativeMWh[job.name]?[range.upperBound] else {
                terminal.trainingCumulativeMWh[job.name] = delivered
                continue
            }
            let reachable = delivered + job.maxPowerMW * hours * Double(range.clamped(to: job.firstStep..<(job.lastStep + 1)).count)
            terminal.trainingCumulativeMWh[job.name] = min(target, reachable, job.energyMWh)
        }
        guard options.targets == .plan else { return terminal }
        for battery in site.batteries {
            guard let target = path.socMWh[battery.name]?[range.upperBound] else { continue }
            let now = state.batterySOCMWh[battery.name] ?? battery.initialSOCMWh
            let reachable = now + battery.chargeEfficiency * battery.chargePowerMW * hours * Double(range.count)
            terminal.batterySOCMWh[battery.name] = min(target, reachable, battery.socMaxFraction * battery.energyMWh)
        }
        return terminal
    }

    /// No end targets: batteries may end at their floor, continuing jobs need nothing more.
    static func relaxedTerminal(_ site: Site, range: Range<Int>, state: OperatingState) -> TerminalTargets? {
        guard range.upperBound < site.horizon.steps else { return nil }
        var terminal = TerminalTargets()
        for battery in site.batteries { terminal.batterySOCMWh[battery.name] = battery.socMinFraction * battery.energyMWh }
        for job in continuingJobs(site, end: range.upperBound) { terminal.trainingCumulativeMWh[job.name] = state.deliveredMWh[job.name] ?? 0 }
        return terminal
    }

    /// The committed block's end state in the plan: its battery state of charge and each
    /// continuing job's cumulative energy, as targets for the redispatch on realised data.
    static func blockTerminal(_ site: Site, block: Range<Int>, state: OperatingState, plan: OperatingSolve.Outcome, planSite: Site) -> TerminalTargets? {
        guard block.upperBound < site.horizon.steps else { return nil }
        let x = plan.result.primalValues, last = block.count - 1
        var terminal = TerminalTargets()
        for (index, battery) in planSite.batteries.enumerated() {
            terminal.batterySOCMWh[battery.name] = max(0, x[plan.model.batterySOC[index][last].index])
        }
        let continuing = Set(continuingJobs(site, end: block.upperBound).map(\.name))
        for (index, job) in planSite.trainingJobs.enumerated() where continuing.contains(job.name) {
            // Work, capped operating points included (ScheduleReader's per-step work).
            var energy = 0.0
            if let work = plan.schedule?.jobs[index].workMW {
                for t in job.steps where t < block.count { energy += work[t] * site.horizon.stepHours }
            }
            terminal.trainingCumulativeMWh[job.name] = (state.deliveredMWh[job.name] ?? 0) + max(0, energy)
        }
        return terminal
    }
}

/// The target path: where the full-horizon plan stands at the start of every step (battery
/// state of charge, each job's cumulative energy), index 0 through `steps`.
struct TargetPath {
    var socMWh: [String: [Double]] = [:]
    var cumulativeMWh: [String: [Double]] = [:]

    init(site: Site, outcome: OperatingSolve.Outcome) {
        guard outcome.schedule != nil, outcome.result.primalValues.count == outcome.model.program.columnCount else { return }
        guard let schedule = outcome.schedule else { return }
        let x = outcome.result.primalValues, steps = site.horizon.steps, hours = site.horizon.stepHours
        for (index, battery) in site.batteries.enumerated() {
            socMWh[battery.name] = [battery.initialSOCMWh] + (0..<steps).map { max(0, x[outcome.model.batterySOC[index][$0].index]) }
        }
        for (index, job) in site.trainingJobs.enumerated() {
            var path = [Double](repeating: 0, count: steps + 1)
            for t in 0..<steps {
                // Work, capped operating points included.
                let work = job.steps.contains(t) ? schedule.jobs[index].workMW[t] : 0
                path[t + 1] = path[t] + max(0, work) * hours
            }
            cumulativeMWh[job.name] = path
        }
    }
}
