import Island
import Optimization

/// A battery's state of charge on a site of representative periods (docs/formulation.md, 15.3):
/// the state at every boundary between original periods, and the extremes of the state within
/// each representative period relative to its start.
public struct StorageLink: Sendable {
    /// State of charge at the start of each original period, and at the end of the last
    /// (original periods + 1 columns), MWh.
    public var boundary: ColumnBlock
    /// Per representative period: the highest state within it, relative to its start (>= 0), MWh.
    public var highest: ColumnBlock
    /// Per representative period: the lowest state within it, relative to its start (<= 0), MWh.
    public var lowest: ColumnBlock
}

extension SiteCompiler {
    /// Coefficients the representative-period families add once per model at most: per
    /// battery, the boundary links and bounds of every original period; per transition between
    /// original periods, the two ramp rows of the SMR and of the site's intake (for
    /// ``estimatedNonzeros(_:elastic:)``).
    static func representativeNonzeros(_ site: Site) -> Int {
        guard let periods = site.representativePeriods else { return 0 }
        let intake = (site.smr == nil ? 0 : 1) + 2 * site.gridFeeds.count + site.renewables.count + site.backupGenerators.count
        let perPeriod = 12 * site.batteries.count + 4 * (intake + 2)
        // Within-period state: its extremes' two rows per step (soc and the extreme) beside the balance.
        let perStep = 4 * site.batteries.count
        return (periods.sequence.count + 1) * perPeriod + 8 * site.batteries.count + site.horizon.steps * perStep
    }
}

extension Builder {
    /// Rows tying each representative period's first step to the last step of the period
    /// before it in time, for every pair of periods that follow each other in the original
    /// horizon (each pair once): `sum c x[to] - sum c x[from] <= up` and the reverse `<= down`,
    /// with `- perUnit x capacity` on both when a planned capacity scales the limit. Without
    /// representative periods there is nothing to add (the rows of each step already look back).
    mutating func addTransitionRows(_ family: String, terms: [(ColumnBlock, Double)],
                                    limits: (_ from: Int, _ to: Int) -> (up: Double, down: Double),
                                    capacity: () -> (column: Column, perUnit: Double)?) {
        guard let periods = site.representativePeriods else { return }
        let scaled = capacity()
        for (from, to) in periods.transitions {
            let (upLimit, downLimit) = limits(from, to)
            let label = options.names ? "\(labels[from]),\(labels[to])" : ""
            let up = program.addRow(lower: -.infinity, upper: upLimit, name: name("\(family)_up_transition[\(label)]"))
            let down = program.addRow(lower: -.infinity, upper: downLimit, name: name("\(family)_down_transition[\(label)]"))
            for (block, coefficient) in terms {
                program.addCoefficient(up, block[to], coefficient)
                program.addCoefficient(up, block[from], -coefficient)
                program.addCoefficient(down, block[from], coefficient)
                program.addCoefficient(down, block[to], -coefficient)
            }
            if let scaled {
                program.addCoefficient(up, scaled.column, -scaled.perUnit)
                program.addCoefficient(down, scaled.column, -scaled.perUnit)
            }
        }
    }

    /// A battery's state of charge across representative periods (Kotzur, Markewitz, Robinius
    /// and Stolten, "Time series aggregation for energy system design: Modeling seasonal
    /// storage", Applied Energy 213, 2018, 123-135; docs/formulation.md 15.3):
    ///
    /// - `soc[t]`, the state at the end of step t relative to its period's start, follows the
    ///   usual balance from 0 at each period's start;
    /// - `S[i]`, the state at the start of original period i (i = 0..N), with `S[0]` the initial
    ///   state and `S[i+1] = S[i] + soc[last step of k(i)]`, k(i) the period standing for i;
    /// - bounds on every step of every original period through the period's extremes:
    ///   `S[i] + highest[k(i)] <= max`, `S[i] + lowest[k(i)] >= min`, with
    ///   `lowest[k] <= soc[t] <= highest[k]` for t in k (exact: batteries lose no charge standing).
    /// - Returns: the within-period state (the model's `batterySOC`) and the links.
    mutating func addLinkedStorage(_ battery: Battery, periods: RepresentativePeriods, charge: ColumnBlock, discharge: ColumnBlock,
                                   energy: Column?, mostEnergy: Double) -> (ColumnBlock, StorageLink) {
        let hours = self.hours, steps = self.steps
        let span = battery.socMaxFraction * mostEnergy
        let soc = columns("battery_soc", battery.name, lower: { _ in -span }, upper: { _ in span })
        let dynamics = program.addRows(count: steps, .equal, rhs: { _ in 0 }, name: namer("battery_soc_balance", battery.name), family: blockKey("battery_soc_balance", battery.name))
        program.addCoefficients(rows: dynamics, columns: soc, value: 1)
        for t in 0..<steps where !periodStart[t] { program.addCoefficient(dynamics[t], soc[t - 1], -1) }
        program.addCoefficients(rows: dynamics, columns: charge, value: -battery.chargeEfficiency * hours)
        program.addCoefficients(rows: dynamics, columns: discharge, value: hours / battery.dischargeEfficiency)

        // Extremes within each representative period (its start, 0, included).
        let count = periods.periods.count
        let periodLabels = periods.periods.map { options.names ? labels[$0.lowerBound] : "" }
        let highest = program.addColumns(count: count, lower: { _ in 0 }, upper: { _ in span },
                                         name: options.names ? { "battery_soc_highest[\(sanitized(battery.name)),\(periodLabels[$0])]" } : nil)
        let lowest = program.addColumns(count: count, lower: { _ in -span }, upper: { _ in 0 },
                                        name: options.names ? { "battery_soc_lowest[\(sanitized(battery.name)),\(periodLabels[$0])]" } : nil)
        let above = program.addRows(count: steps, .lessOrEqual, rhs: { _ in 0 }, name: namer("battery_soc_below_highest", battery.name), family: blockKey("battery_soc_below_highest", battery.name))
        let below = program.addRows(count: steps, .greaterOrEqual, rhs: { _ in 0 }, name: namer("battery_soc_above_lowest", battery.name), family: blockKey("battery_soc_above_lowest", battery.name))
        program.addCoefficients(rows: above, columns: soc, value: 1)
        program.addCoefficients(rows: below, columns: soc, value: 1)
        for (k, range) in periods.periods.enumerated() {
            for t in range {
                program.addCoefficient(above[t], highest[k], -1)
                program.addCoefficient(below[t], lowest[k], -1)
            }
        }

        // The state at every boundary between original periods, in time order.
        let boundaries = periods.sequence.count + 1
        let original = periods.originalHorizon
        let boundaryLabel = { (i: Int) -> String in
            i < periods.originalPartition.count ? original.label(periods.originalPartition[i].lowerBound)
                : Horizon.format(epochSeconds: original.endEpochSeconds)
        }
        let boundary = program.addColumns(count: boundaries, lower: { _ in 0 }, upper: { _ in span },
                                          name: options.names ? { "battery_soc_boundary[\(sanitized(battery.name)),\(boundaryLabel($0))]" } : nil)
        let fixedEnergy = energy == nil ? battery.energyMWh : 0
        // S[0] = initial fraction x energy.
        let initial = program.addRow(.equal, energy == nil ? battery.initialSOCMWh : 0, name: name("battery_soc_initial[\(battery.name)]"))
        program.addCoefficient(initial, boundary[0], 1)
        if let energy { program.addCoefficient(initial, energy, -battery.initialSOCFraction) }
        for (i, k) in periods.sequence.enumerated() {
            let label = options.names ? boundaryLabel(i) : ""
            let link = program.addRow(.equal, 0, name: name("battery_soc_link[\(battery.name),\(label)]"))
            program.addCoefficient(link, boundary[i + 1], 1)
            program.addCoefficient(link, boundary[i], -1)
            program.addCoefficient(link, soc[periods.periods[k].upperBound - 1], -1)
            let most = program.addRow(.lessOrEqual, battery.socMaxFraction * fixedEnergy, name: name("battery_soc_max[\(battery.name),\(label)]"))
            program.addCoefficient(most, boundary[i], 1)
            program.addCoefficient(most, highest[k], 1)
            let least = program.addRow(.greaterOrEqual, battery.socMinFraction * fixedEnergy, name: name("battery_soc_min[\(battery.name),\(label)]"))
            program.addCoefficient(least, boundary[i], 1)
            program.addCoefficient(least, lowest[k], 1)
            if let energy {
                program.addCoefficient(most, energy, -battery.socMaxFraction)
                program.addCoefficient(least, energy, -battery.socMinFraction)
            }
        }
        // The end of the horizon: cyclic (back to the initial state) or a fraction of the energy.
        let finalFraction: Double
        switch battery.finalSOC {
        case .cyclic: finalFraction = battery.initialSOCFraction
        case .fraction(let value): finalFraction = value
        }
        let final = program.addRow(.greaterOrEqual, finalFraction * fixedEnergy, name: name("battery_final_soc[\(battery.name)]"))
        program.addCoefficient(final, boundary[boundaries - 1], 1)
        if let energy { program.addCoefficient(final, energy, -finalFraction) }
        return (soc, StorageLink(boundary: boundary, highest: highest, lowest: lowest))
    }
}
