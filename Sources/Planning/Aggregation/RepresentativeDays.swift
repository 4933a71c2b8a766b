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
    /// periods it stands for (``Site/representing(_:representative:)``).
    public func site(of site: Site) -> Site { site.representing(partition, representative: representative) }

    /// Number of periods in the representative site: the medoids, the extreme days and the edges.
    public var periodCount: Int { Set(representative).count }
}
