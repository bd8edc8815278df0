/// Turns the publishable model into search documents; only what the site shows is ever indexed.
enum SearchDocuments {
    static func make(_ model: SiteModel) -> [SearchDocument] {
        let name = { (id: String) in model.branchByID[id]?.name ?? id }
        var documents: [SearchDocument] = []
        for letter in model.promises {
            let items = letter.items.map(\.text).joined(separator: "\n")
            documents.append(
                SearchDocument(
                    id: "promise:\(letter.id)", kind: "承诺", title: "\(letter.promiser)的\(letter.year)年承诺书",
                    text: items + "\n" + PlainText.from(html: letter.bodyHTML), url: Route.promise(letter.id).url,
                    branchID: letter.branch, branchName: name(letter.branch), date: letter.published, year: letter.year))
        }
        for item in model.disclosures {
            documents.append(
                SearchDocument(
                    id: "disclosure:\(item.id)", kind: "公开", title: item.title, text: PlainText.from(html: item.bodyHTML),
                    url: Route.disclosure(item.id).url, branchID: item.branch, branchName: name(item.branch), date: item.published))
        }
        for example in model.examples {
            documents.append(
                SearchDocument(
                    id: "example:\(example.id)", kind: "典型", title: example.title, text: PlainText.from(html: example.bodyHTML),
                    url: Route.example(example.id).url, branchID: example.branch, branchName: name(example.branch), date: example.date))
        }
        for branch in model.branches {
            documents.append(
                SearchDocument(
                    id: "branch:\(branch.id)", kind: "支部", title: branch.name, text: PlainText.from(html: branch.bodyHTML),
                    url: Route.branch(branch.id).url, branchID: branch.id, branchName: branch.name,
                    date: branch.established ?? model.asOf, year: model.asOf.year))
        }
        return documents
    }
}

/// The text of rendered HTML: tags removed, the five entities cmark writes decoded, blocks on their own lines.
enum PlainText {
    static func from(html: String) -> String {
        var out = ""
        out.reserveCapacity(html.utf8.count)
        var inTag = false
        for character in html {
            switch character {
            case "<": inTag = true
            case ">":
                inTag = false
                if out.last != "\n" { out.append(" ") }
            default: if !inTag { out.append(character) }
            }
        }
        return out.replacingOccurrences(of: "&lt;", with: "<").replacingOccurrences(of: "&gt;", with: ">")
            .replacingOccurrences(of: "&quot;", with: "\"").replacingOccurrences(of: "&#39;", with: "'")
            .replacingOccurrences(of: "&amp;", with: "&")
            .split(whereSeparator: \.isWhitespace).joined(separator: " ")
    }
}
