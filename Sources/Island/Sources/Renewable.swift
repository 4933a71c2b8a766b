import Foundation

/// Where a component connects: the DC bus through a DC/DC stage, or the AC side through an inverter.
public enum Coupling: String, Sendable, Equatable {
    case ac
    case dc
}

/// A curtailable solar or wind plant with a capacity-factor series.
public struct Renewable: Sendable, Equatable {
    public enum Kind: String, Sendable, Equatable {
        case solar
        case wind
    }

    public var name: String
    public var kind: Kind
    public var capacityMW: Double
    /// Available output per step as a fraction of capacity, 0...1.
    public var capacityFactor: [Double]
    public var coupling: Coupling
    /// Installed capacity as a decision (`build`), MW; `capacityMW` is then the existing part.
    public var build: Expansion? = nil

    /// Available output per step, MW (before curtailment).
    public var availableMW: [Double] { capacityFactor.map { $0 * capacityMW } }
}
