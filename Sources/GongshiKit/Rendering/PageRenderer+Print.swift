extension PageRenderer {
    /// Printable A4 posters for the physical 公开栏, one per organisation.
    func addPrintPages(_ model: SiteModel, to builder: inout PlanBuilder) {
        for branch in model.branches {
            builder.add(.poster(branch.id), "poster", PosterContext(model: model, branch: branch)) { $0.withCodes() }
        }
    }
}
