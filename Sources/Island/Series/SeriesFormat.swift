/// Named file formats for CSV series references (`format:`), so analysts need not copy column
/// names such as `Carbon Intensity gCO₂eq/kWh (direct)` into every site file.
enum SeriesFormat: String, CaseIterable {
    /// Electricity Maps hourly exports: `Datetime (UTC)`, direct and life-cycle intensity, low-carbon share in %.
    case electricityMaps = "electricitymaps"
    /// Day-ahead price files: `Datetime` (naive local or UTC, or with an offset) and one `Price (...)` column.
    case dayAhead = "day_ahead"

    /// Which carbon-intensity column of an Electricity Maps file to read.
    enum Basis: String, CaseIterable {
        /// Operational (scope 2) emissions.
        case direct
        /// Life-cycle emissions.
        case lifecycle
    }

    struct Defaults: Equatable {
        var column: String
        var timestampColumn: String
        var scale: Double
    }

    /// The column, timestamp column and scale this format gives for the series at `key`.
    /// - Returns: a message when the format has nothing for that key or the file lacks the column.
    func defaults(forKey key: String, basis: Basis, header: [String]) -> Result<Defaults, FormatMismatch> {
        switch self {
        case .electricityMaps:
            let timestamp = "Datetime (UTC)"
            if key.hasPrefix("carbon_intensity") {
                let column = basis == .direct ? "Carbon Intensity gCO₂eq/kWh (direct)" : "Carbon Intensity gCO₂eq/kWh (LCA)"
                return .success(Defaults(column: column, timestampColumn: timestamp, scale: 1))
            }
            if key == "carbon_free_share" {
                // Percent in the file, a fraction in the site model.
                return .success(Defaults(column: "Low Carbon Percentage", timestampColumn: timestamp, scale: 0.01))
            }
            return .failure(FormatMismatch(message: "format electricitymaps gives carbon_intensity_g_per_kwh and carbon_free_share, not \(key); give column"))
        case .dayAhead:
            let prices = header.filter { $0.trimmingCharacters(in: .whitespaces).hasPrefix("Price") }
            guard prices.count == 1 else {
                return .failure(FormatMismatch(message: prices.isEmpty
                    ? "format day_ahead expects one column named \"Price (...)\"; columns: \(header.joined(separator: ", "))"
                    : "format day_ahead found several price columns (\(prices.joined(separator: ", "))); give column"))
            }
            return .success(Defaults(column: prices[0], timestampColumn: "Datetime", scale: 1))
        }
    }

    struct FormatMismatch: Error { let message: String }
}

/// What to do with steps a series file has no value for (`fill:`).
enum GapFill: String, CaseIterable {
    /// Report every missing step (the default: gaps are never filled silently).
    case error
    /// Carry the last earlier value forward (also from a row before the horizon).
    case previous
    /// Interpolate linearly in time between the neighbouring values (also rows outside the horizon).
    case interpolate

    /// A run of steps without a value.
    struct Gap: Equatable {
        var firstStep: Int
        var lastStep: Int
    }

    /// Fills the nil entries of `values` (one per step, starting at `epochSeconds[i]`).
    /// - Parameters:
    ///   - before: the latest value before the first step, with its time, if the file has one.
    ///   - after: the earliest value after the last step, with its time.
    /// - Returns: the filled values, and the gaps that could not be filled (all of them with `.error`).
    func fill(_ values: [Double?], epochSeconds: (Int) -> Int64, before: (epoch: Int64, value: Double)?,
              after: (epoch: Int64, value: Double)?) -> (values: [Double], unfilled: [Gap]) {
        var filled = [Double](repeating: 0, count: values.count)
        var unfilled: [Gap] = []
        var step = 0
        var previous = before
        while step < values.count {
            if let value = values[step] {
                filled[step] = value
                previous = (epochSeconds(step), value)
                step += 1
                continue
            }
            var last = step
            while last + 1 < values.count, values[last + 1] == nil { last += 1 }
            let next: (epoch: Int64, value: Double)? = last + 1 < values.count
                ? (epochSeconds(last + 1), values[last + 1]!) : after
            switch self {
            case .error:
                unfilled.append(Gap(firstStep: step, lastStep: last))
            case .previous:
                if let previous {
                    for index in step...last { filled[index] = previous.value }
                } else {
                    unfilled.append(Gap(firstStep: step, lastStep: last))
                }
            case .interpolate:
                if let previous, let next {
                    let span = Double(next.epoch - previous.epoch)
                    for index in step...last {
                        let weight = Double(epochSeconds(index) - previous.epoch) / span
                        filled[index] = previous.value + weight * (next.value - previous.value)
                    }
                } else {
                    unfilled.append(Gap(firstStep: step, lastStep: last))
                }
            }
            step = last + 1
        }
        return (filled, unfilled)
    }
}
