import CGLPK
import Foundation

/// GLPK's per-thread environment.
///
/// This GLPK build keeps its environment in thread-local storage: a problem must be created,
/// solved and deleted on one thread, and each thread that used GLPK holds an environment
/// until `glp_free_env` is called on it. Long-lived worker threads (batch runs) call
/// ``releaseCurrentThread()`` when they end.
public enum GLPKEnvironment {
    /// GLPK's version, from `glp_version` (e.g. "5.0").
    public static var version: String { String(cString: glp_version()) }

    /// Frees the calling thread's GLPK environment (`glp_free_env`) if no problem created on
    /// this thread is still alive; returns whether it did.
    @discardableResult
    public static func releaseCurrentThread() -> Bool {
        guard liveProblemsOnCurrentThread == 0 else { return false }
        return glp_free_env() == 0
    }

    /// Runs `body` on the calling thread and frees the thread's GLPK environment afterwards:
    /// the shape of a worker thread's whole life.
    public static func withThreadEnvironment<T, E: Error>(_ body: () throws(E) -> T) throws(E) -> T {
        defer { releaseCurrentThread() }
        return try body()
    }

    private static let key = "insula.glpk.liveProblems"
    private static let countLock = NSLock()
    nonisolated(unsafe) private static var liveProblemCount = 0

    /// GLPK problems alive on all threads (leak checks in tests).
    public static var liveProblems: Int {
        countLock.lock()
        defer { countLock.unlock() }
        return liveProblemCount
    }

    static var liveProblemsOnCurrentThread: Int {
        get { Thread.current.threadDictionary[key] as? Int ?? 0 }
        set {
            let change = newValue - liveProblemsOnCurrentThread
            Thread.current.threadDictionary[key] = newValue
            countLock.lock()
            liveProblemCount += change
            countLock.unlock()
        }
    }
}
