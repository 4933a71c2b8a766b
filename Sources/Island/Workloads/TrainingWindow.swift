import Foundation

/// A weekly time-of-day window in a time zone, e.g. 22:00-06:00 on weekdays in Europe/Paris.
///
/// A step is inside when its start is: local minute of day in [open, close) (a window that
/// wraps midnight, close <= open, runs from open to close the next day), on a listed day. A
/// window that wraps midnight belongs to the day it opens: `22:00-06:00` on Friday includes
/// Saturday 02:00 and not Friday 02:00.
public struct TrainingWindow: Sendable, Equatable {
    /// Local minute of the day the window opens, 0-1439.
    public var openMinute: Int
    /// Local minute of the day it closes (exclusive), 1-1440; equal to `openMinute` + 1440 or to
    /// `openMinute` means the whole day.
    public var closeMinute: Int
    /// Days the window opens on: 0 = Monday ... 6 = Sunday.
    public var days: Set<Int>
    public var zone: TimeZoneSpec

    public init(openMinute: Int, closeMinute: Int, days: Set<Int> = Set(0..<7), zone: TimeZoneSpec = .utc) {
        self.openMinute = openMinute
        self.closeMinute = closeMinute
        self.days = days
        self.zone = zone
    }

    /// Whether the instant lies inside the window.
    public func contains(epochSeconds: Int64) -> Bool {
        let local = epochSeconds + Int64(offsetSeconds(at: epochSeconds))
        let dayNumber = Int(floorDiv(local, 86_400))
        let minute = Int(local - Int64(dayNumber) * 86_400) / 60
        // 1970-01-01 was a Thursday (3 with Monday = 0).
        let weekday = ((dayNumber + 3) % 7 + 7) % 7
        let close = closeMinute % 1440
        if close == openMinute { return days.contains(weekday) }
        if openMinute < close { return minute >= openMinute && minute < close && days.contains(weekday) }
        return (minute >= openMinute && days.contains(weekday)) || (minute < close && days.contains((weekday + 6) % 7))
    }

    /// Seconds east of UTC at the instant.
    func offsetSeconds(at epochSeconds: Int64) -> Int {
        switch zone {
        case .utc: return 0
        case .fixedOffset(let seconds): return seconds
        case .named(let name):
            return TimeZone(identifier: name)?.secondsFromGMT(for: Date(timeIntervalSince1970: TimeInterval(epochSeconds))) ?? 0
        }
    }

    /// Parses `HH:MM-HH:MM` (24:00 allowed as a close) into open and close minutes.
    public static func parseHours(_ text: String) -> (open: Int, close: Int)? {
        let parts = text.split(separator: "-", omittingEmptySubsequences: false).map { $0.trimmingCharacters(in: .whitespaces) }
        guard parts.count == 2, let open = minute(parts[0]), let close = minute(parts[1]), open < 1440 else { return nil }
        return (open, close)
    }

    private static func minute(_ text: String) -> Int? {
        let fields = text.split(separator: ":", omittingEmptySubsequences: false)
        guard fields.count == 2, fields[0].count == 2, fields[1].count == 2,
              let hour = Int(fields[0]), let minute = Int(fields[1]), (0...24).contains(hour), (0...59).contains(minute),
              hour * 60 + minute <= 1440 else { return nil }
        return hour * 60 + minute
    }

    /// Day names as written in `run_days`.
    public static let dayNames = ["mon", "tue", "wed", "thu", "fri", "sat", "sun"]
}
