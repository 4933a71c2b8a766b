import Foundation
import Island
import Optimization

/// Options for compiling a site into an LP.
public struct CompileOptions: Sendable {
    /// Build the elastic model used to explain infeasibility: every hard limit gets a slack
    /// priced at ``elasticPenaltyUSD`` (policy limits) or ``elasticServicePenaltyUSD``
    /// (demand and balance) per unit missed.
    public var elastic: Bool
    /// Per-step IT capacity replacing the electrical one (thermal limits), MW.
    public var itCapacityMW: [Double]?
    /// Per step, the IT capacity one MW of training takes up (>= 1; default 1): training racks
    /// that swing between compute and communication phases carry less mean power per rack
    /// under a thermal limit than inference racks (``RackCaps/trainingWeight``).
    public var trainingCapacityWeight: [Double]?
    /// Name every row and column (needed for exports and readable diagnostics).
    public var names: Bool
    /// Refuse sites whose LP would exceed this many coefficients, before building it.
    public var maximumNonzeros: Int
    /// Where earlier windows left the run (receding-horizon operation); nil: the site's own start.
    public var initialState: InitialState?
    /// End-of-window conditions replacing the site's end-of-horizon ones; nil: the site's own.
    public var terminal: TerminalTargets?

    /// Price of a policy limit missed in the elastic model (carbon cap and intensity cap per t,
    /// CFE target per MWh).
    public static let elasticPenaltyUSD = 1e6
    /// Price of demand not served or supply not balanced (per MWh), a thousand times a policy
    /// limit's: when a policy target cannot be met, the explanation names the target rather
    /// than shedding the demand that the target is measured on (a CFE target of 1 with no
    /// carbon-free supply is met by serving nothing).
    public static let elasticServicePenaltyUSD = 1e9

    public init(elastic: Bool = false, itCapacityMW: [Double]? = nil, names: Bool = true, maximumNonzeros: Int = 20_000_000) {
        self.elastic = elastic
        self.itCapacityMW = itCapacityMW
        self.names = names
        self.maximumNonzeros = maximumNonzeros
    }
}

/// The site is too large to compile under the configured limit.
public struct ModelSizeError: Error, CustomStringConvertible, Sendable {
    public let estimatedNonzeros: Int
    public let limit: Int
    public var description: String {
        "the site would create an LP with about \(estimatedNonzeros) non-zeros, above the limit of \(limit); shorten the horizon or raise the limit"
    }
}

/// Compiles a validated ``Site`` into one LP (MILP with integer SMR commitment).
///
/// Variables first, then constraints, then the objective, each family for all steps at
/// once (one function each). Power is in MW, energy in MWh = MW x step hours, emissions in
/// t, costs in USD. Two buses: the AC bus (point of common coupling: grid, AC-coupled
/// renewables and storage, backup, cooling, and the SMR for ac415) and the IT bus (800 V DC,
/// or the UPS input for ac415), joined by a bidirectional link (solid-state transformer or
/// transformer).
public enum SiteCompiler {
    public static func compile(_ site: Site, options: CompileOptions = CompileOptions()) throws -> SiteModel {
        let estimate = estimatedNonzeros(site)
        guard estimate <= options.maximumNonzeros else {
            throw ModelSizeError(estimatedNonzeros: estimate, limit: options.maximumNonzeros)
        }
        guard options.initialState != nil || options.terminal != nil else {
            var builder = Builder(site: site, options: options)
            return builder.build()
        }
        // Window state (docs/operations.md): site parameters first, then rows and bounds.
        let initial = options.initialState ?? InitialState()
        let stated = initial.applied(to: site, terminal: options.terminal)
        var builder = Builder(site: stated, options: options)
        var model = builder.build()
        model.apply(initial: initial, terminal: options.terminal, site: stated)
        return model
    }

    /// An upper bound on the LP's coefficients (entries before repeated pairs are merged),
    /// computed from the site alone in O(components), so that an oversized site is refused
    /// before any of its model is allocated.
    ///
    /// Mirrors the families of `docs/formulation.md`, per step: both bus balances, IT power
    /// definition and capacity, busway chords, storage dynamics, SMR ramps and commitment
    /// (minimum up/down rows sum `upSteps`/`downSteps` startups, so they grow with those
    /// times), demand-charge rows, carbon and intensity caps, CFE rows, site import and ramp
    /// limits, and the elastic slacks. `SchedulingTests` checks it bounds the real count.
    public static func estimatedNonzeros(_ site: Site, elastic: Bool = true) -> Int {
        let steps = site.horizon.steps
        let feeds = site.gridFeeds.count, renewables = site.renewables.count, batteries = site.batteries.count
        let backups = site.backupGenerators.count, jobs = site.trainingJobs.count
        let hasSMR = site.smr == nil ? 0 : 1
        var perStep = 0
        // AC and IT bus balances: every source and storage term, the link (4), IT power and loss (2 each).
        perStep += hasSMR + 2 * feeds + renewables + 2 * batteries + backups + 8
        // IT power definition and capacity: IT power, every job, shed or its elastic slack.
        perStep += 1 + 2 * jobs + 2 * 2
        // Busway chords: loss and IT power per segment.
        perStep += 2 * max(1, site.distribution.buswayLossSegments)
        // Training energy rows: one entry per job step.
        perStep += jobs
        // Storage dynamics: soc, previous soc, charge, discharge.
        perStep += 4 * batteries
        // Demand charges: import and peak per feed.
        perStep += 2 * site.gridFeeds.filter { $0.demandChargeUSDPerMW > 0 }.count
        if let smr = site.smr {
            perStep += 4  // ramp up and down
            if smr.commitment == .integer {
                let hours = site.horizon.stepHours
                let upSteps = max(1, Int((smr.minUpHours / hours).rounded(.up)))
                let downSteps = max(1, Int((smr.minDownHours / hours).rounded(.up)))
                perStep += 4  // maximum output and minimum stable load
                if upSteps > 1 || downSteps > 1 { perStep += 4 + (1 + min(upSteps, steps)) + (1 + min(downSteps, steps)) }
            }
        }
        let emitters = hasSMR + feeds + backups
        let intake = hasSMR + 2 * feeds + renewables + backups
        let consumption = intake + 2 * batteries
        if site.carbon.capTonnes != nil { perStep += emitters }
        if site.carbon.intensityCapGramsPerKWhIT != nil { perStep += emitters + 1 }
        if site.carbon.cfeTargetShare != nil { perStep += (1 + hasSMR + renewables + feeds) + (2 + consumption) + 2 }
        if site.limits.importLimitMW != nil { perStep += feeds }
        if site.limits.rampLimitMWPerHour != nil { perStep += 4 * intake }
        if elastic { perStep += 2 }
        perStep += powerCappingNonzerosPerStep(site)
        // Market-based caps: PPA cover columns in both cap rows and both limit rows, imports in the limit rows.
        if site.carbon.capBasis == .market { perStep += 4 * site.carbon.ppas.count + 2 * feeds + 1 }
        // Dump: its balance entry, and a turbine bypass's limit row (dump and SMR).
        if site.dump != nil { perStep += 3 }
        // Water cap: IT power and busway loss per step.
        if site.cooling.water?.capCubicMetres != nil { perStep += 3 }
        // Demand response: an event row holds the imports, its shortfall and the commitment.
        perStep += (feeds + 2) * (site.flexibility?.demandResponse.count ?? 0)
        // Heat reuse: its source row (offtake, IT power, busway loss) and the AC balance.
        if site.heatReuse != nil { perStep += 4 }
        // Planned capacities: each sized dimension's column enters up to three rows per step
        // (two for battery power and energy, three with SMR ramps), and each row also holds
        // the step's own column; integer SMR commitment adds its available-units row.
        let expansions = site.expansions.count
        if expansions > 0 { perStep += 6 * expansions + (site.smr?.commitment == .integer ? 4 : 0) }
        // Once per model: final state of charge, undelivered-energy and elastic columns.
        let once = batteries + 2 * jobs + 8 + trainingFlexibilityNonzeros(site) + representativeNonzeros(site)
        let (product, overflow) = steps.multipliedReportingOverflow(by: perStep)
        return overflow ? Int.max : product + once
    }
}

/// Builds one site's LP; one method per variable or constraint family.
struct Builder {
    let site: Site
    let options: CompileOptions
    let steps: Int
    let hours: Double
    let labels: [String]
    let capacity: [Double]
    /// Per step, the steps of the horizon it stands for: 1, or on a site of representative
    /// periods its period's weight (docs/formulation.md, 15). Every per-step cost and every
    /// term of a sum over the horizon is multiplied by it.
    let weight: [Double]
    /// Per step, whether a row looking one step back has no step before it: the first step, and
    /// on a site of representative periods every period's first (its neighbour in time is tied
    /// by ``addTransitionRows``).
    let periodStart: [Bool]
    var program: LinearProgram
    /// Installed capacity columns of the dimensions the site lets the plan size (`build`).
    var built: [ExpansionKey: Column] = [:]
    /// With `carbon.embodied_in_decisions`: amortised embodied tonnes per unit of each planned
    /// capacity column, and of everything installed that is not planned (a constant).
    var embodiedPerUnit: [(column: Column, tonnes: Double)] = []
    var embodiedFixedTonnes = 0.0
    /// Market-based caps: the horizon's annual-instrument cover (MWh) and the t it saves per MWh.
    var annualCover: (column: Column, tonnesPerMWh: Double)?
    /// Integer SMR commitment's transition and minimum up/down rows, when it has them.
    var smrCommitment: SMRCommitmentRows?
    /// Representative periods: each battery's state of charge across the original periods.
    var storageLinks: [StorageLink] = []

    init(site: Site, options: CompileOptions) {
        self.site = site
        self.options = options
        steps = site.horizon.steps
        hours = site.horizon.stepHours
        labels = options.names ? (0..<site.horizon.steps).map { site.stepLabel($0) } : []
        weight = site.representativePeriods?.stepWeights ?? Array(repeating: 1, count: site.horizon.steps)
        periodStart = site.representativePeriods?.periodStarts ?? (0..<site.horizon.steps).map { $0 == 0 }
        let electrical = site.itFleet.capacityMW
        capacity = options.itCapacityMW.map { $0.map { min($0, electrical) } } ?? Array(repeating: electrical, count: site.horizon.steps)
        program = LinearProgram(name: sanitized(site.name), sense: .minimize)
        program.reserve(columns: 16 * steps, rows: 16 * steps, entries: SiteCompiler.estimatedNonzeros(site))
    }

    // MARK: Naming

    func namer(_ family: String, _ component: String? = nil) -> ((Int) -> String)? {
        guard options.names else { return nil }
        let prefix = component.map { "\(family)[\(sanitized($0))," } ?? "\(family)["
        return { [labels] in "\(prefix)\(labels[$0])]" }
    }

    func name(_ text: String) -> String { options.names ? sanitized(text) : "" }

    /// The key of a family of per-step columns or rows (``StepBlock``), built whether or not
    /// names are: what matches a window's blocks with the next window's (warm starts).
    func blockKey(_ family: String, _ component: String? = nil) -> String {
        component.map { "\(family)[\($0)]" } ?? family
    }

    mutating func columns(_ family: String, _ component: String? = nil, lower: (Int) -> Double = { _ in 0 },
                          upper: (Int) -> Double, cost: (Int) -> Double = { _ in 0 },
                          kind: LinearProgram.ColumnKind = .continuous) -> ColumnBlock {
        // A step's cost is paid once for every step it stands for.
        program.addColumns(count: steps, lower: lower, upper: upper, objective: { [weight] t in cost(t) * weight[t] }, kind: kind,
                           name: namer(family, component), family: blockKey(family, component))
    }

    // MARK: Build

    mutating func build() -> SiteModel {
        let site = self.site, hours = self.hours, steps = self.steps
        let distribution = site.distribution
        let isDC = distribution.architecture == .dc800
        let carbonPriceUSDPerTonne = site.carbon.priceUSDPerTonne

        // Variables.
        let capacities = addCapacityColumns()
        let smr = addSMR()
        let feeds = site.gridFeeds.map { addGridFeed($0, carbonPriceUSDPerTonne: carbonPriceUSDPerTonne) }
        let renewables = site.renewables.map { renewable in
            addLimited("renewable", renewable.name, capacityMW: renewable.capacityMW,
                       key: ExpansionKey(asset: .renewable, name: renewable.name, dimension: .powerMW),
                       factor: { renewable.capacityFactor[$0] })
        }
        let tieBreak = site.dump.map { LossTieBreak(site: site, dump: $0) }
        let batteries = site.batteries.enumerated().map { index, battery in
            addBattery(battery, chargeTieBreakUSDPerMWh: tieBreak?.chargeUSDPerMWh[index] ?? 0)
        }
        let backups = site.backupGenerators.map { generator in
            addLimited("backup", generator.name, capacityMW: generator.capacityMW,
                       key: ExpansionKey(asset: .backup, name: generator.name, dimension: .powerMW),
                       factor: { generator.inService?[$0] == false ? 0 : 1 },
                       cost: { [hours] t in hours * (generator.marginalCostUSDPerMWh + carbonPriceUSDPerTonne * generator.emissionFactorGramsPerKWh / 1000) })
        }
        let circulation = tieBreak?.linkUSDPerMWh ?? 0
        let forward = columns("link_forward", upper: { _ in distribution.busCapacityMW }, cost: { [hours] _ in hours * circulation })
        let reverse = columns("link_reverse", upper: { _ in distribution.busCapacityMW }, cost: { [hours] _ in hours * circulation })
        let busCapacity = min(distribution.busCapacityMW, site.itFleet.capacityMW / distribution.busToRackEfficiency)
        let buswayLoss = columns("busway_loss", upper: { _ in distribution.buswayLossMW(atPowerMW: distribution.busCapacityMW) },
                                 cost: { [hours] t in hours * (tieBreak?.buswayUSDPerMWh[t] ?? 0) })
        let itPower = columns("it_power", lower: { [capacity] in site.itFleet.idleFraction * capacity[$0] }, upper: { [capacity] in capacity[$0] })
        let shed: ColumnBlock? = site.inference.valueOfLostServiceUSDPerMWh.map { value in
            columns("inference_shed", upper: { site.inference.demandMW[$0] }, cost: { [hours] _ in hours * value })
        }
        let training = site.trainingJobs.map { job in
            program.addColumns(count: job.lastStep - job.firstStep + 1,
                               lower: { _ in job.minPowerMW }, upper: { _ in job.maxPowerMW },
                               name: options.names ? { [labels] in "training[\(sanitized(job.name)),\(labels[job.firstStep + $0])]" } : nil,
                               family: blockKey("training", job.name), firstStep: job.firstStep)
        }
        let undelivered: [Column?] = site.trainingJobs.map { job in
            if let penalty = job.undeliveredPenaltyUSDPerMWh {
                return program.addColumn(upper: job.energyMWh, objective: penalty, name: name("training_undelivered[\(job.name)]"))
            }
            if options.elastic {
                return program.addColumn(upper: job.energyMWh, objective: CompileOptions.elasticServicePenaltyUSD, name: name("elastic_training[\(job.name)]"))
            }
            return nil
        }
        let smrOutput = smr?.output

        // SMR at its bus: through a rectifier onto the IT bus (`connection: dc_bus`, dc800 only),
        // or through its step-up transformer onto the AC switchyard.
        var acTerms: [(ColumnBlock, Double)] = []
        var itTerms: [(ColumnBlock, Double)] = []
        if let smrOutput, let fleet = site.smr {
            let path = smrPathEfficiency(fleet)
            if fleet.connection == .dcBus && isDC { itTerms.append((smrOutput, path)) } else { acTerms.append((smrOutput, path)) }
        }
        let dump = addDump(smrOutput: smrOutput, acTerms: &acTerms, itTerms: &itTerms)
        for (imports, exports) in feeds.map({ ($0.imports, $0.exports) }) {
            acTerms.append((imports, 1))
            acTerms.append((exports, -1))
        }
        for (renewable, block) in zip(site.renewables, renewables) {
            if renewable.coupling == .dc && isDC { itTerms.append((block, distribution.efficiencies.dcDC)) } else { acTerms.append((block, 1)) }
        }
        for (battery, block) in zip(site.batteries, batteries) {
            if battery.coupling == .dc && isDC {
                itTerms.append((block.discharge, distribution.efficiencies.dcDC))
                itTerms.append((block.charge, -1 / distribution.efficiencies.dcDC))
            } else {
                acTerms.append((block.discharge, distribution.efficiencies.storageInverter))
                acTerms.append((block.charge, -1 / distribution.efficiencies.storageInverter))
            }
        }
        for block in backups { acTerms.append((block, 1)) }
        let link = distribution.gridToBusEfficiency
        acTerms.append((forward, -1))
        acTerms.append((reverse, link))
        itTerms.append((forward, link))
        itTerms.append((reverse, -1))

        // Cooling: heat indoors is everything drawn from the IT bus; cooling electricity is
        // heat / COP, fed from the AC bus through the cooling transformer.
        let finalEfficiency = distribution.busToRackEfficiency
        let coolingPerHeat = site.copSeries.map { 1 / ($0 * distribution.efficiencies.coolingTransformer) }

        // AC bus balance: sources - sinks = 0.
        let acBalance = program.addRows(count: steps, .equal, rhs: { _ in 0 }, name: namer("balance"), family: blockKey("balance"))
        for (block, coefficient) in acTerms { program.addCoefficients(rows: acBalance, columns: block, value: coefficient) }
        program.addCoefficients(rows: acBalance, columns: itPower) { -coolingPerHeat[$0] / finalEfficiency }
        program.addCoefficients(rows: acBalance, columns: buswayLoss) { -coolingPerHeat[$0] }

        // IT bus balance.
        let itBalance = program.addRows(count: steps, .equal, rhs: { _ in 0 }, name: namer("it_bus_balance"), family: blockKey("it_bus_balance"))
        for (block, coefficient) in itTerms { program.addCoefficients(rows: itBalance, columns: block, value: coefficient) }
        program.addCoefficients(rows: itBalance, columns: itPower, value: -1 / finalEfficiency)
        program.addCoefficients(rows: itBalance, columns: buswayLoss, value: -1)

        // IT power = idle draw of unused capacity + work: it = idle*cap + (1-idle)(inference + training).
        let idle = site.itFleet.idleFraction
        let demand = site.inference.demandMW
        let itDefinition = program.addRows(count: steps, .equal,
                                           rhs: { [capacity] t in idle * capacity[t] + (1 - idle) * demand[t] }, name: namer("it_power_definition"), family: blockKey("it_power_definition"))
        program.addCoefficients(rows: itDefinition, columns: itPower, value: 1)
        // Work never exceeds IT capacity: training - shed <= capacity - inference demand.
        let itCapacity = program.addRows(count: steps, .lessOrEqual, rhs: { [capacity] t in capacity[t] - demand[t] }, name: namer("it_capacity"), family: blockKey("it_capacity"))
        for (job, block) in zip(site.trainingJobs, training) {
            let window = RowBlock(start: itDefinition.start + job.firstStep, count: block.count)
            program.addCoefficients(rows: window, columns: block, value: -(1 - idle))
            let weight = options.trainingCapacityWeight
            program.addCoefficients(rows: RowBlock(start: itCapacity.start + job.firstStep, count: block.count), columns: block) { i in
                weight.map { max(1, $0[job.firstStep + i]) } ?? 1
            }
        }
        var inferenceShortfall: ColumnBlock?
        if let shed {
            program.addCoefficients(rows: itDefinition, columns: shed, value: 1 - idle)
            program.addCoefficients(rows: itCapacity, columns: shed, value: -1)
        } else if options.elastic {
            let slack = columns("elastic_inference", upper: { demand[$0] }, cost: { [hours] _ in hours * CompileOptions.elasticServicePenaltyUSD })
            program.addCoefficients(rows: itDefinition, columns: slack, value: 1 - idle)
            program.addCoefficients(rows: itCapacity, columns: slack, value: -1)
            inferenceShortfall = slack
        }

        // Busway I^2R loss as the maximum of chords of the convex loss curve over the
        // reachable bus power: exact at breakpoints, above the curve between them.
        addBuswayLoss(buswayLoss: buswayLoss, itPower: itPower, busPowerMaximumMW: busCapacity)

        // Training energy by the deadline.
        var trainingEnergy: [Row] = []
        var trainingShortfall: [Column?] = []
        for (index, job) in site.trainingJobs.enumerated() {
            let row = program.addRow(.equal, job.energyMWh, name: name("training_energy[\(job.name)]"))
            program.addCoefficients(row: row, columns: training[index]) { [hours, weight] offset in hours * weight[job.firstStep + offset] }
            if let column = undelivered[index] { program.addCoefficient(row, column, 1) }
            trainingEnergy.append(row)
            trainingShortfall.append(job.undeliveredPenaltyUSDPerMWh == nil ? undelivered[index] : nil)
        }
        let trainingPause = addTrainingFlexibility(training: training, energy: trainingEnergy)
        let capping = addPowerCapping(itDefinition: itDefinition, itCapacity: itCapacity, training: training,
                                      trainingEnergy: trainingEnergy, inferenceShed: shed ?? inferenceShortfall)

        // Elastic supply slacks on the AC bus.
        var elastic: ElasticSlacks?
        if options.elastic {
            let shortfall = columns("elastic_supply_shortfall", upper: { _ in .infinity }, cost: { [hours] _ in hours * CompileOptions.elasticServicePenaltyUSD })
            let surplus = columns("elastic_supply_surplus", upper: { _ in .infinity }, cost: { [hours] _ in hours * CompileOptions.elasticServicePenaltyUSD })
            program.addCoefficients(rows: acBalance, columns: shortfall, value: 1)
            program.addCoefficients(rows: acBalance, columns: surplus, value: -1)
            elastic = ElasticSlacks(supplyShortfall: shortfall, supplySurplus: surplus, inferenceShortfall: inferenceShortfall,
                                    trainingShortfall: trainingShortfall)
        }

        // Carbon limits.
        // Caps count location-based emissions, or market-based ones (docs/formulation.md, 4.7).
        let emissionTerms = site.carbon.capBasis == .market && (site.carbon.capTonnes != nil || site.carbon.intensityCapGramsPerKWhIT != nil)
            ? addMarketEmissionTerms(smr: smrOutput, feeds: feeds, backups: backups)
            : emissionCoefficients(smr: smrOutput, feeds: feeds, backups: backups)
        var carbonCap: Row?
        if let cap = site.carbon.capTonnes {
            let row = program.addRow(.lessOrEqual, cap - embodiedFixedTonnes, name: name("carbon_cap"))
            for (block, coefficient) in emissionTerms { addSum(row, block, coefficient) }
            for (column, tonnes) in embodiedPerUnit { program.addCoefficient(row, column, tonnes) }
            if let annualCover { program.addCoefficient(row, annualCover.column, -annualCover.tonnesPerMWh) }
            if options.elastic {
                let excess = program.addColumn(objective: CompileOptions.elasticPenaltyUSD, name: name("elastic_carbon_excess"))
                program.addCoefficient(row, excess, -1)
                elastic?.carbonExcess = excess
            }
            carbonCap = row
        }
        var intensityCap: Row?
        if let capGramsPerKWh = site.carbon.intensityCapGramsPerKWhIT {
            let row = program.addRow(.lessOrEqual, -embodiedFixedTonnes, name: name("carbon_intensity_cap"))
            for (block, coefficient) in emissionTerms { addSum(row, block, coefficient) }
            for (column, tonnes) in embodiedPerUnit { program.addCoefficient(row, column, tonnes) }
            if let annualCover { program.addCoefficient(row, annualCover.column, -annualCover.tonnesPerMWh) }
            addSum(row, itPower) { [hours] _ in -capGramsPerKWh * hours / 1000 }
            if options.elastic {
                let excess = program.addColumn(objective: CompileOptions.elasticPenaltyUSD, name: name("elastic_intensity_excess"))
                program.addCoefficient(row, excess, -1)
                elastic?.intensityExcess = excess
            }
            intensityCap = row
        }

        let heatOfftake = addHeatReuse(itPower: itPower, buswayLoss: buswayLoss, acBalance: acBalance, coolingPerHeat: coolingPerHeat)
        let waterCap = addWater(itPower: itPower, buswayLoss: buswayLoss, heatOfftake: heatOfftake)

        // 24/7 carbon-free energy (Google's hourly CFE score): consumption splits into matched
        // and unmatched energy, matched[t] <= clean supply, and the target reads
        // (1 - target) x sum(matched) - target x sum(unmatched) >= 0, which is
        // sum(matched) >= target x sum(consumption) with two entries per step instead of one
        // per source: the horizon-wide row an interior point factors stays short
        // (docs/formulation.md, 4.7).
        var cfeMatched: ColumnBlock?
        var cfeUnmatched: ColumnBlock?
        var cfeClean: [(ColumnBlock, (Int) -> Double)] = []
        var cfeTarget: Row?
        if let target = site.carbon.cfeTargetShare {
            let matched = columns("cfe_matched", upper: { _ in .infinity })
            let unmatched = columns("cfe_unmatched", upper: { _ in .infinity })
            let cleanRows = program.addRows(count: steps, .lessOrEqual, rhs: { _ in 0 }, name: namer("cfe_clean_supply"), family: blockKey("cfe_clean_supply"))
            let loadRows = program.addRows(count: steps, .equal, rhs: { _ in 0 }, name: namer("cfe_consumption"), family: blockKey("cfe_consumption"))
            program.addCoefficients(rows: cleanRows, columns: matched, value: 1)
            program.addCoefficients(rows: loadRows, columns: matched, value: 1)
            program.addCoefficients(rows: loadRows, columns: unmatched, value: 1)
            cfeClean = cleanSupplyTerms(smr: smrOutput, feeds: feeds, renewables: renewables)
            for (block, share) in cfeClean {
                program.addCoefficients(rows: cleanRows, columns: block) { -share($0) }
            }
            let consumption = consumptionTerms(smr: smrOutput, feeds: feeds, renewables: renewables, batteries: batteries, backups: backups)
            for (block, coefficient) in consumption { program.addCoefficients(rows: loadRows, columns: block, value: -coefficient) }
            // Dumped power is not consumption (docs/formulation.md, 4.8).
            if let dump { program.addCoefficients(rows: loadRows, columns: dump, value: 1) }
            let row = program.addRow(.greaterOrEqual, 0, name: name("cfe_target"))
            addSum(row, matched) { [hours] _ in (1 - target) * hours }
            addSum(row, unmatched) { [hours] _ in -target * hours }
            if options.elastic {
                let shortfall = program.addColumn(objective: CompileOptions.elasticPenaltyUSD, name: name("elastic_cfe_shortfall"))
                program.addCoefficient(row, shortfall, 1)
                elastic?.cfeShortfall = shortfall
            }
            cfeMatched = matched
            cfeUnmatched = unmatched
            cfeTarget = row
        }
        let ratioTerms = intensityCap == nil && cfeTarget == nil ? nil
            : carbonRatioTerms(emissions: emissionTerms, itPower: itPower, cfeClean: cfeClean, matched: cfeMatched, unmatched: cfeUnmatched)

        // Site-wide import limit and ramp limit on net site intake.
        var siteImportLimit: RowBlock?
        if let limit = site.limits.importLimitMW, !feeds.isEmpty {
            let rows = program.addRows(count: steps, .lessOrEqual, rhs: { _ in limit }, name: namer("site_import_limit"), family: blockKey("site_import_limit"))
            for feed in feeds { program.addCoefficients(rows: rows, columns: feed.imports, value: 1) }
            siteImportLimit = rows
        }
        if let ramp = site.limits.rampLimitMWPerHour, steps > 1 {
            let intake = intakeTerms(smr: smrOutput, feeds: feeds, renewables: renewables, backups: backups)
            let up = program.addRows(count: steps, lower: { _ in -.infinity }, upper: { [periodStart] in periodStart[$0] ? .infinity : ramp * hours },
                                     name: namer("site_ramp_up"), family: blockKey("site_ramp_up"))
            let down = program.addRows(count: steps, lower: { _ in -.infinity }, upper: { [periodStart] in periodStart[$0] ? .infinity : ramp * hours },
                                       name: namer("site_ramp_down"), family: blockKey("site_ramp_down"))
            for (block, coefficient) in intake {
                program.addCoefficients(rows: up, columns: block, value: coefficient)
                program.addCoefficients(rows: up, columns: block, columnOffset: -1, value: -coefficient)
                program.addCoefficients(rows: down, columns: block, value: -coefficient)
                program.addCoefficients(rows: down, columns: block, columnOffset: -1, value: coefficient)
            }
            addTransitionRows("site_ramp", terms: intake) { _, _ in (ramp * hours, ramp * hours) } capacity: { nil }
        }

        let demandResponse = addDemandResponse(imports: feeds.map(\.imports))
        var model = SiteModel(
            program: program, itCapacityMW: capacity,
            smr: smrOutput, smrOnlineUnits: smr?.online,
            gridImport: feeds.map(\.imports), gridExport: feeds.map(\.exports), gridPeak: feeds.map(\.peak),
            renewable: renewables,
            batteryCharge: batteries.map(\.charge), batteryDischarge: batteries.map(\.discharge), batterySOC: batteries.map(\.soc),
            backup: backups, dump: dump, lossTieBreak: tieBreak, linkForward: forward, linkReverse: reverse, buswayLoss: buswayLoss,
            itPower: itPower, inferenceShed: shed, training: training, trainingUndelivered: undelivered, cfeMatched: cfeMatched,
            acBalance: acBalance, itBusBalance: itBalance, itCapacity: itCapacity, carbonCap: carbonCap,
            intensityCap: intensityCap, cfeTarget: cfeTarget, siteImportLimit: siteImportLimit,
            trainingEnergy: trainingEnergy, elastic: elastic, waterCap: waterCap, heatOfftake: heatOfftake, capacities: capacities,
            smrCommitment: smrCommitment, demandResponse: demandResponse, capping: capping)
        model.trainingPause = trainingPause
        model.storageLinks = storageLinks
        model.carbonRatioTerms = ratioTerms
        return model
    }

    /// The ratio rows' terms per step, with the weights and hours the rows carry.
    func carbonRatioTerms(emissions: [(ColumnBlock, (Int) -> Double)], itPower: ColumnBlock, cfeClean: [(ColumnBlock, (Int) -> Double)],
                          matched: ColumnBlock?, unmatched: ColumnBlock?) -> CarbonRatioTerms {
        let weight = self.weight, hours = self.hours
        func term(_ block: ColumnBlock, _ coefficient: (Int) -> Double) -> CarbonRatioTerms.Term {
            CarbonRatioTerms.Term(block: block, perStep: (0..<block.count).map { coefficient($0) * weight[$0] })
        }
        var terms = CarbonRatioTerms(itEnergy: term(itPower) { _ in hours })
        terms.emissions = emissions.map { term($0.0, $0.1) }
        terms.annualCover = annualCover
        terms.embodiedFixedTonnes = embodiedFixedTonnes
        // Clean supply is per MW within a step (no weight): matched <= clean holds step by step.
        terms.cfeClean = cfeClean.map { block, share in CarbonRatioTerms.Term(block: block, perStep: (0..<block.count).map(share)) }
        terms.cfeMatched = matched.map { term($0) { _ in hours } }
        terms.cfeUnmatched = unmatched.map { term($0) { _ in hours } }
        return terms
    }

    /// A sum over the horizon: `coefficient(i)` on `block[i]`, times the weight of its step
    /// (`firstStep + i`; blocks of training jobs start at their first step).
    mutating func addSum(_ row: Row, _ block: ColumnBlock, firstStep: Int = 0, _ coefficient: (Int) -> Double) {
        program.addCoefficients(row: row, columns: block) { [weight] i in coefficient(i) * weight[firstStep + i] }
    }

    // MARK: Capacity

    /// One column per asset dimension the plan sizes: bounds are the installed totals allowed,
    /// the cost is the horizon's share of a year's annualised capital on additions plus fixed
    /// O&M on everything installed (the existing part's sunk capital is taken out through the
    /// objective constant). docs/formulation.md, section 14.
    mutating func addCapacityColumns() -> [(key: ExpansionKey, column: Column)] {
        let years = site.horizonYears, rate = site.investment.discountRate
        var list: [(key: ExpansionKey, column: Column)] = []
        for (key, expansion) in site.expansions {
            let integer = key.asset == .smr && site.smr?.integerUnits == true
            let column = program.addColumn(lower: expansion.minimum, upper: expansion.maximum,
                                           objective: years * expansion.annualCostUSDPerUnitYear(discountRate: rate),
                                           kind: integer ? .integer : .continuous,
                                           name: name("capacity[\(key.asset.rawValue),\(key.name),\(key.dimension.rawValue)]"))
            program.objectiveConstant -= years * expansion.annualisedCapexUSDPerUnitYear(discountRate: rate) * expansion.existing
            built[key] = column
            list.append((key, column))
        }
        if site.carbon.embodiedInDecisions { addEmbodiedCarbon() }
        return list
    }

    /// Embodied carbon in the decisions (`carbon.embodied_in_decisions`): each planned
    /// dimension's amortised tonnes per unit priced at the carbon price on its column, the rest
    /// of what is installed as a constant; both also enter the caps (formulation.md 14.5).
    mutating func addEmbodiedCarbon() {
        let years = site.horizonYears, factors = site.embodiedCarbon.factors
        func perUnit(_ asset: EmbodiedCarbon.Asset, kilowattsPerUnit: Double) -> Double {
            factors[asset].map { $0.amortisedTonnes(units: kilowattsPerUnit, years: years) } ?? 0
        }
        var unplanned = site
        var plannedSMR = false
        for (key, _) in site.expansions {
            guard let column = built[key] else { continue }
            var tonnes = 0.0
            switch (key.asset, key.dimension) {
            case (.smr, .units):
                tonnes = perUnit(.smr, kilowattsPerUnit: 1000 * (site.smr?.capacityMWPerUnit ?? 0))
                plannedSMR = true
            case (.renewable, .powerMW):
                guard let index = site.renewables.firstIndex(where: { $0.name == key.name }) else { continue }
                tonnes = perUnit(site.renewables[index].kind == .solar ? .solar : .wind, kilowattsPerUnit: 1000)
                unplanned.renewables[index].capacityMW = 0
            case (.battery, .energyMWh):
                guard let index = site.batteries.firstIndex(where: { $0.name == key.name }) else { continue }
                tonnes = perUnit(.battery, kilowattsPerUnit: 1000)
                unplanned.batteries[index].energyMWh = 0
            case (.backup, .powerMW):
                guard let index = site.backupGenerators.firstIndex(where: { $0.name == key.name }) else { continue }
                tonnes = perUnit(.backup, kilowattsPerUnit: 1000)
                unplanned.backupGenerators[index].capacityMW = 0
            default:
                continue
            }
            guard tonnes > 0 else { continue }
            embodiedPerUnit.append((column, tonnes))
            program.setObjective(column, program.objective[column.index] + site.carbon.priceUSDPerTonne * tonnes)
        }
        var fixed = KPIs()
        EmbodiedAccounts.add(site: unplanned, smrUnits: plannedSMR ? 0 : nil, into: &fixed)
        embodiedFixedTonnes = fixed.embodiedCarbonTonnes
        program.objectiveConstant += site.carbon.priceUSDPerTonne * embodiedFixedTonnes
    }

    /// Output columns of a component limited by `factor[t]` x its capacity: a bound when the
    /// capacity is given, a row against the capacity column when the plan sizes it.
    mutating func addLimited(_ family: String, _ component: String, capacityMW: Double, key: ExpansionKey,
                             factor: @escaping (Int) -> Double, cost: (Int) -> Double = { _ in 0 }) -> ColumnBlock {
        guard let capacity = built[key] else {
            return columns(family, component, upper: { factor($0) * capacityMW }, cost: cost)
        }
        let most = site.expansions.first { $0.key == key }?.expansion.maximum ?? .infinity
        let block = columns(family, component, upper: { factor($0) * most }, cost: cost)
        capacityRows("\(family)_capacity", component, block: block, capacity: capacity, factor: factor)
        return block
    }

    /// `block[t] - factor(t) x capacity  (<= or >=)  rhs(t)` for every step.
    @discardableResult
    mutating func capacityRows(_ family: String, _ component: String, block: ColumnBlock, sense: LinearProgram.RowSense = .lessOrEqual,
                               capacity: Column, factor: (Int) -> Double, rhs: (Int) -> Double = { _ in 0 }) -> RowBlock {
        let rows = program.addRows(count: block.count, sense, rhs: rhs, name: namer(family, component), family: blockKey(family, component))
        program.addCoefficients(rows: rows, columns: block, value: 1)
        program.addCoefficients(rows: rows, column: capacity) { -factor($0) }
        return rows
    }

    // MARK: Families

    /// SMR output with minimum stable load and ramp limits; integer commitment adds a count of
    /// online units with minimum up and down times (a clustered unit commitment).
    mutating func addSMR() -> (output: ColumnBlock, online: ColumnBlock?)? {
        let site = self.site, hours = self.hours, steps = self.steps
        guard let smr = site.smr else { return nil }
        let unitMW = smr.capacityMWPerUnit
        let available = smr.availableUnits.map(Double.init)
        let cost = smr.marginalCostUSDPerMWh + site.carbon.priceUSDPerTonne * smr.emissionFactorGramsPerKWh / 1000
        // A planned fleet of N modules (a column): the units of the existing fleet in outage
        // stay out, so N - out[t] are available; built modules have no outages.
        let fleet = built[ExpansionKey(asset: .smr, name: "smr", dimension: .units)]
        let out = available.map { Double(smr.units) - $0 }
        let mostUnits = smr.build?.maximum ?? Double(smr.units)
        var online: ColumnBlock?
        let output: ColumnBlock
        switch smr.commitment {
        case .linear:
            // Every available unit runs (must-run, PyPSA's non-committable convention).
            if let fleet {
                output = columns("smr", upper: { unitMW * (mostUnits - out[$0]) }, cost: { [hours] _ in hours * cost })
                let maximum = program.addRows(count: steps, .lessOrEqual, rhs: { -unitMW * out[$0] }, name: namer("smr_max_output"), family: blockKey("smr_max_output"))
                program.addCoefficients(rows: maximum, columns: output, value: 1)
                program.addCoefficients(rows: maximum, column: fleet) { _ in -unitMW }
                if smr.minStableLoadFraction > 0 {
                    let minimum = program.addRows(count: steps, .greaterOrEqual, rhs: { -smr.minStableLoadFraction * unitMW * out[$0] },
                                                  name: namer("smr_min_stable_load"), family: blockKey("smr_min_stable_load"))
                    program.addCoefficients(rows: minimum, columns: output, value: 1)
                    program.addCoefficients(rows: minimum, column: fleet) { _ in -smr.minStableLoadFraction * unitMW }
                }
            } else {
                output = columns("smr", lower: { smr.minStableLoadFraction * unitMW * available[$0] }, upper: { unitMW * available[$0] },
                                 cost: { [hours] _ in hours * cost })
            }
        case .integer:
            output = columns("smr", upper: { unitMW * (fleet == nil ? available[$0] : mostUnits - out[$0]) }, cost: { [hours] _ in hours * cost })
            let units = columns("smr_online_units", upper: { fleet == nil ? available[$0] : mostUnits - out[$0] }, kind: .integer)
            if let fleet {
                let availableRows = program.addRows(count: steps, .lessOrEqual, rhs: { -out[$0] }, name: namer("smr_available_units"), family: blockKey("smr_available_units"))
                program.addCoefficients(rows: availableRows, columns: units, value: 1)
                program.addCoefficients(rows: availableRows, column: fleet) { _ in -1 }
            }
            let maximum = program.addRows(count: steps, .lessOrEqual, rhs: { _ in 0 }, name: namer("smr_max_output"), family: blockKey("smr_max_output"))
            program.addCoefficients(rows: maximum, columns: output, value: 1)
            program.addCoefficients(rows: maximum, columns: units, value: -unitMW)
            let minimum = program.addRows(count: steps, .greaterOrEqual, rhs: { _ in 0 }, name: namer("smr_min_stable_load"), family: blockKey("smr_min_stable_load"))
            program.addCoefficients(rows: minimum, columns: output, value: 1)
            program.addCoefficients(rows: minimum, columns: units, value: -smr.minStableLoadFraction * unitMW)
            addMinimumUpDown(units: units, available: available, smr: smr, fleet: fleet, out: out, mostUnits: mostUnits)
            online = units
        }
        // Ramp limits on fleet output (a fraction of the installed fleet, N modules when
        // planned); a unit leaving for (or returning from) an outage may move by its full
        // capacity in that step.
        let rampMW = fleet == nil ? smr.rampFractionPerHour * smr.capacityMW * hours : 0
        let up = program.addRows(count: steps, lower: { _ in -.infinity },
                                 upper: { [periodStart] t in periodStart[t] ? .infinity : rampMW + max(0, available[t] - available[t - 1]) * unitMW },
                                 name: namer("smr_ramp_up"), family: blockKey("smr_ramp_up"))
        program.addCoefficients(rows: up, columns: output, value: 1)
        program.addCoefficients(rows: up, columns: output, columnOffset: -1, value: -1)
        let down = program.addRows(count: steps, lower: { _ in -.infinity },
                                   upper: { [periodStart] t in periodStart[t] ? .infinity : rampMW + max(0, available[t - 1] - available[t]) * unitMW },
                                   name: namer("smr_ramp_down"), family: blockKey("smr_ramp_down"))
        program.addCoefficients(rows: down, columns: output, value: -1)
        program.addCoefficients(rows: down, columns: output, columnOffset: -1, value: 1)
        if let fleet {
            let rampPerModule = smr.rampFractionPerHour * unitMW * hours
            program.addCoefficients(rows: RowBlock(start: up.start + 1, count: max(0, steps - 1)), column: fleet) { _ in -rampPerModule }
            program.addCoefficients(rows: RowBlock(start: down.start + 1, count: max(0, steps - 1)), column: fleet) { _ in -rampPerModule }
        }
        // Representative periods: each period's first step ramps from the last step of the
        // period before it in time (for every pair of periods that follow each other).
        addTransitionRows("smr_ramp", terms: [(output, 1)]) { from, to in
            (rampMW + max(0, available[to] - available[from]) * unitMW, rampMW + max(0, available[from] - available[to]) * unitMW)
        } capacity: { fleet.map { ($0, smr.rampFractionPerHour * unitMW * hours) } }
        return (output, online)
    }

    /// Minimum up and down times on the count of online units: startups in the last
    /// `minUp` steps cannot exceed the units online; shutdowns in the last `minDown` steps
    /// cannot exceed the units offline.
    mutating func addMinimumUpDown(units: ColumnBlock, available: [Double], smr: SMRFleet, fleet: Column?, out: [Double], mostUnits: Double) {
        let hours = self.hours, steps = self.steps
        let upSteps = max(1, Int((smr.minUpHours / hours).rounded(.up)))
        let downSteps = max(1, Int((smr.minDownHours / hours).rounded(.up)))
        guard upSteps > 1 || downSteps > 1 else { return }
        let startups = columns("smr_startups", upper: { _ in mostUnits })
        let shutdowns = columns("smr_shutdowns", upper: { _ in mostUnits })
        // units[t] - units[t-1] = startups[t] - shutdowns[t] (t = 0 starts from all available
        // online; for a planned fleet N - out[0], with N a column).
        let transition = program.addRows(count: steps, .equal, rhs: { $0 == 0 ? (fleet == nil ? available[0] : -out[0]) : 0 },
                                         name: namer("smr_transition"), family: blockKey("smr_transition"))
        if let fleet, steps > 0 { program.addCoefficient(transition[0], fleet, -1) }
        program.addCoefficients(rows: transition, columns: units, value: 1)
        program.addCoefficients(rows: transition, columns: units, columnOffset: -1, value: -1)
        program.addCoefficients(rows: transition, columns: startups, value: -1)
        program.addCoefficients(rows: transition, columns: shutdowns, value: 1)
        // A unit that leaves for an outage is a forced shutdown: it is already missing from
        // `available`, so it must not also count against the units that may come back online.
        var forcedInWindow = [Double](repeating: 0, count: steps)
        for t in 1..<max(1, steps) {
            for lag in 0..<downSteps where t - lag >= 1 {
                forcedInWindow[t] += max(0, available[t - lag - 1] - available[t - lag])
            }
        }
        let minUp = program.addRows(count: steps, .lessOrEqual, rhs: { _ in 0 }, name: namer("smr_min_up"), family: blockKey("smr_min_up"))
        let minDown = program.addRows(count: steps, .lessOrEqual,
                                      rhs: { [forcedInWindow] t in (fleet == nil ? available[t] : -out[t]) + forcedInWindow[t] },
                                      name: namer("smr_min_down"), family: blockKey("smr_min_down"))
        if let fleet { program.addCoefficients(rows: minDown, column: fleet) { _ in -1 } }
        program.addCoefficients(rows: minUp, columns: units, value: -1)
        program.addCoefficients(rows: minDown, columns: units, value: 1)
        for lag in 0..<upSteps { program.addCoefficients(rows: minUp, columns: startups, columnOffset: -lag, value: 1) }
        for lag in 0..<downSteps { program.addCoefficients(rows: minDown, columns: shutdowns, columnOffset: -lag, value: 1) }
        smrCommitment = SMRCommitmentRows(transition: transition, minimumUp: minUp, minimumDown: minDown, startups: startups,
                                          shutdowns: shutdowns, upSteps: upSteps, downSteps: downSteps)
    }

    struct FeedColumns {
        var imports: ColumnBlock
        var exports: ColumnBlock
        var peak: Column?
        var intensity: [Double]
        var carbonFreeShare: [Double]
    }

    /// Import and export of one feed; export never earns more than import costs in the same
    /// step (otherwise an LP would import and export at once for profit at negative prices).
    mutating func addGridFeed(_ feed: GridFeed, carbonPriceUSDPerTonne: Double) -> FeedColumns {
        let site = self.site, hours = self.hours, steps = self.steps
        // A planned connection adds `added` MW to both directions: the time-varying import cap
        // stays a bound, the connection becomes a row per step.
        let connection = built[ExpansionKey(asset: .grid, name: feed.name, dimension: .powerMW)]
        let added = feed.connectionBuild?.maximum ?? 0
        let limit = connection == nil ? feed.effectiveImportLimitMW
            : (feed.importCapMW ?? Array(repeating: .infinity, count: steps)).enumerated().map { t, cap in
                feed.inService?[t] == false ? 0 : min(cap, feed.importCapacityMW + added)
            }
        // Average or marginal intensity, as `carbon.decision_factor` says.
        let intensity = site.decisionIntensity(feed)
        let imports = columns("grid_import", feed.name, upper: { limit[$0] },
                              cost: { [hours] t in hours * (feed.importPriceUSDPerMWh[t] + carbonPriceUSDPerTonne * intensity[t] / 1000) })
        let exports = columns("grid_export", feed.name, upper: { connection == nil ? feed.exportLimitMW($0) : (feed.inService?[$0] == false ? 0 : feed.exportCapacityMW + added) },
                              cost: { [hours] t in -hours * min(feed.exportPriceUSDPerMWh[t], feed.importPriceUSDPerMWh[t]) })
        if let connection {
            capacityRows("grid_import_connection", feed.name, block: imports, capacity: connection, factor: { _ in 1 },
                         rhs: { _ in feed.importCapacityMW })
            capacityRows("grid_export_connection", feed.name, block: exports, capacity: connection, factor: { _ in 1 },
                         rhs: { _ in feed.exportCapacityMW })
        }
        var peak: Column?
        if feed.demandChargeUSDPerMW > 0 {
            let column = program.addColumn(upper: feed.importCapacityMW + added, objective: feed.demandChargeUSDPerMW, name: name("grid_peak_import[\(feed.name)]"))
            let rows = program.addRows(count: steps, .lessOrEqual, rhs: { _ in 0 }, name: namer("grid_peak", feed.name), family: blockKey("grid_peak", feed.name))
            program.addCoefficients(rows: rows, columns: imports, value: 1)
            for t in 0..<steps { program.addCoefficient(rows[t], column, -1) }
            peak = column
        }
        return FeedColumns(imports: imports, exports: exports, peak: peak, intensity: intensity,
                           carbonFreeShare: feed.carbonFreeShare ?? Array(repeating: 0, count: steps))
    }

    struct BatteryColumns {
        var charge: ColumnBlock
        var discharge: ColumnBlock
        var soc: ColumnBlock
    }

    /// Charge, discharge (at the battery terminals) and state of charge at the end of each
    /// step: soc[t] = soc[t-1] + eta_c charge dt - discharge dt / eta_d.
    mutating func addBattery(_ battery: Battery, chargeTieBreakUSDPerMWh: Double = 0) -> BatteryColumns {
        let site = self.site, hours = self.hours, steps = self.steps
        let power = built[ExpansionKey(asset: .battery, name: battery.name, dimension: .powerMW)]
        let energy = built[ExpansionKey(asset: .battery, name: battery.name, dimension: .energyMWh)]
        let mostPower = battery.powerBuild?.maximum ?? 0
        let mostEnergy = battery.energyBuild?.maximum ?? battery.energyMWh
        // Out of service (commissioning and retirement dates) a battery neither charges nor discharges.
        let serving = { (t: Int) in battery.inService?[t] != false }
        let charge = columns("battery_charge", battery.name, upper: { power == nil ? battery.chargeLimitMW($0) : (serving($0) ? mostPower : 0) },
                             cost: { [hours] _ in hours * chargeTieBreakUSDPerMWh })
        let discharge = columns("battery_discharge", battery.name, upper: { power == nil ? battery.dischargeLimitMW($0) : (serving($0) ? mostPower : 0) },
                                cost: { [hours] _ in hours * battery.throughputCostUSDPerMWh })
        if let power {
            capacityRows("battery_charge_power", battery.name, block: charge, capacity: power, factor: { _ in 1 })
            capacityRows("battery_discharge_power", battery.name, block: discharge, capacity: power, factor: { _ in 1 })
        }
        // Representative periods: state of charge within each period, linked across the
        // original periods in time (docs/formulation.md, 15.3).
        if let periods = site.representativePeriods {
            let (soc, link) = addLinkedStorage(battery, periods: periods, charge: charge, discharge: discharge, energy: energy, mostEnergy: mostEnergy)
            storageLinks.append(link)
            return BatteryColumns(charge: charge, discharge: discharge, soc: soc)
        }
        let soc = columns("battery_soc", battery.name, lower: { _ in energy == nil ? battery.socMinFraction * battery.energyMWh : 0 },
                          upper: { _ in battery.socMaxFraction * mostEnergy })
        if let energy {
            capacityRows("battery_soc_max", battery.name, block: soc, capacity: energy, factor: { _ in battery.socMaxFraction })
            if battery.socMinFraction > 0 {
                capacityRows("battery_soc_min", battery.name, block: soc, sense: .greaterOrEqual, capacity: energy,
                             factor: { _ in battery.socMinFraction })
            }
        }
        // soc[-1] = initial fraction x energy: on the right-hand side, or a term of the planned energy.
        let dynamics = program.addRows(count: steps, .equal, rhs: { $0 == 0 && energy == nil ? battery.initialSOCMWh : 0 },
                                       name: namer("battery_soc_balance", battery.name), family: blockKey("battery_soc_balance", battery.name))
        if let energy, steps > 0 { program.addCoefficient(dynamics[0], energy, -battery.initialSOCFraction) }
        program.addCoefficients(rows: dynamics, columns: soc, value: 1)
        program.addCoefficients(rows: dynamics, columns: soc, columnOffset: -1, value: -1)
        program.addCoefficients(rows: dynamics, columns: charge, value: -battery.chargeEfficiency * hours)
        program.addCoefficients(rows: dynamics, columns: discharge, value: hours / battery.dischargeEfficiency)
        let finalMWh: Double
        switch battery.finalSOC {
        case .cyclic: finalMWh = battery.initialSOCMWh
        case .fraction(let fraction): finalMWh = fraction * battery.energyMWh
        }
        let final = program.addRow(.greaterOrEqual, energy == nil ? finalMWh : 0, name: name("battery_final_soc[\(battery.name)]"))
        program.addCoefficient(final, soc[steps - 1], 1)
        if let energy {
            let fraction: Double
            switch battery.finalSOC {
            case .cyclic: fraction = battery.initialSOCFraction
            case .fraction(let value): fraction = value
            }
            program.addCoefficient(final, energy, -fraction)
        }
        return BatteryColumns(charge: charge, discharge: discharge, soc: soc)
    }

    /// loss >= slope_k x busPower + intercept_k for the chord of each segment, with
    /// busPower = itPower / final-stage efficiency.
    mutating func addBuswayLoss(buswayLoss: ColumnBlock, itPower: ColumnBlock, busPowerMaximumMW: Double) {
        let site = self.site, steps = self.steps
        let distribution = site.distribution
        let segments = max(1, distribution.buswayLossSegments)
        let finalEfficiency = distribution.busToRackEfficiency
        for segment in 0..<segments {
            let low = busPowerMaximumMW * Double(segment) / Double(segments)
            let high = busPowerMaximumMW * Double(segment + 1) / Double(segments)
            let lossLow = distribution.buswayLossMW(atPowerMW: low), lossHigh = distribution.buswayLossMW(atPowerMW: high)
            let slope = (lossHigh - lossLow) / (high - low)
            let intercept = lossLow - slope * low
            let rows = program.addRows(count: steps, .greaterOrEqual, rhs: { _ in intercept }, name: namer("busway_loss_segment\(segment + 1)"), family: blockKey("busway_loss_segment\(segment + 1)"))
            program.addCoefficients(rows: rows, columns: buswayLoss, value: 1)
            program.addCoefficients(rows: rows, columns: itPower, value: -slope / finalEfficiency)
        }
    }

    // MARK: Water

    /// A wet tower's make-up water (docs/formulation.md, 4.9) is `w[t]` m³ per MWh of heat drawn
    /// from the IT bus, `it_power / eta_f + busway_loss`: its price adds to those columns'
    /// costs, and `water_cap: sum_t h w[t] (it_power[t] / eta_f + busway_loss[t]) <= cap_m3`.
    mutating func addWater(itPower: ColumnBlock, buswayLoss: ColumnBlock, heatOfftake: ColumnBlock?) -> Row? {
        guard let water = site.cooling.water, let perHeat = site.waterCubicMetresPerMWhHeat else { return nil }
        let hours = self.hours, finalEfficiency = site.distribution.busToRackEfficiency
        // Heat sold to an offtaker never reaches the tower (4.10).
        let recovered = site.heatReuseSplit?.map(\.recoveredMWh)
        if water.priceUSDPerCubicMetre > 0 {
            for t in 0..<steps {
                let perMW = hours * weight[t] * water.priceUSDPerCubicMetre * perHeat[t]
                program.setObjective(itPower[t], program.objective[itPower[t].index] + perMW / finalEfficiency)
                program.setObjective(buswayLoss[t], program.objective[buswayLoss[t].index] + perMW)
                if let heatOfftake, let recovered {
                    program.setObjective(heatOfftake[t], program.objective[heatOfftake[t].index] - perMW * recovered[t])
                }
            }
        }
        guard let cap = water.capCubicMetres else { return nil }
        let row = program.addRow(.lessOrEqual, cap, name: name("water_cap"))
        addSum(row, itPower) { hours * perHeat[$0] / finalEfficiency }
        addSum(row, buswayLoss) { hours * perHeat[$0] }
        if let heatOfftake, let recovered { addSum(row, heatOfftake) { -hours * perHeat[$0] * recovered[$0] } }
        return row
    }

    // MARK: Heat reuse

    /// Heat sold from the facility water (docs/formulation.md, 4.10): `heat_offtake[t]` MW
    /// delivered, at most the demand, earning its price. Each MW takes `a[t]` MW of the IT bus's
    /// heat (`heat_reuse_source[t]: a offtake - it_power / eta_f - busway_loss <= 0`), which the
    /// cooling plant no longer removes, and `e[t]` MW of heat pump electricity from the AC bus
    /// through the cooling transformer (a = 1, e = 0 when the return water is hot enough).
    mutating func addHeatReuse(itPower: ColumnBlock, buswayLoss: ColumnBlock, acBalance: RowBlock, coolingPerHeat: [Double]) -> ColumnBlock? {
        guard let heat = site.heatReuse, let split = site.heatReuseSplit else { return nil }
        let hours = self.hours, finalEfficiency = site.distribution.busToRackEfficiency
        let transformer = site.distribution.efficiencies.coolingTransformer
        let offtake = columns("heat_offtake", upper: { heat.demandMW[$0] }, cost: { [hours] _ in -hours * heat.priceUSDPerMWh })
        let source = program.addRows(count: steps, .lessOrEqual, rhs: { _ in 0 }, name: namer("heat_reuse_source"), family: blockKey("heat_reuse_source"))
        program.addCoefficients(rows: source, columns: offtake) { split[$0].recoveredMWh }
        program.addCoefficients(rows: source, columns: itPower, value: -1 / finalEfficiency)
        program.addCoefficients(rows: source, columns: buswayLoss, value: -1)
        program.addCoefficients(rows: acBalance, columns: offtake) { t in
            coolingPerHeat[t] * split[t].recoveredMWh - split[t].electricityMWh / transformer
        }
        return offtake
    }

    // MARK: Dump

    /// SMR output to its bus: the rectifier (`dc_bus`) or the step-up transformer (`ac_switchyard`).
    func smrPathEfficiency(_ fleet: SMRFleet) -> Double {
        let efficiencies = site.distribution.efficiencies
        return fleet.connection == .dcBus && site.distribution.architecture == .dc800 ? efficiencies.smrRectifier : efficiencies.smrStepUpTransformer
    }

    /// The dump column (docs/formulation.md, 4.8): a load bank takes power off the AC bus; a
    /// turbine bypass takes it at the SMR's terminals, before its path to the bus, and never
    /// more than the SMR's output (`dump_bypass_limit[t]: dump - smr <= 0`).
    mutating func addDump(smrOutput: ColumnBlock?, acTerms: inout [(ColumnBlock, Double)], itTerms: inout [(ColumnBlock, Double)]) -> ColumnBlock? {
        guard let dump = site.dump else { return nil }
        let block = columns("dump", upper: { _ in dump.capacityMW }, cost: { [hours] _ in hours * dump.costUSDPerMWh })
        switch dump.kind {
        case .loadBank:
            acTerms.append((block, -1))
        case .turbineBypass:
            guard let smrOutput, let fleet = site.smr else { preconditionFailure("the loader refuses a turbine bypass without an SMR") }
            let path = smrPathEfficiency(fleet)
            if fleet.connection == .dcBus && site.distribution.architecture == .dc800 { itTerms.append((block, -path)) } else { acTerms.append((block, -path)) }
            let limit = program.addRows(count: steps, .lessOrEqual, rhs: { _ in 0 }, name: namer("dump_bypass_limit"), family: blockKey("dump_bypass_limit"))
            program.addCoefficients(rows: limit, columns: block, value: 1)
            program.addCoefficients(rows: limit, columns: smrOutput, value: -1)
        }
        return block
    }

    // MARK: Terms shared by carbon and CFE rows

    /// Emissions in t per MW of each source in each step.
    func emissionCoefficients(smr: ColumnBlock?, feeds: [FeedColumns], backups: [ColumnBlock]) -> [(ColumnBlock, (Int) -> Double)] {
        var terms: [(ColumnBlock, (Int) -> Double)] = []
        let hours = self.hours
        if let smr, let factor = site.smr?.emissionFactorGramsPerKWh, factor > 0 { terms.append((smr, { _ in factor * hours / 1000 })) }
        for feed in feeds { terms.append((feed.imports, { [intensity = feed.intensity] t in intensity[t] * hours / 1000 })) }
        for (block, generator) in zip(backups, site.backupGenerators) where generator.emissionFactorGramsPerKWh > 0 {
            terms.append((block, { _ in generator.emissionFactorGramsPerKWh * hours / 1000 }))
        }
        return terms
    }

    /// Market-based emissions in t per MW (docs/formulation.md, 4.7): imports at the residual-mix
    /// factor, less what contractual instruments cover. Hourly PPAs cover imports in their own
    /// step (`ppa_cover[p,t]` <= volume, with `ppa_cover_limit[t]`: their sum <= imports); annual
    /// PPAs and certificates cover at most their volume and the imports left
    /// (`annual_instrument_cover` <= V, `annual_instrument_limit`), each MWh valued at the
    /// horizon's lowest residual-mix factor: a cap on this never lets the reported
    /// (pro-rata) figure exceed it.
    mutating func addMarketEmissionTerms(smr: ColumnBlock?, feeds: [FeedColumns], backups: [ColumnBlock]) -> [(ColumnBlock, (Int) -> Double)] {
        let hours = self.hours, steps = self.steps
        let carbon = site.carbon
        var terms = emissionCoefficients(smr: smr, feeds: [], backups: backups)
        for (feed, columns) in zip(site.gridFeeds, feeds) {
            let residual = carbon.residualMixGramsPerKWh ?? feed.carbonIntensityGramsPerKWh
            terms.append((columns.imports, { t in residual[t] * hours / 1000 }))
        }
        let residual = carbon.residualMixGramsPerKWh ?? (0..<steps).map { t in site.gridFeeds.map { $0.carbonIntensityGramsPerKWh[t] }.max() ?? 0 }
        let hourly = carbon.ppas.filter { $0.matching == .hourly }
        var covers: [ColumnBlock] = []
        for ppa in hourly {
            let cover = columns("ppa_cover", ppa.name, upper: { ppa.volumeMW[$0] })
            covers.append(cover)
            terms.append((cover, { t in -(residual[t] - ppa.emissionFactorGramsPerKWh) * hours / 1000 }))
        }
        if !covers.isEmpty {
            let limit = program.addRows(count: steps, .lessOrEqual, rhs: { _ in 0 }, name: namer("ppa_cover_limit"), family: blockKey("ppa_cover_limit"))
            for cover in covers { program.addCoefficients(rows: limit, columns: cover, value: 1) }
            for feed in feeds { program.addCoefficients(rows: limit, columns: feed.imports, value: -1) }
        }
        let annualMWh = carbon.annualInstrumentMWh(stepHours: hours)
        if annualMWh > 0, !feeds.isEmpty {
            // One column for the horizon, tied to the imports left after hourly cover; its
            // emission coefficient is written into the cap rows by `addAnnualCover`.
            let cover = program.addColumn(upper: annualMWh, name: name("annual_instrument_cover"))
            let limit = program.addRow(.lessOrEqual, 0, name: name("annual_instrument_limit"))
            program.addCoefficient(limit, cover, 1)
            for feed in feeds { addSum(limit, feed.imports) { _ in -hours } }
            for block in covers { addSum(limit, block) { _ in hours } }
            annualCover = (cover, (residual.min() ?? 0) / 1000)
        }
        return terms
    }

    /// Carbon-free supply per step: SMR and renewables count fully, grid imports by the
    /// grid's carbon-free share.
    func cleanSupplyTerms(smr: ColumnBlock?, feeds: [FeedColumns], renewables: [ColumnBlock]) -> [(ColumnBlock, (Int) -> Double)] {
        var terms: [(ColumnBlock, (Int) -> Double)] = []
        if let smr { terms.append((smr, { _ in 1 })) }
        for block in renewables { terms.append((block, { _ in 1 })) }
        for feed in feeds { terms.append((feed.imports, { [share = feed.carbonFreeShare] t in share[t] })) }
        return terms
    }

    /// Net consumption of the site from its sources: intake + storage discharge - charge - export.
    func consumptionTerms(smr: ColumnBlock?, feeds: [FeedColumns], renewables: [ColumnBlock],
                          batteries: [BatteryColumns], backups: [ColumnBlock]) -> [(ColumnBlock, Double)] {
        var terms = intakeTerms(smr: smr, feeds: feeds, renewables: renewables, backups: backups)
        for battery in batteries {
            terms.append((battery.discharge, 1))
            terms.append((battery.charge, -1))
        }
        return terms
    }

    /// Net power drawn by the site from all its sources (export counted negative).
    func intakeTerms(smr: ColumnBlock?, feeds: [FeedColumns], renewables: [ColumnBlock], backups: [ColumnBlock]) -> [(ColumnBlock, Double)] {
        var terms: [(ColumnBlock, Double)] = []
        if let smr { terms.append((smr, 1)) }
        for feed in feeds {
            terms.append((feed.imports, 1))
            terms.append((feed.exports, -1))
        }
        for block in renewables { terms.append((block, 1)) }
        for block in backups { terms.append((block, 1)) }
        return terms
    }
}

/// A name safe for GLPK and MPS: no spaces or control characters.
func sanitized(_ text: String) -> String {
    String(text.map { $0.isWhitespace || $0.isNewline || ($0.asciiValue.map { $0 < 32 } ?? false) ? "_" : $0 })
}
