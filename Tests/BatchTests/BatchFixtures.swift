import Batch
import Foundation
import Island

/// Batch files written into temporary folders, over the bundled example sites.
enum BatchFixtures {
    static let repositoryRoot = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    static var weekSite: String { repositoryRoot.appendingPathComponent("data/sites/example-week.yaml").path }
    /// The nearly islanded week whose SMR modules fail by forced-outage draws (docs/risk.md).
    static var outagesWeekSite: String { repositoryRoot.appendingPathComponent("data/sites/outages-week.yaml").path }

    static func temporaryFolder() throws -> URL {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("insula-batch-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        return folder
    }

    /// Writes `body` (YAML without the `site:` line) as a batch over the one-week site.
    static func batchFile(_ body: String, name: String = "batch.yaml", in folder: URL? = nil, site: String? = nil) throws -> URL {
        let folder = try folder ?? temporaryFolder()
        let file = folder.appendingPathComponent(name)
        try ("site: \(site ?? weekSite)\n" + body).write(to: file, atomically: true, encoding: .utf8)
        return file
    }

    static func definition(_ body: String, site: String? = nil) throws -> BatchDefinition {
        try BatchDefinition.read(from: batchFile(body, site: site))
    }

    static func scenarios(_ body: String, site: String? = nil) throws -> [Scenario] {
        try definition(body, site: site).expand()
    }
}
