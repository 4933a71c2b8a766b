/// What Insula reads from a data file, for `insula data inspect`: format, time base, gaps and
/// per-column statistics. Encoded as JSON with snake_case keys.
public struct DataInspection: Sendable, Encodable, Equatable {
    public struct Column: Sendable, Encodable, Equatable {
        public var name: String
        /// Unit as stated by the format (e.g. `km/h` for Open-Meteo wind), when known.
        public var unit: String?
        /// Values read (empty cells and missing-value sentinels excluded).
        public var count: Int
        /// Empty cells and missing-value sentinels.
        public var missing: Int
        public var minimum: Double?
        public var mean: Double?
        public var maximum: Double?
        /// Values below zero (negative prices are real and kept).
        public var negative: Int

        enum CodingKeys: String, CodingKey { case name, unit, count, missing, minimum = "min", mean, maximum = "max", negative }
    }

    /// A run of missing steps between two timestamps that are present.
    public struct Gap: Sendable, Encodable, Equatable {
        /// First missing step start, UTC.
        public var fromUTC: String
        /// Last missing step start, UTC.
        public var toUTC: String
        public var missingSteps: Int

        enum CodingKeys: String, CodingKey { case fromUTC = "from_utc", toUTC = "to_utc", missingSteps = "missing_steps" }
    }

    public var file: String
    /// `electricitymaps`, `day_ahead`, `epw`, `open_meteo`, `nsrdb`, `pvwatts` or `csv`.
    public var format: String
    /// Data rows (or time labels).
    public var rows: Int
    public var timestampColumn: String?
    /// How timestamps are read, e.g. `UTC`, `explicit offsets`, `Europe/Paris (wall clock)`,
    /// `fixed offset UTC+01:00 (no DST)`, `local standard time UTC-07:00, hour-ending`.
    public var timeZone: String
    /// First and last step start in UTC (absent for typical-year EPW and PVWatts files).
    public var firstUTC: String?
    public var lastUTC: String?
    /// For typical-year files: the months, days and hours covered (their gaps are local month-day times, not UTC).
    public var period: String?
    /// Most common spacing of consecutive timestamps, minutes.
    public var stepMinutes: Int?
    public var gaps: [Gap]
    public var missingSteps: Int
    /// UTC step starts that occur more than once.
    public var duplicates: [String]
    /// Naive local timestamps that do not exist in the zone (skipped by a daylight-saving change), as written.
    public var nonexistentLocalTimes: [String]
    /// Rows whose timestamp could not be read at all.
    public var unreadableTimestamps: Int
    public var columns: [Column]
    public var notes: [String]

    enum CodingKeys: String, CodingKey {
        case file, format, rows, timeZone = "time_zone", timestampColumn = "timestamp_column", firstUTC = "first_utc", lastUTC = "last_utc"
        case period, stepMinutes = "step_minutes", gaps, missingSteps = "missing_steps", duplicates
        case nonexistentLocalTimes = "nonexistent_local_times", unreadableTimestamps = "unreadable_timestamps", columns, notes
    }

    public func column(_ name: String) -> Column? { columns.first { $0.name == name } }
}
