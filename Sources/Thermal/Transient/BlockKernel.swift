/// The hot loop: one backward-Euler step for a block of racks sharing one operator.
///
/// State layout of a block is `[node][lane]` (structure of arrays): lane `l` is one rack, so
/// every inner loop runs over lanes with unit stride and the coefficients of a tray are
/// loop-invariant scalars. A block of 64 racks x 56 nodes is 28 KiB, which stays in L1 while
/// the simulator runs all steps of that block (racks are independent given the facility
/// supply temperature, so blocks can be advanced through time one after another).
enum BlockKernel {
    /// Racks per block: 64 lanes x 56 nodes x 8 B = 28 KiB, inside a 48 KiB L1d.
    static let lanes = 64

    /// Advances `lanes` racks by one step in place.
    /// - Parameters:
    ///   - state: `nodeCount x lanes` temperatures, node-major.
    ///   - powerW: `lanes` rack powers (mean over the step).
    ///   - accumulator: `lanes` scratch values.
    ///   - laneMaxDieC: receives each rack's hottest die after the step.
    /// Complexity: O(nodeCount x lanes); ~8 flops per node; no allocation.
    @inline(__always)
    static func step(_ op: OperatorView, lanes: Int, state: UnsafeMutablePointer<Double>,
                     powerW: UnsafePointer<Double>, facilitySupplyTemperatureC: Double,
                     accumulator: UnsafeMutablePointer<Double>, laneMaxDieC: UnsafeMutablePointer<Double>) {
        let trays = op.trayCount
        let coefficients = op.coefficients
        for lane in 0..<lanes { accumulator[lane] = 0 }
        // Pass 1: eliminate each tray block, y = B^-1 r.
        for tray in 0..<trays {
            let dieRate = coefficients[tray]
            let plateRate = coefficients[trays &+ tray]
            let coolantRate = coefficients[2 &* trays &+ tray]
            let share = coefficients[3 &* trays &+ tray]
            let alpha1 = coefficients[4 &* trays &+ tray]
            let alpha2 = coefficients[5 &* trays &+ tray]
            let inverse1 = coefficients[6 &* trays &+ tray]
            let inverse2 = coefficients[7 &* trays &+ tray]
            let inverse3 = coefficients[8 &* trays &+ tray]
            let advection = coefficients[9 &* trays &+ tray]
            let die = state + 3 &* tray &* lanes
            let plate = die + lanes
            let coolant = plate + lanes
            for lane in 0..<lanes {
                let z1 = dieRate * die[lane] + share * powerW[lane]
                let z2 = plateRate * plate[lane] + alpha1 * z1
                let z3 = coolantRate * coolant[lane] + alpha2 * z2
                let yCoolant = z3 * inverse3
                let yPlate = z2 * inverse2 + alpha2 * yCoolant
                let yDie = z1 * inverse1 + alpha1 * yPlate
                die[lane] = yDie
                plate[lane] = yPlate
                coolant[lane] = yCoolant
                accumulator[lane] += advection * yCoolant
            }
        }
        // Schur complement on (return, supply).
        let supply = state + 3 &* trays &* lanes
        let returnNode = supply + lanes
        let supplySource = op.plantConductanceWPerK * facilitySupplyTemperatureC
        for lane in 0..<lanes {
            let b1 = op.returnCapacityRate * returnNode[lane] + accumulator[lane]
            let b2 = op.supplyCapacityRate * supply[lane] + supplySource
            returnNode[lane] = op.inverse11 * b1 + op.inverse12 * b2
            supply[lane] = op.inverse21 * b1 + op.inverse22 * b2
            laneMaxDieC[lane] = -Double.infinity
        }
        // Pass 2: x = y + T_S u, tracking the hottest die.
        for tray in 0..<trays {
            let uDie = coefficients[10 &* trays &+ tray]
            let uPlate = coefficients[11 &* trays &+ tray]
            let uCoolant = coefficients[12 &* trays &+ tray]
            let die = state + 3 &* tray &* lanes
            let plate = die + lanes
            let coolant = plate + lanes
            for lane in 0..<lanes {
                let supplyC = supply[lane]
                let dieC = die[lane] + supplyC * uDie
                die[lane] = dieC
                plate[lane] += supplyC * uPlate
                coolant[lane] += supplyC * uCoolant
                let maximum = laneMaxDieC[lane]
                laneMaxDieC[lane] = dieC > maximum ? dieC : maximum
            }
        }
    }
}
