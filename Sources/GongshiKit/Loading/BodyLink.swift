/// A link or image in a Markdown body, as written (after the privacy mask), with its line in the file.
public struct BodyLink: Sendable, Hashable, Codable {
    /// The destination as written.
    public var url: String
    /// 1-based: in the body from `MarkdownRenderer.linkTargets`, in the file once loaded.
    public var line: Int
    /// An image (`![…](…)`) rather than a link.
    public var isImage: Bool
    /// The plain text inside the brackets: an image's alt text (its caption, for a photo in the source dir).
    public var text: String

    /// A link or image at `line`.
    public init(url: String, line: Int, isImage: Bool, text: String = "") {
        (self.url, self.line, self.isImage, self.text) = (url, line, isImage, text)
    }
}
