import Foundation
import Testing
@testable import Island

@Suite("Horizon labels")
struct HorizonLabelTests {
    @Test("A label is the UTC instant as yyyy-MM-ddTHH:mmZ, with seconds only when they are not zero")
    func labelsMatchThePrintfForm() {
        var state: UInt64 = 0x9E37_79B9_7F4A_7C15
        for _ in 0..<2_000 {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            // 1900 to 2200, every second possible.
            let epoch = Int64(state >> 33) % 9_466_848_000 - 2_208_988_800
            let parts = CivilTime(epochSeconds: epoch)
            let expected = parts.second != 0
                ? String(format: "%04d-%02d-%02dT%02d:%02d:%02dZ", parts.year, parts.month, parts.day, parts.hour, parts.minute, parts.second)
                : String(format: "%04d-%02d-%02dT%02d:%02dZ", parts.year, parts.month, parts.day, parts.hour, parts.minute)
            #expect(Horizon.format(epochSeconds: epoch) == expected)
        }
        #expect(Horizon.format(epochSeconds: 0) == "1970-01-01T00:00Z")
        #expect(Horizon.format(epochSeconds: 1_700_000_007) == "2023-11-14T22:13:27Z")
    }
}
