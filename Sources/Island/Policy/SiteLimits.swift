import Foundation

/// Site-wide power limits for grid stability.
public struct SiteLimits: Sendable, Equatable {
    /// Limit on the sum of imports over all feeds, MW.
    public var importLimitMW: Double?
    /// Limit on the step-to-step change of total power drawn from all sources, MW per hour.
    public var rampLimitMWPerHour: Double?

    public init(importLimitMW: Double? = nil, rampLimitMWPerHour: Double? = nil) {
        self.importLimitMW = importLimitMW
        self.rampLimitMWPerHour = rampLimitMWPerHour
    }
}
