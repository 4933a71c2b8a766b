import Foundation

extension SiteLoader {
    static let forcedOutageKeys = ["forced_outage_rate", "mean_time_to_repair_hours", "seed", "draw"]
    /// Most forced outages a draw may make over the whole fleet (expected count): a very short
    /// repair time on a long horizon would otherwise allocate without bound.
    static let maximumExpectedForcedOutages = 1_000_000.0

    /// `smr.forced_outages`: nil (valid) when absent; `valid` false after reporting a problem.
    static func readForcedOutages(_ smr: MappingReader, units: Int?, planned: Bool) -> (model: ForcedOutageModel?, valid: Bool) {
        guard smr.has("forced_outages") else { return (nil, true) }
        guard let reader = smr.mapping("forced_outages", allowedKeys: forcedOutageKeys) else { return (nil, false) }
        let draw = reader.integer("draw", range: .between(1, 1_000_000_000))
        // A draw without its model says which key is missing and why.
        let needed = reader.has("draw") ? ", which draw needs" : ""
        if !reader.has("forced_outage_rate") {
            reader.reportMissing("forced_outage_rate", "the share of time a unit is out for forced causes, in [0, 1)\(needed)")
        }
        if !reader.has("mean_time_to_repair_hours") {
            reader.reportMissing("mean_time_to_repair_hours", "mean repair time in h, > 0\(needed)")
        }
        let rate = reader.number("forced_outage_rate", range: ValueRange(contains: { $0 >= 0 && $0 < 1 }, text: "in [0, 1)"))
        let repair = reader.number("mean_time_to_repair_hours", unit: "h", range: .above(0, atMost: 87_600))
        let seed = reader.integer("seed", range: .between(0, 999_999_999_999), default: Int(ForcedOutageModel.defaultSeed))
        guard let rate, let repair, let seed, draw != nil || !reader.has("draw") else { return (nil, false) }
        let model = ForcedOutageModel(rate: rate, meanTimeToRepairHours: repair, seed: UInt64(seed), draw: draw)
        if let draw, planned {
            reader.report("draw", "draw \(draw): forced outages are drawn for the existing units only, and a fleet sized by smr.build would get new modules that never fail; remove draw, or plan the fleet without forced outages")
            return (nil, false)
        }
        if draw != nil, let units, let horizon = reader.context.horizon {
            let perUnit = model.expectedOutages(fromEpochSeconds: ForcedOutageModel.anchorEpochSeconds(for: horizon),
                                                toEpochSeconds: horizon.endEpochSeconds)
            if perUnit * Double(units) > maximumExpectedForcedOutages {
                reader.report("mean_time_to_repair_hours", "with forced_outage_rate \(formatNumber(rate)) the fleet's \(units) units would see about \(formatNumber((perUnit * Double(units)).rounded())) forced outages from \(Horizon.format(epochSeconds: ForcedOutageModel.anchorEpochSeconds(for: horizon))) to the horizon's end, more than \(formatNumber(maximumExpectedForcedOutages)); got \(formatNumber(repair)) h")
                return (nil, false)
            }
        }
        return (model, true)
    }

    /// The forced outages of the applied draw for every unit, clipped to each unit's service
    /// [commissioning, retirement) (a unit out of service cannot fail), in unit and time order.
    static func drawForcedOutages(_ model: ForcedOutageModel, units: Int, horizon: Horizon,
                                  serviceDates: [ServiceDates]) -> [SMRFleet.Outage] {
        guard let draw = model.draw else { return [] }
        let anchor = ForcedOutageModel.anchorEpochSeconds(for: horizon)
        var outages: [SMRFleet.Outage] = []
        for unit in 0..<units {
            let service = serviceDates.indices.contains(unit) ? serviceDates[unit] : ServiceDates()
            let from = max(horizon.startEpochSeconds, service.commissioningEpochSeconds ?? horizon.startEpochSeconds)
            let to = min(horizon.endEpochSeconds, service.retirementEpochSeconds ?? horizon.endEpochSeconds)
            let drawn = model.outages(draw: draw, unit: unit, anchorEpochSeconds: anchor,
                                      startEpochSeconds: horizon.startEpochSeconds, endEpochSeconds: horizon.endEpochSeconds)
            for interval in drawn {
                // Clipped only where the unit is out of service; inside it the drawn extent is kept.
                let start = service.commissioningEpochSeconds.map { max($0, interval.start) } ?? interval.start
                let end = service.retirementEpochSeconds.map { min($0, interval.end) } ?? interval.end
                guard end > start, end > from, start < to else { continue }
                outages.append(SMRFleet.Outage(unit: unit, startUTC: Date(timeIntervalSince1970: Double(start)),
                                               endUTC: Date(timeIntervalSince1970: Double(end)), kind: .forced))
            }
        }
        return outages
    }
}
