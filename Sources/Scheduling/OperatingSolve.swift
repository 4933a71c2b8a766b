import Foundation
import Island
import Optimization

/// One operating solve of a site with its capacities given (what `insula solve` runs; capacity
/// planning, `Planning.CapacityPlanner`, builds on it): compile, solve, read back, explain
/// infeasibility, and optionally check the schedule thermally and re-solve until the racks stay
/// under their limit.
public enum OperatingSolve {
    public struct Outcome: Sendable {
        public var model: SiteModel
        public var result: SolveResult
        /// The schedule, when the solve found one.
        public var schedule: Schedule?
        /// Why the site is infeasible, when it is.
        public var infeasibility: InfeasibilityReport?
        public var buildSeconds: Double
        /// The thermal check, when one ran.
        public var thermal: ThermalCheckReport?

        public init(model: SiteModel, result: SolveResult, schedule: Schedule? = nil, infeasibility: InfeasibilityReport? = nil,
                    buildSeconds: Double, thermal: ThermalCheckReport? = nil) {
            self.model = model
            self.result = result
            self.schedule = schedule
            self.infeasibility = infeasibility
            self.buildSeconds = buildSeconds
            self.thermal = thermal
        }
    }

    /// Solves `site`. A site with a `thermal` section gets, per step, an IT capacity of
    /// min(electrical, racks x steady thermal limit at that step's facility supply temperature).
    /// With `thermalCheck`, the schedule is simulated (``ThermalCheck``); steps where a die
    /// exceeds its limit get a lower rack cap and the site is solved again, up to the rounds given.
    ///
    /// Throws only for inputs that cannot be compiled (size limit, a thermal check without a
    /// `thermal` section) or a model that fails validation (a bug).
    public static func run(_ site: Site, solver: SolverOptions = SolverOptions(), compile: CompileOptions = CompileOptions(),
                            thermalCheck: ThermalCheckOptions? = nil) throws -> Outcome {
        var compile = compile
        // Thermal rack caps: from the site's racks and weather, or from a capacity given by the
        // caller (trusted, and only checked).
        var thermal: (model: SiteThermalModel, caps: RackCaps)?
        if site.thermal != nil {
            let model = try SiteThermalModel(site: site)
            if let given = compile.itCapacityMW {
                thermal = (model, RackCaps(uniformW: given.map { RackCaps.inferenceCapW(capacityMW: $0, racks: model.rackCount) }))
            } else {
                let caps = model.steadyRackCaps()
                thermal = (model, caps)
                compile.itCapacityMW = caps.capacityMW(racks: model.rackCount)
                compile.trainingCapacityWeight = caps.trainingWeight
            }
        } else if thermalCheck != nil {
            throw ThermalModelError.noThermalSection
        }
        // `--time-limit` bounds the whole plan: every solve (thermal rounds, the infeasibility
        // explanation) gets what is left of it, and none starts once it is spent.
        let deadline = solver.timeLimitSeconds.map { Date().addingTimeInterval($0) }
        var outcome = try solve(site, solver: solver, compile: compile, deadline: deadline)
        guard let check = thermalCheck, let model = thermal?.model, var caps = thermal?.caps else { return outcome }

        var report = ThermalCheckReport()
        var everViolating = Set<Int>()
        while report.rounds < max(1, check.rounds), let schedule = outcome.schedule, outcome.result.status == .optimal {
            let result = try ThermalCheck.simulate(schedule: schedule, model: model, caps: caps,
                                                   stepMinutes: site.horizon.stepMinutes, options: check)
            report.rounds += 1
            report.simulationSeconds += result.seconds
            everViolating.formUnion(result.violatingSteps)
            if result.violatingSteps.isEmpty || report.rounds == max(1, check.rounds) {
                for t in schedule.steps.indices { outcome.schedule?.steps[t].maxDieC = result.maxDieC[t] }
                report.maxDieC = result.maxDieC.max() ?? 0
                report.violationsRemaining = result.violatingSteps.count
                break
            }
            // Die rise is linear in rack power: bring the hottest rack's power down to what just
            // meets the limit and cap its class there (the other class in proportion). The rise is
            // measured from the warmer of this and the previous step's supply: a peak right after
            // the boundary sits on the previous step's water (see SiteThermalModel.steadyRackCaps).
            for t in result.violatingSteps {
                let supplyC = max(model.facilitySupplyC[t], model.facilitySupplyC[max(0, t - 1)])
                let headroomK = model.dieLimitC - supplyC
                let riseK = result.maxDieC[t] - supplyC
                let targetW = riseK > 0 ? result.hottestRackW[t] * max(0, headroomK / riseK) * (1 - check.margin) : 0
                let capW = result.hottestRackTrains[t] ? caps.trainingW[t] : caps.inferenceW[t]
                caps.scale(step: t, by: capW > 0 ? min(1 - check.margin, targetW / capW) : 0)
            }
            compile.itCapacityMW = caps.capacityMW(racks: model.rackCount)
            compile.trainingCapacityWeight = caps.trainingWeight
            if let deadline, deadline.timeIntervalSinceNow <= 0 {
                // No time left for another round: the last schedule stands, its violations reported.
                for t in schedule.steps.indices { outcome.schedule?.steps[t].maxDieC = result.maxDieC[t] }
                report.maxDieC = result.maxDieC.max() ?? 0
                report.violationsRemaining = result.violatingSteps.count
                outcome.result.status = .timeLimit
                outcome.result.message = "time limit reached during the thermal check (round \(report.rounds) of \(check.rounds))"
                break
            }
            outcome = try solve(site, solver: solver, compile: compile, deadline: deadline)
        }
        report.violationsFound = everViolating.count
        report.violationsFixed = everViolating.count - report.violationsRemaining
        outcome.thermal = report
        return outcome
    }

    /// One compile and solve, with the infeasibility explained when there is one.
    static func solve(_ site: Site, solver: SolverOptions, compile: CompileOptions, deadline: Date? = nil) throws -> Outcome {
        let clock = ContinuousClock()
        let start = clock.now
        let model = try SiteCompiler.compile(site, options: compile)
        let buildSeconds = (clock.now - start).seconds
        var solver = solver
        if let deadline { solver.timeLimitSeconds = max(0.001, deadline.timeIntervalSinceNow) }
        let result = try GLPK.solve(model.program, options: solver)
        var outcome = Outcome(model: model, result: result, buildSeconds: buildSeconds)
        if result.primalValues.count == model.program.columnCount, result.status == .optimal || result.status == .timeLimit {
            outcome.schedule = ScheduleReader.read(site: site, model: model, result: result)
        }
        if result.status == .infeasible || result.status == .infeasibleOrUnbounded {
            if let deadline { solver.timeLimitSeconds = max(0.001, deadline.timeIntervalSinceNow) }
            outcome.infeasibility = try InfeasibilityExplainer.explain(site, compile: compile, solver: solver)
        }
        return outcome
    }
}
