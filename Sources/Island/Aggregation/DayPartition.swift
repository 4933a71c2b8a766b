import Foundation

/// A horizon cut into days: periods of 24 hours that start at midnight of a fixed offset from
/// UTC, and a partial day at either edge when the horizon does not start or end on one.
public struct DayPartition: Sendable, Equatable {
    /// Each period's steps, in time order.
    public let periods: [Range<Int>]
    /// Steps in a whole day (24, 48 or 96).
    public let stepsPerDay: Int

    /// - Parameters:
    ///   - horizon: the horizon to cut.
    ///   - utcOffsetHours: days start at midnight of UTC + this many hours.
    public init(horizon: Horizon, utcOffsetHours: Int = 0) {
        let day: Int64 = 86_400
        stepsPerDay = Int(day / horizon.stepSeconds)
        // Seconds from the horizon's start to the first day boundary at or after it.
        let shifted = horizon.startEpochSeconds + Int64(utcOffsetHours) * 3600
        let lead = ((day - shifted % day) % day + day) % day
        let head = min(horizon.steps, Int(lead / horizon.stepSeconds))
        var periods: [Range<Int>] = []
        if head > 0 { periods.append(0..<head) }
        var start = head
        while start < horizon.steps {
            let end = min(horizon.steps, start + stepsPerDay)
            periods.append(start..<end)
            start = end
        }
        self.periods = periods
    }

    public func isWholeDay(_ period: Int) -> Bool { periods[period].count == stepsPerDay }

    /// Number of whole days.
    public var wholeDays: Int { periods.indices.filter(isWholeDay).count }
}

extension Site {
    /// Per period of `partition`, the index of its kind: two periods are of one kind when, step
    /// by step, the same SMR units are available, the same components are in service and every
    /// training job may run (and is inside its run window) in the same steps. A representative
    /// period can only stand for periods of its own kind: its dispatch is paid for every day it
    /// stands for, so a job's energy, or a unit's absence, must hold on all of them.
    /// Kinds are numbered in order of first appearance.
    public func dayKinds(_ partition: DayPartition) -> [Int] {
        let jobFlags = trainingJobs.map { job -> [Int] in
            var flags = [Int](repeating: 0, count: horizon.steps)
            let mayRun = job.mayRun(horizon), inWindow = job.inWindow(horizon)
            for (offset, t) in job.steps.enumerated() { flags[t] = 1 + (mayRun[offset] ? 2 : 0) + (inWindow[offset] ? 4 : 0) }
            return flags
        }
        var known: [[Int]: Int] = [:]
        var kinds: [Int] = []
        for period in partition.periods {
            var key: [Int] = []
            for t in period {
                if let smr { key.append(smr.availableUnits[t]) }
                for feed in gridFeeds { key.append(feed.inService?[t] == false ? 0 : 1) }
                for battery in batteries { key.append(battery.inService?[t] == false ? 0 : 1) }
                for generator in backupGenerators { key.append(generator.inService?[t] == false ? 0 : 1) }
                for flags in jobFlags { key.append(flags[t]) }
            }
            if let kind = known[key] {
                kinds.append(kind)
            } else {
                known[key] = known.count
                kinds.append(known.count - 1)
            }
        }
        return kinds
    }
}
