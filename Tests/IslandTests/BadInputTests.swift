import Foundation
import Testing
@testable import Island

/// Every bad input is reported with the site file, the key path and, for data files, the row.
@Suite("Bad input is reported with file, key path and row")
struct BadInputTests {
    @Test("a minimal valid site loads")
    func minimalLoads() throws {
        let site = try Scratch().load(MinimalSite.yaml())
        #expect(site.horizon.steps == 4)
        #expect(site.copSeries == [20, 20, 20, 20])
    }

    @Test("unknown key with a wrong unit suffix suggests the right key", arguments: [
        ("import_capacity_kw", "import_capacity_mw"),
        ("price_eur_per_mwh", "price_usd_per_mwh"),
        ("carbon_intensity_g_per_mwh", "carbon_intensity_g_per_kwh"),
        ("import_capacty_mw", "import_capacity_mw"),
    ])
    func unknownKeyHint(wrong: String, right: String) throws {
        let grid = """
              - name: utility
                import_capacity_mw: 100
                price_usd_per_mwh: 50
                carbon_intensity_g_per_kwh: 300
                \(wrong): 1
            """
        let issues = try Scratch().issues(MinimalSite.yaml(grid: grid))
        let issue = try #require(issues.single(at: "grid_feeds[0].\(wrong)"))
        #expect(issue.file.hasSuffix("site.yaml"))
        #expect(issue.line == 11)
        #expect(issue.message.contains("unknown key \"\(wrong)\""))
        #expect(issue.message.contains("did you mean \"\(right)\"?"))
    }

    @Test("capacity_kw on a renewable suggests capacity_mw")
    func renewableCapacityKW() throws {
        let issues = try Scratch().issues(MinimalSite.yaml("""
            renewables:
              - {name: pv, kind: solar, capacity_kw: 5000, capacity_factor: 0.2}
            """))
        let unknown = try #require(issues.single(at: "renewables[0].capacity_kw"))
        #expect(unknown.message.contains("did you mean \"capacity_mw\"?"))
        // The required key is then missing too: both are reported.
        #expect(issues.single(at: "renewables[0].capacity_mw")?.message.contains("missing required key") == true)
    }

    @Test("unknown top-level key lists a hint")
    func unknownTopLevel() throws {
        let issues = try Scratch().issues(MinimalSite.yaml("batteris: []"))
        #expect(issues.single(at: "batteris")?.message.contains("did you mean \"batteries\"?") == true)
    }

    @Test("missing required keys are named", arguments: [
        ("price_usd_per_mwh", "grid_feeds[0].price_usd_per_mwh"),
        ("carbon_intensity_g_per_kwh", "grid_feeds[0].carbon_intensity_g_per_kwh"),
        ("import_capacity_mw", "grid_feeds[0].import_capacity_mw"),
    ])
    func missingRequired(omitted: String, keyPath: String) throws {
        let lines = ["import_capacity_mw: 100", "price_usd_per_mwh: 50", "carbon_intensity_g_per_kwh: 300"]
            .filter { !$0.hasPrefix(omitted) }
        let grid = "  - name: utility\n" + lines.map { "    " + $0 }.joined(separator: "\n")
        let issues = try Scratch().issues(MinimalSite.yaml(grid: grid))
        #expect(issues.single(at: keyPath)?.message.hasPrefix("missing required key") == true)
    }

    @Test("the IT fleet and the horizon are required")
    func requiredSections() throws {
        let issues = try Scratch().issues("""
            grid_feeds:
              - {import_capacity_mw: 10, price_usd_per_mwh: 50, carbon_intensity_g_per_kwh: 300}
            """)
        #expect(issues.single(at: "it_fleet")?.message.hasPrefix("missing required key") == true)
        #expect(issues.single(at: "horizon")?.message.hasPrefix("missing required key") == true)
    }

    @Test("a site without any source is rejected")
    func noSource() throws {
        let yaml = MinimalSite.yaml().replacingOccurrences(of: "grid_feeds:", with: "grid_feeds_disabled:")
        let issues = try Scratch().issues(yaml.replacingOccurrences(of: "grid_feeds_disabled:", with: "renewables: []\nx_grid:"))
        #expect(issues.contains { $0.keyPath == "" && $0.message.contains("no power source") })
    }

    @Test("wrong types name the expected type and the value found", arguments: [
        ("import_capacity_mw: abc", "grid_feeds[0].import_capacity_mw", "expected a number in MW, got \"abc\""),
        ("import_capacity_mw: [1, 2]", "grid_feeds[0].import_capacity_mw", "expected a number in MW, got a list"),
        ("import_capacity_mw: \"100\"", "grid_feeds[0].import_capacity_mw", "got the quoted string \"100\""),
        ("name: {a: 1}", "grid_feeds[0].name", "expected a string, got a mapping"),
    ])
    func wrongType(line: String, keyPath: String, message: String) throws {
        let key = String(line.prefix { $0 != ":" })
        let lines = ["name: utility", "import_capacity_mw: 100", "price_usd_per_mwh: 50", "carbon_intensity_g_per_kwh: 300"]
            .map { $0.hasPrefix(key + ":") ? line : $0 }
        let grid = "  - " + lines.joined(separator: "\n    ")
        let issues = try Scratch().issues(MinimalSite.yaml(grid: grid))
        #expect(issues.single(at: keyPath)?.message.contains(message) == true, "\(issues)")
    }

    @Test("negative capacity prints the expected one-line message")
    func negativeCapacity() throws {
        let grid = """
              - name: utility
                import_capacity_mw: -5
                price_usd_per_mwh: 50
                carbon_intensity_g_per_kwh: 300
            """
        let scratch = try Scratch()
        let issues = try scratch.issues(MinimalSite.yaml(grid: grid))
        let issue = try #require(issues.single(at: "grid_feeds[0].import_capacity_mw"))
        #expect(issue.description.hasSuffix("site.yaml:8: grid_feeds[0].import_capacity_mw: must be >= 0 MW, got -5"))
    }

    @Test("kW entered as MW trips the sanity limit")
    func implausiblySized() throws {
        let issues = try Scratch().issues(MinimalSite.yaml("backup_generators:\n  - {capacity_mw: 250000, marginal_cost_usd_per_mwh: 100, emission_factor_g_per_kwh: 700}"))
        #expect(issues.single(at: "backup_generators[0].capacity_mw")?.message.contains("must be <= 100000 MW") == true)
    }

    @Test("efficiencies above 1 are rejected", arguments: [
        "batteries:\n  - {energy_mwh: 10, power_mw: 5, charge_efficiency: 1.2}",
        "power_distribution:\n  efficiencies: {solid_state_transformer: 1.2}",
    ])
    func efficiencyAboveOne(extra: String) throws {
        let issues = try Scratch().issues(MinimalSite.yaml(extra))
        #expect(issues.count == 1)
        #expect(issues.first?.message == "must be in (0, 1], got 1.2")
        #expect(issues.first?.keyPath.hasSuffix("charge_efficiency") == true
            || issues.first?.keyPath == "power_distribution.efficiencies.solid_state_transformer")
    }

    @Test("a stage efficiency of the other architecture is rejected")
    func efficiencyOfOtherArchitecture() throws {
        let issues = try Scratch().issues(MinimalSite.yaml("power_distribution:\n  architecture: dc800\n  efficiencies: {ups: 0.96}"))
        #expect(issues.single(at: "power_distribution.efficiencies.ups")?.message.contains("applies only to architecture ac415") == true)
    }

    @Test("DC coupling is only legal on the 800 V DC bus")
    func dcCouplingWithAC() throws {
        let issues = try Scratch().issues(MinimalSite.yaml("""
            power_distribution: {architecture: ac415}
            batteries:
              - {name: bess, energy_mwh: 10, power_mw: 5, coupling: dc}
            renewables:
              - {name: pv, kind: solar, capacity_mw: 10, capacity_factor: 0.2, coupling: dc}
            """))
        #expect(issues.single(at: "batteries[0].coupling")?.message.contains("needs power_distribution.architecture dc800") == true)
        #expect(issues.single(at: "renewables[0].coupling") != nil)
    }

    @Test("coupling defaults follow the architecture")
    func couplingDefaults() throws {
        let extra = "batteries:\n  - {energy_mwh: 10, power_mw: 5}\n"
        let dc = try Scratch().load(MinimalSite.yaml(extra))
        let ac = try Scratch().load(MinimalSite.yaml(extra + "power_distribution: {architecture: ac415}"))
        #expect(dc.batteries[0].coupling == .dc)
        #expect(ac.batteries[0].coupling == .ac)
        #expect(ac.distribution.busVoltageV == 415)
    }

    @Test("min above max is rejected", arguments: [
        ("batteries:\n  - {energy_mwh: 10, power_mw: 5, soc_min_fraction: 0.9, soc_max_fraction: 0.5, initial_soc_fraction: 0.6}",
         "batteries[0].soc_min_fraction", "must be below soc_max_fraction (0.5), got 0.9"),
        ("""
         workloads:
           training_jobs:
             - {name: job, energy_mwh: 10, release_utc: 2025-01-01T00:00Z, deadline_utc: 2025-01-01T04:00Z, max_power_mw: 5, min_power_mw: 6}
         """, "workloads.training_jobs[0].min_power_mw", "must not exceed max_power_mw (5 MW), got 6"),
    ])
    func minAboveMax(extra: String, keyPath: String, message: String) throws {
        let issues = try Scratch().issues(MinimalSite.yaml(extra))
        #expect(issues.single(at: keyPath)?.message == message)
    }

    @Test("training job windows are checked", arguments: [
        ("release_utc: 2025-01-01T03:00Z, deadline_utc: 2025-01-01T01:00Z", "deadline_utc",
         "must be after release_utc (2025-01-01T03:00Z), got 2025-01-01T01:00Z"),
        ("release_utc: 2024-12-31T00:00Z, deadline_utc: 2025-01-01T02:00Z", "release_utc", "must lie within the horizon"),
        ("release_utc: 2025-01-01T00:00Z, deadline_utc: 2025-01-02T00:00Z", "deadline_utc", "must lie within the horizon"),
        ("release_utc: 2025-01-01T00:10Z, deadline_utc: 2025-01-01T00:50Z", "deadline_utc", "holds no whole 60-minute step"),
    ])
    func trainingWindow(window: String, key: String, message: String) throws {
        let issues = try Scratch().issues(MinimalSite.yaml("""
            workloads:
              training_jobs:
                - {name: job, energy_mwh: 1, \(window), max_power_mw: 5}
            """))
        #expect(issues.single(at: "workloads.training_jobs[0].\(key)")?.message.contains(message) == true, "\(issues)")
    }

    @Test("a training job that cannot finish at full power is rejected")
    func unachievableEnergy() throws {
        let issues = try Scratch().issues(MinimalSite.yaml("""
            workloads:
              training_jobs:
                - {name: job, energy_mwh: 30, release_utc: 2025-01-01T00:00Z, deadline_utc: 2025-01-01T04:00Z, max_power_mw: 5}
            """))
        #expect(issues.single(at: "workloads.training_jobs[0].energy_mwh")?.message
            == "needs 30 MWh but at most 20 MWh fits: max_power_mw 5 x 4 h between release and deadline")
    }

    @Test("a training job whose minimum power over its window exceeds its energy is rejected")
    func minimumPowerAboveEnergy() throws {
        let issues = try Scratch().issues(MinimalSite.yaml("""
            workloads:
              training_jobs:
                - {name: job, energy_mwh: 10, release_utc: 2025-01-01T00:00Z, deadline_utc: 2025-01-01T04:00Z, max_power_mw: 5, min_power_mw: 3}
            """))
        #expect(issues.single(at: "workloads.training_jobs[0].min_power_mw")?.message
            == "3 MW in each of the 4 h between release and deadline delivers 12 MWh, more than energy_mwh 10")
    }

    @Test("thermal section values are checked with their key path", arguments: [
        ("thermal: {die_limit_c: 500}", "thermal.die_limit_c", "must be"),
        ("thermal: {coolant_flow_kg_per_s_per_rack: -2}", "thermal.coolant_flow_kg_per_s_per_rack", "must be"),
        ("thermal: {cdu_approach_c: 3}", "thermal.cdu_approach_c", "unknown key"),
        ("thermal: {training_swing: {low_fraction: 0.3}}", "thermal.training_swing.period_s", "missing"),
        ("thermal: {training_swing: {low_fraction: 1.5, period_s: 20}}", "thermal.training_swing.low_fraction", "must be"),
        ("thermal: [1, 2]", "thermal", "mapping"),
    ])
    func badThermal(yaml: String, keyPath: String, fragment: String) throws {
        let issues = try Scratch().issues(MinimalSite.yaml(yaml))
        #expect(issues.contains { $0.keyPath == keyPath && $0.message.contains(fragment) }, "\(issues)")
    }

    @Test("a training job above the IT capacity is rejected")
    func jobAboveCapacity() throws {
        let issues = try Scratch().issues(MinimalSite.yaml("""
            workloads:
              training_jobs:
                - {name: job, energy_mwh: 1, release_utc: 2025-01-01T00:00Z, deadline_utc: 2025-01-01T04:00Z, max_power_mw: 50}
            """))
        #expect(issues.single(at: "workloads.training_jobs[0].max_power_mw")?.message
            == "must not exceed the IT capacity (13.2 MW), got 50")
    }

    @Test("inference above the IT capacity is rejected with its step")
    func inferenceAboveCapacity() throws {
        let issues = try Scratch().issues(MinimalSite.yaml("workloads:\n  inference:\n    demand_mw: [1, 2, 20, 3]"))
        #expect(issues.single(at: "workloads.inference.demand_mw")?.message.contains("20 MW at 2025-01-01T02:00Z (step 2) exceeds the IT capacity 13.2 MW") == true)
    }

    @Test("outages are checked against the fleet and the horizon", arguments: [
        ("{unit: 0, start_utc: 2026-01-01T00:00Z, end_utc: 2026-01-02T00:00Z}", "start_utc", "lies outside the horizon"),
        ("{unit: 4, start_utc: 2025-01-01T00:00Z, end_utc: 2025-01-01T02:00Z}", "unit", "unit index must be 0...1"),
        ("{unit: 0, start_utc: 2025-01-01T02:00Z, end_utc: 2025-01-01T01:00Z}", "end_utc", "must be after start_utc"),
    ])
    func outage(outage: String, key: String, message: String) throws {
        let issues = try Scratch().issues(MinimalSite.yaml("""
            smr:
              units: 2
              capacity_mw_per_unit: 77
              marginal_cost_usd_per_mwh: 12
              outages:
                - \(outage)
            """))
        #expect(issues.single(at: "smr.outages[0].\(key)")?.message.contains(message) == true, "\(issues)")
    }

    @Test("horizon limits", arguments: [
        ("steps: 200000", "horizon.steps", "must be in [1, 105408]"),
        ("steps: 0", "horizon.steps", "must be in [1, 105408]"),
        ("step_minutes: 20", "horizon.step_minutes", "must be 15, 30 or 60, got 20"),
        ("start_utc: yesterday", "horizon.start_utc", "expected a UTC timestamp like 2025-01-01T00:00Z, got \"yesterday\""),
    ])
    func horizonLimits(line: String, keyPath: String, message: String) throws {
        let key = String(line.prefix { $0 != ":" })
        let horizon = ["start_utc: 2025-01-01T00:00Z", "steps: 4", "step_minutes: 60"]
            .map { $0.hasPrefix(key + ":") ? line : $0 }
        let yaml = MinimalSite.yaml().replacingOccurrences(of: MinimalSite.horizon,
                                                           with: "horizon:\n  " + horizon.joined(separator: "\n  "))
        let issues = try Scratch().issues(yaml)
        #expect(issues.single(at: keyPath)?.message.contains(message) == true, "\(issues)")
    }

    @Test("invalid YAML reports the line")
    func invalidYAML() throws {
        let issues = try Scratch().issues("name: x\nhorizon: {start_utc: 2025-01-01T00:00Z\nsteps: 3\n")
        #expect(issues.count == 1)
        #expect(issues[0].message.hasPrefix("not valid YAML"))
        #expect(issues[0].line != nil)
    }

    @Test("duplicate YAML keys are reported")
    func duplicateKeys() throws {
        let issues = try Scratch().issues(MinimalSite.yaml("name: again"))
        #expect(issues.first?.message.contains("duplicate key \"name\"") == true)
    }

    @Test("a missing site file is reported")
    func missingSiteFile() throws {
        #expect(throws: SiteValidationError.self) {
            try SiteLoader.load(from: URL(fileURLWithPath: "/nonexistent/site.yaml"))
        }
        do {
            _ = try SiteLoader.load(from: URL(fileURLWithPath: "/nonexistent/site.yaml"))
        } catch let error as SiteValidationError {
            #expect(error.description == "/nonexistent/site.yaml: site file not found")
        }
    }

    @Test("all problems are collected, not only the first")
    func collectsAll() throws {
        let issues = try Scratch().issues("""
            name: many
            horizon: {start_utc: 2025-01-01T00:00Z, steps: 2}
            grid_feeds:
              - {import_capacity_mw: -1, price_usd_per_mwh: 50, carbon_intensity_g_per_kwh: -3}
            it_fleet: {racks: 0, power_per_rack_kw: 132}
            batteries:
              - {energy_mwh: 10, power_mw: 5, discharge_efficiency: 2}
            cooling: {cop: 20}
            carbon: {cfe_target_share: 1.5}
            """)
        let paths = Set(issues.map(\.keyPath))
        #expect(paths.isSuperset(of: ["grid_feeds[0].import_capacity_mw", "grid_feeds[0].carbon_intensity_g_per_kwh",
                                      "it_fleet.racks", "batteries[0].discharge_efficiency",
                                      "carbon.cfe_target_share"]), "\(issues)")
        let error = SiteValidationError(issues)
        #expect(error.description.split(separator: "\n").count == issues.count)
    }

    @Test("cooling needs weather or a constant COP, not both")
    func coolingModel() throws {
        let none = try Scratch().issues(MinimalSite.yaml(cooling: "  facility_supply_c: 32"))
        #expect(none.single(at: "cooling")?.message == "needs weather (for the COP model) or a constant cooling.cop")
        let both = try Scratch().issues(MinimalSite.yaml("weather: {dry_bulb_c: 20, relative_humidity_percent: 50}"))
        #expect(both.single(at: "cooling.cop")?.message.contains("only for sites without weather") == true)
    }
}
