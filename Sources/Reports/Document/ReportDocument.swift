/// A report as a sequence of blocks, rendered to HTML or Markdown by the same content.
public struct ReportDocument: Sendable {
    public struct Table: Sendable {
        public var caption: String?
        public var header: [String]
        public var rows: [[String]]
        /// Columns whose cells align right (numbers).
        public var numericColumns: Set<Int>

        public init(caption: String? = nil, header: [String], rows: [[String]], numericColumns: Set<Int> = []) {
            self.caption = caption
            self.header = header
            self.rows = rows
            self.numericColumns = numericColumns
        }
    }

    public enum Block: Sendable {
        case heading(String, level: Int)
        case paragraph(String)
        case table(Table)
        case chart(Chart)
    }

    public var title: String
    public var blocks: [Block]

    public var charts: [Chart] {
        blocks.compactMap { if case .chart(let chart) = $0 { chart } else { nil } }
    }
}
