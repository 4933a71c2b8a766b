/// Key figures of a schedule: costs in USD, energy in MWh, emissions in t.
public struct KPIs: Sendable, Codable {
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
    /// Capital of what a plan adds, annualised (capital recovery factor) and charged for the
    /// horizon's share of a year; 0 for an operating site.
    public var annualisedCapexUSD = 0.0
    /// Fixed O&M of a plan's sized assets for the horizon's share of a year.
    public var fixedOMUSD = 0.0

    public var smrEnergyMWh = 0.0
    public var gridImportMWh = 0.0
    public var gridExportMWh = 0.0
    public var solarEnergyMWh = 0.0
    public var windEnergyMWh = 0.0
    public var backupEnergyMWh = 0.0
    public var batteryDischargeMWh = 0.0
    public var batteryChargeMWh = 0.0
    public var itEnergyMWh = 0.0
    public var inferenceEnergyMWh = 0.0
    public var trainingEnergyMWh = 0.0
    public var coolingEnergyMWh = 0.0
    public var lossesEnergyMWh = 0.0
    public var curtailmentMWh = 0.0

    public var inferenceServedShare = 1.0
    public var trainingDeliveredShare = 1.0
    public var emissionsTonnes = 0.0
    public var carbonIntensityGramsPerKWhIT = 0.0
    public var cfeScore = 0.0
    public var pue = 0.0
    public var peakGridImportMW = 0.0
    public var batteryCycles = 0.0
    /// USD saved per tonne of extra carbon cap (0 without a cap); nil when the solve has no
    /// duals (a MIP), written as JSON null rather than a made-up 0.
    public var carbonShadowPriceUSDPerTonne: Double? = 0
    /// USD saved per MW of extra site import limit in every step; nil as above.
    public var importLimitShadowPriceUSDPerMW: Double? = 0
    public var maxBalanceResidualMW = 0.0

    /// All zero (shares one): for tools that need the field names, such as the batch store's columns.
    public init() {}

    /// The KPI columns of `summary.csv` / keys of `summary.json`.
    public static let columnNames: Set<String> = Set(CodingKeys.allCases.map(\.rawValue))

    enum CodingKeys: String, CodingKey, CaseIterable {
        case objectiveUSD = "objective_usd", energyCostUSD = "energy_cost_usd", smrCostUSD = "smr_cost_usd"
        case backupCostUSD = "backup_cost_usd", batteryThroughputCostUSD = "battery_throughput_cost_usd"
        case demandChargeUSD = "demand_charge_usd", carbonCostUSD = "carbon_cost_usd"
        case lostInferencePenaltyUSD = "lost_inference_penalty_usd", undeliveredTrainingPenaltyUSD = "undelivered_training_penalty_usd"
        case exportRevenueUSD = "export_revenue_usd"
        case annualisedCapexUSD = "annualised_capex_usd", fixedOMUSD = "fixed_om_usd"
        case smrEnergyMWh = "smr_mwh", gridImportMWh = "grid_import_mwh", gridExportMWh = "grid_export_mwh"
        case solarEnergyMWh = "solar_mwh", windEnergyMWh = "wind_mwh", backupEnergyMWh = "backup_mwh"
        case batteryDischargeMWh = "battery_discharge_mwh", batteryChargeMWh = "battery_charge_mwh"
        case itEnergyMWh = "it_energy_mwh", inferenceEnergyMWh = "inference_energy_mwh", trainingEnergyMWh = "training_energy_mwh"
        case coolingEnergyMWh = "cooling_energy_mwh", lossesEnergyMWh = "losses_mwh", curtailmentMWh = "curtailment_mwh"
        case inferenceServedShare = "inference_served_share", trainingDeliveredShare = "training_delivered_share"
        case emissionsTonnes = "emissions_t", carbonIntensityGramsPerKWhIT = "carbon_intensity_g_per_kwh_it"
        case cfeScore = "cfe_score", pue, peakGridImportMW = "peak_grid_import_mw", batteryCycles = "battery_cycles"
        case carbonShadowPriceUSDPerTonne = "carbon_shadow_price_usd_per_t"
        case importLimitShadowPriceUSDPerMW = "import_limit_shadow_price_usd_per_mw"
        case maxBalanceResidualMW = "max_balance_residual_mw"
    }
}
