import Foundation
import Island
import Optimization

/// What the demand-response contracts did in a solved schedule (docs/results-schema.md,
/// `events.csv` and the `dr_` KPIs): per event, the level, the import, the shortfall and its
/// penalty; per contract, the commitment and its payment; and, once a reference schedule without
/// the contracts is given (``attribute(with:reference:site:)``), what delivered each event's reduction.
public struct DemandResponseOutcome: Sendable {
    /// One event of one contract.
    public struct Event: Sendable {
        public var contract: String
        /// 1-based within its contract.
        public var number: Int
        public var startUTC: String
        public var endUTC: String
        public var announcedUTC: String
        /// Steps of the event inside the solved horizon.
        public var steps: [Int]
        /// Import the contract allows in the event: baseline - committed, MW.
        public var levelMW: Double
        /// Highest site grid import in the event, MW.
        public var maxImportMW = 0.0
        /// Import energy above the level, MWh (what the penalty is paid on).
        public var shortfallMWh = 0.0
        public var penaltyUSD = 0.0
        /// Set by ``attribute(with:reference:site:)``: import energy below the reference schedule's in the event's steps.
        public var attribution: Attribution?
        /// Delivered when the import stayed at or below the level in every step (to 1e-6 relative, at least 1e-6 MW).
        public var delivered: Bool { shortfallMWh == 0 }
    }

    /// An event's import reduction against the schedule without the contracts, by what gave it,
    /// MWh over the event's steps; positive entries lowered the import. The entries add up to
    /// `importReductionMWh` when both schedules' balances close: `training + inference + idle`
    /// is the IT energy saved; cooling, losses (with dump and heat pump) what the facility saved
    /// with it; battery, backup, SMR and renewables the extra supply; export the exports forgone.
    public struct Attribution: Sendable {
        public var importReductionMWh = 0.0
        public var trainingMWh = 0.0
        public var inferenceShedMWh = 0.0
        /// IT energy change not explained by work (idle draw of a changed capacity), MWh.
        public var itOtherMWh = 0.0
        public var batteryMWh = 0.0
        public var backupMWh = 0.0
        public var smrMWh = 0.0
        public var renewablesMWh = 0.0
        public var coolingMWh = 0.0
        public var lossesMWh = 0.0
        public var exportMWh = 0.0

        /// Sum of the parts, MWh (equals `importReductionMWh` up to the balance residuals).
        public var totalMWh: Double {
            trainingMWh + inferenceShedMWh + itOtherMWh + batteryMWh + backupMWh + smrMWh + renewablesMWh + coolingMWh + lossesMWh + exportMWh
        }
    }

    /// Totals for `summary.json` (keys `dr_*`).
    public struct Totals: Sendable, Encodable {
        public var contracts = 0
        public var events = 0
        public var eventsDelivered = 0
        public var committedMW = 0.0
        public var paymentUSD = 0.0
        public var penaltyUSD = 0.0
        public var shortfallMWh = 0.0
        /// With a reference schedule: import energy saved in the events, MWh.
        public var importReductionMWh: Double?
        /// With a reference: the objective without the contracts minus the objective with them, USD
        /// (what the contracts are worth to the site: payment - penalty - extra operating cost).
        public var netValueUSD: Double?
        /// With a reference: the extra operating cost of delivering (net value's complement), USD.
        public var deliveryCostUSD: Double?

        enum CodingKeys: String, CodingKey {
            case contracts = "dr_contracts", events = "dr_events", eventsDelivered = "dr_events_delivered"
            case committedMW = "dr_committed_mw", paymentUSD = "dr_payment_usd", penaltyUSD = "dr_penalty_usd"
            case shortfallMWh = "dr_shortfall_mwh", importReductionMWh = "dr_import_reduction_mwh"
            case netValueUSD = "dr_net_value_usd", deliveryCostUSD = "dr_delivery_cost_usd"
        }

        public static let columnNames: [String] = [
            "dr_contracts", "dr_events", "dr_events_delivered", "dr_committed_mw", "dr_payment_usd", "dr_penalty_usd",
            "dr_shortfall_mwh", "dr_import_reduction_mwh", "dr_net_value_usd", "dr_delivery_cost_usd",
        ]

        public func encode(to encoder: any Encoder) throws {
            var container = encoder.container(keyedBy: CodingKeys.self)
            try container.encode(contracts, forKey: .contracts)
            try container.encode(events, forKey: .events)
            try container.encode(eventsDelivered, forKey: .eventsDelivered)
            try container.encode(committedMW, forKey: .committedMW)
            try container.encode(paymentUSD, forKey: .paymentUSD)
            try container.encode(penaltyUSD, forKey: .penaltyUSD)
            try container.encode(shortfallMWh, forKey: .shortfallMWh)
            try container.encode(importReductionMWh, forKey: .importReductionMWh)
            try container.encode(netValueUSD, forKey: .netValueUSD)
            try container.encode(deliveryCostUSD, forKey: .deliveryCostUSD)
        }
    }

    /// Per contract: its name and committed MW.
    public var committedMW: [(contract: String, megawatts: Double)]
    public var events: [Event]
    public var totals: Totals

    /// Reads the contracts' outcome from a solution of `model`; nil when the site has no contract.
    static func read(site: Site, model: SiteModel, values: [Double]) -> DemandResponseOutcome? {
        guard let contracts = site.flexibility?.demandResponse, !contracts.isEmpty, model.demandResponse.count == contracts.count else { return nil }
        let horizon = site.horizon, hours = horizon.stepHours
        var outcome = DemandResponseOutcome(committedMW: [], events: [], totals: Totals())
        outcome.totals.contracts = contracts.count
        for (contract, columns) in zip(contracts, model.demandResponse) {
            let committed: Double
            switch contract.commitment {
            case .fixed(let megawatts): committed = megawatts
            case .decision: committed = columns.committed.map { max(0, values[$0.index]) } ?? 0
            }
            outcome.committedMW.append((contract.name, committed))
            outcome.totals.committedMW += committed
            outcome.totals.paymentUSD += contract.paymentUSDPerMWYear * committed * site.horizonYears
            for (number, (event, entries)) in zip(contract.events, columns.events).enumerated() {
                var record = Event(contract: contract.name, number: number + 1, startUTC: Horizon.format(epochSeconds: event.startEpochSeconds),
                                   endUTC: Horizon.format(epochSeconds: event.endEpochSeconds),
                                   announcedUTC: Horizon.format(epochSeconds: event.startEpochSeconds - Int64((contract.noticeHours * 3600).rounded())),
                                   steps: entries.map(\.step), levelMW: contract.baselineMW - committed)
                for entry in entries {
                    let imported = model.gridImport.map { values[$0[entry.step].index] }.reduce(0, +)
                    record.maxImportMW = max(record.maxImportMW, imported)
                    // The import above the level (what the shortfall column equals at an optimum with
                    // a positive penalty), within 1e-6 MW of the level counted as delivered: an interior
                    // point stops about that close to a binding row.
                    let excess = imported - record.levelMW
                    record.shortfallMWh += (excess > 1e-6 * max(1, record.levelMW) ? excess : 0) * hours
                }
                record.penaltyUSD = record.shortfallMWh * contract.penaltyUSDPerMWh
                outcome.totals.penaltyUSD += record.penaltyUSD
                outcome.totals.shortfallMWh += record.shortfallMWh
                if !entries.isEmpty {
                    outcome.totals.events += 1
                    if record.delivered { outcome.totals.eventsDelivered += 1 }
                }
                outcome.events.append(record)
            }
        }
        return outcome
    }

    /// Fills each event's attribution by differencing this schedule (`with`, the contracts in)
    /// and `reference` (the same site solved without them) over the event's steps, and the
    /// totals' reduction, net value and delivery cost.
    public mutating func attribute(with schedule: Schedule, reference: Schedule, site: Site) {
        let hours = site.horizon.stepHours, idle = site.itFleet.idleFraction
        var reduction = 0.0
        for index in events.indices {
            var parts = Attribution()
            for t in events[index].steps {
                let a = schedule.steps[t], b = reference.steps[t]
                parts.importReductionMWh += (b.gridImportMW - a.gridImportMW) * hours
                let training = (1 - idle) * (b.trainingMW - a.trainingMW) * hours
                let shed = (1 - idle) * (a.inferenceShedMW - b.inferenceShedMW) * hours
                parts.trainingMWh += training
                parts.inferenceShedMWh += shed
                parts.itOtherMWh += (b.itMW - a.itMW) * hours - training - shed
                parts.batteryMWh += ((a.batteryDischargeMW - a.batteryChargeMW) - (b.batteryDischargeMW - b.batteryChargeMW)) * hours
                parts.backupMWh += (a.backupMW - b.backupMW) * hours
                parts.smrMWh += (a.smrMW - b.smrMW) * hours
                parts.renewablesMWh += (a.solarMW + a.windMW - b.solarMW - b.windMW) * hours
                parts.coolingMWh += (b.coolingMW - a.coolingMW) * hours
                parts.lossesMWh += ((b.lossesMW + b.dumpMW + b.heatPumpMW) - (a.lossesMW + a.dumpMW + a.heatPumpMW)) * hours
                parts.exportMWh += (b.gridExportMW - a.gridExportMW) * hours
            }
            events[index].attribution = parts
            reduction += parts.importReductionMWh
        }
        totals.importReductionMWh = reduction
        totals.netValueUSD = reference.kpis.objectiveUSD - schedule.kpis.objectiveUSD
        totals.deliveryCostUSD = schedule.kpis.objectiveUSD + totals.paymentUSD - totals.penaltyUSD - reference.kpis.objectiveUSD
    }

    /// `events.csv` (docs/results-schema.md): one row per event; the attribution columns are
    /// empty until ``attribute(with:reference:site:)`` ran.
    public static let eventColumns = [
        "contract", "event", "start_utc", "end_utc", "announced_utc", "steps", "level_mw", "max_import_mw", "shortfall_mwh",
        "penalty_usd", "delivered", "import_reduction_mwh", "training_mwh", "inference_shed_mwh", "it_other_mwh", "battery_mwh",
        "backup_mwh", "smr_mwh", "renewables_mwh", "cooling_mwh", "losses_mwh", "export_mwh",
    ]

    public func eventsCSV() -> String {
        var text = Self.eventColumns.joined(separator: ",") + "\n"
        for event in events {
            var fields = [RunWriter.csvField(event.contract), "\(event.number)", event.startUTC, event.endUTC, event.announcedUTC,
                          "\(event.steps.count)", RunWriter.number(event.levelMW), RunWriter.number(event.maxImportMW),
                          RunWriter.number(event.shortfallMWh), RunWriter.number(event.penaltyUSD), event.delivered ? "true" : "false"]
            if let parts = event.attribution {
                fields += [parts.importReductionMWh, parts.trainingMWh, parts.inferenceShedMWh, parts.itOtherMWh, parts.batteryMWh,
                           parts.backupMWh, parts.smrMWh, parts.renewablesMWh, parts.coolingMWh, parts.lossesMWh, parts.exportMWh].map(RunWriter.number)
            } else {
                fields += Array(repeating: "", count: 11)
            }
            text += fields.joined(separator: ",") + "\n"
        }
        return text
    }
}

/// Attributes a solved site's demand-response events by solving it again without its contracts
/// (`flexibility` removed) and differencing the two schedules (``DemandResponseOutcome/attribute(with:reference:site:)``).
public enum DemandResponseAttribution {
    /// `outcome` with its events attributed; unchanged when it has no schedule or the reference
    /// solve finds none (the attribution columns then stay empty).
    public static func attribute(_ outcome: OperatingSolve.Outcome, site: Site, solver: SolverOptions,
                                 compile: CompileOptions) throws -> OperatingSolve.Outcome {
        guard let schedule = outcome.schedule, var demandResponse = schedule.demandResponse else { return outcome }
        var reference = site
        reference.flexibility = nil
        let solved = try OperatingSolve.run(reference, solver: solver, compile: compile)
        guard solved.result.status == .optimal, let baseline = solved.schedule else { return outcome }
        demandResponse.attribute(with: schedule, reference: baseline, site: site)
        var attributed = outcome
        attributed.schedule?.demandResponse = demandResponse
        return attributed
    }
}
