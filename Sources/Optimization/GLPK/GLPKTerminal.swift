import CGLPK
import Foundation
import Logging

/// Collects GLPK's terminal output on the calling thread while `body` runs.
///
/// GLPK prints progress and error messages (for example `file.mps:12: invalid field`) to
/// stdout unless a hook takes them (`glp_term_hook`). The hook is per thread, like the rest
/// of GLPK's environment. Lines go to swift-log at debug level (visible with `--verbose`) and
/// are kept so that errors can quote GLPK's own words.
final class GLPKTerminal {
    private var pending = ""
    private(set) var lines: [String] = []
    let logger = Logger(label: "insula.glpk")
    /// Receives a report for every iteration line GLPK prints while ``progressMethod`` is set.
    var progress: (@Sendable (SolveProgress) -> Void)?
    var progressMethod: SolverMethod?
    private var progressStart = ContinuousClock.now

    /// GLPK message level: progress lines always, since they drive progress reports and are
    /// the points where a cancelled solve can stop; they reach the log only at debug level.
    var messageLevel: Int32 { GLP_MSG_ON }

    fileprivate func receive(_ text: String) {
        pending += text
        while let newline = pending.firstIndex(of: "\n") {
            emit(String(pending[..<newline]))
            pending.removeSubrange(...newline)
        }
    }

    fileprivate func flush() {
        if !pending.isEmpty { emit(pending) }
        pending = ""
    }

    private func emit(_ line: String) {
        lines.append(line)
        if lines.count > 10_000 { lines.removeFirst(5_000) }
        logger.debug("\(line)")
        if let progress, let method = progressMethod, var report = Self.parseProgress(line, method: method) {
            report.elapsedSeconds = (ContinuousClock.now - progressStart).seconds
            progress(report)
        }
    }

    /// Starts reporting progress lines as `method`'s.
    func beginProgress(_ method: SolverMethod) {
        progressMethod = method
        progressStart = .now
    }

    /// An iteration line of GLPK's interior point (`  12: obj = -1.2e+07; rpi = ...; gap = 3.1e-03`)
    /// or simplex (`*  1234: obj = -3.4e+07 inf = 0.000e+00 (26213)`), parsed.
    static func parseProgress(_ line: String, method: SolverMethod) -> SolveProgress? {
        var text = Substring(line).drop(while: { $0 == " " || $0 == "*" || $0 == "#" || $0 == "|" })
        guard let colon = text.firstIndex(of: ":"), let iteration = Int(text[..<colon].trimmingCharacters(in: .whitespaces)) else { return nil }
        text = text[text.index(after: colon)...]
        func number(after key: String) -> Double? {
            guard let range = text.range(of: key) else { return nil }
            let rest = text[range.upperBound...].drop(while: { $0 == " " })
            return Double(rest.prefix(while: { !$0.isWhitespace && $0 != ";" }))
        }
        guard let objective = number(after: "obj =") else { return nil }
        return SolveProgress(method: method, iteration: iteration, objective: objective,
                             gap: number(after: "gap ="), infeasibility: number(after: "inf ="), elapsedSeconds: 0)
    }

    /// The last line that looks like `path:line: message`, parsed.
    func lastLocatedError() -> (line: Int, message: String)? {
        for text in lines.reversed() {
            // GLPK's readers print "<file>:<line>: <message>".
            let parts = text.split(separator: ":", maxSplits: 2, omittingEmptySubsequences: false)
            guard parts.count == 3, let line = Int(parts[1].trimmingCharacters(in: .whitespaces)) else { continue }
            return (line, parts[2].trimmingCharacters(in: .whitespaces))
        }
        return nil
    }

    /// The hook GLPK calls with each piece of text; `info` is the capturing terminal.
    static let hook: @convention(c) (UnsafeMutableRawPointer?, UnsafePointer<CChar>?) -> Int32 = { info, text in
        guard let info, let text else { return 1 }
        Unmanaged<GLPKTerminal>.fromOpaque(info).takeUnretainedValue().receive(String(cString: text))
        return 1  // handled: GLPK must not print it
    }

    /// This terminal as the hook's `info` argument (valid while a capture runs).
    var hookInfo: UnsafeMutableRawPointer { Unmanaged.passUnretained(self).toOpaque() }

    /// Runs `body` with GLPK's terminal output routed into a fresh capture.
    static func capturing<T, E: Error>(_ body: (GLPKTerminal) throws(E) -> T) throws(E) -> T {
        let terminal = GLPKTerminal()
        glp_term_hook(hook, terminal.hookInfo)
        defer {
            glp_term_hook(nil, nil)
            terminal.flush()
        }
        return try withExtendedLifetime(terminal) { () throws(E) -> T in try body(terminal) }
    }
}
