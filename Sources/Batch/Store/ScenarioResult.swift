import Foundation
import Scheduling

/// What one finished scenario leaves in the results store.
public struct ScenarioResult: Sendable {
    /// `failed` when the scenario could not be compiled or solved at all (the message says why).
    public static let failedStatus = "failed"

    public var scenario: Scenario
    /// A `SolveStatus` raw value (`optimal`, `infeasible`, `time_limit`, ...) or `failed`.
    public var status: String
    public var message: String?
    /// The infeasibility explanation as JSON, for infeasible scenarios.
    public var infeasibilityJSON: String?
    public var kpis: KPIs?
    /// Per-step dispatch, for scenarios with a schedule.
    public var steps: [Schedule.Step]
    /// The capacities a capacity plan chose (a scenario of a site with `build` sections).
    public var capacities: [InstalledCapacity] = []
    public var method: String?
    public var iterations: Int?
    public var rows: Int?
    public var columns: Int?
    public var nonzeros: Int?
    public var stepCount: Int?
    /// Whether the solve started from the previous scenario's basis.
    public var warmStart: Bool
    public var inputsSHA256: String?
    /// The insula that ran it.
    public var insulaVersion: String = "unknown"
    /// Compiling the LP, seconds.
    public var buildSeconds: Double = 0
    /// Loading the LP into GLPK, seconds (0 on a warm re-solve: the model stays loaded).
    public var loadSeconds: Double = 0
    /// The solver, seconds (including the infeasibility explanation's solves).
    public var solveSeconds: Double = 0
    /// The whole scenario on its worker (reading the site to storing the result), seconds.
    public var totalSeconds: Double = 0

    public var succeeded: Bool { status == "optimal" }

    public init(scenario: Scenario, status: String, message: String? = nil) {
        self.scenario = scenario
        self.status = status
        self.message = message
        steps = []
        warmStart = false
    }
}
