extension RackThermalNetwork {
    /// The dense backward-Euler matrix `C/dt + K` (row-major, `nodeCount x nodeCount`); with
    /// `stepSeconds = .infinity`, the steady-state matrix `K`. For the reference solver and
    /// inspection, not for the hot path. Complexity: O(nodeCount^2) memory.
    public func denseSystemMatrix(stepSeconds: Double) -> [Double] {
        let n = nodeCount
        let rate = 1 / stepSeconds
        var matrix = [Double](repeating: 0, count: n * n)
        func add(_ row: Int, _ column: Int, _ value: Double) { matrix[row * n + column] += value }
        for node in 0..<n { add(node, node, capacitancesJPerK[node] * rate) }
        for tray in 0..<trayCount {
            let die = dieNode(tray: tray), plate = plateNode(tray: tray), coolant = coolantNode(tray: tray)
            let g1 = dieToPlateConductanceWPerK[tray], g2 = plateToCoolantConductanceWPerK[tray]
            let f = trayAdvectionWPerK[tray]
            add(die, die, g1); add(die, plate, -g1)
            add(plate, die, -g1); add(plate, plate, g1 + g2); add(plate, coolant, -g2)
            add(coolant, plate, -g2); add(coolant, coolant, g2 + f); add(coolant, supplyNode, -f)
            add(returnNode, coolant, -f)
        }
        add(returnNode, returnNode, rackAdvectionWPerK)
        add(supplyNode, supplyNode, rackAdvectionWPerK)
        add(supplyNode, returnNode, -(1 - cduEffectiveness) * rackAdvectionWPerK)
        return matrix
    }

    /// Adds the sources of one step to `rhs`: tray shares of the rack power on the die nodes
    /// and the CDU's pull towards the facility supply on the supply node.
    public func addSources(to rhs: inout [Double], rackPowerW: Double, facilitySupplyTemperatureC: Double) {
        for tray in 0..<trayCount { rhs[dieNode(tray: tray)] += trayPowerShares[tray] * rackPowerW }
        rhs[supplyNode] += cduEffectiveness * rackAdvectionWPerK * facilitySupplyTemperatureC
    }
}
