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

    /// GLPK message level matching the logger: full output only when someone will read it.
    var messageLevel: Int32 { logger.logLevel <= .debug ? GLP_MSG_ON : GLP_MSG_ERR }

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

    /// Runs `body` with GLPK's terminal output routed into a fresh capture.
    static func capturing<T, E: Error>(_ body: (GLPKTerminal) throws(E) -> T) throws(E) -> T {
        let terminal = GLPKTerminal()
        let info = Unmanaged.passUnretained(terminal).toOpaque()
        glp_term_hook({ info, text in
            guard let info, let text else { return 1 }
            Unmanaged<GLPKTerminal>.fromOpaque(info).takeUnretainedValue().receive(String(cString: text))
            return 1  // handled: GLPK must not print it
        }, info)
        defer {
            glp_term_hook(nil, nil)
            terminal.flush()
        }
        return try withExtendedLifetime(terminal) { () throws(E) -> T in try body(terminal) }
    }
}
