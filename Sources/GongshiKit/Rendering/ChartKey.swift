/// What the multi-part charts (stacked bars, donuts) share: the fill of each part, told apart by colour *and*
/// pattern (solid, diagonal lines, cross-hatch, dots, horizontal, vertical lines) so a part stays identifiable for
/// colour-blind readers and on a black-and-white printout; a legend that names every part; fixed number formats.
/// Colours come from CSS classes (`chart-part-N` in `site.css`); patterns are SVG `<pattern>`s, no inline styles.
enum ChartKey {
    /// Number of distinct colour + pattern pairs; parts beyond it repeat them (the legend still names each).
    static let count = 6

    /// `<defs>` with one pattern per part, ids prefixed with the chart's id so several charts can share a page.
    static func defs(id: String, parts: Int) -> String {
        let hatches = [
            "",
            "<path d=\"M-3,3 l6,-6 M0,12 l12,-12 M9,15 l6,-6\" class=\"chart-hatch\"/>",
            "<path d=\"M0,0 l12,12 M12,0 l-12,12\" class=\"chart-hatch\"/>",
            "<circle cx=\"6\" cy=\"6\" r=\"2.5\" class=\"chart-dot\"/>",
            "<path d=\"M0,6 h12\" class=\"chart-hatch\"/>",
            "<path d=\"M6,0 v12\" class=\"chart-hatch\"/>",
        ]
        var out = "<defs>"
        for part in 0..<min(parts, count) {
            out += "<pattern id=\"\(id)-p\(part)\" width=\"12\" height=\"12\" patternUnits=\"userSpaceOnUse\">"
            out += "<rect width=\"12\" height=\"12\" class=\"chart-part-\(part)\"/>\(hatches[part])</pattern>"
        }
        return out + "</defs>"
    }

    /// The `fill` attribute value of part `index`.
    static func fill(id: String, _ index: Int) -> String { "url(#\(id)-p\(index % count))" }

    /// A legend of swatches and names laid out in rows from (`x`, `y`) within `width`; returns the markup and
    /// the y just below it. Names are never shortened: each item takes the room its text needs.
    static func legend(id: String, names: [String], x: Int, y: Int, width: Int, fontSize: Int) -> (svg: String, bottom: Int) {
        var out = ""
        var cx = x
        var cy = y
        let lineHeight = fontSize + 14
        for (index, name) in names.enumerated() {
            let itemWidth = fontSize + 8 + textWidth(name, fontSize: fontSize) + 24
            if cx > x, cx + itemWidth > x + width {
                cx = x
                cy += lineHeight
            }
            out += "<rect x=\"\(cx)\" y=\"\(cy)\" width=\"\(fontSize)\" height=\"\(fontSize)\" fill=\"\(fill(id: id, index))\" class=\"chart-swatch\"/>"
            out += "<text x=\"\(cx + fontSize + 8)\" y=\"\(cy + fontSize - 3)\" class=\"chart-label\">\(name.xmlEscaped)</text>"
            cx += itemWidth
        }
        return (out, names.isEmpty ? y : cy + lineHeight)
    }

    /// Approximate rendered width: CJK characters are one em, everything else about 0.6 em.
    static func textWidth(_ text: String, fontSize: Int) -> Int {
        let ems = text.unicodeScalars.reduce(0.0) { $0 + ($1.value >= 0x2E80 ? 1.0 : 0.6) }
        return Int((ems * Double(fontSize)).rounded(.up))
    }

    /// `text`, shortened with … so it fits `width` units.
    static func shortened(_ text: String, toFit width: Int, fontSize: Int) -> String {
        guard textWidth(text, fontSize: fontSize) > width else { return text }
        var kept = ""
        for character in text {
            if textWidth(kept + String(character) + "…", fontSize: fontSize) > width { break }
            kept.append(character)
        }
        return kept + "…"
    }

    /// A coordinate with at most one decimal, the same text on every platform (`12`, `12.5`, never `-0`).
    static func coordinate(_ value: Double) -> String {
        let tenths = Int((value * 10).rounded())
        let sign = tenths < 0 ? "-" : ""
        let magnitude = abs(tenths)
        return magnitude % 10 == 0 ? "\(sign)\(magnitude / 10)" : "\(sign)\(magnitude / 10).\(magnitude % 10)"
    }

    /// `40%` or `33.3%` of `part` in `total`.
    static func share(_ part: Int, of total: Int) -> String {
        total > 0 ? Statistics.percent(Double(part) / Double(total) * 100) : "—"
    }
}
