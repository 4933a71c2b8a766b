/// The "Build plan" section of a capacity plan's report (docs/planning.md, "Outputs"): what the
/// plan builds, the cost stack that adds up to its objective, and what each SMR module count
/// would have cost.
enum BuildPlanSection {
    /// The section for a plan with one build (a single plan, or the shared build of a stochastic one).
    /// - Parameters:
    ///   - costs: the objective split into its parts; nil leaves the cost stack out (a stochastic
    ///     plan draws one stack per scenario instead).
    static func blocks(plan: BuildPlan, candidates: PlanCandidates?, costs: CostStack?, candidateCost: String = "Total cost")
        -> [ReportDocument.Block] {
        var blocks: [ReportDocument.Block] = [.heading("Build plan", level: 2), .paragraph(summary(plan))]
        blocks.append(.table(table(plan)))
        blocks += capacityCharts(plan).map { .chart($0) }
        if let costs {
            blocks.append(.heading("Cost stack", level: 3))
            blocks.append(.paragraph(closure(costs)))
            blocks.append(.table(costTable(costs)))
            blocks.append(.chart(costWaterfall(costs)))
        }
        if let candidates {
            let chosen = chosenUnits(plan, candidates)
            blocks.append(.heading("SMR module counts", level: 3))
            blocks.append(.paragraph("The plan was solved once for each whole number of SMR modules (plan_candidates.csv); the cheapest optimum is the plan"
                                     + (chosen.map { " (\($0) module\($0 == 1 ? "" : "s"))" } ?? "")
                                     + ". The difference to the plan is what one module more or less costs."))
            blocks.append(.table(candidatesTable(candidates, chosen: chosen)))
            if candidates.candidates.contains(where: { $0.objectiveUSD != nil }) {
                blocks.append(.chart(candidatesChart(candidates, chosen: chosen, costName: candidateCost)))
            }
        }
        return blocks
    }

    // MARK: Dimensions and units

    /// A dimension's name and unit for tables and axes.
    static func unit(_ dimension: String) -> (name: String, unit: String) {
        switch dimension {
        case "units": ("Modules", "modules")
        case "power_mw": ("Power", "MW")
        case "energy_mwh": ("Energy", "MWh")
        default: (dimension, "")
        }
    }

    /// `solar (renewable)`, `bess (battery)`, `SMR`.
    static func assetLabel(_ dimension: BuildPlan.Dimension) -> String {
        let asset = switch dimension.asset {
        case "smr": "SMR"
        case "grid_feed": "grid feed"
        default: dimension.asset
        }
        return dimension.name == dimension.asset || dimension.name.isEmpty ? asset : "\(dimension.name) (\(asset))"
    }

    /// A capacity as shown: modules whole when they are, else two decimals.
    static func capacity(_ value: Double, _ dimension: String) -> String {
        dimension == "units" && value == value.rounded() ? ReportFormat.number(value) : ReportFormat.number(value, decimals: 2)
    }

    /// Dimension kinds in order of first appearance.
    static func kinds(_ dimensions: [BuildPlan.Dimension]) -> [String] {
        var kinds: [String] = []
        for dimension in dimensions where !kinds.contains(dimension.dimension) { kinds.append(dimension.dimension) }
        return kinds
    }

    /// Distinct asset dimensions (asset, name, dimension) in order of first appearance.
    static func keys(_ dimensions: [BuildPlan.Dimension]) -> [BuildPlan.Dimension] {
        var keys: [BuildPlan.Dimension] = []
        for dimension in dimensions where !keys.contains(where: { $0.key == dimension.key }) { keys.append(dimension) }
        return keys
    }

    static func slug(_ text: String) -> String {
        text.lowercased().map { $0.isLetter || $0.isNumber ? String($0) : "-" }.joined()
    }

    // MARK: What is built

    static func summary(_ plan: BuildPlan) -> String {
        var capex = 0.0, horizon = 0.0
        for dimension in plan.dimensions {
            capex += dimension.capexUSD
            horizon += dimension.horizonCostUSD
        }
        let built = plan.dimensions.filter { $0.added > 0 }.count
        var text = "\(plan.dimensions.count) sized dimension\(plan.dimensions.count == 1 ? "" : "s")"
            + (plan.hasPeriods ? " over \(plan.periods.count) periods" : "") + ", \(built) with capacity added"
            + "; \(ReportFormat.number(capex)) USD of overnight capital, and \(ReportFormat.number(horizon)) USD of annualised capital and fixed O&M charged to this horizon (horizon_cost_usd in build_plan.csv)."
        let idle = keys(plan.dimensions).filter { key in plan.dimensions.allSatisfy { $0.key != key.key || $0.installed == 0 } }
        if !idle.isEmpty {
            text += " None installed: " + idle.map { "\(assetLabel($0)) \(unit($0.dimension).name.lowercased())" }.joined(separator: ", ") + "."
        }
        return text
    }

    /// Every row of build_plan.csv, with units, and a total of the costs.
    static func table(_ plan: BuildPlan) -> ReportDocument.Table {
        let periods = plan.hasPeriods
        let header = (periods ? ["period"] : []) + ["asset", "name", "dimension", "unit", "existing", "added", "installed", "capex (USD)",
                                                    "annualised capex (USD/year)", "fixed O&M (USD/year)", "horizon cost (USD)"]
        var rows: [[String]] = []
        var totals = [0.0, 0, 0, 0]
        for dimension in plan.dimensions {
            let costs = [dimension.capexUSD, dimension.annualisedCapexUSDPerYear, dimension.fixedOMUSDPerYear, dimension.horizonCostUSD]
            for index in totals.indices { totals[index] += costs[index] }
            rows.append((periods ? [dimension.period ?? ""] : []) + [dimension.asset, dimension.name, dimension.dimension, unit(dimension.dimension).unit]
                        + [dimension.existing, dimension.added, dimension.installed].map { capacity($0, dimension.dimension) }
                        + costs.map { ReportFormat.number($0) })
        }
        rows.append((periods ? [""] : []) + ["Total", "", "", "", "", "", ""] + totals.map { ReportFormat.number($0) })
        let offset = periods ? 1 : 0
        return ReportDocument.Table(caption: "What the plan builds (build_plan.csv; capacities in the unit of their dimension)",
                                    header: header, rows: rows, numericColumns: Set((offset + 4)..<(offset + 11)))
    }

    /// One chart per unit (modules, MW, MWh): installed capacity by asset, existing below added;
    /// with periods, one bar per period stacked by asset. Units whose every capacity is zero are left out.
    static func capacityCharts(_ plan: BuildPlan) -> [Chart] {
        var charts: [Chart] = []
        for kind in kinds(plan.dimensions) {
            let rows = plan.dimensions.filter { $0.dimension == kind }
            guard rows.contains(where: { $0.installed > 0 }) else { continue }
            let (name, unitText) = unit(kind)
            let axis = Chart.YAxis("Installed \(name.lowercased())", unit: unitText)
            let id = "build-\(slug(kind))"
            if plan.hasPeriods {
                charts.append(periodChart(rows, periods: plan.periods.map { $0 ?? "" }, id: id, name: name, axis: axis))
                continue
            }
            let x = rows.indices.map(Double.init)
            var layers: [Chart.Layer] = []
            if rows.contains(where: { $0.existing > 0 }) {
                layers.append(.bars(x: x, low: rows.map { _ in 0 }, high: rows.map(\.existing), style: Palette.existingCapacity,
                                    width: 0.6, labels: nil))
            }
            layers.append(.bars(x: x, low: rows.map(\.existing), high: rows.map(\.installed), style: Palette.addedCapacity, width: 0.6,
                                labels: rows.map { capacity($0.installed, kind) }))
            charts.append(Chart(id: id, title: "Installed capacity: \(name.lowercased())\(unitText.isEmpty ? "" : " (\(unitText))")",
                                subtitle: "existing and added by the plan; the installed total above each bar",
                                x: .categories(title: "Asset", names: rows.map(assetLabel)), left: axis, layers: layers, height: 300))
        }
        return charts
    }

    /// A multi-period build-out: one bar per period, stacked by asset.
    static func periodChart(_ rows: [BuildPlan.Dimension], periods: [String], id: String, name: String, axis: Chart.YAxis) -> Chart {
        let assets = keys(rows)
        let colours = Palette.assets(assets.map { ($0.asset, $0.name) })
        var base = [Double](repeating: 0, count: periods.count)
        var layers: [Chart.Layer] = []
        for (index, asset) in assets.enumerated() {
            let installed = periods.map { period in rows.first { $0.key == asset.key && ($0.period ?? "") == period }?.installed ?? 0 }
            let top = zip(base, installed).map { $0 + $1 }
            let last = index == assets.count - 1
            layers.append(.bars(x: periods.indices.map(Double.init), low: base, high: top,
                                style: Chart.Style(assetLabel(asset), colour: colours[index]), width: 0.6,
                                labels: last ? top.map { capacity($0, asset.dimension) } : nil))
            base = top
        }
        return Chart(id: id, title: "Installed capacity by period: \(name.lowercased())\(axis.unit.isEmpty ? "" : " (\(axis.unit))")",
                     subtitle: "each period's installed capacity stacked by asset; the total above each bar",
                     x: .categories(title: "Period", names: periods), left: axis, layers: layers, height: 320)
    }

    // MARK: Cost stack

    /// How well the parts add up, in words.
    static func closure(_ costs: CostStack) -> String {
        let tolerance = "agreement to \(ReportFormat.significant(CostStack.relativeTolerance * 1e6)) part per million of the objective or of the parts' magnitudes, whichever is larger"
        let allowed = ": \(ReportFormat.number(costs.toleranceUSD, decimals: 2)) USD here"
        let base = "The objective (objective_usd in summary.json, \(ReportFormat.number(costs.objectiveUSD)) USD) is the horizon's share of annualised capital and fixed O&M plus the operating costs, less revenues. "
        let residual = abs(costs.residualUSD) < 0.005 ? "less than 0.01 USD" : "\(ReportFormat.number(abs(costs.residualUSD), decimals: 2)) USD"
        if costs.closes {
            return base + "The parts below add up to it to within \(residual) (the report requires \(tolerance)\(allowed))."
        }
        return base + "The parts below miss it by \(residual), more than \(tolerance)\(allowed): the difference is drawn as \"\(CostStack.other.label)\"."
    }

    static func costTable(_ costs: CostStack) -> ReportDocument.Table {
        var rows: [[String]] = []
        func share(_ value: Double) -> String {
            costs.objectiveUSD != 0 ? ReportFormat.number(100 * value / costs.objectiveUSD, decimals: 1) : "–"
        }
        for part in costs.drawnParts {
            rows.append([part.item.label, part.item.key, ReportFormat.number(part.valueUSD), share(part.valueUSD)])
        }
        rows.append(["Total (objective)", "objective_usd", ReportFormat.number(costs.objectiveUSD), share(costs.objectiveUSD)])
        return ReportDocument.Table(caption: "Cost stack (USD over the horizon; revenues negative)", header: ["part", "summary.json key", "USD", "% of objective"],
                                    rows: rows, numericColumns: [2, 3])
    }

    /// The cost stack as a waterfall: each part a step from the running total, then the total.
    static func costWaterfall(_ costs: CostStack) -> Chart {
        let parts = costs.drawnParts
        let (factor, unitText) = MoneyScale.of(max(abs(costs.objectiveUSD), parts.map { abs($0.valueUSD) }.max() ?? 0))
        let decimals = factor == 1 ? 0 : 2
        let names = parts.map(\.item.label) + ["Total (objective)"]
        var lows = [Double](), highs = [Double]()
        var running = 0.0
        for part in parts {
            let next = running + part.valueUSD * factor
            lows.append(min(running, next))
            highs.append(max(running, next))
            running = next
        }
        let total = costs.objectiveUSD * factor
        lows.append(min(0, total))
        highs.append(max(0, total))
        let kinds: [(style: Chart.Style, member: (Int) -> Bool)] = [
            (Chart.Style("Capital and fixed O&M", colour: "#332288"), { $0 < parts.count && parts[$0].item.kind == .investment }),
            (Chart.Style("Operating cost", colour: "#e69f00"), { $0 < parts.count && parts[$0].item.kind == .operating }),
            (Chart.Style("Revenue (a negative cost)", colour: "#009e73"), { $0 < parts.count && parts[$0].item.kind == .revenue }),
            (Chart.Style("Total (objective)", colour: "#3b3b3b"), { $0 == parts.count }),
        ]
        var layers: [Chart.Layer] = []
        for kind in kinds {
            let members = names.indices.filter(kind.member)
            guard !members.isEmpty else { continue }
            layers.append(.bars(x: members.map(Double.init), low: members.map { lows[$0] }, high: members.map { highs[$0] }, style: kind.style,
                                width: 0.62, labels: members.map { index in
                                    let value = index < parts.count ? parts[index].valueUSD * factor : total
                                    return (index < parts.count && value > 0 ? "+" : "") + ReportFormat.number(value, decimals: decimals)
                                }))
        }
        return Chart(id: "cost-stack", title: "Cost stack: from the parts to the objective",
                     subtitle: "each part a step from the running total (revenues step down); the last bar is objective_usd",
                     x: .categories(title: "Part of the objective", names: names), left: .init("Cost over the horizon", unit: unitText),
                     layers: layers, height: 360)
    }

    // MARK: SMR module counts

    /// The plan's module count: its `smr` `units` row when whole, else the cheapest optimum.
    static func chosenUnits(_ plan: BuildPlan, _ candidates: PlanCandidates) -> Int? {
        if let row = plan.dimensions.last(where: { $0.asset == "smr" && $0.dimension == "units" }), row.installed == row.installed.rounded() {
            return Int(row.installed)
        }
        var best: PlanCandidates.Candidate?
        for candidate in candidates.candidates where candidate.status == "optimal" {
            if let cost = candidate.objectiveUSD, cost < (best?.objectiveUSD ?? .infinity) { best = candidate }
        }
        return best?.smrUnits
    }

    static func candidatesTable(_ candidates: PlanCandidates, chosen: Int?) -> ReportDocument.Table {
        let planCost = candidates.candidates.first { $0.smrUnits == chosen }?.objectiveUSD
        let rows = candidates.candidates.map { candidate -> [String] in
            let difference: String
            if let cost = candidate.objectiveUSD, let planCost {
                difference = candidate.smrUnits == chosen ? "the plan" : (cost >= planCost ? "+" : "") + ReportFormat.number(cost - planCost)
            } else {
                difference = "–"
            }
            return [String(candidate.smrUnits), candidate.status, candidate.objectiveUSD.map { ReportFormat.number($0) } ?? "–", difference]
        }
        return ReportDocument.Table(caption: "Cost of each SMR module count (plan_candidates.csv)",
                                    header: ["SMR modules", "status", "cost (USD)", "against the plan (USD)"], rows: rows, numericColumns: [0, 2, 3])
    }

    static func candidatesChart(_ candidates: PlanCandidates, chosen: Int?, costName: String) -> Chart {
        let list = candidates.candidates
        var largest = 0.0
        for candidate in list { if let cost = candidate.objectiveUSD { largest = max(largest, abs(cost)) } }
        let (factor, unitText) = MoneyScale.of(largest)
        let x = list.indices.map(Double.init)
        let y = list.map { candidate in candidate.status == "optimal" ? (candidate.objectiveUSD.map { $0 * factor } ?? .nan) : .nan }
        var layers: [Chart.Layer] = [
            .line(x: x, y: y, style: Chart.Style(costName, colour: "#0072b2"), side: .left),
            .points(x: x, y: y, style: Chart.Style(costName, colour: "#0072b2", inLegend: false), side: .left, radius: 4,
                    labels: list.map { $0.smrUnits == chosen ? "the plan" : "" }),
        ]
        let failed = list.indices.filter { list[$0].status != "optimal" }
        if !failed.isEmpty {
            layers.append(.failures(x: failed.map(Double.init), style: Chart.Style("no optimum (\(failed.count))", colour: "#cc0000")))
        }
        return Chart(id: "plan-candidates", title: "What each number of SMR modules costs",
                     subtitle: "the plan re-solved with the module count fixed; every other capacity re-optimised",
                     x: .categories(title: "SMR modules", names: list.map { String($0.smrUnits) }),
                     left: .init(costName, unit: unitText), layers: layers, height: 300)
    }
}
