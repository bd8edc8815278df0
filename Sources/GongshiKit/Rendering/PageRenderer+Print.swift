extension PageRenderer {
    /// Printable A4 posters for the physical 公开栏, one per organisation: its name, its letters and its latest
    /// disclosures and an example with its first photo (the QR codes are functions of their addresses, drawn only when the poster is rendered).
    func addPrintPages(_ model: SiteModel, to builder: inout PlanBuilder) {
        let v = builder.versions
        for branch in model.branches {
            builder.add(.poster(branch.id), "poster", PosterContext(model: model, branch: branch).withCodes()) {
                let id = branch.id
                return [v.entry(id)] + ModelVersions.list("letters", (v.lettersByBranch[id] ?? []).map(\.listed))
                    + ModelVersions.list("disclosures", (v.disclosuresByBranch[id] ?? []).prefix(PosterContext.disclosureCount).map(\.listed))
                    // Which example shows depends on which have photos: all of them are read.
                    + ModelVersions.list("examples", (v.examplesByBranch[id] ?? []).map(\.listed))
            }
        }
    }
}
