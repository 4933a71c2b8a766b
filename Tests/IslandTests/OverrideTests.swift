import Foundation
import Testing
@testable import Island

/// Batches change a site by key path before it is resolved.
@Suite("Key-path overrides")
struct OverrideTests {
    static func document() throws -> SiteDocument {
        try SiteDocument.read(from: Fixtures.site("example-week.yaml"))
    }

    @Test("overrides replace values, add keys and reach into lists")
    func apply() throws {
        let document = try Self.document().applying(overrides: [
            ("batteries[0].energy_mwh", 800),
            ("carbon.cap_t", 5000),
            ("limits.import_limit_mw", 150.5),
            ("power_distribution.architecture", "ac415"),
            ("batteries[0].coupling", "ac"),
            ("renewables[0].coupling", "ac"),
        ])
        let site = try SiteLoader.resolve(document)
        #expect(site.batteries[0].energyMWh == 800)
        #expect(site.carbon.capTonnes == 5000)
        #expect(site.limits.importLimitMW == 150.5)
        #expect(site.distribution.architecture == .ac415)
        #expect(document.appliedOverrides.count == 6)
    }

    @Test("a data file can be swapped by path")
    func swapFile() throws {
        let document = try Self.document().applying(overrides: [
            ("grid_feeds[0].price_usd_per_mwh.file", "../series/hot-dry-2025.csv"),
        ])
        let site = try SiteLoader.resolve(document)
        let original = try SiteLoader.resolve(Self.document())
        #expect(site.gridFeeds[0].importPriceUSDPerMWh != original.gridFeeds[0].importPriceUSDPerMWh)
        #expect(site.inputFiles.contains { $0.path == "../series/hot-dry-2025.csv" })
    }

    @Test("a whole sub-tree can be replaced by parsed YAML")
    func subtree() throws {
        let value = try YAMLNode.parse(yaml: "{unit: 1, start_utc: 2025-07-15T00:00Z, end_utc: 2025-07-16T00:00Z}")
        let site = try SiteLoader.resolve(Self.document().applying(overrides: [("smr.outages", .sequence([value]))]))
        #expect(site.smr?.availableUnits[0] == 4)
        #expect(site.smr?.availableUnits[24] == 3)
        #expect(site.smr?.availableUnits[48] == 4)
    }

    @Test("impossible overrides are all reported", arguments: [
        ("batteries[3].energy_mwh", "batteries has 1 items; index 3 is out of range"),
        ("name.first", "name is \"example-week\", not a mapping"),
        ("horizon[0]", "horizon is a mapping, not a list"),
    ])
    func invalid(path: String, message: String) throws {
        #expect {
            try Self.document().applying(overrides: [(path, 1)])
        } throws: { error in
            let issues = (error as? SiteValidationError)?.issues ?? []
            return issues.count == 1 && issues[0].keyPath == path && issues[0].message.contains(message)
        }
    }

    @Test("an override that makes the site invalid is reported at its key path, naming the override, with no site-file line")
    func invalidValue() throws {
        let document = try Self.document().applying(overrides: [("batteries[0].energy_mwh", -1)])
        let issues = SiteLoader.validate(document)
        let issue = issues.single(at: "batteries[0].energy_mwh")
        #expect(issue?.message == "must be in (0, 1000000] MWh, got -1 (value set by the override batteries[0].energy_mwh=-1)")
        #expect(issue?.line == nil)
    }

    @Test("an override value has one canonical flow text, quoted strings escaped as JSON")
    func flowText() throws {
        let node = try YAMLNode.parse(yaml: "{energy_mwh: 800, name: \"bess\\tnorth\", \"odd key\": [1, 2.5]}")
        #expect(node.flowText == #"{energy_mwh: 800, name: "bess\tnorth", "odd key": [1, 2.5]}"#)
        #expect(YAMLNode.quoted("a\"b\\c\u{1}") == #""a\"b\\c\u0001""#)
    }
}
