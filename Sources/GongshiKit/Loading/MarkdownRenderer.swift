import CCmark
import Foundation

/// Renders Markdown to HTML with libcmark. The only file that imports CCmark.
public enum MarkdownRenderer {
    /// Safe mode is cmark's default (raw HTML and `javascript:` links are dropped); `CMARK_OPT_UNSAFE` is never set.
    static let options = CMARK_OPT_DEFAULT | CMARK_OPT_VALIDATE_UTF8

    /// HTML for a Markdown body. `headingOffset` pushes headings down (1 turns `##` into `<h3>`) for bodies
    /// shown inside a page section that already has its own `<h2>`. `mask` rewrites every piece of text the HTML shows
    /// (see `PrivacyScreen`).
    public static func html(_ markdown: String, headingOffset: Int = 0, mask: (String) -> String = { $0 }) -> String {
        render(markdown, headingOffset: headingOffset, mask: mask).html
    }

    /// HTML plus the plain text of the first paragraph, from one parse.
    public static func htmlAndFirstParagraph(_ markdown: String, mask: (String) -> String = { $0 }) -> (html: String, firstParagraph: String) {
        render(markdown, headingOffset: 0, mask: mask)
    }

    private static func render(_ markdown: String, headingOffset: Int, mask: (String) -> String) -> (html: String, firstParagraph: String) {
        markdown.withCString { pointer in
            guard let document = cmark_parse_document(pointer, strlen(pointer), options) else { return ("", "") }
            defer { cmark_node_free(document) }
            if headingOffset != 0 { shiftHeadings(document, by: headingOffset) }
            maskText(document, with: mask)
            var html = ""
            if let rendered = cmark_render_html(document, options) {
                html = String(cString: rendered)
                free(rendered)
            }
            return (html, firstParagraphText(document))
        }
    }

    /// Every link and image destination of a Markdown body with its line (1 = the body's first line), from the parse
    /// tree, so reference links (`[x][1]` … `[1]: 地址`) count too. A body without `](` or `]:` has none and is not
    /// parsed (looked for byte by byte, as Foundation's `contains` finds them: see `UTF8Text`).
    public static func linkTargets(_ markdown: String) -> [BodyLink] {
        guard UTF8Text.contains("](", in: markdown) || UTF8Text.contains("]:", in: markdown) else { return [] }
        return markdown.withCString { pointer in
            guard let document = cmark_parse_document(pointer, strlen(pointer), options) else { return [] }
            defer { cmark_node_free(document) }
            guard let iterator = cmark_iter_new(document) else { return [] }
            defer { cmark_iter_free(iterator) }
            var links: [BodyLink] = []
            // Inline nodes carry no line of their own: the line is the block's first line plus the line breaks before.
            var line = 1
            while cmark_iter_next(iterator) != CMARK_EVENT_DONE {
                guard let node = cmark_iter_get_node(iterator), cmark_iter_get_event_type(iterator) == CMARK_EVENT_ENTER else { continue }
                let type = cmark_node_get_type(node)
                switch type {
                case CMARK_NODE_PARAGRAPH, CMARK_NODE_HEADING:
                    line = max(Int(cmark_node_get_start_line(node)), 1)
                case CMARK_NODE_SOFTBREAK, CMARK_NODE_LINEBREAK:
                    line += 1
                case CMARK_NODE_LINK, CMARK_NODE_IMAGE:
                    guard let url = cmark_node_get_url(node) else { continue }
                    let isImage = type == CMARK_NODE_IMAGE
                    links.append(BodyLink(url: String(cString: url), line: line, isImage: isImage, text: isImage ? plainText(of: node) : ""))
                default:
                    break
                }
            }
            return links
        }
    }

    /// The plain text of a node's children, as cmark writes an image's `alt` attribute (before HTML escaping).
    private static func plainText(of node: OpaquePointer) -> String {
        guard let iterator = cmark_iter_new(node) else { return "" }
        defer { cmark_iter_free(iterator) }
        var text = ""
        while cmark_iter_next(iterator) != CMARK_EVENT_DONE {
            guard let current = cmark_iter_get_node(iterator), current != node,
                cmark_iter_get_event_type(iterator) == CMARK_EVENT_ENTER
            else { continue }
            switch cmark_node_get_type(current) {
            case CMARK_NODE_TEXT, CMARK_NODE_CODE, CMARK_NODE_HTML_INLINE:
                if let literal = cmark_node_get_literal(current) { text += String(cString: literal) }
            case CMARK_NODE_SOFTBREAK, CMARK_NODE_LINEBREAK:
                text += " "
            default:
                break
            }
        }
        return text
    }

    /// The `src` attribute cmark writes for an image whose destination is `url` (percent-encoding what a URL may not
    /// hold, `&` as `&amp;`), exactly as it appears in a body's HTML: rendered by cmark itself.
    public static func imageSource(_ url: String) -> String {
        guard let document = cmark_node_new(CMARK_NODE_DOCUMENT) else { return url }
        defer { cmark_node_free(document) }
        guard let paragraph = cmark_node_new(CMARK_NODE_PARAGRAPH), let image = cmark_node_new(CMARK_NODE_IMAGE) else { return url }
        cmark_node_append_child(document, paragraph)
        cmark_node_append_child(paragraph, image)
        cmark_node_set_url(image, url)
        guard let rendered = cmark_render_html(document, options) else { return url }
        defer { free(rendered) }
        let html = String(cString: rendered)
        guard let start = html.range(of: "src=\""), let end = html[start.upperBound...].firstIndex(of: "\"") else { return url }
        return String(html[start.upperBound..<end])
    }

    private static func shiftHeadings(_ document: OpaquePointer, by offset: Int) {
        guard let iterator = cmark_iter_new(document) else { return }
        defer { cmark_iter_free(iterator) }
        while cmark_iter_next(iterator) != CMARK_EVENT_DONE {
            guard let node = cmark_iter_get_node(iterator), cmark_node_get_type(node) == CMARK_NODE_HEADING,
                cmark_iter_get_event_type(iterator) == CMARK_EVENT_ENTER
            else { continue }
            let level = Int(cmark_node_get_heading_level(node))
            cmark_node_set_heading_level(node, Int32(min(max(level + offset, 1), 6)))
        }
    }

    /// Passes text, code, link and image targets and titles and code-block info through `mask`. Masking the parsed
    /// text rather than the Markdown keeps a mask's `*` from turning into emphasis and also covers escaped digits.
    private static func maskText(_ document: OpaquePointer, with mask: (String) -> String) {
        // Adjacent text nodes (cmark splits at `_`, `&`…) are merged so an address is masked whole.
        cmark_consolidate_text_nodes(document)
        guard let iterator = cmark_iter_new(document) else { return }
        defer { cmark_iter_free(iterator) }
        func rewrite(_ value: UnsafePointer<CChar>?, _ set: (String) -> Void) {
            guard let value else { return }
            let text = String(cString: value)
            let masked = mask(text)
            if masked != text { set(masked) }
        }
        while cmark_iter_next(iterator) != CMARK_EVENT_DONE {
            guard let node = cmark_iter_get_node(iterator), cmark_iter_get_event_type(iterator) == CMARK_EVENT_ENTER else { continue }
            switch cmark_node_get_type(node) {
            case CMARK_NODE_TEXT, CMARK_NODE_CODE, CMARK_NODE_CODE_BLOCK:
                rewrite(cmark_node_get_literal(node)) { cmark_node_set_literal(node, $0) }
                rewrite(cmark_node_get_fence_info(node)) { cmark_node_set_fence_info(node, $0) }
            case CMARK_NODE_LINK, CMARK_NODE_IMAGE:
                rewrite(cmark_node_get_url(node)) { cmark_node_set_url(node, $0) }
                rewrite(cmark_node_get_title(node)) { cmark_node_set_title(node, $0) }
            default:
                break
            }
        }
    }

    private static func firstParagraphText(_ document: OpaquePointer) -> String {
        var node = cmark_node_first_child(document)
        while let current = node, cmark_node_get_type(current) != CMARK_NODE_PARAGRAPH {
            node = cmark_node_next(current)
        }
        guard let paragraph = node, let iterator = cmark_iter_new(paragraph) else { return "" }
        defer { cmark_iter_free(iterator) }
        var text = ""
        while cmark_iter_next(iterator) != CMARK_EVENT_DONE {
            guard let current = cmark_iter_get_node(iterator) else { continue }
            switch cmark_node_get_type(current) {
            case CMARK_NODE_TEXT, CMARK_NODE_CODE:
                if let literal = cmark_node_get_literal(current) { text += String(cString: literal) }
            case CMARK_NODE_SOFTBREAK, CMARK_NODE_LINEBREAK:
                text += text.last?.isASCII == true ? " " : ""
            default:
                break
            }
        }
        return text
    }
}
