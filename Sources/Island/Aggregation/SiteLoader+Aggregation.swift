import Foundation

/// Reading of the `aggregation` section (representative days for `insula plan`), and the
/// checks that need the whole site: enough days, enough representatives for the kinds of day,
/// and no feature a representative day cannot stand for faithfully.
extension SiteLoader {
    static let aggregationKeys = ["representative_days", "method", "utc_offset_hours", "extreme_days", "rescale"]

    /// Reads `aggregation`; `.some(nil)` when absent, nil after reporting a problem.
    static func readAggregation(_ root: MappingReader) -> TimeAggregation?? {
        guard root.has("aggregation") else { return .some(nil) }
        guard let reader = root.mapping("aggregation", allowedKeys: aggregationKeys) else { return nil }
        let days = reader.integer("representative_days", unit: "days", range: .between(1, 100_000), required: true)
        let method = reader.has("method")
            ? reader.choice("method", ["k_medoids": TimeAggregation.Method.kMedoids]) : .kMedoids
        let offset = reader.integer("utc_offset_hours", unit: "hours", range: .between(-12, 14), default: 0)
        let rescale = reader.bool("rescale", default: false)
        var extremes: [TimeAggregation.ExtremeDay] = []
        var valid = true
        for item in reader.list("extreme_days") {
            let options = TimeAggregation.ExtremeDay.allCases
            guard let text = item.node.scalarText, let extreme = TimeAggregation.ExtremeDay(rawValue: text) else {
                reader.context.report(item.path, node: item.node,
                                      "expected one of " + options.map { "\"\($0.rawValue)\"" }.joined(separator: ", ") + ", got \(item.node.kindDescription)")
                valid = false
                continue
            }
            if !extremes.contains(extreme) { extremes.append(extreme) }
        }
        guard let days, let method, let offset, let rescale, valid else { return nil }
        return .some(TimeAggregation(representativeDays: days, method: method, utcOffsetHours: offset, extremeDays: extremes, rescale: rescale))
    }

    /// Checks an `aggregation` section against the site it aggregates (key paths of the
    /// features a representative day cannot stand for; docs/planning.md, "Representative days").
    static func checkAggregation(_ site: Site, _ root: MappingReader) {
        guard let aggregation = site.aggregation, let reader = root.mapping("aggregation", allowedKeys: aggregationKeys) else { return }
        let context = root.context
        let partition = DayPartition(horizon: site.horizon, utcOffsetHours: aggregation.utcOffsetHours)
        let whole = partition.wholeDays
        let extremes = aggregation.extremeDays.count
        let offset = aggregation.utcOffsetHours == 0 ? "UTC" : "UTC\(aggregation.utcOffsetHours > 0 ? "+" : "")\(aggregation.utcOffsetHours)"
        if aggregation.representativeDays + extremes > whole {
            reader.report("representative_days", "must be at most the \(whole) whole days of the horizon (days of \(offset))"
                          + (extremes > 0 ? " less the \(extremes) extreme day\(extremes == 1 ? "" : "s") kept apart" : "")
                          + ", got \(aggregation.representativeDays)")
        } else {
            let kinds = site.dayKinds(partition)
            let wholeKinds = Set(partition.periods.indices.filter(partition.isWholeDay).map { kinds[$0] }).count
            if aggregation.representativeDays < wholeKinds {
                reader.report("representative_days", "must be at least \(wholeKinds): the site has \(wholeKinds) kinds of day (days differ in which "
                              + "training jobs may run or which units are in service, hour by hour), and a representative day stands only for days of "
                              + "its own kind; got \(aggregation.representativeDays)")
            }
        }
        // Features that tie steps of different days together, or single days out, which a
        // representative day standing for many days cannot carry.
        let refusal = "cannot be represented by representative days (aggregation)"
        if site.flexibility?.demandResponse.isEmpty == false {
            context.report("flexibility.demand_response", line: root.child("flexibility")?.line,
                           "demand-response events fall on particular days and \(refusal); plan without aggregation")
        }
        let jobs = root.child("workloads")?["training_jobs"]?.items ?? []
        for (index, job) in site.trainingJobs.enumerated() where job.pause != nil {
            context.report("workloads.training_jobs[\(index)].pause", line: jobs.indices.contains(index) ? jobs[index]["pause"]?.line : nil,
                           "pause and resume counts starts and runs across days and \(refusal); plan without aggregation, or drop pause")
        }
        if let smr = site.smr, smr.commitment == .integer,
           smr.minUpHours > site.horizon.stepHours || smr.minDownHours > site.horizon.stepHours {
            context.report("smr.commitment", line: root.child("smr")?["commitment"]?.line,
                           "integer commitment with minimum up or down times spans days and \(refusal); use commitment: linear, or drop min_up_hours and min_down_hours")
        }
        if site.carbon.capBasis == .market, site.carbon.capTonnes != nil || site.carbon.intensityCapGramsPerKWhIT != nil,
           site.carbon.annualInstrumentMWh(stepHours: site.horizon.stepHours) > 0 {
            context.report("carbon.cap_basis", line: root.child("carbon")?["cap_basis"]?.line,
                           "annual PPAs and certificates under a market-based cap are valued at the horizon's lowest residual mix, which the representative days do not have; \(refusal)")
        }
        if site.thermal != nil {
            context.report("thermal", line: root.child("thermal")?.line,
                           "the thermal rack caps look at the step before (docs/thermal.md), which a representative day's first step does not have; \(refusal)")
        }
    }
}
