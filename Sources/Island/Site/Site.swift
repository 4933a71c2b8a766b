import Foundation

/// A fully resolved, validated site: every series has exactly `horizon.steps` values in UTC order.
public struct Site: Sendable, Equatable {
    /// A file the site was built from, for the run manifest.
    public struct InputFile: Sendable, Equatable {
        /// The path as written (site file: as given to the loader; data files: as in the site file).
        public var path: String
        public var url: URL
        /// Lower-case hex SHA-256 of the file's bytes.
        public var sha256: String
    }

    public var name: String
    public var siteFileURL: URL
    public var horizon: Horizon
    public var weather: Weather?
    public var smr: SMRFleet?
    public var gridFeeds: [GridFeed]
    public var renewables: [Renewable]
    public var batteries: [Battery]
    public var backupGenerators: [BackupGenerator]
    public var distribution: PowerDistribution
    public var itFleet: ITFleet
    public var inference: InferenceWorkload
    public var trainingJobs: [TrainingJob]
    public var cooling: CoolingPlant
    /// Plant COP per step (heat / electricity), from weather or the constant `cooling.cop`.
    public var copSeries: [Double]
    /// Share of heat removed by the economiser per step (0 with a constant COP).
    public var freeCoolingShare: [Double]
    /// Facility water supply temperature per step, C: the chiller setpoint, or floating with the
    /// weather for a plant without a chiller.
    public var facilitySupplyC: [Double]
    /// The racks' cooling path (`thermal` section); when present, each step's IT capacity is
    /// also limited by the hottest die at that step's facility supply temperature.
    public var thermal: RackThermalSpec?
    public var carbon: CarbonPolicy
    public var limits: SiteLimits
    /// Where surplus goes when it can neither be used, stored nor exported (`dump`); nil: nowhere.
    public var dump: Dump?
    /// Heat sold from the facility water (`heat_reuse`); nil: none.
    public var heatReuse: HeatReuse?
    /// Embodied carbon factors per asset class (`embodied_carbon`); empty: not reported.
    public var embodiedCarbon = EmbodiedCarbon()
    /// Discount rate for capital costs (`investment` section).
    public var investment = InvestmentPolicy()
    /// Demand-response contracts on the grid import (`flexibility`); nil: none.
    public var flexibility: Flexibility?
    /// Shared power caps over training jobs (`workloads.training_groups`).
    public var trainingGroups: [TrainingGroup] = []
    /// Investment periods of a multi-period build-out (`periods`); nil: a single-year plan.
    public var buildOut: BuildOut?
    /// With ``buildOut``: each period's site (its overrides, series year and demand applied), in
    /// period order; empty otherwise.
    public var periodSites: [Site] = []
    /// Representative days for a capacity plan (`aggregation`); nil: every step.
    public var aggregation: TimeAggregation?
    /// Set on a site whose steps are representative periods of a longer horizon (built by
    /// ``representing(_:representative:)``); nil on a site read from a file.
    public var representativePeriods: RepresentativePeriods?
    /// The site file first, then every data file, in first-use order.
    public var inputFiles: [InputFile]
    /// Overrides applied to the site file (`--set`, batch scenarios), as `path=value` with the
    /// value in canonical flow YAML, in the order applied.
    public var overrides: [String] = []
    /// Suspicious but valid inputs found while loading (`SeriesWarnings`); printed by `validate`
    /// and `solve` and recorded in `summary.json` and `manifest.json`.
    public var warnings: [SiteIssue] = []

    /// SHA-256 over the input files' hashes (in order) and the overrides: one fingerprint of
    /// everything the run depends on. Without overrides it is the hash of the file hashes alone.
    public var inputsSHA256: String {
        var lines = inputFiles.map(\.sha256)
        if !overrides.isEmpty { lines += ["overrides"] + overrides }
        return SHA256.hexDigest(Data(lines.joined(separator: "\n").utf8))
    }

    /// Heat reuse per step: facility heat recovered and heat pump electricity per MWh delivered,
    /// lifting from the facility's return water (supply + `return_delta_k`); nil without `heat_reuse`.
    public var heatReuseSplit: [(recoveredMWh: Double, electricityMWh: Double)]? {
        guard let heatReuse else { return nil }
        return facilitySupplyC.map { heatReuse.split(sourceC: $0 + cooling.returnDeltaK) }
    }

    /// Make-up water per MWh of heat drawn from the IT bus, per step, m³/MWh (`cooling.water`,
    /// a wet tower at the step's wet bulb); nil without a water model.
    public var waterCubicMetresPerMWhHeat: [Double]? {
        guard let water = cooling.water, let weather else { return nil }
        return zip(weather.wetBulbC, copSeries).map { water.cubicMetresPerMWhHeat(wetBulbC: $0, cop: $1) }
    }

    /// Import intensity the LP prices and caps, per feed and step: average, or marginal when
    /// `carbon.decision_factor` is marginal and the feed gives a marginal series.
    public func decisionIntensity(_ feed: GridFeed) -> [Double] {
        carbon.decisionFactor == .marginal ? (feed.marginalCarbonIntensityGramsPerKWh ?? feed.carbonIntensityGramsPerKWh)
            : feed.carbonIntensityGramsPerKWh
    }
}
