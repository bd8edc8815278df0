/// Turns the publishable model into search documents; only what the site shows is ever indexed. Besides title and
/// body, each document holds the public names its pages show, labelled as there (「书记 王芳」, 「岗位 …」, 「人物 …」,
/// 「荣誉 …」, 「审核 …」), so that 「王芳」 finds her organisation and 「王芳书记」 finds it too.
enum SearchDocuments {
    static func make(_ model: SiteModel) -> [SearchDocument] {
        let name = { (id: String) in model.branchByID[id]?.name ?? id }
        var documents: [SearchDocument] = []
        for letter in model.promises {
            // Each item with its note and its 践诺 records, which residents search for as they read them.
            let items = letter.items.map { item in
                ([item.note.map { "\(item.text) 说明：\($0)" } ?? item.text] + item.entriesNewestFirst.map { "践诺：\($0.text)" }).joined(separator: " ")
            }
            let facts = facts([("身份", letter.role.rawValue), ("岗位", letter.post)])
            documents.append(
                SearchDocument(
                    id: "promise:\(letter.id)", kind: "承诺", title: "\(letter.promiser)的\(letter.year)年承诺书",
                    body: .html(prefix: facts + (items + [""]).joined(separator: "\n"), letter.bodyHTML), url: Route.promise(letter.id).url,
                    branchID: letter.branch, branchName: name(letter.branch), date: letter.published, year: letter.year))
        }
        for item in model.disclosures {
            // After the body: the procedure and the feedback channel are what a result's snippet shows least.
            let facts = facts([
                ("类别", item.category), ("审核", item.reviewed?.by), ("审批", item.approved?.by), ("意见反馈", item.feedback),
            ])
            documents.append(
                SearchDocument(
                    id: "disclosure:\(item.id)", kind: "公开", title: item.title, body: .html(prefix: "", item.bodyHTML, suffix: facts),
                    url: Route.disclosure(item.id).url, branchID: item.branch, branchName: name(item.branch), date: item.published))
        }
        for example in model.examples {
            let facts = facts([("人物", example.people?.joined(separator: "、")), ("荣誉", example.honors?.joined(separator: "、"))])
            documents.append(
                SearchDocument(
                    id: "example:\(example.id)", kind: "典型", title: example.title,
                    body: .html(prefix: facts + (example.summary.map { $0 + "\n" } ?? ""), example.bodyHTML),
                    url: Route.example(example.id).url, branchID: example.branch, branchName: name(example.branch), date: example.date))
        }
        for branch in model.branches {
            let facts = facts([("书记", branch.secretary), ("地址", branch.address), ("服务场所", branch.venue)])
            documents.append(
                SearchDocument(
                    id: "branch:\(branch.id)", kind: "支部", title: branch.name, body: .html(prefix: facts, branch.bodyHTML),
                    url: Route.branch(branch.id).url, branchID: branch.id, branchName: branch.name,
                    date: branch.established ?? model.asOf, year: model.asOf.year))
        }
        return documents
    }

    /// 「书记 王芳\n地址 …\n」: each present, non-empty value after its label as the page shows it, one a line.
    static func facts(_ pairs: [(String, String?)]) -> String {
        pairs.compactMap { label, value in
            guard let value, !value.allSatisfy(\.isWhitespace) else { return nil }
            return "\(label) \(value)\n"
        }.joined()
    }
}

/// The text of rendered HTML: tags removed, the five entities cmark writes decoded, blocks on their own lines.
enum PlainText {
    /// One pass over the UTF-8 bytes (Foundation's `replacingOccurrences` was a tenth of a build). Runs of
    /// whitespace, including tag boundaries and ideographic spaces, become one ASCII space; no space at either end.
    static func from(html: String) -> String {
        var out: [UInt8] = []
        out.reserveCapacity(html.utf8.count)
        var pendingSpace = false
        var inTag = false
        var source = html
        source.makeContiguousUTF8()
        source.utf8.withContiguousStorageIfAvailable { bytes in
            var index = 0
            while index < bytes.count {
                let byte = bytes[index]
                if inTag {
                    if byte == 0x3E {
                        inTag = false
                        pendingSpace = !out.isEmpty
                    }
                    index += 1
                } else if byte == 0x3C {
                    inTag = true
                    index += 1
                } else if let width = whitespaceWidth(bytes, at: index) {
                    pendingSpace = !out.isEmpty
                    index += width
                } else {
                    if pendingSpace {
                        out.append(0x20)
                        pendingSpace = false
                    }
                    if byte == 0x26, let (decoded, width) = entity(bytes, at: index) {
                        out.append(decoded)
                        index += width
                    } else {
                        out.append(byte)
                        index += 1
                    }
                }
            }
        }
        return String(decoding: out, as: UTF8.self)
    }

    private static let entities: [([UInt8], UInt8)] = [
        (Array("&lt;".utf8), 0x3C), (Array("&gt;".utf8), 0x3E), (Array("&quot;".utf8), 0x22), (Array("&#39;".utf8), 0x27),
        (Array("&amp;".utf8), 0x26),
    ]

    private static func entity(_ bytes: UnsafeBufferPointer<UInt8>, at index: Int) -> (UInt8, Int)? {
        for (pattern, decoded) in entities where index + pattern.count <= bytes.count {
            if bytes[index..<index + pattern.count].elementsEqual(pattern) { return (decoded, pattern.count) }
        }
        return nil
    }

    /// The byte length of the whitespace character at `index` (ASCII, NEL, NBSP, U+1680, U+2000–U+200A, U+2028,
    /// U+2029, U+202F, U+205F, U+3000), or nil.
    private static func whitespaceWidth(_ bytes: UnsafeBufferPointer<UInt8>, at index: Int) -> Int? {
        let byte = bytes[index]
        switch byte {
        case 0x09...0x0D, 0x20: return 1
        case 0xC2:
            guard index + 1 < bytes.count else { return nil }
            return bytes[index + 1] == 0x85 || bytes[index + 1] == 0xA0 ? 2 : nil
        case 0xE1, 0xE2, 0xE3:
            guard index + 2 < bytes.count else { return nil }
            let (second, third) = (bytes[index + 1], bytes[index + 2])
            switch (byte, second) {
            case (0xE1, 0x9A): return third == 0x80 ? 3 : nil
            case (0xE2, 0x80): return third <= 0x8A || third == 0xA8 || third == 0xA9 || third == 0xAF ? 3 : nil
            case (0xE2, 0x81): return third == 0x9F ? 3 : nil
            case (0xE3, 0x80): return third == 0x80 ? 3 : nil
            default: return nil
            }
        default: return nil
        }
    }
}
