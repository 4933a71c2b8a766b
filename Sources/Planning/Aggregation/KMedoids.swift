/// k-medoids by PAM, build then swap (L. Kaufman and P. J. Rousseeuw, "Finding Groups in Data",
/// Wiley 1990, chapter 2): K points chosen among the data that minimise the summed distance of
/// every point to its nearest chosen one. Deterministic: ties go to the lowest index.
///
/// Points carry a group, and a point may only be represented by a medoid of its own group
/// (across groups the distance is infinite): every group gets at least one medoid.
enum KMedoids {
    struct Result {
        /// Medoids, as point indices, ascending.
        var medoids: [Int]
        /// Per point, the medoid representing it (a medoid represents itself).
        var assignment: [Int]
        /// Summed distance of every point to its medoid.
        var cost: Double
        /// Swaps made after the build.
        var swaps: Int
    }

    /// - Parameters:
    ///   - count: number of points.
    ///   - groups: per point, its group.
    ///   - k: medoids to choose, at least the number of groups and at most `count`.
    ///   - distance: symmetric, zero on the diagonal.
    /// - Complexity: O(count²) distances, then O(k (count - k) count) per swap pass.
    static func cluster(count: Int, groups: [Int], k: Int, distance: (Int, Int) -> Double) -> Result {
        precondition(groups.count == count && k >= Set(groups).count && k <= count, "k must cover every group and not exceed the points")
        var matrix = [Double](repeating: .infinity, count: count * count)
        for i in 0..<count {
            for j in i..<count where groups[i] == groups[j] {
                let value = i == j ? 0 : distance(i, j)
                matrix[i * count + j] = value
                matrix[j * count + i] = value
            }
        }
        func d(_ i: Int, _ j: Int) -> Double { matrix[i * count + j] }

        // Build: each group's own 1-medoid first (a group must have one), then greedily the
        // point that lowers the total the most.
        var isMedoid = [Bool](repeating: false, count: count)
        var medoids: [Int] = []
        var seen = Set<Int>()
        for point in 0..<count where seen.insert(groups[point]).inserted {
            let members = (0..<count).filter { groups[$0] == groups[point] }
            var best = members[0], bestSum = Double.infinity
            for candidate in members {
                let sum = members.reduce(0.0) { $0 + d(candidate, $1) }
                if sum < bestSum { best = candidate; bestSum = sum }
            }
            isMedoid[best] = true
            medoids.append(best)
        }
        var nearest = (0..<count).map { j in medoids.map { d($0, j) }.min() ?? .infinity }
        while medoids.count < k {
            var best = -1, bestGain = -1.0
            for candidate in 0..<count where !isMedoid[candidate] {
                var gain = 0.0
                for j in 0..<count { gain += max(0, nearest[j] - d(candidate, j)) }
                if gain > bestGain { best = candidate; bestGain = gain }
            }
            isMedoid[best] = true
            medoids.append(best)
            for j in 0..<count { nearest[j] = min(nearest[j], d(best, j)) }
        }

        // Swap: the exchange of a medoid for a non-medoid that lowers the total the most, until
        // none does.
        var swaps = 0
        while swaps < 10_000 {
            var first = [Double](repeating: .infinity, count: count), second = [Double](repeating: .infinity, count: count)
            var owner = [Int](repeating: -1, count: count)
            for j in 0..<count {
                for m in medoids {
                    let value = d(m, j)
                    if value < first[j] || (value == first[j] && owner[j] >= 0 && m < owner[j]) {
                        if owner[j] >= 0 { second[j] = first[j] }
                        first[j] = value
                        owner[j] = m
                    } else if value < second[j] {
                        second[j] = value
                    }
                }
            }
            let total = first.reduce(0, +)
            var bestDelta = 0.0, bestSwap: (position: Int, point: Int)?
            for (position, m) in medoids.enumerated() {
                for candidate in 0..<count where !isMedoid[candidate] {
                    var delta = 0.0
                    for j in 0..<count {
                        let replacement = owner[j] == m ? min(d(candidate, j), second[j]) : min(d(candidate, j), first[j])
                        delta += replacement - first[j]
                        if !delta.isFinite { break }
                    }
                    if delta.isFinite, delta < bestDelta - 1e-12 * (1 + total) {
                        bestDelta = delta
                        bestSwap = (position, candidate)
                    }
                }
            }
            guard let swap = bestSwap else { break }
            isMedoid[medoids[swap.position]] = false
            isMedoid[swap.point] = true
            medoids[swap.position] = swap.point
            swaps += 1
        }

        medoids.sort()
        var assignment = [Int](repeating: 0, count: count)
        var cost = 0.0
        for j in 0..<count {
            if isMedoid[j] { assignment[j] = j; continue }
            var best = medoids[0], bestValue = Double.infinity
            for m in medoids where d(m, j) < bestValue {
                best = m
                bestValue = d(m, j)
            }
            assignment[j] = best
            cost += bestValue
        }
        return Result(medoids: medoids, assignment: assignment, cost: cost, swaps: swaps)
    }
}
