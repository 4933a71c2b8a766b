/// How a rack's coolant-distribution unit (CDU) hands heat to the facility water loop.
///
/// Both forms are linear in temperature, which keeps the rack network a linear time-invariant
/// system: one factorisation serves every power level and every facility temperature.
public enum CDUModel: Sendable, Hashable {
    /// Secondary-side effectiveness in (0, 1]: the secondary supply leaves the CDU at
    /// `T_return - effectiveness * (T_return - T_facility)`.
    case effectiveness(Double)
    /// Datasheet form: the secondary supply is `approachK` above the facility supply when the
    /// CDU carries `atHeatLoadW` at the rack's design flow. Converted to the effectiveness
    /// `rise / (rise + approach)` with `rise = load / (m_dot * cp)`, so the approach scales with
    /// load at fixed flows, as a fixed-UA exchanger does.
    case approach(approachK: Double, atHeatLoadW: Double)

    /// The default: 3 K approach at the rack's 132 kW design load
    /// (docs/sources.md, "CDU approach temperature": 3 K, Google "Deschutes").
    public static let datasheetDefault = CDUModel.approach(approachK: 3, atHeatLoadW: 132_000)

    /// Secondary-side effectiveness for a rack with total advection `rackAdvectionWPerK` (m_dot cp).
    func effectiveness(rackAdvectionWPerK: Double) throws -> Double {
        switch self {
        case let .effectiveness(value):
            guard value.isFinite, value > 0, value <= 1 else {
                throw ThermalError.invalidParameter(name: "cdu.effectiveness", value: value, requirement: "must be in (0, 1]")
            }
            return value
        case let .approach(approachK, atHeatLoadW):
            try requirePositive(approachK, "cdu.approachK")
            try requirePositive(atHeatLoadW, "cdu.atHeatLoadW")
            let riseK = atHeatLoadW / rackAdvectionWPerK
            return riseK / (riseK + approachK)
        }
    }
}
