extension LinearProgram {
    /// Whether some row has no bound on either side (it constrains nothing).
    var hasFreeRows: Bool {
        rowLower.indices.contains { rowLower[$0] == -.infinity && rowUpper[$0] == .infinity }
    }

    /// This model without its free rows, the remaining rows renumbered in order, and for each
    /// original row its index in the reduced model (nil for a free row).
    ///
    /// Why: GLPK's MPS writer drops the objective row when a free row exists (readers then take
    /// the first free row as the objective); free rows arise from the t = 0 ramp rows of a site.
    func withoutFreeRows() -> (model: LinearProgram, keptIndex: [Int?]) {
        var kept = self
        var keptIndex = [Int?](repeating: nil, count: rowCount)
        kept.rowLower = []
        kept.rowUpper = []
        kept.rowNames = []
        kept.stepBlocks = []  // row positions change; a written file has no use for them
        for row in 0..<rowCount where !(rowLower[row] == -.infinity && rowUpper[row] == .infinity) {
            keptIndex[row] = kept.rowLower.count
            kept.rowLower.append(rowLower[row])
            kept.rowUpper.append(rowUpper[row])
            kept.rowNames.append(rowNames[row])
        }
        kept.removeAllEntries(reservingCapacity: entryCount)
        for k in entryValues.indices {
            guard let row = keptIndex[Int(entryRows[k])] else { continue }
            kept.entryRows.append(Int32(row))
            kept.entryColumns.append(entryColumns[k])
            kept.entryValues.append(entryValues[k])
        }
        return (kept, keptIndex)
    }
}
