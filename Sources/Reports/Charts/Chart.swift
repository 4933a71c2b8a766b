/// A chart described as data: axes with titles and units, and layers drawn in order.
///
/// Rendered by ``ChartRenderer`` to a standalone SVG; one type for every chart keeps fonts,
/// margins, legends and colours identical across a report.
public struct Chart: Sendable {
    public enum XAxis: Sendable {
        /// UTC epoch seconds, labelled in hours, days or months.
        case time(startEpochSeconds: Int64, endEpochSeconds: Int64)
        case linear(title: String, unit: String)
        /// One position per name (0, 1, 2, ...), e.g. a categorical swept parameter.
        case categories(title: String, names: [String])
    }

    public struct YAxis: Sendable {
        public var title: String
        public var unit: String
        public var includeZero: Bool

        public init(_ title: String, unit: String, includeZero: Bool = true) {
            self.title = title
            self.unit = unit
            self.includeZero = includeZero
        }
    }

    public enum Side: Sendable { case left, right }

    /// How a series looks, and its legend entry.
    public struct Style: Sendable, Equatable {
        public var name: String
        public var colour: String
        public var dashed = false
        public var inLegend = true
        public var opacity = 1.0

        public init(_ name: String, colour: String, dashed: Bool = false, inLegend: Bool = true, opacity: Double = 1) {
            self.name = name
            self.colour = colour
            self.dashed = dashed
            self.inLegend = inLegend
            self.opacity = opacity
        }
    }

    /// A horizontal bar on a time axis, e.g. a training job from release to deadline.
    public struct Span: Sendable {
        public var row: String
        public var startEpochSeconds: Int64
        public var endEpochSeconds: Int64
        /// A darker inner bar, e.g. from the first to the last step with power.
        public var inner: (start: Int64, end: Int64)?
        /// Text after the bar, e.g. delivered energy.
        public var note: String
    }

    public enum Layer: Sendable {
        /// Areas stacked from zero in the order given (downwards when `below`).
        case stack(x: [Double], series: [(style: Style, values: [Double])], below: Bool)
        /// A line; NaN values break it.
        case line(x: [Double], y: [Double], style: Style, side: Side)
        /// A shaded band between two series.
        case band(x: [Double], low: [Double], high: [Double], style: Style, side: Side)
        /// Markers; points closer than 2 px are drawn once. Labels (if any) are written beside them.
        case points(x: [Double], y: [Double], style: Style, side: Side, radius: Double, labels: [String]?)
        /// Horizontal bars with one row per distinct `row` name (the left axis becomes categorical).
        case spans([Span], outer: Style, inner: Style)
        /// Crosses along the bottom of the plot at these x positions: results that do not exist
        /// (an infeasible scenario), shown without breaking the other layers.
        case failures(x: [Double], style: Style)
        /// Vertical bars, each from `low` to `high` at `x`, `width` wide in x units (a category is 1
        /// wide). Stacked, grouped and waterfall bars are bars with the bases the caller chose.
        /// Labels (if any) are written above each bar; NaN bars are not drawn.
        case bars(x: [Double], low: [Double], high: [Double], style: Style, width: Double, labels: [String]?)
    }

    /// File-safe identifier, unique within a report (`dispatch-window`).
    public var id: String
    public var title: String
    public var subtitle: String?
    public var x: XAxis
    public var left: YAxis
    public var right: YAxis?
    public var layers: [Layer]
    /// Height in SVG units (the width is 960).
    public var height: Double

    public init(id: String, title: String, subtitle: String? = nil, x: XAxis, left: YAxis, right: YAxis? = nil,
                layers: [Layer], height: Double = 340) {
        self.id = id
        self.title = title
        self.subtitle = subtitle
        self.x = x
        self.left = left
        self.right = right
        self.layers = layers
        self.height = height
    }
}
