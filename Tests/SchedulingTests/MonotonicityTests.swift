import Foundation
import Island
import Optimization
import Scheduling
import Testing

@Suite("Costs move the right way when limits and designs change")
struct MonotonicityTests {
    static func cost(_ name: String, _ overrides: [(path: String, value: YAMLNode)]) throws -> Double {
        try SiteFixtures.solve(try SiteFixtures.site(name, overrides)).1.kpis.objectiveUSD
    }

    @Test("A tighter carbon cap never lowers cost")
    func carbonCap() throws {
        // Force imports: a smaller SMR fleet so the grid's carbon matters.
        let base: [(path: String, value: YAMLNode)] = [("smr.capacity_mw_per_unit", 30.0)]
        let free = try SiteFixtures.solve(try SiteFixtures.site("example-week", base)).1.kpis.emissionsTonnes
        var previous = -Double.infinity
        for fraction in [1.0, 0.8, 0.6] {
            let cost = try Self.cost("example-week", base + [("carbon.cap_t", YAMLNode.number(free * fraction))])
            #expect(cost >= previous - 1e-6 * abs(cost))
            previous = cost
        }
    }

    @Test("A bigger battery never raises cost")
    func biggerBattery() throws {
        var previous = Double.infinity
        for energy in [100.0, 400, 800] {
            let cost = try Self.cost("example-week", [("batteries[0].energy_mwh", YAMLNode.number(energy))])
            #expect(cost <= previous + 1e-6 * abs(cost))
            previous = cost
        }
    }

    @Test("800 V DC never costs more than 415 V AC for the same site")
    func architecture() throws {
        let ac: [(path: String, value: YAMLNode)] = [("power_distribution.architecture", "ac415"),
                                                      ("batteries[0].coupling", "ac"), ("renewables[0].coupling", "ac")]
        let dcCost = try Self.cost("example-week", [])
        let acCost = try Self.cost("example-week", ac)
        #expect(dcCost <= acCost)
        let dcLosses = try SiteFixtures.solve(try SiteFixtures.site("example-week")).1.kpis.lossesEnergyMWh
        let acLosses = try SiteFixtures.solve(try SiteFixtures.site("example-week", ac)).1.kpis.lossesEnergyMWh
        #expect(dcLosses < acLosses)
    }

    @Test("Scaling every price by a factor scales an all-grid objective by that factor")
    func priceScaling() throws {
        let site = try SiteFixtures.site("example-week", [("carbon.price_usd_per_t", 0.0)])
        var scaled = site
        for index in scaled.gridFeeds.indices {
            scaled.gridFeeds[index].importPriceUSDPerMWh = site.gridFeeds[index].importPriceUSDPerMWh.map { $0 * 3 }
            scaled.gridFeeds[index].exportPriceUSDPerMWh = site.gridFeeds[index].exportPriceUSDPerMWh.map { $0 * 3 }
        }
        if var smr = scaled.smr { smr.marginalCostUSDPerMWh *= 3; scaled.smr = smr }
        for index in scaled.batteries.indices { scaled.batteries[index].throughputCostUSDPerMWh *= 3 }
        for index in scaled.trainingJobs.indices { scaled.trainingJobs[index].undeliveredPenaltyUSDPerMWh = scaled.trainingJobs[index].undeliveredPenaltyUSDPerMWh.map { $0 * 3 } }
        let base = try SiteFixtures.solve(site).1.kpis.objectiveUSD
        let tripled = try SiteFixtures.solve(scaled).1.kpis.objectiveUSD
        #expect(abs(tripled - 3 * base) <= 1e-6 * abs(3 * base))
    }
}
