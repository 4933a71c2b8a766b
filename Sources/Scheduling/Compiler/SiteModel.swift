import Island
import Optimization

/// A site compiled into an LP, with the handles needed to read the solution back.
///
/// Column families are per step (`ColumnBlock`s indexed by step); a component absent from
/// the site has no columns. See `docs/formulation.md` for every variable and row.
public struct SiteModel: Sendable {
    public var program: LinearProgram
    /// Per-step IT capacity the LP was built with (electrical, possibly thermally limited), MW.
    public var itCapacityMW: [Double]

    // MARK: Sources
    public var smr: ColumnBlock?
    public var smrOnlineUnits: ColumnBlock?
    public var gridImport: [ColumnBlock] = []
    public var gridExport: [ColumnBlock] = []
    public var gridPeak: [Column?] = []
    public var renewable: [ColumnBlock] = []
    public var batteryCharge: [ColumnBlock] = []
    public var batteryDischarge: [ColumnBlock] = []
    public var batterySOC: [ColumnBlock] = []
    public var backup: [ColumnBlock] = []
    /// Surplus dumped per step (turbine bypass or load bank), MW; nil without a `dump` section.
    public var dump: ColumnBlock?
    /// Tie-break costs on loss-making circulation, charged only with a dump (docs/formulation.md, 4.8).
    public var lossTieBreak: LossTieBreak?

    // MARK: Distribution
    /// Power through the link from the AC bus to the IT bus (measured on the AC side), MW.
    public var linkForward: ColumnBlock
    /// Power through the link from the IT bus back to the AC bus (measured on the IT side), MW.
    public var linkReverse: ColumnBlock
    public var buswayLoss: ColumnBlock

    // MARK: Loads
    public var itPower: ColumnBlock
    public var inferenceShed: ColumnBlock?
    /// Per training job: columns for the steps `job.firstStep...job.lastStep` (offset 0 = first step).
    public var training: [ColumnBlock] = []
    public var trainingUndelivered: [Column?] = []
    /// Per training job: its pause model's columns, nil for a job without `pause`.
    public var trainingPause: [TrainingPauseColumns?] = []
    public var cfeMatched: ColumnBlock?

    // MARK: Rows
    public var acBalance: RowBlock
    public var itBusBalance: RowBlock
    public var itCapacity: RowBlock
    public var carbonCap: Row?
    public var intensityCap: Row?
    public var cfeTarget: Row?
    /// The intensity-cap and CFE rows' per-step terms (nil without either row), for counting
    /// a solution's steps as those rows do (``carbonRatioTally(values:steps:)``).
    public var carbonRatioTerms: CarbonRatioTerms?
    public var siteImportLimit: RowBlock?
    public var trainingEnergy: [Row] = []

    /// Elastic slacks (only in the model built to explain infeasibility).
    public var elastic: ElasticSlacks?
    /// The water cap row (`cooling.water.cap_m3`), if any.
    public var waterCap: Row?
    /// Heat delivered to the offtaker per step, MW (`heat_reuse`).
    public var heatOfftake: ColumnBlock?

    // MARK: Capacity planning
    /// Installed capacity columns, one per sized asset dimension, in ``Site/expansions`` order.
    public var capacities: [(key: ExpansionKey, column: Column)] = []

    /// Integer SMR commitment with minimum up/down times: its rows and start/stop columns
    /// (a window of a longer run binds them to the commitment before it).
    public var smrCommitment: SMRCommitmentRows?

    // MARK: Flexibility
    /// Demand-response contracts' columns, in `flexibility.demand_response` order.
    public var demandResponse: [DemandResponseColumns] = []
    // MARK: Representative periods
    /// Per battery on a site of representative periods: its state of charge between the
    /// original periods and its extremes within each representative one (docs/formulation.md,
    /// 15.3); empty otherwise. ``batterySOC`` then holds the state within each period, relative
    /// to the period's start.
    public var storageLinks: [StorageLink] = []
    // MARK: Power capping
    /// Columns of workloads running below full power on their curves (docs/formulation.md, 4.14).
    public var capping = PowerCappingColumns()
}

/// The rows of integer SMR commitment that look back in time (`docs/formulation.md`, SMR).
public struct SMRCommitmentRows: Sendable {
    /// `units[t] - units[t-1] - startups[t] + shutdowns[t] = 0` (t = 0: against the units online before).
    public var transition: RowBlock
    /// `sum of startups in the last upSteps steps - units[t] <= 0`.
    public var minimumUp: RowBlock
    /// `sum of shutdowns in the last downSteps steps + units[t] <= available[t] + forced outages`.
    public var minimumDown: RowBlock
    public var startups: ColumnBlock
    public var shutdowns: ColumnBlock
    /// Minimum up and down times in steps.
    public var upSteps: Int
    public var downSteps: Int
}

/// Slack columns of the elastic model: how far each limit is missed.
public struct ElasticSlacks: Sendable {
    /// Supply shortfall at the AC bus per step, MW.
    public var supplyShortfall: ColumnBlock
    /// Must-run supply the site can neither use nor export per step, MW.
    public var supplySurplus: ColumnBlock
    /// Unserved must-serve inference per step, MW.
    public var inferenceShortfall: ColumnBlock?
    /// Undelivered energy of hard-deadline training jobs, MWh.
    public var trainingShortfall: [Column?]
    /// Emissions above the cap, t.
    public var carbonExcess: Column?
    /// Emissions above the intensity cap, t.
    public var intensityExcess: Column?
    /// Matched carbon-free energy below the target, MWh.
    public var cfeShortfall: Column?
}
