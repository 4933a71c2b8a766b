import Foundation
import Island
import Scheduling

/// Writes `insula solve --dump-inputs FILE`: the resolved inputs as JSON, written before the
/// solve so that a site that is refused or infeasible can still be inspected or cross-checked.
/// The file appears atomically (temporary name, then rename).
func writeInputDump(_ site: Site, to path: String) throws {
    let data: Data
    do {
        data = try InputDump(site).json()
    } catch {
        throw CommandFailure(.internalError, "error: \(path): could not encode the input dump (\(error))")
    }
    try writeAtomically(data, to: URL(fileURLWithPath: path), option: "--dump-inputs")
}
