import Foundation

/// When an asset enters and leaves service: `commissioning_utc` and `retirement_utc`.
///
/// A step counts as in service only when it lies wholly in [commissioning, retirement): an asset
/// commissioned mid-step starts with the next step, and one retired mid-step is gone for that
/// step. Outside its service the asset is unavailable (zero capacity); dates outside the horizon
/// are allowed (an asset retired before the horizon is simply never available).
public struct ServiceDates: Sendable, Equatable {
    public var commissioningEpochSeconds: Int64?
    public var retirementEpochSeconds: Int64?

    public init(commissioningEpochSeconds: Int64? = nil, retirementEpochSeconds: Int64? = nil) {
        self.commissioningEpochSeconds = commissioningEpochSeconds
        self.retirementEpochSeconds = retirementEpochSeconds
    }

    public var isAlways: Bool { commissioningEpochSeconds == nil && retirementEpochSeconds == nil }

    public func inService(horizon: Horizon, step: Int) -> Bool {
        let start = horizon.epochSeconds(step)
        if let commissioning = commissioningEpochSeconds, start < commissioning { return false }
        if let retirement = retirementEpochSeconds, start + horizon.stepSeconds > retirement { return false }
        return true
    }
}

extension SiteLoader {
    /// `commissioning_utc` / `retirement_utc` of one asset; nil after reporting a problem.
    static func readServiceDates(_ reader: MappingReader) -> ServiceDates? {
        let commissioning = reader.timestamp("commissioning_utc")
        let retirement = reader.timestamp("retirement_utc")
        if (reader.has("commissioning_utc") && commissioning == nil) || (reader.has("retirement_utc") && retirement == nil) {
            return nil
        }
        if let commissioning, let retirement, retirement <= commissioning {
            reader.report("retirement_utc", "must be after commissioning_utc (\(Horizon.format(epochSeconds: commissioning))), got \(Horizon.format(epochSeconds: retirement))")
            return nil
        }
        return ServiceDates(commissioningEpochSeconds: commissioning, retirementEpochSeconds: retirement)
    }

    /// Per step, in service or not; nil when the asset has no dates (always in service).
    static func serviceMask(_ dates: ServiceDates, _ context: LoadContext) -> [Bool]? {
        guard !dates.isAlways, let horizon = context.horizon else { return nil }
        return (0..<horizon.steps).map { dates.inService(horizon: horizon, step: $0) }
    }

    /// SMR dates: one timestamp for every unit, or a list with one per unit (`null` for none).
    static func readUnitServiceDates(_ reader: MappingReader, units: Int?) -> [ServiceDates]? {
        guard let units else { return nil }
        var dates = [ServiceDates](repeating: ServiceDates(), count: units)
        var valid = true
        for (key, path) in [("commissioning_utc", \ServiceDates.commissioningEpochSeconds),
                            ("retirement_utc", \ServiceDates.retirementEpochSeconds)] {
            guard let node = reader.child(key) else { continue }
            if let items = node.items {
                guard items.count == units else {
                    reader.report(key, "list has \(items.count) dates but the fleet has \(units) units (give one per unit, null for none, or one date for all)")
                    valid = false
                    continue
                }
                for (unit, item) in items.enumerated() where !item.isNull {
                    guard let text = item.scalarText, case .success(let epoch) = TimestampParser(zone: .utc).parse(Substring(text)) else {
                        reader.context.report("\(reader.keyPath(key))[\(unit)]", node: item, "expected a UTC timestamp like 2025-01-01T00:00Z, got \(item.kindDescription)")
                        valid = false
                        continue
                    }
                    dates[unit][keyPath: path] = epoch
                }
            } else if let epoch = reader.timestamp(key) {
                for unit in 0..<units { dates[unit][keyPath: path] = epoch }
            } else {
                valid = false
            }
        }
        for (unit, date) in dates.enumerated() {
            if let commissioning = date.commissioningEpochSeconds, let retirement = date.retirementEpochSeconds, retirement <= commissioning {
                reader.report("retirement_utc", "unit \(unit): must be after its commissioning (\(Horizon.format(epochSeconds: commissioning))), got \(Horizon.format(epochSeconds: retirement))")
                valid = false
            }
        }
        return valid ? dates : nil
    }
}
