import Foundation

/// Time-series aggregation of a capacity plan (`aggregation` section): the plan's operation is
/// solved over a few representative days, each standing for the days like it, instead of
/// every step of the horizon (docs/formulation.md, section 15; docs/planning.md).
public struct TimeAggregation: Sendable, Equatable {
    /// How the representative days are chosen.
    public enum Method: String, Sendable, Equatable, CaseIterable {
        /// k-medoids: K real days that minimise the summed distance of every day to its
        /// representative (PAM build and swap; Kaufman and Rousseeuw 1990).
        case kMedoids = "k_medoids"
    }

    /// A day kept as its own representative (weight 1) beside the K chosen by clustering.
    public enum ExtremeDay: String, Sendable, Equatable, CaseIterable {
        /// The day with the largest must-serve facility draw in one step: inference demand plus
        /// its cooling, `D[t] (1 + 1 / COP[t])`.
        case peakLoad = "peak_load"
        /// The day with the least renewable energy per MW of every renewable (the sum of their
        /// capacity factors).
        case lowestRenewable = "lowest_renewable"
    }

    /// Number of representative days K chosen by clustering.
    public var representativeDays: Int
    public var method: Method
    /// Days start at midnight of this fixed offset from UTC, hours (0: UTC days).
    public var utcOffsetHours: Int
    /// Days kept whole beside the K (in the order given; a day named twice is kept once).
    public var extremeDays: [ExtremeDay]
    /// Scale each series on the medoid days so that, weighted, it adds up to its total over the
    /// days they stand for (tsam's `rescaleClusterPeriods`); false (default): the medoids' own
    /// values, real days (measured in docs/planning.md: rescaling is not better everywhere).
    public var rescale: Bool

    public init(representativeDays: Int, method: Method = .kMedoids, utcOffsetHours: Int = 0, extremeDays: [ExtremeDay] = [],
                rescale: Bool = false) {
        self.representativeDays = representativeDays
        self.method = method
        self.utcOffsetHours = utcOffsetHours
        self.extremeDays = extremeDays
        self.rescale = rescale
    }
}
