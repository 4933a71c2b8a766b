import Foundation
import Island
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
    /// Which window LPs start their simplex from the previous window's optimal basis, shifted
    /// by the steps between them (``Basis/shifted(from:by:to:)``), instead of being solved
    /// cold as `insula solve` would (docs/operations.md, section 7).
    public var warmStart = WarmStartRule.exact
    /// Fraction in [0, 1) by which the run's plans tighten the site's carbon ratios, a hedge
    /// against forecast errors: the intensity cap becomes `cap x (1 - margin)`, the CFE target's
    /// allowance of unmatched consumption `(1 - share) x (1 - margin)`. The target plan, every
    /// window plan and redispatch hold the tightened limits; the realised ratios are judged
    /// against the site's own (docs/operations.md, section 3). 0: no margin.
    public var ratioMargin = 0.0

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

/// Which window LPs of an operating run are warm-started (``OperationOptions/warmStart``).
///
/// A window LP has many optima (training energy is worth the same in every step the SMR sets
/// the price, say). The cold interior point returns one near the middle of that face, a warm
/// simplex a vertex of it. On exact forecasts either commits steps of the same realised cost;
/// on forecasts with errors the plan's end-of-block state becomes the redispatch's target, and
/// which optimum a plan takes changes the realised cost (measured: 1 % on two weeks of the
/// example site with day-ahead prices warm, 0.2 % with the cold dual simplex instead of the
/// interior point; docs/operations.md, section 7.2).
public enum WarmStartRule: String, Sendable, CaseIterable {
    /// Plans whose forecasts equal the realised data over the whole window (perfect
    /// foresight); redispatches and plans on forecasts with errors are solved cold, as before.
    case exact
    /// Every plan and redispatch (fastest; realised figures under forecast errors move with
    /// the optimum the simplex picks).
    case all
    /// None: every window LP is solved cold.
    case none
}

/// Bad options or inputs for an operating run (exit 2 on the command line).
public struct OperationError: Error, CustomStringConvertible, Sendable {
    public var description: String
    public init(_ description: String) { self.description = description }
}

extension CarbonPolicy {
    /// The policy with its intensity cap and CFE target tightened by `margin`
    /// (``OperationOptions/ratioMargin``); unchanged at 0 or without either limit.
    public func withRatioMargin(_ margin: Double) -> CarbonPolicy {
        guard margin > 0 else { return self }
        var policy = self
        policy.intensityCapGramsPerKWhIT = intensityCapGramsPerKWhIT.map { $0 * (1 - margin) }
        policy.cfeTargetShare = cfeTargetShare.map { 1 - (1 - $0) * (1 - margin) }
        return policy
    }
}
