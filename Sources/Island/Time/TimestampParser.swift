import Foundation

/// How naive timestamps (without `Z` or an offset) are read: UTC, a fixed offset, or an IANA zone.
public enum TimeZoneSpec: Sendable, Equatable {
    case utc
    /// A fixed offset east of UTC, in seconds (`+01:00` is 3600).
    case fixedOffset(seconds: Int)
    /// An IANA zone such as `Europe/Paris`, with daylight-saving time.
    case named(String)

    /// Parses `UTC`, `Z`, `+01:00`, `-0500`, `UTC+01:00` or an IANA name.
    /// - Returns: nil when the text is none of these.
    public init?(parsing text: String) {
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        if ["UTC", "utc", "Z", "GMT", "Etc/UTC"].contains(trimmed) {
            self = .utc
            return
        }
        var offsetText = Substring(trimmed)
        if offsetText.hasPrefix("UTC") || offsetText.hasPrefix("GMT") { offsetText = offsetText.dropFirst(3) }
        if let seconds = TimestampParser.parseOffset(offsetText) {
            self = seconds == 0 ? .utc : .fixedOffset(seconds: seconds)
            return
        }
        guard TimeZone(identifier: trimmed) != nil, trimmed.contains("/") || trimmed.count > 3 else { return nil }
        self = .named(trimmed)
    }
}

extension TimeZoneSpec {
    /// Seconds east of UTC in force at the UTC instant `epochSeconds` (daylight saving included).
    func offsetSeconds(atUTC epochSeconds: Int64) -> Int64 {
        switch self {
        case .utc: return 0
        case .fixedOffset(let seconds): return Int64(seconds)
        case .named(let name):
            guard let zone = TimeZone(identifier: name) else { return 0 }
            return Int64(zone.secondsFromGMT(for: Date(timeIntervalSince1970: TimeInterval(epochSeconds))))
        }
    }
}

/// Parses ISO 8601-like timestamps to UTC epoch seconds.
///
/// Accepted: `YYYY-MM-DD HH:MM[:SS[.fraction]]` or with `T`, optionally followed by `Z` or an
/// offset `±HH:MM` / `±HHMM` / `±HH`; a bare date `YYYY-MM-DD` is midnight. Naive timestamps are
/// read in the given zone. A fraction of a second must be all zeros (`.000`); any other is refused
/// (`Failure.fractionalSecond`) rather than dropped.
struct TimestampParser {
    let zone: TimeZoneSpec
    private let timeZone: TimeZone?

    /// Whether an ISO 8601 text carries its zone (`Z`, `+01:00`, `-0600`) after the time part.
    static func hasZoneDesignator(_ text: String) -> Bool {
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        if trimmed.hasSuffix("Z") || trimmed.hasSuffix("z") { return true }
        guard let separator = trimmed.firstIndex(where: { $0 == "T" || $0 == " " }) else { return false }
        return trimmed[separator...].contains(where: { $0 == "+" || $0 == "-" })
    }

    init(zone: TimeZoneSpec) {
        self.zone = zone
        if case .named(let name) = zone { timeZone = TimeZone(identifier: name) } else { timeZone = nil }
    }

    enum Failure: Error, Equatable {
        case malformed
        case invalidDate
        /// A non-zero fraction of a second (`01:00:00.999Z`): times are whole seconds.
        case fractionalSecond
        /// A local time skipped by a daylight-saving change (e.g. 02:30 on the spring-forward day).
        case nonexistentLocalTime(String, approximateEpochSeconds: Int64)
    }

    func parse(_ text: Substring) -> Result<Int64, Failure> {
        let bytes = Array(text.utf8)
        var index = 0
        while index < bytes.count, bytes[index] == 0x20 { index += 1 }
        var end = bytes.count
        while end > index, bytes[end - 1] == 0x20 || bytes[end - 1] == 0x0D { end -= 1 }

        func digits(_ count: Int) -> Int? {
            guard index + count <= end else { return nil }
            var value = 0
            for offset in 0..<count {
                let byte = bytes[index + offset]
                guard byte >= 0x30, byte <= 0x39 else { return nil }
                value = value * 10 + Int(byte - 0x30)
            }
            index += count
            return value
        }
        func expect(_ byte: UInt8) -> Bool {
            guard index < end, bytes[index] == byte else { return false }
            index += 1
            return true
        }

        guard let year = digits(4), expect(0x2D), let month = digits(2), expect(0x2D), let day = digits(2) else {
            return .failure(.malformed)
        }
        var hour = 0, minute = 0, second = 0
        if index < end, bytes[index] == 0x54 || bytes[index] == 0x20 {  // 'T' or ' '
            index += 1
            guard let parsedHour = digits(2), expect(0x3A), let parsedMinute = digits(2) else {
                return .failure(.malformed)
            }
            hour = parsedHour
            minute = parsedMinute
            if index < end, bytes[index] == 0x3A {
                index += 1
                guard let parsedSecond = digits(2) else { return .failure(.malformed) }
                second = parsedSecond
                if index < end, bytes[index] == 0x2E || bytes[index] == 0x2C {  // fraction
                    index += 1
                    let fractionStart = index
                    var nonZero = false
                    while index < end, bytes[index] >= 0x30, bytes[index] <= 0x39 {
                        if bytes[index] != 0x30 { nonZero = true }
                        index += 1
                    }
                    guard index > fractionStart else { return .failure(.malformed) }
                    // 01:00:00.999 is not 01:00: only a fraction of zeros is read.
                    if nonZero { return .failure(.fractionalSecond) }
                }
            }
        }
        // EPW-style 24:00 is not accepted here; hour must be 0-23.
        let civil = CivilTime(year: year, month: month, day: day, hour: hour, minute: minute, second: second)
        guard civil.isValid else { return .failure(.invalidDate) }
        let wall = civil.epochSeconds

        if index == end { return utcEpochSeconds(wall: wall, text: String(text)) }
        if bytes[index] == 0x5A || bytes[index] == 0x7A {  // Z
            return index + 1 == end ? .success(wall) : .failure(.malformed)
        }
        let offsetText = String(decoding: bytes[index..<end], as: UTF8.self)
        guard let offset = TimestampParser.parseOffset(Substring(offsetText)) else { return .failure(.malformed) }
        return .success(wall - Int64(offset))
    }

    /// UTC epoch seconds of a naive wall time (`wall` is that time read as UTC) in this zone.
    /// - Parameter text: the time as written, for the non-existent-local-time failure.
    func utcEpochSeconds(wall: Int64, text: @autoclosure () -> String) -> Result<Int64, Failure> {
        switch zone {
        case .utc:
            return .success(wall)
        case .fixedOffset(let seconds):
            return .success(wall - Int64(seconds))
        case .named:
            guard let timeZone else { return .success(wall) }
            // Offsets in force a day either side bound the candidates (DST changes are months apart).
            // An ambiguous (repeated) local time resolves to its first occurrence; a skipped one is
            // reported rather than guessed.
            func offset(at epoch: Int64) -> Int64 {
                Int64(timeZone.secondsFromGMT(for: Date(timeIntervalSince1970: Double(epoch))))
            }
            let candidates = Set([offset(at: wall - 86_400), offset(at: wall + 86_400), offset(at: wall)])
            let valid = candidates.map { wall - $0 }.filter { offset(at: $0) == wall - $0 }
            guard let utc = valid.min() else {
                return .failure(.nonexistentLocalTime(text(), approximateEpochSeconds: wall - offset(at: wall)))
            }
            return .success(utc)
        }
    }

    /// `+01:00`, `-0500`, `+01` -> seconds east of UTC.
    static func parseOffset(_ text: Substring) -> Int? {
        let bytes = Array(text.utf8)
        guard let sign = bytes.first, sign == 0x2B || sign == 0x2D else { return nil }
        let digitsOnly = bytes.dropFirst().filter { $0 != 0x3A }
        guard digitsOnly.count == 2 || digitsOnly.count == 4,
              digitsOnly.allSatisfy({ $0 >= 0x30 && $0 <= 0x39 }),
              bytes.dropFirst().filter({ $0 == 0x3A }).count <= 1 else { return nil }
        let numbers = digitsOnly.map { Int($0 - 0x30) }
        let hours = numbers[0] * 10 + numbers[1]
        let minutes = numbers.count == 4 ? numbers[2] * 10 + numbers[3] : 0
        guard hours <= 18, minutes < 60 else { return nil }
        let seconds = hours * 3600 + minutes * 60
        return sign == 0x2D ? -seconds : seconds
    }
}

/// Timestamp reading for other modules (reports, inspection): the same rules as site series.
public enum Timestamps {
    /// UTC epoch seconds of `text` (naive timestamps read in `zone`); nil when unreadable or a
    /// local time skipped by a daylight-saving change.
    public static func epochSeconds(_ text: String, zone: TimeZoneSpec = .utc) -> Int64? {
        if case .success(let epoch) = TimestampParser(zone: zone).parse(Substring(text)) { return epoch }
        return nil
    }
}
