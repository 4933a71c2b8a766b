import Foundation
import Island

/// One vector per day from every time series that reaches the LP, for clustering days
/// (docs/planning.md, "Representative days").
///
/// Series: per grid feed its import and export price, the intensity the LP prices and caps and
/// the average one it reports, its carbon-free share (with a CFE target) and import cap (when it
/// varies); every renewable's capacity factor; inference demand; the cooling plant's COP; a wet
/// tower's water per MWh of heat; heat-reuse demand and its split; training group caps; the
/// residual mix and hourly PPA volumes (market-based caps). Each series is scaled to [0, 1] by its
/// minimum and maximum over the horizon (min-max normalisation, as tsam and Kotzur et al. 2018
/// do), so that each weighs the same whatever its unit; a constant series is left out, and
/// series that are equal once scaled (an export price that is a fraction of the import price)
/// count once. A day's vector is its steps' scaled values, series after series.
struct DayFeatures {
    /// The series kept, by name (`grid_feeds[0].import_price`), in vector order.
    let names: [String]
    /// The scaled series, one value per step of the horizon.
    let scaled: [[Double]]

    init(site: Site) {
        var candidates: [(String, [Double])] = []
        for (index, feed) in site.gridFeeds.enumerated() {
            let path = "grid_feeds[\(index)]"
            candidates.append(("\(path).price_usd_per_mwh", feed.importPriceUSDPerMWh))
            candidates.append(("\(path).export_price_usd_per_mwh", feed.exportPriceUSDPerMWh))
            candidates.append(("\(path).decision_carbon_intensity_g_per_kwh", site.decisionIntensity(feed)))
            candidates.append(("\(path).carbon_intensity_g_per_kwh", feed.carbonIntensityGramsPerKWh))
            if site.carbon.cfeTargetShare != nil, let share = feed.carbonFreeShare { candidates.append(("\(path).carbon_free_share", share)) }
            if let cap = feed.importCapMW { candidates.append(("\(path).import_cap_mw", cap.map { $0.isFinite ? $0 : feed.importCapacityMW })) }
        }
        for (index, renewable) in site.renewables.enumerated() {
            candidates.append(("renewables[\(index)].capacity_factor", renewable.capacityFactor))
        }
        candidates.append(("workloads.inference.demand_mw", site.inference.demandMW))
        candidates.append(("cooling.cop", site.copSeries))
        if let water = site.waterCubicMetresPerMWhHeat { candidates.append(("cooling.water.m3_per_mwh_heat", water)) }
        if let heat = site.heatReuse, let split = site.heatReuseSplit {
            candidates.append(("heat_reuse.demand_mw", heat.demandMW))
            candidates.append(("heat_reuse.recovered_share", split.map(\.recoveredMWh)))
        }
        for (index, group) in site.trainingGroups.enumerated() {
            candidates.append(("workloads.training_groups[\(index)].max_power_mw", group.maxPowerMW))
        }
        if site.carbon.capBasis == .market {
            if let residual = site.carbon.residualMixGramsPerKWh { candidates.append(("carbon.residual_mix_g_per_kwh", residual)) }
            for (index, ppa) in site.carbon.ppas.enumerated() { candidates.append(("carbon.ppas[\(index)].volume_mw", ppa.volumeMW)) }
        }
        var names: [String] = [], scaled: [[Double]] = []
        for (name, values) in candidates {
            guard let low = values.min(), let high = values.max(), high - low > 1e-12 * max(1, abs(high)) else { continue }
            let series = values.map { ($0 - low) / (high - low) }
            if scaled.contains(series) { continue }
            names.append(name)
            scaled.append(series)
        }
        self.names = names
        self.scaled = scaled
    }

    /// Euclidean distance between the vectors of two periods of equal length.
    func distance(_ a: Range<Int>, _ b: Range<Int>) -> Double {
        var sum = 0.0
        for series in scaled {
            for offset in 0..<a.count {
                let difference = series[a.lowerBound + offset] - series[b.lowerBound + offset]
                sum += difference * difference
            }
        }
        return sum.squareRoot()
    }
}
