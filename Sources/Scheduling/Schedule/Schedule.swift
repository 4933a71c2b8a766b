import Foundation
import Island
import Optimization

/// A solved schedule: per-step dispatch in MW at component terminals, and its KPIs.
///
/// Every row satisfies the site balance
/// `smr + grid_import + solar + wind + battery_discharge + backup =
///  grid_export + battery_charge + it + cooling + losses` (to solver tolerance), where
/// `losses` is every conversion and conduction loss.
public struct Schedule: Sendable {
    public struct Step: Sendable {
        public var timestampUTC: String
        public var smrMW = 0.0
        public var gridImportMW = 0.0
        public var gridExportMW = 0.0
        public var solarMW = 0.0
        public var windMW = 0.0
        public var batteryChargeMW = 0.0
        public var batteryDischargeMW = 0.0
        public var batterySOCMWh = 0.0
        public var backupMW = 0.0
        public var itMW = 0.0
        public var inferenceMW = 0.0
        public var inferenceShedMW = 0.0
        public var trainingMW = 0.0
        public var idleMW = 0.0
        public var coolingMW = 0.0
        public var lossesMW = 0.0
        public var curtailmentMW = 0.0
        public var cop = 0.0
        public var pue = 0.0
        public var gridCarbonGramsPerKWh = 0.0
        public var emissionsTonnes = 0.0
        public var cfeShare = 0.0
        public var marginalPriceUSDPerMWh = 0.0
        public var itCapacityMW = 0.0
        public var maxDieC: Double?
        /// Ambient dry-bulb temperature, C, when the site has weather (reports plot COP against it).
        public var dryBulbC: Double?

        /// Power dumped (turbine bypass or load bank; without a dump, surplus burned above the
        /// busway's loss curve with its cooling), MW.
        public var dumpMW = 0.0
        /// Conversion losses carried by exported power (part of `lossesMW`), MW.
        public var exportPathLossesMW = 0.0
        /// Conversion losses carried by dumped power (part of `lossesMW`), MW.
        public var dumpPathLossesMW = 0.0
        /// Marginal cost of one more MWh of IT energy in this step (bus duals), USD/MWh; NaN without duals.
        public var itMarginalCostUSDPerMWh = 0.0
        /// Heat delivered to the offtaker (`heat_reuse`), MW thermal.
        public var heatReuseMW = 0.0
        /// Heat pump electricity for that heat, MW (at the pump; a sink in the balance).
        public var heatPumpMW = 0.0
        /// Make-up water of a wet tower in the step, m³ (0 without `cooling.water`).
        public var waterCubicMetres = 0.0
        /// Water usage effectiveness of the step: water / IT energy, L/kWh (= m³/MWh).
        public var wueLitresPerKWhIT = 0.0

        /// Inference tokens served per second (0 without a token rate), tokens/s.
        public var inferenceTokensPerSecond = 0.0
        /// Inference tokens shed per second, tokens/s.
        public var inferenceShedTokensPerSecond = 0.0
        /// Training tokens processed per second, over the jobs with a token rate, tokens/s.
        public var trainingTokensPerSecond = 0.0
        /// Power drawn by inference racks over their full power (1 uncapped; 0 without inference).
        public var inferencePowerFraction = 0.0
        /// Power drawn by training racks over their full power (1 uncapped; 0 without training).
        public var trainingPowerFraction = 0.0
        /// Cost of the facility's energy in the step (supply cost + its share of demand charges),
        /// USD: what `it_energy_cost_usd` sums, and what token KPIs allocate.
        public var itEnergyCostUSD = 0.0

        /// Sources minus sinks minus losses, MW: zero when the balance closes.
        public var balanceResidualMW: Double {
            smrMW + gridImportMW + solarMW + windMW + batteryDischargeMW + backupMW
                - (gridExportMW + batteryChargeMW + itMW + coolingMW + heatPumpMW + lossesMW + dumpMW)
        }

        /// Losses on power that served the facility: all losses but the export and dump paths', MW.
        public var facilityLossesMW: Double { lossesMW - exportPathLossesMW - dumpPathLossesMW }
    }

    public struct Job: Sendable {
        public var name: String
        public var requiredMWh: Double
        public var deliveredMWh: Double
        public var undeliveredMWh: Double
        public var releaseUTC: String
        public var deadlineUTC: String
        public var firstStepWithPower: String?
        public var lastStepWithPower: String?
        /// End of the step in which the job's cumulative energy reached its requirement.
        public var completionUTC: String?
        /// Per-step power of the job over the whole horizon, MW.
        public var powerMW: [Double]
        /// IT energy drawn, MWh (with a performance curve less than `deliveredMWh`, which is
        /// full-power-equivalent work).
        public var drawnMWh = 0.0
        /// Per-step work of the job over the whole horizon, full-power-equivalent MW (its power
        /// without a performance curve).
        public var workMW: [Double] = []
        /// Tokens processed; nil when the job has no token rate.
        public var tokens: Double?
        /// Facility energy cost and location-based emissions allocated to the job (docs/results-schema.md, "Token KPIs").
        public var allocatedCostUSD = 0.0
        public var allocatedEmissionsTonnes = 0.0
        /// IT energy allocated to the job (drawn plus its share of idle racks), MWh.
        public var allocatedITEnergyMWh = 0.0
        /// Deepest cap allowed (1 without a curve) and the lowest power fraction it ran at.
        public var minimumPowerFraction = 1.0
        /// Runs of the job: each a stretch of steps with its running flag on (power > 0 without
        /// a pause model); `starts` = their count, pauses = the gaps between them.
        public var starts = 0
        public var pauses: [Pause] = []
        /// Energy the job's starts lost (restart energy x starts, as the LP counted it), MWh.
        public var restartEnergyMWh = 0.0
        /// Restart cost x starts, as the LP counted it, USD.
        public var restartCostUSD = 0.0
    }

    /// A stretch with the job stopped between two of its runs.
    public struct Pause: Sendable, Equatable {
        public var job: String
        /// Start of the first paused step.
        public var startUTC: String
        /// End of the last paused step (the next run's start).
        public var endUTC: String
        public var hours: Double

        public init(job: String, startUTC: String, endUTC: String, hours: Double) {
            self.job = job
            self.startUTC = startUTC
            self.endUTC = endUTC
            self.hours = hours
        }
    }

    public var steps: [Step]
    public var jobs: [Job]
    public var kpis: KPIs
    /// The capacities a plan chose (empty for an operating site with fixed capacities).
    public var capacities: [InstalledCapacity] = []
    /// Demand-response contracts' events and payments (`flexibility`); nil without contracts.
    public var demandResponse: DemandResponseOutcome?
}
