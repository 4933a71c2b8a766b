import Batch
import Foundation
import Island
import Testing

@Suite("Batch key window: every scenario solves a sub-period")
struct BatchWindowTests {
    @Test("window and window_training_energy are read, and each scenario's site is cut to the window")
    func window() throws {
        let definition = try BatchFixtures.definition("""
            window: 2025-07-15T00:00Z..2025-07-17T00:00Z
            window_training_energy: full
            grid:
              batteries[0].energy_mwh: [200, 800]
            """)
        let window = try #require(definition.window)
        #expect(window.label == "2025-07-15T00:00Z..2025-07-17T00:00Z")
        #expect(window.trainingEnergy == .full)
        var base = try SiteDocument.read(from: definition.siteURL)
        base.window = definition.window
        let scenarios = try definition.expand()
        #expect(BatchValidator.validate(scenarios, base: base, jobs: 1).isEmpty)
        let site = try BatchValidator.resolve(scenarios[0], base: base)
        #expect(site.horizon.steps == 48)
        #expect(site.horizon.label(0) == "2025-07-15T00:00Z")
        #expect(site.overrides.last?.hasPrefix("window=2025-07-15T00:00Z..2025-07-17T00:00Z") == true)
    }

    @Test("a window outside the site's horizon is a problem of every scenario, and a bad window text is refused")
    func badWindow() throws {
        let definition = try BatchFixtures.definition("window: 2024-01-01T00:00Z..2024-01-02T00:00Z\nscenarios: [{name: a, overrides: {carbon.price_usd_per_t: 10}}]")
        var base = try SiteDocument.read(from: definition.siteURL)
        base.window = definition.window
        let issues = BatchValidator.validate(try definition.expand(), base: base, jobs: 1)
        #expect(issues.count == 1)
        #expect(issues.first?.description.contains("not inside the horizon") == true)
        #expect(throws: (any Error).self) { try BatchFixtures.definition("window: August\nscenarios: [{name: a, overrides: {carbon.price_usd_per_t: 10}}]") }
    }
}
