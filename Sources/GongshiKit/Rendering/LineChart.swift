/// A line chart as inline SVG: one or more series over the same ordered labels (years), with tick marks at
/// round values, the value printed at every point, and a title and description for screen readers.
public struct LineChart: Sendable {
    public struct Series: Sendable {
        public let name: String
        /// One value per label; nil where nothing was counted (the line breaks there).
        public let values: [Double?]

        public init(name: String, values: [Double?]) {
            self.name = name
            self.values = values
        }
    }

    public let id: String
    public let title: String
    public let labels: [String]
    public let series: [Series]
    /// Fixed upper bound (100 for percentages); otherwise a round number above the largest value.
    public let maximum: Double?
    public let unit: String

    public init(id: String, title: String, labels: [String], series: [Series], maximum: Double? = nil, unit: String = "") {
        self.id = id
        self.title = title
        self.labels = labels
        self.series = series
        self.maximum = maximum
        self.unit = unit
    }

    static let width = 600, height = 300, left = 70, right = 30, top = 20, bottom = 50, fontSize = 22

    /// Round tick values from 0 to at least `value`: steps of 1, 2 or 5 × 10ⁿ, about five of them.
    static func ticks(upTo value: Double) -> [Double] {
        guard value > 0 else { return [0, 1] }
        let rough = value / 5
        var magnitude = 1.0
        while magnitude * 10 <= rough { magnitude *= 10 }
        while magnitude > rough { magnitude /= 10 }
        let step = [1.0, 2, 5, 10].map { $0 * magnitude }.first { $0 >= rough } ?? magnitude * 10
        let count = Int((value / step).rounded(.up))
        return (0...count).map { Double($0) * step }
    }

    static func format(_ value: Double) -> String {
        let rounded = (value * 10).rounded() / 10
        return rounded == rounded.rounded() ? "\(Int(rounded))" : "\(rounded)"
    }

    /// The SVG markup; identical data gives identical bytes.
    public var svg: String {
        let values = series.flatMap { $0.values.compactMap { $0 } }
        let ticks = Self.ticks(upTo: maximum ?? (values.max() ?? 0))
        let top = ticks.last ?? 1
        let plotWidth = Self.width - Self.left - Self.right
        let plotHeight = Self.height - Self.top - Self.bottom
        func x(_ index: Int) -> Int {
            labels.count <= 1 ? Self.left + plotWidth / 2 : Self.left + plotWidth * index / (labels.count - 1)
        }
        func y(_ value: Double) -> Int { Self.top + plotHeight - Int((value / top * Double(plotHeight)).rounded()) }
        let description =
            values.isEmpty
            ? "暂无数据"
            : series.map { s in
                s.name + "："
                    + zip(labels, s.values).map { "\($0) \($1.map { Self.format($0) + unit } ?? "—")" }.joined(separator: "，")
            }.joined(separator: "；")
        var out = """
            <svg class="chart" role="img" aria-labelledby="\(id)-title \(id)-desc" viewBox="0 0 \(Self.width) \(Self.height)" \
            width="100%" preserveAspectRatio="xMinYMin meet" font-size="\(Self.fontSize)" xmlns="http://www.w3.org/2000/svg">\
            <title id="\(id)-title">\(title.xmlEscaped)</title><desc id="\(id)-desc">\(description.xmlEscaped)</desc>
            """
        for tick in ticks {
            out += "<line x1=\"\(Self.left)\" x2=\"\(Self.width - Self.right)\" y1=\"\(y(tick))\" y2=\"\(y(tick))\" class=\"chart-grid\"/>"
            out += "<text x=\"\(Self.left - 8)\" y=\"\(y(tick) + 7)\" text-anchor=\"end\" class=\"chart-label\">\(Self.format(tick))</text>"
        }
        for (index, label) in labels.enumerated() {
            out += "<text x=\"\(x(index))\" y=\"\(Self.height - 14)\" text-anchor=\"middle\" class=\"chart-label\">\(label.xmlEscaped)</text>"
        }
        if values.isEmpty {
            out += "<text x=\"\(Self.left + 10)\" y=\"\(Self.top + plotHeight / 2)\" class=\"chart-label\">暂无数据</text>"
        }
        for (number, line) in series.enumerated() {
            let points = line.values.enumerated().compactMap { index, value in value.map { (x(index), y($0), $0) } }
            // A missing year breaks the line rather than joining across it.
            var segments: [[(Int, Int)]] = [[]]
            for (index, value) in line.values.enumerated() {
                if let value { segments[segments.count - 1].append((x(index), y(value))) } else { segments.append([]) }
            }
            for segment in segments where segment.count > 1 {
                let path = segment.map { "\($0.0),\($0.1)" }.joined(separator: " ")
                out += "<polyline points=\"\(path)\" class=\"chart-line chart-line-\(number)\" fill=\"none\"/>"
            }
            for (px, py, value) in points {
                out += "<circle cx=\"\(px)\" cy=\"\(py)\" r=\"6\" class=\"chart-point chart-line-\(number)\"/>"
                out += "<text x=\"\(px)\" y=\"\(py - 12)\" text-anchor=\"middle\" class=\"chart-value\">\(Self.format(value))\(unit.xmlEscaped)</text>"
            }
        }
        return out + "</svg>"
    }
}
