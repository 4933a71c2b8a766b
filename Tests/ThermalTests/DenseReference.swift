import Thermal

/// An independent dense model of one rack, assembled from the physical parameters with the
/// equations written out again here, and solved by plain Gaussian elimination with partial
/// pivoting: the yardstick for the structured solver.
struct DenseRack {
    let n: Int
    let trays: Int
    var matrixSteady: [Double]       // K
    var capacitance: [Double]        // C per node
    var powerShare: [Double]         // per tray
    var plantConductance: Double     // eps F

    init(_ p: RackThermalParameters) {
        trays = p.trayCount
        n = 3 * trays + 2
        let devices = Double(p.devicesPerTray)
        let g1 = devices / p.dieToPlateResistanceKPerW
        let g2 = devices / p.plateToCoolantResistanceKPerW
        let flowShares = p.trayFlowShares.isEmpty ? Array(repeating: 1 / Double(trays), count: trays) : p.trayFlowShares
        powerShare = p.trayPowerShares.isEmpty ? Array(repeating: 1 / Double(trays), count: trays) : p.trayPowerShares
        let f = flowShares.map { $0 * p.massFlowKgPerS * p.coolantSpecificHeatJPerKgK }
        let total = f.reduce(0, +)
        let eps: Double
        switch p.cdu {
        case let .effectiveness(value): eps = value
        case let .approach(approachK, loadW):
            let rise = loadW / total
            eps = rise / (rise + approachK)
        }
        plantConductance = eps * total
        let supply = 3 * trays, ret = 3 * trays + 1
        var k = [Double](repeating: 0, count: n * n)
        var c = [Double](repeating: 0, count: n)
        let size = n
        func add(_ i: Int, _ j: Int, _ v: Double) { k[i * size + j] += v }
        for t in 0..<trays {
            let d = 3 * t, pl = d + 1, co = d + 2
            // die: G1 (Td - Tp)
            add(d, d, g1); add(d, pl, -g1)
            // plate: G1 (Tp - Td) + G2 (Tp - Tc)
            add(pl, pl, g1 + g2); add(pl, d, -g1); add(pl, co, -g2)
            // coolant: G2 (Tc - Tp) + f (Tc - Ts)  (upwind from supply)
            add(co, co, g2 + f[t]); add(co, pl, -g2); add(co, supply, -f[t])
            // return mixes tray outlets
            add(ret, co, -f[t])
            c[d] = devices * p.dieCapacitanceJPerK
            c[pl] = devices * p.plateCapacitanceJPerK
            c[co] = p.coolantOutletLagSeconds * f[t]
        }
        add(ret, ret, total)
        add(supply, supply, total); add(supply, ret, -(1 - eps) * total)
        c[supply] = p.supplyCapacitanceJPerK
        c[ret] = p.returnCapacitanceJPerK
        matrixSteady = k
        capacitance = c
    }

    func source(powerW: Double, facilityC: Double) -> [Double] {
        var b = [Double](repeating: 0, count: n)
        for t in 0..<trays { b[3 * t] = powerShare[t] * powerW }
        b[3 * trays] = plantConductance * facilityC
        return b
    }

    /// One backward-Euler step: (C/dt + K) x = C/dt x_old + b.
    func step(_ old: [Double], powerW: Double, facilityC: Double, stepSeconds: Double) -> [Double] {
        var a = matrixSteady
        var b = source(powerW: powerW, facilityC: facilityC)
        for i in 0..<n {
            a[i * n + i] += capacitance[i] / stepSeconds
            b[i] += capacitance[i] / stepSeconds * old[i]
        }
        return Self.gaussianElimination(a, b, n)
    }

    func steady(powerW: Double, facilityC: Double) -> [Double] {
        Self.gaussianElimination(matrixSteady, source(powerW: powerW, facilityC: facilityC), n)
    }

    static func gaussianElimination(_ matrix: [Double], _ rhs: [Double], _ n: Int) -> [Double] {
        var a = matrix, b = rhs
        for k in 0..<n {
            var pivot = k
            for i in k..<n where abs(a[i * n + k]) > abs(a[pivot * n + k]) { pivot = i }
            if pivot != k {
                for j in 0..<n { a.swapAt(k * n + j, pivot * n + j) }
                b.swapAt(k, pivot)
            }
            for i in (k + 1)..<n {
                let factor = a[i * n + k] / a[k * n + k]
                if factor == 0 { continue }
                for j in k..<n { a[i * n + j] -= factor * a[k * n + j] }
                b[i] -= factor * b[k]
            }
        }
        var x = [Double](repeating: 0, count: n)
        for i in stride(from: n - 1, through: 0, by: -1) {
            var sum = b[i]
            for j in (i + 1)..<n { sum -= a[i * n + j] * x[j] }
            x[i] = sum / a[i * n + i]
        }
        return x
    }
}

/// Small rack types for quick debug-build tests.
enum Fixtures {
    /// A 3-tray rack with uneven tray powers and flows.
    static func smallRack(flowKgPerS: Double = 0.4) -> RackThermalParameters {
        var p = RackThermalParameters(massFlowKgPerS: flowKgPerS)
        p.trayCount = 3
        p.ratedPowerW = 22_000
        p.cdu = .approach(approachK: 3, atHeatLoadW: 22_000)
        p.trayPowerShares = [0.5, 0.3, 0.2]
        p.trayFlowShares = [0.4, 0.35, 0.25]
        p.supplyCapacitanceJPerK = 7_000
        p.returnCapacitanceJPerK = 3_500
        return p
    }

    static func uniformRack(trays: Int = 2) -> RackThermalParameters {
        var p = RackThermalParameters(massFlowKgPerS: 0.3)
        p.trayCount = trays
        p.cdu = .effectiveness(0.7)
        return p
    }
}

func maxAbsDifference(_ a: [Double], _ b: [Double]) -> Double {
    zip(a, b).map { abs($0 - $1) }.max() ?? 0
}
