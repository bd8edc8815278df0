/// What a page shows of a photo (`ImageFile`): the small version as `src`, both versions in `srcset`, the
/// displayed size's `width`/`height` (no layout shift), a link to the large version, and the caption as alt text.
extension Rows {
    struct Photo: Encodable, Sendable {
        let src, srcset, sizes: String
        let width, height: Int
        /// The large version: the full view.
        let href: String
        let alt: String
        /// Whether the caption shows under it too: not for a thumbnail, whose caption is its alt text. (A flag, not
        /// an absent caption: a missing key would be looked up in the enclosing contexts.)
        let captioned: Bool
        /// `photo-page`, `photo-card` or `photo-thumb` (the stylesheet's sizes).
        let use: String
    }

    /// Where a photo shows, which sets its `sizes` (the column it fills) and which version's size it declares.
    enum PhotoUse: String {
        /// A gallery on an item's page: the text column, up to the large version.
        case page
        /// An example's card in a list, or on the poster.
        case card
        /// Beside a 践诺 record.
        case thumb

        /// The `sizes` attribute: the widths the stylesheet gives it (`.photo-page`, `.photo-card`, `.photo-thumb`).
        var sizes: String {
            switch self {
            case .page: return "(max-width: 50rem) 100vw, 48rem"
            case .card: return "(max-width: 39.99rem) 100vw, 16rem"
            case .thumb: return "6rem"
            }
        }
    }

    func photo(_ file: ImageFile, use: PhotoUse) -> Photo {
        Self.photo(file, use: use) { href(.media($0.name)) }
    }

    func photos(_ files: [ImageFile], use: PhotoUse = .page) -> [Photo] { files.map { photo($0, use: use) } }

    /// The markup's values with the URLs `url` gives each version (relative on pages, absolute in feeds).
    static func photo(_ file: ImageFile, use: PhotoUse, url: (ImageVariant) -> String) -> Photo {
        let srcset = file.variants.map { "\(url($0)) \($0.width)w" }.joined(separator: ", ")
        // A page shows the large version's box (scaled down by the stylesheet), a card or a thumbnail the small one's.
        let shown = use == .page ? file.large : file.small
        return Photo(
            src: url(file.small), srcset: srcset, sizes: use.sizes, width: shown.width, height: shown.height, href: url(file.large),
            alt: file.caption, captioned: use != .thumb, use: "photo-\(use.rawValue)")
    }
}

extension Rows {
    /// A record's body with its Markdown images replaced by the published versions (`BodyImageMarkup`).
    func body(_ html: String, images: [String: ImageFile]) -> String {
        BodyImageMarkup.apply(html, images: images) { href(.media($0.name)) }
    }

    /// The photo a share of the page shows (`og:image`): the first of `files`, else the body's first image.
    static func sharedImage(_ files: [ImageFile], body html: String, images: [String: ImageFile]) -> ImageFile? {
        files.first ?? BodyImageMarkup.first(in: html, images: images)
    }
}
