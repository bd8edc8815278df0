/// Finds YAML anchors (`&name`) before front matter is composed, so they can be refused.
///
/// Composing shares an aliased node instead of copying it, but Yams then walks shared nodes in full — it hashes
/// every mapping key and flattens merge keys (`<<`) — so a few lines of nested aliases take exponential time and
/// memory ("billion laughs"). Content never needs anchors, and without anchors an alias is only an error.
/// The scan errs on the safe side: it finds every `&` that libyaml could read as an anchor (at the start of a
/// token, then `[0-9A-Za-z_-]+`, then a blank or one of `?:,]}%@` and the backtick), and may also take such text
/// inside a scalar (`a &b c`) for one.
enum YAMLAnchorFinder {
    /// The line (1-based, within `yaml`) and name of the first anchor, if any.
    static func firstAnchor(in yaml: String) -> (line: Int, name: String)? {
        let scalars = Array(yaml.unicodeScalars)
        var line = 1
        for index in scalars.indices {
            if scalars[index] == "\n" { line += 1 }
            guard scalars[index] == "&", index == 0 || tokenBoundaries.contains(scalars[index - 1]) else { continue }
            let name = scalars[(index + 1)...].prefix(while: isAnchorCharacter)
            let next = index + 1 + name.count
            if !name.isEmpty, next == scalars.count || anchorEnds.contains(scalars[next]) {
                return (line, String(String.UnicodeScalarView(name)))
            }
        }
        return nil
    }

    /// The error for an anchor named `name`.
    static func message(_ name: String) -> String {
        "front matter 不支持 YAML 锚点「&\(name)」和别名（*名称）：请把内容直接写出来；如果这是普通文字，请去掉 & 前的空格或改用全角“＆”"
    }

    /// Blanks, line breaks (with NEL, LS and PS), the byte-order mark and the indicators a token may directly follow.
    private static let tokenBoundaries: Set<Unicode.Scalar> = [
        " ", "\t", "\n", "\r", "\u{85}", "\u{2028}", "\u{2029}", "\u{FEFF}", "[", "{", ",", ":", "?",
    ]

    /// What libyaml accepts right after an anchor name.
    private static let anchorEnds: Set<Unicode.Scalar> = [
        " ", "\t", "\n", "\r", "\u{85}", "\u{2028}", "\u{2029}", "\0", "?", ":", ",", "]", "}", "%", "@", "`",
    ]

    private static func isAnchorCharacter(_ scalar: Unicode.Scalar) -> Bool {
        scalar.isASCII && (scalar.properties.isAlphabetic || ("0"..."9").contains(scalar) || scalar == "_" || scalar == "-")
    }
}
