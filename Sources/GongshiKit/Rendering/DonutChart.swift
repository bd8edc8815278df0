import Foundation

/// A donut (ring) chart as inline SVG: the parts of a whole (items by status), each told apart by colour and
/// pattern, with a legend that names every part with its count and share. A count is printed on its ring
/// segment when the segment is long enough; every value is always in the legend, the description and the
/// table beside the chart. Zero parts stay in the legend; an all-zero or empty whole draws an empty ring.
public struct DonutChart: Sendable {
    public struct Slice: Sendable {
        public let label: String
        public let value: Int

        public init(label: String, value: Int) {
            self.label = label
            self.value = value
        }
    }

    public let id: String
    public let title: String
    public let slices: [Slice]
    /// The unit after the total in the centre, `项`.
    public let unit: String

    public init(id: String, title: String, slices: [Slice], unit: String = "") {
        self.id = id
        self.title = title
        self.slices = slices
        self.unit = unit
    }

    /// Counts as slices.
    public init(id: String, title: String, tallies: [Tally], unit: String = "") {
        self.init(id: id, title: title, slices: tallies.map { Slice(label: $0.label, value: $0.count) }, unit: unit)
    }

    static let width = 600, fontSize = 26, centre = 130, outer = 120, inner = 68, legendX = 270, lineHeight = 42

    var total: Int { slices.reduce(0) { $0 + $1.value } }

    var description: String {
        guard !slices.isEmpty else { return "暂无数据" }
        let total = self.total
        return slices.map { "\($0.label) \($0.value)\(unit)（\(ChartKey.share($0.value, of: total))）" }.joined(separator: "，") + "；合计 \(total)\(unit)"
    }

    /// The SVG markup; identical data gives identical bytes.
    public var svg: String {
        let total = self.total
        let (legend, legendBottom) = self.legend(total: total)
        let height = max(2 * Self.centre + 10, legendBottom + 8)
        var out = """
            <svg class="chart chart-donut" role="img" aria-labelledby="\(id)-title \(id)-desc" viewBox="0 0 \(Self.width) \(height)" \
            width="100%" preserveAspectRatio="xMinYMin meet" font-size="\(Self.fontSize)" xmlns="http://www.w3.org/2000/svg">\
            <title id="\(id)-title">\(title.xmlEscaped)</title><desc id="\(id)-desc">\(description.xmlEscaped)</desc>
            """
        out += ChartKey.defs(id: id, parts: slices.count)
        let c = Double(Self.centre)
        if total == 0 {
            let r = Double(Self.outer + Self.inner) / 2
            out += "<circle cx=\"\(Self.centre)\" cy=\"\(Self.centre)\" r=\"\(ChartKey.coordinate(r))\" fill=\"none\" class=\"chart-empty-ring\"/>"
            out += "<text x=\"\(Self.centre)\" y=\"\(Self.centre + 9)\" text-anchor=\"middle\" class=\"chart-label\">暂无数据</text>"
        } else {
            var before = 0
            for (index, slice) in slices.enumerated() where slice.value > 0 {
                let start = Double(before) / Double(total)
                let end = Double(before + slice.value) / Double(total)
                before += slice.value
                out += "<path d=\"\(Self.ring(from: start, to: end))\" fill=\"\(ChartKey.fill(id: id, index))\" class=\"chart-part\"/>"
                // The count sits on the middle of the segment when the arc there is long enough to hold it.
                let middle = Double(Self.outer + Self.inner) / 2
                let text = "\(slice.value)"
                if 2 * Double.pi * middle * (end - start) >= Double(ChartKey.textWidth(text, fontSize: Self.fontSize) + 12) {
                    let (x, y) = Self.point((start + end) / 2, radius: middle)
                    out +=
                        "<text x=\"\(ChartKey.coordinate(x))\" y=\"\(ChartKey.coordinate(y + 9))\" text-anchor=\"middle\" class=\"chart-part-value\">\(text)</text>"
                }
            }
            out += "<text x=\"\(Self.centre)\" y=\"\(ChartKey.coordinate(c - 6))\" text-anchor=\"middle\" class=\"chart-label\">合计</text>"
            out +=
                "<text x=\"\(Self.centre)\" y=\"\(ChartKey.coordinate(c + 26))\" text-anchor=\"middle\" class=\"chart-value\">\(total)\(unit.xmlEscaped)</text>"
        }
        return out + legend + "</svg>"
    }

    /// One item per part: swatch, name, count and share on one line; when they do not fit, the count and share
    /// go on a second line and a name wider than the whole legend column is shortened with ….
    func legend(total: Int) -> (svg: String, bottom: Int) {
        var out = ""
        var y = 8
        let textX = Self.legendX + Self.fontSize + 8
        let room = Self.width - textX
        for (index, slice) in slices.enumerated() {
            let figures = "\(slice.value)\(unit) \(ChartKey.share(slice.value, of: total))"
            out += "<rect x=\"\(Self.legendX)\" y=\"\(y)\" width=\"\(Self.fontSize)\" height=\"\(Self.fontSize)\" "
            out += "fill=\"\(ChartKey.fill(id: id, index))\" class=\"chart-swatch\"/>"
            if ChartKey.textWidth(slice.label + " " + figures, fontSize: Self.fontSize) <= room {
                out += "<text x=\"\(textX)\" y=\"\(y + Self.fontSize - 3)\" class=\"chart-label\">\((slice.label + " " + figures).xmlEscaped)</text>"
                y += Self.lineHeight
            } else {
                let name = ChartKey.shortened(slice.label, toFit: room, fontSize: Self.fontSize)
                out += "<text x=\"\(textX)\" y=\"\(y + Self.fontSize - 3)\" class=\"chart-label\">\(name.xmlEscaped)</text>"
                out += "<text x=\"\(textX)\" y=\"\(y + Self.fontSize * 2 + 2)\" class=\"chart-label\">\(figures.xmlEscaped)</text>"
                y += Self.lineHeight + Self.fontSize + 4
            }
        }
        return (out, y)
    }

    /// A point on the circle at `fraction` of a turn, clockwise from the top.
    static func point(_ fraction: Double, radius: Double) -> (Double, Double) {
        let angle = 2 * Double.pi * fraction - Double.pi / 2
        return (Double(centre) + radius * cos(angle), Double(centre) + radius * sin(angle))
    }

    /// The ring segment between two fractions of a turn; a whole ring is drawn as two halves (an SVG arc
    /// cannot start and end at the same point).
    static func ring(from start: Double, to end: Double) -> String {
        if end - start >= 1 { return ring(from: 0, to: 0.5) + " " + ring(from: 0.5, to: 1) }
        let large = end - start > 0.5 ? 1 : 0
        let (o, i) = (Double(outer), Double(inner))
        let p = [point(start, radius: o), point(end, radius: o), point(end, radius: i), point(start, radius: i)].map {
            "\(ChartKey.coordinate($0.0)),\(ChartKey.coordinate($0.1))"
        }
        return "M\(p[0]) A\(outer),\(outer) 0 \(large) 1 \(p[1]) L\(p[2]) A\(inner),\(inner) 0 \(large) 0 \(p[3]) Z"
    }
}
