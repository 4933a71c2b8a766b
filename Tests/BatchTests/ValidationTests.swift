import Batch
import Foundation
import Island
import Testing

@Suite("A batch is validated as a whole, with problems reported per scenario")
struct ValidationTests {
    @Test("only the scenarios with bad values are reported, each with its key path")
    func perScenarioProblems() throws {
        let definition = try BatchFixtures.definition("""
            grid:
              batteries[0].energy_mwh: [400, -5]
              batteries[0].charge_efficiency: [0.95, 1.3]
            """)
        let scenarios = try definition.expand()
        let issues = BatchValidator.validate(scenarios, base: try SiteDocument.read(from: definition.siteURL), jobs: 2)
        #expect(BatchValidationError(issues).invalidScenarioCount == 3)
        #expect(!issues.contains { $0.scenario?.position == 0 })
        let text = issues.map(\.description)
        #expect(text.contains { $0.hasPrefix("scenario 2 \"energy_mwh=400 charge_efficiency=1.3\"") && $0.contains("batteries[0].charge_efficiency") })
        #expect(text.contains { $0.hasPrefix("scenario 3 \"energy_mwh=-5 charge_efficiency=0.95\"") && $0.contains("batteries[0].energy_mwh") })
        #expect(text.filter { $0.hasPrefix("scenario 4 ") }.count == 2)
        #expect(text.allSatisfy { $0.contains("example-week.yaml") })
    }

    @Test("an override into a list item that does not exist is a problem of that scenario")
    func missingListItem() throws {
        let definition = try BatchFixtures.definition("""
            scenarios:
              - name: second-battery
                overrides:
                  batteries[3].energy_mwh: 100
            """)
        let issues = BatchValidator.validate(try definition.expand(), base: try SiteDocument.read(from: definition.siteURL), jobs: 1)
        #expect(issues.count == 1)
        #expect(issues[0].description.contains("\"second-battery\""))
        #expect(issues[0].description.contains("batteries has 1 items; index 3 is out of range"))
    }

    @Test("a valid batch has no problems")
    func validBatch() throws {
        let definition = try BatchDefinition.read(from: BatchFixtures.repositoryRoot.appendingPathComponent("data/batches/example-week.yaml"))
        let scenarios = try definition.expand()
        #expect(scenarios.count == 8)
        #expect(BatchValidator.validate(scenarios, base: try SiteDocument.read(from: definition.siteURL), jobs: 2).isEmpty)
    }
}
