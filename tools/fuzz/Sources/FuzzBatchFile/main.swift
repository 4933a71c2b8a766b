import Batch
import Foundation
import FuzzSupport

/// libFuzzer entry: the input is the bytes of a batch file (YAML), read and expanded into
/// scenarios as `insula batch run` does before solving anything. Its site is the workspace's
/// `site.yaml`; errors are the expected outcome, a crash or a hang is a finding.
@_cdecl("LLVMFuzzerTestOneInput")
func fuzzBatchFile(_ bytes: UnsafePointer<UInt8>?, _ count: Int) -> CInt {
    guard let data = bytes else { return 0 }
    let url = FuzzWorkspace.shared.write(UnsafeRawBufferPointer(start: data, count: count), to: "batch.yaml")
    if let definition = try? BatchDefinition.read(from: url) { _ = try? definition.expand() }
    return 0
}

runFuzzer(fuzzBatchFile)
