/// A link or image in a Markdown body, as written (after the privacy mask), with its line in the file.
public struct BodyLink: Sendable, Hashable {
    public var url: String
    public var line: Int
    public var isImage: Bool

    public init(url: String, line: Int, isImage: Bool) {
        (self.url, self.line, self.isImage) = (url, line, isImage)
    }
}
