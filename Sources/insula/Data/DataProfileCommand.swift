import ArgumentParser
import Foundation
import Island

/// `insula data profile TRACE.csv`: a request trace as a tokens-per-second (and MW) series.
struct DataProfileCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "profile",
        abstract: "Turn an LLM request trace (Azure LLM inference traces) into a tokens-per-second and MW profile a site can read.",
        discussion: """
            Without --start: the trace binned at --step over its own period (UTC; the trace states no zone); \
            tokens are conserved (sum of tokens/s x step = the trace's tokens). With --start and --steps or --days: \
            a profile for a site's horizon, rate(t) = scale x mean trace rate x diurnal weight of step t (24 hourly \
            weights with mean 1: flat, a cosine day, or a file). The scale is --scale (default 1), or set so the \
            profile's mean is --mean-tokens-per-second or its peak is --peak-tokens-per-second. \
            With --tokens-per-mwh, an mw column = tokens/s x 3600 / tokens per MWh. See docs/site-format.md, \
            "Inference in tokens". Exit 2 on bad input.
            """
    )

    @Argument(help: "Trace CSV with TIMESTAMP, ContextTokens, GeneratedTokens.")
    var trace: String

    @Option(help: "Step: whole minutes, as 5min, 15min, 1h, 60min.")
    var step: String = "1h"

    @Option(help: "Tokens counted: total (prompt + output), context (prompt) or generated (output).")
    var tokens: String = "total"

    @Option(help: "First step of a site profile (UTC, like 2025-01-01T00:00Z); without it, the trace's own period.")
    var start: String?

    @Option(help: "Steps of a site profile.")
    var steps: Int?

    @Option(help: "Days of a site profile (instead of --steps).")
    var days: Int?

    @Option(help: "Multiply the rate by this factor.")
    var scale: Double?

    @Option(name: .customLong("mean-tokens-per-second"), help: "Scale so the profile's mean rate is this, tokens/s.")
    var meanTokensPerSecond: Double?

    @Option(name: .customLong("peak-tokens-per-second"), help: "Scale so the profile's highest rate is this, tokens/s.")
    var peakTokensPerSecond: Double?

    @Option(help: "Diurnal shape of a site profile: flat or cosine (--amplitude, --peak-hour).")
    var diurnal: String = "flat"

    @Option(help: "Cosine day: relative swing, 0 to 1 (weight 1 +- amplitude).")
    var amplitude: Double = 0.3

    @Option(name: .customLong("peak-hour"), help: "Cosine day: hour of the peak, UTC (0 to 24).")
    var peakHour: Double = 15

    @Option(name: .customLong("diurnal-file"), help: "CSV of 24 hourly weights (column weight, hours 0-23 UTC in order), instead of --diurnal.")
    var diurnalFile: String?

    @Option(name: .customLong("tokens-per-mwh"), help: "Tokens per MWh at full power: adds an mw column.")
    var tokensPerMWh: Double?

    @Option(help: "Write the CSV here (default: standard output).")
    var out: String?

    @OptionGroup var global: GlobalOptions

    func run() throws {
        global.bootstrapLogging()
        let count = try parsedCount()
        let stepSeconds = try parsedStepSeconds()
        let shape = try parsedShape()
        let scaling = [scale != nil, meanTokensPerSecond != nil, peakTokensPerSecond != nil].filter { $0 }.count
        guard scaling <= 1 else { throw invalid("give at most one of --scale, --mean-tokens-per-second, --peak-tokens-per-second") }
        for (name, value) in [("--scale", scale), ("--mean-tokens-per-second", meanTokensPerSecond),
                              ("--peak-tokens-per-second", peakTokensPerSecond), ("--tokens-per-mwh", tokensPerMWh)] {
            if let value, !(value.isFinite && value > 0 && value < 1e15) { throw invalid("\(name) must be a positive number below 1e15, got \(value)") }
        }
        let request: RequestTrace
        do {
            request = try RequestTrace.read(url: URL(fileURLWithPath: trace), display: trace)
        } catch {
            throw invalid("\(error)")
        }
        let meanRate = request.meanTokensPerSecond(count)
        // The base series: the trace binned, or its mean rate shaped by the day.
        var startEpoch: Int64
        var base: [Double]
        if let start {
            guard let epoch = RequestTrace.parseUTC(start) else {
                throw invalid("--start \(start): expected a UTC time like 2025-01-01T00:00Z")
            }
            guard epoch % stepSeconds == 0 else { throw invalid("--start \(start) is not on a \(stepSeconds / 60)-minute boundary") }
            let count: Int
            switch (steps, days) {
            case (let steps?, nil): count = steps
            case (nil, let days?):
                guard days > 0, days <= 366 * 50 else { throw invalid("--days must be 1 to \(366 * 50), got \(days)") }
                count = Int(Int64(days) * 86_400 / stepSeconds)
            case (nil, nil): throw invalid("--start needs --steps or --days")
            default: throw invalid("give --steps or --days, not both")
            }
            guard count > 0, count <= 1_000_000 else { throw invalid("the profile must have 1 to 1000000 steps, got \(count)") }
            startEpoch = epoch
            base = (0..<count).map { meanRate * shape.meanWeight(startEpochSeconds: epoch + Int64($0) * stepSeconds, seconds: stepSeconds) }
        } else {
            guard steps == nil, days == nil else { throw invalid("--steps and --days need --start (a site profile)") }
            guard diurnal == "flat", diurnalFile == nil else { throw invalid("a diurnal shape needs --start (a site profile); the trace's own period keeps its shape") }
            (startEpoch, base) = request.binned(stepSeconds: stepSeconds, count: count)
        }
        let factor: Double
        if let scale { factor = scale }
        else if let mean = meanTokensPerSecond { factor = mean / (base.reduce(0, +) / Double(base.count)) }
        else if let peak = peakTokensPerSecond { factor = peak / (base.max() ?? 1) }
        else { factor = 1 }
        guard factor.isFinite else { throw invalid("the trace has no tokens to scale") }
        let rates = base.map { $0 * factor }
        var csv = "timestamp_utc,tokens_per_second" + (tokensPerMWh == nil ? "" : ",mw") + "\n"
        for (index, rate) in rates.enumerated() {
            let time = CivilTime(epochSeconds: startEpoch + Int64(index) * stepSeconds)
            csv += String(format: "%04d-%02d-%02dT%02d:%02d:%02dZ", time.year, time.month, time.day, time.hour, time.minute, time.second)
            csv += "," + Self.number(rate)
            if let tokensPerMWh { csv += "," + Self.number(rate * 3600 / tokensPerMWh) }
            csv += "\n"
        }
        let totalTokens = rates.reduce(0, +) * Double(stepSeconds)
        let summary = [
            "trace         \(request.arrivalEpochSeconds.count) requests, \(Self.number(request.tokens(count).reduce(0, +))) \(count.rawValue) tokens over \(Self.number(request.durationSeconds)) s (mean \(Self.number(meanRate)) tokens/s)",
            "profile       \(rates.count) steps of \(stepSeconds / 60) min from \(Horizon.format(epochSeconds: startEpoch)), scale \(Self.number(factor))",
            "              mean \(Self.number(rates.reduce(0, +) / Double(rates.count))) tokens/s, peak \(Self.number(rates.max() ?? 0)) tokens/s, \(Self.number(totalTokens)) tokens",
        ]
        if let out {
            do {
                try Data(csv.utf8).write(to: URL(fileURLWithPath: out), options: .atomic)
            } catch {
                throw CommandFailure(.ioFailure, "error: cannot write \(out): \(error.localizedDescription)")
            }
            printText((summary + ["written to    \(out)"]).joined(separator: "\n"))
        } else {
            FileHandle.standardError.write(Data((summary.joined(separator: "\n") + "\n").utf8))
            print(csv, terminator: "")
        }
    }

    private func invalid(_ message: String) -> CommandFailure { CommandFailure(.invalidInput, "error: \(message)") }

    private func parsedCount() throws -> RequestTrace.TokenCount {
        guard let count = RequestTrace.TokenCount(rawValue: tokens) else {
            throw invalid("--tokens \(tokens): expected total, context or generated")
        }
        return count
    }

    /// `5min`, `15min`, `1h`, `90min`: whole minutes, at most a day.
    private func parsedStepSeconds() throws -> Int64 {
        let text = step.lowercased()
        var minutes: Int?
        if text.hasSuffix("min"), let value = Int(text.dropLast(3)) { minutes = value }
        else if text.hasSuffix("h"), let value = Int(text.dropLast()) { minutes = value * 60 }
        guard let minutes, minutes >= 1, minutes <= 1440 else { throw invalid("--step \(step): expected whole minutes like 5min, 15min or 1h (at most 24h)") }
        return Int64(minutes) * 60
    }

    private func parsedShape() throws -> DiurnalShape {
        if let diurnalFile {
            guard diurnal == "flat" else { throw invalid("give --diurnal or --diurnal-file, not both") }
            guard let text = try? String(contentsOfFile: diurnalFile, encoding: .utf8) else { throw invalid("\(diurnalFile): cannot read the file") }
            let lines = text.split(whereSeparator: \.isNewline).map { $0.split(separator: ",", omittingEmptySubsequences: false).map { $0.trimmingCharacters(in: .whitespaces) } }
            guard let header = lines.first, let column = header.firstIndex(of: "weight") else { throw invalid("\(diurnalFile):1: needs a column \"weight\"") }
            var weights: [Double] = []
            for (offset, row) in lines.dropFirst().enumerated() {
                guard column < row.count, let value = Double(row[column]), value.isFinite, value >= 0 else {
                    throw invalid("\(diurnalFile):\(offset + 2) (column weight): expected a number >= 0")
                }
                weights.append(value)
            }
            guard let shape = DiurnalShape(normalising: weights) else { throw invalid("\(diurnalFile): needs 24 weights (hours 0-23 UTC) with a positive sum, got \(weights.count)") }
            return shape
        }
        switch diurnal {
        case "flat": return .flat
        case "cosine":
            guard (0...1).contains(amplitude) else { throw invalid("--amplitude must be in [0, 1], got \(amplitude)") }
            guard (0...24).contains(peakHour) else { throw invalid("--peak-hour must be in [0, 24], got \(peakHour)") }
            return .cosine(amplitude: amplitude, peakHourUTC: peakHour)
        default: throw invalid("--diurnal \(diurnal): expected flat or cosine (or --diurnal-file)")
        }
    }

    /// Shortest decimal that reads back the same, never an exponent.
    static func number(_ value: Double) -> String {
        if value == value.rounded(), abs(value) < 1e15 { return String(Int64(value)) }
        let text = "\(value)"
        guard text.contains("e") else { return text }
        var fixed = String(format: "%.12f", value)
        while fixed.hasSuffix("0") { fixed.removeLast() }
        return fixed
    }
}
