import ArgumentParser
import Foundation
import Island

/// `insula validate SITE.yaml`: checks a site file and its series completely.
struct ValidateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "validate",
        abstract: "Check a site file and every series it references; report every problem.",
        discussion: "Exit 0 with a one-line summary, or exit 2 listing each problem with file, key path and row."
    )

    @Argument(help: "Site file (YAML).")
    var site: String

    @OptionGroup var overrides: SiteOverrides

    @OptionGroup var global: GlobalOptions

    func run() throws {
        global.bootstrapLogging()
        let loaded = try loadSite(site, overrides: overrides)
        printWarnings(loaded)
        let sources = [loaded.smr.map { _ in "SMR" }, loaded.gridFeeds.isEmpty ? nil : "\(loaded.gridFeeds.count) grid feed(s)",
                       loaded.renewables.isEmpty ? nil : "\(loaded.renewables.count) renewable(s)",
                       loaded.batteries.isEmpty ? nil : "\(loaded.batteries.count) battery(ies)"].compactMap { $0 }
        printText("\(site): valid: \(loaded.name), \(loaded.horizon.steps) steps of \(loaded.horizon.stepMinutes) min from \(loaded.horizon.label(0)), "
              + "\(sources.joined(separator: ", ")), \(loaded.itFleet.racks) racks (\(String(format: "%.1f", loaded.itFleet.capacityMW)) MW IT), "
              + "\(loaded.trainingJobs.count) training job(s), \(loaded.distribution.architecture.rawValue)"
              + (loaded.buildOut.map { ", \($0.periods.count) investment period(s) \($0.periods.map { String($0.year) }.joined(separator: ", "))" } ?? ""))
    }
}
