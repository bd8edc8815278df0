extension ContentKind {
    /// The singular used on the command line: `gongshi new branch …`.
    public var singular: String {
        switch self {
        case .branches: return "branch"
        case .promises: return "promise"
        case .disclosures: return "disclosure"
        case .examples: return "example"
        case .pages: return "page"
        }
    }

    /// The kind named `branch`, `promise`, `disclosure`, `example` or `page`.
    public init?(singular: String) {
        guard let kind = ContentKind.allCases.first(where: { $0.singular == singular }) else { return nil }
        self = kind
    }
}
