import Foundation

/// The planning horizon: `steps` equal steps of `stepMinutes` starting at `startUTC`.
public struct Horizon: Sendable, Equatable {
    /// Largest accepted horizon: three years at 15 minutes (3 x 366 x 96 steps).
    public static let maximumSteps = 105_408
    /// Earliest start: 1900-01-01T00:00Z.
    public static let earliestStartEpochSeconds: Int64 = -2_208_988_800
    /// The horizon must end by 10000-01-01T00:00Z (its last step starts in 9999): timestamps are written with four-digit
    /// years, and a run folder's `dispatch.csv` must read back (`insula report`).
    public static let endBeforeEpochSeconds: Int64 = 253_402_300_800
    /// Accepted step lengths in minutes.
    public static let allowedStepMinutes = [15, 30, 60]

    /// Start of step 0, in seconds since 1970-01-01T00:00Z.
    public let startEpochSeconds: Int64
    public let steps: Int
    public let stepMinutes: Int

    /// - Precondition: `steps > 0` and `stepMinutes` is 15, 30 or 60 (the loader checks user input).
    public init(startEpochSeconds: Int64, steps: Int, stepMinutes: Int) {
        precondition(steps > 0 && Horizon.allowedStepMinutes.contains(stepMinutes), "invalid horizon")
        self.startEpochSeconds = startEpochSeconds
        self.steps = steps
        self.stepMinutes = stepMinutes
    }

    public init(startUTC: Date, steps: Int, stepMinutes: Int) {
        self.init(startEpochSeconds: Int64(startUTC.timeIntervalSince1970.rounded()), steps: steps,
                  stepMinutes: stepMinutes)
    }

    public var startUTC: Date { Date(timeIntervalSince1970: TimeInterval(startEpochSeconds)) }
    /// End of the last step (exclusive).
    public var endUTC: Date { Date(timeIntervalSince1970: TimeInterval(endEpochSeconds)) }
    public var endEpochSeconds: Int64 { startEpochSeconds + Int64(steps) * stepSeconds }
    public var stepSeconds: Int64 { Int64(stepMinutes) * 60 }
    /// Step length in hours (0.25, 0.5 or 1): multiply MW by this to get MWh per step.
    public var stepHours: Double { Double(stepMinutes) / 60 }
    /// Total length in hours.
    public var hours: Double { Double(steps) * stepHours }

    /// Start of `step` (0-based).
    public func timestamp(_ step: Int) -> Date {
        Date(timeIntervalSince1970: TimeInterval(epochSeconds(step)))
    }

    public func epochSeconds(_ step: Int) -> Int64 { startEpochSeconds + Int64(step) * stepSeconds }

    /// Start of `step` as `yyyy-MM-ddTHH:mmZ`, e.g. `2025-07-14T15:00Z`.
    public func label(_ step: Int) -> String { Horizon.format(epochSeconds: epochSeconds(step)) }

    /// The step whose interval contains `epochSeconds`, or nil outside the horizon.
    public func step(containing epochSeconds: Int64) -> Int? {
        guard epochSeconds >= startEpochSeconds, epochSeconds < endEpochSeconds else { return nil }
        return Int((epochSeconds - startEpochSeconds) / stepSeconds)
    }

    /// Formats a UTC instant as `yyyy-MM-ddTHH:mmZ`, or `yyyy-MM-ddTHH:mm:ssZ` when its seconds
    /// are not zero (an off-grid timestamp is shown as it is, never as the minute before it).
    public static func format(_ date: Date) -> String {
        format(epochSeconds: Int64(date.timeIntervalSince1970.rounded(.down)))
    }

    public static func format(epochSeconds: Int64) -> String {
        let parts = CivilTime(epochSeconds: epochSeconds)
        guard (0...9999).contains(parts.year) else {
            if parts.second != 0 {
                return String(format: "%04d-%02d-%02dT%02d:%02d:%02dZ", parts.year, parts.month, parts.day, parts.hour,
                              parts.minute, parts.second)
            }
            return String(format: "%04d-%02d-%02dT%02d:%02dZ", parts.year, parts.month, parts.day, parts.hour, parts.minute)
        }
        // Digits written by hand: every schedule step gets a label, and `String(format:)` was
        // 4 % of a receding-horizon run's profile (insula bench operate).
        var bytes: [UInt8] = []
        bytes.reserveCapacity(20)
        func digits(_ value: Int, _ count: Int) {
            var divisor = 1
            for _ in 1..<count { divisor *= 10 }
            var rest = value
            while divisor > 0 {
                bytes.append(UInt8(48 + rest / divisor))
                rest %= divisor
                divisor /= 10
            }
        }
        digits(parts.year, 4); bytes.append(45)      // -
        digits(parts.month, 2); bytes.append(45)     // -
        digits(parts.day, 2); bytes.append(84)       // T
        digits(parts.hour, 2); bytes.append(58)      // :
        digits(parts.minute, 2)
        if parts.second != 0 { bytes.append(58); digits(parts.second, 2) }
        bytes.append(90)                             // Z
        return String(decoding: bytes, as: UTF8.self)
    }
}
