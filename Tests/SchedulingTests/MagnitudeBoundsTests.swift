import Foundation
import Island
import Optimization
import Scheduling
import Testing

/// Issue 17, item 10: validation bounds every number of a site so that a site it accepts
/// always compiles to an LP the solver layer accepts (`LinearProgram.validate`: magnitudes at
/// most 1e30, non-zero coefficients at least 1e-30). `value_of_lost_service_usd_per_mwh: 1e31`
/// used to validate and then make `solve` exit 1 with 24 column problems.
@Suite("Site validation bounds what the LP layer refuses")
struct MagnitudeBoundsTests {
    /// Numeric keys of the example week, each set to extreme values below.
    static let keys = [
        "smr.capacity_mw_per_unit", "smr.marginal_cost_usd_per_mwh", "smr.min_stable_load_fraction", "smr.ramp_fraction_per_hour",
        "grid_feeds[0].import_capacity_mw", "grid_feeds[0].export_capacity_mw", "grid_feeds[0].price_usd_per_mwh",
        "grid_feeds[0].carbon_intensity_g_per_kwh", "grid_feeds[0].carbon_free_share", "grid_feeds[0].demand_charge_usd_per_mw",
        "grid_feeds[0].export_price_fraction", "renewables[0].capacity_mw", "renewables[0].capacity_factor",
        "batteries[0].energy_mwh", "batteries[0].power_mw", "batteries[0].throughput_cost_usd_per_mwh", "batteries[0].charge_efficiency",
        "it_fleet.power_per_rack_kw", "it_fleet.idle_fraction", "workloads.inference.demand_mw",
        "workloads.inference.value_of_lost_service_usd_per_mwh", "workloads.training_jobs[0].energy_mwh",
        "workloads.training_jobs[0].max_power_mw", "workloads.training_jobs[1].undelivered_penalty_usd_per_mwh",
        "carbon.price_usd_per_t", "carbon.cap_t", "carbon.intensity_cap_g_per_kwh_it", "carbon.cfe_target_share",
        "limits.import_limit_mw", "limits.ramp_limit_mw_per_hour",
    ]

    /// Zero, or a magnitude from 1e-40 to 1e40 (log-uniform), sometimes negative.
    static func extreme(_ generator: inout SeededGenerator) -> String {
        if Int.random(in: 0..<8, using: &generator) == 0 { return "0" }
        let magnitude = pow(10, Double.random(in: -40...40, using: &generator))
        let sign = Int.random(in: 0..<6, using: &generator) == 0 ? "-" : ""
        return sign + String(format: "%.6e", magnitude)
    }

    @Test("1e31 and 1e-40 are refused by validation with the key named")
    func extremesRefused() throws {
        for (path, value) in [("workloads.inference.value_of_lost_service_usd_per_mwh", "1e31"), ("carbon.price_usd_per_t", "1e40")] {
            #expect(throws: SiteValidationError.self) {
                _ = try SiteFixtures.site("example-week", [(path, try YAMLNode.parse(yaml: value, file: "test"))])
            }
        }
        // A negligible magnitude reads as 0: below any tolerance, and no 1e-40 coefficient reaches the LP.
        let site = try SiteFixtures.site("example-week", [("carbon.cap_t", try YAMLNode.parse(yaml: "1e-40", file: "test"))])
        #expect(site.carbon.capTonnes == 0)
    }

    @Test("160 sites with one to three keys at extreme values: every site validation accepts compiles to a valid LP")
    func acceptedSitesCompileToValidLPs() throws {
        var generator = SeededGenerator(seed: 17)
        let document = try SiteDocument.read(from: SiteFixtures.url("example-week"))
            .applying(overrides: [("horizon.steps", try YAMLNode.parse(yaml: "24", file: "test")),
                                  ("workloads.training_jobs", try YAMLNode.parse(yaml: """
                                      [{name: a, energy_mwh: 100, release_utc: 2025-07-14T00:00Z, deadline_utc: 2025-07-15T00:00Z, max_power_mw: 40},
                                       {name: b, energy_mwh: 50, release_utc: 2025-07-14T00:00Z, deadline_utc: 2025-07-15T00:00Z, max_power_mw: 40,
                                        undelivered_penalty_usd_per_mwh: 500}]
                                      """, file: "test"))])
        var accepted = 0, refused = 0
        for sample in 0..<160 {
            var overrides: [(path: String, value: YAMLNode)] = []
            for _ in 0..<Int.random(in: 1...3, using: &generator) {
                let key = Self.keys.randomElement(using: &generator)!
                overrides.append((key, try YAMLNode.parse(yaml: Self.extreme(&generator), file: "test")))
            }
            let site: Site
            do {
                site = try SiteLoader.resolve(try document.applying(overrides: overrides))
            } catch is SiteValidationError {
                refused += 1
                continue
            }
            accepted += 1
            for elastic in [false, true] {
                let model = try SiteCompiler.compile(site, options: CompileOptions(elastic: elastic))
                do {
                    try model.program.validate()
                } catch {
                    Issue.record("sample \(sample) \(overrides.map { "\($0.path)=\($0.value.scalarText ?? "")" }) elastic \(elastic): \(String(describing: error).prefix(600))")
                }
            }
        }
        // Enough accepted sites for the check to mean something.
        #expect(accepted >= 40, "\(accepted) accepted, \(refused) refused")
    }
}
