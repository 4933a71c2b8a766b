import Foundation
import Island
import Optimization

/// One demand-response contract's columns and rows (docs/formulation.md, 4.11).
public struct DemandResponseColumns: Sendable {
    public var contract: String
    /// The committed reduction when the optimiser chooses it (`max_reduce_by_mw`); nil when given.
    public var committed: Column?
    /// Per event (contract order), per step inside the horizon: the step, its shortfall column and its row.
    public var events: [[(step: Int, shortfall: Column, row: Row)]]
}

extension Builder {
    /// Demand-response contracts (docs/formulation.md, 4.11): in every event step t,
    /// `dr_event[c,t]: sum_g grid_import[g,t] - dr_shortfall[c,t] + dr_committed[c] <= baseline`
    /// (with a given commitment X the column is a constant: rhs baseline - X). The shortfall costs
    /// `h x penalty`; the commitment earns `payment x horizon years` per MW (a negative cost, a
    /// constant when given).
    mutating func addDemandResponse(imports: [ColumnBlock]) -> [DemandResponseColumns] {
        guard let contracts = site.flexibility?.demandResponse, !imports.isEmpty else { return [] }
        let hours = self.hours, years = site.horizonYears, horizon = site.horizon
        var list: [DemandResponseColumns] = []
        for contract in contracts {
            var committed: Column?
            var rhs = contract.baselineMW
            switch contract.commitment {
            case .fixed(let megawatts):
                rhs -= megawatts
                program.objectiveConstant -= contract.paymentUSDPerMWYear * megawatts * years
            case .decision(let maximum):
                committed = program.addColumn(upper: maximum, objective: -contract.paymentUSDPerMWYear * years,
                                              name: name("dr_committed[\(contract.name)]"))
            }
            var events: [[(step: Int, shortfall: Column, row: Row)]] = []
            for event in contract.events {
                var entries: [(step: Int, shortfall: Column, row: Row)] = []
                for step in DemandResponseContract.steps(of: event, in: horizon) {
                    let label = options.names ? labels[step] : ""
                    let shortfall = program.addColumn(objective: hours * weight[step] * contract.penaltyUSDPerMWh,
                                                      name: name("dr_shortfall[\(contract.name),\(label)]"))
                    let row = program.addRow(.lessOrEqual, rhs, name: name("dr_event[\(contract.name),\(label)]"))
                    for block in imports { program.addCoefficient(row, block[step], 1) }
                    program.addCoefficient(row, shortfall, -1)
                    if let committed { program.addCoefficient(row, committed, 1) }
                    entries.append((step, shortfall, row))
                }
                events.append(entries)
            }
            list.append(DemandResponseColumns(contract: contract.name, committed: committed, events: events))
        }
        return list
    }
}
