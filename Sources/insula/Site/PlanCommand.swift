import ArgumentParser
import Foundation
import Island
import Optimization
import Planning
import Scheduling

/// `insula plan SITE.yaml --out DIR`: chooses what to build (the site's `build` sections)
/// together with its operation, and writes build_plan.csv beside the usual run files.
struct PlanCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "plan",
        abstract: "Size the site's build sections at least annualised capital + fixed O&M + operating cost; write build_plan.csv and the run files.",
        discussion: """
            Capacities in build sections are decisions of the same LP as the hourly operation (docs/formulation.md, \
            section 14). A whole number of SMR modules is settled by --module-counts. With representative days (an \
            aggregation section, or --representative-days K) the operation is solved over K typical days, and the build \
            is then operated over every step of the horizon to verify it (docs/planning.md, "Representative days"); \
            the run files then describe that full operation. Exit codes as for solve (3 when the build cannot operate \
            the full horizon).
            """
    )

    @Argument(help: "Site file (YAML) with at least one build section.")
    var site: String

    @OptionGroup var overrides: SiteOverrides

    @Option(help: "Output folder (created if missing).")
    var out: String = "out"

    @Option(name: .customLong("module-counts"),
            help: "How to settle a whole number of SMR modules: auto, enumerate (one LP per count, in parallel), mip, relaxed.")
    var moduleCounts: ModuleCountStrategy = .auto

    @Option(name: .customLong("representative-days"),
            help: ArgumentHelp("Plan over K representative days (k-medoids) and verify the build over the full horizon; the same as --set aggregation.representative_days=K.", valueName: "K"))
    var representativeDays: Int?

    @Option(help: "Worker threads for enumerating module counts and for a build-out's Benders subproblems.")
    var jobs: Int = ProcessInfo.processInfo.activeProcessorCount

    @Option(help: "A multi-period build-out's solve: auto (Benders by period for two or more periods, each a full horizon of at least 2,000 steps), benders, none (one stacked LP).")
    var decomposition: BuildOutDecomposition = .auto

    @Option(name: .customLong("benders-gap"),
            help: ArgumentHelp("With Benders: stop when (upper - lower bound) / |upper| is at most this.", valueName: "GAP"))
    var bendersGap: Double = BendersOptions().relativeGap

    @Option(name: .customLong("benders-iterations"), help: "With Benders: most master solves.")
    var bendersIterations: Int = BendersOptions().maximumIterations

    @Option(name: .customLong("benders-stabilisation"), help: "With Benders: in_out (default), level or none (plain cutting planes).")
    var bendersStabilisation: BendersStabilisation = BendersOptions().stabilisation

    @Option(name: .customLong("benders-centre-weight"), help: "With Benders: weight of the best plan in an in-out trial point (0 to 1), or the level's lambda.")
    var bendersCentreWeight: Double?

    @Flag(name: .customLong("benders-warm-subproblems"), inversion: .prefixedNo,
          help: "With Benders: re-solve each period from its last optimal basis by the dual simplex (its first basis by a crossover; slower on full years, docs/planning.md); default off: every subproblem by interior point.")
    var bendersWarmSubproblems = BendersOptions().warmSubproblems

    @Flag(name: .customLong("benders-corner-cuts"), inversion: .prefixedNo,
          help: "With Benders: in the first iteration, also solve every period at its largest capacities, whose cuts floor its cost from the start (default).")
    var bendersCornerCuts = BendersOptions().cornerCuts

    @OptionGroup var solver: SolverArguments

    @Option(help: "Output format on stdout: text or json (the summary).")
    var format: OutputFormat = .text

    @Option(name: .customLong("max-nonzeros"), help: "Refuse sites whose LP would exceed this many coefficients.")
    var maximumNonzeros = 20_000_000

    @Option(name: .customLong("dump-inputs"), help: "Also write the resolved inputs (every series after alignment, all parameters, the build sections) as JSON to this file.")
    var dumpInputs: String?

    @Option(help: "Scenario file (YAML): plan one build for every scenario, each operated on its own (two-stage stochastic plan).")
    var scenarios: String?

    @Option(name: .customLong("cvar-weight"), help: "With --scenarios: weight w of CVaR in (1 - w) E[cost] + w CVaR (replaces the file's risk.cvar_weight).")
    var cvarWeight: Double?

    @Option(name: .customLong("cvar-alpha"), help: "With --scenarios: confidence level alpha of CVaR (replaces the file's risk.cvar_alpha).")
    var cvarAlpha: Double?

    @Flag(help: "With --scenarios: also plan each scenario alone and price each such build in every scenario (wait-and-see and single-scenario bounds).")
    var bounds = false

    @OptionGroup var global: GlobalOptions

    func validate() throws {
        guard !out.isEmpty else { throw ValidationError("--out is empty; name a folder for the run") }
        if scenarios != nil, representativeDays != nil {
            throw ValidationError("--representative-days cannot be combined with --scenarios yet (each scenario is planned over every step)")
        }
        if scenarios == nil, cvarWeight != nil || cvarAlpha != nil || bounds {
            throw ValidationError("--cvar-weight, --cvar-alpha and --bounds need --scenarios")
        }
        if let cvarWeight, !(0...1).contains(cvarWeight) { throw ValidationError("--cvar-weight must be in [0, 1], got \(cvarWeight)") }
        if !(bendersGap > 0 && bendersGap < 1) { throw ValidationError("--benders-gap must be in (0, 1), got \(bendersGap)") }
        if let bendersCentreWeight, !(bendersCentreWeight >= 0 && bendersCentreWeight < 1) {
            throw ValidationError("--benders-centre-weight must be in [0, 1), got \(bendersCentreWeight)")
        }
        if bendersIterations < 1 { throw ValidationError("--benders-iterations must be at least 1, got \(bendersIterations)") }
        if let cvarAlpha, !(cvarAlpha >= 0 && cvarAlpha < 1) { throw ValidationError("--cvar-alpha must be in [0, 1), got \(cvarAlpha)") }
    }

    func run() throws {
        global.bootstrapLogging()
        let clock = ContinuousClock()
        let start = clock.now
        if let dumpInputs { try checkOutputFile(dumpInputs, option: "--dump-inputs") }
        if let scenarios { return try runStochastic(scenarioFile: scenarios, clock: clock, start: start) }
        let extra = try representativeDays.map { days in
            [(path: "aggregation.representative_days", value: try YAMLNode.parse(yaml: "\(days)", file: "--representative-days"))]
        } ?? []
        let loaded = try loadSite(site, overrides: overrides, extra: extra)
        printWarnings(loaded)
        guard loaded.plansCapacity else {
            throw CommandFailure(.invalidInput, "error: \(site): nothing to plan: no component has a build section (docs/site-format.md, \"Capacity planning\"); use `insula solve` for fixed capacities")
        }
        guard jobs >= 1 else { throw CommandFailure(.invalidInput, "error: --jobs must be at least 1, got \(jobs)") }
        if loaded.buildOut != nil {
            if let dumpInputs { try writeBuildOutInputDump(loaded, to: dumpInputs) }
            return try runBuildOut(loaded, clock: clock, start: start)
        }
        if let settings = loaded.aggregation {
            // The dump is of the site the LP sees: the representative days, with their weights.
            let days = RepresentativeDays(site: loaded, settings: settings)
            if let dumpInputs { try writeInputDump(days.site(of: loaded), to: dumpInputs) }
            return try runAggregated(loaded, days: days, clock: clock, start: start)
        }
        if let dumpInputs { try writeInputDump(loaded, to: dumpInputs) }
        // One writer per run folder, taken before the solve so a second run is refused at once.
        let (lock, folderExisted) = try lockRunFolder(out)
        var written = false
        defer { if !written { RunFolder.abandon(lock, existedBefore: folderExisted) } }
        let plan: CapacityPlan
        do {
            plan = try CapacityPlanner.plan(loaded, options: PlanOptions(
                moduleCounts: moduleCounts, solver: solver.options, compile: CompileOptions(maximumNonzeros: maximumNonzeros), jobs: jobs))
        } catch let error as ModelSizeError {
            throw CommandFailure(.invalidInput, "error: \(site): \(error)")
        } catch let error as PlanError {
            throw CommandFailure(.invalidInput, "error: \(site): \(error)")
        }
        var files: [(name: String, contents: String)] = []
        var lines: [String] = []
        if let schedule = plan.outcome.schedule {
            files.append(("build_plan.csv", PlanFiles.buildPlanCSV(schedule.capacities)))
            for capacity in schedule.capacities {
                lines.append("build         \(capacity.asset) \(capacity.name): \(String(format: "%.2f", capacity.installed)) \(capacity.dimension) installed (+\(String(format: "%.2f", capacity.added))), capex \(String(format: "%.0f", capacity.capexUSD)) USD")
            }
        }
        if !plan.candidates.isEmpty {
            files.append(("plan_candidates.csv", PlanFiles.candidatesCSV(plan.candidates)))
            let tried = plan.candidates.map { "\($0.smrUnits): \($0.objectiveUSD.map { String(format: "%.0f", $0) } ?? $0.status.rawValue)" }
            lines.append("SMR modules   enumerated \(tried.joined(separator: ", ")) USD")
        }
        try writeRunFolder(site: plan.site, sitePath: site, outcome: plan.outcome, out: out, format: format, clock: clock, start: start,
                           extraFiles: files, extraLines: lines, written: &written)
        withExtendedLifetime(lock) {}
    }
}

extension ModuleCountStrategy: ExpressibleByArgument {}
extension BuildOutDecomposition: ExpressibleByArgument {}
extension BendersStabilisation: ExpressibleByArgument {}
