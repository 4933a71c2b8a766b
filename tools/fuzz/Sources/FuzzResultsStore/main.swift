import Batch
import Foundation
import FuzzSupport

/// libFuzzer entry: the input is the bytes of a `results.sqlite` file, opened read-only as
/// `insula batch status` and `batch merge` open a store, then every reader a merge and an
/// export use. A damaged store must give a typed error, never a crash.
@_cdecl("LLVMFuzzerTestOneInput")
func fuzzResultsStore(_ bytes: UnsafePointer<UInt8>?, _ count: Int) -> CInt {
    guard let data = bytes else { return 0 }
    let folder = FuzzWorkspace.shared.folder.appendingPathComponent("store")
    try? FileManager.default.removeItem(at: folder)
    try? FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    try? Data(UnsafeRawBufferPointer(start: data, count: count)).write(to: folder.appendingPathComponent("results.sqlite"))
    guard let store = try? ResultsStore.open(in: folder, readOnly: true) else { return 0 }
    _ = try? store.metadata()
    _ = try? store.counts()
    _ = try? store.failures()
    _ = try? store.finishedIDs()
    _ = try? store.provenance()
    _ = try? store.scenarioNames()
    _ = try? store.summaryCSV()
    if let scenarios = try? store.scenariosWithSteps(), let first = scenarios.first { _ = try? store.dispatchCSV(scenarioID: first) }
    return 0
}

runFuzzer(fuzzResultsStore)
