import Foundation
import Island

/// A private folder per fuzzing process holding the files a fuzzed site refers to.
///
/// The harnesses feed the bytes through the same public door a user's files take
/// (`SiteLoader`), so the CSV and EPW readers are fuzzed with their real callers: series
/// alignment, time zones, range checks and the weather model.
public final class FuzzWorkspace: @unchecked Sendable {
    public static let shared = FuzzWorkspace()

    public let folder: URL

    private init() {
        folder = URL(fileURLWithPath: NSTemporaryDirectory())
            .appendingPathComponent("insula-fuzz-\(ProcessInfo.processInfo.processIdentifier)")
        try? FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        // Valid companions, so that a fuzzed site file can refer to real data.
        var csv = "timestamp_utc,price_usd_per_mwh,carbon_intensity_g_per_kwh,solar_cf\n"
        for hour in 0..<24 { csv += String(format: "2025-01-01T%02d:00:00Z,%d,%d,0.%d\n", hour, 40 + hour, 300 - hour, hour % 10) }
        try? csv.write(to: folder.appendingPathComponent("series.csv"), atomically: true, encoding: .utf8)
    }

    /// Writes `bytes` to `name` in the workspace and returns its URL.
    public func write(_ bytes: UnsafeRawBufferPointer, to name: String) -> URL {
        let url = folder.appendingPathComponent(name)
        try? Data(bytes).write(to: url)
        return url
    }

    /// Loads a site document written as YAML text; validation errors are the expected outcome.
    public func loadSite(yaml: String) {
        let url = folder.appendingPathComponent("site.yaml")
        guard let root = try? YAMLNode.parse(yaml: yaml, file: "site.yaml") else { return }
        _ = SiteLoader.validate(SiteDocument(root: root, siteFileURL: url))
    }
}
