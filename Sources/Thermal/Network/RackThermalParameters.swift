/// Physical parameters of one rack type, every quantity with its unit in its name.
///
/// Defaults describe an NVL72-class liquid-cooled rack and cite the line of
/// `docs/sources.md` they come from; "assumption" marks engineering estimates.
/// Per-device values are for one die and its cold plate; a tray lumps `devicesPerTray`
/// identical devices in parallel into one die node and one cold-plate node.
public struct RackThermalParameters: Sendable, Hashable {
    /// Compute trays fed in parallel from the rack's supply manifold
    /// (docs/sources.md, "GB200 NVL72 rack": 18 compute trays of 4 GPUs + 2 CPUs).
    public var trayCount: Int = 18
    /// Devices (GPUs and CPUs) per tray lumped into the tray's die node (4 GPUs + 2 CPUs; assumption
    /// that all tray heat passes through them, which is conservative for the hottest die).
    public var devicesPerTray: Int = 6
    /// Die-to-cold-plate resistance of one device (docs/sources.md, "die-to-case resistance":
    /// 0.005-0.02 K/W for ~1 kW dies; assumption, mid-range).
    public var dieToPlateResistanceKPerW: Double = 0.01
    /// Cold-plate-to-coolant resistance of one device (docs/sources.md, "cold plate resistance,
    /// case-to-inlet": 0.0154 K/W at 4 L/min DI water). Used as plate-to-coolant, which counts the
    /// plate's own advection twice: conservative by about 1/(m_dot cp) of one device.
    public var plateToCoolantResistanceKPerW: Double = 0.0154
    /// Heat capacity of one die with its package and lid (assumption: ~0.1 kg, 50 J/K, tau ~0.5 s).
    /// Zero makes the node quasi-static (algebraic).
    public var dieCapacitanceJPerK: Double = 50
    /// Heat capacity of one copper cold plate (assumption: ~0.4 kg x 385 J/(kg K)).
    public var plateCapacitanceJPerK: Double = 150
    /// First-order outlet lag of a tray's coolant; its capacitance is lag x m_dot x cp
    /// (docs/sources.md, "cold plate flow-pressure exponent; outlet lag": tau ~2 s).
    public var coolantOutletLagSeconds: Double = 2
    /// Coolant hold-up of the CDU secondary outlet and the rack supply manifold
    /// (assumption: ~10 L of water, 4.18 kJ/(L K)).
    public var supplyCapacitanceJPerK: Double = 42_000
    /// Coolant hold-up of the rack return manifold (assumption: ~5 L of water).
    public var returnCapacitanceJPerK: Double = 21_000
    /// Rack secondary coolant flow (docs/sources.md, "secondary coolant flow": ~15 g/s per kW,
    /// x 132 kW design load).
    public var massFlowKgPerS: Double = 1.98
    /// Coolant specific heat; water. docs/sources.md's flow lines (15 g/s per kW at dT ~16 K,
    /// 1.43 L/min per kW at dT 10 K) both imply ~4.2 kJ/(kg K).
    public var coolantSpecificHeatJPerKgK: Double = 4_180
    /// CDU heat-exchange model (docs/sources.md, "CDU approach temperature": 3 K).
    public var cdu: CDUModel = .datasheetDefault
    /// Hottest-die limit (docs/sources.md, "GPU throttle": H100 ~83 C; flagged secondary).
    public var dieLimitC: Double = 83
    /// Design (electrical) rack power, for capping thermal limits
    /// (docs/sources.md, "GB200 NVL72 rack": ~120-132 kW).
    public var ratedPowerW: Double = 132_000
    /// Share of rack power per tray (sums to 1); empty means equal shares.
    public var trayPowerShares: [Double] = []
    /// Share of rack flow per tray (sums to 1), e.g. manifold maldistribution; empty means equal.
    public var trayFlowShares: [Double] = []

    public init() {}

    /// An NVL72-class rack with its flow scaled to `massFlowKgPerS`, other values at their defaults.
    public init(massFlowKgPerS: Double) {
        self.massFlowKgPerS = massFlowKgPerS
    }
}
