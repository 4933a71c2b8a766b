/// The compiled, validated RC network of one rack type: conductances, advection and
/// capacitances per node, ready to be factored.
///
/// Node numbering, for `trayCount` trays (`nodeCount = 3 * trayCount + 2`):
/// tray `k` owns die `3k`, cold plate `3k + 1` and coolant `3k + 2`; then the supply node
/// (CDU secondary outlet and supply manifold) and the return (mixing) node.
///
/// Equations (`G` conductance W/K, `f = m_dot cp` advection W/K, `eps` CDU effectiveness):
/// - die:      `C_d dT_d/dt = s_k P - G_dp (T_d - T_p)`
/// - plate:    `C_p dT_p/dt = G_dp (T_d - T_p) - G_pc (T_p - T_c)`
/// - coolant:  `C_c dT_c/dt = G_pc (T_p - T_c) + f_k (T_S - T_c)` (upwind: the node is the tray outlet)
/// - return:   `C_R dT_R/dt = sum_k f_k (T_c,k - T_R)`
/// - supply:   `C_S dT_S/dt = F ((1 - eps) T_R + eps T_fac - T_S)`, `F = sum_k f_k`
///
/// Summing the rows cancels every internal flux and leaves
/// `sum C dT/dt = P - eps F (T_R - T_fac)`: the last term is the heat to the plant.
public struct RackThermalNetwork: Sendable {
    public let parameters: RackThermalParameters
    public let trayCount: Int
    public let nodeCount: Int
    /// Die-to-plate conductance of each tray (devices in parallel).
    public let dieToPlateConductanceWPerK: [Double]
    /// Plate-to-coolant conductance of each tray.
    public let plateToCoolantConductanceWPerK: [Double]
    /// Coolant advection `m_dot cp` through each tray.
    public let trayAdvectionWPerK: [Double]
    /// Rack advection `F`, the exact sum of the trays' (so mass balances to the last bit).
    public let rackAdvectionWPerK: Double
    /// CDU secondary-side effectiveness.
    public let cduEffectiveness: Double
    /// Share of rack power dissipated in each tray's die node.
    public let trayPowerShares: [Double]
    /// Heat capacity of every node, by node index.
    public let capacitancesJPerK: [Double]
    /// Hottest-die rise above the facility supply per watt of rack power at steady state; the
    /// network is linear, so `T_die,max = T_fac + dieRiseKPerW * P`.
    public private(set) var dieRiseKPerW: Double

    @inlinable public func dieNode(tray: Int) -> Int { 3 * tray }
    @inlinable public func plateNode(tray: Int) -> Int { 3 * tray + 1 }
    @inlinable public func coolantNode(tray: Int) -> Int { 3 * tray + 2 }
    @inlinable public var supplyNode: Int { 3 * trayCount }
    @inlinable public var returnNode: Int { 3 * trayCount + 1 }

    /// Validates `parameters` and compiles the network.
    /// - Throws: `ThermalError` naming the first invalid parameter (negative resistance, zero
    ///   flow, NaN, shares that do not sum to one, ...).
    public init(_ parameters: RackThermalParameters) throws {
        let trays = parameters.trayCount
        guard trays >= 1, trays <= 4_096 else {
            throw ThermalError.invalidCount(name: "trayCount", value: trays, requirement: "must be in 1...4096")
        }
        guard parameters.devicesPerTray >= 1 else {
            throw ThermalError.invalidCount(name: "devicesPerTray", value: parameters.devicesPerTray, requirement: "must be >= 1")
        }
        try requirePositive(parameters.dieToPlateResistanceKPerW, "dieToPlateResistanceKPerW")
        try requirePositive(parameters.plateToCoolantResistanceKPerW, "plateToCoolantResistanceKPerW")
        try requireNonNegative(parameters.dieCapacitanceJPerK, "dieCapacitanceJPerK")
        try requireNonNegative(parameters.plateCapacitanceJPerK, "plateCapacitanceJPerK")
        try requireNonNegative(parameters.coolantOutletLagSeconds, "coolantOutletLagSeconds")
        try requireNonNegative(parameters.supplyCapacitanceJPerK, "supplyCapacitanceJPerK")
        try requireNonNegative(parameters.returnCapacitanceJPerK, "returnCapacitanceJPerK")
        try requirePositive(parameters.massFlowKgPerS, "massFlowKgPerS")
        try requirePositive(parameters.coolantSpecificHeatJPerKgK, "coolantSpecificHeatJPerKgK")
        try requireFinite(parameters.dieLimitC, "dieLimitC")
        try requirePositive(parameters.ratedPowerW, "ratedPowerW")
        let powerShares = try Self.shares(parameters.trayPowerShares, count: trays, name: "trayPowerShares")
        let flowShares = try Self.shares(parameters.trayFlowShares, count: trays, name: "trayFlowShares")

        let devices = Double(parameters.devicesPerTray)
        let rackAdvection = parameters.massFlowKgPerS * parameters.coolantSpecificHeatJPerKgK
        let trayAdvection = flowShares.map { $0 * rackAdvection }
        let advectionSum = trayAdvection.reduce(0, +)

        self.parameters = parameters
        self.trayCount = trays
        self.nodeCount = 3 * trays + 2
        self.dieToPlateConductanceWPerK = Array(repeating: devices / parameters.dieToPlateResistanceKPerW, count: trays)
        self.plateToCoolantConductanceWPerK = Array(repeating: devices / parameters.plateToCoolantResistanceKPerW, count: trays)
        self.trayAdvectionWPerK = trayAdvection
        self.rackAdvectionWPerK = advectionSum
        self.cduEffectiveness = try parameters.cdu.effectiveness(rackAdvectionWPerK: advectionSum)
        self.trayPowerShares = powerShares
        var capacitances = [Double]()
        capacitances.reserveCapacity(3 * trays + 2)
        for tray in 0..<trays {
            capacitances.append(devices * parameters.dieCapacitanceJPerK)
            capacitances.append(devices * parameters.plateCapacitanceJPerK)
            capacitances.append(parameters.coolantOutletLagSeconds * trayAdvection[tray])
        }
        capacitances.append(parameters.supplyCapacitanceJPerK)
        capacitances.append(parameters.returnCapacitanceJPerK)
        self.capacitancesJPerK = capacitances
        self.dieRiseKPerW = 0
        // Steady rise per watt: solve once at P = 1 W, T_fac = 0 C.
        let steady = FactoredOperator(steadyStateOf: self)
        var temperatures = [Double](repeating: 0, count: nodeCount)
        steady.solveSingleRack(temperaturesC: &temperatures, rackPowerW: 1, facilitySupplyTemperatureC: 0)
        var rise = -Double.infinity
        for tray in 0..<trays { rise = Swift.max(rise, temperatures[3 * tray]) }
        self.dieRiseKPerW = rise
    }

    private static func shares(_ shares: [Double], count: Int, name: String) throws -> [Double] {
        if shares.isEmpty { return Array(repeating: 1 / Double(count), count: count) }
        guard shares.count == count else {
            throw ThermalError.lengthMismatch(name: name, expected: count, actual: shares.count)
        }
        for (index, share) in shares.enumerated() where !(share.isFinite && share > 0) {
            throw ThermalError.invalidParameter(name: "\(name)[\(index)]", value: share, requirement: "must be finite and > 0")
        }
        let sum = shares.reduce(0, +)
        guard abs(sum - 1) <= 1e-9 else {
            throw ThermalError.invalidParameter(name: "sum of \(name)", value: sum, requirement: "must be 1 (within 1e-9)")
        }
        return shares
    }
}

/// Racks that share one network (same structure, flows and CDU): the unit that is factored once.
public struct RackGroup: Sendable {
    public let network: RackThermalNetwork
    public let rackCount: Int

    public init(network: RackThermalNetwork, rackCount: Int) throws {
        guard rackCount >= 0 else {
            throw ThermalError.invalidCount(name: "rackCount", value: rackCount, requirement: "must be >= 0")
        }
        self.network = network
        self.rackCount = rackCount
    }
}
