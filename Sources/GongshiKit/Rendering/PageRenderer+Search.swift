extension PageRenderer {
    /// The static search index and the `/search/` page.
    func addSearch(_ model: SiteModel, to builder: inout PlanBuilder) {
        builder.add(.search, "search", SearchContext(model: model))
    }
}
