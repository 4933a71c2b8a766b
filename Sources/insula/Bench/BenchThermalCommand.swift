import ArgumentParser
import Foundation
import Thermal

/// `insula bench thermal`: transient and steady-limit throughput of the thermal solver.
struct BenchThermalCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "thermal",
        abstract: "Benchmark the rack thermal solver (node-steps per second, allocations, steady limits).")

    enum Format: String, ExpressibleByArgument, CaseIterable { case text, json }

    @Option(help: "Racks in the synthetic site (7,500 x 132 kW ~ 1 GW).")
    var racks: Int = 7_500

    @Option(help: "1 s backward-Euler steps per timed run.")
    var steps: Int = 600

    @Option(help: "Worker threads for the multi-threaded figure (default: all cores).")
    var threads: Int = ProcessInfo.processInfo.activeProcessorCount

    @Option(help: "Output format: text or json.")
    var format: Format = .text

    func validate() throws {
        guard racks >= 2 else { throw ValidationError("--racks must be at least 2") }
        guard steps >= 1 else { throw ValidationError("--steps must be at least 1") }
        guard threads >= 1 else { throw ValidationError("--threads must be at least 1") }
    }

    func run() throws {
        let report = try ThermalBenchmark.run(racks: racks, steps: steps, threads: threads)
        switch format {
        case .json:
            let encoder = JSONEncoder()
            encoder.keyEncodingStrategy = .convertToSnakeCase
            encoder.outputFormatting = [.sortedKeys, .prettyPrinted]
            print(String(decoding: try encoder.encode(report), as: UTF8.self))
        case .text:
            func rate(_ value: Double) -> String { String(format: "%.3e", value) }
            print("""
            thermal benchmark: \(report.racks) racks x \(report.nodesPerRack) nodes, \(report.steps) steps of 1 s
              transient, \(report.threads) threads:   \(rate(report.nodeStepsPerSecond)) node-steps/s
              transient, 1 thread:     \(rate(report.nodeStepsPerSecondSingleThread)) node-steps/s
              reference (sparse LU):   \(rate(report.referenceNodeStepsPerSecond)) node-steps/s \
            (\(report.referenceRacks) racks x \(report.referenceSteps) steps; max difference \(String(format: "%.1e", report.referenceMaxDifferenceK)) K)
              speed-up over reference: \(String(format: "%.0f", report.speedupSingleThreadOverReference))x single thread, \
            \(String(format: "%.0f", report.speedupOverReference))x all threads
              allocations per step:    \(report.allocationsPerStep) (heap retained \(report.heapBytesRetainedPerStep) B/step)
              steady limits, \(report.steadyLimitsHours) h x \(report.steadyLimitsRacks) racks: \(String(format: "%.3f", report.steadyLimitsSeconds)) s
              hottest die: \(String(format: "%.2f", report.maxDieTemperatureC)) C; site heat to plant: \(String(format: "%.1f", report.siteHeatToPlantMW)) MW
            """)
        }
    }
}
