/// The site file's `thermal` section: the racks' liquid-cooling path, from die to facility water.
///
/// Plain values only (Island knows no solver); `Scheduling` turns them into a
/// `Thermal.RackThermalNetwork`. Defaults describe an NVL72-class rack and come from
/// `docs/sources.md` (see `docs/site-format.md`, "thermal").
public struct RackThermalSpec: Sendable, Equatable {
    /// Compute trays per rack, fed in parallel (docs/sources.md: 18 per NVL72 rack).
    public var traysPerRack: Int = 18
    /// Devices per tray lumped into one die node (4 GPUs + 2 CPUs).
    public var devicesPerTray: Int = 6
    /// Die-to-cold-plate resistance of one device, K/W (docs/sources.md: 0.005-0.02; mid-range).
    public var dieToPlateResistanceKPerW: Double = 0.01
    /// Cold-plate-to-coolant resistance of one device, K/W (docs/sources.md: 0.0154 at 4 L/min).
    public var plateToCoolantResistanceKPerW: Double = 0.0154
    /// Heat capacity of one die with its package, J/K (assumption).
    public var dieCapacitanceJPerK: Double = 50
    /// Heat capacity of one cold plate, J/K (assumption).
    public var plateCapacitanceJPerK: Double = 150
    /// Secondary coolant flow per rack, kg/s (docs/sources.md: ~15 g/s per kW x 132 kW).
    public var coolantFlowKgPerSPerRack: Double = 1.98
    /// CDU approach: secondary supply above facility supply at the rack's rated load, K
    /// (docs/sources.md: 3 K, Google "Deschutes").
    public var cduApproachK: Double = 3
    /// Hottest-die limit, C (docs/sources.md: H100 throttles near 83 C).
    public var dieLimitC: Double = 83
    /// Synchronous-training power swing of training racks, if any (docs/sources.md, arXiv 2508.14318).
    public var trainingSwing: TrainingSwing?

    /// Training racks alternate between a compute (high) and a communication (low) phase.
    public struct TrainingSwing: Sendable, Equatable {
        /// Power in the low phase as a fraction of the high phase, 0-1.
        public var lowFraction: Double
        /// One compute + communication cycle, s.
        public var periodSeconds: Double
        /// Share of the period at the high level, 0-1.
        public var highDutyCycle: Double

        public init(lowFraction: Double, periodSeconds: Double, highDutyCycle: Double) {
            self.lowFraction = lowFraction
            self.periodSeconds = periodSeconds
            self.highDutyCycle = highDutyCycle
        }

        /// Mean power over a cycle as a fraction of the high level: the scheduled (mean) power
        /// divided by this is the level the racks reach in the compute phase.
        public var meanFraction: Double { lowFraction + (1 - lowFraction) * highDutyCycle }
    }

    public init() {}
}
