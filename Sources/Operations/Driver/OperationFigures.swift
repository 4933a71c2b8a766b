import Foundation
import Island
import Scheduling

/// Cost, emissions and service of a run over its whole period, the same figures for the
/// realised operation and for the perfect-foresight optimum (USD, t, MWh, MW).
///
/// `objective_usd` = energy + SMR + backup + battery throughput + demand charge + carbon +
/// lost inference + undelivered training - export revenue, as in `docs/formulation.md`, section 5.
public struct OperationFigures: Sendable, Codable, Equatable {
    public var objectiveUSD = 0.0
    public var energyCostUSD = 0.0
    public var smrCostUSD = 0.0
    public var backupCostUSD = 0.0
    public var batteryThroughputCostUSD = 0.0
    public var demandChargeUSD = 0.0
    public var carbonCostUSD = 0.0
    public var lostInferencePenaltyUSD = 0.0
    public var undeliveredTrainingPenaltyUSD = 0.0
    public var exportRevenueUSD = 0.0
    public var emissionsTonnes = 0.0
    public var gridImportMWh = 0.0
    public var gridExportMWh = 0.0
    public var peakGridImportMW = 0.0
    public var trainingRequiredMWh = 0.0
    public var trainingDeliveredMWh = 0.0
    public var trainingDeliveredShare = 1.0
    public var inferenceDemandMWh = 0.0
    public var inferenceServedMWh = 0.0
    public var inferenceServedShare = 1.0
    /// Inference shed over the steps that shed more than solver tolerance, and those steps'
    /// hours (as `insula solve` counts them: the expected energy not served over outage draws).
    public var inferenceShedMWh = 0.0
    public var inferenceShedHours = 0.0
    /// Unit-hours of SMR forced outage in the applied draw (0 without one).
    public var smrForcedOutageUnitHours = 0.0

    public init() {}

    /// The figures of one solved schedule of the whole period (the perfect-foresight optimum).
    /// `objective_usd` is the sum of the same terms the realised run counts, not the LP's
    /// objective: that can hold more (the busway loss tie-break, water, heat sold, restart
    /// costs), which would make the value of perfect information wrong by their amount (on the
    /// example site the tie-break alone is about 1,700 USD a month).
    public init(site: Site, kpis: KPIs) {
        energyCostUSD = kpis.energyCostUSD
        smrCostUSD = kpis.smrCostUSD
        backupCostUSD = kpis.backupCostUSD
        batteryThroughputCostUSD = kpis.batteryThroughputCostUSD
        demandChargeUSD = kpis.demandChargeUSD
        carbonCostUSD = kpis.carbonCostUSD
        lostInferencePenaltyUSD = kpis.lostInferencePenaltyUSD
        undeliveredTrainingPenaltyUSD = kpis.undeliveredTrainingPenaltyUSD
        exportRevenueUSD = kpis.exportRevenueUSD
        emissionsTonnes = kpis.emissionsTonnes
        gridImportMWh = kpis.gridImportMWh
        gridExportMWh = kpis.gridExportMWh
        peakGridImportMW = kpis.peakGridImportMW
        trainingRequiredMWh = site.trainingJobs.map(\.energyMWh).reduce(0, +)
        // Work delivered and served (with a performance curve, more than the energy drawn).
        trainingDeliveredMWh = kpis.trainingDeliveredShare * trainingRequiredMWh
        inferenceDemandMWh = site.inference.demandMW.reduce(0, +) * site.horizon.stepHours
        inferenceServedMWh = kpis.inferenceServedShare * inferenceDemandMWh
        inferenceShedMWh = kpis.inferenceShedMWh
        inferenceShedHours = kpis.inferenceShedHours
        smrForcedOutageUnitHours = kpis.smrForcedOutageUnitHours
        finishShares()
        finishObjective()
    }

    mutating func finishShares() {
        trainingDeliveredShare = trainingRequiredMWh > 0 ? min(1, trainingDeliveredMWh / trainingRequiredMWh) : 1
        inferenceServedShare = inferenceDemandMWh > 0 ? inferenceServedMWh / inferenceDemandMWh : 1
    }

    mutating func finishObjective() {
        objectiveUSD = energyCostUSD + smrCostUSD + backupCostUSD + batteryThroughputCostUSD + demandChargeUSD + carbonCostUSD
            + lostInferencePenaltyUSD + undeliveredTrainingPenaltyUSD - exportRevenueUSD
    }

    enum CodingKeys: String, CodingKey {
        case objectiveUSD = "objective_usd", energyCostUSD = "energy_cost_usd", smrCostUSD = "smr_cost_usd"
        case backupCostUSD = "backup_cost_usd", batteryThroughputCostUSD = "battery_throughput_cost_usd"
        case demandChargeUSD = "demand_charge_usd", carbonCostUSD = "carbon_cost_usd"
        case lostInferencePenaltyUSD = "lost_inference_penalty_usd", undeliveredTrainingPenaltyUSD = "undelivered_training_penalty_usd"
        case exportRevenueUSD = "export_revenue_usd", emissionsTonnes = "emissions_t"
        case gridImportMWh = "grid_import_mwh", gridExportMWh = "grid_export_mwh", peakGridImportMW = "peak_grid_import_mw"
        case trainingRequiredMWh = "training_required_mwh", trainingDeliveredMWh = "training_delivered_mwh"
        case trainingDeliveredShare = "training_delivered_share", inferenceDemandMWh = "inference_demand_mwh"
        case inferenceServedMWh = "inference_served_mwh", inferenceServedShare = "inference_served_share"
        case inferenceShedMWh = "inference_shed_mwh", inferenceShedHours = "inference_shed_hours"
        case smrForcedOutageUnitHours = "smr_forced_outage_unit_hours"
    }
}
