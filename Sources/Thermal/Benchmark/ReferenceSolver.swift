/// The straightforward implementation a careful user would write, kept as the benchmark's
/// yardstick (peers.md: SciPy SuperLU, 2.1e7 node-steps/s): per rack type, a generic LU of the
/// assembled matrix with partial pivoting, factored once and stored as sparse rows (exact
/// zeros dropped, like a sparse LU); each step, rack by rack, a sparse forward/back
/// substitution on rack-major (array-of-structures) state.
public struct ReferenceSolver: Sendable {
    public let network: RackThermalNetwork
    public let stepSeconds: Double
    let permutation: [Int]
    /// Strictly lower part of L (unit diagonal implied), compressed rows.
    let lowerStart: [Int], lowerColumn: [Int], lowerValue: [Double]
    /// Strictly upper part of U, compressed rows, and U's diagonal.
    let upperStart: [Int], upperColumn: [Int], upperValue: [Double], diagonal: [Double]
    let capacityRate: [Double]

    public init(network: RackThermalNetwork, stepSeconds: Double) throws {
        try requirePositive(stepSeconds, "stepSeconds")
        self.network = network
        self.stepSeconds = stepSeconds
        let n = network.nodeCount
        var a = network.denseSystemMatrix(stepSeconds: stepSeconds)
        var permutation = Array(0..<n)
        for k in 0..<n {
            var pivot = k
            for i in (k + 1)..<n where abs(a[i * n + k]) > abs(a[pivot * n + k]) { pivot = i }
            if pivot != k {
                for j in 0..<n { a.swapAt(k * n + j, pivot * n + j) }
                permutation.swapAt(k, pivot)
            }
            for i in (k + 1)..<n where a[i * n + k] != 0 {
                let factor = a[i * n + k] / a[k * n + k]
                a[i * n + k] = factor
                for j in (k + 1)..<n { a[i * n + j] -= factor * a[k * n + j] }
            }
        }
        var lowerStart = [0], lowerColumn = [Int](), lowerValue = [Double]()
        var upperStart = [0], upperColumn = [Int](), upperValue = [Double](), diagonal = [Double]()
        for i in 0..<n {
            for j in 0..<i where a[i * n + j] != 0 { lowerColumn.append(j); lowerValue.append(a[i * n + j]) }
            lowerStart.append(lowerColumn.count)
            diagonal.append(a[i * n + i])
            for j in (i + 1)..<n where a[i * n + j] != 0 { upperColumn.append(j); upperValue.append(a[i * n + j]) }
            upperStart.append(upperColumn.count)
        }
        self.permutation = permutation
        self.lowerStart = lowerStart; self.lowerColumn = lowerColumn; self.lowerValue = lowerValue
        self.upperStart = upperStart; self.upperColumn = upperColumn; self.upperValue = upperValue
        self.diagonal = diagonal
        self.capacityRate = network.capacitancesJPerK.map { $0 / stepSeconds }
    }

    /// Nonzeros in L and U (the fill a sparse LU would store).
    public var factorNonzeros: Int { lowerValue.count + upperValue.count + diagonal.count }

    /// One step of one rack in place; `rhs` and `work` are `nodeCount` scratch values.
    /// Returns the hottest die after the step.
    public func step(temperaturesC: inout [Double], rackPowerW: Double, facilitySupplyTemperatureC: Double,
                     rhs: inout [Double], work: inout [Double]) -> Double {
        let n = network.nodeCount
        for node in 0..<n { rhs[node] = capacityRate[node] * temperaturesC[node] }
        network.addSources(to: &rhs, rackPowerW: rackPowerW, facilitySupplyTemperatureC: facilitySupplyTemperatureC)
        for i in 0..<n {
            var value = rhs[permutation[i]]
            for entry in lowerStart[i]..<lowerStart[i + 1] { value -= lowerValue[entry] * work[lowerColumn[entry]] }
            work[i] = value
        }
        for i in stride(from: n - 1, through: 0, by: -1) {
            var value = work[i]
            for entry in upperStart[i]..<upperStart[i + 1] { value -= upperValue[entry] * work[upperColumn[entry]] }
            work[i] = value / diagonal[i]
        }
        var maximum = -Double.infinity
        for node in 0..<n { temperaturesC[node] = work[node] }
        for tray in 0..<network.trayCount { maximum = Swift.max(maximum, work[network.dieNode(tray: tray)]) }
        return maximum
    }
}
