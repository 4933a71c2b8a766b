import Foundation

/// Builds the report of one run: KPI tables, then the charts an analyst reads a schedule by.
public enum RunReport {
    /// Horizons longer than this are drawn per day in the overview charts.
    static let dailyThresholdSeconds: Int64 = 14 * 86_400

    /// - Parameter window: drawn at full resolution; when nil, the first seven days with training.
    /// - Throws: `ReportInputError` when the window lies outside the run.
    public static func document(_ run: RunResults, window: ReportWindow? = nil) throws(ReportInputError) -> ReportDocument {
        let site = run.text("site") ?? run.folder.lastPathComponent
        var blocks: [ReportDocument.Block] = [.paragraph(runDescription(run))]
        let status = run.text("status") ?? "unknown"
        if status != "optimal", let message = run.text("message") {
            blocks.append(.paragraph("The solve ended \(status): \(message)"))
        }
        if run.number("objective_usd") != nil {
            blocks.append(.heading("Key figures", level: 2))
            blocks += kpiTables(run).map { .table($0) }
        }
        if let plan = run.buildPlan {
            blocks += BuildPlanSection.blocks(plan: plan, candidates: run.candidates, costs: CostStack { run.number($0) })
        }
        guard let dispatch = run.dispatch else {
            if FileManager.default.fileExists(atPath: run.folder.appendingPathComponent("cashflows.csv").path) {
                // A multi-period build-out keeps each period's run files in periods/YEAR/.
                let npv = run.number("npv_total_cost_usd").map { ReportFormat.number($0) } ?? "-"
                blocks.append(.paragraph("A multi-period build-out (docs/planning.md, \"Multi-period build-out\"): NPV of total cost \(npv) USD "
                                         + "(npv_total_cost_usd in summary.json), year by year in cashflows.csv. Each period's operation is in "
                                         + "periods/YEAR/, a run folder insula report reads on its own."))
            } else {
                blocks.append(.paragraph("No dispatch.csv in this folder: the solve produced no schedule, so there is nothing to chart."))
            }
            return ReportDocument(title: "Run report: \(site)", blocks: blocks)
        }
        let chosen = window ?? ReportWindow.defaultWeek(of: dispatch.epochSeconds, trainingMW: dispatch.column("training_mw"))
        let windowSteps = dispatch.epochSeconds.indices.filter {
            dispatch.epochSeconds[$0] >= chosen.startEpochSeconds && dispatch.epochSeconds[$0] < chosen.endEpochSeconds
        }
        guard let first = windowSteps.first, let last = windowSteps.last else {
            throw ReportInputError(file: "--window", "\(chosen.label) holds no step of the run (\(ReportFormat.time(dispatch.epochSeconds.first!)) to \(ReportFormat.time(dispatch.epochSeconds.last!)) UTC)")
        }
        let charts = RunCharts(dispatch: dispatch, window: first...last, windowLabel: chosen.label, jobs: run.jobs)
        blocks.append(.heading("Dispatch", level: 2))
        blocks.append(.chart(charts.dispatchWindow()))
        if !charts.windowIsWholeRun { blocks.append(.chart(charts.dispatchOverview())) }
        blocks.append(.heading("Storage", level: 2))
        if dispatch.column("battery_soc_mwh").contains(where: { $0 > 0 }) {
            blocks.append(.chart(charts.stateOfCharge()))
        } else {
            blocks.append(.paragraph("The site has no battery (state of charge is zero throughout)."))
        }
        blocks.append(.heading("Load shifting", level: 2))
        blocks.append(.paragraph("Inference is served as it comes; training moves towards hours of low grid carbon and price. Compare the training area with the dashed carbon-intensity line."))
        blocks.append(.chart(charts.workloadsWindow()))
        if !charts.windowIsWholeRun { blocks.append(.chart(charts.workloadsOverview())) }
        blocks.append(.heading("Cooling", level: 2))
        blocks.append(.chart(charts.coolingEfficiency()))
        blocks.append(.heading("Prices", level: 2))
        if dispatch.hasValues("marginal_price_usd_per_mwh") {
            blocks.append(.chart(charts.marginalPrice()))
        } else {
            blocks.append(.paragraph("No marginal prices in dispatch.csv (the solver returned no duals)."))
        }
        if dispatch.hasValues("max_die_c") {
            blocks.append(.heading("Thermal check", level: 2))
            blocks.append(.chart(charts.dieTemperature()))
        }
        if !run.jobs.isEmpty {
            blocks.append(.heading("Training jobs", level: 2))
            blocks.append(.chart(charts.trainingJobs()))
            blocks.append(.table(jobsTable(run.jobs)))
        }
        return ReportDocument(title: "Run report: \(site)", blocks: blocks)
    }

    static func runDescription(_ run: RunResults) -> String {
        var parts: [String] = []
        parts.append("Status \(run.text("status") ?? "unknown") (\(run.text("method") ?? "?") method)")
        if let steps = run.number("steps"), let minutes = run.number("step_minutes"), let start = run.text("start_utc") {
            parts.append("\(ReportFormat.number(steps)) steps of \(ReportFormat.number(minutes)) min from \(start)")
        }
        if let version = run.text("insula_version") { parts.append("insula \(version), GLPK \(run.text("glpk_version") ?? "?")") }
        if let hash = run.text("inputs_sha256") { parts.append("inputs SHA-256 \(hash.prefix(12))…") }
        return parts.joined(separator: "; ") + ". Times are UTC."
    }

    static func kpiTables(_ run: RunResults) -> [ReportDocument.Table] {
        func value(_ key: String) -> Double { run.number(key) ?? .nan }
        func rows(_ items: [(String, String, Int)]) -> [[String]] {
            items.compactMap { label, key, decimals in
                run.number(key).map { [label, ReportFormat.number($0, decimals: decimals)] }
            }
        }
        let costs = ReportDocument.Table(caption: "Cost breakdown (USD)", header: ["item", "USD"], rows: rows([
            ("Objective (total cost)", "objective_usd", 0), ("Grid energy", "energy_cost_usd", 0), ("SMR fuel and O&M", "smr_cost_usd", 0),
            ("Backup generation", "backup_cost_usd", 0), ("Battery throughput", "battery_throughput_cost_usd", 0),
            ("Demand charge", "demand_charge_usd", 0), ("Carbon price", "carbon_cost_usd", 0),
            ("Lost inference penalty", "lost_inference_penalty_usd", 0), ("Undelivered training penalty", "undelivered_training_penalty_usd", 0),
            ("Export revenue", "export_revenue_usd", 0),
        ] + (run.buildPlan == nil ? [] : [("Annualised capital", "annualised_capex_usd", 0), ("Fixed O&M", "fixed_om_usd", 0)])),
            numericColumns: [1])
        let supply = ["smr_mwh", "grid_import_mwh", "solar_mwh", "wind_mwh", "battery_discharge_mwh", "backup_mwh"].map(value)
            .filter(\.isFinite).reduce(0, +)
        var energyRows: [[String]] = []
        for (label, key) in [("SMR", "smr_mwh"), ("Grid import", "grid_import_mwh"), ("Solar", "solar_mwh"), ("Wind", "wind_mwh"),
                             ("Battery discharge", "battery_discharge_mwh"), ("Backup", "backup_mwh")] {
            guard let energy = run.number(key) else { continue }
            energyRows.append([label, ReportFormat.number(energy), supply > 0 ? ReportFormat.number(100 * energy / supply, decimals: 1) : "–"])
        }
        for (label, key) in [("Grid export", "grid_export_mwh"), ("Battery charge", "battery_charge_mwh"), ("IT", "it_energy_mwh"),
                             ("IT: inference", "inference_energy_mwh"), ("IT: training", "training_energy_mwh"),
                             ("Cooling", "cooling_energy_mwh"), ("Losses", "losses_mwh"), ("Curtailed renewables", "curtailment_mwh")] {
            guard let energy = run.number(key) else { continue }
            energyRows.append([label, ReportFormat.number(energy), ""])
        }
        let energy = ReportDocument.Table(caption: "Energy (MWh; supply shares in % of all supply)", header: ["flow", "MWh", "% of supply"],
                                          rows: energyRows, numericColumns: [1, 2])
        var outcomeRows: [[String]] = []
        func add(_ label: String, _ key: String, scale: Double = 1, decimals: Int, unit: String) {
            guard let number = run.number(key) else { return }
            outcomeRows.append([label, ReportFormat.number(number * scale, decimals: decimals), unit])
        }
        add("Emissions", "emissions_t", decimals: 0, unit: "t CO₂e")
        add("Carbon intensity of IT energy", "carbon_intensity_g_per_kwh_it", decimals: 1, unit: "g/kWh")
        add("CFE score (hourly matched)", "cfe_score", scale: 100, decimals: 1, unit: "%")
        add("PUE", "pue", decimals: 3, unit: "–")
        add("Inference served", "inference_served_share", scale: 100, decimals: 2, unit: "%")
        add("Training delivered", "training_delivered_share", scale: 100, decimals: 2, unit: "%")
        add("Peak grid import", "peak_grid_import_mw", decimals: 1, unit: "MW")
        add("Battery cycles", "battery_cycles", decimals: 1, unit: "full cycles")
        add("Carbon cap shadow price", "carbon_shadow_price_usd_per_t", decimals: 2, unit: "USD/t")
        let outcomes = ReportDocument.Table(caption: "Emissions, efficiency and service", header: ["figure", "value", "unit"],
                                            rows: outcomeRows, numericColumns: [1])
        guard let tokens = run.number("tokens_served"), tokens > 0 else { return [costs, energy, outcomes] }
        return [costs, energy, outcomes, tokenTable(run)]
    }

    /// Tokens served and what each costs, per workload and for the site (docs/results-schema.md, "Token KPIs").
    static func tokenTable(_ run: RunResults) -> ReportDocument.Table {
        func cell(_ key: String, decimals: Int) -> String { run.number(key).map { ReportFormat.number($0, decimals: decimals) } ?? "–" }
        var rows: [[String]] = []
        for (label, prefix, tokensKey) in [("Inference", "inference_", "inference_tokens_served"), ("Training", "training_", "training_tokens_served"),
                                           ("Site", "", "tokens_served")] {
            guard let tokens = run.number(tokensKey), tokens > 0 else { continue }
            rows.append([label, ReportFormat.number(tokens / 1e9, decimals: 3), cell("\(prefix)energy_per_token_j", decimals: 3),
                         cell("\(prefix)cost_usd_per_million_tokens", decimals: 4), cell("\(prefix)emissions_g_per_thousand_tokens", decimals: 3)])
        }
        // Shed tokens, unless solver noise (an interior point leaves ~1e-9 of demand unserved).
        if let shed = run.number("inference_tokens_shed"), shed > 1e-6 * (shed + (run.number("inference_tokens_served") ?? 0)) {
            rows.append(["Inference shed", ReportFormat.number(shed / 1e9, decimals: 3), "", "", ""])
        }
        return ReportDocument.Table(caption: "Tokens (energy, cost and emissions of the facility's energy, shared by IT power)",
                                    header: ["workload", "billion tokens", "J/token", "USD per million tokens", "g CO₂e per thousand tokens"],
                                    rows: rows, numericColumns: [1, 2, 3, 4])
    }

    static func jobsTable(_ jobs: [RunResults.Job]) -> ReportDocument.Table {
        ReportDocument.Table(caption: "Training jobs", header: ["job", "release", "deadline", "required MWh", "delivered MWh", "delivered %", "completed"],
                             rows: jobs.map { job in
                                 [job.name, ReportFormat.time(job.releaseEpochSeconds), ReportFormat.time(job.deadlineEpochSeconds),
                                  ReportFormat.number(job.requiredMWh), ReportFormat.number(job.deliveredMWh),
                                  job.requiredMWh > 0 ? ReportFormat.number(100 * job.deliveredMWh / job.requiredMWh, decimals: 1) : "–",
                                  job.completionEpochSeconds.map(ReportFormat.time) ?? "not completed"]
                             }, numericColumns: [3, 4, 5])
    }
}
