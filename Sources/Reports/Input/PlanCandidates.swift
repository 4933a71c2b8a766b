import Foundation

/// `plan_candidates.csv`: what each whole number of SMR modules costs, when they were enumerated.
public struct PlanCandidates: Sendable {
    public struct Candidate: Sendable, Equatable {
        public var smrUnits: Int
        /// A solver status (`optimal`, `infeasible`, `time_limit`, ...).
        public var status: String
        /// The plan's objective at this count (nil without an optimum).
        public var objectiveUSD: Double?
    }

    public var file: String
    /// In the file's order (counts ascending, as `insula plan` writes them).
    public var candidates: [Candidate]

    public static func read(url: URL) throws(ReportInputError) -> PlanCandidates {
        let table = try NumericTable(url: url, display: RunResults.display(url))
        guard table.rowCount > 0 else { throw ReportInputError(file: table.file, "has no data rows") }
        let units = try table.requiredNumbers("smr_units")
        let statuses = try table.strings("status").map { $0.trimmingCharacters(in: .whitespaces) }
        let objectives = try table.numbers("objective_usd", optional: true)
        var candidates: [Candidate] = []
        for row in units.indices {
            guard units[row].isFinite, units[row] >= 0, units[row] == units[row].rounded(), units[row] < 1e6 else {
                throw table.cellError("smr_units", row, "not a whole number of modules (\(units[row]))")
            }
            if statuses[row].isEmpty { throw table.cellError("status", row, "empty cell") }
            if let objective = objectives[row], !objective.isFinite {
                throw table.cellError("objective_usd", row, "not a finite number")
            }
            if statuses[row] == "optimal", objectives[row] == nil {
                throw table.cellError("objective_usd", row, "an optimal count needs its cost here")
            }
            candidates.append(Candidate(smrUnits: Int(units[row]), status: statuses[row], objectiveUSD: objectives[row]))
        }
        return PlanCandidates(file: table.file, candidates: candidates)
    }
}
