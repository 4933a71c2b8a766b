import Foundation

/// Draws a ``Chart`` as SVG: white background, grid, axes with titles and units, legend, layers.
///
/// The output is a standalone, well-formed SVG document fragment (no scripts, no external
/// references) that prints in colour or greyscale: lines carry dash patterns where colours alone
/// could be confused.
public enum ChartRenderer {
    static let width = 960.0
    static let fontFamily = "DejaVu Sans, Helvetica, Arial, sans-serif"

    /// The chart as an `<svg>` element. With `standalone`, an XML declaration and namespace suitable for a `.svg` file.
    public static func svg(_ chart: Chart, standalone: Bool = false) -> String {
        var renderer = Renderer(chart: chart)
        return (standalone ? "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n" : "") + renderer.render()
    }
}

private struct Renderer {
    let chart: Chart
    var writer = SVGWriter()
    /// Point labels written so far, so that later ones do not overlap them.
    var placedLabels: [LabelBox] = []

    struct LabelBox {
        var left: Double, right: Double, top: Double, bottom: Double
        func overlaps(_ other: LabelBox) -> Bool {
            left < other.right && other.left < right && top < other.bottom && other.top < bottom
        }
    }

    init(chart: Chart) { self.chart = chart }

    struct Scale {
        var low: Double, high: Double, step: Double
        var pixelLow: Double, pixelHigh: Double
        func callAsFunction(_ value: Double) -> Double {
            pixelLow + (value - low) / (high - low) * (pixelHigh - pixelLow)
        }
    }

    var spanRows: [String] {
        var rows: [String] = []
        for case .spans(let spans, _, _) in chart.layers {
            for span in spans where !rows.contains(span.row) { rows.append(span.row) }
        }
        return rows
    }

    var legend: [Chart.Style] {
        var styles: [Chart.Style] = []
        func add(_ style: Chart.Style) {
            if style.inLegend, !styles.contains(where: { $0.name == style.name }) { styles.append(style) }
        }
        for layer in chart.layers {
            switch layer {
            case .stack(_, let series, _): series.forEach { add($0.style) }
            case .line(_, _, let style, _), .band(_, _, _, let style, _), .points(_, _, let style, _, _, _): add(style)
            case .spans(_, let outer, let inner): add(outer); add(inner)
            case .failures(_, let style): add(style)
            case .bars(_, _, _, let style, _, _): add(style)
            }
        }
        return styles
    }

    /// Value range per side over every layer drawn on it.
    func valueRange(_ side: Chart.Side) -> (Double, Double)? {
        var low = Double.infinity, high = -Double.infinity
        func take(_ values: [Double]) {
            for value in values where value.isFinite {
                low = min(low, value)
                high = max(high, value)
            }
        }
        for layer in chart.layers {
            switch layer {
            case .stack(_, let series, let below) where side == .left:
                guard let count = series.first?.values.count else { continue }
                var totals = [Double](repeating: 0, count: count)
                for item in series {
                    for index in 0..<count where item.values[index].isFinite { totals[index] += abs(item.values[index]) }
                }
                take(totals.map { below ? -$0 : $0 })
            case .line(_, let y, _, let layerSide) where layerSide == side: take(y)
            case .band(_, let lowValues, let highValues, _, let layerSide) where layerSide == side: take(lowValues); take(highValues)
            case .points(_, let y, _, let layerSide, _, _) where layerSide == side: take(y)
            case .bars(_, let lowValues, let highValues, _, _, _) where side == .left: take(lowValues); take(highValues)
            default: continue
            }
        }
        return low <= high ? (low, high) : nil
    }

    func xValues() -> [Double] {
        var values: [Double] = []
        for layer in chart.layers {
            switch layer {
            case .stack(let x, _, _), .line(let x, _, _, _), .band(let x, _, _, _, _), .points(let x, _, _, _, _, _): values += x
            case .spans(let spans, _, _): values += spans.flatMap { [Double($0.startEpochSeconds), Double($0.endEpochSeconds)] }
            case .failures(let x, _): values += x
            case .bars(let x, _, _, _, let width, _): values += x.flatMap { [$0 - width / 2, $0 + width / 2] }
            }
        }
        return values.filter(\.isFinite)
    }

    mutating func render() -> String {
        let legendStyles = legend
        let legendPlaces = legendLayout(legendStyles)
        let legendRows = (legendPlaces.map(\.row).max() ?? -1) + 1
        let rows = spanRows
        let left = rows.isEmpty ? 78.0 : min(260, 30 + 7.2 * Double(rows.map(\.count).max() ?? 8))
        let right = chart.right == nil ? 28.0 : 78.0
        let top = chart.subtitle == nil ? 46.0 : 64.0
        let plotLeft = left, plotRight = ChartRenderer.width - right
        // Category names too wide for their slot are written slanted; the chart grows by what they need.
        var slantedLabels = false
        var labelDrop = 0.0
        if case .categories(_, let names) = chart.x, !names.isEmpty {
            let widest = Renderer.labelWidth(names.map(Renderer.shortCategory).map(\.count).max() ?? 0)
            if widest > 0.92 * (plotRight - plotLeft) / Double(names.count) {
                slantedLabels = true
                labelDrop = max(0, (widest * Renderer.slantSine + 12 - 17).rounded(.up))
            }
        }
        let height = chart.height + labelDrop
        let bottom = 54.0 + 22 * Double(legendRows) + labelDrop
        let plotTop = top, plotBottom = height - bottom

        // X scale.
        var xScale: Renderer.Scale
        var xTicks: [(Double, String)] = []
        switch chart.x {
        case .time(let start, let end):
            xScale = Scale(low: Double(start), high: Double(max(end, start + 1)), step: 0, pixelLow: plotLeft, pixelHigh: plotRight)
            xTicks = AxisTicks.time(startEpochSeconds: start, endEpochSeconds: end).map { (Double($0.epochSeconds), $0.label) }
        case .linear:
            // Markers at the extremes stay inside the frame with a 4 % margin.
            let values = xValues()
            let low = values.min() ?? 0, high = values.max() ?? 1, margin = (high - low) * 0.04
            let nice = AxisTicks.linear(low: low - margin, high: high + margin)
            xScale = Scale(low: nice.low, high: nice.high, step: nice.step, pixelLow: plotLeft, pixelHigh: plotRight)
            xTicks = AxisTicks.values(low: nice.low, high: nice.high, step: nice.step).map { ($0, AxisTicks.label($0, step: nice.step)) }
        case .categories(_, let names):
            xScale = Scale(low: -0.5, high: Double(names.count) - 0.5, step: 1, pixelLow: plotLeft, pixelHigh: plotRight)
            xTicks = names.enumerated().map { (Double($0.offset), $0.element) }
        }

        // Y scales.
        func yScale(_ axis: Chart.YAxis, _ side: Chart.Side) -> Scale {
            var (low, high) = valueRange(side) ?? (0, 1)
            if axis.includeZero { low = min(low, 0); high = max(high, 0) }
            if case .linear = chart.x {
                let margin = (high - low) * 0.04
                low -= low == 0 && axis.includeZero ? 0 : margin
                high += margin
            }
            if side == .left, hasBarLabels {
                // Room for the labels written above the bars.
                high += (high - low) * 0.08
            }
            let nice = AxisTicks.linear(low: low, high: high)
            return Scale(low: nice.low, high: nice.high, step: nice.step, pixelLow: plotBottom, pixelHigh: plotTop)
        }
        let leftScale: Scale = rows.isEmpty
            ? yScale(chart.left, .left)
            : Scale(low: -0.5, high: Double(rows.count) - 0.5, step: 1, pixelLow: plotTop, pixelHigh: plotBottom)
        let rightScale = chart.right.map { yScale($0, .right) }

        let label = chart.title + (chart.subtitle.map { ": " + $0 } ?? "")
        writer.open("svg", [("xmlns", "http://www.w3.org/2000/svg"), ("class", "chart"), ("id", "chart-\(chart.id)"),
                            ("data-chart", chart.id), ("viewBox", "0 0 \(Int(ChartRenderer.width)) \(Int(height))"),
                            ("width", "\(Int(ChartRenderer.width))"), ("height", "\(Int(height))"),
                            ("role", "img"), ("aria-label", label), ("font-family", ChartRenderer.fontFamily)])
        writer.raw("\n")
        writer.element("title", [], content: label)
        writer.element("rect", [("x", "0"), ("y", "0"), ("width", "\(Int(ChartRenderer.width))"), ("height", "\(Int(height))"),
                                ("fill", "#ffffff")])
        writer.element("text", [("x", "16"), ("y", "24"), ("font-size", "16"), ("font-weight", "bold"), ("fill", "#111111"),
                                ("class", "chart-title")], content: chart.title)
        if let subtitle = chart.subtitle {
            writer.element("text", [("x", "16"), ("y", "44"), ("font-size", "12"), ("fill", "#444444")], content: subtitle)
        }
        writer.open("defs")
        writer.open("clipPath", [("id", "clip-\(chart.id)")])
        writer.element("rect", [("x", c(plotLeft)), ("y", c(plotTop)), ("width", c(plotRight - plotLeft)), ("height", c(plotBottom - plotTop))])
        writer.close("clipPath")
        writer.close("defs")

        // Grid and axes.
        writer.open("g", [("class", "axes"), ("font-size", "12"), ("fill", "#333333")])
        writer.raw("\n")
        for (value, text) in xTicks {
            let position = xScale(value)
            guard position >= plotLeft - 0.5, position <= plotRight + 0.5 else { continue }
            writer.element("line", [("x1", c(position)), ("x2", c(position)), ("y1", c(plotTop)), ("y2", c(plotBottom)),
                                    ("stroke", "#e3e3e3"), ("stroke-width", "1")])
            if slantedLabels {
                writer.element("text", [("x", c(position)), ("y", c(plotBottom + 14)), ("text-anchor", "end"),
                                        ("transform", "rotate(-\(Int(Renderer.slantDegrees)) \(c(position)) \(c(plotBottom + 14)))")],
                               content: Renderer.shortCategory(text))
            } else {
                writer.element("text", [("x", c(position)), ("y", c(plotBottom + 17)), ("text-anchor", "middle")], content: text)
            }
        }
        if rows.isEmpty {
            for value in AxisTicks.values(low: leftScale.low, high: leftScale.high, step: leftScale.step) {
                let position = leftScale(value)
                writer.element("line", [("x1", c(plotLeft)), ("x2", c(plotRight)), ("y1", c(position)), ("y2", c(position)),
                                        ("stroke", value == 0 ? "#9a9a9a" : "#e3e3e3"), ("stroke-width", "1")])
                writer.element("text", [("x", c(plotLeft - 6)), ("y", c(position + 4)), ("text-anchor", "end")],
                               content: AxisTicks.label(value, step: leftScale.step))
            }
        } else {
            for (index, name) in rows.enumerated() {
                writer.element("text", [("x", c(plotLeft - 8)), ("y", c(leftScale(Double(index)) + 4)), ("text-anchor", "end")], content: name)
            }
        }
        if let rightScale {
            for value in AxisTicks.values(low: rightScale.low, high: rightScale.high, step: rightScale.step) {
                writer.element("text", [("x", c(plotRight + 6)), ("y", c(rightScale(value) + 4)), ("text-anchor", "start")],
                               content: AxisTicks.label(value, step: rightScale.step))
            }
        }
        writer.element("rect", [("x", c(plotLeft)), ("y", c(plotTop)), ("width", c(plotRight - plotLeft)),
                                ("height", c(plotBottom - plotTop)), ("fill", "none"), ("stroke", "#555555"), ("stroke-width", "1")])
        let xTitle: String
        switch chart.x {
        case .time: xTitle = "Time (UTC)"
        case .linear(let title, let unit): xTitle = unit.isEmpty ? title : "\(title) (\(unit))"
        case .categories(let title, _): xTitle = title
        }
        writer.element("text", [("x", c((plotLeft + plotRight) / 2)), ("y", c(plotBottom + 36 + labelDrop)), ("text-anchor", "middle"),
                                ("class", "axis-title")], content: xTitle)
        if rows.isEmpty {
            writer.element("text", [("transform", "translate(16 \(c((plotTop + plotBottom) / 2))) rotate(-90)"), ("text-anchor", "middle"),
                                    ("class", "axis-title")], content: axisTitle(chart.left))
        }
        if let axis = chart.right {
            writer.element("text", [("transform", "translate(\(c(ChartRenderer.width - 14)) \(c((plotTop + plotBottom) / 2))) rotate(90)"),
                                    ("text-anchor", "middle"), ("class", "axis-title")], content: axisTitle(axis))
        }
        writer.close("g")

        // Layers, clipped to the plot area.
        writer.open("g", [("clip-path", "url(#clip-\(chart.id))")])
        writer.raw("\n")
        for layer in chart.layers {
            draw(layer, x: xScale, left: leftScale, right: rightScale ?? leftScale, rows: rows)
        }
        writer.close("g")

        // Legend, below the x-axis title, wrapped by entry width.
        if !legendStyles.isEmpty {
            writer.open("g", [("class", "legend"), ("font-size", "12"), ("fill", "#222222")])
            writer.raw("\n")
            for (style, place) in zip(legendStyles, legendPlaces) {
                let x = Renderer.legendLeft + place.x
                let y = plotBottom + 56 + labelDrop + Double(place.row) * 22
                writer.element("line", [("x1", c(x)), ("x2", c(x + 22)), ("y1", c(y - 4)), ("y2", c(y - 4)), ("stroke", style.colour),
                                        ("stroke-width", "8"), ("stroke-opacity", String(max(style.opacity, 0.35)))]
                               + (style.dashed ? [("stroke-dasharray", "5 3")] : []))
                writer.element("text", [("x", c(x + 28)), ("y", c(y))], content: style.name)
            }
            writer.close("g")
        }
        writer.close("svg")
        return writer.text
    }

    static let legendLeft = 24.0

    /// Slanted category labels: their angle, and the longest name written in full.
    static let slantDegrees = 35.0
    static let slantSine = 0.5736
    static let longestCategory = 32

    /// Width of a 12 px label of `characters` characters (7 px each, as the legend counts).
    static func labelWidth(_ characters: Int) -> Double { 7 * Double(characters) }

    /// A category name cut to ``longestCategory`` characters with an ellipsis (tables give it in full).
    static func shortCategory(_ name: String) -> String {
        name.count <= longestCategory ? name : String(name.prefix(longestCategory - 1)) + "…"
    }

    var hasBarLabels: Bool {
        chart.layers.contains { if case .bars(_, _, _, _, _, let labels) = $0 { labels != nil } else { false } }
    }

    /// Legend entries placed left to right, wrapping at the chart width (7 px per character at 12 px).
    func legendLayout(_ styles: [Chart.Style]) -> [(x: Double, row: Int)] {
        var places: [(Double, Int)] = []
        var x = 0.0, row = 0
        for style in styles {
            let width = 44 + 7 * Double(style.name.count)
            if x > 0, x + width > ChartRenderer.width - 2 * Renderer.legendLeft {
                x = 0
                row += 1
            }
            places.append((x, row))
            x += width
        }
        return places
    }

    func axisTitle(_ axis: Chart.YAxis) -> String { axis.unit.isEmpty ? axis.title : "\(axis.title) (\(axis.unit))" }

    func c(_ value: Double) -> String { SVGWriter.coordinate(value) }

    mutating func draw(_ layer: Chart.Layer, x: Scale, left: Scale, right: Scale, rows: [String]) {
        switch layer {
        case .stack(let xs, let series, let below):
            writer.open("g", [("class", "layer layer-stack")])
            writer.raw("\n")
            var base = [Double](repeating: 0, count: xs.count)
            for item in series {
                let top = base.indices.map { base[$0] + (item.values[$0].isFinite ? abs(item.values[$0]) : 0) * (below ? -1 : 1) }
                var path = ""
                for index in xs.indices { path += (index == 0 ? "M" : "L") + c(x(xs[index])) + " " + c(left(top[index])) }
                for index in xs.indices.reversed() { path += "L" + c(x(xs[index])) + " " + c(left(base[index])) }
                writer.element("path", [("class", "area"), ("data-series", item.style.name), ("d", path + "Z"), ("fill", item.style.colour),
                                        ("fill-opacity", String(item.style.opacity)), ("stroke", "none")])
                base = top
            }
            writer.close("g")
        case .line(let xs, let ys, let style, let side):
            let scale = side == .left ? left : right
            var path = ""
            var drawing = false
            for index in xs.indices {
                guard ys[index].isFinite else { drawing = false; continue }
                path += (drawing ? "L" : "M") + c(x(xs[index])) + " " + c(scale(ys[index]))
                drawing = true
            }
            writer.element("path", [("class", "line"), ("data-series", style.name), ("d", path), ("fill", "none"), ("stroke", style.colour),
                                    ("stroke-width", "1.8"), ("stroke-linejoin", "round"), ("stroke-opacity", String(style.opacity))]
                           + (style.dashed ? [("stroke-dasharray", "6 3")] : []))
        case .band(let xs, let lows, let highs, let style, let side):
            let scale = side == .left ? left : right
            let indices = xs.indices.filter { lows[$0].isFinite && highs[$0].isFinite }
            guard !indices.isEmpty else { return }
            var path = ""
            for (position, index) in indices.enumerated() { path += (position == 0 ? "M" : "L") + c(x(xs[index])) + " " + c(scale(highs[index])) }
            for index in indices.reversed() { path += "L" + c(x(xs[index])) + " " + c(scale(lows[index])) }
            writer.element("path", [("class", "area band"), ("data-series", style.name), ("d", path + "Z"), ("fill", style.colour),
                                    ("fill-opacity", String(style.opacity)), ("stroke", "none")])
        case .points(let xs, let ys, let style, let side, let radius, let labels):
            let scale = side == .left ? left : right
            writer.open("g", [("class", "layer layer-points"), ("data-series", style.name), ("fill", style.colour),
                              ("fill-opacity", String(style.opacity))])
            writer.raw("\n")
            var seen = Set<Int>()
            let labelHeight = 12.0
            for index in xs.indices where xs[index].isFinite && ys[index].isFinite {
                let px = x(xs[index]), py = scale(ys[index])
                let key = Int((px / 2).rounded()) * 100_000 + Int((py / 2).rounded())
                guard seen.insert(key).inserted || labels != nil else { continue }
                writer.element("circle", [("class", "point"), ("cx", c(px)), ("cy", c(py)), ("r", c(radius))])
                if let labels, index < labels.count, !labels[index].isEmpty {
                    // Labels in the right third read leftwards so they stay inside the plot. A label
                    // that would overlap one already written tries below its point, then is left out
                    // (its point stays; the table names every scenario).
                    let leftwards = px > x.pixelLow + (x.pixelHigh - x.pixelLow) * 0.66
                    let width = 6.2 * Double(labels[index].count)
                    let labelX = leftwards ? px - radius - 3 : px + radius + 3
                    let left = leftwards ? labelX - width : labelX
                    for baseline in [py - radius - 2, py + radius + labelHeight] {
                        let box = LabelBox(left: left, right: left + width, top: baseline - labelHeight + 2, bottom: baseline + 2)
                        guard !placedLabels.contains(where: { $0.overlaps(box) }) else { continue }
                        placedLabels.append(box)
                        writer.element("text", [("class", "point-label"), ("x", c(labelX)), ("y", c(baseline)),
                                                ("font-size", "11"), ("fill", "#222222"), ("text-anchor", leftwards ? "end" : "start")],
                                       content: labels[index])
                        break
                    }
                }
            }
            writer.close("g")
        case .failures(let xs, let style):
            // A cross 9 px above the bottom of the plot for each missing result.
            let y = left.pixelLow - 9
            var path = ""
            for value in xs where value.isFinite {
                let px = x(value)
                path += "M\(c(px - 5)) \(c(y - 5))L\(c(px + 5)) \(c(y + 5))M\(c(px - 5)) \(c(y + 5))L\(c(px + 5)) \(c(y - 5))"
            }
            guard !path.isEmpty else { return }
            writer.element("path", [("class", "marker failed"), ("data-series", style.name), ("d", path), ("fill", "none"),
                                    ("stroke", style.colour), ("stroke-width", "2.2")])
        case .bars(let xs, let lows, let highs, let style, let width, let labels):
            writer.open("g", [("class", "layer layer-bars"), ("data-series", style.name), ("fill", style.colour),
                              ("fill-opacity", String(style.opacity))])
            writer.raw("\n")
            for index in xs.indices where xs[index].isFinite && lows[index].isFinite && highs[index].isFinite {
                let x0 = x(xs[index] - width / 2), x1 = x(xs[index] + width / 2)
                let yTop = left(max(lows[index], highs[index])), yBottom = left(min(lows[index], highs[index]))
                // An empty bar (nothing existing, say) draws nothing, but keeps its label.
                if lows[index] != highs[index] {
                    writer.element("rect", [("class", "bar column"), ("x", c(min(x0, x1))), ("y", c(yTop)), ("width", c(abs(x1 - x0))),
                                            ("height", c(max(yBottom - yTop, 0.5)))])
                }
                if let labels, index < labels.count, !labels[index].isEmpty {
                    writer.element("text", [("class", "bar-label"), ("x", c(x(xs[index]))), ("y", c(yTop - 4)), ("font-size", "11"),
                                            ("fill", "#222222"), ("fill-opacity", "1"), ("text-anchor", "middle")], content: labels[index])
                }
            }
            writer.close("g")
        case .spans(let spans, let outer, let inner):
            writer.open("g", [("class", "layer layer-spans"), ("font-size", "11")])
            writer.raw("\n")
            let rowHeight = abs(left(1) - left(0))
            for span in spans {
                guard let row = rows.firstIndex(of: span.row) else { continue }
                let centre = left(Double(row))
                let x0 = x(Double(span.startEpochSeconds)), x1 = x(Double(span.endEpochSeconds))
                writer.element("rect", [("class", "bar"), ("data-series", outer.name), ("x", c(x0)), ("y", c(centre - rowHeight * 0.32)),
                                        ("width", c(max(1, x1 - x0))), ("height", c(rowHeight * 0.64)), ("fill", outer.colour),
                                        ("fill-opacity", String(outer.opacity)), ("stroke", outer.colour)])
                if let (start, end) = span.inner {
                    let i0 = x(Double(start)), i1 = x(Double(end))
                    writer.element("rect", [("class", "bar"), ("data-series", inner.name), ("x", c(i0)), ("y", c(centre - rowHeight * 0.18)),
                                            ("width", c(max(1, i1 - i0))), ("height", c(rowHeight * 0.36)), ("fill", inner.colour)])
                }
                let noteX = min(x1 + 6, ChartRenderer.width - 250)
                let noteY = x1 + 6 > ChartRenderer.width - 250 ? centre - rowHeight * 0.36 : centre + 4
                writer.element("text", [("x", c(noteX)), ("y", c(noteY)), ("fill", "#222222")], content: span.note)
            }
            writer.close("g")
        }
    }
}
