import Foundation

extension PageRenderer {
    /// The static search index under `search/` and the `/search/` page. The index is one group of files made
    /// together (`SearchIndexUpdater`): reused whole when no document changed, updated for the changed documents
    /// when `store` holds a cache of the published index, built whole otherwise.
    func addSearch(_ model: SiteModel, store: SearchIndexStore?, to builder: inout PlanBuilder) {
        builder.add(.search, "search", SearchContext(model: model))
        builder.addGroup(
            GroupJob(folders: SearchIndexLayout.folders) { previous, emit in
                try SearchIndexUpdater.run(SearchDocuments.make(model), previous: previous, store: store, emit: emit)
            })
    }
}
