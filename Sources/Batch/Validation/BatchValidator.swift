import Dispatch
import Foundation
import Island

/// Checks a whole batch before anything runs: every scenario's overrides must apply and its
/// site must validate. Problems are reported per scenario, all of them, not the first.
public enum BatchValidator {
    /// The problems of every scenario (empty when all are valid), in batch order.
    ///
    /// Scenarios are checked on up to `jobs` threads: reading a year of series per scenario
    /// is the cost, and it parallelises.
    public static func validate(_ scenarios: [Scenario], base: SiteDocument, jobs: Int) -> [BatchIssue] {
        validate(scenarios, base: base, jobs: jobs, keeping: nil)
    }

    /// Validates like ``validate(_:base:jobs:)`` and keeps the resolved sites in `cache` (up to
    /// its step budget), so that the run does not read every scenario's series a second time.
    public static func validate(_ scenarios: [Scenario], base: SiteDocument, jobs: Int, keeping cache: SiteCache?) -> [BatchIssue] {
        let lock = NSLock()
        nonisolated(unsafe) var found: [[BatchIssue]] = Array(repeating: [], count: scenarios.count)
        let next = Counter()
        DispatchQueue.concurrentPerform(iterations: max(1, min(jobs, scenarios.count))) { _ in
            while let index = next.take(below: scenarios.count) {
                let scenario = scenarios[index]
                var problems: [SiteIssue] = []
                do {
                    let site = try resolve(scenario, base: base)
                    cache?.keep(site, for: scenario.id)
                } catch let error as SiteValidationError {
                    problems = error.issues
                } catch {
                    problems = [SiteIssue(file: base.siteFileURL.relativePath, keyPath: "", message: "\(error)")]
                }
                let issues = problems.map { BatchIssue(scenario: (scenario.position, scenario.name, scenario.id), issue: $0) }
                lock.withLock { found[index] = issues }
            }
        }
        return found.flatMap { $0 }
    }

    /// The site of one scenario: its overrides applied to `base`, validated and resolved.
    /// - Throws: `SiteValidationError` with every problem found.
    public static func resolve(_ scenario: Scenario, base: SiteDocument) throws -> Site {
        try SiteLoader.resolve(base.applying(overrides: scenario.overrides.map { ($0.path, $0.value) }))
    }
}

/// Resolved sites kept from validation for the run, up to a budget of time steps (a year of
/// hourly steps holds about 1 MB of series): beyond it the run reads the files again.
public final class SiteCache: @unchecked Sendable {
    private let lock = NSLock()
    private var sites: [String: Site] = [:]
    private var stepsHeld = 0
    private var fingerprints: [String: String] = [:]
    private var files: [String: String] = [:]
    private let stepBudget: Int
    private let wanted: Set<String>?

    /// - Parameters:
    ///   - wanted: ids of the scenarios the run will solve (nil: all).
    ///   - stepBudget: total horizon steps kept (default: 100 hourly years).
    public init(wanted: Set<String>? = nil, stepBudget: Int = 876_000) {
        self.wanted = wanted
        self.stepBudget = stepBudget
    }

    func keep(_ site: Site, for id: String) {
        lock.withLock {
            fingerprints[id] = site.inputsSHA256
            for file in site.inputFiles { files[file.url.standardizedFileURL.path] = file.sha256 }
        }
        guard wanted?.contains(id) ?? true else { return }
        lock.withLock {
            guard stepsHeld + site.horizon.steps <= stepBudget else { return }
            stepsHeld += site.horizon.steps
            sites[id] = site
        }
    }

    /// What every validated scenario was resolved from (all scenarios, kept or not), for the
    /// provenance checks of `--resume`.
    public func provenance(insulaVersion: String) -> Provenance {
        lock.withLock { Provenance(inputFiles: files, scenarios: fingerprints, insulaVersion: insulaVersion) }
    }

    /// The kept site of scenario `id`, handed out once (and then forgotten, freeing it).
    func take(_ id: String) -> Site? {
        lock.withLock {
            guard let site = sites.removeValue(forKey: id) else { return nil }
            stepsHeld -= site.horizon.steps
            return site
        }
    }
}

/// A shared index handed out once each: the work queue of validation and of the runner.
final class Counter: @unchecked Sendable {
    private let lock = NSLock()
    private var value = 0

    /// The next index below `limit`, or nil when all are taken.
    func take(below limit: Int) -> Int? {
        lock.withLock {
            guard value < limit else { return nil }
            defer { value += 1 }
            return value
        }
    }
}
