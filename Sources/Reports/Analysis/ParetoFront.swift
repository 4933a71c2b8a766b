/// The cost-emissions trade-off of a batch: which scenarios no other scenario beats on both.
public enum ParetoFront {
    /// Indices of the non-dominated points when both coordinates are minimised, ordered by
    /// increasing `x`. A point is dominated when another is no worse in both and better in one;
    /// identical points are all kept. NaN points are never on the front.
    ///
    /// Complexity: O(n log n).
    public static func indices(x: [Double], y: [Double]) -> [Int] {
        precondition(x.count == y.count, "x and y differ in length")
        let order = x.indices.filter { !x[$0].isNaN && !y[$0].isNaN }.sorted { (x[$0], y[$0]) < (x[$1], y[$1]) }
        var front: [Int] = []
        var bestY = Double.infinity
        for index in order {
            if y[index] < bestY {
                front.append(index)
                bestY = y[index]
            } else if let last = front.last, x[last] == x[index], y[last] == y[index] {
                front.append(index)  // a duplicate of a front point is not beaten by it
            }
        }
        return front
    }
}
