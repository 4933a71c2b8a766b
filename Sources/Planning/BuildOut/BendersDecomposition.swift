import Foundation
import Island
import Optimization
import Scheduling

/// How a multi-period build-out is solved (`insula plan --decomposition`).
public enum BuildOutDecomposition: String, Sendable, CaseIterable {
    /// `benders` for two or more periods, each operated over its full horizon of at least
    /// ``BuildOutPlanner/bendersMinimumSteps`` steps (and as an LP), else `none`.
    case auto
    /// Benders decomposition by period (docs/formulation.md, section 17).
    case benders
    /// One stacked LP of every period (section 16).
    case none
}

/// How the Benders trial points are kept from jumping between extremes (formulation.md 17.3).
public enum BendersStabilisation: String, Sendable, CaseIterable {
    /// Level decomposition: the point nearest the best plan (L1, scaled) whose cut model costs at
    /// most `lower + λ (upper - lower)`.
    case level
    /// In-out: a point between the best plan and the master's optimum.
    case inOut = "in_out"
    /// Plain Kelley cutting planes: the master's optimum.
    case none
}

/// Settings of the Benders decomposition of a build-out (docs/formulation.md, section 17).
public struct BendersOptions: Sendable {
    public var stabilisation: BendersStabilisation = .inOut
    /// λ of the level: 0 asks for the lower bound, 1 for the best plan so far.
    public var levelFraction = 0.5
    /// Stop when `(upper - lower) / max(1, |upper|)` is at most this.
    public var relativeGap: Double
    /// Most master solves (each followed by one subproblem solve per period).
    public var maximumIterations: Int
    /// In-out stabilisation: the trial point is `w x centre + (1 - w) x master`, the centre being
    /// the best plan so far (0: plain Kelley cutting planes).
    public var centreWeight: Double
    /// Representative days per period of the plan that gives the first trial point (0: none;
    /// used only when every period has at least three times as many whole days).
    public var warmStartDays: Int
    /// Exact-penalty cost of moving a capacity away from the trial point in a subproblem that
    /// cannot operate at it, USD per unit (module, MW, MWh) and year of the period's horizon.
    public var elasticPenaltyUSDPerUnitYear: Double
    /// Re-solve each period from its last optimal basis by the dual simplex (formulation.md
    /// 17.2): only the subproblem's right-hand sides move between trial points, so that basis
    /// stays dual feasible. The first basis comes from a crossover after the period's first
    /// interior point. Off by default: on a full year that crossover took over 5 minutes per
    /// period, and the dual simplex after a large move thousands of pivots (docs/planning.md).
    public var warmSubproblems = false
    /// In the first iteration, also solve every period at its largest capacities, whose cuts
    /// floor each period's value from the start (formulation.md 17.3).
    public var cornerCuts = true
    /// Called after every iteration (from the planning thread).
    public var progress: (@Sendable (BendersReport.Iteration) -> Void)?

    public init(relativeGap: Double = 1e-6, maximumIterations: Int = 200, centreWeight: Double = 0.5, warmStartDays: Int = 12,
                elasticPenaltyUSDPerUnitYear: Double = 1e8) {
        self.relativeGap = relativeGap
        self.maximumIterations = maximumIterations
        self.centreWeight = centreWeight
        self.warmStartDays = warmStartDays
        self.elasticPenaltyUSDPerUnitYear = elasticPenaltyUSDPerUnitYear
    }
}

/// How a Benders decomposition went: bounds, gap, iterations (`summary.json`, `decomposition`).
public struct BendersReport: Sendable, Encodable {
    /// One master solve and the subproblems it led to.
    public struct Iteration: Sendable, Encodable {
        public var iteration: Int
        /// `warm_start` (the representative-day plan), `in_out` (between the centre and the
        /// master's point) or `master` (the master's point itself).
        public var trialPoint: String
        public var lowerBoundUSD: Double?
        /// The NPV at this iteration's trial point (nil when some period could not operate at it).
        public var trialNPVUSD: Double?
        public var upperBoundUSD: Double?
        public var relativeGap: Double?
        public var masterSeconds: Double
        public var subproblemSeconds: Double
        /// Periods whose subproblem needed the elastic form (could not operate at the trial capacities).
        public var elasticPeriods: Int
        /// Each period's subproblem solve, in period order (empty for the master solve that closed the gap).
        public var periods: [PeriodSolve] = []

        enum CodingKeys: String, CodingKey {
            case iteration, trialPoint = "trial_point", lowerBoundUSD = "lower_bound_usd", trialNPVUSD = "trial_npv_usd"
            case upperBoundUSD = "upper_bound_usd", relativeGap = "relative_gap", masterSeconds = "master_seconds"
            case subproblemSeconds = "subproblem_seconds", elasticPeriods = "elastic_periods", periods
        }
    }

    /// How one period's subproblem was solved at one trial point.
    public struct PeriodSolve: Sendable, Encodable {
        /// `warm_dual` (the dual simplex from the period's last optimal basis), `interior`,
        /// `interior_crossover` (interior point, then a crossover to a basis for the next
        /// iterations), `simplex` (a cold simplex, when one was asked for), `interior_refused`
        /// (stopped short near the optimum: a valid cut, no upper bound), `elastic`, each
        /// failed attempt before it named first with `+` (`warm_dual+interior`).
        public var path: String
        /// Wall time of the period's solve, seconds (substitution of the trial capacities included).
        public var seconds: Double
        /// Simplex or interior-point iterations of the attempts together.
        public var iterations: Int
    }

    public var method = "benders"
    public var converged: Bool
    public var iterations: Int
    /// Master's bound: no plan costs less (valid up to the subproblems' certified gaps).
    public var lowerBoundUSD: Double?
    /// The NPV of the plan returned (the best trial point).
    public var upperBoundUSD: Double?
    public var relativeGap: Double?
    public var targetRelativeGap: Double
    public var subproblemSolves: Int
    public var elasticSolves: Int
    public var warmStartSeconds: Double
    public var masterSeconds: Double
    public var subproblemSeconds: Double
    public var history: [Iteration]

    enum CodingKeys: String, CodingKey {
        case method, converged, iterations, history
        case lowerBoundUSD = "lower_bound_usd", upperBoundUSD = "upper_bound_usd", relativeGap = "relative_gap"
        case targetRelativeGap = "target_relative_gap", subproblemSolves = "subproblem_solves", elasticSolves = "elastic_solves"
        case warmStartSeconds = "warm_start_seconds", masterSeconds = "master_seconds", subproblemSeconds = "subproblem_seconds"
    }
}

/// Benders decomposition of a build-out by period (J. F. Benders, "Partitioning procedures for
/// solving mixed-variables programming problems", Numerische Mathematik 4, 1962, 238-252), with
/// one value column per period (multi-cut: J. R. Birge and F. V. Louveaux, "A multicut algorithm
/// for two-stage stochastic linear programs", European Journal of Operational Research 34(3),
/// 1988, 384-392) and in-out stabilisation (W. Ben-Ameur and J. Neto, "Acceleration of
/// cutting-plane and column generation algorithms: applications to network design", Networks
/// 49(1), 2007, 3-17). docs/formulation.md, section 17.
///
/// Why: the periods share only their capacities, so each period's year is an operating LP of
/// the size `insula solve` handles, solved two at a time, where the stacked LP of four full years
/// stops at GLPK's interior-point iteration limit (docs/planning.md, "Multi-period build-out").
enum BendersDecomposition {
    /// One period's operating LP and where its capacities sit in it.
    struct Subproblem: Sendable {
        var program: LinearProgram
        var capacities: [Column]
        /// The capacity columns' entries `(row, a_ik)`: the cut's slope is `c_k - Σ a_ik ŷ_i`.
        var capacityEntries: [[(row: Int, value: Double)]]
        /// `W_p / Y_p`: the block's weight in the NPV.
        var scale: Double
        var horizonYears: Double
    }

    /// What one subproblem solve gives the master.
    struct Evaluation: Sendable {
        var result: SolveResult
        /// Whether `result` operates the period at exactly the trial capacities (else it came
        /// from the elastic form, whose cut is valid but whose cost is not the period's).
        var exact: Bool
        /// Valid lower bound of the block's objective at the trial point, and slope per capacity
        /// (USD over the block's horizon, unscaled).
        var interceptUSD: Double
        var slopes: [Double]
        var elastic: Bool
        /// How it was solved (``BendersReport/PeriodSolve``).
        var solve: BendersReport.PeriodSolve
        /// The period's optimal basis to start its next solve from (nil: keep the one it had).
        var basis: Basis?
    }

    /// The plan of the decomposition: the stacked result (values, duals) and its report.
    struct Outcome {
        var result: SolveResult
        var report: BendersReport
    }

    /// Each period's operating LP of `model`, with its capacity columns and their entries.
    static func subproblems(of model: BuildOutModel) -> [Subproblem] {
        model.compiled.indices.map { p -> Subproblem in
            let program = model.compiled[p].model.program
            let capacities = model.compiled[p].model.capacities.map(\.column)
            var position = [Int: Int]()
            for (k, column) in capacities.enumerated() { position[column.index] = k }
            var entries = [[(row: Int, value: Double)]](repeating: [], count: capacities.count)
            for index in 0..<program.entryCount {
                if let k = position[Int(program.entryColumns[index])] {
                    entries[k].append((Int(program.entryRows[index]), program.entryValues[index]))
                }
            }
            return Subproblem(program: program, capacities: capacities, capacityEntries: entries,
                              scale: model.scale(p), horizonYears: model.compiled[p].site.horizonYears)
        }
    }

    /// Solves `model`'s build-out by Benders decomposition. `warmStart`: additions per period
    /// and dimension (nil where a period has no column) to try first.
    static func solve(_ model: BuildOutModel, options: PlanOptions, warmStart: [[Double?]]?, warmStartSeconds: Double) throws -> Outcome {
        let clock = ContinuousClock()
        let settings = options.benders
        let periods = model.compiled.count, dimensions = model.keys.count
        let subproblems = self.subproblems(of: model)

        for (p, subproblem) in subproblems.enumerated() {
            let capacitySet = Set(subproblem.capacities.map(\.index))
            if subproblem.program.columnKinds.indices.contains(where: { subproblem.program.columnKinds[$0] != .continuous && !capacitySet.contains($0) }) {
                throw BuildOutError("period \(model.buildOut.periods[p].year) has integer columns in its operation (smr.commitment: integer); Benders decomposition needs each period's operation to be an LP (its duals price the capacities): use --decomposition none")
            }
        }

        // Master: additions A[q,k] (their capital), installed C[p,k] tied to them, theta[p] the
        // period's discounted operating cost, bounded below by the cuts.
        var master = LinearProgram(name: "build_out_master", sense: .minimize)
        master.objectiveConstant = model.fixedOMConstantUSD / usdPerMasterUnit
        var additions: [[Column?]] = []
        for q in 0..<periods {
            additions.append(model.additions[q].map { stacked in
                stacked.map { column in
                    master.addColumn(lower: model.program.columnLower[column.index], upper: model.program.columnUpper[column.index],
                                     objective: model.program.objective[column.index] / usdPerMasterUnit,
                                     kind: model.program.columnKinds[column.index])
                }
            })
        }
        var installed: [[Column]] = []
        for p in 0..<periods {
            let program = subproblems[p].program
            installed.append(subproblems[p].capacities.map { column in
                // An unbounded capacity gets a bound no plan reaches, so that the master has an
                // optimum before its cuts bound it; the bound is reported if it ever binds.
                master.addColumn(lower: program.columnLower[column.index], upper: min(program.columnUpper[column.index], artificialUpper))
            })
            for k in 0..<dimensions {
                let tie = master.addRow(lower: model.existing[k], upper: model.existing[k])
                master.addCoefficient(tie, installed[p][k], 1)
                for q in model.activeAdditions(in: p, dimension: k) {
                    if let addition = additions[q][k] { master.addCoefficient(tie, addition, -1) }
                }
            }
        }
        // Whether some addition is in service in period p for dimension k (else C[p,k] is the existing amount).
        let changeable = (0..<periods).map { p in
            (0..<dimensions).map { k in model.activeAdditions(in: p, dimension: k).contains { additions[$0][k] != nil } }
        }
        // Scale of each dimension in the level projection's distance: its largest finite bound.
        let dimensionScales = (0..<dimensions).map { k in
            max(1, (0..<periods).map { master.columnUpper[installed[$0][k].index] }.filter { $0 < artificialUpper }.max() ?? 1)
        }
        // Until a period has a cut its value column is held at 0, so the first master point is
        // the cheapest build.
        let theta = (0..<periods).map { _ in master.addColumn(lower: 0, upper: 0, objective: 1) }
        var hasCut = [Bool](repeating: false, count: periods)

        // The dual simplex (branch-and-cut with whole modules): `auto` would give the master
        // to interior point once its cuts pass 2,000 non-zeros (about 50 iterations), and its
        // interior points missed the tolerances there (measured on a 60-day version of
        // plan-buildout: a primal violation of 0.2 to 11 in a tie row every iteration, each
        // then solved again by the dual simplex); a vertex is also what the trial points need.
        var masterOptions = SolverOptions(method: .dual, mipRelativeGap: 1e-12)
        masterOptions.concurrent = false
        // The master's rows are cuts of NPVs near 1e3 (millions of USD) with slopes over five
        // orders of magnitude; GLPK's simplex keeps them to about 1e-6 relative (measured: up to
        // 7e-6 on the week of plan-buildout), i.e. a few USD, and its duals sometimes give a
        // Lagrangian bound well below its objective (a relative gap of 0.11 at a primal violation
        // of 1e-13, on the 60-day version). A refused solve would lose the vertex, so the master
        // is certified on its rows only, and its lower bound is the dual bound of its certificate
        // (weak duality: valid at any duals), never its objective alone.
        masterOptions.tolerances = SolutionTolerances(primal: 1e-4, dual: 1e-6, relativeGap: .infinity)
        var subOptions = options.solver
        subOptions.concurrent = false  // the periods already share the cores

        /// Installed capacity per period of a master point (additions in service plus existing).
        func capacities(of point: [Double]) -> [[Double]] {
            (0..<periods).map { p in installed[p].map { point[$0.index] } }
        }
        func capital(of point: [Double]) -> Double {
            var total = master.objectiveConstant
            for row in additions { for column in row.compactMap({ $0 }) { total += master.objective[column.index] * point[column.index] } }
            return total * usdPerMasterUnit
        }
        /// A full master point from additions alone: installed from the ties, theta 0.
        func point(fromAdditions values: [[Double?]]) -> [Double] {
            var point = [Double](repeating: 0, count: master.columnCount)
            for q in 0..<periods { for k in 0..<dimensions { if let column = additions[q][k] { point[column.index] = values[q][k] ?? 0 } } }
            for p in 0..<periods {
                for k in 0..<dimensions {
                    let total = model.existing[k] + model.activeAdditions(in: p, dimension: k).reduce(0.0) { sum, q in
                        sum + (additions[q][k].map { point[$0.index] } ?? 0)
                    }
                    let column = installed[p][k]
                    point[column.index] = min(max(total, master.columnLower[column.index]), master.columnUpper[column.index])
                }
            }
            return point
        }

        var report = BendersReport(converged: false, iterations: 0, targetRelativeGap: settings.relativeGap, subproblemSolves: 0,
                                   elasticSolves: 0, warmStartSeconds: warmStartSeconds, masterSeconds: 0, subproblemSeconds: 0, history: [])
        var lowerBound: Double?
        var best: (point: [Double], npv: Double, evaluations: [Evaluation])?
        var centre: [Double]?
        var mispriced = false
        var lastMasterPoint: [Double]?
        var lastMasterTheta: [Double] = []
        // Each period's last optimal basis, the start of its next solve.
        var bases = [Basis?](repeating: nil, count: periods)
        let integerColumns = Set((0..<master.columnCount).filter { master.columnKinds[$0] != .continuous })

        func gap() -> Double? {
            guard let lowerBound, let upper = best?.npv else { return nil }
            return max(0, upper - lowerBound) / max(1, abs(upper))
        }

        /// Adds the cut of `evaluation` (period `p`, solved at `at`) to the master; returns it as
        /// `theta_p >= constant + sum terms`.
        @discardableResult
        func addCut(_ p: Int, _ evaluation: Evaluation, at trialCapacities: [Double]) -> (constant: Double, terms: [(column: Column, coefficient: Double)]) {
            let scale = subproblems[p].scale / usdPerMasterUnit
            var constant = scale * evaluation.interceptUSD
            for k in 0..<dimensions { constant -= scale * evaluation.slopes[k] * trialCapacities[k] }
            // theta_p >= constant + sum_k coefficient_k C[p,k], cleaned so that GLPK's simplex
            // keeps the master's rows to its tolerances (found on the week of plan-buildout:
            // primal violations of 1e-4 with them): a capacity no addition can change is a
            // constant, and a term that moves the bound by less than 1e-9 over the
            // capacity's whole range is replaced by its least value there (a weaker cut,
            // still valid).
            var terms: [(column: Column, coefficient: Double)] = []
            for k in 0..<dimensions where evaluation.slopes[k] != 0 {
                let coefficient = scale * evaluation.slopes[k], column = installed[p][k]
                let lower = master.columnLower[column.index], upper = master.columnUpper[column.index]
                if !changeable[p][k] || lower == upper {
                    constant += coefficient * lower
                } else if abs(coefficient) * (upper - lower) <= 1e-9 * max(1, abs(constant)) {
                    constant += min(coefficient * lower, coefficient * upper)
                } else {
                    terms.append((column, coefficient))
                }
            }
            let cut = master.addRow(lower: constant, upper: .infinity)
            master.addCoefficient(cut, theta[p], 1)
            for term in terms { master.addCoefficient(cut, term.column, -term.coefficient) }
            if !hasCut[p] {
                hasCut[p] = true
                master.setBounds(theta[p], lower: -.infinity, upper: .infinity)
            }
            return (constant, terms)
        }
        // Each period at its largest capacities (an unbounded one at its least): phi_p does not
        // grow with capacity, so that cut holds theta_p near the period's least cost wherever the
        // master goes from the first iteration, where the first trial point's cut alone, extended
        // linearly to the largest builds, let the master's bound fall to -3.7e12 USD (formulation.md 17.3).
        let cornerCapacities = (0..<periods).map { p in
            installed[p].map { column in
                master.columnUpper[column.index] < artificialUpper ? master.columnUpper[column.index] : master.columnLower[column.index]
            }
        }

        var iteration = 0
        while iteration < settings.maximumIterations {
            iteration += 1
            var masterSeconds = 0.0
            let trial: [Double]
            let kind: String
            if iteration == 1, let warmStart {
                trial = point(fromAdditions: warmStart)
                kind = "warm_start"
            } else {
                let masterStart = clock.now
                var solved = try GLPK.solve(master, options: masterOptions)
                if solved.status == .numericalFailure, !master.hasIntegerColumns {
                    // The dual simplex's vertex missed the certificate: the primal simplex, with presolve.
                    var careful = masterOptions
                    careful.method = .primal
                    careful.presolve = true
                    solved = try GLPK.solve(master, options: careful)
                }
                masterSeconds = (clock.now - masterStart).seconds
                report.masterSeconds += masterSeconds
                // A vertex that misses the certificate by GLPK's rounding (violations of 1e-4 were
                // seen on some masters) is still a trial point; only a proven bound moves the
                // lower bound: the dual bound of weak duality (valid at any duals), or
                // branch-and-cut's own bound.
                let usable = solved.status == .optimal || (solved.status == .numericalFailure && !solved.primalValues.isEmpty)
                guard usable, let objective = solved.objectiveValue ?? solved.quality?.primalObjective else {
                    throw BendersFailure(status: solved.status, "the Benders master problem ended \(solved.status.rawValue)\(solved.message.map { " (\($0))" } ?? "")")
                }
                let x = solved.primalValues
                let artificial = installed.joined().contains { x[$0.index] >= artificialUpper * (1 - 1e-9) }
                if hasCut.allSatisfy({ $0 }), !artificial {
                    var bound: Double?
                    if master.hasIntegerColumns {
                        if solved.status == .optimal { bound = min(objective, solved.mipBound ?? objective) }
                    } else if let quality = solved.quality, let dual = quality.dualBound, quality.maxDualViolation <= 1e-9 {
                        bound = min(objective, dual)
                    }
                    if let bound { lowerBound = max(lowerBound ?? -.infinity, usdPerMasterUnit * bound) }
                }
                if let gap = gap(), gap <= settings.relativeGap {
                    report.history.append(BendersReport.Iteration(iteration: iteration, trialPoint: "none", lowerBoundUSD: lowerBound, trialNPVUSD: nil,
                                                                  upperBoundUSD: best?.npv, relativeGap: gap, masterSeconds: masterSeconds,
                                                                  subproblemSeconds: 0, elasticPeriods: 0))
                    report.converged = true
                    break
                }
                lastMasterPoint = x
                lastMasterTheta = theta.map { x[$0.index] }
                var chosen: (point: [Double], kind: String)?
                if let centre, let lowerBound, let upper = best?.npv {
                    switch settings.stabilisation {
                    case .level:
                        let level = lowerBound + settings.levelFraction * (upper - lowerBound)
                        let projectionStart = clock.now
                        if let projected = try levelPoint(master, additions: additions, centre: centre, level: level / usdPerMasterUnit, scales: dimensionScales,
                                                          options: masterOptions) {
                            chosen = (point(fromAdditions: additions.map { row in row.map { $0.map { projected[$0.index] } } }), "level")
                        }
                        masterSeconds += (clock.now - projectionStart).seconds
                    case .inOut where !mispriced && settings.centreWeight > 0:
                        // In-out: a point between the best plan and the master's; whole modules
                        // stay the master's so that the trial is a plan.
                        var mixed = x
                        for index in 0..<master.columnCount where !integerColumns.contains(index) {
                            mixed[index] = settings.centreWeight * centre[index] + (1 - settings.centreWeight) * x[index]
                        }
                        chosen = (point(fromAdditions: additions.map { row in row.map { $0.map { mixed[$0.index] } } }), "in_out")
                    default:
                        break
                    }
                }
                trial = chosen?.point ?? x
                kind = chosen?.kind ?? "master"
            }

            let trialCapacities = capacities(of: trial)
            // The first iteration also solves every period at its largest capacities (formulation.md 17.3).
            let corners = iteration == 1 && settings.cornerCuts ? cornerCapacities : []
            let subStart = clock.now
            let solved = try evaluate(subproblems + (corners.isEmpty ? [] : subproblems), at: trialCapacities + corners,
                                      bases: bases + (corners.isEmpty ? [] : bases), options: subOptions, settings: settings, jobs: options.jobs)
            let evaluations = Array(solved.prefix(periods))
            for (p, evaluation) in evaluations.enumerated() where evaluation.basis != nil { bases[p] = evaluation.basis }
            let subSeconds = (clock.now - subStart).seconds
            report.subproblemSeconds += subSeconds
            report.subproblemSolves += solved.count
            report.elasticSolves += solved.count { $0.elastic }

            // Cuts: theta_p >= scale_p (L_p + g_p (C_p - v_p)); the corners' first.
            for (p, evaluation) in solved.dropFirst(periods).enumerated() { addCut(p, evaluation, at: corners[p]) }
            var separatesMaster = false
            for (p, evaluation) in evaluations.enumerated() {
                let (constant, terms) = addCut(p, evaluation, at: trialCapacities[p])
                if let x = lastMasterPoint, kind == "in_out" {
                    var value = constant
                    for term in terms { value += term.coefficient * x[term.column.index] }
                    if value > lastMasterTheta[p] + 1e-9 * max(1, abs(value)) { separatesMaster = true }
                }
            }
            // Ben-Ameur and Neto: when the in-out point's cuts do not cut off the master's point,
            // the next trial is the master's point itself (which always separates, or proves it optimal).
            mispriced = kind == "in_out" && !separatesMaster

            var trialNPV: Double?
            if evaluations.allSatisfy(\.exact) {
                var npv = capital(of: trial)
                for (p, evaluation) in evaluations.enumerated() { npv += subproblems[p].scale * (evaluation.result.objectiveValue ?? 0) }
                trialNPV = npv
                if npv < best?.npv ?? .infinity {
                    best = (trial, npv, evaluations)
                    centre = trial
                }
            }
            report.history.append(BendersReport.Iteration(iteration: iteration, trialPoint: kind, lowerBoundUSD: lowerBound, trialNPVUSD: trialNPV,
                                                          upperBoundUSD: best?.npv, relativeGap: gap(), masterSeconds: masterSeconds,
                                                          subproblemSeconds: subSeconds, elasticPeriods: evaluations.count { $0.elastic },
                                                          periods: evaluations.map(\.solve)))
            settings.progress?(report.history[report.history.count - 1])
            if let gap = gap(), gap <= settings.relativeGap {
                report.converged = true
                break
            }
        }
        report.iterations = iteration
        report.lowerBoundUSD = lowerBound
        report.upperBoundUSD = best?.npv
        report.relativeGap = gap()

        guard let best else {
            // No trial point could be operated in every period.
            let result = SolveResult(status: report.iterations >= settings.maximumIterations ? .iterationLimit : .numericalFailure,
                                     method: subOptions.resolvedMethod(for: subproblems[0].program),
                                     message: "Benders decomposition found no build that operates every period in \(report.iterations) iterations")
            return Outcome(result: result, report: report)
        }
        return Outcome(result: assemble(model, point: best.point, npv: best.npv, evaluations: best.evaluations, additions: additions,
                                        subproblems: subproblems, converged: report.converged, seconds: report.masterSeconds + report.subproblemSeconds,
                                        iterations: report.iterations),
                       report: report)
    }

    /// The level projection: the additions nearest `centre` (distance `Σ |A - Â| / scale_k`)
    /// at which the master's cut model costs at most `level` (Fábián and Szőke's level
    /// decomposition, in the L1 norm so that it stays an LP). Nil if the solve fails.
    static func levelPoint(_ master: LinearProgram, additions: [[Column?]], centre: [Double], level: Double, scales: [Double],
                           options: SolverOptions) throws -> [Double]? {
        var projection = master
        let model = projection.addRow(lower: -.infinity, upper: level - master.objectiveConstant)
        for column in 0..<master.columnCount where master.objective[column] != 0 {
            projection.addCoefficient(model, Column(column), master.objective[column])
            projection.setObjective(Column(column), 0)
        }
        projection.objectiveConstant = 0
        for row in additions {
            for (k, addition) in row.enumerated() {
                guard let addition else { continue }
                let away = projection.addColumn(lower: 0, upper: .infinity, objective: 1 / scales[k])
                let back = projection.addColumn(lower: 0, upper: .infinity, objective: 1 / scales[k])
                let tie = projection.addRow(lower: centre[addition.index], upper: centre[addition.index])
                projection.addCoefficient(tie, addition, 1)
                projection.addCoefficient(tie, away, -1)
                projection.addCoefficient(tie, back, 1)
            }
        }
        let solved = try GLPK.solve(projection, options: options)
        // Only a trial point: a vertex that misses the certificate by rounding will do.
        guard solved.status == .optimal || solved.status == .numericalFailure, !solved.primalValues.isEmpty else { return nil }
        return Array(solved.primalValues.prefix(master.columnCount))
    }

    /// Largest relative gap of a refused interior point whose duals still make a period's cut
    /// (any duals would: near the optimum the cut is also a good one).
    static let refusedCutGap = 1e-5

    /// The master counts money in millions of USD: its cut rows' right-hand sides (NPVs near
    /// 1e9 USD) and slopes are then near 1 to 1e3, which the certificate of its solves
    /// (formulation.md 13.1) needs; in USD the level projection's duals missed it by O(1).
    static let usdPerMasterUnit = 1e6

    /// A bound on unbounded capacities in the master (units, MW or MWh) that no plan reaches.
    static let artificialUpper = 1e7

    /// The stacked LP's solution from the master's point and each period's subproblem at it:
    /// additions from the master, each block's values from its subproblem, block duals scaled by
    /// the block's weight and each tie row priced at its period's cut slope, so the read-back of
    /// the stacked solve (``SolveResult/slice(_:of:dualScale:)``) applies unchanged.
    static func assemble(_ model: BuildOutModel, point: [Double], npv: Double, evaluations: [Evaluation], additions: [[Column?]],
                         subproblems: [Subproblem], converged: Bool, seconds: Double, iterations: Int) -> SolveResult {
        let program = model.program
        var values = [Double](repeating: 0, count: program.columnCount)
        var duals = [Double](repeating: 0, count: program.rowCount)
        for q in additions.indices {
            for k in additions[q].indices {
                if let stacked = model.additions[q][k], let column = additions[q][k] { values[stacked.index] = point[column.index] }
            }
        }
        for (p, evaluation) in evaluations.enumerated() {
            let block = model.blocks[p], scale = subproblems[p].scale
            for (index, value) in evaluation.result.primalValues.enumerated() { values[block.columnOffset + index] = value }
            for (index, dual) in evaluation.result.rowDuals.enumerated() { duals[block.rowOffset + index] = scale * dual }
            for k in model.keys.indices { duals[model.ties[p][k].index] = scale * evaluation.slopes[k] }
        }
        let method = evaluations.first?.result.method ?? .interior
        var result = SolveResult(status: converged ? .optimal : .iterationLimit, objectiveValue: npv, primalValues: values,
                                 rowActivities: program.rowActivities(at: values), rowDuals: duals,
                                 reducedCosts: program.reducedCosts(rowDuals: duals), iterations: iterations, solveSeconds: seconds,
                                 method: method,
                                 message: converged ? nil : "Benders decomposition stopped at its iteration limit before the gap closed; the plan is the best found")
        // The assembled plan measured on the stacked LP itself: every row and bound holds.
        result.quality = program.quality(values: values)
        if let quality = result.quality, quality.maxPrimalViolation > SolutionTolerances().primal {
            result.status = .numericalFailure
            result.message = "the plan assembled from the Benders subproblems violates the stacked LP by \(quality.maxPrimalViolation)"
        }
        result.attempts = evaluations.flatMap(\.result.attempts)
        return result
    }

    /// Solves every period's subproblem at `capacities` on up to `jobs` threads, each from its
    /// period's basis in `bases` when it has one.
    static func evaluate(_ subproblems: [Subproblem], at capacities: [[Double]], bases: [Basis?], options: SolverOptions,
                         settings: BendersOptions, jobs: Int) throws -> [Evaluation] {
        let slots = ResultSlots<Result<Evaluation, any Error>>(count: subproblems.count)
        let next = NextIndex()
        let group = DispatchGroup()
        for _ in 0..<max(1, min(jobs, subproblems.count)) {
            group.enter()
            let thread = Thread {
                GLPKEnvironment.withThreadEnvironment {
                    while let p = next.take(below: subproblems.count) {
                        slots[p] = Result {
                            try evaluate(subproblems[p], at: capacities[p], basis: settings.warmSubproblems ? bases[p] : nil,
                                         options: options, settings: settings)
                        }
                    }
                }
                group.leave()
            }
            thread.stackSize = 16 << 20
            thread.start()
        }
        group.wait()
        return try subproblems.indices.map { try slots[$0]!.get() }
    }

    /// One period at trial capacities `values`: its operating LP with the capacities taken out
    /// as constants; when that has no certified optimum (the period cannot operate there, or the
    /// solver failed), the elastic form, whose cut is valid wherever the period can operate.
    ///
    /// With `basis` (the period's last optimal basis: only right-hand sides have moved since,
    /// so it is dual feasible), the dual simplex from it first; when that fails, interior point
    /// as without it. Without one, interior point and then a crossover to a basis for the next
    /// trial point (with ``BendersOptions/warmSubproblems``).
    static func evaluate(_ subproblem: Subproblem, at values: [Double], basis: Basis?, options: SolverOptions,
                         settings: BendersOptions) throws -> Evaluation {
        let clock = ContinuousClock()
        let start = clock.now
        let fixed = subproblem.program.substitutingFixed(subproblem.capacities, at: values)
        var path: [String] = []
        var iterations = 0
        func finish(_ evaluation: Evaluation, _ last: String, _ lastIterations: Int) -> Evaluation {
            var evaluation = evaluation
            evaluation.solve = BendersReport.PeriodSolve(path: (path + [last]).joined(separator: "+"), seconds: (clock.now - start).seconds,
                                                         iterations: iterations + lastIterations)
            return evaluation
        }
        if let basis {
            let warm = try GLPK.solveWarm(fixed, from: WarmStart(model: fixed, basis: basis, shiftSteps: 0, method: .dual), options: options)
            if warm.status == .optimal { return finish(cut(subproblem, fixed, warm), "warm_dual", warm.iterations) }
            if warm.status == .infeasible || warm.status == .infeasibleOrUnbounded {
                // The dual simplex from a dual feasible basis found the dual unbounded: the
                // period cannot operate at these capacities.
                path.append("warm_dual")
                iterations += warm.iterations
                let relaxed = try elastic(subproblem, at: values, options: options, settings: settings, failed: warm)
                return finish(relaxed, "elastic", relaxed.result.iterations)
            }
            path.append("warm_dual")
            iterations += warm.iterations
        }
        var operating = options
        if operating.method == .auto, operating.resolvedMethod(for: fixed) == .interior {
            // Interior point alone: when it fails, the elastic form below is the fallback; the
            // dual simplex from scratch can take many minutes on a year (formulation.md 13.4).
            operating.method = .interior
        }
        // Nor a crossover from a refused point: its duals give a cut below (a year's crossover
        // measured 135 s, against 7-17 s for the interior point).
        operating.lastResortCrossover = false
        var result = try GLPK.solve(fixed, options: operating)
        var name = result.method == .interior ? "interior" : "simplex"
        if result.status == .optimal, result.basis == nil, basis == nil, settings.warmSubproblems,
           let crossed = GLPK.crossover(fixed, from: result, options: operating), crossed.status == .optimal {
            // The period's first basis, for the dual simplex at the next trial points.
            iterations += result.iterations
            name = "interior_crossover"
            let attempts = result.attempts
            result = crossed
            result.attempts = attempts + crossed.attempts
        }
        if result.status == .optimal { return finish(cut(subproblem, fixed, result), name, result.iterations) }
        if result.status == .numericalFailure || result.status == .iterationLimit, !result.refusedRowDuals.isEmpty,
           let gap = result.quality?.relativeGap, gap <= refusedCutGap {
            // An interior point that stopped short near the optimum: the Lagrangian at its duals
            // is still a lower bound (weak duality), so its cut is valid; only its cost is not
            // the period's, so this trial point gives no upper bound.
            let bound = fixed.lagrangianBound(values: result.refusedValues, rowDuals: result.refusedRowDuals)
            if bound.maxDualViolation <= 1e-9 {
                var evaluation = cut(subproblem, fixed, bound: bound, result)
                evaluation.exact = false
                return finish(evaluation, "interior_refused", result.iterations)
            }
        }
        path.append(name)
        iterations += result.iterations
        let relaxed = try elastic(subproblem, at: values, options: options, settings: settings, failed: result)
        return finish(relaxed, "elastic", relaxed.result.iterations)
    }

    /// The cut of a certified optimum `result` of the period's LP at the trial point, `fixed`:
    /// the Lagrangian bound at its duals, and each capacity column's reduced cost at them.
    static func cut(_ subproblem: Subproblem, _ fixed: LinearProgram, bound given: LagrangianBound? = nil, _ result: SolveResult) -> Evaluation {
        let bound = given ?? fixed.lagrangianBound(values: result.primalValues, rowDuals: result.rowDuals)
        let slopes = subproblem.capacities.indices.map { k in
            subproblem.capacityEntries[k].reduce(subproblem.program.objective[subproblem.capacities[k].index]) {
                $0 - $1.value * bound.projectedDuals[$1.row]
            }
        }
        return Evaluation(result: result, exact: true, interceptUSD: bound.bound, slopes: slopes, elastic: false,
                          solve: BendersReport.PeriodSolve(path: "", seconds: 0, iterations: 0), basis: result.basis)
    }

    /// The elastic subproblem: capacities free within their bounds, each tied to the trial value
    /// through `C_k + u_k - w_k = v_k` with `u, w >= 0` at a penalty M per unit and year. Its
    /// value is at most the period's at `v` (u = w = 0 is allowed), so its cut is a valid lower
    /// bound on the period's cost everywhere; its slope is the tie rows' duals.
    static func elastic(_ subproblem: Subproblem, at values: [Double], options: SolverOptions, settings: BendersOptions,
                        failed: SolveResult) throws -> Evaluation {
        var program = subproblem.program
        // Whole modules relaxed: the elastic value is still at most the period's at v.
        for column in subproblem.capacities { program.setKind(column, .continuous) }
        let penalty = settings.elasticPenaltyUSDPerUnitYear * subproblem.horizonYears
        var ties: [Row] = []
        var slacks: [Column] = []
        for (k, column) in subproblem.capacities.enumerated() {
            let tie = program.addRow(lower: values[k], upper: values[k])
            program.addCoefficient(tie, column, 1)
            let up = program.addColumn(lower: 0, upper: .infinity, objective: penalty)
            let down = program.addColumn(lower: 0, upper: .infinity, objective: penalty)
            program.addCoefficient(tie, up, 1)
            program.addCoefficient(tie, down, -1)
            ties.append(tie)
            slacks += [up, down]
        }
        let result = try GLPK.solve(program, options: options)
        guard result.status == .optimal else {
            if result.status == .infeasible {
                throw BendersFailure(status: .infeasible, "a period cannot operate at any capacity its build sections allow (its elastic Benders subproblem is infeasible)")
            }
            throw BendersFailure(status: result.status, "a Benders subproblem failed: \(failed.status.rawValue)\(failed.message.map { " (\($0))" } ?? ""); its elastic form: \(result.status.rawValue)\(result.message.map { " (\($0))" } ?? "")")
        }
        let bound = program.lagrangianBound(values: result.primalValues, rowDuals: result.rowDuals)
        let moved = slacks.reduce(0.0) { $0 + result.primalValues[$1.index] }
        // Back to the period's own columns and rows, for a read-back if it is exact.
        var own = result
        own.primalValues = Array(result.primalValues.prefix(subproblem.program.columnCount))
        own.rowDuals = Array(result.rowDuals.prefix(subproblem.program.rowCount))
        own.rowActivities = subproblem.program.rowActivities(at: own.primalValues)
        own.reducedCosts = subproblem.program.reducedCosts(rowDuals: own.rowDuals)
        own.objectiveValue = subproblem.program.objectiveValue(at: own.primalValues)
        let exact = moved <= 1e-9 * max(1, values.reduce(0) { $0 + abs($1) })
        return Evaluation(result: own, exact: exact, interceptUSD: bound.bound, slopes: ties.map { bound.projectedDuals[$0.index] }, elastic: true,
                          solve: BendersReport.PeriodSolve(path: "elastic", seconds: 0, iterations: 0), basis: nil)
    }
}

/// A Benders decomposition that could not go on: a period that no allowed build operates
/// (`infeasible`), or a master or subproblem the solver failed on. Not bad input.
public struct BendersFailure: Error, CustomStringConvertible, Sendable {
    public let status: SolveStatus
    public let description: String
    init(status: SolveStatus, _ description: String) {
        self.status = status
        self.description = description
    }
}
