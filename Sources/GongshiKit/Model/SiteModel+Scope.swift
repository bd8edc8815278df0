extension SiteModel {
    /// The same site narrowed to the organisations in `ids` and what they published, for the statistics of one
    /// organisation with everything below it. An organisation whose parent is outside `ids` becomes a root.
    public func restricted(to ids: Set<String>) -> SiteModel {
        SiteModel(
            config: config, asOf: asOf, branches: branches.filter { ids.contains($0.id) },
            promises: promises.filter { ids.contains($0.branch) }, disclosures: disclosures.filter { ids.contains($0.branch) },
            examples: examples.filter { ids.contains($0.branch) }, pages: [], withheld: [])
    }
}
