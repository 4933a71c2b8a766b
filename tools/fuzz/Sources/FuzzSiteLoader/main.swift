import FuzzSupport
import Island

/// libFuzzer entry: the input is a site file's text (YAML), parsed and fully validated.
@_cdecl("LLVMFuzzerTestOneInput")
func fuzzSiteLoader(_ bytes: UnsafePointer<UInt8>?, _ count: Int) -> CInt {
    guard let data = bytes else { return 0 }
    let text = String(decoding: UnsafeBufferPointer(start: data, count: count), as: UTF8.self)
    FuzzWorkspace.shared.loadSite(yaml: text)
    return 0
}

runFuzzer(fuzzSiteLoader)
