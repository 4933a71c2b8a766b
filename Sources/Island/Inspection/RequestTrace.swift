import Foundation

/// An LLM request trace (Azure LLM inference traces, Patel et al., "Splitwise", ISCA 2024):
/// one row per request with its arrival time and prompt and output token counts.
///
/// Columns: `TIMESTAMP` (`YYYY-MM-DD HH:MM:SS[.fffffff]`, read as UTC: the dataset does not
/// state a zone), `ContextTokens` (prompt), `GeneratedTokens` (output).
public struct RequestTrace: Sendable {
    /// Which tokens a profile counts.
    public enum TokenCount: String, Sendable, CaseIterable {
        case total, context, generated
    }

    /// Arrival of each request, seconds since 1970 (fractional), in file order.
    public var arrivalEpochSeconds: [Double]
    public var contextTokens: [Double]
    public var generatedTokens: [Double]

    /// A bad trace file: the file, the 1-based line and the column when known.
    public struct ReadError: Error, CustomStringConvertible, Sendable {
        public var file: String
        public var line: Int?
        public var column: String?
        public var message: String
        public var description: String {
            "\(file)\(line.map { ":\($0)" } ?? "")\(column.map { " (column \($0))" } ?? ""): \(message)"
        }
    }

    public init(arrivalEpochSeconds: [Double], contextTokens: [Double], generatedTokens: [Double]) {
        self.arrivalEpochSeconds = arrivalEpochSeconds
        self.contextTokens = contextTokens
        self.generatedTokens = generatedTokens
    }

    /// Reads a trace CSV; every row must parse, and arrivals must not go back in time.
    public static func read(url: URL, display: String) throws -> RequestTrace {
        let data: Data
        switch LoadContext.readRegularFile(at: url, maximumLineBytes: 1 << 16) {
        case .success(let contents): data = contents
        case .failure(let failure): throw ReadError(file: display, line: nil, column: nil, message: failure.message)
        }
        guard let text = String(data: data, encoding: .utf8) else {
            throw ReadError(file: display, line: nil, column: nil, message: "not UTF-8 text")
        }
        var lines = text.split(omittingEmptySubsequences: false, whereSeparator: { $0 == "\n" || $0 == "\r\n" })
        while let last = lines.last, last.trimmingCharacters(in: .whitespaces).isEmpty { lines.removeLast() }
        guard let headerLine = lines.first else { throw ReadError(file: display, line: 1, column: nil, message: "empty file") }
        let header = headerLine.split(separator: ",", omittingEmptySubsequences: false).map { $0.trimmingCharacters(in: .whitespaces) }
        func index(_ name: String) throws -> Int {
            guard let found = header.firstIndex(of: name) else {
                throw ReadError(file: display, line: 1, column: name,
                                message: "missing column \(Echo.quoted(name)) (an Azure LLM trace has TIMESTAMP, ContextTokens, GeneratedTokens; got \(header.map { Echo.quoted($0) }.joined(separator: ", ")))")
            }
            return found
        }
        let timeIndex = try index("TIMESTAMP"), contextIndex = try index("ContextTokens"), generatedIndex = try index("GeneratedTokens")
        var trace = RequestTrace(arrivalEpochSeconds: [], contextTokens: [], generatedTokens: [])
        for (offset, line) in lines.enumerated().dropFirst() {
            let number = offset + 1
            let cells = line.split(separator: ",", omittingEmptySubsequences: false).map { $0.trimmingCharacters(in: .whitespaces) }
            guard cells.count == header.count else {
                throw ReadError(file: display, line: number, column: nil, message: "expected \(header.count) fields, got \(cells.count)")
            }
            guard let arrival = parseTimestamp(cells[timeIndex]) else {
                throw ReadError(file: display, line: number, column: "TIMESTAMP",
                                message: "expected a time like 2023-11-16 18:17:03.9799600, got \(Echo.quoted(cells[timeIndex]))")
            }
            if let previous = trace.arrivalEpochSeconds.last, arrival < previous {
                throw ReadError(file: display, line: number, column: "TIMESTAMP", message: "arrivals go back in time (\(cells[timeIndex]) after a later one)")
            }
            var counts: [Double] = []
            for (column, position) in [("ContextTokens", contextIndex), ("GeneratedTokens", generatedIndex)] {
                guard let value = Double(cells[position]), value.isFinite, value >= 0, value == value.rounded(), value < 1e9 else {
                    throw ReadError(file: display, line: number, column: column,
                                    message: "expected a whole number of tokens (0 to 1e9), got \(Echo.quoted(cells[position]))")
                }
                counts.append(value)
            }
            trace.arrivalEpochSeconds.append(arrival)
            trace.contextTokens.append(counts[0])
            trace.generatedTokens.append(counts[1])
        }
        guard trace.arrivalEpochSeconds.count >= 2 else {
            throw ReadError(file: display, line: nil, column: nil, message: "needs at least two requests to measure a rate, got \(trace.arrivalEpochSeconds.count)")
        }
        return trace
    }

    /// A UTC instant as site files write it (`2025-01-01T00:00Z`), seconds since 1970; nil when unreadable.
    public static func parseUTC(_ text: String) -> Int64? {
        guard case .success(let epoch) = TimestampParser(zone: .utc).parse(Substring(text)) else { return nil }
        return epoch
    }

    /// `YYYY-MM-DD HH:MM:SS` with any number of fractional digits (or a `T` separator), as UTC.
    static func parseTimestamp(_ text: String) -> Double? {
        let parts = text.split(whereSeparator: { $0 == " " || $0 == "T" })
        guard parts.count == 2 else { return nil }
        let date = parts[0].split(separator: "-"), time = parts[1].split(separator: ":")
        guard date.count == 3, time.count == 3, let year = Int(date[0]), let month = Int(date[1]), let day = Int(date[2]),
              let hour = Int(time[0]), let minute = Int(time[1]), let seconds = Double(time[2]), seconds >= 0, seconds < 60 else { return nil }
        let civil = CivilTime(year: year, month: month, day: day, hour: hour, minute: minute, second: 0)
        guard civil.isValid, (1900...9999).contains(year) else { return nil }
        return Double(civil.epochSeconds) + seconds
    }

    /// Tokens of each request under `count`.
    public func tokens(_ count: TokenCount) -> [Double] {
        switch count {
        case .total: return zip(contextTokens, generatedTokens).map { $0 + $1 }
        case .context: return contextTokens
        case .generated: return generatedTokens
        }
    }

    /// Seconds the trace covers: from the first arrival to the last, plus one mean gap between
    /// arrivals (n arrivals mark n intervals), so that the mean rate is tokens / duration.
    public var durationSeconds: Double {
        let span = arrivalEpochSeconds[arrivalEpochSeconds.count - 1] - arrivalEpochSeconds[0]
        return span * Double(arrivalEpochSeconds.count) / Double(arrivalEpochSeconds.count - 1)
    }

    /// Mean token rate of the trace, tokens/s.
    public func meanTokensPerSecond(_ count: TokenCount) -> Double {
        tokens(count).reduce(0, +) / durationSeconds
    }

    /// The trace binned at `stepSeconds` from the step boundary at or before its first arrival
    /// (boundaries on multiples of the step since 1970): tokens in each bin / step seconds.
    /// Conserves tokens: sum(rate) x step = the trace's tokens.
    public func binned(stepSeconds: Int64, count: TokenCount) -> (startEpochSeconds: Int64, tokensPerSecond: [Double]) {
        let start = Int64((arrivalEpochSeconds[0] / Double(stepSeconds)).rounded(.down)) * stepSeconds
        let last = Int64((arrivalEpochSeconds[arrivalEpochSeconds.count - 1] - Double(start)) / Double(stepSeconds))
        var rates = [Double](repeating: 0, count: Int(last) + 1)
        for (arrival, tokens) in zip(arrivalEpochSeconds, tokens(count)) {
            let bin = Int((arrival - Double(start)) / Double(stepSeconds))
            rates[bin] += tokens / Double(stepSeconds)
        }
        return (start, rates)
    }
}

/// A diurnal shape: 24 hourly weights with mean 1 (hour of day in UTC).
public struct DiurnalShape: Sendable, Equatable {
    public var weights: [Double]

    /// Every hour alike.
    public static let flat = DiurnalShape(normalising: [Double](repeating: 1, count: 24))!

    /// `1 + amplitude x cos(2 pi (h + 0.5 - peakHour) / 24)` at each hour's midpoint: a
    /// one-peak day, the user naming its amplitude (0 to 1) and its peak hour (UTC).
    public static func cosine(amplitude: Double, peakHourUTC: Double) -> DiurnalShape {
        let weights = (0..<24).map { (hour: Int) -> Double in
            let phase: Double = 2 * Double.pi * (Double(hour) + 0.5 - peakHourUTC) / 24
            return 1 + amplitude * cos(phase)
        }
        return DiurnalShape(normalising: weights)!
    }

    /// Weights scaled to mean 1; nil unless there are 24 finite, non-negative weights with a positive sum.
    public init?(normalising weights: [Double]) {
        guard weights.count == 24, weights.allSatisfy({ $0.isFinite && $0 >= 0 }) else { return nil }
        let mean = weights.reduce(0, +) / 24
        guard mean > 0 else { return nil }
        self.weights = weights.map { $0 / mean }
    }

    /// Mean weight over [start, start + seconds), hour by hour (exact for any step).
    public func meanWeight(startEpochSeconds: Int64, seconds: Int64) -> Double {
        var total = 0.0, at = startEpochSeconds
        let end = startEpochSeconds + seconds
        while at < end {
            let hour = Int(((at % 86_400) + 86_400) % 86_400 / 3600)
            let next = min(end, (at / 3600 + 1) * 3600)
            total += weights[hour] * Double(next - at)
            at = next
        }
        return total / Double(seconds)
    }
}
