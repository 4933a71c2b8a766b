import Foundation

extension Horizon {
    /// Parses a timestamp as site files do, naive meaning UTC (`2025-07-14T00:00Z`,
    /// `2025-07-14 00:00`), into seconds since 1970; nil when it is not one.
    public static func parseUTC(_ text: String) -> Int64? {
        guard case .success(let epoch) = TimestampParser(zone: .utc).parse(Substring(text.trimmingCharacters(in: .whitespaces))) else {
            return nil
        }
        return epoch
    }
}
