import Foundation

/// A sub-period of a site's horizon to solve on its own (`insula solve --window START..END`,
/// batch key `window`).
public struct SiteWindow: Sendable, Equatable {
    /// How a training job cut by the window keeps its energy.
    public enum TrainingEnergy: String, Sendable, Equatable, CaseIterable {
        /// The job's energy times the share of its [release, deadline] inside the window (default):
        /// the window asks for its fair part of the job.
        case proRata = "pro_rata"
        /// The whole energy must be delivered inside the window (may make the site infeasible).
        case full
    }

    public var startEpochSeconds: Int64
    public var endEpochSeconds: Int64
    public var trainingEnergy: TrainingEnergy

    public init(startEpochSeconds: Int64, endEpochSeconds: Int64, trainingEnergy: TrainingEnergy = .proRata) {
        self.startEpochSeconds = startEpochSeconds
        self.endEpochSeconds = endEpochSeconds
        self.trainingEnergy = trainingEnergy
    }

    /// Parses `START..END` (UTC timestamps; naive means UTC).
    public init?(parsing text: String, trainingEnergy: TrainingEnergy = .proRata) {
        let parts = text.components(separatedBy: "..")
        guard parts.count == 2,
              case .success(let start) = TimestampParser(zone: .utc).parse(Substring(parts[0].trimmingCharacters(in: .whitespaces))),
              case .success(let end) = TimestampParser(zone: .utc).parse(Substring(parts[1].trimmingCharacters(in: .whitespaces))),
              end > start else { return nil }
        self.init(startEpochSeconds: start, endEpochSeconds: end, trainingEnergy: trainingEnergy)
    }

    public var label: String { "\(Horizon.format(epochSeconds: startEpochSeconds))..\(Horizon.format(epochSeconds: endEpochSeconds))" }
}

/// Why a window cannot be applied to a site.
public struct SiteWindowError: Error, CustomStringConvertible, Sendable {
    public var description: String
}

extension Site {
    /// The site restricted to `window`: every series sliced, SMR outages and service dates outside
    /// it ignored, training jobs clipped to it (energy pro rata unless `.full`), jobs wholly
    /// outside dropped, and a horizon-total carbon cap scaled by the window's share of the
    /// horizon. Battery initial state of charge and the cyclic end condition apply to the window.
    /// - Throws: `SiteWindowError` when the window is not on the step grid or not inside the horizon.
    public func windowed(_ window: SiteWindow) throws -> Site {
        let start = window.startEpochSeconds, end = window.endEpochSeconds
        guard start >= horizon.startEpochSeconds, end <= horizon.endEpochSeconds else {
            throw SiteWindowError(description: "window \(window.label) is not inside the horizon \(horizon.label(0))..\(Horizon.format(epochSeconds: horizon.endEpochSeconds))")
        }
        guard (start - horizon.startEpochSeconds) % horizon.stepSeconds == 0, (end - start) % horizon.stepSeconds == 0 else {
            throw SiteWindowError(description: "window \(window.label) must start and end on \(horizon.stepMinutes)-minute step boundaries")
        }
        let first = Int((start - horizon.startEpochSeconds) / horizon.stepSeconds)
        let count = Int((end - start) / horizon.stepSeconds)
        let range = first..<(first + count)

        var site = selectingSeries(StepSelection(steps: Array(range)))
        let newHorizon = Horizon(startEpochSeconds: start, steps: count, stepMinutes: horizon.stepMinutes)
        site.horizon = newHorizon
        if var smr = site.smr {
            smr.outages = smr.outages.filter {
                Int64($0.endUTC.timeIntervalSince1970) > start && Int64($0.startUTC.timeIntervalSince1970) < end
            }
            site.smr = smr
        }
        site.trainingJobs = trainingJobs.compactMap { job in
            let release = Int64(job.releaseUTC.timeIntervalSince1970), deadline = Int64(job.deadlineUTC.timeIntervalSince1970)
            let clippedRelease = max(release, start), clippedDeadline = min(deadline, end)
            guard clippedDeadline > clippedRelease else { return nil }
            var job = job
            if window.trainingEnergy == .proRata {
                job.energyMWh *= Double(clippedDeadline - clippedRelease) / Double(deadline - release)
            }
            job.releaseUTC = Date(timeIntervalSince1970: Double(clippedRelease))
            job.deadlineUTC = Date(timeIntervalSince1970: Double(clippedDeadline))
            // Steps wholly inside [release, deadline] on the window's grid.
            let firstStep = Int(ceilDiv(clippedRelease - start, horizon.stepSeconds))
            let lastStep = Int(floorDiv(clippedDeadline - start, horizon.stepSeconds)) - 1
            guard lastStep >= firstStep else { return nil }
            job.firstStep = firstStep
            job.lastStep = lastStep
            return job
        }
        site.trainingGroups = site.trainingGroups.map { TrainingGroup(name: $0.name, jobs: $0.jobs.filter { name in site.trainingJobs.contains { $0.name == name } },
                                                                      maxPowerMW: $0.maxPowerMW) }
        // Contracted volumes: PPA profiles are cut with the window (above); certificates scale with its share.
        if let certificates = carbon.certificates {
            site.carbon.certificates?.volumeMWh = certificates.volumeMWh * Double(count) / Double(horizon.steps)
        }
        if let cap = cooling.water?.capCubicMetres { site.cooling.water?.capCubicMetres = cap * Double(count) / Double(horizon.steps) }
        if let cap = carbon.capTonnes { site.carbon.capTonnes = cap * Double(count) / Double(horizon.steps) }
        site.overrides.append("window=\(window.label) training_energy=\(window.trainingEnergy.rawValue)")
        return site
    }
}

private func ceilDiv(_ a: Int64, _ b: Int64) -> Int64 { -floorDiv(-a, b) }

/// Steps picked, in order, from a site's horizon: a window's contiguous range, or the steps of
/// representative days (`Site.representing`). Every per-step series of a site maps through it.
struct StepSelection {
    let steps: [Int]
    func callAsFunction<T>(_ values: [T]) -> [T] { steps.map { values[$0] } }
    func callAsFunction<T>(_ values: [T]?) -> [T]? { values.map { self($0) } }
}

extension Site {
    /// The site with every per-step series taken at `pick`'s steps: weather, SMR availability,
    /// each feed's prices, intensities, caps and service, batteries' and backups' service,
    /// capacity factors, inference demand, COP, free-cooling share and facility supply, training
    /// group caps, the residual mix, heat demand and PPA volumes. The horizon, training jobs,
    /// outages and horizon totals are left to the caller, which knows what the steps mean.
    func selectingSeries(_ pick: StepSelection) -> Site {
        var site = self
        if var weather = site.weather {
            weather.dryBulbC = pick(weather.dryBulbC)
            weather.wetBulbC = pick(weather.wetBulbC)
            weather.relativeHumidityPercent = pick(weather.relativeHumidityPercent)
            weather.globalHorizontalWPerM2 = pick(weather.globalHorizontalWPerM2)
            weather.directNormalWPerM2 = pick(weather.directNormalWPerM2)
            weather.diffuseHorizontalWPerM2 = pick(weather.diffuseHorizontalWPerM2)
            weather.windSpeedMPerS = pick(weather.windSpeedMPerS)
            weather.pressurePa = pick(weather.pressurePa)
            site.weather = weather
        }
        if let units = smr?.availableUnits { site.smr?.availableUnits = pick(units) }
        if let forced = smr?.forcedOutageUnits, !forced.isEmpty { site.smr?.forcedOutageUnits = pick(forced) }
        site.gridFeeds = gridFeeds.map { feed in
            var feed = feed
            feed.importPriceUSDPerMWh = pick(feed.importPriceUSDPerMWh)
            feed.exportPriceUSDPerMWh = pick(feed.exportPriceUSDPerMWh)
            feed.carbonIntensityGramsPerKWh = pick(feed.carbonIntensityGramsPerKWh)
            feed.carbonFreeShare = pick(feed.carbonFreeShare)
            feed.marginalCarbonIntensityGramsPerKWh = pick(feed.marginalCarbonIntensityGramsPerKWh)
            feed.importCapMW = pick(feed.importCapMW)
            feed.inService = pick(feed.inService)
            return feed
        }
        site.batteries = batteries.map { battery in
            var battery = battery
            battery.inService = pick(battery.inService)
            return battery
        }
        site.backupGenerators = backupGenerators.map { generator in
            var generator = generator
            generator.inService = pick(generator.inService)
            return generator
        }
        site.renewables = renewables.map { renewable in
            var renewable = renewable
            renewable.capacityFactor = pick(renewable.capacityFactor)
            return renewable
        }
        site.inference.demandMW = pick(inference.demandMW)
        site.copSeries = pick(copSeries)
        site.freeCoolingShare = pick(freeCoolingShare)
        site.facilitySupplyC = pick(facilitySupplyC)
        site.trainingGroups = trainingGroups.map { TrainingGroup(name: $0.name, jobs: $0.jobs, maxPowerMW: pick($0.maxPowerMW)) }
        site.carbon.residualMixGramsPerKWh = pick(carbon.residualMixGramsPerKWh)
        if let heat = heatReuse { site.heatReuse?.demandMW = pick(heat.demandMW) }
        for index in site.carbon.ppas.indices { site.carbon.ppas[index].volumeMW = pick(carbon.ppas[index].volumeMW) }
        return site
    }
}
