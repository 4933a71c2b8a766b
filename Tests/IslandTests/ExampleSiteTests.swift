import Foundation
import Testing
@testable import Island

@Suite("Example sites")
struct ExampleSiteTests {
    @Test("every example site loads", arguments: ["example.yaml", "example-week.yaml", "example-ac415.yaml",
                                                  "hot-climate.yaml"])
    func loads(_ file: String) throws {
        let site = try SiteLoader.load(from: Fixtures.site(file))
        #expect(site.gridFeeds.count == 1)
        #expect(site.gridFeeds[0].importPriceUSDPerMWh.count == site.horizon.steps)
        #expect(site.copSeries.count == site.horizon.steps)
        #expect(site.itFleet.capacityMW == 198)
    }
}
