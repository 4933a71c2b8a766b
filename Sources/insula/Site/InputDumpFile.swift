import Foundation
import Island
import Scheduling

/// Writes `insula solve --dump-inputs FILE`: the resolved inputs as JSON, written before the
/// solve so that a site that is refused or infeasible can still be inspected or cross-checked.
/// The file appears atomically (temporary name, then rename).
func writeInputDump(_ site: Site, to path: String) throws {
    let data: Data
    do {
        data = try InputDump(site).json()
    } catch {
        throw CommandFailure(.internalError, "error: \(path): could not encode the input dump (\(error))")
    }
    try writeAtomically(data, to: URL(fileURLWithPath: path), option: "--dump-inputs")
}

/// `--dump-inputs` of a multi-period build-out: each period's resolved inputs (its site as
/// read, with its build's costs, before they are moved onto the build-out's columns), with the
/// period's year, years and objective weight (docs/formulation.md, 16.1).
func writeBuildOutInputDump(_ site: Site, to path: String) throws {
    guard let buildOut = site.buildOut else { return try writeInputDump(site, to: path) }
    var periods: [Any] = []
    do {
        for (index, (period, periodSite)) in zip(buildOut.periods, site.periodSites).enumerated() {
            let inputs = try JSONSerialization.jsonObject(with: try InputDump(periodSite).json())
            periods.append(["year": period.year, "years": period.years,
                            "objective_weight": buildOut.objectiveWeight(period: index, rate: site.investment.discountRate),
                            "inputs": inputs] as [String: Any])
        }
        let object: [String: Any] = ["discount_rate": site.investment.discountRate, "base_year": buildOut.baseYear, "periods": periods]
        let data = try JSONSerialization.data(withJSONObject: object, options: [.sortedKeys])
        try writeAtomically(data, to: URL(fileURLWithPath: path), option: "--dump-inputs")
    } catch let failure as CommandFailure {
        throw failure
    } catch {
        throw CommandFailure(.internalError, "error: \(path): could not encode the input dump (\(error))")
    }
}
