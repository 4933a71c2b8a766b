import Foundation
import Island

/// Tick positions and labels for chart axes.
enum AxisTicks {
    /// A "nice" range and step (1, 2 or 5 x 10^k) covering `low...high` in about `target` ticks.
    static func linear(low: Double, high: Double, target: Int = 6) -> (low: Double, high: Double, step: Double) {
        var low = low, high = high
        if !low.isFinite || !high.isFinite { return (0, 1, 0.2) }
        if high - low < 1e-6 * max(1, abs(high), abs(low)) {
            // A flat series (or solver noise around one value): open a band so it draws mid-chart.
            let pad = abs(high) > 1e-6 ? abs(high) * 0.1 : 1
            low -= pad
            high += pad
        }
        let rough = (high - low) / Double(max(target, 2))
        let magnitude = pow(10, floor(log10(rough)))
        let step = [1.0, 2, 5, 10].map { $0 * magnitude }.first { $0 >= rough } ?? 10 * magnitude
        return (floor(low / step + 1e-6) * step, ceil(high / step - 1e-6) * step, step)
    }

    static func values(low: Double, high: Double, step: Double) -> [Double] {
        guard step > 0 else { return [low] }
        var values: [Double] = []
        var value = low
        while value <= high + step * 1e-6 {
            values.append(abs(value) < step * 1e-9 ? 0 : value)
            value += step
        }
        return values
    }

    /// A tick label: thousands separated, as few decimals as the step needs.
    static func label(_ value: Double, step: Double) -> String {
        let decimals = step >= 1 ? 0 : min(6, Int(ceil(-log10(step) - 1e-9)))
        return ReportFormat.number(value, decimals: decimals)
    }

    private static let monthNames = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]

    /// Time ticks on whole hours, days or months (UTC) giving at most about `target` ticks.
    static func time(startEpochSeconds: Int64, endEpochSeconds: Int64, target: Int = 8) -> [(epochSeconds: Int64, label: String)] {
        let span = max(endEpochSeconds - startEpochSeconds, 1)
        let hour: Int64 = 3600, day: Int64 = 86_400
        let stepChoices: [Int64] = [hour, 3 * hour, 6 * hour, 12 * hour, day, 2 * day, 7 * day, 14 * day]
        if let step = stepChoices.first(where: { span / $0 <= Int64(target) }) {
            var ticks: [(Int64, String)] = []
            var tick = (startEpochSeconds + step - 1) / step * step
            if step == 7 * day || step == 14 * day {
                // Weekly ticks on Mondays (1970-01-01 was a Thursday).
                tick = ((startEpochSeconds - 4 * day + step - 1) / step) * step + 4 * day
            }
            while tick <= endEpochSeconds {
                let civil = CivilTime(epochSeconds: tick)
                let date = "\(monthNames[civil.month - 1]) \(civil.day)"
                let label = step < day
                    ? (civil.hour == 0 ? date : String(format: "%02d:%02d", civil.hour, civil.minute))
                    : date
                ticks.append((tick, label))
                tick += step
            }
            return ticks
        }
        // Months (every 1, 2, 3 or 6), labelled "Jan 2025" at a year start or the first tick.
        let startCivil = CivilTime(epochSeconds: startEpochSeconds)
        let months = Int(span / (30 * day))
        let every = [1, 2, 3, 6, 12].first { months / $0 <= target } ?? 12
        var year = startCivil.year, month = startCivil.month
        if CivilTime(year: year, month: month, day: 1).epochSeconds < startEpochSeconds {
            month += 1
            if month > 12 { month = 1; year += 1 }
        }
        while (month - 1) % every != 0 {
            month += 1
            if month > 12 { month = 1; year += 1 }
        }
        var ticks: [(Int64, String)] = []
        while true {
            let epoch = CivilTime(year: year, month: month, day: 1).epochSeconds
            if epoch > endEpochSeconds { break }
            ticks.append((epoch, month == 1 || ticks.isEmpty ? "\(monthNames[month - 1]) \(year)" : monthNames[month - 1]))
            month += every
            while month > 12 { month -= 12; year += 1 }
        }
        return ticks
    }
}

/// Number and time formatting shared by tables and charts.
public enum ReportFormat {
    /// `value` with `decimals` decimals and thin-space-free comma thousands (1,234,567.8).
    public static func number(_ value: Double, decimals: Int = 0) -> String {
        guard value.isFinite else { return value.isNaN ? "–" : (value > 0 ? "∞" : "-∞") }
        let text = String(format: "%.\(max(0, decimals))f", value)
        let negative = text.hasPrefix("-")
        let body = negative ? String(text.dropFirst()) : text
        let parts = body.split(separator: ".", maxSplits: 1)
        var integer = String(parts[0])
        var grouped = ""
        while integer.count > 3 {
            grouped = "," + integer.suffix(3) + grouped
            integer = String(integer.dropLast(3))
        }
        grouped = integer + grouped
        let result = parts.count > 1 ? grouped + "." + parts[1] : grouped
        return negative && result.contains(where: { $0 != "0" && $0 != "." && $0 != "," }) ? "-" + result : result
    }

    /// Whole numbers as they are, others to three significant figures (trailing zeros dropped).
    public static func significant(_ value: Double) -> String {
        guard value.isFinite, value != 0, value != value.rounded() else { return number(value) }
        let magnitude = abs(value)
        if magnitude >= 1000 { return number(value) }
        let decimals = max(0, 2 - Int(floor(log10(magnitude))))
        var text = number(value, decimals: min(decimals, 6))
        while text.contains("."), text.hasSuffix("0") { text.removeLast() }
        if text.hasSuffix(".") { text.removeLast() }
        return text
    }

    /// `2025-07-14 15:00` (UTC).
    public static func time(_ epochSeconds: Int64) -> String {
        let civil = CivilTime(epochSeconds: epochSeconds)
        return String(format: "%04d-%02d-%02d %02d:%02d", civil.year, civil.month, civil.day, civil.hour, civil.minute)
    }

    /// `2025-07-14` (UTC).
    public static func date(_ epochSeconds: Int64) -> String { String(time(epochSeconds).prefix(10)) }
}
