/// A run's objective split into the cost parts its `summary.json` reports: annualised capital
/// and fixed O&M of a plan, then the operating costs, less revenues (docs/results-schema.md,
/// "KPIs": energy, fuel, carbon, penalties, export revenue as a negative cost, ...).
///
/// The parts add up to `objective_usd` within ``relativeTolerance`` of the larger of the
/// objective and the parts' magnitudes; when they do not (a part this report does not know, an
/// older run), the difference is kept as ``residualUSD`` and shown, never hidden.
struct CostStack {
    enum Kind: Sendable { case investment, operating, revenue }

    /// A key of `summary.json`, its label and colour; a revenue enters the objective negated.
    struct Item: Sendable {
        let key: String
        let label: String
        let kind: Kind
        let colour: String
    }

    /// A part as it enters the objective: revenues negative.
    struct Part: Sendable {
        let item: Item
        let valueUSD: Double
    }

    /// Every cost term of the objective, in drawing order.
    static let items: [Item] = [
        Item(key: "annualised_capex_usd", label: "Annualised capital", kind: .investment, colour: "#332288"),
        Item(key: "fixed_om_usd", label: "Fixed O&M", kind: .investment, colour: "#88ccee"),
        Item(key: "energy_cost_usd", label: "Grid energy", kind: .operating, colour: Palette.gridImport.colour),
        Item(key: "demand_charge_usd", label: "Demand charge", kind: .operating, colour: "#44aa99"),
        Item(key: "smr_cost_usd", label: "SMR fuel and O&M", kind: .operating, colour: Palette.smr.colour),
        Item(key: "backup_cost_usd", label: "Backup generation", kind: .operating, colour: Palette.backup.colour),
        Item(key: "battery_throughput_cost_usd", label: "Battery throughput", kind: .operating, colour: Palette.batteryDischarge.colour),
        Item(key: "carbon_cost_usd", label: "Carbon price", kind: .operating, colour: "#882255"),
        Item(key: "embodied_carbon_cost_usd", label: "Embodied carbon", kind: .operating, colour: "#777777"),
        Item(key: "water_cost_usd", label: "Water", kind: .operating, colour: "#56b4e9"),
        Item(key: "dump_cost_usd", label: "Dumped power", kind: .operating, colour: "#cc6677"),
        Item(key: "loss_tie_break_usd", label: "Loss tie-break", kind: .operating, colour: "#ddcc77"),
        Item(key: "lost_inference_penalty_usd", label: "Lost inference penalty", kind: .operating, colour: "#d55e00"),
        Item(key: "undelivered_training_penalty_usd", label: "Undelivered training penalty", kind: .operating, colour: "#e69f00"),
        Item(key: "training_restart_cost_usd", label: "Training restarts", kind: .operating, colour: "#f0e442"),
        Item(key: "dr_penalty_usd", label: "Demand-response penalty", kind: .operating, colour: "#aa4499"),
        Item(key: "export_revenue_usd", label: "Export revenue", kind: .revenue, colour: Palette.gridExport.colour),
        Item(key: "heat_revenue_usd", label: "Heat revenue", kind: .revenue, colour: "#ee8866"),
        Item(key: "dr_payment_usd", label: "Demand-response payment", kind: .revenue, colour: "#999933"),
    ]

    /// The parts may miss the objective by this share of the larger of the objective and the
    /// sum of the parts' magnitudes (the solver's tolerances are far tighter: 1e-8 on the corpus).
    static let relativeTolerance = 1e-6
    /// Parts smaller than this share of the objective (solver noise, 1e-13 USD) are not drawn.
    static let negligibleShare = 1e-9

    let objectiveUSD: Double
    /// Every part that is not negligible, in ``items`` order.
    let parts: [Part]
    /// All parts, negligible ones included.
    let sumUSD: Double
    let magnitudeUSD: Double

    /// - Parameter value: a number of `summary.json` (or a `summary.csv` row) by key; nil when absent.
    /// - Returns: nil without an objective.
    init?(_ value: (String) -> Double?) {
        guard let objective = value("objective_usd"), objective.isFinite else { return nil }
        objectiveUSD = objective
        var all: [Part] = []
        for item in Self.items {
            guard let number = value(item.key), number.isFinite else { continue }
            all.append(Part(item: item, valueUSD: item.kind == .revenue ? -number : number))
        }
        var sum = 0.0, magnitude = 0.0
        for part in all {
            sum += part.valueUSD
            magnitude += abs(part.valueUSD)
        }
        sumUSD = sum
        magnitudeUSD = magnitude
        let negligible = Self.negligibleShare * max(1, abs(objective))
        parts = all.filter { abs($0.valueUSD) > negligible }
    }

    /// The objective less the sum of the parts.
    var residualUSD: Double { objectiveUSD - sumUSD }

    /// How far the parts may miss the objective, USD.
    var toleranceUSD: Double { Self.relativeTolerance * max(1, abs(objectiveUSD), magnitudeUSD) }

    /// True when the parts add up to the objective within ``toleranceUSD``.
    var closes: Bool { abs(residualUSD) <= toleranceUSD }

    /// The parts to draw: those of ``parts``, plus the residual as "Other" when the parts do not close.
    var drawnParts: [Part] {
        closes ? parts : parts + [Part(item: Self.other, valueUSD: residualUSD)]
    }

    static let other = Item(key: "other", label: "Other (objective less the parts)", kind: .operating, colour: "#bbbbbb")
}

/// A scale for money on an axis: million USD, thousand USD or USD, by magnitude.
enum MoneyScale {
    static func of(_ magnitude: Double) -> (factor: Double, unit: String) {
        if magnitude >= 1e6 { return (1e-6, "million USD") }
        if magnitude >= 1e3 { return (1e-3, "thousand USD") }
        return (1, "USD")
    }
}
