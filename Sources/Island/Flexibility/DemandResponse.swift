import Foundation

/// Grid flexibility the site sells (`flexibility` section): demand-response and curtailment
/// contracts on the site's grid import (docs/site-format.md, "flexibility").
public struct Flexibility: Sendable, Equatable {
    public var demandResponse: [DemandResponseContract]

    public init(demandResponse: [DemandResponseContract] = []) {
        self.demandResponse = demandResponse
    }
}

/// One demand-response contract: in each event the site's total grid import (all feeds) is held
/// at or below `baselineMW - committedMW`, or the shortfall is paid for at the penalty; the
/// committed MW earns a payment per MW-year.
public struct DemandResponseContract: Sendable, Equatable {
    /// How much the site commits to reduce.
    public enum Commitment: Sendable, Equatable {
        /// A given reduction from the baseline, MW (`reduce_by_mw`, or `baseline_mw - reduce_to_mw`).
        case fixed(Double)
        /// A reduction the optimiser chooses in [0, maximum] MW (`max_reduce_by_mw`).
        case decision(maximumMW: Double)
    }

    /// How a budgeted event calendar is drawn (`budget.rule`).
    public enum CalendarRule: String, Sendable, Equatable, CaseIterable {
        /// Stress hours proxied by the highest mean import price over the event's duration.
        case highestPrice = "highest_price"
        /// Uniform draws among the admissible start steps (SplitMix64 from `seed`).
        case random
    }

    /// The budget a calendar was drawn from (`budget`), kept for the report.
    public struct Budget: Sendable, Equatable {
        public var hoursPerYear: Double
        public var eventsPerYear: Int
        public var durationHours: Double
        public var noticeHours: Double
        public var rule: CalendarRule
        public var seed: UInt64
    }

    /// One event: [start, end) in UTC, announced `noticeHours` before the start.
    public struct Event: Sendable, Equatable {
        public var startEpochSeconds: Int64
        public var endEpochSeconds: Int64
        public init(startEpochSeconds: Int64, endEpochSeconds: Int64) {
            self.startEpochSeconds = startEpochSeconds
            self.endEpochSeconds = endEpochSeconds
        }
    }

    public var name: String
    /// The declared baseline the reduction is measured from, MW of site import.
    public var baselineMW: Double
    public var commitment: Commitment
    /// Paid per MW of committed reduction per year (pro rata to the horizon), USD/MW-year.
    public var paymentUSDPerMWYear: Double
    /// Paid per MWh imported above the committed level in an event step, USD/MWh.
    public var penaltyUSDPerMWh: Double
    /// Hours between an event's announcement and its start (reported; the optimiser has perfect foresight).
    public var noticeHours: Double
    /// Events in time order, never overlapping, each on step boundaries inside the horizon it was loaded with.
    public var events: [Event]
    /// Where the calendar came from: nil for `events_file`, the budget for a drawn calendar.
    public var budget: Budget?

    public init(name: String, baselineMW: Double, commitment: Commitment, paymentUSDPerMWYear: Double,
                penaltyUSDPerMWh: Double, noticeHours: Double = 0, events: [Event], budget: Budget? = nil) {
        self.name = name
        self.baselineMW = baselineMW
        self.commitment = commitment
        self.paymentUSDPerMWYear = paymentUSDPerMWYear
        self.penaltyUSDPerMWh = penaltyUSDPerMWh
        self.noticeHours = noticeHours
        self.events = events
        self.budget = budget
    }

    /// The largest reduction the contract can commit, MW.
    public var maximumCommittedMW: Double {
        switch commitment {
        case .fixed(let value): return value
        case .decision(let maximum): return maximum
        }
    }

    /// The steps of `horizon` inside `event` (an event outside a window has none).
    public static func steps(of event: Event, in horizon: Horizon) -> Range<Int> {
        let first = max(0, Int((event.startEpochSeconds - horizon.startEpochSeconds) / horizon.stepSeconds))
        let endOffset = event.endEpochSeconds - horizon.startEpochSeconds
        let last = min(horizon.steps, Int((endOffset + horizon.stepSeconds - 1) / horizon.stepSeconds))
        guard endOffset > 0, event.startEpochSeconds < horizon.endEpochSeconds, last > first else { return 0..<0 }
        return first..<last
    }
}

/// Draws a budgeted event calendar (docs/formulation.md, "Demand-response contracts").
public enum EventCalendar {
    /// Events the budget allows in a horizon of `years`: min(K, floor(N / D)) per year, pro rata,
    /// rounded down.
    public static func eventCount(_ budget: DemandResponseContract.Budget, years: Double) -> Int {
        let perYear = min(Double(budget.eventsPerYear), (budget.hoursPerYear / budget.durationHours).rounded(.down))
        return max(0, Int((perYear * years + 1e-9).rounded(.down)))
    }

    /// Start steps of `count` non-overlapping events of `durationSteps`, none starting before
    /// `earliestStep` (its announcement must fall in the horizon), chosen by `rule`:
    /// `highest_price` takes, repeatedly, the admissible window with the highest mean `price`
    /// (earliest on ties); `random` draws uniformly among the admissible starts with SplitMix64.
    /// Fewer are returned when the horizon has no more room. Sorted.
    public static func draw(count: Int, durationSteps: Int, earliestStep: Int, price: [Double],
                            rule: DemandResponseContract.CalendarRule, seed: UInt64) -> [Int] {
        let steps = price.count
        guard durationSteps > 0, count > 0, earliestStep + durationSteps <= steps else { return [] }
        var taken = [Bool](repeating: false, count: steps)
        var starts: [Int] = []
        // Prefix sums for window means.
        var prefix = [0.0]
        prefix.reserveCapacity(steps + 1)
        for value in price { prefix.append(prefix.last! + value) }
        var generator = SplitMix64(seed: seed)
        func free(_ start: Int) -> Bool { !(start..<(start + durationSteps)).contains { taken[$0] } }
        while starts.count < count {
            let admissible = (earliestStep...(steps - durationSteps)).filter(free)
            guard !admissible.isEmpty else { break }
            let start: Int
            switch rule {
            case .highestPrice:
                start = admissible.max { a, b in
                    let meanA = prefix[a + durationSteps] - prefix[a], meanB = prefix[b + durationSteps] - prefix[b]
                    return meanA == meanB ? a > b : meanA < meanB
                }!
            case .random:
                start = admissible[Int(generator.next() % UInt64(admissible.count))]
            }
            for step in start..<(start + durationSteps) { taken[step] = true }
            starts.append(start)
        }
        return starts.sorted()
    }
}
