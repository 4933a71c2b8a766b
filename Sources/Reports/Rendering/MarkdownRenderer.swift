/// Renders a report as Markdown with each chart in its own SVG file, for wikis and pull requests.
public enum MarkdownRenderer {
    /// - Parameter chartFolder: the folder, relative to the Markdown file, holding `<chart id>.svg`.
    /// - Returns: the Markdown text and the SVG files (name, contents) to write into `chartFolder`.
    public static func markdown(_ document: ReportDocument, chartFolder: String, source: String)
        -> (text: String, charts: [(name: String, contents: String)]) {
        var text = "# \(document.title)\n\n"
        var charts: [(String, String)] = []
        for block in document.blocks {
            switch block {
            case .heading(let heading, let level):
                text += String(repeating: "#", count: min(max(level, 2), 4)) + " \(heading)\n\n"
            case .paragraph(let paragraph):
                text += paragraph + "\n\n"
            case .table(let table):
                if let caption = table.caption { text += "**\(cell(caption))**\n\n" }
                text += "| " + table.header.map(cell).joined(separator: " | ") + " |\n"
                text += "|" + table.header.indices.map { table.numericColumns.contains($0) ? "---:|" : "---|" }.joined() + "\n"
                for row in table.rows { text += "| " + row.map(cell).joined(separator: " | ") + " |\n" }
                text += "\n"
            case .chart(let chart):
                let name = "\(chart.id).svg"
                charts.append((name, ChartRenderer.svg(chart, standalone: true)))
                text += "![\(cell(chart.title))](\(chartFolder)/\(name))\n\n"
            }
        }
        text += "_Written by `insula report` from `\(source)`._\n"
        return (text, charts)
    }

    /// A table cell or alt text: pipes escaped, line breaks removed.
    static func cell(_ text: String) -> String {
        text.replacingOccurrences(of: "|", with: "\\|").replacingOccurrences(of: "\n", with: " ")
    }
}
