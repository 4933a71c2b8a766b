import Foundation
import Optimization

/// How `insula operate` runs a site: window lengths, forecasts, and the rules for
/// commitments a window cannot see (`docs/operations.md`).
public struct OperationOptions: Sendable {
    /// How a horizon-wide carbon cap (`carbon.cap_t`) is spread over windows.
    public enum CarbonBudget: String, Sendable, CaseIterable {
        /// Each window's cap is the budget left times its share of the steps left.
        case proRata = "pro_rata"
        /// No cap per window; the carbon price is raised by the cap's shadow price in the
        /// target solve (its dual), so windows trade emissions against cost as the full plan does.
        case shadowPrice = "shadow_price"
    }

    /// Where end-of-window targets come from.
    public enum Targets: String, Sendable, CaseIterable {
        /// The full-horizon plan on the forecast issued at the start of the run: battery state
        /// of charge and each job's cumulative energy at the window's end.
        case plan
        /// None: batteries keep their site end condition in every window and jobs may wait
        /// until their deadline enters a window (they can then be stranded).
        case none
    }

    /// Steps committed from each window (the replanning interval).
    public var replanSteps: Int
    /// Steps each window looks ahead (>= `replanSteps`).
    public var lookaheadSteps: Int
    public var forecaster: Forecaster
    public var carbonBudget: CarbonBudget
    public var targets: Targets
    /// How each window is solved; windows are small, so the default does not race methods, and
    /// crosses over from an interior point that misses the tolerances (cheaper there than the
    /// dual simplex from scratch; the full-horizon solves never cross over).
    public var solver: SolverOptions

    public init(replanSteps: Int, lookaheadSteps: Int, forecaster: Forecaster = Forecaster(), carbonBudget: CarbonBudget = .proRata,
                targets: Targets = .plan, solver: SolverOptions? = nil) {
        self.replanSteps = replanSteps
        self.lookaheadSteps = lookaheadSteps
        self.forecaster = forecaster
        self.carbonBudget = carbonBudget
        self.targets = targets
        self.solver = solver ?? {
            var options = SolverOptions()
            options.concurrent = false
            options.crossover = true
            return options
        }()
    }
}

/// Bad options or inputs for an operating run (exit 2 on the command line).
public struct OperationError: Error, CustomStringConvertible, Sendable {
    public var description: String
    public init(_ description: String) { self.description = description }
}
