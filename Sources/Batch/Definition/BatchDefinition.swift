import Foundation
import Island

/// A batch file: one base site and the variations to run over it.
///
/// Each block present (`scenarios`, `grid`, `zip`, `sample`, `outage_draws`) is one axis; the batch is the
/// cartesian product of its axes, in that fixed order with the first axis outermost, so the
/// expansion (and every scenario's position) depends only on the file, never on how it runs.
public struct BatchDefinition: Sendable {
    /// One key-path override: `batteries[0].energy_mwh` = `800`.
    public struct Override: Sendable, Equatable {
        public var path: String
        public var value: YAMLNode
        public init(path: String, value: YAMLNode) {
            self.path = path
            self.value = value
        }
    }

    /// A named set of overrides from the `scenarios` block.
    public struct NamedSet: Sendable {
        public var name: String
        public var overrides: [Override]
    }

    /// Values a `sample` draw takes for one key path.
    public enum SampleDomain: Sendable {
        /// Uniform in `minimum...maximum`; on a grid of `step` from `minimum` when given.
        case range(minimum: Double, maximum: Double, step: Double?)
        /// One of the listed values, each equally likely.
        case choice([YAMLNode])
    }

    /// `sample`: `count` draws, reproducible from `seed`.
    public struct Sample: Sendable {
        public var count: Int
        public var seed: UInt64
        public var domains: [(path: String, domain: SampleDomain)]
    }

    /// `outage_draws`: `count` forced-outage draws of the site's SMR fleet (docs/risk.md), each
    /// a scenario overriding `smr.forced_outages.draw` (1...count) and, when given, `.seed`.
    public struct OutageDraws: Sendable, Equatable {
        public static let drawPath = "smr.forced_outages.draw"
        public static let seedPath = "smr.forced_outages.seed"
        public var count: Int
        /// nil: the site's own `smr.forced_outages.seed`.
        public var seed: UInt64?

        public init(count: Int, seed: UInt64? = nil) {
            self.count = count
            self.seed = seed
        }

        /// The key paths the axis sets.
        public var paths: [String] { seed == nil ? [Self.drawPath] : [Self.drawPath, Self.seedPath] }
    }

    /// The batch's name (defaults to the file's base name).
    public var name: String
    /// The batch file, as the user named it.
    public var batchFileURL: URL
    /// SHA-256 of the batch file's bytes: shard stores merge only when it matches.
    public var batchSHA256: String
    /// The base site, resolved against the batch file's folder.
    public var siteURL: URL
    public var scenarios: [NamedSet] = []
    /// `grid`: key path -> values, in file order; the product varies the last path fastest.
    public var grid: [(path: String, values: [YAMLNode])] = []
    /// `zip`: groups of key paths whose value lists are read in step.
    public var zips: [[(path: String, values: [YAMLNode])]] = []
    public var sample: Sample?
    public var outageDraws: OutageDraws?
    /// Every scenario solves only this sub-period of the site's horizon (batch key `window`).
    public var window: SiteWindow?

    /// Every key path the batch overrides, in the order of first appearance (the order of
    /// the parameter columns of `summary.csv`).
    public var overridePaths: [String] {
        var paths: [String] = []
        func note(_ path: String) { if !paths.contains(path) { paths.append(path) } }
        for set in scenarios { set.overrides.forEach { note($0.path) } }
        grid.forEach { note($0.path) }
        zips.forEach { group in group.forEach { note($0.path) } }
        sample?.domains.forEach { note($0.path) }
        outageDraws?.paths.forEach(note)
        return paths
    }
}
