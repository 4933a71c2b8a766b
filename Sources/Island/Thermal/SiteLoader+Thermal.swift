extension SiteLoader {
    static let thermalKeys = [
        "trays_per_rack", "devices_per_tray", "die_to_plate_resistance_k_per_w", "plate_to_coolant_resistance_k_per_w",
        "die_capacitance_j_per_k", "plate_capacitance_j_per_k", "coolant_flow_kg_per_s_per_rack", "cdu_approach_k",
        "die_limit_c", "training_swing",
    ]

    /// Reads the optional `thermal` section; `.none` when absent, nil after reporting a problem.
    static func readThermal(_ root: MappingReader) -> RackThermalSpec?? {
        guard root.has("thermal") else { return .some(nil) }
        guard let reader = root.mapping("thermal", allowedKeys: thermalKeys) else { return nil }
        let before = reader.context.issues.count
        var spec = RackThermalSpec()
        spec.traysPerRack = reader.integer("trays_per_rack", range: .between(1, 1_000), default: spec.traysPerRack) ?? 0
        spec.devicesPerTray = reader.integer("devices_per_tray", range: .between(1, 1_000), default: spec.devicesPerTray) ?? 0
        spec.dieToPlateResistanceKPerW = reader.number("die_to_plate_resistance_k_per_w", unit: "K/W", range: .above(0, atMost: 10),
                                                       default: spec.dieToPlateResistanceKPerW) ?? 0
        spec.plateToCoolantResistanceKPerW = reader.number("plate_to_coolant_resistance_k_per_w", unit: "K/W", range: .above(0, atMost: 10),
                                                           default: spec.plateToCoolantResistanceKPerW) ?? 0
        spec.dieCapacitanceJPerK = reader.number("die_capacitance_j_per_k", unit: "J/K", range: .between(0, 1e7),
                                                 default: spec.dieCapacitanceJPerK) ?? 0
        spec.plateCapacitanceJPerK = reader.number("plate_capacitance_j_per_k", unit: "J/K", range: .between(0, 1e7),
                                                   default: spec.plateCapacitanceJPerK) ?? 0
        spec.coolantFlowKgPerSPerRack = reader.number("coolant_flow_kg_per_s_per_rack", unit: "kg/s", range: .above(0, atMost: 1_000),
                                                      default: spec.coolantFlowKgPerSPerRack) ?? 0
        spec.cduApproachK = reader.number("cdu_approach_k", unit: "K", range: .above(0, atMost: 50), default: spec.cduApproachK) ?? 0
        spec.dieLimitC = reader.number("die_limit_c", unit: "C", range: .between(20, 200), default: spec.dieLimitC) ?? 0
        if reader.has("training_swing"),
           let swing = reader.mapping("training_swing", allowedKeys: ["low_fraction", "period_s", "high_duty_cycle"]) {
            let low = swing.number("low_fraction", range: .between(0, 1), required: true)
            let period = swing.number("period_s", unit: "s", range: .above(0, atMost: 86_400), required: true)
            let duty = swing.number("high_duty_cycle", range: .between(0, 1), default: 0.5)
            if let low, let period, let duty {
                if low + (1 - low) * duty <= 0 {
                    swing.report("low_fraction", "with high_duty_cycle 0 the racks would draw nothing: give a low_fraction above 0")
                } else {
                    spec.trainingSwing = .init(lowFraction: low, periodSeconds: period, highDutyCycle: duty)
                }
            }
        }
        return reader.context.issues.count == before ? .some(spec) : nil
    }
}
