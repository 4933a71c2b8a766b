import Foundation

/// Reading of the `dump`, `carbon` and `embodied_carbon` sections.
extension SiteLoader {
    /// `dump: {kind: turbine_bypass | load_bank, capacity_mw, cost_usd_per_mwh}`.
    static func readDump(_ root: MappingReader, smr: SMRFleet?) -> Dump?? {
        guard root.has("dump") else { return .some(nil) }
        guard let reader = root.mapping("dump", allowedKeys: ["kind", "capacity_mw", "cost_usd_per_mwh"]) else { return nil }
        let kind = reader.choice("kind", ["turbine_bypass": Dump.Kind.turbineBypass, "load_bank": .loadBank], required: true)
        let cost = reader.number("cost_usd_per_mwh", unit: "USD/MWh", range: .between(0, 100_000), default: 0)
        guard let kind, let cost else { return nil }
        if kind == .turbineBypass && smr == nil {
            reader.report("kind", "turbine_bypass dumps SMR steam: the site has no smr; use kind: load_bank")
            return nil
        }
        // A bypass can take the whole fleet's output (planned modules included).
        let fleetMW = smr.map { max($0.capacityMW, ($0.build?.maximum ?? 0) * $0.capacityMWPerUnit) } ?? 0
        let capacity = kind == .turbineBypass
            ? reader.number("capacity_mw", unit: "MW", range: capacityRange, default: fleetMW)
            : reader.number("capacity_mw", unit: "MW", range: capacityRange, required: true)
        guard let capacity else { return nil }
        return .some(Dump(kind: kind, capacityMW: capacity, costUSDPerMWh: cost))
    }

    static func readCarbon(_ root: MappingReader) -> CarbonPolicy? {
        guard root.has("carbon") else { return CarbonPolicy() }
        let keys = ["price_usd_per_t", "cap_t", "intensity_cap_g_per_kwh_it", "cfe_target_share", "cap_basis", "decision_factor",
                    "residual_mix_g_per_kwh", "ppas", "certificates", "life_cycle_g_per_kwh", "embodied_in_decisions"]
        guard let reader = root.mapping("carbon", allowedKeys: keys) else { return nil }
        let price = reader.number("price_usd_per_t", unit: "USD/t", range: .between(0, 100_000), default: 0)
        let cap = reader.number("cap_t", unit: "t", range: .nonNegative)
        let intensityCap = reader.number("intensity_cap_g_per_kwh_it", unit: "g/kWh", range: .nonNegative)
        let cfe = reader.number("cfe_target_share", range: .fraction)
        guard let price else { return nil }
        for key in ["cap_t", "intensity_cap_g_per_kwh_it", "cfe_target_share"] where reader.has(key) {
            if (key == "cap_t" && cap == nil) || (key == "intensity_cap_g_per_kwh_it" && intensityCap == nil)
                || (key == "cfe_target_share" && cfe == nil) { return nil }
        }
        var policy = CarbonPolicy(priceUSDPerTonne: price, capTonnes: cap, intensityCapGramsPerKWhIT: intensityCap, cfeTargetShare: cfe)
        var valid = true
        if reader.has("cap_basis") {
            if let basis = reader.choice("cap_basis", ["location": CarbonPolicy.Basis.location, "market": .market]) { policy.capBasis = basis } else { valid = false }
        }
        if reader.has("decision_factor") {
            if let factor = reader.choice("decision_factor", ["average": CarbonPolicy.DecisionFactor.average, "marginal": .marginal]) {
                policy.decisionFactor = factor
            } else { valid = false }
        }
        if reader.has("residual_mix_g_per_kwh") {
            policy.residualMixGramsPerKWh = reader.series("residual_mix_g_per_kwh", unit: "g/kWh", range: .between(0, 2000))
            if policy.residualMixGramsPerKWh == nil { valid = false }
        }
        var names: Set<String> = []
        for (index, item) in reader.list("ppas").enumerated() {
            guard let ppa = MappingReader(item.node, path: item.path, context: reader.context,
                                          allowedKeys: ["name", "volume_mw", "matching", "price_usd_per_mwh", "emission_factor_g_per_kwh"]) else {
                valid = false
                continue
            }
            let name = ppa.string("name") ?? "ppa-\(index + 1)"
            let volume = ppa.series("volume_mw", unit: "MW", range: capacityRange, required: true)
            let matching = ppa.choice("matching", ["hourly": CarbonPolicy.PowerPurchaseAgreement.Matching.hourly, "annual": .annual], required: true)
            let ppaPrice = ppa.number("price_usd_per_mwh", unit: "USD/MWh", range: .between(-100_000, 100_000), default: 0)
            let factor = ppa.number("emission_factor_g_per_kwh", unit: "g/kWh", range: .between(0, 2000), default: 0)
            if !names.insert(name).inserted { ppa.report("name", "duplicate name \"\(name)\" (names must be unique within ppas)") }
            guard let volume, let matching, let ppaPrice, let factor else {
                valid = false
                continue
            }
            policy.ppas.append(.init(name: name, volumeMW: volume, matching: matching, priceUSDPerMWh: ppaPrice, emissionFactorGramsPerKWh: factor))
        }
        if let certificates = reader.mapping("certificates", allowedKeys: ["volume_mwh", "price_usd_per_mwh"]) {
            let volume = certificates.number("volume_mwh", unit: "MWh", range: .nonNegative, required: true)
            let certificatePrice = certificates.number("price_usd_per_mwh", unit: "USD/MWh", range: .between(0, 100_000), default: 0)
            if let volume, let certificatePrice { policy.certificates = .init(volumeMWh: volume, priceUSDPerMWh: certificatePrice) } else { valid = false }
        } else if reader.has("certificates") { valid = false }
        if let factors = reader.mapping("life_cycle_g_per_kwh", allowedKeys: ["smr", "solar", "wind", "battery"]) {
            let defaults = CarbonPolicy.LifeCycleFactors()
            let smr = factors.number("smr", unit: "g/kWh", range: .between(0, 2000), default: defaults.smrGramsPerKWh)
            let solar = factors.number("solar", unit: "g/kWh", range: .between(0, 2000), default: defaults.solarGramsPerKWh)
            let wind = factors.number("wind", unit: "g/kWh", range: .between(0, 2000), default: defaults.windGramsPerKWh)
            let battery = factors.number("battery", unit: "g/kWh", range: .between(0, 2000), default: defaults.batteryGramsPerKWh)
            if let smr, let solar, let wind, let battery {
                policy.lifeCycle = .init(smrGramsPerKWh: smr, solarGramsPerKWh: solar, windGramsPerKWh: wind, batteryGramsPerKWh: battery)
            } else { valid = false }
        } else if reader.has("life_cycle_g_per_kwh") { valid = false }
        if let embodied = reader.bool("embodied_in_decisions", default: false) { policy.embodiedInDecisions = embodied } else { valid = false }
        return valid ? policy : nil
    }

    /// `heat_reuse: {demand_mw, supply_temperature_c, price_usd_per_mwh, heat_pump: {carnot_fraction, maximum_cop}}`.
    static func readHeatReuse(_ root: MappingReader) -> HeatReuse?? {
        guard root.has("heat_reuse") else { return .some(nil) }
        guard let reader = root.mapping("heat_reuse", allowedKeys: ["demand_mw", "supply_temperature_c", "price_usd_per_mwh", "heat_pump"]) else {
            return nil
        }
        let demand = reader.series("demand_mw", unit: "MW", range: capacityRange, required: true)
        let supply = reader.number("supply_temperature_c", unit: "C", range: .between(0, 200), required: true)
        let price = reader.number("price_usd_per_mwh", unit: "USD/MWh", range: .between(-100_000, 100_000), default: 0)
        var carnot: Double? = 0.5, maximum: Double? = 8
        if let pump = reader.mapping("heat_pump", allowedKeys: ["carnot_fraction", "maximum_cop"]) {
            // docs/sources.md, "Heat reuse": large heat pumps reach about half of Carnot.
            carnot = pump.number("carnot_fraction", range: .efficiency, default: 0.5)
            maximum = pump.number("maximum_cop", range: .above(1, atMost: 100), default: 8)
        } else if reader.has("heat_pump") { return nil }
        guard let demand, let supply, let price, let carnot, let maximum else { return nil }
        return .some(HeatReuse(demandMW: demand, supplyTemperatureC: supply, priceUSDPerMWh: price,
                               heatPumpCarnotFraction: carnot, heatPumpMaximumCOP: maximum))
    }

    /// `embodied_carbon: {smr: {kg_per_kw, lifetime_years}, battery: {kg_per_kwh, ...}, racks: {kg_per_rack, ...}, ...}`.
    static func readEmbodiedCarbon(_ root: MappingReader) -> EmbodiedCarbon? {
        guard root.has("embodied_carbon") else { return EmbodiedCarbon() }
        guard let reader = root.mapping("embodied_carbon", allowedKeys: EmbodiedCarbon.Asset.allCases.map(\.rawValue)) else { return nil }
        var embodied = EmbodiedCarbon()
        var valid = true
        for asset in EmbodiedCarbon.Asset.allCases where reader.has(asset.rawValue) {
            let key = "kg_per_\(asset.unit)"
            guard let entry = reader.mapping(asset.rawValue, allowedKeys: [key, "lifetime_years"]) else {
                valid = false
                continue
            }
            let kilograms = entry.number(key, unit: "kgCO2e/\(asset.unit)", range: .between(0, 10_000_000), required: true)
            let lifetime = entry.number("lifetime_years", unit: "years", range: .above(0, atMost: 200), required: true)
            guard let kilograms, let lifetime else {
                valid = false
                continue
            }
            embodied.factors[asset] = .init(kilogramsPerUnit: kilograms, lifetimeYears: lifetime)
        }
        return valid ? embodied : nil
    }
}
