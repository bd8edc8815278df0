/// A horizontal bar chart as inline SVG, built at build time: labels on the left never overlap,
/// every value is printed beside its bar, and a title and description make it readable by screen readers.
public struct BarChart: Sendable {
    public struct Bar: Sendable {
        public let label: String
        public let value: Double
        public let valueText: String

        public init(label: String, value: Double, valueText: String) {
            self.label = label
            self.value = value
            self.valueText = valueText
        }
    }

    public let id: String
    public let title: String
    public let bars: [Bar]
    /// The value of a full-width bar; defaults to the largest value.
    public let scaleMax: Double?

    public init(id: String, title: String, bars: [Bar], scaleMax: Double? = nil) {
        self.id = id
        self.title = title
        self.bars = bars
        self.scaleMax = scaleMax
    }

    /// Counts as bars.
    public init(id: String, title: String, tallies: [Tally]) {
        self.init(id: id, title: title, bars: tallies.map { Bar(label: $0.label, value: Double($0.count), valueText: "\($0.count)") })
    }

    /// Geometry in SVG units. The text size is fixed here, not in CSS, so the label column always fits it:
    /// scaled to a 360 px phone screen, 26 units are about 16 px.
    static let rowHeight = 44, barHeight = 30, width = 600, fontSize = 26, maxLabelCharacters = 10, valueRoom = 96

    /// The label column fits the longest (possibly shortened) label, so labels never run off the left edge.
    var labelWidth: Int {
        let longest = bars.map { min($0.label.count, Self.maxLabelCharacters) }.max() ?? 0
        return max(longest * (Self.fontSize + 1) + 16, 60)
    }

    /// The SVG markup; identical data gives identical bytes.
    public var svg: String {
        let height = max(bars.count, 1) * Self.rowHeight + 8
        let labelWidth = self.labelWidth
        let barWidth = Self.width - labelWidth - Self.valueRoom
        let maxValue = max(scaleMax ?? bars.map(\.value).max() ?? 0, 0)
        let description = bars.isEmpty ? "暂无数据" : bars.map { "\($0.label) \($0.valueText)" }.joined(separator: "；")
        var out = """
            <svg class="chart" role="img" aria-labelledby="\(id)-title \(id)-desc" viewBox="0 0 \(Self.width) \(height)" \
            width="100%" preserveAspectRatio="xMinYMin meet" font-size="\(Self.fontSize)" xmlns="http://www.w3.org/2000/svg">\
            <title id="\(id)-title">\(title.xmlEscaped)</title><desc id="\(id)-desc">\(description.xmlEscaped)</desc>
            """
        if bars.isEmpty {
            out += "<text x=\"0\" y=\"32\" class=\"chart-label\">暂无数据</text>"
        }
        for (index, bar) in bars.enumerated() {
            let y = index * Self.rowHeight + 4
            let baseline = y + Self.barHeight / 2 + Self.fontSize / 2 - 2
            let length = maxValue > 0 ? Int((bar.value / maxValue * Double(barWidth)).rounded()) : 0
            let labelText = bar.label.count > Self.maxLabelCharacters ? String(bar.label.prefix(Self.maxLabelCharacters - 1)) + "…" : bar.label
            out += "<g><text x=\"\(labelWidth - 8)\" y=\"\(baseline)\" text-anchor=\"end\" class=\"chart-label\">\(labelText.xmlEscaped)</text>"
            out += "<rect x=\"\(labelWidth)\" y=\"\(y)\" width=\"\(max(length, bar.value > 0 ? 2 : 0))\" height=\"\(Self.barHeight)\" class=\"chart-bar\"/>"
            out += "<text x=\"\(labelWidth + max(length, 0) + 8)\" y=\"\(baseline)\" class=\"chart-value\">\(bar.valueText.xmlEscaped)</text></g>"
        }
        return out + "</svg>"
    }
}
