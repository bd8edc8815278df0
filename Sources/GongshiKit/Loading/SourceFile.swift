/// One file read from the source dir.
public struct SourceFile: Sendable {
    /// Path relative to the source dir, with `/` separators (e.g. `content/promises/a.md`).
    public let path: String
    public let kind: ContentKind
    public let text: String

    public init(path: String, kind: ContentKind, text: String) {
        self.path = path
        self.kind = kind
        self.text = text
    }
}
