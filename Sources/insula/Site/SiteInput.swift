import ArgumentParser
import Foundation
import Island

/// `--set KEY=VALUE`: changes one key of the site file for this run only, without editing it.
///
/// The value is YAML, so `--set carbon.cap_t=5000`, `--set horizon.steps=168` and
/// `--set 'batteries[0]={energy_mwh: 800, power_mw: 200}'` all work. Key paths are those of
/// `docs/site-format.md`; the overrides are recorded in `manifest.json`.
struct SiteOverrides: ParsableArguments {
    @Option(name: .customLong("set"), help: ArgumentHelp("Override a site key for this run (repeatable).", valueName: "KEY=VALUE"))
    var assignments: [String] = []

    /// The assignments parsed into key paths and YAML values, or exit 2 naming the bad one.
    func parsed() throws -> [(path: String, value: YAMLNode)] {
        try assignments.map { assignment in
            guard let equals = assignment.firstIndex(of: "="), equals != assignment.startIndex else {
                throw CommandFailure(.invalidInput, "error: --set \(assignment): expected KEY=VALUE, e.g. --set carbon.cap_t=5000")
            }
            let path = String(assignment[..<equals]).trimmingCharacters(in: .whitespaces)
            let text = String(assignment[assignment.index(after: equals)...])
            // An empty YAML document parses as an empty mapping ("got a mapping" later): say what happened.
            if text.trimmingCharacters(in: .whitespaces).isEmpty {
                throw CommandFailure(.invalidInput, "error: --set \(assignment): the value after \"=\" is empty; give one (e.g. --set \(path)=5000), or null to remove the key")
            }
            do {
                return (path, try YAMLNode.parse(yaml: text, file: "--set \(path)"))
            } catch {
                throw CommandFailure(.invalidInput, "error: --set \(assignment): the value is not YAML (\(error))")
            }
        }
    }
}

/// Loads a site file for a command, with `--set` overrides applied, turning every validation
/// problem into exit code 2.
func loadSite(_ path: String, overrides: SiteOverrides? = nil, extra: [(path: String, value: YAMLNode)] = []) throws -> Site {
    // (A default `SiteOverrides()` would be an unparsed option group, which traps when read.)
    // `extra`: overrides a command's own options make (`plan --representative-days`), after `--set`.
    let assignments = try (overrides?.parsed() ?? []) + extra
    do {
        var document = try SiteDocument.read(from: URL(fileURLWithPath: path))
        if !assignments.isEmpty { document = try document.applying(overrides: assignments) }
        return try SiteLoader.resolve(document)
    } catch let error as SiteValidationError {
        let count = error.issues.count
        throw CommandFailure(.invalidInput, "error: \(path): \(count) problem\(count == 1 ? "" : "s") found:\n\(error.description)")
    } catch {
        throw CommandFailure(.invalidInput, "error: \(path): \(error)")
    }
}

extension SiteWindow.TrainingEnergy: ExpressibleByArgument {}

/// The site restricted to `--window START..END`, or the site itself without one; exit 2 on a bad window.
func applyWindow(_ text: String?, trainingEnergy: SiteWindow.TrainingEnergy, to site: Site) throws -> Site {
    guard let text else { return site }
    guard let window = SiteWindow(parsing: text, trainingEnergy: trainingEnergy) else {
        throw CommandFailure(.invalidInput, "error: --window \(text): expected START..END with UTC timestamps, END after START, e.g. --window 2023-08-01T00:00Z..2023-09-01T00:00Z")
    }
    do {
        return try site.windowed(window)
    } catch {
        throw CommandFailure(.invalidInput, "error: --window \(text): \(error)")
    }
}

/// Prints the site's input warnings on stderr, one `warning:` line each (they never change the exit code).
func printWarnings(_ site: Site) {
    for warning in site.warnings { writeToStandardError("warning: \(warning)") }
}
