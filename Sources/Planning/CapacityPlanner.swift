import Foundation
import Island
import Optimization
import Scheduling

/// How a plan settles a whole number of SMR modules.
public enum ModuleCountStrategy: String, Sendable, CaseIterable {
    /// `enumerate` when the range of counts is small (at most ``CapacityPlanner/enumerationLimit``
    /// counts), else `mip`.
    case auto
    /// One LP per module count (the other capacities stay continuous decisions), solved in
    /// parallel; the cheapest optimum wins. Exact: the MILP's optimum is the best of these.
    case enumerate
    /// One MILP, branch-and-cut on the module count.
    case mip
    /// The LP relaxation: a fractional module count (a lower bound on the integer plan's cost).
    case relaxed
}

/// Options of a capacity plan.
public struct PlanOptions: Sendable {
    public var moduleCounts: ModuleCountStrategy
    public var solver: SolverOptions
    public var compile: CompileOptions
    /// Worker threads for enumeration (each solves one count at a time) and for a build-out's
    /// Benders subproblems (each solves one period at a time).
    public var jobs: Int
    /// How a multi-period build-out is solved (ignored for a single-year plan).
    public var decomposition: BuildOutDecomposition = .auto
    public var benders = BendersOptions()

    public init(moduleCounts: ModuleCountStrategy = .auto, solver: SolverOptions = SolverOptions(),
                compile: CompileOptions = CompileOptions(), jobs: Int = ProcessInfo.processInfo.activeProcessorCount) {
        self.moduleCounts = moduleCounts
        self.solver = solver
        self.compile = compile
        self.jobs = jobs
    }
}

/// A solved single-year capacity plan: the cheapest build and its year of operation.
public struct CapacityPlan: Sendable {
    /// One module count tried by enumeration.
    public struct Candidate: Sendable {
        public var smrUnits: Int
        public var status: SolveStatus
        public var objectiveUSD: Double?
        public var seconds: Double
    }

    /// The strategy that ran (`auto` resolved).
    public var strategy: ModuleCountStrategy
    /// The chosen plan's operating run (its schedule carries ``Schedule/capacities``).
    public var outcome: OperatingSolve.Outcome
    /// The site as planned, with the module count fixed when enumeration chose it.
    public var site: Site
    /// Every count tried (enumeration only), in count order.
    public var candidates: [Candidate]
}

/// Sizes a site's `build` dimensions together with a year (or any horizon) of hourly operation
/// in one LP: annualised capital + fixed O&M + operating cost (docs/formulation.md, section 14).
/// A whole number of SMR modules is settled by ``ModuleCountStrategy``.
public enum CapacityPlanner {
    /// Most module counts `auto` enumerates before choosing branch-and-cut.
    public static let enumerationLimit = 12

    /// The strategy `requested` comes to for `site` (`auto` resolved; `relaxed` without an SMR
    /// build) and the range of whole module counts its build allows (nil when unbounded).
    static func resolvedStrategy(_ requested: ModuleCountStrategy, for site: Site) -> (strategy: ModuleCountStrategy, counts: ClosedRange<Int>?) {
        let build = site.smr?.build
        let integer = build != nil && site.smr?.integerUnits == true
        let counts: ClosedRange<Int>? = build.flatMap { build in
            guard build.maximum.isFinite else { return nil }
            return Int(build.minimum.rounded(.up))...Int(build.maximum.rounded(.down))
        }
        var strategy = requested
        if strategy == .auto {
            if integer, let counts, counts.count <= enumerationLimit { strategy = .enumerate } else { strategy = integer ? .mip : .relaxed }
        }
        if build == nil { strategy = .relaxed }
        return (strategy, counts)
    }

    public static func plan(_ site: Site, options: PlanOptions = PlanOptions()) throws -> CapacityPlan {
        let build = site.smr?.build
        let (strategy, counts) = resolvedStrategy(options.moduleCounts, for: site)
        switch strategy {
        case .enumerate:
            guard let counts else { throw PlanError.unboundedModuleCount }
            return try enumerate(site, counts: counts, options: options)
        case .relaxed, .mip, .auto:
            var planned = site
            if strategy == .relaxed { planned.smr?.integerUnits = false }
            if strategy == .mip { planned.smr?.integerUnits = true }
            let outcome = try OperatingSolve.run(planned, solver: options.solver, compile: options.compile)
            return CapacityPlan(strategy: build == nil ? .auto : strategy, outcome: outcome, site: planned, candidates: [])
        }
    }

    /// One LP per module count on `jobs` threads; the cheapest optimum wins (ties: fewer modules).
    static func enumerate(_ site: Site, counts: ClosedRange<Int>, options: PlanOptions) throws -> CapacityPlan {
        let sites = counts.map { units -> Site in
            var fixed = site
            fixed.smr?.build?.minimum = Double(units)
            fixed.smr?.build?.maximum = Double(units)
            fixed.smr?.integerUnits = false  // fixed by its bounds: an LP
            return fixed
        }
        var sequential = options.solver
        sequential.concurrent = false  // the threads are already busy with other counts
        let solver = sequential
        let results = ResultSlots<Result<OperatingSolve.Outcome, any Error>>(count: sites.count)
        let seconds = ResultSlots<Double>(count: sites.count)
        let next = NextIndex()
        let group = DispatchGroup()
        for _ in 0..<max(1, min(options.jobs, sites.count)) {
            group.enter()
            let thread = Thread {
                GLPKEnvironment.withThreadEnvironment {
                    while let index = next.take(below: sites.count) {
                        let clock = ContinuousClock()
                        let start = clock.now
                        results[index] = Result { try OperatingSolve.run(sites[index], solver: solver, compile: options.compile) }
                        seconds[index] = (clock.now - start).seconds
                    }
                }
                group.leave()
            }
            thread.stackSize = 16 << 20
            thread.start()
        }
        group.wait()

        var candidates: [CapacityPlan.Candidate] = []
        for (index, units) in counts.enumerated() {
            let outcome = try results[index]!.get()
            let objective = outcome.result.status == .optimal ? outcome.result.objectiveValue : nil
            candidates.append(CapacityPlan.Candidate(smrUnits: units, status: outcome.result.status, objectiveUSD: objective,
                                                     seconds: seconds[index] ?? 0))
        }
        let chosen = decidingCandidate(candidates)
        return CapacityPlan(strategy: .enumerate, outcome: try results[chosen]!.get(), site: sites[chosen], candidates: candidates)
    }

    /// The index of the count whose outcome is the plan's: the cheapest optimum (ties within
    /// 1e-9: fewer modules). A count the solver gave up on (a limit, a numerical failure) might
    /// have been the cheapest, so the enumeration proves nothing then: that count's outcome is
    /// the plan's (its status and exit code). With no count feasible, the smallest count's
    /// outcome explains the infeasibility.
    static func decidingCandidate(_ candidates: [CapacityPlan.Candidate]) -> Int {
        let settled: Set<SolveStatus> = [.optimal, .infeasible, .unbounded, .infeasibleOrUnbounded]
        if let unsettled = candidates.firstIndex(where: { !settled.contains($0.status) }) { return unsettled }
        var best: (index: Int, objectiveUSD: Double)?
        for (index, candidate) in candidates.enumerated() {
            guard let objective = candidate.objectiveUSD else { continue }
            if objective < (best?.objectiveUSD ?? .infinity) - 1e-9 * max(1, abs(objective)) { best = (index, objective) }
        }
        return best?.index ?? 0
    }
}

public enum PlanError: Error, CustomStringConvertible, Sendable {
    case unboundedModuleCount

    public var description: String {
        switch self {
        case .unboundedModuleCount:
            return "enumerating SMR module counts needs smr.build.max_units (or use --module-counts mip)"
        }
    }
}

/// Fixed slots written by worker threads, each slot by one thread.
final class ResultSlots<Value>: @unchecked Sendable {
    private var values: [Value?]
    private let lock = NSLock()
    init(count: Int) { values = Array(repeating: nil, count: count) }
    subscript(index: Int) -> Value? {
        get { lock.lock(); defer { lock.unlock() }; return values[index] }
        set { lock.lock(); values[index] = newValue; lock.unlock() }
    }
}

/// Hands out indices 0, 1, 2, ... to worker threads.
final class NextIndex: @unchecked Sendable {
    private var next = 0
    private let lock = NSLock()
    func take(below count: Int) -> Int? {
        lock.lock()
        defer { lock.unlock() }
        guard next < count else { return nil }
        next += 1
        return next - 1
    }
}
