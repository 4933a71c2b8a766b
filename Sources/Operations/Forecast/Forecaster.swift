import Foundation
import Island

/// Makes the forecasts a window is planned with, from the realised series of the whole run
/// (`docs/operations.md`, "Forecasts").
///
/// A forecast issued at step `issue` for step `t >= issue` (lead `k = t - issue`):
/// - perfect: `x[t]`;
/// - persistence: `x[t - d m]`, `d` steps per day, `m = ceil((k + 1) / d)`: the latest value
///   observed before the issue at the same time of day (before a whole day is observed, the
///   first day's values stand in);
/// - day-ahead: `x[t] + e[k]`, `e[0] = sigma z[0]`, `e[k] = phi e[k-1] + sigma sqrt(1 - phi^2) z[k]`,
///   `z` standard normal from a SplitMix64 stream seeded by (seed, series and component, issue),
///   so every issue draws a fresh, reproducible error path with standard deviation sigma;
/// - a forecast file column, when there is one, instead of the model.
/// Values are then clipped to the series' range (capacity factors to [0, 1], carbon intensity
/// and inference demand to >= 0, inference to the IT capacity).
public struct Forecaster: Sendable {
    public var models: [ForecastSeries: ErrorModel]
    /// Lag-one autocorrelation of the day-ahead error in lead time (phi).
    public var autocorrelation: Double
    public var seed: UInt64
    public var archive: ForecastArchive?

    public init(models: [ForecastSeries: ErrorModel] = [:], autocorrelation: Double = 0.9, seed: UInt64 = 1, archive: ForecastArchive? = nil) {
        self.models = models
        self.autocorrelation = autocorrelation
        self.seed = seed
        self.archive = archive
    }

    /// True when every series is realised exactly (perfect foresight).
    public var isPerfect: Bool {
        archive.map { $0.columns.isEmpty } ?? true && ForecastSeries.allCases.allSatisfy { (models[$0] ?? .perfect) == .perfect }
    }

    /// One series of one component: `realised` over the whole run, forecast for `range` as
    /// issued at `range.lowerBound`.
    func forecast(_ series: ForecastSeries, component: String, column: String, realised: [Double], range: Range<Int>,
                  horizon: Horizon, partial: Bool) throws -> [Double] {
        let issue = range.lowerBound
        if let archive, archive.has(column) {
            let targets = range.map(horizon.epochSeconds)
            guard partial else { return try archive.forecast(column, issue: horizon.epochSeconds(issue), targets: targets) }
            let modelled = model(series, component: component, realised: realised, range: range, horizon: horizon)
            return zip(targets, modelled).map { archive.value(column, issue: horizon.epochSeconds(issue), target: $0) ?? $1 }
        }
        return model(series, component: component, realised: realised, range: range, horizon: horizon)
    }

    /// The error model's forecast (no file).
    func model(_ series: ForecastSeries, component: String, realised: [Double], range: Range<Int>, horizon: Horizon) -> [Double] {
        let issue = range.lowerBound
        switch models[series] ?? .perfect {
        case .perfect:
            return Array(realised[range])
        case .persistence:
            let day = max(1, 24 * 60 / horizon.stepMinutes)
            return range.map { t in
                let back = day * ((t - issue + 1 + day - 1) / day)
                var source = t - back
                if source < 0 { source = ((source % day) + day) % day }
                return realised[min(source, realised.count - 1)]
            }
        case .dayAhead(let sigma):
            var stream = SplitMix64.stream(seed: seed, key: "\(series.rawValue):\(component)", issueStep: issue)
            let phi = autocorrelation, innovation = sigma * (1 - phi * phi).squareRoot()
            var error = 0.0
            return range.enumerated().map { lead, t in
                error = lead == 0 ? sigma * stream.normal() : phi * error + innovation * stream.normal()
                return realised[t] + error
            }
        }
    }

    /// `window` (the realised site cut to `range` of `full`'s steps) with every forecast
    /// series replaced by its forecast issued at `range.lowerBound`. With `partial`, target
    /// times a forecast file does not cover take the series' error model instead of failing
    /// (the full-horizon plan behind the targets).
    public func forecastSite(_ window: Site, full: Site, range: Range<Int>, partial: Bool = false) throws -> Site {
        var site = window
        let horizon = full.horizon
        for (index, feed) in full.gridFeeds.enumerated() {
            let price = try forecast(.price, component: feed.name, column: "price:\(feed.name)", realised: feed.importPriceUSDPerMWh,
                                     range: range, horizon: horizon, partial: partial)
            site.gridFeeds[index].importPriceUSDPerMWh = price
            site.gridFeeds[index].exportPriceUSDPerMWh = zip(range, price).map { t, forecast in
                feed.exportPriceUSDPerMWh[t] + (forecast - feed.importPriceUSDPerMWh[t])
            }
            site.gridFeeds[index].carbonIntensityGramsPerKWh = try forecast(
                .carbon, component: feed.name, column: "carbon:\(feed.name)", realised: feed.carbonIntensityGramsPerKWh,
                range: range, horizon: horizon, partial: partial).map { max(0, $0) }
        }
        for (index, renewable) in full.renewables.enumerated() {
            site.renewables[index].capacityFactor = try forecast(
                renewable.kind == .solar ? .solar : .wind, component: renewable.name, column: "capacity_factor:\(renewable.name)",
                realised: renewable.capacityFactor, range: range, horizon: horizon, partial: partial).map { min(1, max(0, $0)) }
        }
        if !full.inference.demandMW.isEmpty {
            let capacity = full.itFleet.capacityMW
            site.inference.demandMW = try forecast(.inference, component: "inference", column: "inference_mw", realised: full.inference.demandMW,
                                                   range: range, horizon: horizon, partial: partial).map { min(capacity, max(0, $0)) }
        }
        return site
    }

    /// Whether two cuts of a site hold the same forecast series over their first `steps`
    /// steps (then a plan made on one is a dispatch on the other).
    public static func sameSeries(_ a: Site, _ b: Site, steps: Int) -> Bool {
        func same(_ x: [Double], _ y: [Double]) -> Bool { x.prefix(steps).elementsEqual(y.prefix(steps)) }
        for (feedA, feedB) in zip(a.gridFeeds, b.gridFeeds) {
            guard same(feedA.importPriceUSDPerMWh, feedB.importPriceUSDPerMWh), same(feedA.exportPriceUSDPerMWh, feedB.exportPriceUSDPerMWh),
                  same(feedA.carbonIntensityGramsPerKWh, feedB.carbonIntensityGramsPerKWh) else { return false }
        }
        for (plantA, plantB) in zip(a.renewables, b.renewables) where !same(plantA.capacityFactor, plantB.capacityFactor) { return false }
        return same(a.inference.demandMW, b.inference.demandMW)
    }
}
