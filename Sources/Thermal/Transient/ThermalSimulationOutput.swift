/// Results of a transient run, in caller-owned arrays that are reused across runs.
public struct ThermalSimulationOutput: Sendable {
    /// Per rack: the hottest die over all trays and steps.
    public internal(set) var maxDieTemperatureC: [Double]
    /// Per rack: time with the hottest die above the rack type's `dieLimitC`.
    public internal(set) var secondsAboveDieLimit: [Double]
    /// Per rack: coolant return temperature after the last step.
    public internal(set) var returnTemperatureC: [Double]
    /// Per rack: the highest coolant return temperature over the run.
    public internal(set) var maxReturnTemperatureC: [Double]
    /// Per step: the site's heat to the facility water (sum over racks of `eps F (T_R - T_fac)`).
    public internal(set) var heatToPlantW: [Double]
    /// Per step: the hottest die of the site at the end of the step.
    public internal(set) var maxDieTemperatureCByStep: [Double]

    public init(rackCount: Int = 0, steps: Int = 0) {
        maxDieTemperatureC = Array(repeating: 0, count: rackCount)
        secondsAboveDieLimit = Array(repeating: 0, count: rackCount)
        returnTemperatureC = Array(repeating: 0, count: rackCount)
        maxReturnTemperatureC = Array(repeating: 0, count: rackCount)
        heatToPlantW = Array(repeating: 0, count: steps)
        maxDieTemperatureCByStep = Array(repeating: 0, count: steps)
    }

    mutating func resize(rackCount: Int, steps: Int) {
        if maxDieTemperatureC.count != rackCount || heatToPlantW.count != steps {
            self = ThermalSimulationOutput(rackCount: rackCount, steps: steps)
        }
    }
}
