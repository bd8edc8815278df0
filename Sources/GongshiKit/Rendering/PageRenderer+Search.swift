import Foundation

extension PageRenderer {
    /// The static search index under `search/` and the `/search/` page. The index depends on every document, so it
    /// is rebuilt when any of them changed and reused as a whole otherwise.
    func addSearch(_ model: SiteModel, to builder: inout PlanBuilder) {
        builder.add(.search, "search", SearchContext(model: model))
        let documents = SearchDocuments.make(model)
        var hasher = SHA256()
        for document in documents {
            let fields = [document.id, document.kind, document.title, document.text, document.url, document.branchID, document.branchName]
            hasher.update(Data((fields + [document.date.description, String(document.year)]).joined(separator: "\u{1F}").utf8))
            hasher.update(Data([0x1E]))
        }
        builder.addGroup(prefix: "search/", excluding: Route.search.outputPath, key: hasher.finalizeHex()) {
            SearchIndexBuilder.build(documents)
        }
    }
}
