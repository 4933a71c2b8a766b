import FuzzSupport
import Island

/// A site whose series all come from `data.csv` (the fuzz input), read three ways: aligned by
/// a UTC timestamp column, row by row without timestamps, and with naive local times in a
/// zone with daylight saving.
private let site = """
horizon: {start_utc: 2025-03-30T00:00Z, steps: 6, step_minutes: 60}
grid_feeds:
  - import_capacity_mw: 100
    price_usd_per_mwh: {file: data.csv, column: price_usd_per_mwh, timestamp_column: timestamp_utc}
    carbon_intensity_g_per_kwh: {file: data.csv, column: carbon_intensity_g_per_kwh}
    carbon_free_share: {file: data.csv, column: share, timestamp_column: timestamp_utc, timezone: Europe/Paris, scale: 0.01}
it_fleet: {racks: 10, power_per_rack_kw: 100}
cooling: {cop: 5}
"""

/// libFuzzer entry: the input is the bytes of a CSV series file.
@_cdecl("LLVMFuzzerTestOneInput")
func fuzzCSV(_ bytes: UnsafePointer<UInt8>?, _ count: Int) -> CInt {
    guard let data = bytes else { return 0 }
    _ = FuzzWorkspace.shared.write(UnsafeRawBufferPointer(start: data, count: count), to: "data.csv")
    FuzzWorkspace.shared.loadSite(yaml: site)
    return 0
}

runFuzzer(fuzzCSV)
