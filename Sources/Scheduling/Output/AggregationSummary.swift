/// The fields a plan over representative days adds to `summary.json` and `summary.csv`
/// (docs/results-schema.md, "Representative days"): the plan's own estimate beside the full
/// operation the run folder's other files describe, and the aggregation error between them.
public struct AggregationSummary: Sendable, Encodable, Equatable {
    /// K, the representative days chosen by clustering.
    public var representativeDays: Int
    /// Periods of the representative site: the K medoids, extreme days and partial edge days.
    public var representativePeriods: Int
    /// The plan's estimate over the horizon: annualised capital + fixed O&M + operating cost, USD.
    public var planTotalCostUSD: Double?
    public var planEmissionsTonnes: Double?
    /// (verified - estimate) / |verified|: of the total cost, of the operating cost, of emissions.
    public var costError: Double?
    public var operatingCostError: Double?
    public var emissionsError: Double?
    /// Wall time of the plan (clustering, model, solves) and of the full-horizon verification, s.
    public var planSeconds: Double
    public var verificationSeconds: Double?

    public init(representativeDays: Int, representativePeriods: Int, planTotalCostUSD: Double?, planEmissionsTonnes: Double?,
                costError: Double?, operatingCostError: Double?, emissionsError: Double?, planSeconds: Double, verificationSeconds: Double?) {
        self.representativeDays = representativeDays
        self.representativePeriods = representativePeriods
        self.planTotalCostUSD = planTotalCostUSD
        self.planEmissionsTonnes = planEmissionsTonnes
        self.costError = costError
        self.operatingCostError = operatingCostError
        self.emissionsError = emissionsError
        self.planSeconds = planSeconds
        self.verificationSeconds = verificationSeconds
    }

    enum CodingKeys: String, CodingKey, CaseIterable {
        case representativeDays = "representative_days", representativePeriods = "representative_periods"
        case planTotalCostUSD = "plan_total_cost_usd", planEmissionsTonnes = "plan_emissions_t"
        case costError = "aggregation_cost_error", operatingCostError = "aggregation_operating_cost_error"
        case emissionsError = "aggregation_emissions_error", planSeconds = "plan_seconds", verificationSeconds = "verification_seconds"
    }

    /// Every key, null when there is no value.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(representativeDays, forKey: .representativeDays)
        try container.encode(representativePeriods, forKey: .representativePeriods)
        try container.encode(planTotalCostUSD, forKey: .planTotalCostUSD)
        try container.encode(planEmissionsTonnes, forKey: .planEmissionsTonnes)
        try container.encode(costError, forKey: .costError)
        try container.encode(operatingCostError, forKey: .operatingCostError)
        try container.encode(emissionsError, forKey: .emissionsError)
        try container.encode(planSeconds, forKey: .planSeconds)
        try container.encode(verificationSeconds, forKey: .verificationSeconds)
    }

    static let columnNames = Set(CodingKeys.allCases.map(\.rawValue))
}
