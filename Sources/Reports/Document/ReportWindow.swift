import Foundation
import Island

/// The stretch of a run drawn at full resolution: `START..END`, END exclusive, UTC.
public struct ReportWindow: Sendable, Equatable {
    public var startEpochSeconds: Int64
    public var endEpochSeconds: Int64

    public init(startEpochSeconds: Int64, endEpochSeconds: Int64) {
        self.startEpochSeconds = startEpochSeconds
        self.endEpochSeconds = endEpochSeconds
    }

    /// Parses `2025-07-10..2025-07-17` or `2025-07-10T06:00Z..2025-07-11T06:00Z` (dates are 00:00 UTC).
    /// - Returns: nil when either end is unreadable or the end is not after the start.
    public init?(parsing text: String) {
        let parts = text.components(separatedBy: "..")
        guard parts.count == 2, let start = Timestamps.epochSeconds(parts[0]), let end = Timestamps.epochSeconds(parts[1]),
              end > start else { return nil }
        self.init(startEpochSeconds: start, endEpochSeconds: end)
    }

    /// The default window: seven days from the start of the first day with training power (so the
    /// picture shows load shifting), else from the start of the run; all of it when shorter.
    static func defaultWeek(of epochSeconds: [Int64], trainingMW: [Double]) -> ReportWindow {
        var start = epochSeconds.first ?? 0
        if let first = trainingMW.firstIndex(where: { $0 > 1e-3 }) {
            start = max(start, epochSeconds[first] - epochSeconds[first] % 86_400)
        }
        return ReportWindow(startEpochSeconds: start, endEpochSeconds: start + 7 * 86_400)
    }

    var label: String {
        "\(ReportFormat.time(startEpochSeconds)) to \(ReportFormat.time(endEpochSeconds)) UTC"
    }
}
