import Foundation
import Island
import Optimization

/// Why a site is infeasible: which limits cannot be met, by how much and when.
public struct InfeasibilityReport: Sendable, Codable {
    /// Smallest shortfall reported: MW in a step, or MWh / t in all.
    public static let findingThreshold = 1e-3

    public struct Finding: Sendable, Codable {
        /// The limit that cannot be met (`power_balance`, `inference_service`, `training_deadline`,
        /// `carbon_cap`, `carbon_intensity_cap`, `cfe_target`).
        public var limit: String
        public var message: String
        /// How far the limit is missed, in `unit`.
        public var amount: Double
        public var unit: String
        /// Steps where it is missed (UTC), the worst first, at most 50.
        public var steps: [String]
    }

    public var findings: [Finding]
    /// Whether the elastic model itself solved (if not, the findings are empty).
    public var explained: Bool

    public var text: String {
        guard explained else { return "the site is infeasible, and the elastic re-solve could not explain why" }
        if findings.isEmpty { return "the site is infeasible, but every limit can be met in the elastic model (numerical trouble?)" }
        return findings.map(\.message).joined(separator: "\n")
    }
}

/// Re-solves an elastic version of an infeasible site (slacks on the power balance,
/// inference service, training deadlines, carbon cap, intensity cap and CFE target, each at
/// a large cost) and reports which limits cannot be met.
public enum InfeasibilityExplainer {
    /// - Parameter compile: the options of the failed solve (thermal capacity, size limit); the
    ///   elastic model is compiled with the same ones.
    public static func explain(_ site: Site, compile: CompileOptions = CompileOptions(), solver: SolverOptions = SolverOptions()) throws -> InfeasibilityReport {
        var elastic = compile
        elastic.elastic = true
        let model = try SiteCompiler.compile(site, options: elastic)
        var options = solver
        if options.method == .interior { options.method = .auto }
        let result = try GLPK.solve(model.program, options: options)
        guard result.status == .optimal, let slacks = model.elastic else { return InfeasibilityReport(findings: [], explained: false) }
        let x = result.primalValues
        // Findings below 1e-3 (MW per step, MWh or t in all) are solver noise ("0 MW short in 546
        // steps"): left out, unless nothing larger explains the infeasibility.
        let findings = collectFindings(x: x, slacks: slacks, site: site, tolerance: InfeasibilityReport.findingThreshold)
        if !findings.isEmpty { return InfeasibilityReport(findings: findings, explained: true) }
        return InfeasibilityReport(findings: collectFindings(x: x, slacks: slacks, site: site, tolerance: 1e-6), explained: true)
    }

    private static func collectFindings(x: [Double], slacks: ElasticSlacks, site: Site, tolerance: Double) -> [InfeasibilityReport.Finding] {
        let horizon = site.horizon
        let hours = horizon.stepHours
        var findings: [InfeasibilityReport.Finding] = []

        func perStep(_ block: ColumnBlock) -> [(step: Int, value: Double)] {
            (0..<block.count).map { ($0, x[block[$0].index]) }.filter { $0.value > tolerance }.sorted { $0.value > $1.value }
        }
        let shortfall = perStep(slacks.supplyShortfall)
        if let worst = shortfall.first {
            let energy = shortfall.map(\.value).reduce(0, +) * hours
            findings.append(.init(
                limit: "power_balance",
                message: "\(horizon.label(worst.step)): demand exceeds available supply by \(format(worst.value)) MW"
                    + (shortfall.count > 1 ? " (short in \(shortfall.count) steps, \(format(energy)) MWh in all)" : ""),
                amount: energy, unit: "MWh", steps: shortfall.prefix(50).map { horizon.label($0.step) }))
        }
        let surplus = perStep(slacks.supplySurplus)
        if let worst = surplus.first {
            findings.append(.init(
                limit: "power_balance",
                message: "\(horizon.label(worst.step)): must-run supply exceeds what the site can use or export by \(format(worst.value)) MW"
                    + (surplus.count > 1 ? " (in \(surplus.count) steps)" : "") + "; lower the SMR minimum stable load or allow export",
                amount: surplus.map(\.value).reduce(0, +) * hours, unit: "MWh", steps: surplus.prefix(50).map { horizon.label($0.step) }))
        }
        if let block = slacks.inferenceShortfall {
            let missed = perStep(block)
            if let worst = missed.first {
                findings.append(.init(
                    limit: "inference_service",
                    message: "\(horizon.label(worst.step)): inference demand cannot be served: \(format(worst.value)) MW short"
                        + (missed.count > 1 ? " (in \(missed.count) steps)" : ""),
                    amount: missed.map(\.value).reduce(0, +) * hours, unit: "MWh", steps: missed.prefix(50).map { horizon.label($0.step) }))
            }
        }
        for (job, column) in zip(site.trainingJobs, slacks.trainingShortfall) {
            guard let column, x[column.index] > tolerance else { continue }
            findings.append(.init(
                limit: "training_deadline",
                message: "training job \(job.name): \(format(x[column.index])) MWh of \(format(job.energyMWh)) MWh cannot be delivered by \(Horizon.format(job.deadlineUTC))",
                amount: x[column.index], unit: "MWh", steps: []))
        }
        if let excess = slacks.carbonExcess, x[excess.index] > tolerance, let cap = site.carbon.capTonnes {
            findings.append(.init(
                limit: "carbon_cap",
                message: "carbon cap \(format(cap)) t cannot be met: the least achievable is \(format(cap + x[excess.index])) t",
                amount: x[excess.index], unit: "t", steps: []))
        }
        if let excess = slacks.intensityExcess, x[excess.index] > tolerance, let cap = site.carbon.intensityCapGramsPerKWhIT {
            findings.append(.init(
                limit: "carbon_intensity_cap",
                message: "carbon intensity cap \(format(cap)) g/kWh of IT energy cannot be met: \(format(x[excess.index])) t too much",
                amount: x[excess.index], unit: "t", steps: []))
        }
        if let missed = slacks.cfeShortfall, x[missed.index] > tolerance, let target = site.carbon.cfeTargetShare {
            findings.append(.init(
                limit: "cfe_target",
                message: "24/7 carbon-free target \(format(target * 100))% cannot be met: \(format(x[missed.index])) MWh of carbon-free supply missing",
                amount: x[missed.index], unit: "MWh", steps: []))
        }
        return findings
    }

    static func format(_ value: Double) -> String {
        let formatter = NumberFormatter()
        formatter.numberStyle = .decimal
        formatter.maximumFractionDigits = abs(value) >= 100 ? 0 : (abs(value) >= 1 ? 1 : 3)
        formatter.locale = Locale(identifier: "en_US")
        return formatter.string(from: NSNumber(value: value)) ?? "\(value)"
    }
}
