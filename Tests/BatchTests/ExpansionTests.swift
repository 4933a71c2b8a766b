import Batch
import Foundation
import Island
import Testing

@Suite("Batch files expand into scenarios with stable ids and readable names")
struct ExpansionTests {
    @Test("grid is the cartesian product, the last key varying fastest")
    func gridProduct() throws {
        let scenarios = try BatchFixtures.scenarios("""
            grid:
              batteries[0].energy_mwh: [200, 400, 800]
              carbon.price_usd_per_t: [50, 150]
            """)
        #expect(scenarios.count == 6)
        #expect(scenarios.map(\.position) == Array(0..<6))
        #expect(scenarios.map { CanonicalValue.json($0.value(at: "batteries[0].energy_mwh")!) } == ["200", "200", "400", "400", "800", "800"])
        #expect(scenarios.map { CanonicalValue.json($0.value(at: "carbon.price_usd_per_t")!) } == ["50", "150", "50", "150", "50", "150"])
        #expect(scenarios[3].name == "energy_mwh=400 price_usd_per_t=150")
        #expect(Set(scenarios.map(\.id)).count == 6)
    }

    @Test("the scenario count is known before expanding: the product of every axis")
    func scenarioCount() throws {
        let definition = try BatchFixtures.definition("""
            scenarios:
              - name: a
              - name: b
                overrides: {limits.import_limit_mw: 150}
            grid:
              batteries[0].energy_mwh: [200, 400, 800]
              carbon.price_usd_per_t: [50, 150]
            zip:
              smr.units: [2, 3, 4, 4]
              smr.capacity_mw_per_unit: [60, 70, 77, 80]
            sample:
              count: 5
              seed: 7
              values:
                carbon.cap_t: {min_value: 1000, max_value: 9000}
            """)
        #expect(definition.scenarioCount == 2 * 3 * 2 * 4 * 5)
        #expect(try definition.expand().count == definition.scenarioCount)
    }

    @Test("zip varies lists together; named scenarios multiply the other axes")
    func zipAndNamedSets() throws {
        let scenarios = try BatchFixtures.scenarios("""
            scenarios:
              - name: small-smr
                overrides: {smr.units: 2}
              - name: base
            zip:
              batteries[0].energy_mwh: [200, 400, 800]
              batteries[0].power_mw: [50, 100, 200]
            """)
        #expect(scenarios.count == 6)
        #expect(scenarios[0].name == "small-smr energy_mwh=200 power_mw=50")
        #expect(scenarios[5].name == "base energy_mwh=800 power_mw=200")
        #expect(scenarios[5].value(at: "smr.units") == nil)
        #expect(CanonicalValue.json(scenarios[1].value(at: "batteries[0].power_mw")!) == "100")
    }

    @Test("zip lists of different lengths are refused, naming the key path and line")
    func zipLengthMismatch() throws {
        let error = try #require(throws: BatchValidationError.self) {
            try BatchFixtures.definition("""
                zip:
                  batteries[0].energy_mwh: [200, 400]
                  batteries[0].power_mw: [50]
                """)
        }
        #expect(error.description.contains("batch.yaml:4: zip.batteries[0].power_mw: has 1 values but batteries[0].energy_mwh has 2"))
    }

    @Test("sample gives count draws, reproducible from the seed, within range and on the step grid")
    func sampleDraws() throws {
        func draw(seed: Int) throws -> [Scenario] {
            try BatchFixtures.scenarios("""
                sample:
                  count: 20
                  seed: \(seed)
                  values:
                    batteries[0].energy_mwh: {min_value: 100, max_value: 900, step: 50}
                    carbon.price_usd_per_t: {min_value: 0, max_value: 300}
                    smr.units: [2, 3, 4]
                """)
        }
        let first = try draw(seed: 7), again = try draw(seed: 7), other = try draw(seed: 8)
        #expect(first.count == 20)
        #expect(first.map(\.id) == again.map(\.id))
        #expect(first.map(\.id) != other.map(\.id))
        #expect(first[0].name == "sample-01" && first[19].name == "sample-20")
        for scenario in first {
            let energy = try #require(Double(CanonicalValue.json(scenario.value(at: "batteries[0].energy_mwh")!)))
            #expect((100...900).contains(energy) && energy.truncatingRemainder(dividingBy: 50) == 0)
            let price = try #require(Double(CanonicalValue.json(scenario.value(at: "carbon.price_usd_per_t")!)))
            #expect((0...300).contains(price))
            #expect(["2", "3", "4"].contains(CanonicalValue.json(scenario.value(at: "smr.units")!)))
        }
    }

    @Test("ids depend on the overrides only: order and number spelling do not matter")
    func stableIDs() throws {
        let a = try BatchFixtures.scenarios("""
            scenarios:
              - name: one
                overrides:
                  batteries[0].energy_mwh: 800
                  carbon.price_usd_per_t: 50
            """)
        let b = try BatchFixtures.scenarios("""
            scenarios:
              - name: renamed
                overrides: {carbon.price_usd_per_t: 50.0, "batteries[0].energy_mwh": 8e2}
            """)
        let c = try BatchFixtures.scenarios("""
            scenarios:
              - name: one
                overrides:
                  batteries[0].energy_mwh: 801
                  carbon.price_usd_per_t: 50
            """)
        #expect(a[0].id == b[0].id)
        #expect(a[0].id != c[0].id)
        #expect(a[0].id.count == 12 && a[0].id.allSatisfy(\.isHexDigit))
        #expect(a[0].overridesJSON == #"{"batteries[0].energy_mwh":800,"carbon.price_usd_per_t":50}"#)
    }

    @Test("two scenarios with the same overrides are refused")
    func duplicateScenarios() throws {
        let error = try #require(throws: BatchValidationError.self) {
            try BatchFixtures.scenarios("""
                grid:
                  carbon.price_usd_per_t: [50, 50.0]
                """)
        }
        #expect(error.description.contains("has the same overrides as scenario 1"))
    }

    @Test("unknown blocks and malformed values are reported with key path and line")
    func malformedBatch() throws {
        let error = try #require(throws: BatchValidationError.self) {
            try BatchFixtures.definition("""
                gird:
                  carbon.price_usd_per_t: [50]
                grid:
                  smr.units: 3
                sample:
                  count: 0
                  seed: 1
                  values: {carbon.price_usd_per_t: {min_value: 10, max_value: 5}}
                """)
        }
        let text = error.description
        #expect(text.contains("batch.yaml:2: gird: unknown key"))
        #expect(text.contains("grid.smr.units: must be a non-empty list of values"))
        #expect(text.contains("sample.count: must be a whole number in 1...100000, got 0"))
        #expect(text.contains("sample.values.carbon.price_usd_per_t.max_value: must be >= min_value"))
    }

    @Test("shards split the batch by id: disjoint, complete, the same every time", arguments: [1, 2, 3, 5])
    func shards(count: Int) throws {
        let scenarios = try BatchFixtures.scenarios("""
            grid:
              batteries[0].energy_mwh: [100, 200, 300, 400, 500, 600]
              carbon.price_usd_per_t: [0, 50, 100]
            """)
        let parts = (0..<count).map { index in scenarios.filter { Shard(index: index, count: count).contains($0) }.map(\.id) }
        #expect(parts.reduce(0) { $0 + $1.count } == scenarios.count)
        #expect(Set(parts.flatMap { $0 }) == Set(scenarios.map(\.id)))
        if count == 2 { #expect(parts.allSatisfy { !$0.isEmpty }) }
        #expect(Shard(parsing: "1/2") == Shard(index: 1, count: 2))
        #expect(Shard(parsing: "2/2") == nil && Shard(parsing: "-1/2") == nil && Shard(parsing: "a") == nil)
    }
}
