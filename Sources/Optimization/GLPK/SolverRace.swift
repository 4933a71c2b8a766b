import CGLPK
import Foundation
import Logging

/// A flag one thread raises to stop a GLPK solve running on another (see `shim.h`).
final class CancellationFlag: @unchecked Sendable {
    /// Read by C with an acquire load, written only through `insula_raise_flag`.
    let pointer: UnsafeMutablePointer<Int32>

    init() {
        pointer = .allocate(capacity: 1)
        pointer.initialize(to: 0)
    }

    deinit { pointer.deallocate() }

    func raise() { insula_raise_flag(pointer) }
}

/// Interior point and the dual simplex on two threads; the first proven optimum wins.
///
/// Why both: GLPK's interior point is the fast method on a year of hourly steps (seconds
/// against minutes for the simplex), but it can stop without a usable point; the simplex
/// always terminates. Run one after the other, a failure costs the whole interior-point
/// time before the simplex even starts; raced, the simplex has been running all along.
/// GLPK keeps its state per thread, so each thread builds, solves and frees its own copy of
/// the problem. The loser is stopped through its terminal hook (`insula_solve_guarded`)
/// and its thread's GLPK environment freed, so nothing of it is left behind.
enum SolverRace {
    /// One racer's outcome, handed across threads under the lock.
    private final class Board: @unchecked Sendable {
        let lock = NSCondition()
        var results: [SolverMethod: SolveResult] = [:]
        var finished: Set<SolverMethod> = []
        var order: [SolverMethod] = []
    }

    /// GLPK problems and memory blocks still held by a racing thread when it ended (a leak;
    /// tests keep it 0).
    static var leakedWorkerProblems: Int {
        leakLock.lock()
        defer { leakLock.unlock() }
        return leaked
    }
    private static let leakLock = NSLock()
    nonisolated(unsafe) private static var leaked = 0

    static func run(_ model: LinearProgram, options: SolverOptions) -> SolveResult {
        let clock = ContinuousClock()
        let start = clock.now
        let board = Board()
        let methods: [SolverMethod] = [.interior, .dual]
        let flags = Dictionary(uniqueKeysWithValues: methods.map { ($0, CancellationFlag()) })
        for method in methods {
            let flag = flags[method]!
            let thread = Thread {
                let outcome = method == .interior ? GLPK.interiorPoint(model, options: options, cancel: flag)
                    : GLPK.attempt(model, method: method, options: options, cancel: flag)
                // Every problem this thread made must be gone (deleted, or freed with the
                // environment of a cancelled solve) before the environment is released.
                // GLPK's own count of the blocks it holds on this thread (glp_mem_usage): 0
                // once the problem is deleted, or after a cancelled solve's glp_free_env.
                var blocks: Int32 = 0
                glp_mem_usage(&blocks, nil, nil, nil)
                let remaining = GLPKEnvironment.liveProblemsOnCurrentThread + Int(blocks)
                GLPKEnvironment.releaseCurrentThread()
                leakLock.lock()
                leaked += remaining
                leakLock.unlock()
                board.lock.lock()
                if let outcome { board.results[method] = outcome }
                board.finished.insert(method)
                board.order.append(method)
                board.lock.broadcast()
                board.lock.unlock()
            }
            thread.stackSize = 16 << 20
            thread.start()
        }

        // Wait for a winner: a definite outcome (optimal, infeasible, unbounded) from either,
        // or both done. The time limit, if any, cancels both.
        let deadline = options.timeLimitSeconds.map { Date().addingTimeInterval($0) }
        var timedOut = false
        board.lock.lock()
        var winner: SolverMethod?
        while winner == nil {
            winner = board.order.first { method in board.results[method].map(isDefinite) ?? false }
            if winner != nil || board.finished.count == methods.count { break }
            if let deadline {
                if !board.lock.wait(until: deadline) { timedOut = true; break }
            } else {
                board.lock.wait()
            }
        }
        board.lock.unlock()

        // Stop the others and wait until their threads have freed their GLPK state.
        for method in methods where method != winner { flags[method]!.raise() }
        board.lock.lock()
        while board.finished.count < methods.count { board.lock.wait() }
        let results = board.results, order = board.order
        board.lock.unlock()

        var attempts: [SolveAttempt] = []
        for method in order {
            if let result = results[method] { attempts += result.attempts } else {
                attempts.append(SolveAttempt(method: method, status: timedOut ? .timeLimit : .numericalFailure,
                                             seconds: (clock.now - start).seconds, iterations: 0, cancelled: true))
            }
        }
        var result: SolveResult
        if let winner, let best = results[winner] {
            result = best
        } else if timedOut {
            result = SolveResult(status: .timeLimit, method: .interior, message: "time limit reached")
        } else {
            // Neither proved anything: report the interior point's outcome with both stories.
            result = results[.interior] ?? results[.dual] ?? SolveResult(status: .numericalFailure, method: .interior)
            result.message = "no method reached a verified optimum: " + attempts.map(\.summary).joined(separator: "; ")
                + ". Try --scaling geometric_mean, a longer --time-limit with --method dual, or check the site for huge or tiny coefficients (insula lp export)"
        }
        result.attempts = attempts
        result.solveSeconds = (clock.now - start).seconds - result.loadSeconds
        if let failed = results[.interior], failed.status == .numericalFailure, winner == .dual {
            Logger(label: "insula.glpk").warning("interior point failed (\(failed.message ?? "numerical failure")); the dual simplex racing it found the optimum")
        }
        return result
    }

    private static func isDefinite(_ result: SolveResult) -> Bool {
        switch result.status {
        case .optimal, .infeasible, .unbounded, .infeasibleOrUnbounded: return true
        default: return false
        }
    }

    /// Raises a flag after a number of seconds unless stopped first: a time limit for a
    /// method that has none of its own (GLPK's interior point).
    final class Watchdog: @unchecked Sendable {
        let flag = CancellationFlag()
        private let lock = NSCondition()
        private var stopped = false
        private(set) var fired = false

        init(seconds: Double) {
            let deadline = Date().addingTimeInterval(seconds)
            Thread { [self] in
                lock.lock()
                while !stopped {
                    if !lock.wait(until: deadline) {
                        fired = true
                        flag.raise()
                        break
                    }
                }
                lock.unlock()
            }.start()
        }

        func stop() {
            lock.lock()
            stopped = true
            lock.broadcast()
            lock.unlock()
        }
    }
}
