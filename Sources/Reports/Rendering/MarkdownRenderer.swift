/// Renders a report as Markdown with each chart in its own SVG file, for wikis and pull requests.
public enum MarkdownRenderer {
    /// - Parameter chartFolder: the folder, relative to the Markdown file, holding `<chart id>.svg`.
    /// - Returns: the Markdown text and the SVG files (name, contents) to write into `chartFolder`.
    public static func markdown(_ document: ReportDocument, chartFolder: String, source: String)
        -> (text: String, charts: [(name: String, contents: String)]) {
        var text = "# \(inline(document.title))\n\n"
        var charts: [(String, String)] = []
        for block in document.blocks {
            switch block {
            case .heading(let heading, let level):
                text += String(repeating: "#", count: min(max(level, 2), 4)) + " \(inline(heading))\n\n"
            case .paragraph(let paragraph):
                text += html(paragraph) + "\n\n"
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
        text += "_Written by `insula report` from \(inline(source))._\n"
        return (text, charts)
    }

    /// A table cell or alt text: inline-escaped, line breaks removed.
    static func cell(_ text: String) -> String {
        inline(text).replacingOccurrences(of: "\n", with: " ")
    }

    /// Text from the inputs (site, job and scenario names, paths) as literal Markdown: HTML
    /// escaped as in the HTML report (no raw `<script>` or `onerror=` reaches a renderer that
    /// passes HTML through) and Markdown's punctuation backslash-escaped.
    static func inline(_ text: String) -> String {
        var escaped = ""
        for character in html(text) {
            if "\\`*_[]|~".contains(character) { escaped.append("\\") }
            escaped.append(character)
        }
        return escaped
    }

    /// `&`, `<`, `>` and `"` as entities.
    static func html(_ text: String) -> String {
        text.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;")
            .replacingOccurrences(of: ">", with: "&gt;").replacingOccurrences(of: "\"", with: "&quot;")
    }
}
