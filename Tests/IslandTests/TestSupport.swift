import Foundation
import Testing
@testable import Island

/// Paths used by the tests, located from this file so they work from any working directory.
enum Fixtures {
    static let repositoryRoot = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    static let sitesFolder = repositoryRoot.appendingPathComponent("data/sites")
    static let seriesFolder = repositoryRoot.appendingPathComponent("data/series")
    /// The team's shared real data (read only; never copied into the repository).
    static let sharedData = repositoryRoot.appendingPathComponent("../shared/data").standardizedFileURL

    static func site(_ name: String) -> URL { sitesFolder.appendingPathComponent(name) }
}

/// A scratch folder with a site file and data files written by a test.
struct Scratch {
    let folder: URL

    init() throws {
        folder = FileManager.default.temporaryDirectory
            .appendingPathComponent("island-tests-\(UUID().uuidString)", isDirectory: true)
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    }

    @discardableResult
    func write(_ name: String, _ text: String) throws -> URL {
        let url = folder.appendingPathComponent(name)
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try text.write(to: url, atomically: true, encoding: .utf8)
        return url
    }

    /// Writes `site.yaml` and returns the issues from loading it (empty when it loads).
    func issues(_ yaml: String, file: String = "site.yaml") throws -> [SiteIssue] {
        let url = try write(file, yaml)
        do {
            _ = try SiteLoader.load(from: url)
            return []
        } catch let error as SiteValidationError {
            return error.issues
        }
    }

    func load(_ yaml: String, file: String = "site.yaml") throws -> Site {
        try SiteLoader.load(from: write(file, yaml))
    }
}

/// A small valid site; tests replace or add lines to make it invalid.
enum MinimalSite {
    static let horizon = """
        horizon:
          start_utc: 2025-01-01T00:00Z
          steps: 4
          step_minutes: 60
        """

    static func yaml(_ extra: String = "", grid: String? = nil, fleet: String? = nil, cooling: String? = nil) -> String {
        """
        name: minimal
        \(horizon)
        grid_feeds:
        \(grid ?? """
          - name: utility
            import_capacity_mw: 100
            price_usd_per_mwh: 50
            carbon_intensity_g_per_kwh: 300
        """)
        it_fleet:
        \(fleet ?? """
          racks: 100
          power_per_rack_kw: 132
        """)
        cooling:
        \(cooling ?? "  cop: 20")
        \(extra)
        """
    }
}

extension Array where Element == SiteIssue {
    /// The one issue at `keyPath`, recorded as a test failure if there is not exactly one.
    func single(at keyPath: String, sourceLocation: SourceLocation = #_sourceLocation) -> SiteIssue? {
        let matches = filter { $0.keyPath == keyPath }
        #expect(matches.count == 1, "expected one issue at \(keyPath), got: \(self.map(\.description))",
                sourceLocation: sourceLocation)
        return matches.first
    }
}
