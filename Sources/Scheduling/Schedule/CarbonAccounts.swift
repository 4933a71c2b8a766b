import Island

/// Location-based, market-based, marginal and life-cycle emissions of a schedule, side by side
/// (docs/results-schema.md, "Carbon accounting"; GHG Protocol Scope 2 Guidance, 2015).
///
/// Market-based: hourly-matched PPAs cover imports in their own step only; what is left is
/// covered pro rata over the horizon by annual PPAs, then certificates; uncovered imports count
/// at the residual-mix factor (the grid's average intensity when no residual mix is given), and
/// covered imports at their instrument's factor. On-site sources count alike in every basis but
/// the life-cycle one.
struct CarbonAccounts {
    let carbon: CarbonPolicy
    let hours: Double
    /// Per step: imports (MW), imports x residual-mix factor (MW g/kWh).
    var importsMW: [Double]
    var residualWeighted: [Double]
    var gridLocationTonnes = 0.0
    var gridMarginalTonnes = 0.0
    let hasMarginal: Bool
    let smrFactor: Double

    init(site: Site) {
        carbon = site.carbon
        hours = site.horizon.stepHours
        importsMW = Array(repeating: 0, count: site.horizon.steps)
        residualWeighted = importsMW
        hasMarginal = site.gridFeeds.contains { $0.marginalCarbonIntensityGramsPerKWh != nil }
        smrFactor = site.smr?.emissionFactorGramsPerKWh ?? 0
    }

    mutating func addImport(feed: GridFeed, step: Int, importedMW: Double) {
        importsMW[step] += importedMW
        residualWeighted[step] += importedMW * (carbon.residualMixGramsPerKWh?[step] ?? feed.carbonIntensityGramsPerKWh[step])
        gridLocationTonnes += importedMW * hours * feed.carbonIntensityGramsPerKWh[step] / 1000
        let marginal = feed.marginalCarbonIntensityGramsPerKWh?[step] ?? feed.carbonIntensityGramsPerKWh[step]
        gridMarginalTonnes += importedMW * hours * marginal / 1000
    }

    func finish(into kpis: inout KPIs, steps: [Schedule.Step], stepHours: Double) {
        let onSiteTonnes = kpis.emissionsTonnes - gridLocationTonnes
        let smrTonnes = kpis.smrEnergyMWh * smrFactor / 1000
        // Hourly PPAs, in the order given, in their own step.
        var instrumentTonnes = 0.0, hourlyCoveredMWh = 0.0, hourlyVolumeMWh = 0.0
        var left = importsMW
        for ppa in carbon.ppas where ppa.matching == .hourly {
            for t in left.indices {
                let covered = min(ppa.volumeMW[t], left[t])
                left[t] -= covered
                hourlyCoveredMWh += covered * hours
                hourlyVolumeMWh += ppa.volumeMW[t] * hours
                instrumentTonnes += covered * hours * ppa.emissionFactorGramsPerKWh / 1000
            }
        }
        // Annual PPAs, then certificates, pro rata over what is left.
        let leftMWh = left.reduce(0, +) * hours
        let annualMWh = carbon.annualInstrumentMWh(stepHours: hours)
        let appliedMWh = min(annualMWh, leftMWh)
        let share = leftMWh > 0 ? appliedMWh / leftMWh : 0
        var toApply = appliedMWh, annualPPAMWh = 0.0
        for ppa in carbon.ppas where ppa.matching == .annual {
            let applied = min(ppa.volumeMW.reduce(0, +) * hours, toApply)
            toApply -= applied
            annualPPAMWh += applied
            instrumentTonnes += applied * ppa.emissionFactorGramsPerKWh / 1000
        }
        var gridMarketTonnes = 0.0
        for t in left.indices where importsMW[t] > 0 {
            gridMarketTonnes += left[t] * (1 - share) * hours * (residualWeighted[t] / importsMW[t]) / 1000
        }
        kpis.emissionsMarketTonnes = onSiteTonnes + gridMarketTonnes + instrumentTonnes
        kpis.emissionsMarginalTonnes = hasMarginal ? onSiteTonnes + gridMarginalTonnes : nil
        kpis.ppaMatchedMWh = hourlyCoveredMWh + annualPPAMWh
        kpis.certificatesAppliedMWh = toApply
        kpis.unusedInstrumentsMWh = (hourlyVolumeMWh - hourlyCoveredMWh) + (annualMWh - appliedMWh)
        kpis.instrumentCostUSD = carbon.ppas.map { $0.volumeMW.reduce(0, +) * hours * $0.priceUSDPerMWh }.reduce(0, +)
            + (carbon.certificates.map { $0.volumeMWh * $0.priceUSDPerMWh } ?? 0)
        let life = carbon.lifeCycle
        let backupTonnes = onSiteTonnes - smrTonnes
        kpis.emissionsLifeCycleTonnes = (kpis.smrEnergyMWh * life.smrGramsPerKWh + kpis.solarEnergyMWh * life.solarGramsPerKWh
            + kpis.windEnergyMWh * life.windGramsPerKWh + kpis.batteryDischargeMWh * life.batteryGramsPerKWh) / 1000
            + gridLocationTonnes + backupTonnes
    }
}

/// Embodied carbon of what is installed (a plan's capacities included), amortised straight-line
/// over each asset's lifetime and charged for the horizon's share of a year.
enum EmbodiedAccounts {
    /// - Parameter smrUnits: the SMR modules installed when a plan chose them (possibly
    ///   fractional, relaxed); nil: the site's own fleet.
    static func add(site: Site, smrUnits: Double? = nil, into kpis: inout KPIs) {
        let years = site.horizonYears
        func tonnes(_ asset: EmbodiedCarbon.Asset, units: Double) -> Double {
            site.embodiedCarbon.factors[asset]?.amortisedTonnes(units: units, years: years) ?? 0
        }
        let kilowatts = 1000.0
        let smrMW = smrUnits.map { $0 * (site.smr?.capacityMWPerUnit ?? 0) } ?? (site.smr?.capacityMW ?? 0)
        kpis.embodiedSMRTonnes = tonnes(.smr, units: smrMW * kilowatts)
        kpis.embodiedSolarTonnes = tonnes(.solar, units: site.renewables.filter { $0.kind == .solar }.map(\.capacityMW).reduce(0, +) * kilowatts)
        kpis.embodiedWindTonnes = tonnes(.wind, units: site.renewables.filter { $0.kind == .wind }.map(\.capacityMW).reduce(0, +) * kilowatts)
        kpis.embodiedBatteryTonnes = tonnes(.battery, units: site.batteries.map(\.energyMWh).reduce(0, +) * kilowatts)
        kpis.embodiedBackupTonnes = tonnes(.backup, units: site.backupGenerators.map(\.capacityMW).reduce(0, +) * kilowatts)
        kpis.embodiedRacksTonnes = tonnes(.racks, units: Double(site.itFleet.racks))
        kpis.embodiedCarbonTonnes = kpis.embodiedSMRTonnes + kpis.embodiedSolarTonnes + kpis.embodiedWindTonnes
            + kpis.embodiedBatteryTonnes + kpis.embodiedBackupTonnes + kpis.embodiedRacksTonnes
    }
}
