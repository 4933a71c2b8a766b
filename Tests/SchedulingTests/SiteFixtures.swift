import Foundation
import Island
import Optimization
import Scheduling

/// Sites for scheduling tests: the bundled examples, with key-path overrides.
enum SiteFixtures {
    static let repositoryRoot = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    static func url(_ name: String) -> URL { repositoryRoot.appendingPathComponent("data/sites/\(name).yaml") }

    /// A bundled site with `overrides` applied by key path (as batches do).
    static func site(_ name: String, _ overrides: [(path: String, value: YAMLNode)] = []) throws -> Site {
        let document = try SiteDocument.read(from: url(name)).applying(overrides: overrides)
        return try SiteLoader.resolve(document)
    }

    /// A site written from YAML text into a temporary folder.
    static func site(yaml: String) throws -> Site {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("insula-sched-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let file = folder.appendingPathComponent("site.yaml")
        try yaml.write(to: file, atomically: true, encoding: .utf8)
        return try SiteLoader.load(from: file)
    }

    static func solve(_ site: Site, method: SolverMethod = .auto) throws -> (OperatingSolve.Outcome, Schedule) {
        let outcome = try OperatingSolve.run(site, solver: SolverOptions(method: method))
        guard let schedule = outcome.schedule else {
            throw PlanFailure(status: outcome.result.status, explanation: outcome.infeasibility?.text)
        }
        return (outcome, schedule)
    }

    struct PlanFailure: Error { let status: SolveStatus; let explanation: String? }
}
