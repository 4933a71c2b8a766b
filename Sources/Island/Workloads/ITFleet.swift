import Foundation

/// The AI racks: IT capacity = racks x power per rack.
public struct ITFleet: Sendable, Equatable {
    public var racks: Int
    /// IT power of one rack at full load, kW (GB200/GB300 NVL72: ~120-142 kW, docs/sources.md).
    public var powerPerRackKW: Double
    /// Power drawn by an idle rack, as a fraction of its full power (0 by default).
    public var idleFraction: Double
    /// Tokens produced per MWh of IT energy, for inference KPIs and `tokens_per_second` demand.
    public var tokensPerMWh: Double?

    /// IT capacity, MW.
    public var capacityMW: Double { Double(racks) * powerPerRackKW / 1000 }
    /// Floor of IT power when every rack is idle, MW.
    public var idlePowerMW: Double { capacityMW * idleFraction }
}
