/// Compiles Mustache text into `MustacheNode`s, over UTF-8 bytes.
///
/// It reads templates as swift-mustache 2.1.1 does (whose parser still checks every template first and reports its
/// syntax errors, `TemplateLibrary.make`): the same standalone-line rule (a tag alone on its line, after only
/// spaces and tabs, takes the line with it), the same indentation of partials and blocks, the same name characters
/// and transforms, so a user's template renders as it did.
struct MustacheParser {
    /// Where and why a template could not be read.
    struct Failure: Error, Equatable {
        let offset: Int
        let message: String
    }

    private struct State {
        var sectionName: String?
        var sectionTransforms: [String] = []
        var newLine = true
        /// Inside `{{<parent}}…{{/parent}}`; directly inside it, `{{$name}}` defines an override.
        var isPartialDefinition = false
        var isPartialDefinitionTopLevel = false
        var start: [UInt8] = Array("{{".utf8)
        var end: [UInt8] = Array("}}".utf8)
        /// The indentation of an override's first line, taken off its later lines.
        var partialDefinitionIndent: [UInt8]?

        func inSection(_ name: String, newLine: Bool, transforms: [String] = []) -> State {
            var state = self
            state.sectionName = name
            state.sectionTransforms = transforms
            state.isPartialDefinitionTopLevel = false
            if !newLine { state.newLine = false }
            return state
        }

        func inParent(_ name: String) -> State {
            var state = self
            state.sectionName = name
            state.sectionTransforms = []
            state.newLine = true
            state.isPartialDefinition = true
            state.isPartialDefinitionTopLevel = true
            return state
        }
    }

    private let bytes: [UInt8]
    private var position = 0

    private init(_ text: String) { bytes = Array(text.utf8) }

    /// The nodes of `text`.
    static func parse(_ text: String) throws(Failure) -> [MustacheNode] {
        var parser = MustacheParser(text)
        return try parser.parse(State())
    }

    private static let space = UInt8(ascii: " "), tab = UInt8(ascii: "\t"), newline = UInt8(ascii: "\n")
    private static let carriageReturn = UInt8(ascii: "\r")
    private static let nameCharacters = Set("0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ.-_?*".utf8)
    private static let partialNameCharacters = nameCharacters.union("()/".utf8)

    private var atEnd: Bool { position >= bytes.count }

    /// The length of the line break at `index` (`\n` or `\r\n`), or 0.
    private func lineBreak(at index: Int) -> Int {
        guard index < bytes.count else { return 0 }
        if bytes[index] == Self.newline { return 1 }
        if bytes[index] == Self.carriageReturn, index + 1 < bytes.count, bytes[index + 1] == Self.newline { return 2 }
        return 0
    }

    private func fail(_ message: String) -> Failure { Failure(offset: min(position, bytes.count), message: message) }

    private mutating func parse(_ initial: State) throws(Failure) -> [MustacheNode] {
        var nodes: [MustacheNode] = []
        var state = initial
        var whiteSpaceBefore: [UInt8] = []
        func flushWhiteSpace() {
            if !whiteSpaceBefore.isEmpty { nodes.append(.text(whiteSpaceBefore)) }
            whiteSpaceBefore = []
        }
        while !atEnd {
            if state.newLine {
                let whiteSpace = readSpaces()
                if state.isPartialDefinition, !state.isPartialDefinitionTopLevel {
                    if let indent = state.partialDefinitionIndent {
                        whiteSpaceBefore = Array(whiteSpace.dropFirst(indent.count))
                    } else {
                        state.partialDefinitionIndent = whiteSpace
                    }
                } else {
                    whiteSpaceBefore = whiteSpace
                }
            }
            let (text, foundTag) = readText(state)
            let breakLength = foundTag ? 0 : lineBreak(at: position)
            if breakLength > 0 {
                nodes.append(.text(whiteSpaceBefore + text + bytes[position..<position + breakLength]))
                state.newLine = true
                position += breakLength
                continue
            }
            if !text.isEmpty {
                nodes.append(.text(whiteSpaceBefore + text))
                whiteSpaceBefore = []
                state.newLine = false
            }
            guard foundTag, !atEnd else { break }
            var setNewLine = false
            let sigil = bytes[position]
            switch sigil {
            case UInt8(ascii: "#"), UInt8(ascii: "^"):
                position += 1
                let name = try readName(state)
                if isStandalone(state) { setNewLine = true } else { flushWhiteSpace() }
                let body = try parse(state.inSection(name.text, newLine: setNewLine, transforms: name.transforms))
                nodes.append(.section(name, body, inverted: sigil == UInt8(ascii: "^")))
            case UInt8(ascii: "/"):
                position += 1
                let name = try readName(state)
                guard name.text == state.sectionName, name.transforms == state.sectionTransforms else {
                    throw fail("section closed with the wrong name")
                }
                if !isStandalone(state) { flushWhiteSpace() }
                return nodes
            case UInt8(ascii: "!"):
                position += 1
                guard let close = find(state.end) else { throw fail("unfinished comment") }
                position = close + state.end.count
                setNewLine = isStandalone(state)
            case UInt8(ascii: "{"), UInt8(ascii: "&"):
                flushWhiteSpace()
                position += 1
                let name = try readName(state)
                if sigil == UInt8(ascii: "{") {
                    guard !atEnd, bytes[position] == UInt8(ascii: "}") else { throw fail("unfinished name") }
                    position += 1
                }
                nodes.append(.variable(name, escaped: false))
            case UInt8(ascii: ">"):
                position += 1
                skipWhiteSpace()
                let dynamic = !atEnd && bytes[position] == UInt8(ascii: "*")
                if dynamic { position += 1 }
                let name = try readPartialName(state)
                if !whiteSpaceBefore.isEmpty { nodes.append(.text(whiteSpaceBefore)) }
                let standalone = isStandalone(state)
                setNewLine = standalone
                nodes.append(.partial(name, dynamic: dynamic, indentation: standalone ? whiteSpaceBefore : nil, overrides: nil))
                whiteSpaceBefore = []
            case UInt8(ascii: "<"):
                position += 1
                skipWhiteSpace()
                let written = try readPartialName(state)
                let dynamic = written.first == "*"
                if !whiteSpaceBefore.isEmpty { nodes.append(.text(whiteSpaceBefore)) }
                setNewLine = isStandalone(state)
                var overrides: [String: [MustacheNode]] = [:]
                for node in try parse(state.inParent(written)) {
                    switch node {
                    case .blockDefinition(let block, let body): overrides[block] = body
                    case .text: break
                    default: throw fail("only blocks may stand inside a parent")
                    }
                }
                nodes.append(.partial(dynamic ? String(written.dropFirst()) : written, dynamic: dynamic, indentation: whiteSpaceBefore, overrides: overrides))
                whiteSpaceBefore = []
            case UInt8(ascii: "$"):
                position += 1
                let name = try readName(state)
                guard name.transforms.isEmpty else { throw fail("a block takes no transform") }
                if state.isPartialDefinitionTopLevel {
                    setNewLine = isStandalone(state)
                    nodes.append(.blockDefinition(name.text, try parse(state.inSection(name.text, newLine: setNewLine))))
                } else {
                    if !whiteSpaceBefore.isEmpty { nodes.append(.text(whiteSpaceBefore)) }
                    setNewLine = isStandalone(state)
                    let body = try parse(state.inSection(name.text, newLine: setNewLine))
                    nodes.append(.blockExpansion(name.text, body, indentation: whiteSpaceBefore))
                    whiteSpaceBefore = []
                }
            case UInt8(ascii: "="):
                position += 1
                try readDelimiters(&state)
                setNewLine = isStandalone(state)
            case UInt8(ascii: "%"):
                position += 1
                nodes.append(try readContentType(state))
                setNewLine = isStandalone(state)
            default:
                flushWhiteSpace()
                nodes.append(.variable(try readName(state), escaped: true))
            }
            state.newLine = setNewLine
        }
        guard state.sectionName == nil else { throw fail("section \(state.sectionName!) is not closed") }
        return nodes
    }

    /// Reads text up to a line break (left unread) or a tag's start delimiter (read); `foundTag` tells which.
    private mutating func readText(_ state: State) -> (text: ArraySlice<UInt8>, foundTag: Bool) {
        let start = position
        let first = state.start[0]
        while position < bytes.count {
            let byte = bytes[position]
            if byte == first, matches(state.start, at: position) {
                let text = bytes[start..<position]
                position += state.start.count
                return (text, true)
            }
            if lineBreak(at: position) > 0 { break }
            position += 1
        }
        return (bytes[start..<position], false)
    }

    private func matches(_ delimiter: [UInt8], at index: Int) -> Bool {
        guard index + delimiter.count <= bytes.count else { return false }
        for offset in 0..<delimiter.count where bytes[index + offset] != delimiter[offset] { return false }
        return true
    }

    private func find(_ delimiter: [UInt8]) -> Int? {
        var index = position
        while index + delimiter.count <= bytes.count {
            if matches(delimiter, at: index) { return index }
            index += 1
        }
        return nil
    }

    private mutating func readSpaces() -> [UInt8] {
        let start = position
        while !atEnd, bytes[position] == Self.space || bytes[position] == Self.tab { position += 1 }
        return Array(bytes[start..<position])
    }

    private static func isWhiteSpace(_ byte: UInt8) -> Bool { byte == space || byte == tab || byte == newline || byte == carriageReturn }

    private mutating func skipWhiteSpace() {
        while !atEnd, Self.isWhiteSpace(bytes[position]) { position += 1 }
    }

    /// A tag is standalone when its line held only spaces before it and holds only spaces after it: the rest of the
    /// line, its break included, is then read.
    private mutating func isStandalone(_ state: State) -> Bool {
        guard state.newLine else { return false }
        if atEnd { return true }
        var index = position
        while index < bytes.count, bytes[index] == Self.space || bytes[index] == Self.tab { index += 1 }
        let breakLength = lineBreak(at: index)
        guard breakLength > 0 else { return false }
        position = index + breakLength
        return true
    }

    private mutating func readWhile(_ allowed: Set<UInt8>) -> String {
        let start = position
        while !atEnd, allowed.contains(bytes[position]) { position += 1 }
        return String(decoding: bytes[start..<position], as: UTF8.self)
    }

    private mutating func expectEnd(_ state: State) throws(Failure) {
        guard matches(state.end, at: position) else { throw fail("unfinished name") }
        position += state.end.count
    }

    /// `name`, `f(name)`, `f(g(name))` or `f()`, then the end delimiter.
    private mutating func readName(_ state: State) throws(Failure) -> MustacheName {
        skipWhiteSpace()
        let text = readWhile(Self.nameCharacters.union("()".utf8))
        skipWhiteSpace()
        try expectEnd(state)
        guard text.contains("(") else { return MustacheName(text, transforms: []) }
        var transforms: [String] = []
        var rest = Substring(text)
        while let open = rest.firstIndex(of: "(") {
            let transform = rest[..<open]
            guard !transform.contains(")") else { throw fail("unfinished name") }
            transforms.append(String(transform))
            rest = rest[rest.index(after: open)...]
        }
        let closing = rest.drop { $0 != ")" }
        let name = rest.prefix { $0 != ")" }
        guard closing.count == transforms.count, closing.allSatisfy({ $0 == ")" }), !name.contains("(") else {
            throw fail("unfinished name")
        }
        return MustacheName(String(name), transforms: transforms)
    }

    private mutating func readPartialName(_ state: State) throws(Failure) -> String {
        skipWhiteSpace()
        let name = readWhile(Self.partialNameCharacters)
        skipWhiteSpace()
        try expectEnd(state)
        return name
    }

    /// `{{=<% %>=}}`: the new start and end delimiters, for the rest of this section.
    private mutating func readDelimiters(_ state: inout State) throws(Failure) {
        func word(endingAtEquals: Bool) -> [UInt8] {
            let start = position
            while !atEnd, !Self.isWhiteSpace(bytes[position]), !(endingAtEquals && bytes[position] == UInt8(ascii: "=")) { position += 1 }
            return Array(bytes[start..<position])
        }
        skipWhiteSpace()
        let start = word(endingAtEquals: false)
        skipWhiteSpace()
        let end = word(endingAtEquals: true)
        skipWhiteSpace()
        guard !atEnd, bytes[position] == UInt8(ascii: "=") else { throw fail("invalid set delimiter") }
        position += 1
        try expectEnd(state)
        guard !start.isEmpty, !end.isEmpty else { throw fail("invalid set delimiter") }
        state.start = start
        state.end = end
        state.isPartialDefinitionTopLevel = false
    }

    /// `{{%CONTENT_TYPE:HTML}}` or `{{%CONTENT_TYPE:TEXT}}`.
    private mutating func readContentType(_ state: State) throws(Failure) -> MustacheNode {
        let word = Self.nameCharacters
        skipWhiteSpace()
        let variable = readWhile(word)
        skipWhiteSpace()
        guard !atEnd, bytes[position] == UInt8(ascii: ":") else { throw fail("invalid config variable") }
        position += 1
        skipWhiteSpace()
        let value = readWhile(word)
        skipWhiteSpace()
        try expectEnd(state)
        guard variable == "CONTENT_TYPE", value == "HTML" || value == "TEXT" else { throw fail("unrecognised config variable") }
        return .contentType(escapesHTML: value == "HTML")
    }
}
