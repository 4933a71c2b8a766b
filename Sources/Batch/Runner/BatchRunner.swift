import Foundation
import Island
import Optimization

/// How a batch runs.
public struct BatchRunOptions: Sendable {
    /// Worker threads.
    public var jobs: Int
    public var solver: SolverOptions
    public var warmStart: WarmStartPolicy
    /// Scenarios whose LP would exceed this many coefficients fail without being built.
    public var maximumNonzeros: Int
    /// Written into every stored row.
    public var insulaVersion: String

    public init(jobs: Int, solver: SolverOptions = SolverOptions(), warmStart: WarmStartPolicy = .off,
                maximumNonzeros: Int = 20_000_000, insulaVersion: String) {
        self.jobs = jobs
        self.solver = solver
        // No method race in batches: the workers already keep the cores busy, and a race's
        // winner depends on timing, which would make results differ between runs.
        self.solver.concurrent = false
        self.warmStart = warmStart
        self.maximumNonzeros = maximumNonzeros
        self.insulaVersion = insulaVersion
    }
}

/// Totals of one run of the batch runner.
public struct RunTotals: Sendable, Equatable {
    public var succeeded = 0
    public var failed = 0
    public var wallSeconds = 0.0
    /// Time the workers spent in the results store (summed over workers), seconds.
    public var storeSeconds = 0.0
    /// Time the workers spent in the progress callback (summed over workers), seconds.
    public var progressSeconds = 0.0
    /// Scenarios re-solved from the previous basis.
    public var warmStarts = 0
}

/// Runs scenarios on `jobs` worker threads and stores each result as it finishes.
///
/// Threads rather than processes: measured on the 2-core machine (README "Batch
/// benchmarks"), two shard processes spent about 50 % more CPU than one process with two threads
/// on a one-week batch, because each reads and validates the whole batch and keeps its own
/// store; threads share the base site, the validated sites and one store connection, and
/// use the same CPU per scenario as a single worker. Each scenario's GLPK problem is
/// created, solved and freed on its worker thread, and each thread frees its GLPK
/// environment when it ends (GLPK's per-thread state).
public struct BatchRunner: Sendable {
    public var base: SiteDocument
    public var store: ResultsStore?
    public var options: BatchRunOptions
    /// Sites resolved during validation, used instead of reading the series again.
    public var sites: SiteCache?

    /// - Parameter store: where results go; nil only for benchmarks of the solve alone.
    public init(base: SiteDocument, store: ResultsStore?, options: BatchRunOptions, sites: SiteCache? = nil) {
        self.base = base
        self.store = store
        self.options = options
        self.sites = sites
    }

    /// Worker threads need more stack than Foundation's default: GLPK's factorisation and
    /// the schedule reader keep sizeable frames.
    static let workerStackBytes = 16 << 20

    /// Runs `scenarios` (in the order given, handed out one at a time to the first free
    /// worker) and calls `finished` after each is stored, from that worker's thread.
    /// - Throws: the first store error (the disk is full, the file was removed); workers stop
    ///   taking new scenarios after it.
    public func run(_ scenarios: [Scenario], finished: @escaping @Sendable (ScenarioResult) -> Void = { _ in }) throws -> RunTotals {
        let clock = ContinuousClock()
        let start = clock.now
        let next = Counter()
        let state = SharedTotals()
        let workers = max(1, min(options.jobs, scenarios.count))
        let group = DispatchGroup()
        for _ in 0..<workers {
            group.enter()
            let thread = Thread { [self] in
                GLPKEnvironment.withThreadEnvironment {
                    let solver = ScenarioSolver(base: base, options: options, sites: sites)
                    while !state.stopped, let index = next.take(below: scenarios.count) {
                        let result = solver.solve(scenarios[index])
                        let storeStart = clock.now
                        do {
                            try store?.record(result)
                        } catch {
                            state.stop(with: error)
                            break
                        }
                        let progressStart = clock.now
                        finished(result)
                        state.add(result, storeSeconds: (progressStart - storeStart).seconds,
                                  progressSeconds: (clock.now - progressStart).seconds)
                    }
                }
                group.leave()
            }
            thread.stackSize = Self.workerStackBytes
            thread.start()
        }
        group.wait()
        if let error = state.error { throw error }
        var totals = state.totals
        totals.wallSeconds = (clock.now - start).seconds
        return totals
    }
}

/// Totals shared by the workers of one run.
private final class SharedTotals: @unchecked Sendable {
    private let lock = NSLock()
    private var current = RunTotals()
    private var firstError: (any Error)?

    var totals: RunTotals { lock.withLock { current } }
    var error: (any Error)? { lock.withLock { firstError } }
    var stopped: Bool { lock.withLock { firstError != nil } }

    func add(_ result: ScenarioResult, storeSeconds: Double, progressSeconds: Double) {
        lock.withLock {
            if result.succeeded { current.succeeded += 1 } else { current.failed += 1 }
            if result.warmStart { current.warmStarts += 1 }
            current.storeSeconds += storeSeconds
            current.progressSeconds += progressSeconds
        }
    }

    func stop(with error: any Error) {
        lock.withLock { if firstError == nil { firstError = error } }
    }
}
