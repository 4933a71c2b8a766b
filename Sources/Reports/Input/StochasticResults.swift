import Foundation

/// What `insula plan SITE --scenarios FILE --out DIR` wrote (docs/planning.md, "Planning across
/// scenarios"): `stochastic.json` (risk figures, each scenario's cost, bounds), `scenarios.csv`
/// (each scenario's summary), the shared `build_plan.csv` and `plan_candidates.csv`.
public struct StochasticResults: Sendable {
    public struct Scenario: Sendable {
        public var name: String
        public var probability: Double
        public var status: String
        /// The scenario's whole cost: the shared build's capital and fixed O&M, and its operation.
        public var costUSD: Double?
        public var emissionsTonnes: Double?
        /// Its row of `scenarios.csv` (numbers by column; empty when the file has no row for it).
        public var values: [String: Double]
    }

    /// `stochastic.json`'s `bounds` (with `--bounds`).
    public struct Bounds: Sendable {
        public var waitAndSeeUSD: Double?
        public var bestSingleScenarioUSD: Double?
        public var expectedValueOfPerfectInformationUSD: Double?
        public var valueOfStochasticSolutionUSD: Double?
    }

    public var folder: URL
    public var site: String
    public var scenarioFile: String?
    public var status: String
    public var strategy: String?
    public var method: String?
    public var cvarWeight: Double
    public var cvarAlpha: Double
    /// The objective: (1 - w) x expected cost + w x CVaR.
    public var riskAdjustedCostUSD: Double?
    public var expectedCostUSD: Double?
    public var valueAtRiskUSD: Double?
    public var conditionalValueAtRiskUSD: Double?
    public var bounds: Bounds?
    public var insulaVersion: String?
    public var scenarios: [Scenario]
    public var buildPlan: BuildPlan?
    public var candidates: PlanCandidates?

    /// True when `folder/stochastic.json` exists.
    public static func isStochasticFolder(_ folder: URL) -> Bool {
        FileManager.default.fileExists(atPath: folder.appendingPathComponent("stochastic.json").path)
    }

    /// - Throws: `ReportInputError` naming the file and the key (or column and row) at fault.
    public static func read(folder: URL) throws(ReportInputError) -> StochasticResults {
        let url = folder.appendingPathComponent("stochastic.json")
        let file = RunResults.display(url)
        guard let data = FileManager.default.contents(atPath: url.path) else { throw ReportInputError(file: file, "file not found or unreadable") }
        guard let object = (try? JSONSerialization.jsonObject(with: data)) as? [String: Any] else {
            throw ReportInputError(file: file, "not a JSON object")
        }
        let json = JSONReader(file: file)
        guard let list = object["scenarios"] as? [Any] else { throw json.failure("scenarios", "expected a list of scenarios") }
        var scenarios: [Scenario] = []
        for (index, element) in list.enumerated() {
            let path = "scenarios[\(index)]"
            guard let entry = element as? [String: Any] else { throw json.failure(path, "expected an object") }
            let name = try json.text(entry, "name", at: path)
            if scenarios.contains(where: { $0.name == name }) { throw json.failure(path + ".name", "scenario \"\(name)\" is listed twice") }
            guard let probability = try json.number(entry, "probability", at: path), probability >= 0, probability <= 1 else {
                throw json.failure(path + ".probability", "expected a probability in [0, 1]")
            }
            scenarios.append(Scenario(name: name, probability: probability, status: try json.text(entry, "status", at: path),
                                      costUSD: try json.number(entry, "cost_usd", at: path),
                                      emissionsTonnes: try json.number(entry, "emissions_t", at: path), values: [:]))
        }
        guard !scenarios.isEmpty else { throw json.failure("scenarios", "has no scenarios") }
        var bounds: Bounds?
        if let value = object["bounds"], !(value is NSNull) {
            guard let entry = value as? [String: Any] else { throw json.failure("bounds", "expected an object") }
            bounds = Bounds(waitAndSeeUSD: try json.number(entry, "wait_and_see_usd", at: "bounds"),
                            bestSingleScenarioUSD: try json.number(entry, "best_single_scenario_usd", at: "bounds"),
                            expectedValueOfPerfectInformationUSD: try json.number(entry, "expected_value_of_perfect_information_usd", at: "bounds"),
                            valueOfStochasticSolutionUSD: try json.number(entry, "value_of_stochastic_solution_usd", at: "bounds"))
        }
        let values = try readScenarioTable(folder: folder, names: scenarios.map(\.name))
        for index in scenarios.indices { scenarios[index].values = values[scenarios[index].name] ?? [:] }
        let (buildPlan, candidates) = try RunResults.readPlan(folder: folder)
        return StochasticResults(
            folder: folder, site: try json.text(object, "site", at: ""), scenarioFile: object["scenario_file"] as? String,
            status: try json.text(object, "status", at: ""), strategy: object["strategy"] as? String, method: object["method"] as? String,
            cvarWeight: try json.number(object, "cvar_weight", at: "") ?? 0, cvarAlpha: try json.number(object, "cvar_alpha", at: "") ?? 0,
            riskAdjustedCostUSD: try json.number(object, "risk_adjusted_cost_usd", at: ""),
            expectedCostUSD: try json.number(object, "expected_cost_usd", at: ""),
            valueAtRiskUSD: try json.number(object, "value_at_risk_usd", at: ""),
            conditionalValueAtRiskUSD: try json.number(object, "cvar_usd", at: ""), bounds: bounds,
            insulaVersion: object["insula_version"] as? String, scenarios: scenarios, buildPlan: buildPlan, candidates: candidates)
    }

    /// `scenarios.csv`: `scenario, probability`, then a single run's `summary.csv` columns; numbers by
    /// column for each scenario named in `stochastic.json`.
    static func readScenarioTable(folder: URL, names: [String]) throws(ReportInputError) -> [String: [String: Double]] {
        let url = folder.appendingPathComponent("scenarios.csv")
        guard FileManager.default.fileExists(atPath: url.path) else { return [:] }
        let table = try NumericTable(url: url, display: RunResults.display(url))
        let header = table.table.header
        guard header.count >= 2, header[0] == "scenario", header[1] == "probability" else {
            throw ReportInputError(file: table.file, line: 1, "starts with scenario,probability; found \(header.prefix(2).joined(separator: ","))")
        }
        var result: [String: [String: Double]] = [:]
        for (row, fields) in table.table.rows.enumerated() {
            guard fields.count == header.count else {
                throw table.cellError(header[min(fields.count, header.count - 1)], row, "row has \(fields.count) fields; the header has \(header.count)")
            }
            let name = fields[0]
            guard names.contains(name) else {
                throw table.cellError("scenario", row, "scenario \"\(name)\" is not in stochastic.json (\(names.joined(separator: ", ")))")
            }
            var values: [String: Double] = [:]
            for (column, cell) in zip(header, fields).dropFirst() {
                // Text columns (site, status, method) are not numbers; the report reads numbers only.
                if let number = Double(cell.trimmingCharacters(in: .whitespaces)), number.isFinite { values[column] = number }
            }
            result[name] = values
        }
        return result
    }
}

/// Typed access to a decoded JSON object, with the file and key path in every error.
private struct JSONReader {
    let file: String

    func failure(_ path: String, _ message: String) -> ReportInputError {
        ReportInputError(file: file, "\(path.isEmpty ? "(top level)" : path): \(message)")
    }

    private func path(_ parent: String, _ key: String) -> String { parent.isEmpty ? key : "\(parent).\(key)" }

    /// A number, or nil when the key is absent or null.
    func number(_ object: [String: Any], _ key: String, at parent: String) throws(ReportInputError) -> Double? {
        guard let value = object[key], !(value is NSNull) else { return nil }
        guard let number = value as? NSNumber, number.doubleValue.isFinite else {
            throw failure(path(parent, key), "expected a number")
        }
        return number.doubleValue
    }

    func text(_ object: [String: Any], _ key: String, at parent: String) throws(ReportInputError) -> String {
        guard let text = object[key] as? String else { throw failure(path(parent, key), "expected text") }
        return text
    }
}
