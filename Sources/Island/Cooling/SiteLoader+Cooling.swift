import Foundation

extension SiteLoader {
    /// Reads the cooling plant and computes the COP, free-cooling and facility supply
    /// temperature series before the LP.
    static func readCooling(_ root: MappingReader, weather: Weather?) -> (CoolingPlant?, [Double]?, [Double]?, [Double]?) {
        let (plant, cop, share) = readCoolingPlant(root, weather: weather)
        guard let plant, let cop, let share, let horizon = root.context.horizon else { return (plant, cop, share, nil) }
        let supply = (0..<horizon.steps).map { step in
            weather.map { plant.supplyTemperatureC(ambientC: plant.ambientC(dryBulbC: $0.dryBulbC[step], wetBulbC: $0.wetBulbC[step])) }
                ?? plant.facilitySupplyC
        }
        return (plant, cop, share, supply)
    }

    private static func readCoolingPlant(_ root: MappingReader, weather: Weather?) -> (CoolingPlant?, [Double]?, [Double]?) {
        let context = root.context
        let keys = ["cop", "facility_supply_c", "return_delta_k", "economiser", "chiller", "auxiliary_kw_per_mw_heat", "water"]
        let reader = root.mapping("cooling", allowedKeys: keys)
        if root.has("cooling") && reader == nil { return (nil, nil, nil) }
        let economiser = reader?.mapping("economiser", allowedKeys: ["kind", "approach_k"])
        // `chiller: none`: an economiser-only plant whose supply floats with the weather.
        let chillerless = reader?.child("chiller")?.scalarText == "none"
        let chiller = chillerless ? nil : reader?.mapping("chiller", allowedKeys: ["carnot_fraction", "condenser_approach_k",
                                                                                  "evaporator_approach_k", "minimum_lift_k", "maximum_cop"])
        // docs/sources.md, "Liquid cooling": ASHRAE W32 = facility supply <= 32 C.
        let supply = reader?.number("facility_supply_c", unit: "C", range: .between(5, 60), default: 32) ?? 32
        let delta = reader?.number("return_delta_k", unit: "K", range: .above(0, atMost: 40), default: 10) ?? 10
        let kind = economiser?.has("kind") == true
            ? economiser?.choice("kind", ["dry_cooler": CoolingPlant.EconomiserKind.dryCooler, "wet_tower": .wetTower])
            : .dryCooler
        // docs/sources.md, "Cooling plant": dry cooler ~10 K to dry bulb, open wet tower ~5 K to wet bulb.
        let approach = economiser?.number("approach_k", unit: "K", range: .between(0, 40),
                                          default: kind == .wetTower ? 5 : 10) ?? (kind == .wetTower ? 5 : 10)
        // docs/sources.md: eta_carnot 0.3-0.5 (assumption); condenser/evaporator approaches: assumption.
        let carnot = chiller?.number("carnot_fraction", range: .efficiency, default: 0.45) ?? 0.45
        let condenser = chiller?.number("condenser_approach_k", unit: "K", range: .between(0, 30), default: 5) ?? 5
        let evaporator = chiller?.number("evaporator_approach_k", unit: "K", range: .between(0, 30), default: 2) ?? 2
        let minimumLift = chiller?.number("minimum_lift_k", unit: "K", range: .above(0, atMost: 50), default: 3) ?? 3
        let maximumCOP = chiller?.number("maximum_cop", range: .above(0, atMost: 100), default: 12) ?? 12
        // docs/sources.md: towers 0.012-0.021 kWe/kWth plus CDU pumps ~3.7 % of load -> 35 kW/MW.
        let auxiliary = reader?.number("auxiliary_kw_per_mw_heat", unit: "kW/MW", range: .between(0, 1000),
                                       default: 35) ?? 35
        guard let kind, context.issues.allSatisfy({ !$0.keyPath.hasPrefix("cooling") }) else { return (nil, nil, nil) }

        var model = CoolingPlant.Model.weather
        if let reader, reader.has("cop") {
            guard let cop = reader.number("cop", range: .above(0, atMost: 1000)) else { return (nil, nil, nil) }
            if weather != nil || root.has("weather") {
                reader.report("cop", "a constant cop is only for sites without weather; with weather the COP is computed from the plant (remove cop or weather)")
                return (nil, nil, nil)
            }
            model = .constantCOP(cop)
        } else if weather == nil {
            if !root.has("weather") {
                context.report("cooling", line: reader?.node.line ?? root.node.line,
                               "needs weather (for the COP model) or a constant cooling.cop")
            }
            return (nil, nil, nil)
        }
        var plant = CoolingPlant(model: model, facilitySupplyC: supply, returnDeltaK: delta, economiserKind: kind,
                                 approachK: approach, carnotFraction: carnot, condenserApproachK: condenser,
                                 evaporatorApproachK: evaporator, auxiliaryKWPerMWHeat: auxiliary,
                                 minimumLiftK: minimumLift, maximumChillerCOP: maximumCOP)
        plant.hasChiller = !chillerless
        if let reader, reader.has("water") {
            guard let water = readWater(reader, kind: kind, weather: weather) else { return (nil, nil, nil) }
            plant.water = water
        }
        guard let horizon = context.horizon else { return (plant, nil, nil) }
        guard let weather else {
            return (plant, [Double](repeating: plant.cop(dryBulbC: 0, wetBulbC: 0), count: horizon.steps),
                    [Double](repeating: 0, count: horizon.steps))
        }
        var cop = [Double](repeating: 0, count: horizon.steps)
        var share = [Double](repeating: 0, count: horizon.steps)
        for step in 0..<horizon.steps {
            let ambient = plant.ambientC(dryBulbC: weather.dryBulbC[step], wetBulbC: weather.wetBulbC[step])
            share[step] = plant.freeCoolingShare(ambientC: ambient)
            cop[step] = plant.cop(dryBulbC: weather.dryBulbC[step], wetBulbC: weather.wetBulbC[step])
        }
        return (plant, cop, share)
    }

    /// `cooling.water: {evaporative_fraction, cycles_of_concentration, price_usd_per_m3, cap_m3}`:
    /// only for a wet tower, whose evaporation depends on the wet bulb (so the site needs weather).
    private static func readWater(_ reader: MappingReader, kind: CoolingPlant.EconomiserKind, weather: Weather?) -> WaterUse? {
        guard let water = reader.mapping("water", allowedKeys: ["evaporative_fraction", "cycles_of_concentration", "price_usd_per_m3", "cap_m3"]) else {
            return nil
        }
        guard kind == .wetTower else {
            reader.report("water", "water use is modelled for a wet tower (economiser: {kind: wet_tower}); a dry cooler uses none")
            return nil
        }
        guard weather != nil else {
            reader.report("water", "a wet tower's evaporation depends on the wet bulb: the site needs weather")
            return nil
        }
        // docs/sources.md, "Water": about 85 % of a wet tower's heat leaves as evaporation; 3-6 cycles of concentration.
        let fraction = water.number("evaporative_fraction", range: .between(0, 1), default: 0.85)
        let cycles = water.number("cycles_of_concentration", range: .above(1, atMost: 100), default: 4)
        let price = water.number("price_usd_per_m3", unit: "USD/m3", range: .between(0, 100_000), default: 0)
        let cap = water.number("cap_m3", unit: "m3", range: .nonNegative)
        if water.has("cap_m3") && cap == nil { return nil }
        guard let fraction, let cycles, let price else { return nil }
        return WaterUse(evaporativeFraction: fraction, cyclesOfConcentration: cycles, priceUSDPerCubicMetre: price, capCubicMetres: cap)
    }
}
