import Foundation

/// Loads, validates and resolves site files.
///
/// Every problem is collected (unknown keys, types, ranges, cross-field rules, every bad CSV
/// cell up to a per-series limit) and thrown together as one `SiteValidationError`.
public enum SiteLoader {
    static let topLevelKeys = [
        "name", "horizon", "weather", "smr", "grid_feeds", "renewables", "batteries", "backup_generators",
        "power_distribution", "it_fleet", "workloads", "cooling", "thermal", "carbon", "limits", "investment",
        "dump", "embodied_carbon", "heat_reuse", "flexibility", "scenario_year", "aggregation", "periods",
    ]
    /// Upper bound on any capacity, MW: a sanity limit that catches kW-for-MW mistakes.
    static let maximumCapacityMW = 100_000.0
    static let capacityRange = ValueRange.size(atMost: maximumCapacityMW)

    /// Reads, validates and resolves the site file at `url`.
    /// - Throws: `SiteValidationError` with every problem found.
    public static func load(from url: URL) throws -> Site {
        try resolve(SiteDocument.read(from: url))
    }

    /// Validates and resolves a parsed (possibly overridden) site document.
    /// - Throws: `SiteValidationError` with every problem found.
    public static func resolve(_ document: SiteDocument) throws -> Site {
        var site = try resolveOne(document)
        if let buildOut = site.buildOut { site.periodSites = try resolvePeriods(document, buildOut: buildOut) }
        return site
    }

    /// Each period's site of a build-out: the document with the period's `scenario_year` (its
    /// own, else the site's, else the period's year, for series files named with `{year}`) and
    /// its overrides, validated, then its demand and training energy scaled. Every problem of
    /// every period is reported, each prefixed with its period.
    static func resolvePeriods(_ document: SiteDocument, buildOut: BuildOut) throws -> [Site] {
        var sites: [Site] = []
        var issues: [SiteIssue] = []
        let hasScenarioYear = document.root["scenario_year"].map { !$0.isNull } ?? false
        for (index, period) in buildOut.periods.enumerated() {
            var assignments: [(path: String, value: YAMLNode)] = []
            if let year = period.scenarioYear ?? (hasScenarioYear ? nil : period.year) {
                assignments.append(("scenario_year", .number(Double(year))))
            }
            assignments += period.overrides
            do {
                var site = try resolveOne(document.applying(overrides: assignments))
                site.inference.demandMW = site.inference.demandMW.map { $0 * period.inferenceDemandScale }
                for job in site.trainingJobs.indices { site.trainingJobs[job].energyMWh *= period.trainingEnergyScale }
                site.buildOut = nil
                sites.append(site)
            } catch let error as SiteValidationError {
                issues += error.issues.map { issue in
                    var issue = issue
                    issue.message = "in period \(period.year) (periods[\(index)]): " + issue.message
                    return issue
                }
            }
        }
        if !issues.isEmpty { throw SiteValidationError(issues) }
        return sites
    }

    /// Validates and resolves one site (a build-out's periods are resolved by ``resolve(_:)``).
    static func resolveOne(_ document: SiteDocument) throws -> Site {
        let context = LoadContext(siteURL: document.siteFileURL)
        context.overrides = document.appliedOverrides.map { ($0.path, "\($0.path)=\($0.value.flowText)") }
        context.noteInput(document.siteFileURL.standardizedFileURL, display: context.siteDisplay)
        let site = build(document.root, context: context)
        if !context.issues.isEmpty { throw SiteValidationError(context.issues) }
        guard var site else {
            throw SiteValidationError([SiteIssue(file: context.siteDisplay, keyPath: "",
                                                 message: "internal error: site could not be built")])
        }
        site.inputFiles = context.inputFiles.map { input in
            let data = (try? Data(contentsOf: input.url)) ?? Data()
            return Site.InputFile(path: input.display, url: input.url, sha256: SHA256.hexDigest(data))
        }
        site.overrides = document.appliedOverrides.map { "\($0.path)=\($0.value.flowText)" }
        site.warnings = context.warnings
        if let window = document.window {
            do {
                site = try site.windowed(window)
            } catch {
                throw SiteValidationError([SiteIssue(file: context.siteDisplay, keyPath: "window", message: "\(error)")])
            }
        }
        return site
    }

    /// Checks a site file and returns its problems (empty when valid) without throwing.
    public static func validate(_ document: SiteDocument) -> [SiteIssue] {
        do {
            _ = try resolve(document)
            return []
        } catch let error as SiteValidationError {
            return error.issues
        } catch {
            return [SiteIssue(file: document.siteFileURL.relativePath, keyPath: "", message: "\(error)")]
        }
    }

    // MARK: Whole site

    private static func build(_ root: YAMLNode, context: LoadContext) -> Site? {
        guard let reader = MappingReader(root, path: "", context: context, allowedKeys: topLevelKeys) else {
            return nil
        }
        let name = reader.string("name") ?? context.siteURL.deletingPathExtension().lastPathComponent
        let horizon = readHorizon(reader)
        context.horizon = horizon
        context.scenarioYear = reader.integer("scenario_year", range: .between(1900, 2200))

        let itFleet = readITFleet(reader)
        let distribution = readDistribution(reader, itCapacityMW: itFleet?.capacityMW)
        let architecture = distribution?.architecture ?? .dc800
        let weather = readWeather(reader)
        let smr = readSMR(reader, architecture: architecture)
        let gridFeeds = reader.list("grid_feeds").enumerated().compactMap { index, item in
            readGridFeed(item.node, path: item.path, index: index, context: context)
        }
        let renewables = reader.list("renewables").enumerated().compactMap { index, item in
            readRenewable(item.node, path: item.path, index: index, architecture: architecture, weather: weather,
                          context: context)
        }
        let batteries = reader.list("batteries").enumerated().compactMap { index, item in
            readBattery(item.node, path: item.path, index: index, architecture: architecture, context: context)
        }
        let backups = reader.list("backup_generators").enumerated().compactMap { index, item in
            readBackupGenerator(item.node, path: item.path, index: index, context: context)
        }
        checkUniqueNames(reader, "grid_feeds", gridFeeds.map(\.name))
        checkUniqueNames(reader, "renewables", renewables.map(\.name))
        checkUniqueNames(reader, "batteries", batteries.map(\.name))
        checkUniqueNames(reader, "backup_generators", backups.map(\.name))

        let sourceKeys = ["smr", "grid_feeds", "renewables", "backup_generators"]
        if !sourceKeys.contains(where: { reader.has($0) && (reader.child($0)?.items?.isEmpty != true) }) {
            context.report("", line: root.line,
                           "the site has no power source: add at least one of smr, grid_feeds, renewables, backup_generators")
        }

        let (inference, trainingJobs, trainingGroups) = readWorkloads(reader, itFleet: itFleet)
        let (cooling, copSeries, freeShare, supply) = readCooling(reader, weather: weather)
        let thermal = readThermal(reader)
        let carbon = readCarbon(reader)
        let limits = readLimits(reader)
        let investment = readInvestment(reader)
        let dump = readDump(reader, smr: smr)
        let embodied = readEmbodiedCarbon(reader)
        let heatReuse = readHeatReuse(reader)
        let flexibility = readFlexibility(reader, gridFeeds: gridFeeds)
        let aggregation = readAggregation(reader)
        let buildOut = readPeriods(reader, investment: investment)

        guard let horizon, let itFleet, let distribution, let inference, let cooling, let copSeries,
              let freeShare, let supply, let thermal, let carbon, let limits, let investment, let dump, let embodied, let heatReuse,
              let flexibility, let aggregation, let buildOut, context.issues.isEmpty else { return nil }
        var site = Site(name: name, siteFileURL: context.siteURL, horizon: horizon, weather: weather, smr: smr,
                    gridFeeds: gridFeeds, renewables: renewables, batteries: batteries, backupGenerators: backups,
                    distribution: distribution, itFleet: itFleet, inference: inference, trainingJobs: trainingJobs,
                    cooling: cooling, copSeries: copSeries, freeCoolingShare: freeShare, facilitySupplyC: supply,
                    thermal: thermal, carbon: carbon,
                    limits: limits, inputFiles: [])
        site.investment = investment
        site.dump = dump
        site.embodiedCarbon = embodied
        site.heatReuse = heatReuse
        site.flexibility = flexibility
        site.trainingGroups = trainingGroups
        site.aggregation = aggregation
        site.buildOut = buildOut
        checkAggregation(site, reader)
        checkBuildOut(site, reader)
        return site
    }

    private static func checkUniqueNames(_ reader: MappingReader, _ key: String, _ names: [String]) {
        var seen: Set<String> = []
        for (index, name) in names.enumerated() where !seen.insert(name).inserted {
            reader.context.report("\(reader.keyPath(key))[\(index)].name", node: reader.child(key)?.items?[index],
                                  "duplicate name \(Echo.quoted(name)) (names must be unique within \(key))")
        }
    }

    // MARK: Horizon

    private static func readHorizon(_ root: MappingReader) -> Horizon? {
        guard let reader = root.mapping("horizon", allowedKeys: ["start_utc", "steps", "end_utc", "step_minutes"],
                                        required: true) else { return nil }
        let start = reader.timestamp("start_utc", required: true)
        let stepMinutes = reader.integer("step_minutes", unit: "minutes", default: 60)
        if let stepMinutes, !Horizon.allowedStepMinutes.contains(stepMinutes) {
            reader.report("step_minutes", "must be 15, 30 or 60, got \(stepMinutes)")
            return nil
        }
        var steps = reader.integer("steps", range: .between(1, Double(Horizon.maximumSteps)))
        if reader.has("steps") && reader.has("end_utc") {
            reader.report("end_utc", "give either steps or end_utc, not both")
            return nil
        }
        if !reader.has("steps") && !reader.has("end_utc") {
            reader.reportMissing("steps", "number of steps, or end_utc")
            return nil
        }
        guard let start, let stepMinutes else { return nil }
        let stepSeconds = Int64(stepMinutes) * 60
        if start % stepSeconds != 0 {
            reader.report("start_utc", "must fall on a \(stepMinutes)-minute boundary, got \(Horizon.format(epochSeconds: start))")
            return nil
        }
        if reader.has("end_utc") {
            guard let end = reader.timestamp("end_utc") else { return nil }
            guard end > start, (end - start) % stepSeconds == 0 else {
                reader.report("end_utc", "must be after start_utc by a whole number of \(stepMinutes)-minute steps")
                return nil
            }
            let count = Int((end - start) / stepSeconds)
            guard count <= Horizon.maximumSteps else {
                reader.report("end_utc", "horizon of \(count) steps exceeds the maximum of \(Horizon.maximumSteps) (3 years at 15 minutes)")
                return nil
            }
            steps = count
        }
        guard let steps else { return nil }
        if start < Horizon.earliestStartEpochSeconds {
            reader.report("start_utc", "must be in 1900 or later, got \(Horizon.format(epochSeconds: start))")
            return nil
        }
        if start + Int64(steps) * stepSeconds > Horizon.endBeforeEpochSeconds {
            reader.report(reader.has("end_utc") ? "end_utc" : "steps", "the horizon must end by 10000-01-01T00:00Z (timestamps have four-digit years), got \(steps) steps from \(Horizon.format(epochSeconds: start))")
            return nil
        }
        return Horizon(startEpochSeconds: start, steps: steps, stepMinutes: stepMinutes)
    }

    // MARK: IT fleet and distribution

    private static func readITFleet(_ root: MappingReader) -> ITFleet? {
        guard let reader = root.mapping("it_fleet", allowedKeys: ["racks", "power_per_rack_kw", "idle_fraction",
                                                                  "tokens_per_mwh"], required: true) else { return nil }
        let racks = reader.integer("racks", range: .between(1, 1_000_000), required: true)
        let power = reader.number("power_per_rack_kw", unit: "kW", range: .above(0, atMost: 2000), required: true)
        let idle = reader.number("idle_fraction", range: .between(0, 1), default: 0)
        let tokens = reader.number("tokens_per_mwh", range: .positive)
        guard let racks, let power, let idle else { return nil }
        let fleet = ITFleet(racks: racks, powerPerRackKW: power, idleFraction: idle, tokensPerMWh: tokens)
        if fleet.capacityMW > maximumCapacityMW {
            reader.report("racks", "IT capacity \(formatNumber(fleet.capacityMW)) MW exceeds \(formatNumber(maximumCapacityMW)) MW; is power_per_rack_kw in kW?")
            return nil
        }
        return fleet
    }

    static var efficiencyKeys: [(key: String, path: WritableKeyPath<PowerDistribution.StageEfficiencies, Double>,
                                 architecture: PowerDistribution.Architecture?)] { [
        ("solid_state_transformer", \.solidStateTransformer, .dc800),
        ("smr_rectifier", \.smrRectifier, .dc800),
        ("dc_dc", \.dcDC, .dc800),
        ("rack_dc_dc", \.rackDCDC, .dc800),
        ("transformer", \.transformer, .ac415),
        ("ups", \.ups, .ac415),
        ("pdu", \.pdu, .ac415),
        ("psu", \.psu, .ac415),
        ("cooling_transformer", \.coolingTransformer, nil),
        ("storage_inverter", \.storageInverter, nil),
        ("smr_step_up_transformer", \.smrStepUpTransformer, nil),
    ] }

    private static func readDistribution(_ root: MappingReader, itCapacityMW: Double?) -> PowerDistribution? {
        let keys = ["architecture", "efficiencies", "bus_capacity_mw", "bus_voltage_v",
                    "busway_loss_fraction_at_capacity", "busway_loss_segments"]
        let reader = root.mapping("power_distribution", allowedKeys: keys)
        if root.has("power_distribution") && reader == nil { return nil }
        let architecture = reader?.choice("architecture", ["dc800": PowerDistribution.Architecture.dc800,
                                                           "ac415": .ac415]) ?? .dc800
        if reader?.has("architecture") == true, reader?.choice("architecture", ["dc800": 0, "ac415": 1]) == nil {
            return nil
        }
        var efficiencies = PowerDistribution.StageEfficiencies()
        var valid = true
        if let reader, let stages = reader.mapping("efficiencies", allowedKeys: efficiencyKeys.map(\.key)) {
            for stage in efficiencyKeys where stages.has(stage.key) {
                if let only = stage.architecture, only != architecture {
                    stages.report(stage.key, "applies only to architecture \(only.rawValue); this site is \(architecture.rawValue)")
                    valid = false
                    continue
                }
                if let value = stages.number(stage.key, range: .efficiency) {
                    efficiencies[keyPath: stage.path] = value
                } else {
                    valid = false
                }
            }
        }
        let defaultBus = (itCapacityMW ?? 0) * 1.25
        let busCapacity = reader?.number("bus_capacity_mw", unit: "MW", range: .above(0, atMost: maximumCapacityMW))
            ?? (reader?.has("bus_capacity_mw") == true ? nil : defaultBus)
        let voltage = reader?.number("bus_voltage_v", unit: "V", range: .above(0, atMost: 100_000),
                                     default: architecture == .dc800 ? 800 : 415)
            ?? (architecture == .dc800 ? 800 : 415)
        let loss = reader?.number("busway_loss_fraction_at_capacity", range: .between(0, 0.2),
                                  default: architecture == .dc800 ? 0.005 : 0.01)
        let segments = reader?.integer("busway_loss_segments", range: .between(1, 64), default: 8)
        if reader?.has("bus_voltage_v") == true, reader?.number("bus_voltage_v") == nil { valid = false }
        guard valid, let busCapacity, busCapacity > 0 || itCapacityMW == nil,
              let loss = loss ?? (reader == nil ? (architecture == .dc800 ? 0.005 : 0.01) : nil),
              let segments = segments ?? (reader == nil ? 8 : nil) else { return nil }
        if let itCapacityMW, busCapacity < itCapacityMW, let reader {
            reader.report("bus_capacity_mw", "must be at least the IT capacity (\(formatNumber(itCapacityMW)) MW), got \(formatNumber(busCapacity))")
            return nil
        }
        return PowerDistribution(architecture: architecture, efficiencies: efficiencies, busCapacityMW: busCapacity,
                                 busVoltageV: voltage, buswayLossFractionAtCapacity: loss,
                                 buswayLossSegments: segments)
    }

    static func readCoupling(_ reader: MappingReader, architecture: PowerDistribution.Architecture) -> Coupling? {
        guard reader.has("coupling") else { return architecture == .dc800 ? .dc : .ac }
        guard let coupling = reader.choice("coupling", ["dc": Coupling.dc, "ac": .ac]) else { return nil }
        if coupling == .dc && architecture == .ac415 {
            reader.report("coupling", "DC coupling needs power_distribution.architecture dc800 (this site is ac415); use coupling: ac")
            return nil
        }
        return coupling
    }

    // MARK: Sources

    private static func readSMR(_ root: MappingReader, architecture: PowerDistribution.Architecture) -> SMRFleet? {
        let keys = ["units", "capacity_mw_per_unit", "min_stable_load_fraction", "ramp_fraction_per_hour",
                    "marginal_cost_usd_per_mwh", "emission_factor_g_per_kwh", "commitment", "min_up_hours",
                    "min_down_hours", "outages", "forced_outages", "commissioning_utc", "retirement_utc", "build", "connection"]
        guard let reader = root.mapping("smr", allowedKeys: keys) else { return nil }
        // With a `build` section, `units` is the existing fleet and may be 0 (a greenfield plan).
        let planned = reader.has("build")
        let units = planned ? reader.integer("units", range: .between(0, 1000), default: 0)
            : reader.integer("units", range: .between(1, 1000), required: true)
        let capacity = reader.number("capacity_mw_per_unit", unit: "MW", range: .above(0, atMost: 5000), required: true)
        // docs/sources.md, SMRs: load following 50-100 % of rated power (European Utility Requirements).
        let minimumLoad = reader.number("min_stable_load_fraction", range: .fraction, default: 0.5)
        // docs/sources.md, SMRs: 3-5 %/min (EUR); 3 %/min = 1.8 of capacity per hour.
        let ramp = reader.number("ramp_fraction_per_hour", range: .above(0, atMost: 60), default: 1.8)
        let cost = reader.number("marginal_cost_usd_per_mwh", unit: "USD/MWh", range: .between(-1000, 10_000), required: true)
        let emission = reader.number("emission_factor_g_per_kwh", unit: "g/kWh", range: .between(0, 2000), default: 0)
        let commitment = reader.has("commitment")
            ? reader.choice("commitment", ["linear": SMRFleet.Commitment.linear, "integer": .integer]) : .linear
        // Default: the rectifier onto the 800 V bus for dc800 (as before), the switchyard for ac415.
        var connection: SMRFleet.Connection? = reader.has("connection")
            ? reader.choice("connection", ["ac_switchyard": SMRFleet.Connection.acSwitchyard, "dc_bus": .dcBus])
            : (architecture == .dc800 ? .dcBus : .acSwitchyard)
        if connection == .dcBus && architecture == .ac415 {
            reader.report("connection", "dc_bus needs power_distribution.architecture dc800 (this site is ac415); use connection: ac_switchyard")
            connection = nil
        }
        let minUp = reader.number("min_up_hours", unit: "h", range: .between(0, 8784), default: 0)
        let minDown = reader.number("min_down_hours", unit: "h", range: .between(0, 8784), default: 0)
        var outages: [SMRFleet.Outage] = []
        var outagesValid = true
        let horizon = reader.context.horizon
        for item in reader.list("outages") {
            guard let outage = MappingReader(item.node, path: item.path, context: reader.context,
                                             allowedKeys: ["unit", "start_utc", "end_utc"]) else {
                outagesValid = false
                continue
            }
            let unit = outage.integer("unit", range: .atLeast(0), required: true)
            let start = outage.timestamp("start_utc", required: true)
            let end = outage.timestamp("end_utc", required: true)
            guard let unit, let start, let end else {
                outagesValid = false
                continue
            }
            if let units, unit >= units {
                outage.report("unit", "unit index must be 0...\(units - 1) (0-based; the fleet has \(units) units), got \(unit)")
                outagesValid = false
            }
            if end <= start {
                outage.report("end_utc", "must be after start_utc (\(Horizon.format(epochSeconds: start))), got \(Horizon.format(epochSeconds: end))")
                outagesValid = false
                continue
            }
            if let horizon, end <= horizon.startEpochSeconds || start >= horizon.endEpochSeconds {
                outage.report("start_utc", "outage \(Horizon.format(epochSeconds: start)) to \(Horizon.format(epochSeconds: end)) lies outside the horizon \(horizon.label(0)) to \(Horizon.format(epochSeconds: horizon.endEpochSeconds))")
                outagesValid = false
                continue
            }
            outages.append(SMRFleet.Outage(unit: unit, startUTC: Date(timeIntervalSince1970: Double(start)),
                                           endUTC: Date(timeIntervalSince1970: Double(end))))
        }
        let serviceDates = readUnitServiceDates(reader, units: units)
        let (forcedModel, forcedValid) = readForcedOutages(reader, units: units, planned: planned)
        guard let units, let capacity, let minimumLoad, let ramp, let cost, let emission, let commitment, let minUp,
              let minDown, outagesValid, forcedValid, let horizon, let serviceDates, let connection else { return nil }
        let forced = forcedModel.map { drawForcedOutages($0, units: units, horizon: horizon, serviceDates: serviceDates) } ?? []
        // Steps overlapping [start, end) of an outage.
        func mark(_ outage: SMRFleet.Outage, in out: inout [Bool]) {
            let start = Int64(outage.startUTC.timeIntervalSince1970)
            let end = Int64(outage.endUTC.timeIntervalSince1970)
            let first = max(0, Int(floorDiv(start - horizon.startEpochSeconds, horizon.stepSeconds)))
            let last = min(horizon.steps - 1, Int(floorDiv(end - 1 - horizon.startEpochSeconds, horizon.stepSeconds)))
            if first <= last { for step in first...last { out[step] = true } }
        }
        var available = [Int](repeating: units, count: horizon.steps)
        var forcedOnly = [Int](repeating: 0, count: forcedModel?.draw == nil ? 0 : horizon.steps)
        for unit in 0..<units {
            var out = [Bool](repeating: false, count: horizon.steps)
            for outage in outages where outage.unit == unit { mark(outage, in: &out) }
            // Before commissioning and after retirement a unit is unavailable, as in an outage.
            for step in 0..<horizon.steps where !serviceDates[unit].inService(horizon: horizon, step: step) { out[step] = true }
            // Forced outages join the planned ones: a step with any part in either is unavailable.
            var forcedOut = [Bool](repeating: false, count: forced.isEmpty ? 0 : horizon.steps)
            for outage in forced where outage.unit == unit { mark(outage, in: &forcedOut) }
            for step in forcedOut.indices where forcedOut[step] && !out[step] {
                forcedOnly[step] += 1
                out[step] = true
            }
            for step in 0..<horizon.steps where out[step] { available[step] -= 1 }
        }
        guard let build = readSMRBuild(reader, existingUnits: units, moduleMW: capacity) else { return nil }
        var fleet = SMRFleet(units: units, capacityMWPerUnit: capacity, minStableLoadFraction: minimumLoad,
                             rampFractionPerHour: ramp, marginalCostUSDPerMWh: cost, emissionFactorGramsPerKWh: emission,
                             commitment: commitment, minUpHours: minUp, minDownHours: minDown, outages: outages + forced,
                             availableUnits: available)
        fleet.forcedOutages = forcedModel
        fleet.forcedOutageUnits = forcedOnly
        fleet.build = build?.0
        fleet.integerUnits = build?.integer ?? true
        fleet.connection = connection
        return fleet
    }

    private static func readGridFeed(_ node: YAMLNode, path: String, index: Int, context: LoadContext) -> GridFeed? {
        let keys = ["name", "import_capacity_mw", "export_capacity_mw", "price_usd_per_mwh", "export_price_usd_per_mwh",
                    "export_price_fraction", "carbon_intensity_g_per_kwh", "carbon_free_share",
                    "demand_charge_usd_per_mw", "import_cap_mw", "commissioning_utc", "retirement_utc", "build",
                    "marginal_carbon_intensity_g_per_kwh"]
        guard let reader = MappingReader(node, path: path, context: context, allowedKeys: keys) else { return nil }
        let name = reader.string("name") ?? (index == 0 ? "grid" : "grid-\(index + 1)")
        let importCapacity = reader.number("import_capacity_mw", unit: "MW", range: capacityRange, required: true)
        let exportCapacity = reader.number("export_capacity_mw", unit: "MW", range: capacityRange, default: 0)
        let price = reader.series("price_usd_per_mwh", unit: "USD/MWh", range: .between(-100_000, 100_000), required: true)
        if reader.has("export_price_usd_per_mwh") && reader.has("export_price_fraction") {
            reader.report("export_price_fraction", "give either export_price_usd_per_mwh or export_price_fraction, not both")
        }
        let exportPrice = reader.series("export_price_usd_per_mwh", unit: "USD/MWh", range: .between(-100_000, 100_000))
        // Assumption: without an export price, exports earn the import price (no retail margin).
        let fraction = reader.number("export_price_fraction", range: .between(0, 1), default: 1)
        let intensity = reader.series("carbon_intensity_g_per_kwh", unit: "g/kWh", range: .between(0, 2000),
                                      required: true)
        let carbonFree = reader.series("carbon_free_share", unit: "", range: .fraction)
        let marginal = reader.series("marginal_carbon_intensity_g_per_kwh", unit: "g/kWh", range: .between(0, 2000))
        if reader.has("marginal_carbon_intensity_g_per_kwh") && marginal == nil { return nil }
        let demandCharge = reader.number("demand_charge_usd_per_mw", unit: "USD/MW", range: .nonNegative, default: 0)
        let cap = reader.series("import_cap_mw", unit: "MW", range: capacityRange)
        guard let importCapacity, let exportCapacity, let price, let fraction, let intensity, let demandCharge else {
            return nil
        }
        if reader.has("export_price_usd_per_mwh") && exportPrice == nil { return nil }
        if reader.has("carbon_free_share") && carbonFree == nil { return nil }
        if reader.has("import_cap_mw") && cap == nil { return nil }
        guard let dates = readServiceDates(reader), let build = readConnectionBuild(reader) else { return nil }
        var feed = GridFeed(name: name, importCapacityMW: importCapacity, exportCapacityMW: exportCapacity,
                            importPriceUSDPerMWh: price, exportPriceUSDPerMWh: exportPrice ?? price.map { $0 * fraction },
                            carbonIntensityGramsPerKWh: intensity, carbonFreeShare: carbonFree,
                            demandChargeUSDPerMW: demandCharge, importCapMW: cap, inService: serviceMask(dates, context))
        feed.connectionBuild = build
        feed.marginalCarbonIntensityGramsPerKWh = marginal
        return feed
    }

    private static func readBattery(_ node: YAMLNode, path: String, index: Int,
                                    architecture: PowerDistribution.Architecture, context: LoadContext) -> Battery? {
        let keys = ["name", "energy_mwh", "power_mw", "charge_power_mw", "discharge_power_mw", "charge_efficiency",
                    "discharge_efficiency", "round_trip_efficiency", "soc_min_fraction", "soc_max_fraction",
                    "initial_soc_fraction", "final_soc", "throughput_cost_usd_per_mwh", "coupling",
                    "commissioning_utc", "retirement_utc", "build"]
        guard let reader = MappingReader(node, path: path, context: context, allowedKeys: keys) else { return nil }
        let name = reader.string("name") ?? "battery-\(index + 1)"
        // With a `build` section, `energy_mwh` and `power_mw` are the existing battery (0 when absent).
        let planned = reader.has("build")
        let energy = planned ? reader.number("energy_mwh", unit: "MWh", range: .between(0, 1_000_000), default: 0)
            : reader.number("energy_mwh", unit: "MWh", range: .above(0, atMost: 1_000_000), required: true)
        var charge: Double?, discharge: Double?
        if planned, reader.has("charge_power_mw") || reader.has("discharge_power_mw") {
            reader.report("build", "a battery sized by the plan has one power rating for charge and discharge: give power_mw (the existing rating), not charge_power_mw and discharge_power_mw")
        } else if planned {
            charge = reader.number("power_mw", unit: "MW", range: capacityRange, default: 0)
            discharge = charge
        } else if reader.has("power_mw") {
            if reader.has("charge_power_mw") || reader.has("discharge_power_mw") {
                reader.report("power_mw", "give either power_mw or charge_power_mw and discharge_power_mw, not both")
            }
            charge = reader.number("power_mw", unit: "MW", range: capacityRange)
            discharge = charge
        } else if reader.has("charge_power_mw") || reader.has("discharge_power_mw") {
            charge = reader.number("charge_power_mw", unit: "MW", range: capacityRange, required: true)
            discharge = reader.number("discharge_power_mw", unit: "MW", range: capacityRange, required: true)
        } else {
            reader.reportMissing("power_mw", "MW, or charge_power_mw and discharge_power_mw")
        }
        // Assumption (docs/sources.md has no battery row): Li-ion one-way 0.95, round trip ~0.90.
        var chargeEfficiency: Double?, dischargeEfficiency: Double?
        if reader.has("round_trip_efficiency") {
            if reader.has("charge_efficiency") || reader.has("discharge_efficiency") {
                reader.report("round_trip_efficiency", "give either round_trip_efficiency or charge/discharge efficiencies, not both")
            }
            let roundTrip = reader.number("round_trip_efficiency", range: .efficiency)
            chargeEfficiency = roundTrip.map { $0.squareRoot() }
            dischargeEfficiency = chargeEfficiency
        } else {
            chargeEfficiency = reader.number("charge_efficiency", range: .efficiency, default: 0.95)
            dischargeEfficiency = reader.number("discharge_efficiency", range: .efficiency, default: 0.95)
        }
        let socMin = reader.number("soc_min_fraction", range: .fraction, default: 0.05)
        let socMax = reader.number("soc_max_fraction", range: .fraction, default: 1)
        let initial = reader.number("initial_soc_fraction", range: .fraction, default: 0.5)
        var finalSOC: Battery.FinalSOC? = .cyclic
        if let value = reader.child("final_soc") {
            if value.scalarText == "cyclic" {
                finalSOC = .cyclic
            } else if let fraction = MappingReader.parseNumber(value), fraction.isFinite {
                finalSOC = .fraction(fraction)
                if !(0...1).contains(fraction) {
                    reader.report("final_soc", "must be \"cyclic\" or a fraction in [0, 1], got \(formatNumber(fraction))")
                    finalSOC = nil
                }
            } else {
                reader.report("final_soc", "expected \"cyclic\" or a fraction in [0, 1], got \(value.kindDescription)")
                finalSOC = nil
            }
        }
        let throughput = reader.number("throughput_cost_usd_per_mwh", unit: "USD/MWh", range: .nonNegative, default: 0)
        let coupling = readCoupling(reader, architecture: architecture)
        let dates = readServiceDates(reader)
        guard let dates, let energy, let charge, let discharge, let chargeEfficiency, let dischargeEfficiency, let socMin,
              let socMax, let initial, let finalSOC, let throughput, let coupling else { return nil }
        if socMin >= socMax {
            reader.report("soc_min_fraction", "must be below soc_max_fraction (\(formatNumber(socMax))), got \(formatNumber(socMin))")
            return nil
        }
        if initial < socMin || initial > socMax {
            reader.report("initial_soc_fraction", "must lie within [soc_min_fraction, soc_max_fraction] = [\(formatNumber(socMin)), \(formatNumber(socMax))], got \(formatNumber(initial))")
            return nil
        }
        if case .fraction(let target) = finalSOC, target < socMin || target > socMax {
            reader.report("final_soc", "must lie within [soc_min_fraction, soc_max_fraction] = [\(formatNumber(socMin)), \(formatNumber(socMax))], got \(formatNumber(target))")
            return nil
        }
        guard let build = readBatteryBuild(reader, existingPowerMW: charge, existingEnergyMWh: energy) else { return nil }
        var battery = Battery(name: name, energyMWh: energy, chargePowerMW: charge, dischargePowerMW: discharge,
                              chargeEfficiency: chargeEfficiency, dischargeEfficiency: dischargeEfficiency,
                              socMinFraction: socMin, socMaxFraction: socMax, initialSOCFraction: initial, finalSOC: finalSOC,
                              throughputCostUSDPerMWh: throughput, coupling: coupling, inService: serviceMask(dates, context))
        battery.powerBuild = build?.power
        battery.energyBuild = build?.energy
        return battery
    }

    private static func readBackupGenerator(_ node: YAMLNode, path: String, index: Int,
                                            context: LoadContext) -> BackupGenerator? {
        guard let reader = MappingReader(node, path: path, context: context,
                                         allowedKeys: ["name", "capacity_mw", "marginal_cost_usd_per_mwh",
                                                       "emission_factor_g_per_kwh", "commissioning_utc", "retirement_utc", "build"]) else { return nil }
        let name = reader.string("name") ?? "backup-\(index + 1)"
        let capacity = reader.has("build") ? reader.number("capacity_mw", unit: "MW", range: capacityRange, default: 0)
            : reader.number("capacity_mw", unit: "MW", range: capacityRange, required: true)
        let cost = reader.number("marginal_cost_usd_per_mwh", unit: "USD/MWh", range: .between(-1000, 100_000), required: true)
        let emission = reader.number("emission_factor_g_per_kwh", unit: "g/kWh", range: .between(0, 2000), required: true)
        guard let capacity, let cost, let emission, let dates = readServiceDates(reader),
              let build = readPowerBuild(reader, existingMW: capacity) else { return nil }
        var generator = BackupGenerator(name: name, capacityMW: capacity, marginalCostUSDPerMWh: cost,
                                        emissionFactorGramsPerKWh: emission, inService: serviceMask(dates, context))
        generator.build = build
        return generator
    }

    // MARK: Policy

    private static func readLimits(_ root: MappingReader) -> SiteLimits? {
        guard root.has("limits") else { return SiteLimits() }
        guard let reader = root.mapping("limits", allowedKeys: ["import_limit_mw", "ramp_limit_mw_per_hour"]) else {
            return nil
        }
        let importLimit = reader.number("import_limit_mw", unit: "MW", range: capacityRange)
        let ramp = reader.number("ramp_limit_mw_per_hour", unit: "MW/h", range: .above(0, atMost: 1_000_000))
        if (reader.has("import_limit_mw") && importLimit == nil) || (reader.has("ramp_limit_mw_per_hour") && ramp == nil) {
            return nil
        }
        return SiteLimits(importLimitMW: importLimit, rampLimitMWPerHour: ramp)
    }
}
