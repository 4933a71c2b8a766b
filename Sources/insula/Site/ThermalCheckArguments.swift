import ArgumentParser
import Scheduling

/// `--thermal-check` and its settings, for `insula solve`.
struct ThermalCheckArguments: ParsableArguments {
    @Flag(name: .customLong("thermal-check"),
          help: "Simulate every rack of the schedule at a fine step; tighten steps above the die limit and re-solve.")
    var enabled = false

    @Option(name: .customLong("thermal-rounds"), help: "Most thermal simulations (each violation found costs a re-solve).")
    var rounds = 3

    @Option(name: .customLong("thermal-step-seconds"), help: "Time step of the transient rack simulation, s.")
    var stepSeconds = 1.0

    func validate() throws {
        guard rounds >= 1 else { throw ValidationError("--thermal-rounds must be at least 1") }
        guard stepSeconds.isFinite, stepSeconds > 0, stepSeconds <= 3600 else {
            throw ValidationError("--thermal-step-seconds must be in (0, 3600]")
        }
    }

    /// The check's options, or nil when `--thermal-check` is not given.
    var options: ThermalCheckOptions? {
        enabled ? ThermalCheckOptions(rounds: rounds, stepSeconds: stepSeconds) : nil
    }
}
