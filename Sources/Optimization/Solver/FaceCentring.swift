/// Directions along which a simplex optimum is moved towards the middle of the optimal face.
///
/// An LP with many optima (a window of a receding-horizon run: training energy worth the same
/// in several steps, a battery reaching its end state by several paths) has a face of them; a
/// simplex returns one vertex of it, an interior point a point near its middle. Where the caller
/// keeps only a few quantities of the answer (the state at the end of a committed block), the
/// middle along those quantities is what matters: for each direction, the face's least and
/// greatest points are found (a primal simplex from the optimal basis, the objective held at
/// its optimum), and the answer is the mean of those `2 × directions` vertices. A mean of
/// optima is an optimum, and each quantity lies strictly inside its range on the face when it
/// has one (docs/operations.md, 7.2).
public struct FaceCentring: Sendable, Equatable {
    /// One quantity: the sum of a step family's columns over some steps.
    public struct Direction: Sendable, Equatable {
        /// A ``StepBlock`` key (`battery_soc[bess]`, `training[pretrain]`).
        public var family: String
        /// Steps of the model (0 = its first step) whose columns are summed.
        public var steps: Range<Int>

        public init(family: String, steps: Range<Int>) {
            self.family = family
            self.steps = steps
        }
    }

    public var directions: [Direction]

    /// How far the objective may move from the optimum while the face is explored, relative to
    /// `max(1, |optimum|)`: far below the certificate's relative gap (5e-7), so the centred
    /// point is certified on the optimal basis's duals.
    public static let objectiveSlack = 1e-9

    /// Simplex iterations allowed for each extreme; beyond it the vertex is kept.
    public static let iterationLimit = 200

    public init(directions: [Direction]) {
        self.directions = directions
    }

    /// Each direction's columns in `model` (0-based; empty when the family or steps are absent).
    func columns(in model: LinearProgram) -> [[Int]] {
        directions.map { direction in
            var columns: [Int] = []
            for block in model.stepBlocks where !block.isRow && block.family == direction.family {
                let steps = direction.steps.clamped(to: block.firstStep..<(block.firstStep + block.count))
                columns += steps.map { block.start + $0 - block.firstStep }
            }
            return columns
        }
    }
}
