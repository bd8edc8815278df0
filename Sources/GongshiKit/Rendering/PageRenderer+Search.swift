import Foundation

extension PageRenderer {
    /// The static search index under `search/` and the `/search/` page. The index depends on every document, so it
    /// is rebuilt when any of them changed and reused as a whole otherwise.
    func addSearch(_ model: SiteModel, to builder: inout PlanBuilder) {
        builder.add(.search, "search", SearchContext(model: model))
        builder.addGroup(
            prefix: "search/", excluding: Route.search.outputPath, folders: SearchIndexLayout.folders,
            inputs: { SearchDocuments.make(model) }, key: Self.searchKey, produce: { try SearchIndexBuilder.build($0, emit: $1) })
    }

    /// The digest of every field of every document: the index is a function of these alone. The body is hashed as
    /// the parts its text is made from (the text is a function of them), so the key does not turn every body's HTML
    /// into text once more.
    @Sendable static func searchKey(_ documents: [SearchDocument]) -> String {
        var hasher = SHA256()
        for document in documents {
            let body =
                switch document.body {
                case .plain(let text): ["plain", text]
                case .html(let prefix, let html, let suffix): ["html", prefix, html, suffix]
                }
            let fields = [document.id, document.kind, document.title] + body + [document.url, document.branchID, document.branchName]
            hasher.update(Data((fields + [document.date.description, String(document.year)]).joined(separator: "\u{1F}").utf8))
            hasher.update(Data([0x1E]))
        }
        return hasher.finalizeHex()
    }
}
