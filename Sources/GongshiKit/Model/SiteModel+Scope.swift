extension SiteModel {
    /// The same site narrowed to the organisations in `ids` and what they published, for the statistics of one
    /// organisation with everything below it. An organisation whose parent is outside `ids` becomes a root.
    public func restricted(to ids: Set<String>) -> SiteModel { SiteModel(restricting: self, to: ids) }
}
