/// Replaces the Markdown images of a body (`<img src="KEY" …>` as cmark writes them, KEY in the record's
/// `bodyImages`) with the published versions, in the same markup as the templates' `photo` partial: an image alone
/// in its paragraph becomes a `<figure>` in place of the paragraph, one inside text a `<span class="photo photo-inline">` (a
/// `<figure>` may not be inside a `<p>`). An `<img>` whose `src` is not a key is left as it is.
enum BodyImageMarkup {
    /// `url` gives a version's address: relative to the page, or absolute in a feed.
    static func apply(_ html: String, images: [String: ImageFile], url: (ImageVariant) -> String) -> String {
        guard !images.isEmpty, html.contains("<img ") else { return html }
        var out = ""
        var rest = html[...]
        while let open = rest.range(of: "<img ") {
            guard let close = rest[open.upperBound...].firstIndex(of: ">"), let key = source(in: rest[open.lowerBound...close]),
                let file = images[key]
            else {
                out += rest[..<open.upperBound]
                rest = rest[open.upperBound...]
                continue
            }
            let before = rest[..<open.lowerBound]
            let after = rest[rest.index(after: close)...]
            let photo = Rows.photo(file, use: .page, url: url)
            if before.hasSuffix("<p>"), after.hasPrefix("</p>") {
                out += before.dropLast(3) + figure(photo)
                rest = after.dropFirst(4)
            } else {
                out += before + inline(photo)
                rest = after
            }
        }
        return out + rest
    }

    /// The first image of `html` that is one of `images`, in the order of the text.
    static func first(in html: String, images: [String: ImageFile]) -> ImageFile? {
        guard !images.isEmpty else { return nil }
        var rest = html[...]
        while let open = rest.range(of: "<img ") {
            guard let close = rest[open.upperBound...].firstIndex(of: ">") else { return nil }
            if let key = source(in: rest[open.lowerBound...close]), let file = images[key] { return file }
            rest = rest[close...]
        }
        return nil
    }

    /// The value of the tag's ` src="…"` attribute, as written.
    static func source(in tag: Substring) -> String? {
        guard let start = tag.range(of: " src=\"") else { return nil }
        guard let end = tag[start.upperBound...].firstIndex(of: "\"") else { return nil }
        return String(tag[start.upperBound..<end])
    }

    static func image(_ p: Rows.Photo) -> String {
        "<a href=\"\(p.href.xmlEscaped)\"><img src=\"\(p.src.xmlEscaped)\" srcset=\"\(p.srcset.xmlEscaped)\" sizes=\"\(p.sizes)\" width=\"\(p.width)\" "
            + "height=\"\(p.height)\" loading=\"lazy\" decoding=\"async\" alt=\"\(p.alt.xmlEscaped)\"></a>"
    }

    static func figure(_ p: Rows.Photo) -> String {
        "<figure class=\"photo \(p.use)\">\(image(p))<figcaption>\(p.alt.xmlEscaped)</figcaption></figure>"
    }

    static func inline(_ p: Rows.Photo) -> String {
        "<span class=\"photo photo-inline\">\(image(p))<span class=\"figcaption\">\(p.alt.xmlEscaped)</span></span>"
    }
}
