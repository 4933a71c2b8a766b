/// The backward-Euler operator `C/dt + K` of one rack network, factored once per network and
/// step size (style.md point 9: a type of its own, not a flag).
///
/// Structure exploited: trays couple only through the supply and return nodes. Each tray's
/// 3x3 tridiagonal block is eliminated first (Thomas algorithm, no fill), leaving a 2x2 Schur
/// complement on (return, supply). Per step and rack a solve is then
/// 1. per tray: `y = B^-1 r` (forward/back substitution), accumulating `sum f_k y_c,k`;
/// 2. the 2x2 system for the return and supply temperatures;
/// 3. per tray: `x = y + T_S u_k`, where `u_k = B_k^-1 e_c f_k` was precomputed here.
/// About 25 flops per tray (8 per node) and no pivoting: the matrix is a nonsingular M-matrix
/// (positive diagonal, non-positive off-diagonal, row sums `C/dt >= 0`, the supply row's
/// `C/dt + eps F > 0`), for which elimination without pivoting is stable.
///
/// `stepSeconds = .infinity` gives the steady-state operator (`K` alone).
public struct FactoredOperator: Sendable {
    public let network: RackThermalNetwork
    public let stepSeconds: Double
    /// Per-tray coefficients, `[coefficient][tray]`; see `Coefficient`.
    let trayCoefficients: [Double]
    let returnCapacityRate: Double
    let supplyCapacityRate: Double
    let inverse11: Double, inverse12: Double, inverse21: Double, inverse22: Double
    /// `eps F`: heat to the plant per kelvin of return above facility supply.
    let plantConductanceWPerK: Double

    enum Coefficient: Int, CaseIterable {
        case dieRate, plateRate, coolantRate, powerShare
        case alpha1, alpha2, inverse1, inverse2, inverse3
        case advection, supplyToDie, supplyToPlate, supplyToCoolant
    }

    /// Factors `C/dt + K` for `network`.
    /// - Throws: `ThermalError.invalidParameter` unless `stepSeconds` is > 0 (finite or infinite).
    public init(network: RackThermalNetwork, stepSeconds: Double = 1) throws {
        guard stepSeconds > 0, !stepSeconds.isNaN else {
            throw ThermalError.invalidParameter(name: "stepSeconds", value: stepSeconds, requirement: "must be > 0")
        }
        self.init(validated: network, stepSeconds: stepSeconds)
    }

    /// The steady-state operator (no capacitance terms).
    public init(steadyStateOf network: RackThermalNetwork) {
        self.init(validated: network, stepSeconds: .infinity)
    }

    private init(validated network: RackThermalNetwork, stepSeconds: Double) {
        self.network = network
        self.stepSeconds = stepSeconds
        let trays = network.trayCount
        let rate = 1 / stepSeconds  // 0 for steady state
        var coefficients = [Double](repeating: 0, count: Coefficient.allCases.count * trays)
        var sigma = 0.0
        for tray in 0..<trays {
            let g1 = network.dieToPlateConductanceWPerK[tray]
            let g2 = network.plateToCoolantConductanceWPerK[tray]
            let f = network.trayAdvectionWPerK[tray]
            let cD = network.capacitancesJPerK[network.dieNode(tray: tray)] * rate
            let cP = network.capacitancesJPerK[network.plateNode(tray: tray)] * rate
            let cC = network.capacitancesJPerK[network.coolantNode(tray: tray)] * rate
            // Pivots written without subtraction, so no cancellation when C/dt << G.
            let a1 = cD + g1
            let plateExcess = cP + g1 * cD / a1          // a2' - g2
            let a2 = g2 + plateExcess
            let a3 = cC + f + g2 * plateExcess / a2
            let alpha1 = g1 / a1, alpha2 = g2 / a2
            let uC = f / a3, uP = alpha2 * uC, uD = alpha1 * uP
            sigma += f * uC
            let values: [Coefficient: Double] = [
                .dieRate: cD, .plateRate: cP, .coolantRate: cC, .powerShare: network.trayPowerShares[tray],
                .alpha1: alpha1, .alpha2: alpha2, .inverse1: 1 / a1, .inverse2: 1 / a2, .inverse3: 1 / a3,
                .advection: f, .supplyToDie: uD, .supplyToPlate: uP, .supplyToCoolant: uC,
            ]
            for (coefficient, value) in values { coefficients[coefficient.rawValue * trays + tray] = value }
        }
        let rackAdvection = network.rackAdvectionWPerK
        let eps = network.cduEffectiveness
        let cR = network.capacitancesJPerK[network.returnNode] * rate
        let cS = network.capacitancesJPerK[network.supplyNode] * rate
        let aRR = cR + rackAdvection, aSS = cS + rackAdvection
        let aSR = (1 - eps) * rackAdvection
        let determinant = aRR * aSS - sigma * aSR
        self.trayCoefficients = coefficients
        self.returnCapacityRate = cR
        self.supplyCapacityRate = cS
        self.inverse11 = aSS / determinant
        self.inverse12 = sigma / determinant
        self.inverse21 = aSR / determinant
        self.inverse22 = aRR / determinant
        self.plantConductanceWPerK = eps * rackAdvection
    }

    /// One backward-Euler step (or the steady state) of a single rack, in place.
    /// For tests and one-off solves; the simulator uses the blocked kernel.
    /// - Parameters:
    ///   - temperaturesC: node temperatures at the start of the step, by node index; overwritten.
    ///   - rackPowerW: mean rack power over the step.
    ///   - facilitySupplyTemperatureC: facility water supply at the end of the step.
    public func solveSingleRack(temperaturesC: inout [Double], rackPowerW: Double, facilitySupplyTemperatureC: Double) {
        precondition(temperaturesC.count == network.nodeCount, "temperaturesC must have nodeCount values")
        temperaturesC.withUnsafeMutableBufferPointer { state in
            trayCoefficients.withUnsafeBufferPointer { coefficients in
                let view = view(coefficients.baseAddress!)
                var power = rackPowerW, accumulator = 0.0, laneMaximum = 0.0
                BlockKernel.step(view, lanes: 1, state: state.baseAddress!, powerW: &power,
                                 facilitySupplyTemperatureC: facilitySupplyTemperatureC,
                                 accumulator: &accumulator, laneMaxDieC: &laneMaximum)
            }
        }
    }

    /// Heat delivered to the plant by one rack at the given return and facility temperatures.
    @inlinable public func heatToPlantW(returnTemperatureC: Double, facilitySupplyTemperatureC: Double) -> Double {
        network.cduEffectiveness * network.rackAdvectionWPerK * (returnTemperatureC - facilitySupplyTemperatureC)
    }

    func view(_ coefficients: UnsafePointer<Double>) -> OperatorView {
        OperatorView(coefficients: coefficients, trayCount: network.trayCount,
                     returnCapacityRate: returnCapacityRate, supplyCapacityRate: supplyCapacityRate,
                     inverse11: inverse11, inverse12: inverse12, inverse21: inverse21, inverse22: inverse22,
                     plantConductanceWPerK: plantConductanceWPerK)
    }
}

/// A pointer view of a factored operator for the kernel, valid inside the
/// `withUnsafeBufferPointer` scope that made it.
struct OperatorView {
    let coefficients: UnsafePointer<Double>
    let trayCount: Int
    let returnCapacityRate: Double
    let supplyCapacityRate: Double
    let inverse11: Double, inverse12: Double, inverse21: Double, inverse22: Double
    let plantConductanceWPerK: Double
}
