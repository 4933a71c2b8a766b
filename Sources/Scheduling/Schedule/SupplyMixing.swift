/// Proportional mixing of the two buses (docs/formulation.md, 8.1): what each MWh on the AC bus
/// and on the IT bus carries of conversion losses and of supply cost since it left its source.
///
/// Each bus pools its inflows; the link carries the pool of one bus into the other, adding its
/// own loss. For a quantity q (loss or cost) originating at the buses' sources:
///
///     x_AC A = q_AC + (x_IT + l) r      (r: reverse link, drawn from the IT bus)
///     x_IT I = q_IT + (x_AC + l) f      (f: forward link, drawn from the AC bus)
///
/// with A, I the buses' total inflows (sources plus link deliveries) and l the link's loss per
/// MWh drawn (for costs, l = 0). Two equations in two unknowns per step.
struct SupplyMixing {
    /// Inflow to the AC bus from its sources (link delivery excluded), MW.
    var acSourceMW = 0.0
    /// Inflow to the IT bus from its sources (link delivery excluded), MW.
    var itSourceMW = 0.0
    /// Link power drawn from the AC bus (forward) and from the IT bus (reverse), MW.
    var forwardMW = 0.0
    var reverseMW = 0.0
    var linkEfficiency = 1.0

    /// Per-MWh content of each bus, (AC, IT), for a quantity originating at the buses' sources.
    func intensities(acOrigin: Double, itOrigin: Double, linkLossPerMWh: Double) -> (ac: Double, it: Double) {
        let acIn = acSourceMW + linkEfficiency * reverseMW
        let itIn = itSourceMW + linkEfficiency * forwardMW
        let tiny = 1e-9
        switch (acIn > tiny, itIn > tiny) {
        case (false, false): return (0, 0)
        case (true, false): return ((acOrigin + linkLossPerMWh * reverseMW) / acIn, 0)
        case (false, true): return (0, (itOrigin + linkLossPerMWh * forwardMW) / itIn)
        case (true, true):
            let b1 = acOrigin + linkLossPerMWh * reverseMW, b2 = itOrigin + linkLossPerMWh * forwardMW
            let determinant = acIn * itIn - reverseMW * forwardMW
            guard determinant > 1e-12 * acIn * itIn else {
                // Pure circulation (no source on one side): each bus keeps its own origin.
                return (b1 / acIn, b2 / itIn)
            }
            return ((b1 * itIn + reverseMW * b2) / determinant, (acIn * b2 + forwardMW * b1) / determinant)
        }
    }
}
