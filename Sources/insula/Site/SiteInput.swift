import Foundation
import Island

/// Loads a site file for a command, turning every validation problem into exit code 2.
func loadSite(_ path: String) throws -> Site {
    do {
        return try SiteLoader.load(from: URL(fileURLWithPath: path))
    } catch let error as SiteValidationError {
        let count = error.issues.count
        throw CommandFailure(.invalidInput, "error: \(path): \(count) problem\(count == 1 ? "" : "s") found:\n\(error.description)")
    } catch {
        throw CommandFailure(.invalidInput, "error: \(path): \(error)")
    }
}
