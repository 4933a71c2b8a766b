import Foundation
import Testing
@testable import Island

@Suite("Example sites")
struct ExampleSiteTests {
    @Test("every example site loads", arguments: ["example.yaml", "example-week.yaml", "example-ac415.yaml",
                                                  "hot-climate.yaml", "hot-free-cooling.yaml"])
    func loads(_ file: String) throws {
        let site = try SiteLoader.load(from: Fixtures.site(file))
        #expect(site.gridFeeds.count == 1)
        #expect(site.gridFeeds[0].importPriceUSDPerMWh.count == site.horizon.steps)
        #expect(site.copSeries.count == site.horizon.steps)
        #expect(site.itFleet.capacityMW == 198)
    }

    @Test("a plant without a chiller lets the facility water float with the dry bulb and runs on fans and pumps alone")
    func chillerlessPlant() throws {
        let site = try SiteLoader.load(from: Fixtures.site("hot-free-cooling.yaml"))
        let weather = try #require(site.weather)
        #expect(!site.cooling.hasChiller)
        for t in 0..<site.horizon.steps {
            #expect(site.facilitySupplyC[t] == max(32, weather.dryBulbC[t] + 10))
            #expect(abs(site.copSeries[t] - 1000.0 / 35) < 1e-9)  // 35 kW of fans and pumps per MW of heat
        }
        #expect(site.facilitySupplyC.max()! > 55)  // Phoenix-like summer afternoons
        #expect(site.thermal?.trainingSwing?.meanFraction == 0.3 + 0.7 * 0.7)
        // The chilled twin holds its 27 C setpoint all year.
        let chilled = try SiteLoader.load(from: Fixtures.site("hot-climate.yaml"))
        #expect(chilled.facilitySupplyC.allSatisfy { $0 == 27 })
    }
}
