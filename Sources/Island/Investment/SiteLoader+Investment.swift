import Foundation

/// Reading of `build` sections (capacity as a decision) and the `investment` section.
extension SiteLoader {
    /// The cost keys every `build` section shares, with the unit word of its dimension.
    private static func costKeys(per unit: String) -> [String] {
        ["capex_usd_per_\(unit)", "fixed_om_usd_per_\(unit)_year"]
    }
    /// Keys of a multi-period build-out's commissioning, shared by every `build`.
    static let commissioningKeys = ["earliest_year", "lead_time_years"]

    /// Reads `build` of a renewable or backup generator (`min_mw`, `max_mw`, costs per kW).
    static func readPowerBuild(_ reader: MappingReader, existingMW: Double) -> Expansion?? {
        guard reader.has("build") else { return .some(nil) }
        guard let build = reader.mapping("build", allowedKeys: ["min_mw", "max_mw", "lifetime_years"] + commissioningKeys + costKeys(per: "kw")) else { return nil }
        return readExpansion(build, existing: existingMW, minKey: "min_mw", maxKey: "max_mw", unit: "MW", costUnit: "kw", perUnit: 1000)
    }

    /// Reads `build` of a grid feed: connection capacity added in both directions.
    static func readConnectionBuild(_ reader: MappingReader) -> Expansion?? {
        guard reader.has("build") else { return .some(nil) }
        guard let build = reader.mapping("build", allowedKeys: ["max_added_mw", "lifetime_years"] + commissioningKeys + costKeys(per: "kw")) else { return nil }
        return readExpansion(build, existing: 0, minKey: nil, maxKey: "max_added_mw", unit: "MW", costUnit: "kw", perUnit: 1000)
    }

    /// Reads `build` of a battery: power (MW, costs per kW) and energy (MWh, costs per kWh),
    /// sized separately; lifetime shared.
    static func readBatteryBuild(_ reader: MappingReader, existingPowerMW: Double, existingEnergyMWh: Double)
        -> (power: Expansion, energy: Expansion)?? {
        guard reader.has("build") else { return .some(nil) }
        let keys = ["min_power_mw", "max_power_mw", "min_energy_mwh", "max_energy_mwh", "lifetime_years"]
            + commissioningKeys + costKeys(per: "kw") + costKeys(per: "kwh")
        guard let build = reader.mapping("build", allowedKeys: keys) else { return nil }
        let power = readExpansion(build, existing: existingPowerMW, minKey: "min_power_mw", maxKey: "max_power_mw",
                                  unit: "MW", costUnit: "kw", perUnit: 1000)
        let energy = readExpansion(build, existing: existingEnergyMWh, minKey: "min_energy_mwh", maxKey: "max_energy_mwh",
                                   unit: "MWh", costUnit: "kwh", perUnit: 1000, lifetimeReported: false)
        guard let power, var energy else { return nil }
        energy.lifetimeYears = power.lifetimeYears
        energy.earliestYear = power.earliestYear
        energy.leadTimeYears = power.leadTimeYears
        return .some((power, energy))
    }

    /// Reads `build` of the SMR fleet: a number of modules, costs per kW of module capacity.
    static func readSMRBuild(_ reader: MappingReader, existingUnits: Int, moduleMW: Double) -> (Expansion, integer: Bool)?? {
        guard reader.has("build") else { return .some(nil) }
        guard let build = reader.mapping("build", allowedKeys: ["min_units", "max_units", "integer", "lifetime_years"] + commissioningKeys + costKeys(per: "kw"))
        else { return nil }
        let integer = build.bool("integer", default: true)
        for key in ["min_units", "max_units"] where build.has(key) {
            if build.integer(key, range: .between(0, 1000)) == nil { return nil }
        }
        guard let expansion = readExpansion(build, existing: Double(existingUnits), minKey: "min_units", maxKey: "max_units",
                                            unit: "units", costUnit: "kw", perUnit: 1000 * moduleMW),
              let integer else { return nil }
        return .some((expansion, integer))
    }

    /// The shared part: bounds on the installed total (>= existing), costs converted from per
    /// kW (kWh) to per MW (MWh, module) by `perUnit`, lifetime, and the rule that an asset
    /// without an upper bound must cost something (else nothing stops it growing).
    private static func readExpansion(_ build: MappingReader, existing: Double, minKey: String?, maxKey: String,
                                      unit: String, costUnit: String, perUnit: Double,
                                      lifetimeReported: Bool = true) -> Expansion? {
        let capex = build.number("capex_usd_per_\(costUnit)", unit: "USD/\(costUnit)", range: .between(0, 1e6), default: 0)
        let fixed = build.number("fixed_om_usd_per_\(costUnit)_year", unit: "USD/\(costUnit)/year", range: .between(0, 1e5), default: 0)
        let lifetime = lifetimeReported
            ? build.number("lifetime_years", unit: "years", range: .above(0, atMost: 200), required: true) : 1
        let minimum = minKey.flatMap { build.number($0, unit: unit, range: .size(atMost: maximumCapacityMW * 10)) } ?? existing
        let maximum = build.number(maxKey, unit: unit, range: .size(atMost: maximumCapacityMW * 10))
        guard let capex, let fixed, let lifetime else { return nil }
        if let minKey, build.has(minKey), build.number(minKey) == nil { return nil }
        if build.has(maxKey), maximum == nil { return nil }
        let addedBase = maxKey == "max_added_mw"
        if let minKey, minimum < existing {
            build.report(minKey, "must be at least the existing \(formatNumber(existing)) \(unit) (bounds are totals, existing included), got \(formatNumber(minimum))")
            return nil
        }
        if let maximum, maximum < minimum {
            build.report(maxKey, "must be at least \(addedBase ? "0" : "\(minKey ?? "the existing amount") (\(formatNumber(minimum)) \(unit))"), got \(formatNumber(maximum))")
            return nil
        }
        if maximum == nil, capex == 0, fixed == 0 {
            build.reportMissing(maxKey, "\(unit): a build with no capital or fixed cost needs an upper bound, or nothing stops it growing")
            return nil
        }
        var expansion = Expansion(existing: existing, minimum: minimum, maximum: maximum ?? .infinity,
                                  capexUSDPerUnit: capex * perUnit, fixedOMUSDPerUnitYear: fixed * perUnit, lifetimeYears: lifetime)
        if lifetimeReported {
            if build.has("earliest_year") {
                guard let year = build.integer("earliest_year", unit: "year", range: .between(1900, 2200)) else { return nil }
                expansion.earliestYear = year
            }
            guard let lead = build.number("lead_time_years", unit: "years", range: .between(0, 100), default: 0) else { return nil }
            expansion.leadTimeYears = lead
        }
        return expansion
    }

    /// Reads the `investment` section (discount rate; 7 %/year when absent).
    static func readInvestment(_ root: MappingReader) -> InvestmentPolicy? {
        guard root.has("investment") else { return InvestmentPolicy() }
        guard let reader = root.mapping("investment", allowedKeys: ["discount_rate", "base_year"]) else { return nil }
        guard let rate = reader.number("discount_rate", unit: "1/year", range: .between(0, 1), default: InvestmentPolicy.defaultDiscountRate)
        else { return nil }
        var policy = InvestmentPolicy(discountRate: rate)
        if reader.has("base_year") {
            guard let year = reader.integer("base_year", unit: "year", range: .between(1900, 2200)) else { return nil }
            if !root.has("periods") {
                reader.report("base_year", "is the year a multi-period build-out discounts to; the site has no periods")
                return nil
            }
            policy.baseYear = year
        }
        return policy
    }
}
