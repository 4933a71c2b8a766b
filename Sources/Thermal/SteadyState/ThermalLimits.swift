import Dispatch

/// Thermal limits on IT power for the scheduler: per rack and step, or summed over a site.
public enum ThermalLimits {
    /// Fills `limitsW[rack * hours + hour]` with each rack's maximum power at each facility
    /// supply temperature (rack-major, so each rack's year is contiguous).
    /// - Parameters:
    ///   - networks: one network per rack (racks may share a network value).
    ///   - facilitySupplyTemperaturesC: one temperature per step (e.g. 8,760 hours).
    ///   - capAtRatedPower: also cap each value at the rack's `ratedPowerW`.
    ///   - threads: worker threads; racks are split between them.
    ///   - limitsW: caller-owned, `networks.count * facilitySupplyTemperaturesC.count` values.
    /// - Throws: `ThermalError` for a wrong buffer size or a non-finite temperature.
    /// Complexity: O(racks x steps), a subtraction, a multiplication and a clamp each: bound by
    /// the memory bandwidth of the writes.
    public static func maxRackPowerW(networks: [RackThermalNetwork], facilitySupplyTemperaturesC: [Double],
                                     capAtRatedPower: Bool = false, threads: Int = 1,
                                     into limitsW: UnsafeMutableBufferPointer<Double>) throws {
        let hours = facilitySupplyTemperaturesC.count
        guard limitsW.count == networks.count * hours else {
            throw ThermalError.lengthMismatch(name: "limitsW", expected: networks.count * hours, actual: limitsW.count)
        }
        guard threads >= 1 else {
            throw ThermalError.invalidCount(name: "threads", value: threads, requirement: "must be >= 1")
        }
        try requireAllFinite(facilitySupplyTemperaturesC, "facilitySupplyTemperaturesC")
        guard hours > 0, !networks.isEmpty else { return }
        // Per rack: limit, 1/rise, cap.
        var perRack = [Double](repeating: 0, count: 3 * networks.count)
        for (rack, network) in networks.enumerated() {
            perRack[3 * rack] = network.parameters.dieLimitC
            perRack[3 * rack + 1] = 1 / network.dieRiseKPerW
            perRack[3 * rack + 2] = capAtRatedPower ? network.parameters.ratedPowerW : .infinity
        }
        perRack.withUnsafeBufferPointer { rackValues in
            facilitySupplyTemperaturesC.withUnsafeBufferPointer { temperatures in
                let work = LimitWork(rackValues: rackValues.baseAddress!, temperatures: temperatures.baseAddress!,
                                     limits: limitsW.baseAddress!, racks: networks.count, hours: hours,
                                     workers: Swift.min(threads, networks.count))
                if work.workers == 1 {
                    work.run(worker: 0)
                } else {
                    DispatchQueue.concurrentPerform(iterations: work.workers) { work.run(worker: $0) }
                }
            }
        }
    }

    /// Site thermal capacity per step: the sum over racks of min(rated power, thermal limit).
    /// This is what the LP's per-step IT capacity is capped by, next to the electrical limit.
    /// Complexity: O(groups x steps).
    public static func siteCapacityW(groups: [RackGroup], facilitySupplyTemperaturesC: [Double]) throws -> [Double] {
        try requireAllFinite(facilitySupplyTemperaturesC, "facilitySupplyTemperaturesC")
        var capacity = [Double](repeating: 0, count: facilitySupplyTemperaturesC.count)
        for group in groups {
            let rated = group.network.parameters.ratedPowerW
            let racks = Double(group.rackCount)
            for (step, temperatureC) in facilitySupplyTemperaturesC.enumerated() {
                capacity[step] += racks * Swift.min(rated, group.network.maxRackPowerW(facilitySupplyTemperatureC: temperatureC))
            }
        }
        return capacity
    }
}

/// Workers' view of one limits fill; `@unchecked Sendable` for its raw pointers: each worker
/// writes a disjoint range of racks and `concurrentPerform` joins them before the call returns.
struct LimitWork: @unchecked Sendable {
    let rackValues: UnsafePointer<Double>
    let temperatures: UnsafePointer<Double>
    let limits: UnsafeMutablePointer<Double>
    let racks: Int
    let hours: Int
    let workers: Int

    func run(worker: Int) {
        let first = worker * racks / workers, end = (worker + 1) * racks / workers
        for rack in first..<end {
            let limitC = rackValues[3 * rack], inverseRise = rackValues[3 * rack + 1], cap = rackValues[3 * rack + 2]
            let row = limits + rack &* hours
            for hour in 0..<hours {
                let powerW = (limitC - temperatures[hour]) * inverseRise
                let positive = powerW > 0 ? powerW : 0
                row[hour] = positive < cap ? positive : cap
            }
        }
    }
}
