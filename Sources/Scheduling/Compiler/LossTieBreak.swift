import Island

/// Small costs that make the dump the only place surplus goes (docs/formulation.md, 4.8).
///
/// An LP cannot hold the busway loss *equal* to its convex chord curve (the graph of a convex
/// function is not a convex set), nor forbid a converter from carrying power both ways in one
/// step. Without costs, those are free sinks: when surplus has nowhere to go, the buses' energy
/// is worth 0 (or less) and burning it as extra loss is an optimum as good as dumping it
/// (interior point even spreads it over all of them). With a dump of cost `c` >= 0 and spare
/// capacity, a MWh at the dump's bus is worth at least `-c / eta_d` (`eta_d`: the SMR's path for
/// a turbine bypass, 1 for a load bank), and on the other bus at least
/// `-F = -(c / (eta_link eta_d) + e_link)`, the link's own tie-break included. Each way of
/// burning energy without a physical reason then costs more than it could save:
///
/// - the link both ways in one step: a circulated MWh loses `1 - eta_link` on each pass, so
///   `e_link = margin + c (1 - eta_link) / (eta_link^2 eta_d)` per MWh on each direction
///   (the pair's reduced cost `2 e_link + (1 - eta_link)(pi_AC + pi_IT)` is then positive);
/// - busway loss above its chord: burns 1 MWh on the IT bus and `c_cool` on the AC bus, so
///   `margin + F (1 + c_cool[t])` per MWh of busway loss;
/// - a battery charging and discharging in one step: a charged MWh burns
///   `1/eta_s - eta_s eta_c eta_d` of bus energy, so `margin + F` times that per MWh charged.
///
/// With them every optimal solution has the busway loss on its chord, the link and each battery
/// one way per step, and `losses_mw` physical loss only (by complementary slackness: a column
/// whose reduced cost is positive for every dual-feasible price sits at its bound). They are
/// charged only when the site has a dump, appear in the objective and are reported as
/// `loss_tie_break_usd`.
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
        let dumpPath = dump.kind == .turbineBypass ? smrPath : 1
        linkUSDPerMWh = Self.marginUSDPerMWh + dump.costUSDPerMWh * (1 - link) / (link * link * dumpPath)
        let floor = dump.costUSDPerMWh / (link * dumpPath) + linkUSDPerMWh
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
