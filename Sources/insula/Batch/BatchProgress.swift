import Batch
import Foundation

/// Progress of a batch run on stderr: a bar with done/total, failures and ETA on a terminal;
/// one plain line per finished scenario otherwise (CI logs, cluster jobs); nothing when quiet.
final class BatchProgress: @unchecked Sendable {
    enum Style { case bar, lines, quiet }

    private let lock = NSLock()
    private let style: Style
    private let total: Int
    private let alreadyDone: Int
    private var done: Int
    private var failed: Int
    private let clock = ContinuousClock()
    private let start: ContinuousClock.Instant
    private let width: Int

    /// - Parameters:
    ///   - total: scenarios in this run's scope (the shard's or the batch's).
    ///   - alreadyDone, alreadyFailed: finished before this run (`--resume`).
    init(total: Int, alreadyDone: Int, alreadyFailed: Int, quiet: Bool) {
        style = quiet ? .quiet : (isatty(STDERR_FILENO) == 1 ? .bar : .lines)
        self.total = total
        self.alreadyDone = alreadyDone
        done = alreadyDone
        failed = alreadyFailed
        start = clock.now
        width = String(total).count
    }

    func begin(toRun: Int) {
        guard style != .quiet else { return }
        if alreadyDone > 0 { emit("resuming: \(alreadyDone) of \(total) scenarios already finished, \(toRun) to run\n") }
        if style == .bar { draw() }
    }

    /// Called by a worker after a scenario is stored.
    func finished(_ result: ScenarioResult) {
        lock.withLock {
            done += 1
            if !result.succeeded { failed += 1 }
            switch style {
            case .quiet: return
            case .bar:
                if !result.succeeded {
                    emit("\r\u{1B}[2K\(result.status): \(result.scenario.name) (\(result.scenario.id)): \(firstLine(result.message))\n")
                }
                draw()
            case .lines:
                let count = String(done)
                var line = "[\(String(repeating: " ", count: width - count.count))\(count)/\(total)] \(result.status) "
                line += "\(result.scenario.id) \(result.scenario.name) (\(String(format: "%.2f", result.totalSeconds)) s)"
                if !result.succeeded { line += ": " + firstLine(result.message) }
                emit(line + "\n")
            }
        }
    }

    func end() {
        if style == .bar { lock.withLock { emit("\n") } }
    }

    /// `[#######.......] 12/24, 1 failed, 0:42 elapsed, ETA 0:40`
    private func draw() {
        let barWidth = 30
        let filled = total == 0 ? barWidth : barWidth * done / total
        let elapsed = (clock.now - start).seconds
        let ranHere = done - alreadyDone
        var text = "\r\u{1B}[2K[" + String(repeating: "#", count: filled) + String(repeating: ".", count: barWidth - filled) + "] "
        text += "\(done)/\(total)"
        if failed > 0 { text += ", \(failed) failed" }
        text += ", \(clock(elapsed)) elapsed"
        if ranHere > 0, done < total { text += ", ETA \(clock(elapsed / Double(ranHere) * Double(total - done)))" }
        emit(text)
    }

    private func clock(_ seconds: Double) -> String {
        let whole = Int(seconds.rounded())
        return whole >= 3600 ? String(format: "%d:%02d:%02d", whole / 3600, whole / 60 % 60, whole % 60)
            : String(format: "%d:%02d", whole / 60, whole % 60)
    }

    private func firstLine(_ text: String?) -> String {
        String(text?.split(separator: "\n").first ?? "")
    }

    private func emit(_ text: String) {
        FileHandle.standardError.write(Data(text.utf8))
    }
}
