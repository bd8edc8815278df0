extension String {
    /// Whether the text holds at least one character a reader can see: not only spaces of any kind (U+3000 included),
    /// zero-width and other invisible format characters (U+200B–U+200D, U+2060, U+FEFF, U+180E…), Hangul fillers,
    /// the blank Braille pattern or lone combining marks. A name like 「\u{200B}」 is no name.
    public var hasVisibleCharacter: Bool { unicodeScalars.contains(where: \.isVisible) }
}

extension Unicode.Scalar {
    /// Not whitespace, not a default-ignorable or format, control or separator code point, not a mark on its own.
    var isVisible: Bool {
        let properties = self.properties
        if properties.isWhitespace || properties.isDefaultIgnorableCodePoint || value == 0x2800 { return false }
        switch properties.generalCategory {
        case .control, .format, .surrogate, .spaceSeparator, .lineSeparator, .paragraphSeparator, .nonspacingMark, .enclosingMark:
            return false
        default:
            return true
        }
    }
}
