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
    /// Training jobs' restart costs (`pause.restart_cost_usd` x starts), USD (in the objective).
    public var trainingRestartCostUSD = 0.0
    /// Energy training jobs lost to restarts (`pause.restart_energy_mwh` x starts), MWh.
    public var trainingRestartEnergyMWh = 0.0
    /// Pauses taken by all training jobs (gaps between runs).
    public var trainingPauses = 0
    /// With relaxed pause models: the exact model's optimum lies between the objective (a lower
    /// bound) and the objective + this, USD (``OperatingSolve`` re-solves with the running flags
    /// rounded; docs/formulation.md, 4.13); nil without relaxed jobs or when the rounding fails.
    /// (0 in `KPIs()` so that the key names a column of the batch store, as `emissionsMarginalTonnes`.)
    public var trainingPauseGapBoundUSD: Double? = 0
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

    // MARK: Energy not served (docs/results-schema.md, "Outage KPIs")
    /// Inference demand shed over the horizon, MWh: the run's energy not served (its mean over
    /// outage draws is the expected energy not served). Steps shedding no more than solver
    /// tolerance (1e-6 of the step's demand, at least 1e-6 MW) count as 0.
    public var inferenceShedMWh = 0.0
    /// Hours of the steps that shed inference (more than that tolerance).
    public var inferenceShedHours = 0.0
    /// Training energy missing at the jobs' deadlines (sum of `jobs.csv` `undelivered_mwh`, a job's
    /// shortfall below 1e-6 of its energy read as 0), MWh.
    public var trainingUndeliveredMWh = 0.0
    /// Unit-hours of steps in which an SMR unit is unavailable only because of a forced outage
    /// of the applied draw (a step partly in a forced outage counts whole, as the availability does).
    public var smrForcedOutageUnitHours = 0.0
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

    // MARK: Facility and trade (docs/results-schema.md, "KPIs")
    /// PUE with every loss counted, export and dump paths included (the old `pue`).
    public var grossPUE = 0.0
    /// Losses on power that served the facility (IT, cooling, storage), MWh.
    public var facilityLossesMWh = 0.0
    /// Conversion losses carried by exported power, MWh.
    public var exportPathLossesMWh = 0.0
    /// Conversion losses carried by dumped power, MWh.
    public var dumpPathLossesMWh = 0.0
    /// Energy dumped (the dump column, plus surplus an LP without a dump burned above the busway's curve), MWh.
    public var dumpMWh = 0.0
    /// The part of `dump_mwh` burned above the busway's loss curve (only without a dump), MWh.
    public var surplusInLossesMWh = 0.0
    /// Cost of the dump column, USD.
    public var dumpCostUSD = 0.0
    /// Tie-break costs on loss-making circulation (sites with a dump), USD.
    public var lossTieBreakUSD = 0.0
    /// Supply cost (energy + carbon + battery throughput) of the facility's energy, plus demand charges, USD.
    public var itEnergyCostUSD = 0.0
    public var itEnergyCostUSDPerMWhIT = 0.0
    /// IT energy at its marginal cost (bus duals), USD; nil without duals (MIP).
    public var itEnergyMarginalCostUSD: Double? = 0
    public var itEnergyMarginalCostUSDPerMWhIT: Double? = 0
    /// Supply cost carried by exported power, USD.
    public var exportSupplyCostUSD = 0.0
    /// Supply cost carried by dumped power, USD.
    public var dumpedSupplyCostUSD = 0.0
    /// Export revenue minus the supply cost of what was exported, USD.
    public var netTradingRevenueUSD = 0.0
    /// SMR energy over installed capacity x horizon hours.
    public var smrCapacityFactor = 0.0
    /// Hours the SMR fleet ran at its minimum stable load (with units available).
    public var smrHoursAtMinimumLoad = 0.0

    /// Make-up water of a wet tower over the horizon, m³.
    public var waterCubicMetres = 0.0
    /// Water usage effectiveness: water / IT energy, L/kWh (The Green Grid WUE).
    public var wueLitresPerKWhIT = 0.0
    /// Water x `cooling.water.price_usd_per_m3`, USD (in the objective).
    public var waterCostUSD = 0.0

    /// Heat delivered to an offtaker, MWh thermal.
    public var heatReuseMWh = 0.0
    /// Heat pump electricity for it, MWh (inside the facility boundary).
    public var heatPumpMWh = 0.0
    /// Heat delivered x its price, USD (in the objective, negative).
    public var heatRevenueUSD = 0.0
    /// Energy reuse effectiveness: (facility energy - heat reused) / IT energy (The Green Grid).
    public var ere = 0.0

    // MARK: Carbon accounting
    /// Market-based: imports not covered by contractual instruments at the residual mix, t.
    public var emissionsMarketTonnes = 0.0
    /// Imports at the marginal factor; nil unless a feed gives a marginal series.
    public var emissionsMarginalTonnes: Double? = 0
    /// On-site sources at their life-cycle factors, imports and backup at their given factors, t.
    public var emissionsLifeCycleTonnes = 0.0
    /// Imports covered by PPAs (hourly and annual), MWh.
    public var ppaMatchedMWh = 0.0
    /// Imports covered by certificates, MWh.
    public var certificatesAppliedMWh = 0.0
    /// Contracted volume left without imports to cover, MWh.
    public var unusedInstrumentsMWh = 0.0
    /// PPA volume x price + certificates x price (fixed contracts, not in the objective), USD.
    public var instrumentCostUSD = 0.0
    /// Embodied carbon of installed assets amortised over the horizon, t (sum of the next six).
    public var embodiedCarbonTonnes = 0.0
    /// `embodied_carbon_t` x carbon price, in the objective when `carbon.embodied_in_decisions`.
    public var embodiedCarbonCostUSD = 0.0
    public var embodiedSMRTonnes = 0.0
    public var embodiedSolarTonnes = 0.0
    public var embodiedWindTonnes = 0.0
    public var embodiedBatteryTonnes = 0.0
    public var embodiedBackupTonnes = 0.0
    public var embodiedRacksTonnes = 0.0

    // MARK: Tokens (docs/results-schema.md, "Token KPIs"); 0 when no workload has a token rate
    public var tokensServed = 0.0
    public var inferenceTokensServed = 0.0
    public var inferenceTokensShed = 0.0
    public var trainingTokensServed = 0.0
    /// IT energy allocated to token-producing workloads over their tokens, J/token.
    public var energyPerTokenJoules = 0.0
    public var inferenceEnergyPerTokenJoules = 0.0
    public var trainingEnergyPerTokenJoules = 0.0
    /// Facility energy cost allocated to token-producing workloads per million tokens, USD.
    public var costUSDPerMillionTokens = 0.0
    public var inferenceCostUSDPerMillionTokens = 0.0
    public var trainingCostUSDPerMillionTokens = 0.0
    /// Location-based emissions allocated to token-producing workloads per thousand tokens, g.
    public var emissionsGramsPerThousandTokens = 0.0
    public var inferenceEmissionsGramsPerThousandTokens = 0.0
    public var trainingEmissionsGramsPerThousandTokens = 0.0
    /// Share of served inference work done by racks below full power.
    public var inferenceCappedShare = 0.0
    /// Share of delivered training work done by racks below full power.
    public var trainingCappedShare = 0.0

    /// All zero (shares one): for tools that need the field names, such as the batch store's columns.
    public init() {}

    /// The KPI columns of `summary.csv` / keys of `summary.json`.
    public static let columnNames: Set<String> = Set(CodingKeys.allCases.map(\.rawValue))

    enum CodingKeys: String, CodingKey, CaseIterable {
        case objectiveUSD = "objective_usd", energyCostUSD = "energy_cost_usd", smrCostUSD = "smr_cost_usd"
        case backupCostUSD = "backup_cost_usd", batteryThroughputCostUSD = "battery_throughput_cost_usd"
        case demandChargeUSD = "demand_charge_usd", carbonCostUSD = "carbon_cost_usd"
        case lostInferencePenaltyUSD = "lost_inference_penalty_usd", undeliveredTrainingPenaltyUSD = "undelivered_training_penalty_usd"
        case trainingRestartCostUSD = "training_restart_cost_usd", trainingRestartEnergyMWh = "training_restart_energy_mwh"
        case trainingPauses = "training_pauses", trainingPauseGapBoundUSD = "training_pause_gap_bound_usd"
        case exportRevenueUSD = "export_revenue_usd"
        case annualisedCapexUSD = "annualised_capex_usd", fixedOMUSD = "fixed_om_usd"
        case smrEnergyMWh = "smr_mwh", gridImportMWh = "grid_import_mwh", gridExportMWh = "grid_export_mwh"
        case solarEnergyMWh = "solar_mwh", windEnergyMWh = "wind_mwh", backupEnergyMWh = "backup_mwh"
        case batteryDischargeMWh = "battery_discharge_mwh", batteryChargeMWh = "battery_charge_mwh"
        case itEnergyMWh = "it_energy_mwh", inferenceEnergyMWh = "inference_energy_mwh", trainingEnergyMWh = "training_energy_mwh"
        case coolingEnergyMWh = "cooling_energy_mwh", lossesEnergyMWh = "losses_mwh", curtailmentMWh = "curtailment_mwh"
        case inferenceServedShare = "inference_served_share", trainingDeliveredShare = "training_delivered_share"
        case inferenceShedMWh = "inference_shed_mwh", inferenceShedHours = "inference_shed_hours"
        case trainingUndeliveredMWh = "training_undelivered_mwh", smrForcedOutageUnitHours = "smr_forced_outage_unit_hours"
        case emissionsTonnes = "emissions_t", carbonIntensityGramsPerKWhIT = "carbon_intensity_g_per_kwh_it"
        case cfeScore = "cfe_score", pue, peakGridImportMW = "peak_grid_import_mw", batteryCycles = "battery_cycles"
        case carbonShadowPriceUSDPerTonne = "carbon_shadow_price_usd_per_t"
        case importLimitShadowPriceUSDPerMW = "import_limit_shadow_price_usd_per_mw"
        case maxBalanceResidualMW = "max_balance_residual_mw"
        case grossPUE = "gross_pue", facilityLossesMWh = "facility_losses_mwh", exportPathLossesMWh = "export_path_losses_mwh"
        case dumpPathLossesMWh = "dump_path_losses_mwh", dumpMWh = "dump_mwh", surplusInLossesMWh = "surplus_in_losses_mwh"
        case dumpCostUSD = "dump_cost_usd", lossTieBreakUSD = "loss_tie_break_usd"
        case itEnergyCostUSD = "it_energy_cost_usd", itEnergyCostUSDPerMWhIT = "it_energy_cost_usd_per_mwh_it"
        case itEnergyMarginalCostUSD = "it_energy_marginal_cost_usd", itEnergyMarginalCostUSDPerMWhIT = "it_energy_marginal_cost_usd_per_mwh_it"
        case exportSupplyCostUSD = "export_supply_cost_usd", dumpedSupplyCostUSD = "dumped_supply_cost_usd"
        case netTradingRevenueUSD = "net_trading_revenue_usd", smrCapacityFactor = "smr_capacity_factor"
        case smrHoursAtMinimumLoad = "smr_hours_at_minimum_load"
        case waterCubicMetres = "water_m3", wueLitresPerKWhIT = "wue_l_per_kwh_it", waterCostUSD = "water_cost_usd"
        case heatReuseMWh = "heat_reuse_mwh", heatPumpMWh = "heat_pump_mwh", heatRevenueUSD = "heat_revenue_usd", ere
        case emissionsMarketTonnes = "emissions_market_t", emissionsMarginalTonnes = "emissions_marginal_t"
        case emissionsLifeCycleTonnes = "emissions_life_cycle_t", ppaMatchedMWh = "ppa_matched_mwh"
        case certificatesAppliedMWh = "certificates_applied_mwh", unusedInstrumentsMWh = "unused_instruments_mwh"
        case instrumentCostUSD = "instrument_cost_usd", embodiedCarbonTonnes = "embodied_carbon_t", embodiedCarbonCostUSD = "embodied_carbon_cost_usd"
        case embodiedSMRTonnes = "embodied_smr_t", embodiedSolarTonnes = "embodied_solar_t", embodiedWindTonnes = "embodied_wind_t"
        case embodiedBatteryTonnes = "embodied_battery_t", embodiedBackupTonnes = "embodied_backup_t", embodiedRacksTonnes = "embodied_racks_t"
        case tokensServed = "tokens_served", inferenceTokensServed = "inference_tokens_served"
        case inferenceTokensShed = "inference_tokens_shed", trainingTokensServed = "training_tokens_served"
        case energyPerTokenJoules = "energy_per_token_j", inferenceEnergyPerTokenJoules = "inference_energy_per_token_j"
        case trainingEnergyPerTokenJoules = "training_energy_per_token_j", costUSDPerMillionTokens = "cost_usd_per_million_tokens"
        case inferenceCostUSDPerMillionTokens = "inference_cost_usd_per_million_tokens"
        case trainingCostUSDPerMillionTokens = "training_cost_usd_per_million_tokens"
        case emissionsGramsPerThousandTokens = "emissions_g_per_thousand_tokens"
        case inferenceEmissionsGramsPerThousandTokens = "inference_emissions_g_per_thousand_tokens"
        case trainingEmissionsGramsPerThousandTokens = "training_emissions_g_per_thousand_tokens"
        case inferenceCappedShare = "inference_capped_share", trainingCappedShare = "training_capped_share"
    }
}
