import Foundation
import Optimization

/// When a worker re-solves a scenario from the previous scenario's basis.
public enum WarmStartPolicy: String, Sendable, CaseIterable {
    /// Never: every scenario is compiled, loaded and solved from scratch (interior point
    /// for large models under `--method auto`).
    case off
    /// Always when the previous scenario's LP has the same structure.
    case on

    func applies(to program: LinearProgram) -> Bool {
        switch self {
        case .off: false
        case .on: !program.hasIntegerColumns
        }
    }
}

/// Re-solving a scenario in the previous scenario's GLPK session.
enum WarmStart {
    /// Whether `next` differs from `loaded` only in objective coefficients and bounds, which a
    /// session can change in place (prices, caps, limits); a different matrix or size cannot.
    static func sameStructure(_ loaded: LinearProgram, _ next: LinearProgram) -> Bool {
        loaded.columnCount == next.columnCount && loaded.rowCount == next.rowCount
            && loaded.objectiveSense == next.objectiveSense && loaded.objectiveConstant == next.objectiveConstant
            && loaded.columnKinds == next.columnKinds
            && loaded.entryRows == next.entryRows && loaded.entryColumns == next.entryColumns
            && loaded.entryValues == next.entryValues
    }

    /// Changes the session's model into `next` (same structure): objective and bounds that differ.
    static func apply(_ next: LinearProgram, to session: SolverSession) throws {
        let loaded = session.model
        for index in 0..<next.columnCount {
            let column = Column(index)
            if loaded.objective[index] != next.objective[index] {
                try session.setObjective(column, next.objective[index])
            }
            if loaded.columnLower[index] != next.columnLower[index] || loaded.columnUpper[index] != next.columnUpper[index] {
                try session.setBounds(column, lower: next.columnLower[index], upper: next.columnUpper[index])
            }
        }
        for index in 0..<next.rowCount where loaded.rowLower[index] != next.rowLower[index] || loaded.rowUpper[index] != next.rowUpper[index] {
            try session.setBounds(Row(index), lower: next.rowLower[index], upper: next.rowUpper[index])
        }
    }
}
