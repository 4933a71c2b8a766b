import Foundation
import Island
import Scheduling

/// Writes `insula solve --dump-inputs FILE`: the resolved inputs as JSON, written before the
/// solve so that a site that is refused or infeasible can still be inspected or cross-checked.
/// The file appears atomically (temporary name, then rename).
func writeInputDump(_ site: Site, to path: String) throws {
    do {
        try InputDump(site).json().write(to: URL(fileURLWithPath: path), options: .atomic)
    } catch {
        throw CommandFailure(.invalidInput, "error: \(path): could not write the input dump (\(error.localizedDescription))")
    }
}
