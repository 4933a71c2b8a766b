import Foundation

/// Reading of `periods` (a multi-period build-out) and the checks that need the whole site:
/// periods in order, commissioning years inside the planning horizon.
extension SiteLoader {
    static let periodKeys = ["year", "years", "scenario_year", "inference_demand_scale", "training_energy_scale", "overrides"]
    /// Most investment periods a build-out may have (each is a block of the LP).
    static let maximumPeriods = 50

    /// Reads `periods`; `.some(nil)` when absent, nil after reporting a problem.
    static func readPeriods(_ root: MappingReader, investment: InvestmentPolicy?) -> BuildOut?? {
        guard root.has("periods") else { return .some(nil) }
        let items = root.list("periods")
        guard !items.isEmpty else {
            root.report("periods", "needs at least one period (a list of mappings with year)")
            return nil
        }
        guard items.count <= maximumPeriods else {
            root.report("periods", "has \(items.count) periods, more than the \(maximumPeriods) a build-out may have")
            return nil
        }
        var read: [(year: Int, years: Int?, period: BuildOutPeriod, path: String, node: YAMLNode)] = []
        var valid = true
        for item in items {
            guard let reader = MappingReader(item.node, path: item.path, context: root.context, allowedKeys: periodKeys) else {
                valid = false
                continue
            }
            let year = reader.integer("year", unit: "year", range: .between(1900, 2200), required: true)
            let years = reader.has("years") ? reader.integer("years", unit: "years", range: .between(1, 100)) : nil
            let scenarioYear = reader.has("scenario_year") ? reader.integer("scenario_year", range: .between(1900, 2200)) : nil
            let demand = reader.number("inference_demand_scale", range: .between(0, 1000), default: 1)
            let training = reader.number("training_energy_scale", range: .between(0, 1000), default: 1)
            let overrides = readPeriodOverrides(reader)
            guard let year, let demand, let training, let overrides, !reader.has("years") || years != nil,
                  !reader.has("scenario_year") || scenarioYear != nil else {
                valid = false
                continue
            }
            read.append((year, years, BuildOutPeriod(year: year, years: years ?? 1, scenarioYear: scenarioYear, inferenceDemandScale: demand,
                                                     trainingEnergyScale: training, overrides: overrides), item.path, item.node))
        }
        guard valid else { return nil }
        for index in read.indices.dropFirst() where read[index].year <= read[index - 1].year {
            root.context.report("\(read[index].path).year", line: read[index].node["year"]?.line,
                                "periods must be in year order: \(read[index].year) does not come after \(read[index - 1].year) (periods[\(index - 1)].year)")
            valid = false
        }
        guard valid else { return nil }
        var periods = read.map(\.period)
        for index in periods.indices {
            let gap = index + 1 < periods.count ? periods[index + 1].year - periods[index].year : nil
            if let given = read[index].years, let gap, given != gap {
                root.context.report("\(read[index].path).years", line: read[index].node["years"]?.line,
                                    "must be the \(gap) years to the next period (\(periods[index + 1].year)), or left out; got \(given)")
                valid = false
            }
            periods[index].years = read[index].years ?? gap ?? (index > 0 ? periods[index].year - periods[index - 1].year : 1)
        }
        guard valid else { return nil }
        if let base = investment?.baseYear, base > periods[0].year {
            root.context.report("investment.base_year", line: root.child("investment")?["base_year"]?.line,
                                "must be at most the first period's year (\(periods[0].year)), got \(base)")
            return nil
        }
        return .some(BuildOut(periods: periods, baseYear: investment?.baseYear))
    }

    /// `periods[i].overrides`: a mapping of key paths (as for `--set`) to values. A period may
    /// not change what is shared by every period: the periods themselves and the investment
    /// section.
    private static func readPeriodOverrides(_ reader: MappingReader) -> [(path: String, value: YAMLNode)]? {
        guard let node = reader.child("overrides") else { return [] }
        guard let entries = node.entries else {
            reader.report("overrides", "expected a mapping of key paths to values (e.g. renewables[0].build.capex_usd_per_kw: 700), got \(node.kindDescription)")
            return nil
        }
        var overrides: [(path: String, value: YAMLNode)] = []
        var valid = true
        for entry in entries {
            let first = entry.key.split(whereSeparator: { $0 == "." || $0 == "[" }).first.map(String.init) ?? ""
            if ["periods", "investment", "aggregation"].contains(first) {
                reader.context.report("\(reader.keyPath("overrides")).\(entry.key)", line: entry.value.line ?? node.line,
                                      first == "aggregation"
                                      ? "the aggregation section is shared by every period (each period's days are chosen from its own series); set it at the top level"
                                      : "\(first) is shared by every period and cannot be overridden per period")
                valid = false
                continue
            }
            overrides.append((entry.key, entry.value))
        }
        return valid ? overrides : nil
    }

    /// Checks a build-out against the site: something to build, commissioning inside the
    /// horizon, no embodied carbon in the decisions (its amortisation is single-year).
    static func checkBuildOut(_ site: Site, _ root: MappingReader) {
        guard let buildOut = site.buildOut else { return }
        let context = root.context
        let line = root.child("periods")?.line
        if !site.plansCapacity {
            context.report("periods", line: line, "a build-out needs at least one build section (docs/site-format.md, \"Capacity planning\"); nothing to plan")
        }
        if site.carbon.embodiedInDecisions {
            context.report("carbon.embodied_in_decisions", line: root.child("carbon")?["embodied_in_decisions"]?.line,
                           "embodied carbon in the decisions is amortised over one year's plan and is not supported with periods; leave it false")
        }
        let last = buildOut.periods[buildOut.periods.count - 1].year
        for (key, expansion) in site.expansions {
            let path = site.buildKeyPath(key)
            let first = buildOut.firstBuildYear(expansion)
            guard first > Double(last) else { continue }
            let buildNode = site.buildNode(key, in: root.node)
            if let year = expansion.earliestYear, Double(year) == first {
                context.report("\(path).earliest_year", line: buildNode?["earliest_year"]?.line,
                               "commissioning in \(year) is after the last period (\(last)): the build could never be added")
            } else {
                context.report("\(path).lead_time_years", line: buildNode?["lead_time_years"]?.line,
                               "a lead time of \(formatNumber(expansion.leadTimeYears)) years from the base year \(buildOut.baseYear) ends after the last period (\(last)): the build could never be added")
            }
        }
    }
}

extension Site {
    /// The key path of the `build` section of a sized dimension, as written in the site file.
    public func buildKeyPath(_ key: ExpansionKey) -> String {
        switch key.asset {
        case .smr: return "smr.build"
        case .grid: return "grid_feeds[\(gridFeeds.firstIndex { $0.name == key.name } ?? 0)].build"
        case .renewable: return "renewables[\(renewables.firstIndex { $0.name == key.name } ?? 0)].build"
        case .battery: return "batteries[\(batteries.firstIndex { $0.name == key.name } ?? 0)].build"
        case .backup: return "backup_generators[\(backupGenerators.firstIndex { $0.name == key.name } ?? 0)].build"
        }
    }

    /// The YAML node of that `build` section in `root` (for line numbers).
    func buildNode(_ key: ExpansionKey, in root: YAMLNode) -> YAMLNode? {
        switch key.asset {
        case .smr: return root["smr"]?["build"]
        case .grid: return root["grid_feeds"]?.items?[safe: gridFeeds.firstIndex { $0.name == key.name }]?["build"]
        case .renewable: return root["renewables"]?.items?[safe: renewables.firstIndex { $0.name == key.name }]?["build"]
        case .battery: return root["batteries"]?.items?[safe: batteries.firstIndex { $0.name == key.name }]?["build"]
        case .backup: return root["backup_generators"]?.items?[safe: backupGenerators.firstIndex { $0.name == key.name }]?["build"]
        }
    }
}

private extension Array {
    subscript(safe index: Int?) -> Element? {
        guard let index, indices.contains(index) else { return nil }
        return self[index]
    }
}
