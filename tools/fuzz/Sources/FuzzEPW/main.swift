import FuzzSupport
import Island

/// A site whose weather is `weather.epw` (the fuzz input), over a leap day and a year end so
/// that the month/day/hour mapping and the Feb 29 rule are exercised.
private let sites = [
    """
    horizon: {start_utc: 2024-02-28T20:00Z, steps: 30, step_minutes: 60}
    weather: {epw: weather.epw}
    grid_feeds: [{import_capacity_mw: 100, price_usd_per_mwh: 50, carbon_intensity_g_per_kwh: 300}]
    it_fleet: {racks: 10, power_per_rack_kw: 100}
    """,
    """
    horizon: {start_utc: 2025-12-31T22:00Z, steps: 12, step_minutes: 15}
    weather: {epw: weather.epw, utc_offset_hours: -5}
    grid_feeds: [{import_capacity_mw: 100, price_usd_per_mwh: 50, carbon_intensity_g_per_kwh: 300}]
    it_fleet: {racks: 10, power_per_rack_kw: 100}
    cooling: {economiser: {kind: wet_tower}}
    """,
]

/// libFuzzer entry: the input is the bytes of an EnergyPlus weather file.
@_cdecl("LLVMFuzzerTestOneInput")
func fuzzEPW(_ bytes: UnsafePointer<UInt8>?, _ count: Int) -> CInt {
    guard let data = bytes else { return 0 }
    _ = FuzzWorkspace.shared.write(UnsafeRawBufferPointer(start: data, count: count), to: "weather.epw")
    for site in sites { FuzzWorkspace.shared.loadSite(yaml: site) }
    return 0
}

runFuzzer(fuzzEPW)
