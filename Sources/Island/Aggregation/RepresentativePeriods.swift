import Foundation

/// What makes a site one of representative periods: each of its periods (a representative
/// day, or a partial day at the horizon's edge) stands for one or more periods of the original
/// horizon, and the original periods in time order are a sequence of them (the chronology that
/// storage is linked across, docs/formulation.md 15).
///
/// A site built by ``Site/representing(_:partition:representative:)`` carries it: its steps
/// are the representative periods' steps one after another, its series are the original
/// series at those steps, and each step stands for `weight` original steps.
public struct RepresentativePeriods: Sendable, Equatable {
    /// The horizon the periods stand for.
    public let originalHorizon: Horizon
    /// Per step of the site: the original step it is (the representative period's own step).
    public let originalSteps: [Int]
    /// The site's periods, as ranges of its steps, in time order of the original periods they are.
    public let periods: [Range<Int>]
    /// Per period: how many original periods it stands for (its weight).
    public let weights: [Double]
    /// Per period: the index of the original period it is (the medoid).
    public let originalPeriods: [Int]
    /// The original horizon's periods, as ranges of its steps, in time order.
    public let originalPartition: [Range<Int>]
    /// Per original period: the period (index into ``periods``) that stands for it.
    public let sequence: [Int]
    /// Per step of the site: the weight of its period.
    public let stepWeights: [Double]
    /// Per step of the site: whether a period starts there (rows that look one step back do
    /// not reach into the period before, which is not the step before in time).
    public let periodStarts: [Bool]

    /// - Parameters:
    ///   - originalHorizon: the horizon stood for.
    ///   - partition: its periods in time order.
    ///   - representative: per original period, the original period standing for it (a
    ///     representative stands for itself); a period and its representative have equal lengths.
    public init(originalHorizon: Horizon, partition: [Range<Int>], representative: [Int]) {
        precondition(partition.count == representative.count, "one representative per period")
        let chosen = Array(Set(representative)).sorted()
        var position: [Int: Int] = [:]
        for (index, original) in chosen.enumerated() { position[original] = index }
        var steps: [Int] = [], periods: [Range<Int>] = [], stepWeights: [Double] = [], starts: [Bool] = []
        var weights = [Double](repeating: 0, count: chosen.count)
        for (period, original) in representative.enumerated() {
            precondition(partition[period].count == partition[original].count, "a period and its representative have equal lengths")
            weights[position[original]!] += 1
        }
        for (index, original) in chosen.enumerated() {
            let range = partition[original]
            periods.append(steps.count..<(steps.count + range.count))
            steps += Array(range)
            stepWeights += Array(repeating: weights[index], count: range.count)
            starts += (0..<range.count).map { $0 == 0 }
        }
        self.originalHorizon = originalHorizon
        self.originalSteps = steps
        self.periods = periods
        self.weights = weights
        self.originalPeriods = chosen
        self.originalPartition = partition
        self.sequence = representative.map { position[$0]! }
        self.stepWeights = stepWeights
        self.periodStarts = starts
    }

    /// Per period: the last of its steps (where storage's state within the period ends).
    public var lastSteps: [Int] { periods.map { $0.upperBound - 1 } }

    /// The distinct transitions between consecutive original periods, as (last step of the
    /// period before, first step of the period after) in the site's steps: the chronological
    /// neighbours that ramp rows must tie across a period's start (first seen first).
    public var transitions: [(from: Int, to: Int)] {
        var seen = Set<[Int]>()
        var list: [(from: Int, to: Int)] = []
        for index in 1..<max(1, sequence.count) {
            let from = periods[sequence[index - 1]].upperBound - 1, to = periods[sequence[index]].lowerBound
            if seen.insert([from, to]).inserted { list.append((from, to)) }
        }
        return list
    }
}

extension Site {
    /// The site whose horizon is the representative periods of `partition`, one after another:
    /// every series taken at their steps, each step weighted by the number of periods its
    /// period stands for (``RepresentativePeriods``).
    ///
    /// A training job keeps its steps where they fall inside it: its first and last step are
    /// the first and last representative step of its window, and ``TrainingJob/stepMask`` marks
    /// the ones between that belong to it (with its run-window flags kept in
    /// ``TrainingJob/windowFlags``, as the representative steps' clock is not the horizon's).
    /// - Precondition: the site is not already one of representative periods; every period and
    ///   its representative have equal lengths and are of one kind (``dayKinds(_:)``).
    public func representing(_ partition: DayPartition, representative: [Int]) -> Site {
        precondition(representativePeriods == nil, "a site of representative periods cannot be aggregated again")
        let periods = RepresentativePeriods(originalHorizon: horizon, partition: partition.periods, representative: representative)
        let steps = periods.originalSteps
        var site = selectingSeries(StepSelection(steps: steps))
        site.horizon = Horizon(startEpochSeconds: horizon.startEpochSeconds, steps: steps.count, stepMinutes: horizon.stepMinutes)
        site.trainingJobs = trainingJobs.map { job in
            var job = job
            let inWindow = self.trainingJobs.first { $0.name == job.name }!.inWindow(horizon)
            var inside: [Bool] = [], flags: [Bool] = []
            for original in steps {
                let belongs = job.steps.contains(original)
                inside.append(belongs)
                flags.append(belongs && inWindow[original - job.firstStep])
            }
            guard let first = inside.firstIndex(of: true), let last = inside.lastIndex(of: true) else {
                preconditionFailure("every job's window has a representative step (its kind has one)")
            }
            job.firstStep = first
            job.lastStep = last
            job.stepMask = Array(inside[first...last])
            job.windowFlags = Array(flags[first...last])
            return job
        }
        site.representativePeriods = periods
        return site
    }
}

extension Site {
    /// The start of `step` as `yyyy-MM-ddTHH:mmZ`: on a site of representative periods, the
    /// original step it is (its steps are not one after another in time).
    public func stepLabel(_ step: Int) -> String {
        guard let periods = representativePeriods else { return horizon.label(step) }
        return periods.originalHorizon.label(periods.originalSteps[step])
    }
}
