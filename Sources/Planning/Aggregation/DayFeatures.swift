import Foundation
import Island

/// A time series of a site that reaches the LP: its name (the site key it comes from), its values
/// over the horizon, and, for the series a representative day may be rescaled on, how to write
/// values onto a site (``RepresentativeDays``).
struct SiteSeries: Sendable {
    let name: String
    let values: [Double]
    /// Writes values onto a site with the same components (nil: a limit or a derived series,
    /// never rescaled).
    let write: (@Sendable (inout Site, [Double]) -> Void)?
}

/// One vector per day from every time series that reaches the LP, for clustering days
/// (docs/planning.md, "Representative days").
///
/// Series: per grid feed its import and export price, its average intensity (and the marginal
/// one when the LP prices that), its carbon-free share (with a CFE target) and import cap (when it
/// varies); every renewable's capacity factor; inference demand; the cooling plant's COP; a wet
/// tower's water per MWh of heat; heat-reuse demand and its split; training group caps; the
/// residual mix and hourly PPA volumes (market-based caps). Each series is scaled to [0, 1] by its
/// minimum and maximum over the horizon (min-max normalisation, as tsam and Kotzur et al. 2018
/// do), so that each weighs the same whatever its unit; a constant series is left out, and
/// series that are equal once scaled (an export price that is a fraction of the import price)
/// count once. A day's vector is its steps' scaled values, series after series.
struct DayFeatures {
    /// Every series that reaches the LP, constant ones included.
    let series: [SiteSeries]
    /// The series kept for clustering, by name (`grid_feeds[0].price_usd_per_mwh`), in vector order.
    let names: [String]
    /// The scaled series, one value per step of the horizon.
    let scaled: [[Double]]

    init(site: Site) {
        series = Self.series(of: site)
        var names: [String] = [], scaled: [[Double]] = []
        for entry in series {
            guard let low = entry.values.min(), let high = entry.values.max(), high - low > 1e-12 * max(1, abs(high)) else { continue }
            let values = entry.values.map { ($0 - low) / (high - low) }
            if scaled.contains(values) { continue }
            names.append(entry.name)
            scaled.append(values)
        }
        self.names = names
        self.scaled = scaled
    }

    static func series(of site: Site) -> [SiteSeries] {
        var list: [SiteSeries] = []
        for (index, feed) in site.gridFeeds.enumerated() {
            let path = "grid_feeds[\(index)]"
            list.append(SiteSeries(name: "\(path).price_usd_per_mwh", values: feed.importPriceUSDPerMWh) { $0.gridFeeds[index].importPriceUSDPerMWh = $1 })
            list.append(SiteSeries(name: "\(path).export_price_usd_per_mwh", values: feed.exportPriceUSDPerMWh) { $0.gridFeeds[index].exportPriceUSDPerMWh = $1 })
            list.append(SiteSeries(name: "\(path).carbon_intensity_g_per_kwh", values: feed.carbonIntensityGramsPerKWh) {
                $0.gridFeeds[index].carbonIntensityGramsPerKWh = $1
            })
            if site.carbon.decisionFactor == .marginal, let marginal = feed.marginalCarbonIntensityGramsPerKWh {
                list.append(SiteSeries(name: "\(path).marginal_carbon_intensity_g_per_kwh", values: marginal) {
                    $0.gridFeeds[index].marginalCarbonIntensityGramsPerKWh = $1
                })
            }
            if site.carbon.cfeTargetShare != nil, let share = feed.carbonFreeShare {
                list.append(SiteSeries(name: "\(path).carbon_free_share", values: share) { $0.gridFeeds[index].carbonFreeShare = $1 })
            }
            if let cap = feed.importCapMW {
                list.append(SiteSeries(name: "\(path).import_cap_mw", values: cap.map { $0.isFinite ? $0 : feed.importCapacityMW }, write: nil))
            }
        }
        for (index, renewable) in site.renewables.enumerated() {
            list.append(SiteSeries(name: "renewables[\(index)].capacity_factor", values: renewable.capacityFactor) {
                $0.renewables[index].capacityFactor = $1
            })
        }
        list.append(SiteSeries(name: "workloads.inference.demand_mw", values: site.inference.demandMW) { $0.inference.demandMW = $1 })
        list.append(SiteSeries(name: "cooling.cop", values: site.copSeries) { $0.copSeries = $1 })
        if let water = site.waterCubicMetresPerMWhHeat { list.append(SiteSeries(name: "cooling.water.m3_per_mwh_heat", values: water, write: nil)) }
        if let heat = site.heatReuse, let split = site.heatReuseSplit {
            list.append(SiteSeries(name: "heat_reuse.demand_mw", values: heat.demandMW) { $0.heatReuse?.demandMW = $1 })
            list.append(SiteSeries(name: "heat_reuse.recovered_share", values: split.map(\.recoveredMWh), write: nil))
        }
        for (index, group) in site.trainingGroups.enumerated() {
            list.append(SiteSeries(name: "workloads.training_groups[\(index)].max_power_mw", values: group.maxPowerMW, write: nil))
        }
        if site.carbon.capBasis == .market {
            if let residual = site.carbon.residualMixGramsPerKWh {
                list.append(SiteSeries(name: "carbon.residual_mix_g_per_kwh", values: residual) { $0.carbon.residualMixGramsPerKWh = $1 })
            }
            for (index, ppa) in site.carbon.ppas.enumerated() {
                list.append(SiteSeries(name: "carbon.ppas[\(index)].volume_mw", values: ppa.volumeMW) { $0.carbon.ppas[index].volumeMW = $1 })
            }
        }
        return list
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
