import Batch
import Foundation
import Island

/// Batch files written into temporary folders, over the bundled example sites.
enum BatchFixtures {
    static let repositoryRoot = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    static var weekSite: String { repositoryRoot.appendingPathComponent("data/sites/example-week.yaml").path }

    static func temporaryFolder() throws -> URL {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("insula-batch-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        return folder
    }

    /// Writes `body` (YAML without the `site:` line) as a batch over the one-week site.
    static func batchFile(_ body: String, name: String = "batch.yaml", in folder: URL? = nil) throws -> URL {
        let folder = try folder ?? temporaryFolder()
        let file = folder.appendingPathComponent(name)
        try ("site: \(weekSite)\n" + body).write(to: file, atomically: true, encoding: .utf8)
        return file
    }

    static func definition(_ body: String) throws -> BatchDefinition {
        try BatchDefinition.read(from: batchFile(body))
    }

    static func scenarios(_ body: String) throws -> [Scenario] {
        try definition(body).expand()
    }
}
