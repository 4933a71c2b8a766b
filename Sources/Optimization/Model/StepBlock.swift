/// A family of columns or rows indexed by time step (one per step of a window, say), named
/// so that the same family can be found in the model of another window.
///
/// A receding-horizon run solves the same model shifted by a few steps thousands of times;
/// with the families known, the optimal basis of one window maps onto the next one
/// (``Basis/shifted(from:by:to:)``) and the simplex starts next to its optimum.
public struct StepBlock: Sendable, Hashable {
    /// The family and its component (`grid_import[utility]`): the key that matches blocks across models.
    public var family: String
    /// Rows (true) or columns (false).
    public var isRow: Bool
    /// Position of the block's first row or column in its model.
    public var start: Int
    public var count: Int
    /// The time step of offset 0 (a training job's block starts at its first step, not at 0).
    public var firstStep: Int

    public init(family: String, isRow: Bool, start: Int, count: Int, firstStep: Int) {
        self.family = family
        self.isRow = isRow
        self.start = start
        self.count = count
        self.firstStep = firstStep
    }
}
