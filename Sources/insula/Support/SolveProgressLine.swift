import Foundation
import Optimization

/// One self-rewriting line on a terminal's stderr while a solve runs: per method, the
/// iteration, objective, interior point's gap or the simplex's infeasibility, and the elapsed
/// time. Nothing on a pipe or a file (logs stay clean), nothing with `--verbose` (GLPK's own
/// lines are printed then), nothing for solves under two seconds.
final class SolveProgressLine: @unchecked Sendable {
    private let lock = NSLock()
    private var latest: [SolverMethod: SolveProgress] = [:]
    private var lastDraw = Date.distantPast
    private var drawn = false
    private let start = Date()

    /// A progress line when stderr is a terminal and `--verbose` is off; nil otherwise.
    static func forTerminal(verbose: Bool) -> SolveProgressLine? {
        verbose || isatty(STDERR_FILENO) != 1 ? nil : SolveProgressLine()
    }

    /// The callback to hand the solver (called from its threads).
    var callback: @Sendable (SolveProgress) -> Void {
        { [self] progress in receive(progress) }
    }

    private func receive(_ progress: SolveProgress) {
        lock.lock()
        defer { lock.unlock() }
        latest[progress.method] = progress
        let now = Date()
        guard now.timeIntervalSince(start) >= 2, now.timeIntervalSince(lastDraw) >= 0.25 else { return }
        lastDraw = now
        let parts = latest.keys.sorted { $0.rawValue > $1.rawValue }.compactMap { method -> String? in
            guard let report = latest[method] else { return nil }
            var text = "\(method.displayName) it \(report.iteration) obj \(String(format: "%.6e", report.objective))"
            if let gap = report.gap { text += " gap \(String(format: "%.1e", gap))" }
            if let infeasibility = report.infeasibility, infeasibility > 0 { text += " inf \(String(format: "%.1e", infeasibility))" }
            return text
        }
        let line = "solving: " + parts.joined(separator: " | ") + String(format: " | %.0f s", now.timeIntervalSince(start))
        FileHandle.standardError.write(Data(("\r\u{1B}[2K" + line).utf8))
        drawn = true
    }

    /// Clears the line (call when the solve has returned).
    func finish() {
        lock.lock()
        defer { lock.unlock() }
        if drawn { FileHandle.standardError.write(Data("\r\u{1B}[2K".utf8)) }
        drawn = false
        latest = [:]
    }
}
