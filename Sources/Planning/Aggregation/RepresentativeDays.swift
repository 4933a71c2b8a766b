import Foundation
import Island

/// The representative days of a site (its `aggregation` section): which days stand for which,
/// and the site of those days that a plan is solved on (docs/planning.md, "Representative days";
/// docs/formulation.md, 15).
///
/// Days are those of ``DayPartition`` (UTC by default); a partial day at either edge of the
/// horizon, and each extreme day asked for, stands for itself alone; the other whole days are
/// clustered by k-medoids (``KMedoids``) on ``DayFeatures``, each day represented only by a day
/// of its own kind (``Site/dayKinds(_:)``).
public struct RepresentativeDays: Sendable {
    /// Why a day stands for itself alone.
    public enum Role: String, Sendable {
        /// A medoid of the clustering.
        case medoid
        /// Represented by a medoid.
        case member
        /// A partial day at the horizon's edge.
        case edge
        /// An extreme day kept apart (``TimeAggregation/ExtremeDay``).
        case extreme
    }

    public let settings: TimeAggregation
    public let partition: DayPartition
    /// Per period, its kind.
    public let kinds: [Int]
    /// Per period, the period standing for it.
    public let representative: [Int]
    /// Per period, why it stands where it does.
    public let roles: [Role]
    /// Per extreme day kept apart: which rule kept it, and the period.
    public let extremes: [(rule: TimeAggregation.ExtremeDay, period: Int)]
    /// The series the days were compared on (``DayFeatures``), in vector order.
    public let featureSeries: [String]
    /// Summed distance of the clustered days to their medoids (scaled units).
    public let clusteringCost: Double
    /// Swaps PAM made after its build.
    public let swaps: Int
    /// With `rescale`: per series written onto the representative site, the factor its medoid
    /// days' values were scaled by (above the series' minimum, ``rescaled(_:)``).
    public let scaleFactors: [(name: String, factor: Double)]
    /// The series, to write the scaled values (same order as ``scaleFactors``).
    let scaledSeries: [SiteSeries]
    public let seconds: Double

    /// Chooses the representative days of `site` by its `aggregation` settings.
    /// - Precondition: the site has an `aggregation` section the loader accepted (enough whole
    ///   days, K no fewer than the kinds of day).
    public init(site: Site, settings: TimeAggregation) {
        let clock = ContinuousClock()
        let start = clock.now
        self.settings = settings
        let partition = DayPartition(horizon: site.horizon, utcOffsetHours: settings.utcOffsetHours)
        let kinds = site.dayKinds(partition)
        var representative = Array(partition.periods.indices)
        var roles = partition.periods.indices.map { partition.isWholeDay($0) ? Role.member : .edge }
        var extremes: [(rule: TimeAggregation.ExtremeDay, period: Int)] = []
        let whole = partition.periods.indices.filter(partition.isWholeDay)
        for rule in settings.extremeDays {
            guard let period = Self.extreme(rule, site: site, partition: partition, among: whole) else { continue }
            if roles[period] != .extreme {
                roles[period] = .extreme
                extremes.append((rule, period))
            }
        }
        let pool = whole.filter { roles[$0] == .member }
        let features = DayFeatures(site: site)
        // Kinds renumbered over the pool (an extreme day may have taken a kind's only day).
        var groupOf: [Int: Int] = [:]
        let groups = pool.map { period -> Int in
            if let group = groupOf[kinds[period]] { return group }
            groupOf[kinds[period]] = groupOf.count
            return groupOf.count - 1
        }
        var cost = 0.0, swaps = 0
        if !pool.isEmpty {
            let k = min(pool.count, max(settings.representativeDays, groupOf.count))
            let result = KMedoids.cluster(count: pool.count, groups: groups, k: k) { a, b in
                features.distance(partition.periods[pool[a]], partition.periods[pool[b]])
            }
            for (index, period) in pool.enumerated() {
                representative[period] = pool[result.assignment[index]]
                if result.assignment[index] == index { roles[period] = .medoid }
            }
            cost = result.cost
            swaps = result.swaps
        }
        var factors: [(name: String, factor: Double)] = [], scaledSeries: [SiteSeries] = []
        if settings.rescale {
            for entry in features.series where entry.write != nil {
                let factor = Self.scaleFactor(entry.values, partition: partition, representative: representative, roles: roles)
                guard factor != 1 else { continue }
                factors.append((entry.name, factor))
                scaledSeries.append(entry)
            }
        }
        self.scaleFactors = factors
        self.scaledSeries = scaledSeries
        self.partition = partition
        self.kinds = kinds
        self.representative = representative
        self.roles = roles
        self.extremes = extremes
        self.featureSeries = features.names
        self.clusteringCost = cost
        self.swaps = swaps
        self.seconds = (clock.now - start).seconds
    }

    /// The day an extreme rule picks among `days` (the first on ties); nil when the rule has
    /// nothing to look at (lowest renewable without renewables).
    static func extreme(_ rule: TimeAggregation.ExtremeDay, site: Site, partition: DayPartition, among days: [Int]) -> Int? {
        switch rule {
        case .peakLoad:
            let load = zip(site.inference.demandMW, site.copSeries).map { demand, cop in demand * (1 + 1 / cop) }
            return days.max { a, b in
                (partition.periods[a].map { load[$0] }.max() ?? 0) < (partition.periods[b].map { load[$0] }.max() ?? 0)
            }
        case .lowestRenewable:
            guard !site.renewables.isEmpty else { return nil }
            let energy = (0..<site.horizon.steps).map { t in site.renewables.reduce(0.0) { $0 + $1.capacityFactor[t] } }
            return days.min { a, b in
                partition.periods[a].reduce(0.0) { $0 + energy[$1] } < partition.periods[b].reduce(0.0) { $0 + energy[$1] }
            }
        }
    }

    /// The site of the representative periods, one after another, each weighted by the
    /// periods it stands for (``Site/representing(_:representative:)``), with the medoid days'
    /// series rescaled (``scaleFactors``).
    public func site(of site: Site) -> Site {
        var represented = site.representing(partition, representative: representative)
        guard let periods = represented.representativePeriods else { return represented }
        for (entry, scale) in zip(scaledSeries, scaleFactors) {
            let low = entry.values.min() ?? 0, high = entry.values.max() ?? 0
            let values = periods.originalSteps.enumerated().map { t, original -> Double in
                let period = periods.originalPeriods[periods.periods.firstIndex { $0.contains(t) }!]
                guard roles[period] == .medoid else { return entry.values[original] }
                return Self.scaled(entry.values[original], low: low, high: high, factor: scale.factor)
            }
            entry.write?(&represented, values)
        }
        return represented
    }

    /// `low + (value - low) x factor`, at most `high`: the series scaled above its minimum and
    /// kept within its range (tsam scales the min-max normalised values and clips them at 1).
    static func scaled(_ value: Double, low: Double, high: Double, factor: Double) -> Double {
        min(high, low + (value - low) * factor)
    }

    /// The factor that makes a series on the medoid days, weighted by the days each stands for,
    /// add up (above its minimum) to its total over the clustered days: the root of a
    /// nondecreasing piecewise-linear function, by bisection on [0, 100]; 1 when the medoids
    /// already match (to 1e-12) or cannot be scaled (nothing above the minimum), 100 at most.
    static func scaleFactor(_ values: [Double], partition: DayPartition, representative: [Int], roles: [Role]) -> Double {
        guard let low = values.min(), let high = values.max(), high > low else { return 1 }
        var target = 0.0
        var weight: [Int: Double] = [:]
        for (period, range) in partition.periods.enumerated() where roles[period] == .medoid || roles[period] == .member {
            for t in range { target += values[t] - low }
            weight[representative[period], default: 0] += 1
        }
        func represented(_ factor: Double) -> Double {
            var total = 0.0
            for (medoid, count) in weight {
                for t in partition.periods[medoid] { total += count * (scaled(values[t], low: low, high: high, factor: factor) - low) }
            }
            return total
        }
        let current = represented(1)
        guard current > 0, abs(current - target) > 1e-12 * max(target, 1e-300) else { return 1 }
        var lower = 0.0, upper = 100.0
        if represented(upper) < target { return upper }
        for _ in 0..<100 {
            let middle = (lower + upper) / 2
            if represented(middle) < target { lower = middle } else { upper = middle }
        }
        return (lower + upper) / 2
    }

    /// Number of periods in the representative site: the medoids, the extreme days and the edges.
    public var periodCount: Int { Set(representative).count }
}
