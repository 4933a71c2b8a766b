import Foundation
import Island

extension InputDump {
    /// One demand-response contract, derived as the LP uses it.
    public struct DemandResponse: Encodable, Sendable {
        var name: String
        var baselineMW: Double
        /// The given reduction, MW (`reduce_by_mw`, or baseline - `reduce_to_mw`); nil when decided.
        var committedMW: Double?
        /// The largest reduction the optimiser may commit, MW, when it decides (`max_reduce_by_mw`).
        var maxCommittedMW: Double?
        /// Payment per MW committed over the horizon (USD/MW-year x horizon years), USD/MW.
        var paymentUSDPerMW: Double
        var penaltyUSDPerMWh: Double
        /// Per event, the steps of the horizon inside it.
        var eventSteps: [[Int]]

        static func dump(_ site: Site) -> [DemandResponse] {
            (site.flexibility?.demandResponse ?? []).map { contract in
                var committed: Double?, maximum: Double?
                switch contract.commitment {
                case .fixed(let value): committed = value
                case .decision(let value): maximum = value
                }
                return DemandResponse(name: contract.name, baselineMW: contract.baselineMW, committedMW: committed, maxCommittedMW: maximum,
                                      paymentUSDPerMW: contract.paymentUSDPerMWYear * site.horizonYears,
                                      penaltyUSDPerMWh: contract.penaltyUSDPerMWh,
                                      eventSteps: contract.events.map { Array(DemandResponseContract.steps(of: $0, in: site.horizon)) })
            }
        }
    }
}
