// swift-tools-version:6.0
// Insula: power planning for AI factories built as energy islands.
import PackageDescription

// MARK: - Dependencies

let dependencies: [Package.Dependency] = [
    .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
    .package(url: "https://github.com/apple/swift-log", from: "1.16.2"),
    .package(url: "https://github.com/jpsim/Yams", from: "6.2.2"),
    .package(url: "https://github.com/groue/GRDB.swift", from: "7.10.0"),
]

let argumentParser: Target.Dependency = .product(name: "ArgumentParser", package: "swift-argument-parser")
let logging: Target.Dependency = .product(name: "Logging", package: "swift-log")
let yams: Target.Dependency = .product(name: "Yams", package: "Yams")
let grdb: Target.Dependency = .product(name: "GRDB", package: "GRDB.swift")
// SQLite's C API, for the results store's hot insert loop only.
let sqlite: Target.Dependency = .product(name: "GRDBSQLite", package: "GRDB.swift")

// MARK: - Library modules

let modules: [Target] = [
    // The one door to C: GLPK from Debian's libglpk-dev (no pkg-config file there).
    .systemLibrary(
        name: "CGLPK",
        providers: [.apt(["libglpk-dev"])]
    ),
    // Solver-neutral sparse LP/MILP value type and the GLPK backend (the only importer of CGLPK).
    .target(name: "Optimization", dependencies: ["CGLPK", logging]),
    // Typed, validated site and scenario model; loading of YAML, CSV and weather files.
    .target(name: "Island", dependencies: [yams]),
    // Per-rack compact thermal model and its fast solver.
    .target(name: "Thermal"),
    // Compiles a site into an LP, reads the solution back into a schedule with KPIs.
    .target(name: "Scheduling", dependencies: ["Island", "Optimization", "Thermal", logging]),
    // Capacity planning: what to build (sizing co-optimised with operation), on Scheduling's compiler.
    .target(name: "Planning", dependencies: ["Island", "Scheduling", "Optimization"]),
    // Self-contained HTML/Markdown reports with inline SVG charts, from run and batch folders.
    .target(name: "Reports", dependencies: ["Scheduling", "Island"]),
    // Receding-horizon operation on forecasts: windows of Scheduling with state carried between them.
    .target(name: "Operations", dependencies: ["Island", "Scheduling", "Optimization"]),
    // Batches of scenarios: expansion, parallel runs, the SQLite results store, shards and merges.
    .target(name: "Batch", dependencies: ["Island", "Scheduling", "Optimization", "Planning", grdb, sqlite]),
]

// MARK: - Command-line tool

let executables: [Target] = [
    .executableTarget(
        name: "insula",
        dependencies: ["Optimization", "Island", "Scheduling", "Planning", "Operations", "Thermal", "Reports", "Batch", argumentParser, logging]
    ),
]

// MARK: - Tests

let tests: [Target] = [
    .testTarget(name: "OptimizationTests", dependencies: ["Optimization"]),
    .testTarget(name: "IslandTests", dependencies: ["Island"]),
    .testTarget(name: "ThermalTests", dependencies: ["Thermal"]),
    .testTarget(name: "SchedulingTests", dependencies: ["Scheduling", "Island", "Optimization"]),
    // Chart geometry, SVG well-formedness, Pareto fronts, and the report rendered in headless Chromium.
    .testTarget(name: "ReportsTests", dependencies: ["Reports", "Scheduling", "Island", "Optimization"]),
    .testTarget(name: "PlanningTests", dependencies: ["Planning", "Scheduling", "Island", "Optimization"]),
    .testTarget(name: "OperationsTests", dependencies: ["Operations", "Scheduling", "Island", "Optimization"]),
    .testTarget(name: "BatchTests", dependencies: ["Batch", "Island", "Scheduling"]),
    // End-to-end: runs the built `insula` binary on real files.
    .testTarget(name: "InsulaCLITests", dependencies: ["insula", grdb]),
]

let package = Package(
    name: "Insula",
    platforms: [.macOS(.v13)],
    products: [
        .executable(name: "insula", targets: ["insula"]),
        .library(name: "Optimization", targets: ["Optimization"]),
        .library(name: "Island", targets: ["Island"]),
        .library(name: "Thermal", targets: ["Thermal"]),
        .library(name: "Scheduling", targets: ["Scheduling"]),
        .library(name: "Reports", targets: ["Reports"]),
        .library(name: "Planning", targets: ["Planning"]),
        .library(name: "Operations", targets: ["Operations"]),
        .library(name: "Batch", targets: ["Batch"]),
    ],
    dependencies: dependencies,
    targets: modules + executables + tests
)

// MARK: - Fuzz targets (opt-in)

// libFuzzer harnesses (`tools/fuzz/run.sh`). They exist only when INSULA_FUZZ is set, so the
// normal `swift build` and `swift test` never see them; the script builds them in .build-fuzz
// with `-sanitize=fuzzer,address` (docs/validation.md, "Fuzzing").
if Context.environment["INSULA_FUZZ"] != nil {
    package.targets.append(.target(name: "FuzzSupport", dependencies: ["Island"], path: "tools/fuzz/Sources/FuzzSupport"))
    for (name, dependencies) in [("FuzzSiteLoader", ["Island"]), ("FuzzCSV", ["Island"]), ("FuzzEPW", ["Island"]),
                                 ("FuzzLP", ["Optimization"]), ("FuzzBatchFile", ["Batch"]), ("FuzzResultsStore", ["Batch"])] {
        package.targets.append(.executableTarget(name: name, dependencies: ["FuzzSupport"] + dependencies.map { .target(name: $0) },
                                                 path: "tools/fuzz/Sources/\(name)"))
    }
}
