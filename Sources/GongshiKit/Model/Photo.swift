/// 照片 as written in front matter: `images: [{file, caption}]` on examples, disclosures, branches and 践诺 entries.
/// A Markdown image in a body that points at a file inside the source dir is one too (its alt text is the caption).
public struct ImageRef: Sendable, Codable, Hashable {
    /// A path relative to the content file's folder, with the same rules as an attachment's.
    public let file: String
    /// The alt text and the visible caption; required, and not just the file name.
    public let caption: String

    enum CodingKeys: String, CodingKey, CaseIterable { case file, caption }

    public init(file: String, caption: String) {
        self.file = file
        self.caption = caption
    }
}

/// What the image stage accepts and makes. One source of truth for the limits the README documents.
public enum PhotoSettings {
    /// Source types accepted (by content, never by name alone). HEIC (an iPhone's photos) is decoded by Debian's
    /// libvips through libheif and libde265.
    public static let allowedExtensions = ["jpg", "jpeg", "png", "webp", "heic", "heif"]
    /// Larger source files are refused before they are decoded.
    public static let maximumBytes = 30 * 1024 * 1024
    /// Larger images (width × height from the header) are refused before they are decoded: a decompression bomb.
    public static let maximumPixels = 50_000_000
    /// Widths of the published versions: small for lists, cards and thumbnails, large for the page. Never upscaled.
    public static let smallWidth = 480
    public static let largeWidth = 1280
    /// JPEG quality of both versions.
    public static let jpegQuality = 82
}

/// One published, resized version of a photo.
public struct ImageVariant: Sendable, Hashable {
    /// The published file's name under `media/` (`Route.media`), derived from the source's content hash and the
    /// settings: `3f2a…-480.jpg`.
    public let name: String
    public let width: Int
    public let height: Int
    /// The encoded bytes' file in the cache directory; the page stage copies it into the release.
    public let cachedFile: String

    public init(name: String, width: Int, height: Int, cachedFile: String) {
        self.name = name
        self.width = width
        self.height = height
        self.cachedFile = cachedFile
    }

    public var route: Route { .media(name) }
}

/// A photo checked and processed by the image stage: orientation applied, every metadata stripped, resized.
public struct ImageFile: Sendable, Hashable {
    public let caption: String
    /// SHA-256 (hex) of the source bytes.
    public let sourceHash: String
    /// For lists, cards, thumbnails and the small `srcset` entry.
    public let small: ImageVariant
    /// For the page and the link to the full view.
    public let large: ImageVariant

    public init(caption: String, sourceHash: String, small: ImageVariant, large: ImageVariant) {
        self.caption = caption
        self.sourceHash = sourceHash
        self.small = small
        self.large = large
    }

    /// Both versions, small first.
    public var variants: [ImageVariant] { small == large ? [small] : [small, large] }
}
