/// The cost-emissions trade-off of a batch: which scenarios no other scenario beats on both.
public enum ParetoFront {
    /// Indices of the non-dominated points when both coordinates are minimised, ordered by
    /// increasing `x`. A point is dominated when another is no worse in both and better in one;
    /// identical points are all kept. NaN points are never on the front.
    ///
    /// Coordinates equal to within `relativeTolerance` of the largest magnitude are the same:
    /// two LP optima at one active carbon cap report emissions a few 1e-9 apart, and the
    /// costlier one must not sneak onto the front through that noise.
    ///
    /// `absoluteToleranceX` widens the tolerance on `x` to a fixed amount: solver noise of 1e-5 t
    /// on emissions is far above 1e-9 of a few thousand tonnes.
    ///
    /// Complexity: O(n log n).
    public static func indices(x: [Double], y: [Double], relativeTolerance: Double = 1e-9,
                               absoluteToleranceX: Double = 0) -> [Int] {
        precondition(x.count == y.count, "x and y differ in length")
        func tolerance(_ values: [Double]) -> Double {
            (values.lazy.filter { !$0.isNaN }.map(abs).max() ?? 0) * relativeTolerance
        }
        let toleranceX = max(tolerance(x), absoluteToleranceX), toleranceY = tolerance(y)
        let order = x.indices.filter { !x[$0].isNaN && !y[$0].isNaN }.sorted { (x[$0], y[$0]) < (x[$1], y[$1]) }
        var front: [Int] = []
        var bestY = Double.infinity
        for index in order {
            if y[index] >= bestY - toleranceY {
                // Not cheaper than the front so far: dominated, unless it repeats the last front point.
                if let last = front.last, abs(x[last] - x[index]) <= toleranceX, abs(y[last] - y[index]) <= toleranceY {
                    front.append(index)
                }
                continue
            }
            // Cheaper: it dominates front points at (nearly) the same x.
            while let last = front.last, x[index] - x[last] <= toleranceX { front.removeLast() }
            front.append(index)
            bestY = y[index]
        }
        return front
    }
}
