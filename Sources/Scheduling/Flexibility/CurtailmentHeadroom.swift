import Foundation
import Island
import Optimization

/// Curtailment-enabled headroom (docs/formulation.md, 4.12; Norris et al., "Rethinking Load
/// Growth", Duke Nicholas Institute, 2025): how much firm grid capacity a site's flexibility
/// frees when it accepts an annual curtailment budget.
///
/// The reference is the site's own least-cost schedule (demand-response contracts left out):
/// import `r[t]`, peak `P = max r`, energy `E = sum h r`. For a budget `b` (a share of `E`, Duke's
/// definition: curtailed energy over the load's annual energy), one LP finds the smallest firm
/// import `F` with every limit of the site kept and all its work served:
///
///     minimise F
///     site_import[t] = sum_g grid_import[g,t] <= F                 (firm_import[t])
///     curtailed[t] >= r[t] - site_import[t],  curtailed[t] >= 0     (curtailed[t])
///     sum_t h curtailed[t] <= b E                                   (curtailment_budget)
///
/// then a second LP keeps `F` and minimises the site's cost, so the schedule reported is the
/// cheapest at that firm level. The headroom freed is `P - F`. Curtailment is measured against
/// the reference: energy the site no longer draws in the hours the firm limit cuts, shifted,
/// stored, generated on site or shed at its value. A site that cannot move any load has
/// `curtailed = 0` at any F below P, so it frees nothing.
public enum CurtailmentHeadroom {
    /// Duke's three budgets (0.25 %, 0.5 %, 1 % of annual energy).
    public static let defaultBudgetsPercent = [0.25, 0.5, 1.0]

    public struct Row: Sendable {
        public var budgetPercent: Double
        public var status: SolveStatus
        /// Smallest firm import the site needs, MW (nil unless solved).
        public var firmImportMW: Double?
        /// Reference peak import minus the firm import, MW.
        public var headroomMW: Double?
        /// Energy below the reference import in the cheapest schedule at the firm level, MWh.
        public var curtailedMWh: Double?
        /// Hours (steps x step hours) in which that schedule imports less than the reference.
        public var curtailedHours: Double?
        /// Cost of that schedule minus the reference's, USD.
        public var addedCostUSD: Double?
    }

    public struct Table: Sendable {
        public var referencePeakImportMW: Double
        public var referenceImportMWh: Double
        public var referenceObjectiveUSD: Double
        /// The reference schedule's site import per step, MW (what curtailment is measured against).
        public var referenceImportMW: [Double]
        public var rows: [Row]

        /// `headroom.csv` (docs/results-schema.md).
        public func csv() -> String {
            var text = "budget_percent,status,firm_import_mw,headroom_mw,curtailed_mwh,curtailed_hours,added_cost_usd,reference_peak_import_mw,reference_import_mwh\n"
            for row in rows {
                let figures = [row.firmImportMW, row.headroomMW, row.curtailedMWh, row.curtailedHours, row.addedCostUSD]
                    .map { $0.map(RunWriter.number) ?? "" }
                text += ([RunWriter.plainNumber(row.budgetPercent), row.status.rawValue] + figures
                         + [RunWriter.number(referencePeakImportMW), RunWriter.number(referenceImportMWh)]).joined(separator: ",") + "\n"
            }
            return text
        }
    }

    public enum Failure: Error, CustomStringConvertible {
        case noGrid
        case reference(SolveStatus, String?)
        public var description: String {
            switch self {
            case .noGrid: return "the site has no grid feed: there is no connection to size"
            case .reference(let status, let why): return "the site's own schedule is \(status.rawValue)\(why.map { ": \($0)" } ?? "")"
            }
        }
    }

    /// One reference solve, then two LPs per budget.
    /// - Parameter budgetsPercent: curtailment budgets in percent of the reference import energy (each >= 0).
    public static func compute(site given: Site, budgetsPercent: [Double], solver: SolverOptions = SolverOptions(),
                               compile: CompileOptions = CompileOptions()) throws -> Table {
        precondition(budgetsPercent.allSatisfy { $0.isFinite && $0 >= 0 }, "budgets are checked by the caller")
        var site = given
        site.flexibility = nil
        guard !site.gridFeeds.isEmpty else { throw Failure.noGrid }
        let hours = site.horizon.stepHours, steps = site.horizon.steps

        let reference = try SiteCompiler.compile(site, options: compile)
        let solved = try GLPK.solve(reference.program, options: solver)
        guard solved.status == .optimal, let referenceObjective = solved.objectiveValue else {
            throw Failure.reference(solved.status, solved.message)
        }
        let referenceImport = siteImport(reference, solved.primalValues, steps: steps)
        let peak = referenceImport.max() ?? 0
        let energy = referenceImport.reduce(0, +) * hours

        var rows: [Row] = []
        for budget in budgetsPercent {
            var model = try SiteCompiler.compile(site, options: compile)
            let costs = model.program.objective, constant = model.program.objectiveConstant
            let firm = model.program.addColumn(upper: .infinity, name: "firm_import")
            let curtailed = model.program.addColumns(count: steps, lower: { _ in 0 }, upper: { _ in .infinity }, objective: { _ in 0 },
                                                     name: compile.names ? { "curtailed[\(site.horizon.label($0))]" } : nil)
            let firmRows = model.program.addRows(count: steps, .lessOrEqual, rhs: { _ in 0 }, name: compile.names ? { "firm_import[\(site.horizon.label($0))]" } : nil)
            let curtailRows = model.program.addRows(count: steps, .greaterOrEqual, rhs: { referenceImport[$0] },
                                                    name: compile.names ? { "curtailment_floor[\(site.horizon.label($0))]" } : nil)
            for block in model.gridImport {
                model.program.addCoefficients(rows: firmRows, columns: block, value: 1)
                model.program.addCoefficients(rows: curtailRows, columns: block, value: 1)
            }
            for t in 0..<steps { model.program.addCoefficient(firmRows[t], firm, -1) }
            model.program.addCoefficients(rows: curtailRows, columns: curtailed, value: 1)
            let budgetRow = model.program.addRow(.lessOrEqual, budget / 100 * energy, name: "curtailment_budget")
            model.program.addCoefficients(row: budgetRow, columns: curtailed) { _ in hours }

            // Stage 1: the smallest firm import.
            for index in 0..<model.program.columnCount { model.program.setObjective(Column(index), 0) }
            model.program.objectiveConstant = 0
            model.program.setObjective(firm, 1)
            let first = try GLPK.solve(model.program, options: solver)
            guard first.status == .optimal, let smallest = first.objectiveValue else {
                rows.append(Row(budgetPercent: budget, status: first.status))
                continue
            }
            // Stage 2: the cheapest schedule at that firm import (a hair above it: the first solve's
            // tolerance), with the site's own costs.
            model.program.setBounds(firm, lower: 0, upper: smallest * (1 + 1e-7) + 1e-6)
            for (index, cost) in costs.enumerated() { model.program.setObjective(Column(index), cost) }
            model.program.setObjective(firm, 0)
            model.program.objectiveConstant = constant
            let second = try GLPK.solve(model.program, options: solver)
            guard second.status == .optimal, let cost = second.objectiveValue else {
                rows.append(Row(budgetPercent: budget, status: second.status, firmImportMW: smallest, headroomMW: peak - smallest))
                continue
            }
            let imports = siteImport(model, second.primalValues, steps: steps)
            var curtailedMWh = 0.0, curtailedSteps = 0
            for t in 0..<steps where referenceImport[t] - imports[t] > 1e-6 * max(1, peak) {
                curtailedMWh += (referenceImport[t] - imports[t]) * hours
                curtailedSteps += 1
            }
            let firmMW = min(smallest, peak)
            rows.append(Row(budgetPercent: budget, status: .optimal, firmImportMW: firmMW, headroomMW: peak - firmMW,
                            curtailedMWh: curtailedMWh, curtailedHours: Double(curtailedSteps) * hours, addedCostUSD: cost - referenceObjective))
        }
        return Table(referencePeakImportMW: peak, referenceImportMWh: energy, referenceObjectiveUSD: referenceObjective,
                     referenceImportMW: referenceImport, rows: rows)
    }

    /// Total grid import per step, MW.
    static func siteImport(_ model: SiteModel, _ values: [Double], steps: Int) -> [Double] {
        (0..<steps).map { t in model.gridImport.map { values[$0[t].index] }.reduce(0, +) }
    }
}
