/// Synchronous-training power swing: all GPUs of a job alternate between compute (near the
/// scheduled level) and communication (near idle) phases (docs/sources.md, "synchronous-training
/// power swings", arXiv 2508.14318).
///
/// The scheduled level is the high (compute) level; during the low phase the rack draws
/// `lowFraction` of it. A step's power is the exact mean of this square wave over the step, so
/// energy is conserved even when the period is shorter than the step.
public struct TrainingOscillation: Sendable, Hashable {
    /// Power in the communication phase as a fraction of the scheduled level, in [0, 1].
    public var lowFraction: Double
    /// Period of one compute + communication cycle.
    public var periodSeconds: Double
    /// Fraction of the period spent at the high level, in [0, 1].
    public var highDutyCycle: Double
    /// Time shift of the wave; the high phase starts at `t = -phaseSeconds`.
    public var phaseSeconds: Double

    public init(lowFraction: Double, periodSeconds: Double, highDutyCycle: Double = 0.5, phaseSeconds: Double = 0) throws {
        guard lowFraction.isFinite, lowFraction >= 0, lowFraction <= 1 else {
            throw ThermalError.invalidParameter(name: "oscillation.lowFraction", value: lowFraction, requirement: "must be in [0, 1]")
        }
        try requirePositive(periodSeconds, "oscillation.periodSeconds")
        guard highDutyCycle.isFinite, highDutyCycle >= 0, highDutyCycle <= 1 else {
            throw ThermalError.invalidParameter(name: "oscillation.highDutyCycle", value: highDutyCycle, requirement: "must be in [0, 1]")
        }
        try requireFinite(phaseSeconds, "oscillation.phaseSeconds")
        self.lowFraction = lowFraction
        self.periodSeconds = periodSeconds
        self.highDutyCycle = highDutyCycle
        self.phaseSeconds = phaseSeconds
    }

    /// Mean of the power factor (1 in the high phase, `lowFraction` in the low) over `[start, end)`.
    public func meanFactor(fromSeconds start: Double, toSeconds end: Double) -> Double {
        let highFraction = (highSeconds(upTo: end) - highSeconds(upTo: start)) / (end - start)
        return lowFraction + (1 - lowFraction) * highFraction
    }

    /// Time spent high in `[-phase, t)`.
    private func highSeconds(upTo time: Double) -> Double {
        let shifted = time + phaseSeconds
        let cycles = (shifted / periodSeconds).rounded(.down)
        let highPerCycle = highDutyCycle * periodSeconds
        return cycles * highPerCycle + Swift.min(shifted - cycles * periodSeconds, highPerCycle)
    }
}
