/// Renders a report as one self-contained HTML page: inline SVG charts and CSS, no scripts, no
/// network references, laid out to print on A4 without splitting a chart.
public enum HTMLRenderer {
    public static func html(_ document: ReportDocument, source: String) -> String {
        var body = ""
        var inTableGroup = false
        for block in document.blocks {
            // Consecutive tables sit side by side (wrapping on narrow pages).
            if case .table = block {
                if !inTableGroup { body += "<div class=\"tables\">\n" }
                inTableGroup = true
            } else if inTableGroup {
                body += "</div>\n"
                inTableGroup = false
            }
            switch block {
            case .heading(let text, let level):
                let tag = "h\(min(max(level, 2), 4))"
                body += "<\(tag)>\(SVGWriter.escape(text))</\(tag)>\n"
            case .paragraph(let text):
                body += "<p>\(SVGWriter.escape(text))</p>\n"
            case .table(let table):
                body += tableHTML(table)
            case .chart(let chart):
                body += "<figure class=\"chart-figure\">\n" + ChartRenderer.svg(chart) + "</figure>\n"
            }
        }
        if inTableGroup { body += "</div>\n" }
        return """
            <!DOCTYPE html>
            <html lang="en">
            <head>
            <meta charset="utf-8">
            <meta name="viewport" content="width=device-width, initial-scale=1">
            <title>\(SVGWriter.escape(document.title))</title>
            <style>
            \(style)
            </style>
            </head>
            <body>
            <main>
            <h1>\(SVGWriter.escape(document.title))</h1>
            \(body)<footer>Written by <code>insula report</code> from <code>\(SVGWriter.escape(source))</code>. Charts are inline SVG; the page needs no network access.</footer>
            </main>
            </body>
            </html>

            """
    }

    static func tableHTML(_ table: ReportDocument.Table) -> String {
        var html = "<div class=\"table-wrap\"><table>\n"
        if let caption = table.caption { html += "<caption>\(SVGWriter.escape(caption))</caption>\n" }
        html += "<thead><tr>" + table.header.enumerated().map { index, name in
            "<th\(table.numericColumns.contains(index) ? " class=\"num\"" : "")>\(SVGWriter.escape(name))</th>"
        }.joined() + "</tr></thead>\n<tbody>\n"
        for row in table.rows {
            html += "<tr>" + row.enumerated().map { index, cell in
                "<td\(table.numericColumns.contains(index) ? " class=\"num\"" : "")>\(SVGWriter.escape(cell))</td>"
            }.joined() + "</tr>\n"
        }
        return html + "</tbody></table></div>\n"
    }

    static let style = """
        :root { color-scheme: light; }
        body { margin: 0; background: #ffffff; color: #111111; font: 15px/1.45 "DejaVu Sans", Helvetica, Arial, sans-serif; }
        main { max-width: 1000px; margin: 0 auto; padding: 24px; }
        h1 { font-size: 26px; margin: 0 0 8px; }
        h2 { font-size: 20px; margin: 32px 0 8px; border-bottom: 1px solid #cccccc; padding-bottom: 4px; }
        figure.chart-figure { margin: 16px 0; break-inside: avoid; page-break-inside: avoid; }
        svg.chart { display: block; width: 100%; max-width: 960px; height: auto; border: 1px solid #dddddd; }
        .tables { display: flex; flex-wrap: wrap; gap: 0 24px; align-items: flex-start; }
        .table-wrap { overflow-x: auto; max-width: 100%; min-width: 0; margin: 12px 0; break-inside: avoid; page-break-inside: avoid; }
        .tables > .table-wrap { flex: 0 1 auto; }
        table { border-collapse: collapse; font-size: 13px; }
        caption { text-align: left; font-weight: bold; padding: 4px 0; }
        th, td { border: 1px solid #cccccc; padding: 3px 8px; text-align: left; vertical-align: top; }
        th { background: #f2f2f2; }
        td:first-child { white-space: nowrap; }
        td { max-width: 32em; overflow-wrap: anywhere; }
        td.num, th.num { text-align: right; font-variant-numeric: tabular-nums; }
        footer { margin-top: 32px; font-size: 12px; color: #555555; }
        @page { size: A4; margin: 12mm; }
        @media print {
          main { max-width: none; padding: 0; }
          svg.chart { border: none; }
          h2 { break-after: avoid; page-break-after: avoid; }
          * { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
        }
        """
}
