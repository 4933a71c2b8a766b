import Island

/// Small costs that make the dump the only place surplus goes (docs/formulation.md, 4.8).
///
/// An LP cannot hold the busway loss *equal* to its convex chord curve (the graph of a convex
/// function is not a convex set), nor forbid a converter from carrying power both ways in one
/// step. Without costs, those are free sinks: when surplus has nowhere to go, the buses' energy
/// is worth 0 (or less) and burning it as extra loss is an optimum as good as dumping it
/// (interior point even spreads it over all of them). With a dump of cost `c` >= 0 and spare
/// capacity, no MWh on either bus is worth less than `-c kappa` (kappa = 1 / (link efficiency x
/// the dump's path efficiency)). Each way of burning energy without a physical reason then gets
/// a cost just above what it would save, so it is strictly dearer than the dump:
///
/// - busway loss above its chord: burns 1 MWh on the IT bus and `c_cool` on the AC bus, so
///   `margin + c kappa (1 + c_cool[t])` per MWh of busway loss;
/// - power both ways through the link in one step: a circulated MWh loses `1 - eta_link` each
///   way, so `margin + c kappa (1 - eta_link)` per MWh on each direction;
/// - charging and discharging a battery in one step: a charged MWh burns
///   `1/eta_s - eta_s eta_c eta_d` of bus energy, so `margin + c kappa` times that per MWh charged.
///
/// With them the busway loss sits on its chord, the link and each battery run one way per step,
/// and `losses_mw` is physical loss only. They are charged only when the site has a dump, appear
/// in the objective and are reported as `loss_tie_break_usd`.
public struct LossTieBreak: Sendable, Equatable {
    /// The margin above each bound, USD/MWh: small against any price, large against solver tolerances.
    public static let marginUSDPerMWh = 1e-3

    /// On each link direction, USD/MWh.
    public var linkUSDPerMWh: Double
    /// On each battery's charging, USD/MWh (site order).
    public var chargeUSDPerMWh: [Double]
    /// On the busway loss per step, USD/MWh.
    public var buswayUSDPerMWh: [Double]

    public init(site: Site, dump: Dump) {
        let distribution = site.distribution
        let efficiencies = distribution.efficiencies
        let isDC = distribution.architecture == .dc800
        let smrPath = site.smr.map { $0.connection == .dcBus && isDC ? efficiencies.smrRectifier : efficiencies.smrStepUpTransformer } ?? 1
        let link = distribution.gridToBusEfficiency
        let floor = dump.costUSDPerMWh / (link * (dump.kind == .turbineBypass ? smrPath : 1))
        linkUSDPerMWh = Self.marginUSDPerMWh + floor * (1 - link)
        chargeUSDPerMWh = site.batteries.map { battery in
            let converter = battery.coupling == .dc && isDC ? efficiencies.dcDC : efficiencies.storageInverter
            let burned = 1 / converter - converter * battery.chargeEfficiency * battery.dischargeEfficiency
            return Self.marginUSDPerMWh + floor * max(0, burned)
        }
        buswayUSDPerMWh = site.copSeries.map { cop in
            Self.marginUSDPerMWh + floor * (1 + 1 / (cop * efficiencies.coolingTransformer))
        }
    }
}
