/// A horizontal stacked bar chart as inline SVG: one bar per row (a 领域, a year), split into parts (statuses)
/// that differ in colour and pattern and are named in a legend. A part's value is printed on it when it fits;
/// every value is always in the description (and in the table beside the chart). Labels are shortened with …
/// to the label column, so they never overlap the bars.
public struct StackedBarChart: Sendable {
    public struct Row: Sendable {
        public let label: String
        /// One value per part, in the order of `parts`.
        public let values: [Int]

        public init(label: String, values: [Int]) {
            self.label = label
            self.values = values
        }

        public var total: Int { values.reduce(0, +) }
    }

    public let id: String
    public let title: String
    public let parts: [String]
    public let rows: [Row]

    public init(id: String, title: String, parts: [String], rows: [Row]) {
        self.id = id
        self.title = title
        self.parts = parts
        self.rows = rows
    }

    /// Geometry in SVG units, as in `BarChart`: 26 units are about 16 px on a 360 px phone screen.
    static let width = 600, rowHeight = 44, barHeight = 30, fontSize = 26, maxLabelWidth = 260, totalRoom = 80

    var labelWidth: Int {
        let widest = rows.map { ChartKey.textWidth(ChartKey.shortened($0.label, toFit: Self.maxLabelWidth, fontSize: Self.fontSize), fontSize: Self.fontSize) }
        return max((widest.max() ?? 0) + 16, 60)
    }

    var description: String {
        guard !rows.isEmpty else { return "暂无数据" }
        return rows.map { row in
            row.label + "：" + zip(parts, row.values).map { "\($0) \($1)" }.joined(separator: "，") + "，合计 \(row.total)"
        }.joined(separator: "；")
    }

    /// The SVG markup; identical data gives identical bytes.
    public var svg: String {
        let (legend, legendBottom) = ChartKey.legend(id: id, names: parts, x: 0, y: 4, width: Self.width, fontSize: Self.fontSize)
        let top = legendBottom + 4
        let height = top + max(rows.count, 1) * Self.rowHeight + 8
        let labelWidth = self.labelWidth
        let barWidth = Self.width - labelWidth - Self.totalRoom
        let maxTotal = rows.map(\.total).max() ?? 0
        var out = """
            <svg class="chart chart-stacked" role="img" aria-labelledby="\(id)-title \(id)-desc" viewBox="0 0 \(Self.width) \(height)" \
            width="100%" preserveAspectRatio="xMinYMin meet" font-size="\(Self.fontSize)" xmlns="http://www.w3.org/2000/svg">\
            <title id="\(id)-title">\(title.xmlEscaped)</title><desc id="\(id)-desc">\(description.xmlEscaped)</desc>
            """
        out += ChartKey.defs(id: id, parts: parts.count) + legend
        if rows.isEmpty {
            out += "<text x=\"0\" y=\"\(top + 32)\" class=\"chart-label\">暂无数据</text>"
        }
        for (index, row) in rows.enumerated() {
            let y = top + index * Self.rowHeight
            let baseline = y + Self.barHeight / 2 + Self.fontSize / 2 - 2
            let label = ChartKey.shortened(row.label, toFit: Self.maxLabelWidth, fontSize: Self.fontSize)
            out += "<g><text x=\"\(labelWidth - 8)\" y=\"\(baseline)\" text-anchor=\"end\" class=\"chart-label\">\(label.xmlEscaped)</text>"
            // Cumulative rounding: the parts always add up to the bar's rounded length, with no gaps.
            var start = 0
            var running = 0
            for (part, value) in row.values.enumerated() where value > 0 {
                running += value
                let end = Int((Double(running) / Double(maxTotal) * Double(barWidth)).rounded())
                let text = "\(value)"
                out += "<rect x=\"\(labelWidth + start)\" y=\"\(y)\" width=\"\(max(end - start, 1))\" height=\"\(Self.barHeight)\" "
                out += "fill=\"\(ChartKey.fill(id: id, part))\" class=\"chart-part\"/>"
                if end - start >= ChartKey.textWidth(text, fontSize: Self.fontSize) + 8 {
                    out += "<text x=\"\(labelWidth + (start + end) / 2)\" y=\"\(baseline)\" text-anchor=\"middle\" class=\"chart-part-value\">\(text)</text>"
                }
                start = end
            }
            out += "<text x=\"\(labelWidth + start + 8)\" y=\"\(baseline)\" class=\"chart-value\">\(row.total)</text></g>"
        }
        return out + "</svg>"
    }
}
