import ArgumentParser
import Foundation
import Island
import Optimization
import Scheduling

/// `insula flex ...`: what a site's flexibility is worth to the grid.
struct FlexCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "flex",
        abstract: "Grid flexibility: curtailment-enabled headroom.",
        subcommands: [FlexHeadroomCommand.self]
    )
}

/// `insula flex headroom SITE.yaml --budgets 0.25,0.5,1 --out DIR`: firm grid capacity freed by
/// accepting curtailment (docs/formulation.md, 4.12).
struct FlexHeadroomCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "headroom",
        abstract: "Smallest firm grid import the site needs at each annual curtailment budget, and the headroom it frees; writes headroom.csv.",
        discussion: """
            Budgets are percent of the site's own least-cost import energy over the horizon (Norris et al., \
            Rethinking Load Growth, Duke Nicholas Institute 2025: 0.25, 0.5 and 1 %). Per budget: one LP for the \
            smallest firm import with all work served, one for the cheapest schedule at it. Demand-response \
            contracts are left out. Exit 0 when every budget solved, 2 on bad input, 3 when the site itself \
            is infeasible, 4 at a solver limit.
            """
    )

    @Argument(help: "Site file (YAML).")
    var site: String

    @OptionGroup var overrides: SiteOverrides

    @Option(help: ArgumentHelp("Curtailment budgets, percent of annual energy, comma-separated.", valueName: "B1,B2,..."))
    var budgets: String = "0.25,0.5,1"

    @Option(help: "Output folder (created if missing).")
    var out: String = "out"

    @OptionGroup var solver: SolverArguments

    @Option(help: ArgumentHelp("Only this sub-period of the horizon: START..END, UTC (as solve --window; budgets are then shares of its energy).", valueName: "START..END"))
    var window: String?

    @Option(name: .customLong("dump-inputs"), help: "Also write the resolved inputs (as `solve --dump-inputs`, contracts left out) with the reference import and the budgets, for the PyPSA cross-check.")
    var dumpInputs: String?

    @OptionGroup var global: GlobalOptions

    func parsedBudgets() throws -> [Double] {
        let parts = budgets.split(separator: ",", omittingEmptySubsequences: false).map { $0.trimmingCharacters(in: .whitespaces) }
        var values: [Double] = []
        for part in parts {
            guard let value = Double(part), value.isFinite, value >= 0, value <= 100, !part.lowercased().contains("x") else {
                throw CommandFailure(.invalidInput, "error: --budgets \(budgets): \(Echo.quoted(part)) is not a percentage in [0, 100]")
            }
            values.append(value)
        }
        return values
    }

    func run() throws {
        global.bootstrapLogging()
        let budgetsPercent = try parsedBudgets()
        if let dumpInputs { try checkOutputFile(dumpInputs, option: "--dump-inputs") }
        let loaded = try applyWindow(window, trainingEnergy: .proRata, to: loadSite(site, overrides: overrides))
        printWarnings(loaded)
        if loaded.plansCapacity {
            throw CommandFailure(.invalidInput, "error: \(site): the site sizes capacity (build sections); headroom is computed for a site with its capacities given")
        }
        if loaded.thermal != nil {
            throw CommandFailure(.invalidInput, "error: \(site): headroom does not apply the thermal section's rack caps; remove `thermal` (or solve the site) first")
        }
        let table: CurtailmentHeadroom.Table
        do {
            table = try CurtailmentHeadroom.compute(site: loaded, budgetsPercent: budgetsPercent, solver: solver.options)
        } catch let failure as CurtailmentHeadroom.Failure {
            if case .reference(let status, _) = failure {
                throw CommandFailure(InsulaExitCode(status), "error: \(site): \(failure)")
            }
            throw CommandFailure(.invalidInput, "error: \(site): \(failure)")
        } catch let error as ModelSizeError {
            throw CommandFailure(.invalidInput, "error: \(site): \(error)")
        }
        if let dumpInputs { try writeHeadroomDump(site: loaded, table: table, budgetsPercent: budgetsPercent, to: dumpInputs) }
        let folder = URL(fileURLWithPath: out)
        do {
            try RunWriter.write([("headroom.csv", table.csv())], into: folder)
        } catch {
            throw CommandFailure.writing(out, error)
        }
        var lines = ["\(loaded.name): reference peak import \(String(format: "%.3f", table.referencePeakImportMW)) MW, "
                     + "\(String(format: "%.1f", table.referenceImportMWh)) MWh over the horizon",
                     "budget %   firm MW     headroom MW  curtailed MWh  hours    added cost USD"]
        for row in table.rows {
            guard let firm = row.firmImportMW, let headroom = row.headroomMW else {
                lines.append(padded(RunWriter.plainNumber(row.budgetPercent), 10) + " " + row.status.rawValue)
                continue
            }
            lines.append(padded(RunWriter.plainNumber(row.budgetPercent), 10) + " "
                         + String(format: "%-11.3f %-12.3f %-14.2f %-8.2f %.0f", firm, headroom, row.curtailedMWh ?? 0, row.curtailedHours ?? 0,
                                  row.addedCostUSD ?? 0))
        }
        lines.append("written to    \(out)/headroom.csv")
        printText(lines.joined(separator: "\n"))
        if let failed = table.rows.first(where: { $0.status != .optimal }) {
            throw CommandFailure(InsulaExitCode(failed.status), "")
        }
    }
}

/// The input dump of the site without its contracts, with a `headroom` object: the reference
/// import per step (MW), the budgets (percent) and Insula's firm imports (MW; null unless solved).
private func writeHeadroomDump(site: Site, table: CurtailmentHeadroom.Table, budgetsPercent: [Double], to path: String) throws {
    var reference = site
    reference.flexibility = nil
    let data: Data
    do {
        guard var object = try JSONSerialization.jsonObject(with: try InputDump(reference).json()) as? [String: Any] else {
            throw CommandFailure(.internalError, "error: \(path): the input dump is not a JSON object")
        }
        object["headroom"] = [
            "reference_import_mw": table.referenceImportMW,
            "budgets_percent": budgetsPercent,
            "firm_import_mw": table.rows.map { $0.firmImportMW.map { $0 as Any } ?? NSNull() },
        ] as [String: Any]
        data = try JSONSerialization.data(withJSONObject: object, options: [.prettyPrinted, .sortedKeys])
    } catch let failure as CommandFailure {
        throw failure
    } catch {
        throw CommandFailure(.internalError, "error: \(path): could not encode the input dump (\(error))")
    }
    try writeAtomically(data, to: URL(fileURLWithPath: path), option: "--dump-inputs")
}

private func padded(_ text: String, _ width: Int) -> String { text + String(repeating: " ", count: max(0, width - text.count)) }
