import Foundation
import Island

/// The resolved inputs of a site as JSON (`insula solve --dump-inputs FILE`): every series
/// after alignment to the horizon (one value per step, UTC order) and every parameter after
/// defaults, with its unit in its key.
///
/// It exists so that an independent tool (the PyPSA cross-check in `tools/crosscheck`) can
/// rebuild the same problem without re-implementing the loader: CSV alignment, time zones,
/// weather files and the COP model are all already applied. Derived quantities the LP uses
/// (stage efficiencies per path, cooling MW per MW of heat, SMR units available per step,
/// training windows as step indices) are included so that nothing has to be re-derived.
public struct InputDump: Encodable, Sendable {
    public struct Horizon: Encodable, Sendable {
        var startUTC: String
        var steps: Int
        var stepMinutes: Int
        var stepHours: Double
        var timestampsUTC: [String]
    }

    public struct SMR: Encodable, Sendable {
        var units: Int
        var capacityMWPerUnit: Double
        var minStableLoadFraction: Double
        var rampFractionPerHour: Double
        var marginalCostUSDPerMWh: Double
        var emissionFactorGramsPerKWh: Double
        var commitment: String
        var minUpHours: Double
        var minDownHours: Double
        /// Units available per step: planned and drawn forced outages and service dates applied.
        var availableUnits: [Int]
        var outageCount: Int
        /// Every outage (planned from `smr.outages`, forced from the applied draw), unit and time order.
        var outages: [Outage]
        /// `smr.forced_outages` as resolved (the draw applied, or none); nil without the section.
        var forcedOutages: ForcedOutages?
        /// Per step, units unavailable only because of a forced outage (empty without a draw).
        var forcedOutageUnits: [Int]
        /// `ac_switchyard` or `dc_bus`.
        var connection: String
        /// The SMR's path to its bus: rectifier (`dc_bus`) or step-up transformer.
        var pathEfficiency: Double
    }

    /// One SMR outage: `kind` is `planned` or `forced`.
    public struct Outage: Encodable, Sendable {
        var unit: Int
        var startUTC: String
        var endUTC: String
        var kind: String
    }

    /// The forced-outage model (docs/risk.md) with the draw applied.
    public struct ForcedOutages: Encodable, Sendable {
        var forcedOutageRate: Double
        var meanTimeToRepairHours: Double
        var meanTimeToFailureHours: Double?
        var seed: UInt64
        var draw: Int?
    }

    /// `dump`, and the tie-break costs it brings (docs/formulation.md, 4.8), derived as the LP uses them.
    public struct Dump: Encodable, Sendable {
        /// `turbine_bypass` (at the SMR's terminals) or `load_bank` (on the AC bus).
        var kind: String
        var capacityMW: Double
        var costUSDPerMWh: Double
        /// USD per MWh on each link direction (measured where the link draws).
        var linkTieBreakUSDPerMWh: Double
        /// USD per MWh charged at each battery's terminals, in site order.
        var chargeTieBreakUSDPerMWh: [Double]
        /// USD per MWh of busway loss, per step.
        var buswayTieBreakUSDPerMWh: [Double]
    }

    public struct GridFeed: Encodable, Sendable {
        var name: String
        var importCapacityMW: Double
        var exportCapacityMW: Double
        var importPriceUSDPerMWh: [Double]
        var exportPriceUSDPerMWh: [Double]
        var carbonIntensityGramsPerKWh: [Double]
        var carbonFreeShare: [Double]?
        var demandChargeUSDPerMW: Double
        var importLimitMW: [Double]
        /// The intensity the LP prices and caps imports at: average, or marginal (`carbon.decision_factor`).
        var decisionCarbonIntensityGramsPerKWh: [Double]
        /// 1 in service, 0 outside (`commissioning_utc` / `retirement_utc`), per step: scales the export capacity.
        var availability: [Double]
    }

    public struct Renewable: Encodable, Sendable {
        var name: String
        var kind: String
        var capacityMW: Double
        var capacityFactor: [Double]
        var coupling: String
    }

    public struct Battery: Encodable, Sendable {
        var name: String
        var energyMWh: Double
        var chargePowerMW: Double
        var dischargePowerMW: Double
        var chargeEfficiency: Double
        var dischargeEfficiency: Double
        var socMinFraction: Double
        var socMaxFraction: Double
        var initialSOCFraction: Double
        /// "cyclic", or the end fraction as a string (e.g. "0.8").
        var finalSOC: String
        var throughputCostUSDPerMWh: Double
        var coupling: String
        /// 1 in service, 0 outside, per step: scales charge and discharge power.
        var availability: [Double]
    }

    public struct BackupGenerator: Encodable, Sendable {
        var name: String
        var capacityMW: Double
        var marginalCostUSDPerMWh: Double
        var emissionFactorGramsPerKWh: Double
        /// 1 in service, 0 outside, per step: scales the capacity.
        var availability: [Double]
    }

    public struct Distribution: Encodable, Sendable {
        var architecture: String
        var busCapacityMW: Double
        var buswayLossFractionAtCapacity: Double
        var buswayLossSegments: Int
        /// Grid to IT bus: solid-state transformer (dc800) or transformer (ac415).
        var linkEfficiency: Double
        /// IT bus to the 54 V rack input.
        var busToRackEfficiency: Double
        var smrRectifierEfficiency: Double
        var dcDCEfficiency: Double
        var storageInverterEfficiency: Double
        var coolingTransformerEfficiency: Double
    }

    public struct ITFleet: Encodable, Sendable {
        var racks: Int
        var powerPerRackKW: Double
        var capacityMW: Double
        var idleFraction: Double
        var tokensPerMWh: Double?
    }

    public struct TrainingJob: Encodable, Sendable {
        var name: String
        var energyMWh: Double
        var releaseUTC: String
        var deadlineUTC: String
        var maxPowerMW: Double
        var minPowerMW: Double
        var undeliveredPenaltyUSDPerMWh: Double?
        /// First and last step (0-based, inclusive) lying wholly inside [release, deadline].
        var firstStep: Int
        var lastStep: Int
        /// Per step first...last: 1 where the job may draw power (inside a hard window), else 0.
        var mayRun: [Int]
        /// Per step first...last: 1 inside the run window (all 1 without one).
        var inWindow: [Int]
        /// Least share of the energy drawn that falls inside the window; nil: none (hard window or none).
        var minShareInWindow: Double?
        var pause: Pause?
        /// Capped operating points of its performance curve (empty without one); `energyMWh`
        /// is then full-power-equivalent work.
        var cappedPoints: [CappedPoint]
    }

    /// A job's pause model (docs/formulation.md, 4.13).
    public struct Pause: Encodable, Sendable {
        var restartEnergyMWh: Double
        var restartCostUSD: Double
        /// Steps after each start that draw power but do no work (0: none).
        var restartSteps: Int
        /// Minimum run in steps (at least 1).
        var minRunSteps: Int
        /// `exact` (binary running flags) or `relaxed` (flags in [0, 1]).
        var model: String
    }

    /// A point below full power on a performance curve (docs/formulation.md, 4.14).
    public struct CappedPoint: Encodable, Sendable {
        var powerFraction: Double
        var throughputFraction: Double
        /// Full-power-equivalent MWh of work per MWh drawn: throughput / power fraction.
        var workPerMWh: Double

        init(_ point: PerformanceCurve.Point) {
            powerFraction = point.powerFraction
            throughputFraction = point.throughputFraction
            workPerMWh = point.workPerMWh
        }
    }

    /// A shared cap over jobs: sum of their power <= max_power_mw[t].
    public struct TrainingGroup: Encodable, Sendable {
        var name: String
        var jobs: [String]
        var maxPowerMW: [Double]
    }

    public struct Carbon: Encodable, Sendable {
        var priceUSDPerT: Double
        var capT: Double?
        var intensityCapGramsPerKWhIT: Double?
        var cfeTargetShare: Double?
        /// `location` or `market`: what the caps count.
        var capBasis: String
    }

    /// One sized asset dimension (`build`), with its costs as the LP charges them over this horizon.
    public struct Build: Encodable, Sendable {
        var asset: String
        var name: String
        /// power_mw, energy_mwh or units.
        var dimension: String
        var existing: Double
        var minimum: Double
        /// nil when unbounded.
        var maximum: Double?
        var integer: Bool
        /// (annualised capex + fixed O&M) per unit x horizon years: the column's cost, USD per unit.
        var horizonCostUSDPerUnit: Double
        /// Annualised capex of the existing part x horizon years: taken out of the objective (sunk), USD.
        var sunkCapexUSD: Double
        /// The costs behind them, for a multi-period build-out's vintages: capex x CRF and fixed
        /// O&M per unit and year, USD; lifetime, years.
        var annualisedCapexUSDPerUnitYear: Double
        var fixedOMUSDPerUnitYear: Double
        var lifetimeYears: Double
    }

    /// A site of representative periods (docs/formulation.md, 15): how its steps stand for
    /// the horizon. Every series above is then the representative periods' own, step after step.
    public struct Aggregation: Encodable, Sendable {
        /// Steps of the horizon the periods stand for.
        var originalSteps: Int
        /// Per step: the steps of the horizon it stands for (its period's weight).
        var stepWeights: [Double]
        /// Per representative period: its first step and its number of steps.
        var periodStarts: [Int]
        var periodLengths: [Int]
        /// Per original period in time order: the representative period standing for it.
        var sequence: [Int]
        /// Per representative period: the original period it is (its medoid, or itself).
        var originalPeriods: [Int]
    }

    public var formatVersion = 1
    public var site: String
    public var inputsSHA256: String
    public var horizon: Horizon
    public var smr: SMR?
    public var dump: Dump?
    public var gridFeeds: [GridFeed]
    public var renewables: [Renewable]
    public var batteries: [Battery]
    public var backupGenerators: [BackupGenerator]
    public var powerDistribution: Distribution
    public var itFleet: ITFleet
    public var inferenceDemandMW: [Double]
    public var inferenceValueOfLostServiceUSDPerMWh: Double?
    /// Capped operating points of inference's performance curve (empty without one).
    public var inferenceCappedPoints: [CappedPoint]
    public var inferenceTokensPerMWhAtFullPower: Double?
    public var trainingJobs: [TrainingJob]
    public var trainingGroups: [TrainingGroup]
    public var cop: [Double]
    /// AC-bus MW per MW of heat: 1 / (COP x cooling transformer efficiency).
    public var coolingMWPerMWHeat: [Double]
    public var freeCoolingShare: [Double]
    public var dryBulbC: [Double]?
    public var wetBulbC: [Double]?
    public var carbon: Carbon
    public var limitsImportLimitMW: Double?
    public var limitsRampLimitMWPerHour: Double?
    public var builds: [Build]
    /// Demand-response contracts as the LP uses them (docs/formulation.md, 4.11); empty without `flexibility`.
    public var demandResponse: [DemandResponse] = []
    /// Set when the site is one of representative periods (`insula plan` with representative days).
    public var aggregation: Aggregation?

    public init(_ site: Site) {
        let steps = site.horizon.steps
        self.site = site.name
        inputsSHA256 = site.inputsSHA256
        horizon = Horizon(startUTC: site.horizon.label(0), steps: steps, stepMinutes: site.horizon.stepMinutes,
                          stepHours: site.horizon.stepHours, timestampsUTC: (0..<steps).map(site.stepLabel))
        smr = site.smr.map { smr in
            SMR(units: smr.units, capacityMWPerUnit: smr.capacityMWPerUnit, minStableLoadFraction: smr.minStableLoadFraction,
                rampFractionPerHour: smr.rampFractionPerHour, marginalCostUSDPerMWh: smr.marginalCostUSDPerMWh,
                emissionFactorGramsPerKWh: smr.emissionFactorGramsPerKWh, commitment: smr.commitment.rawValue,
                minUpHours: smr.minUpHours, minDownHours: smr.minDownHours, availableUnits: smr.availableUnits,
                outageCount: smr.outages.count,
                outages: smr.outages.map {
                    Outage(unit: $0.unit, startUTC: Island.Horizon.format($0.startUTC), endUTC: Island.Horizon.format($0.endUTC), kind: $0.kind.rawValue)
                },
                forcedOutages: smr.forcedOutages.map { model in
                    ForcedOutages(forcedOutageRate: model.rate, meanTimeToRepairHours: model.meanTimeToRepairHours,
                                  meanTimeToFailureHours: model.rate > 0 ? model.meanTimeToFailureHours : nil, seed: model.seed,
                                  draw: model.draw)
                },
                forcedOutageUnits: smr.forcedOutageUnits, connection: smr.connection.rawValue,
                pathEfficiency: smr.connection == .dcBus && site.distribution.architecture == .dc800
                    ? site.distribution.efficiencies.smrRectifier : site.distribution.efficiencies.smrStepUpTransformer)
        }
        dump = site.dump.map { dump in
            let tieBreak = LossTieBreak(site: site, dump: dump)
            return Dump(kind: dump.kind.rawValue, capacityMW: dump.capacityMW, costUSDPerMWh: dump.costUSDPerMWh,
                        linkTieBreakUSDPerMWh: tieBreak.linkUSDPerMWh, chargeTieBreakUSDPerMWh: tieBreak.chargeUSDPerMWh,
                        buswayTieBreakUSDPerMWh: tieBreak.buswayUSDPerMWh)
        }
        gridFeeds = site.gridFeeds.map { feed in
            GridFeed(name: feed.name, importCapacityMW: feed.importCapacityMW, exportCapacityMW: feed.exportCapacityMW,
                     importPriceUSDPerMWh: feed.importPriceUSDPerMWh, exportPriceUSDPerMWh: feed.exportPriceUSDPerMWh,
                     carbonIntensityGramsPerKWh: feed.carbonIntensityGramsPerKWh, carbonFreeShare: feed.carbonFreeShare,
                     demandChargeUSDPerMW: feed.demandChargeUSDPerMW, importLimitMW: feed.effectiveImportLimitMW,
                     decisionCarbonIntensityGramsPerKWh: site.decisionIntensity(feed),
                     availability: Self.availability(feed.inService, steps: site.horizon.steps))
        }
        renewables = site.renewables.map {
            Renewable(name: $0.name, kind: $0.kind.rawValue, capacityMW: $0.capacityMW, capacityFactor: $0.capacityFactor,
                      coupling: $0.coupling.rawValue)
        }
        batteries = site.batteries.map { battery in
            let finalSOC: String
            switch battery.finalSOC {
            case .cyclic: finalSOC = "cyclic"
            case .fraction(let fraction): finalSOC = "\(fraction)"
            }
            return Battery(name: battery.name, energyMWh: battery.energyMWh, chargePowerMW: battery.chargePowerMW,
                           dischargePowerMW: battery.dischargePowerMW, chargeEfficiency: battery.chargeEfficiency,
                           dischargeEfficiency: battery.dischargeEfficiency, socMinFraction: battery.socMinFraction,
                           socMaxFraction: battery.socMaxFraction, initialSOCFraction: battery.initialSOCFraction,
                           finalSOC: finalSOC, throughputCostUSDPerMWh: battery.throughputCostUSDPerMWh,
                           coupling: battery.coupling.rawValue,
                           availability: Self.availability(battery.inService, steps: site.horizon.steps))
        }
        backupGenerators = site.backupGenerators.map {
            BackupGenerator(name: $0.name, capacityMW: $0.capacityMW, marginalCostUSDPerMWh: $0.marginalCostUSDPerMWh,
                            emissionFactorGramsPerKWh: $0.emissionFactorGramsPerKWh,
                            availability: Self.availability($0.inService, steps: site.horizon.steps))
        }
        let distribution = site.distribution
        powerDistribution = Distribution(
            architecture: distribution.architecture.rawValue, busCapacityMW: distribution.busCapacityMW,
            buswayLossFractionAtCapacity: distribution.buswayLossFractionAtCapacity,
            buswayLossSegments: distribution.buswayLossSegments, linkEfficiency: distribution.gridToBusEfficiency,
            busToRackEfficiency: distribution.busToRackEfficiency, smrRectifierEfficiency: distribution.efficiencies.smrRectifier,
            dcDCEfficiency: distribution.efficiencies.dcDC, storageInverterEfficiency: distribution.efficiencies.storageInverter,
            coolingTransformerEfficiency: distribution.efficiencies.coolingTransformer)
        itFleet = ITFleet(racks: site.itFleet.racks, powerPerRackKW: site.itFleet.powerPerRackKW, capacityMW: site.itFleet.capacityMW,
                          idleFraction: site.itFleet.idleFraction, tokensPerMWh: site.itFleet.tokensPerMWh)
        inferenceDemandMW = site.inference.demandMW
        inferenceValueOfLostServiceUSDPerMWh = site.inference.valueOfLostServiceUSDPerMWh
        inferenceCappedPoints = site.inference.performance?.curve.cappedPoints.map(CappedPoint.init) ?? []
        inferenceTokensPerMWhAtFullPower = site.inference.tokensPerMWhAtFullPower
        trainingJobs = site.trainingJobs.map { job in
            TrainingJob(name: job.name, energyMWh: job.energyMWh, releaseUTC: Island.Horizon.format(job.releaseUTC),
                        deadlineUTC: Island.Horizon.format(job.deadlineUTC), maxPowerMW: job.maxPowerMW, minPowerMW: job.minPowerMW,
                        undeliveredPenaltyUSDPerMWh: job.undeliveredPenaltyUSDPerMWh, firstStep: job.firstStep, lastStep: job.lastStep,
                        mayRun: job.mayRun(site.horizon).map { $0 ? 1 : 0 }, inWindow: job.inWindow(site.horizon).map { $0 ? 1 : 0 },
                        minShareInWindow: job.minShareInWindow,
                        pause: job.pause.map { Pause(restartEnergyMWh: $0.restartEnergyMWh, restartCostUSD: $0.restartCostUSD,
                                                     restartSteps: $0.restartSteps(stepHours: site.horizon.stepHours),
                                                     minRunSteps: $0.minRunSteps(stepHours: site.horizon.stepHours), model: $0.model.rawValue) },
                        cappedPoints: job.performance?.curve.cappedPoints.map(CappedPoint.init) ?? [])
        }
        trainingGroups = site.trainingGroups.map { TrainingGroup(name: $0.name, jobs: $0.jobs, maxPowerMW: $0.maxPowerMW) }
        cop = site.copSeries
        coolingMWPerMWHeat = site.copSeries.map { 1 / ($0 * distribution.efficiencies.coolingTransformer) }
        freeCoolingShare = site.freeCoolingShare
        dryBulbC = site.weather?.dryBulbC
        wetBulbC = site.weather?.wetBulbC
        carbon = Carbon(priceUSDPerT: site.carbon.priceUSDPerTonne, capT: site.carbon.capTonnes,
                        intensityCapGramsPerKWhIT: site.carbon.intensityCapGramsPerKWhIT, cfeTargetShare: site.carbon.cfeTargetShare,
                        capBasis: site.carbon.capBasis.rawValue)
        limitsImportLimitMW = site.limits.importLimitMW
        limitsRampLimitMWPerHour = site.limits.rampLimitMWPerHour
        let rate = site.investment.discountRate, years = site.horizonYears
        builds = site.expansions.map { key, expansion in
            Build(asset: key.asset.rawValue, name: key.name, dimension: key.dimension.rawValue, existing: expansion.existing,
                  minimum: expansion.minimum, maximum: expansion.maximum.isFinite ? expansion.maximum : nil,
                  integer: key.asset == .smr && site.smr?.integerUnits == true,
                  horizonCostUSDPerUnit: years * expansion.annualCostUSDPerUnitYear(discountRate: rate),
                  sunkCapexUSD: years * expansion.annualisedCapexUSDPerUnitYear(discountRate: rate) * expansion.existing,
                  annualisedCapexUSDPerUnitYear: expansion.annualisedCapexUSDPerUnitYear(discountRate: rate),
                  fixedOMUSDPerUnitYear: expansion.fixedOMUSDPerUnitYear, lifetimeYears: expansion.lifetimeYears)
        }
        demandResponse = DemandResponse.dump(site)
        aggregation = site.representativePeriods.map { periods in
            Aggregation(originalSteps: periods.originalHorizon.steps, stepWeights: periods.stepWeights,
                        periodStarts: periods.periods.map(\.lowerBound), periodLengths: periods.periods.map(\.count),
                        sequence: periods.sequence, originalPeriods: periods.originalPeriods)
        }
    }

    /// The dump as pretty-printed JSON with snake_case keys (`price_usd_per_mwh` style).
    public func json() throws -> Data {
        let encoder = JSONEncoder()
        encoder.keyEncodingStrategy = .custom { path in InputDump.SnakeKey(path.last!.stringValue) }
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
        return try encoder.encode(self)
    }

    /// camelCase to snake_case keeping unit acronyms whole: `importPriceUSDPerMWh` becomes
    /// `import_price_usd_per_mwh`, `carbonIntensityGramsPerKWh` becomes `carbon_intensity_g_per_kwh`.
    static func availability(_ inService: [Bool]?, steps: Int) -> [Double] {
        inService?.map { $0 ? 1 : 0 } ?? [Double](repeating: 1, count: steps)
    }

    struct SnakeKey: CodingKey {
        var stringValue: String
        var intValue: Int? { nil }
        init(_ camel: String) { stringValue = SnakeKey.convert(camel) }
        init?(stringValue: String) { self.stringValue = stringValue }
        init?(intValue: Int) { nil }

        static func convert(_ camel: String) -> String {
            let replacements = [("USD", "Usd"), ("MWh", "Mwh"), ("KWh", "Kwh"), ("MW", "Mw"), ("KW", "Kw"), ("UTC", "Utc"),
                                ("SOC", "Soc"), ("SHA256", "Sha256"), ("COP", "Cop"), ("IT", "It"), ("DC", "Dc"),
                                ("Grams", "G")]
            var text = camel
            for (from, to) in replacements { text = text.replacingOccurrences(of: from, with: to) }
            var result = ""
            for character in text {
                if character.isUppercase {
                    if !result.isEmpty { result += "_" }
                    result += character.lowercased()
                } else {
                    result.append(character)
                }
            }
            return result
        }
    }
}
