import CGLPK
import Foundation

/// One GLPK problem object (`glp_prob`), owned by the thread that created it.
///
/// Internal: the public API never hands out a GLPK pointer. All 1-based index arithmetic and
/// `Int32` conversions live here.
final class GLPKProblem {
    let pointer: OpaquePointer
    private let owner = pthread_self()
    /// Set when the thread's GLPK environment was freed under the problem (a cancelled
    /// solve, a GLPK error): the memory is gone and must not be used or deleted again.
    private(set) var abandoned = false

    /// `glp_create_prob`.
    init() {
        pointer = glp_create_prob()
        GLPKEnvironment.liveProblemsOnCurrentThread += 1
    }

    /// `glp_delete_prob`, on the owning thread.
    deinit {
        assertOwnerThread()
        if !abandoned { glp_delete_prob(pointer) }
        GLPKEnvironment.liveProblemsOnCurrentThread -= 1
    }

    /// Marks the problem as freed by `glp_free_env` (after a cancelled solve or a GLPK error).
    func abandon() { abandoned = true }

    func assertOwnerThread() {
        precondition(pthread_equal(owner, pthread_self()) != 0,
                     "a GLPK problem was used on a thread other than the one that created it")
    }

    var rowCount: Int { Int(glp_get_num_rows(pointer)) }
    var columnCount: Int { Int(glp_get_num_cols(pointer)) }
    /// `glp_get_num_nz`.
    var nonzeroCount: Int { Int(glp_get_num_nz(pointer)) }

    // MARK: Loading

    /// Loads a validated model: bounds, objective, kinds, names, and the whole matrix in one
    /// `glp_load_matrix` call.
    /// `matrix`: the model's compressed columns when the caller has built them already.
    func load(_ model: LinearProgram, matrix prepared: CompressedColumns? = nil) {
        assertOwnerThread()
        if !model.name.isEmpty, model.name.utf8.count <= 255 { glp_set_prob_name(pointer, model.name) }
        glp_set_obj_dir(pointer, model.objectiveSense == .minimize ? GLP_MIN : GLP_MAX)
        if model.rowCount > 0 { glp_add_rows(pointer, Int32(model.rowCount)) }
        if model.columnCount > 0 { glp_add_cols(pointer, Int32(model.columnCount)) }
        for index in 0..<model.rowCount {
            setRowBounds(index, lower: model.rowLower[index], upper: model.rowUpper[index])
            let name = model.rowNames[index]
            if !name.isEmpty { glp_set_row_name(pointer, Int32(index + 1), name) }
        }
        for index in 0..<model.columnCount {
            let j = Int32(index + 1)
            switch model.columnKinds[index] {
            case .continuous: break
            case .integer: glp_set_col_kind(pointer, j, GLP_IV)
            case .binary: glp_set_col_kind(pointer, j, GLP_IV)  // bounds below keep [0, 1]
            }
            setColumnBounds(index, lower: model.columnLower[index], upper: model.columnUpper[index])
            glp_set_obj_coef(pointer, j, model.objective[index])
            let name = model.columnNames[index]
            if !name.isEmpty { glp_set_col_name(pointer, j, name) }
        }
        glp_set_obj_coef(pointer, 0, model.objectiveConstant)

        let matrix = prepared ?? CompressedColumns(model)
        let count = matrix.nonzeroCount
        // GLPK's arrays are 1-based: element 0 is ignored.
        var rowIndex = [Int32](repeating: 0, count: count + 1)
        var columnIndex = [Int32](repeating: 0, count: count + 1)
        var value = [Double](repeating: 0, count: count + 1)
        for column in 0..<model.columnCount {
            for k in matrix.columnStart[column]..<matrix.columnStart[column + 1] {
                rowIndex[k + 1] = matrix.rowIndex[k] + 1
                columnIndex[k + 1] = Int32(column + 1)
                value[k + 1] = matrix.value[k]
            }
        }
        glp_load_matrix(pointer, Int32(count), rowIndex, columnIndex, value)
    }

    /// `glp_set_row_bnds` with the bound type derived from a validated (lower, upper) pair.
    func setRowBounds(_ index: Int, lower: Double, upper: Double) {
        let (type, lb, ub) = Self.glpkBounds(lower: lower, upper: upper)
        glp_set_row_bnds(pointer, Int32(index + 1), type, lb, ub)
    }

    /// `glp_set_col_bnds` with the bound type derived from a validated (lower, upper) pair.
    func setColumnBounds(_ index: Int, lower: Double, upper: Double) {
        let (type, lb, ub) = Self.glpkBounds(lower: lower, upper: upper)
        glp_set_col_bnds(pointer, Int32(index + 1), type, lb, ub)
    }

    /// `glp_set_obj_coef`.
    func setObjective(_ index: Int, _ value: Double) {
        glp_set_obj_coef(pointer, Int32(index + 1), value)
    }

    static func glpkBounds(lower: Double, upper: Double) -> (Int32, Double, Double) {
        switch LinearProgram.boundKind(lower: lower, upper: upper) {
        case .free: return (GLP_FR, 0, 0)
        case .lower: return (GLP_LO, lower, 0)
        case .upper: return (GLP_UP, 0, upper)
        case .double: return (GLP_DB, lower, upper)
        case .fixed: return (GLP_FX, lower, upper)
        }
    }

    // MARK: Basis

    /// Sets every row's and column's status (`glp_set_row_stat`, `glp_set_col_stat`); GLPK
    /// turns a nonbasic status the bounds do not allow into the one they do.
    /// With `installed`, the basis last set, only the entries that differ from it are set
    /// (repairs of a carried basis change one entry between factorisations).
    func setBasis(_ basis: Basis, replacing installed: Basis? = nil) {
        assertOwnerThread()
        precondition(basis.rows.count == rowCount && basis.columns.count == columnCount, "a basis of this problem")
        for (index, status) in basis.rows.enumerated() where installed?.rows[index] != status {
            glp_set_row_stat(pointer, Int32(index + 1), Self.glpkStatus(status))
        }
        for (index, status) in basis.columns.enumerated() where installed?.columns[index] != status {
            glp_set_col_stat(pointer, Int32(index + 1), Self.glpkStatus(status))
        }
    }

    /// The current basis (`glp_get_row_stat`, `glp_get_col_stat`).
    func basis() -> Basis {
        assertOwnerThread()
        return Basis(rows: (0..<rowCount).map { Self.basisStatus(glp_get_row_stat(pointer, Int32($0 + 1))) },
              columns: (0..<columnCount).map { Self.basisStatus(glp_get_col_stat(pointer, Int32($0 + 1))) })
    }

    static func glpkStatus(_ status: Basis.Status) -> Int32 {
        switch status {
        case .basic: return GLP_BS
        case .lower: return GLP_NL
        case .upper: return GLP_NU
        case .free: return GLP_NF
        case .fixed: return GLP_NS
        }
    }

    static func basisStatus(_ status: Int32) -> Basis.Status {
        switch status {
        case GLP_BS: return .basic
        case GLP_NU: return .upper
        case GLP_NF: return .free
        case GLP_NS: return .fixed
        default: return .lower
        }
    }

    // MARK: Reading back

    /// The problem as a ``LinearProgram`` (used after reading an MPS or LP file).
    func extractModel() -> LinearProgram {
        assertOwnerThread()
        let name = glp_get_prob_name(pointer).map { String(cString: $0) } ?? ""
        var model = LinearProgram(name: name, sense: glp_get_obj_dir(pointer) == GLP_MAX ? .maximize : .minimize)
        let rows = rowCount, columns = columnCount
        model.reserve(columns: columns, rows: rows, entries: nonzeroCount)
        model.objectiveConstant = glp_get_obj_coef(pointer, 0)
        for index in 0..<rows {
            let i = Int32(index + 1)
            let (lower, upper) = Self.swiftBounds(type: glp_get_row_type(pointer, i),
                                                  lb: glp_get_row_lb(pointer, i), ub: glp_get_row_ub(pointer, i))
            model.addRow(lower: lower, upper: upper, name: glp_get_row_name(pointer, i).map { String(cString: $0) } ?? "")
        }
        var indices = [Int32](repeating: 0, count: rows + 1)
        var values = [Double](repeating: 0, count: rows + 1)
        for index in 0..<columns {
            let j = Int32(index + 1)
            let (lower, upper) = Self.swiftBounds(type: glp_get_col_type(pointer, j),
                                                  lb: glp_get_col_lb(pointer, j), ub: glp_get_col_ub(pointer, j))
            let kind: LinearProgram.ColumnKind
            switch glp_get_col_kind(pointer, j) {
            case GLP_BV: kind = .binary
            case GLP_IV: kind = .integer
            default: kind = .continuous
            }
            let column = model.addColumn(lower: lower, upper: upper, objective: glp_get_obj_coef(pointer, j), kind: kind,
                                         name: glp_get_col_name(pointer, j).map { String(cString: $0) } ?? "")
            let length = Int(glp_get_mat_col(pointer, j, &indices, &values))
            for k in 1...max(length, 1) where k <= length {
                model.addCoefficient(Row(Int(indices[k]) - 1), column, values[k])
            }
        }
        return model
    }

    static func swiftBounds(type: Int32, lb: Double, ub: Double) -> (Double, Double) {
        switch type {
        case GLP_FR: return (-.infinity, .infinity)
        case GLP_LO: return (lb, .infinity)
        case GLP_UP: return (-.infinity, ub)
        default: return (lb, ub)
        }
    }
}
