import Island
import Optimization

/// What the two ratio rows count, summed over some steps: emissions by the caps' basis (t,
/// the embodied share included) against IT energy for `carbon.intensity_cap_g_per_kwh_it`,
/// matched carbon-free energy against consumption for `carbon.cfe_target_share` (MWh).
///
/// A receding-horizon run carries these from one window to the next so that a ratio holds on
/// everything realised so far plus the window, not on each window alone (docs/operations.md, 3).
public struct CarbonRatioTally: Sendable, Equatable {
    public var emissionsTonnes = 0.0
    public var itEnergyMWh = 0.0
    public var cfeMatchedMWh = 0.0
    public var cfeConsumedMWh = 0.0

    public init(emissionsTonnes: Double = 0, itEnergyMWh: Double = 0, cfeMatchedMWh: Double = 0, cfeConsumedMWh: Double = 0) {
        self.emissionsTonnes = emissionsTonnes
        self.itEnergyMWh = itEnergyMWh
        self.cfeMatchedMWh = cfeMatchedMWh
        self.cfeConsumedMWh = cfeConsumedMWh
    }

    /// Tonnes more that could have been emitted under a cap of `capGramsPerKWh` of IT energy:
    /// `cap x IT / 1000 - emissions` (g/kWh x MWh / 1000 = t). Negative: the cap is exceeded.
    public func intensityHeadroomTonnes(capGramsPerKWh: Double) -> Double {
        capGramsPerKWh * itEnergyMWh / 1000 - emissionsTonnes
    }

    /// Matched energy above a target share of consumption: `matched - share x consumed`, MWh
    /// (the CFE row's `(1 - share) matched - share unmatched`). Negative: the target is missed.
    public func cfeSurplusMWh(targetShare: Double) -> Double {
        cfeMatchedMWh - targetShare * cfeConsumedMWh
    }

    /// Emissions per IT energy, g/kWh (0 without IT energy).
    public var intensityGramsPerKWhIT: Double { itEnergyMWh > 0 ? emissionsTonnes * 1000 / itEnergyMWh : 0 }
    /// Matched over consumed energy (1 without consumption).
    public var cfeShare: Double { cfeConsumedMWh > 0 ? cfeMatchedMWh / cfeConsumedMWh : 1 }

    public static func + (lhs: Self, rhs: Self) -> Self {
        Self(emissionsTonnes: lhs.emissionsTonnes + rhs.emissionsTonnes, itEnergyMWh: lhs.itEnergyMWh + rhs.itEnergyMWh,
             cfeMatchedMWh: lhs.cfeMatchedMWh + rhs.cfeMatchedMWh, cfeConsumedMWh: lhs.cfeConsumedMWh + rhs.cfeConsumedMWh)
    }

    public static func += (lhs: inout Self, rhs: Self) { lhs = lhs + rhs }
}

/// The per-step terms of a model's intensity-cap and CFE rows, recorded by the compiler so
/// that a solution can be counted step by step with exactly the row's coefficients.
public struct CarbonRatioTerms: Sendable {
    /// One column family and its coefficient in each step (index = step of the horizon).
    public struct Term: Sendable {
        public var block: ColumnBlock
        public var perStep: [Double]
    }

    /// Emission terms of the caps (t per MW; location or market basis, `carbon.cap_basis`;
    /// market-based hourly cover enters with a negative coefficient).
    public var emissions: [Term] = []
    /// Market basis: the horizon's annual-instrument cover column (MWh) and the t it saves per
    /// MWh; counted pro rata over the steps (the instruments are cut with the window alike).
    public var annualCover: (column: Column, tonnesPerMWh: Double)?
    /// Embodied tonnes the caps count as a constant (`carbon.embodied_in_decisions`), spread
    /// evenly over the steps.
    public var embodiedFixedTonnes = 0.0
    /// IT energy per MW of IT power in each step (step hours x representative weight), MWh/MW.
    public var itEnergy: Term
    /// CFE: carbon-free supply terms (share of each MW that is carbon-free), and matched and
    /// unmatched consumption with their energy per MW (hours x weight); nil without a target.
    public var cfeClean: [Term] = []
    public var cfeMatched: Term?
    public var cfeUnmatched: Term?
}

extension SiteModel {
    /// The ratio rows' quantities in each of steps `0..<count` of a solution `values` (the
    /// whole model's primal values); empty when the model has neither ratio row.
    ///
    /// Matched energy is counted as `min(clean supply, consumption)` per step, the most the CFE
    /// row could have matched (the LP's own `cfe_matched` can sit lower where the row is slack).
    /// The annual-instrument cover and the embodied constant are spread evenly over the model's
    /// steps. Complexity: O(count x terms).
    public func carbonRatioTallies(values: [Double], steps count: Int) -> [CarbonRatioTally] {
        guard let terms = carbonRatioTerms else { return [] }
        let steps = terms.itEnergy.block.count
        precondition(count >= 0 && count <= steps, "carbonRatioTallies: \(count) steps of a model of \(steps)")
        var tallies = [CarbonRatioTally](repeating: CarbonRatioTally(), count: count)
        var constantPerStep = terms.embodiedFixedTonnes
        if let cover = terms.annualCover { constantPerStep -= cover.tonnesPerMWh * values[cover.column.index] }
        constantPerStep /= Double(max(1, steps))
        for t in 0..<count {
            var emissions = constantPerStep
            for term in terms.emissions { emissions += term.perStep[t] * values[term.block[t].index] }
            tallies[t].emissionsTonnes = emissions
            tallies[t].itEnergyMWh = terms.itEnergy.perStep[t] * values[terms.itEnergy.block[t].index]
            if let matched = terms.cfeMatched, let unmatched = terms.cfeUnmatched {
                // Energy per MW is the same for both (hours x weight).
                let consumed = max(0, values[matched.block[t].index] + values[unmatched.block[t].index])
                var clean = 0.0
                for term in terms.cfeClean { clean += term.perStep[t] * values[term.block[t].index] }
                tallies[t].cfeConsumedMWh = matched.perStep[t] * consumed
                tallies[t].cfeMatchedMWh = matched.perStep[t] * min(max(0, clean), consumed)
            }
        }
        return tallies
    }

    /// The ratio rows' quantities summed over steps `0..<count` of a solution.
    public func carbonRatioTally(values: [Double], steps count: Int) -> CarbonRatioTally {
        carbonRatioTallies(values: values, steps: count).reduce(CarbonRatioTally(), +)
    }
}
