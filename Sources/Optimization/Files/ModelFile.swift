import CGLPK
import Foundation

/// File formats a model can be written to and read from, for handing models to other solvers.
public enum ModelFileFormat: String, CaseIterable, Sendable {
    /// Free MPS (`glp_read_mps`/`glp_write_mps` with `GLP_MPS_FILE`).
    case mps
    /// Fixed (ancient) MPS, read only when free MPS fails.
    case fixedMPS = "fixed-mps"
    /// CPLEX LP (`glp_read_lp`/`glp_write_lp`).
    case lp

    /// The format implied by a file's extension (`.mps`, `.lp`), if any.
    public init?(fileExtension: String) {
        switch fileExtension.lowercased() {
        case "mps", "freemps": self = .mps
        case "lp": self = .lp
        default: return nil
        }
    }
}

/// A model file that could not be read or written, with GLPK's own reason and line.
public struct ModelFileError: Error, CustomStringConvertible, Sendable {
    public let path: String
    public let line: Int?
    public let message: String

    public init(path: String, line: Int? = nil, message: String) {
        self.path = path
        self.line = line
        self.message = message
    }

    public var description: String {
        if let line { return "\(path):\(line): \(message)" }
        return "\(path): \(message)"
    }
}

extension LinearProgram {
    /// Reads a model from an MPS or CPLEX LP file with GLPK's readers.
    ///
    /// The format comes from `format` or the file extension. A `.mps` file is read as free
    /// MPS first and as fixed MPS if that fails. Errors name the file and the line GLPK
    /// reports.
    public static func read(from url: URL, format: ModelFileFormat? = nil) throws(ModelFileError) -> LinearProgram {
        let path = url.path
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
            throw ModelFileError(path: path, message: "no such file")
        }
        guard !isDirectory.boolValue else { throw ModelFileError(path: path, message: "is a directory, not a model file") }
        // GLPK would block on a FIFO or read /dev/zero until memory runs out.
        var info = stat()
        guard stat(path, &info) == 0, info.st_mode & S_IFMT == S_IFREG else {
            throw ModelFileError(path: path, message: "is not a regular file (devices, pipes and sockets are refused)")
        }
        guard FileManager.default.isReadableFile(atPath: path) else {
            throw ModelFileError(path: path, message: "not readable (permission denied)")
        }
        guard let format = format ?? ModelFileFormat(fileExtension: url.pathExtension) else {
            throw ModelFileError(path: path, message: "unknown model format: use a .mps or .lp file")
        }
        let contents = format == .lp ? nil : try? Data(contentsOf: url)
        let attempts: [ModelFileFormat] = format == .mps ? [.mps, .fixedMPS] : [format]
        var firstError: ModelFileError?
        for attempt in attempts {
            if attempt != .lp, let contents,
               let repeated = MPSBoundCheck.firstRepeatedBothSidedBound(in: contents, fixed: attempt == .fixedMPS) {
                if firstError == nil {
                    firstError = ModelFileError(path: path, line: repeated.line,
                                                message: "column '\(repeated.column)' has more than one FX, FR or BV bound (GLPK's reader would abort on it)")
                }
                continue
            }
            let outcome: Result<LinearProgram, ModelFileError> = GLPKTerminal.capturing { terminal in
                let problem = GLPKProblem()
                let code: Int32
                switch attempt {
                case .mps: code = glp_read_mps(problem.pointer, GLP_MPS_FILE, nil, path)
                case .fixedMPS: code = glp_read_mps(problem.pointer, GLP_MPS_DECK, nil, path)
                case .lp: code = glp_read_lp(problem.pointer, nil, path)
                }
                guard code == 0 else {
                    let located = terminal.lastLocatedError()
                    return .failure(ModelFileError(path: path, line: located?.line,
                                                   message: located?.message ?? "GLPK could not read it as \(attempt.rawValue)"))
                }
                return .success(problem.extractModel())
            }
            switch outcome {
            case .success(let model): return model
            case .failure(let error): if firstError == nil { firstError = error }
            }
        }
        throw firstError!
    }

    /// A CPLEX LP name for `name`: GLPK's LP writer replaces **every** name of a model with
    /// `x_N` / `r_N` as soon as one holds a character CPLEX LP forbids (`-`, `:`, `[`, `=`, space),
    /// which Insula's names (`smr[2025-07-14T00:00Z]`) always do. Brackets become parentheses,
    /// `-` and `+` become `_`, `:` becomes `.`, anything else outside CPLEX LP's set becomes `_`;
    /// a leading digit or period gets an `n` in front.
    static func cplexLPName(_ name: String) -> String {
        let allowed = Set("!\"#$%&()/,.;?@_`'{}|~")
        var text = String(name.map { character -> Character in
            switch character {
            case "[": return "("
            case "]": return ")"
            case ":": return "."
            case _ where character.isASCII && (character.isLetter || character.isNumber): return character
            case _ where allowed.contains(character): return character
            default: return "_"
            }
        })
        if let first = text.first, first.isNumber || first == "." { text = "n" + text }
        return String(text.prefix(255))
    }

    /// This model with CPLEX LP names (unique, suffixed `~2`, `~3` on a clash), or nil when every
    /// name is already valid.
    func withCPLEXLPNames() -> LinearProgram? {
        func rename(_ names: [String]) -> [String] {
            var seen: [String: Int] = [:]
            return names.map { name in
                guard !name.isEmpty else { return name }
                let base = Self.cplexLPName(name)
                seen[base, default: 0] += 1
                return seen[base]! == 1 ? base : "\(base)~\(seen[base]!)"
            }
        }
        let columns = rename(columnNames), rows = rename(rowNames)
        guard columns != columnNames || rows != rowNames else { return nil }
        var renamed = self
        renamed.columnNames = columns
        renamed.rowNames = rows
        return renamed
    }

    /// Writes the model as free MPS or CPLEX LP with its row and column names (for CPLEX LP
    /// made valid there, ``cplexLPName(_:)``).
    ///
    /// The file appears atomically: GLPK writes a temporary file beside it, which is renamed
    /// into place only when complete. Names must be unique where given. GLPK writes
    /// CPLEX LP names with `[]` as `()`; CPLEX LP has no objective constant, so a non-zero
    /// constant is written as a column `objective_constant` fixed at 1. Free rows (no bound on
    /// either side) constrain nothing and are left out: GLPK's MPS writer drops the objective
    /// row when a free row exists, and readers take the first free row as the objective.
    public func write(to url: URL, format: ModelFileFormat) throws {
        try validate(names: .uniqueIfPresent)
        if rowLower.indices.contains(where: { rowLower[$0] == -.infinity && rowUpper[$0] == .infinity }) {
            return try withoutFreeRows().model.write(to: url, format: format)
        }
        if format == .lp, let renamed = withCPLEXLPNames() {
            return try renamed.write(to: url, format: format)
        }
        if format == .lp, objectiveConstant != 0 {
            var carried = self
            carried.addColumn(lower: 1, upper: 1, objective: objectiveConstant, name: "objective_constant")
            carried.objectiveConstant = 0
            return try carried.write(to: url, format: format)
        }
        let directory = url.deletingLastPathComponent()
        let temporary = directory.appendingPathComponent(".\(url.lastPathComponent).\(ProcessInfo.processInfo.processIdentifier).tmp")
        StaleTemporaries.remove(name: url.lastPathComponent, in: directory)
        var writeErrno: Int32 = 0
        let code: Int32 = GLPKTerminal.capturing { _ in
            let problem = GLPKProblem()
            problem.load(self)
            let code: Int32
            switch format {
            case .mps: code = glp_write_mps(problem.pointer, GLP_MPS_FILE, nil, temporary.path)
            case .fixedMPS: code = glp_write_mps(problem.pointer, GLP_MPS_DECK, nil, temporary.path)
            case .lp: code = glp_write_lp(problem.pointer, nil, temporary.path)
            }
            writeErrno = errno
            return code
        }
        guard code == 0 else {
            try? FileManager.default.removeItem(at: temporary)
            // GLPK reports through its terminal only; errno still holds the failing call's reason.
            let reason = writeErrno != 0 ? String(cString: strerror(writeErrno)) : "folder missing, not writable or full?"
            throw ModelFileError(path: url.path, message: "could not be written (\(reason))")
        }
        if rename(temporary.path, url.path) != 0 {
            let reason = String(cString: strerror(errno))
            try? FileManager.default.removeItem(at: temporary)
            throw ModelFileError(path: url.path, message: "could not be written: \(reason)")
        }
    }
}
