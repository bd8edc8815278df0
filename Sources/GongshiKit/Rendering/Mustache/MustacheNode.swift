/// One piece of a compiled Mustache template (`MustacheParser` makes them, `MustacheRenderer` renders them).
indirect enum MustacheNode: Sendable {
    /// Template text, UTF-8; a piece ends at the end of a line at the latest.
    case text([UInt8])
    /// `{{name}}` (escaped) or `{{{name}}}` / `{{&name}}`.
    case variable(MustacheName, escaped: Bool)
    /// `{{#name}}…{{/name}}`, or `{{^name}}…{{/name}}` when inverted.
    case section(MustacheName, [MustacheNode], inverted: Bool)
    /// `{{$name}}…{{/name}}` directly inside `{{<parent}}`: an override of the parent's block.
    case blockDefinition(String, [MustacheNode])
    /// `{{$name}}default{{/name}}` elsewhere: the override of `name`, else the default.
    case blockExpansion(String, [MustacheNode], indentation: [UInt8])
    /// `{{>name}}` (no overrides) or `{{<name}}…{{/name}}`; `{{>*name}}` takes the partial's name from the context.
    /// `indentation` is set for a partial alone on its line.
    case partial(String, dynamic: Bool, indentation: [UInt8]?, overrides: [String: [MustacheNode]]?)
    /// `{{%CONTENT_TYPE:HTML}}` or `{{%CONTENT_TYPE:TEXT}}`: whether the rest of the template escapes HTML.
    case contentType(escapesHTML: Bool)
}

/// A name as a tag writes it: `.`, `a.b.c`, `.a` (the innermost context only), or wrapped in transforms,
/// `empty(list)`, `plusone(index())`.
struct MustacheName: Sendable, Equatable {
    /// `name.split(".")`, empty for `.` and for a transform of the sequence (`index()`).
    let parts: [String]
    /// The text between the brackets, as written: `.`, `a.b`, `.a`, or empty.
    let text: String
    /// Outermost first: `f(g(x))` is `["f", "g"]`; applied innermost first.
    let transforms: [String]

    init(_ text: String, transforms: [String]) {
        self.text = text
        self.transforms = transforms
        parts = text.split(separator: ".").map(String.init)
    }
}
