/// The filter values of a corpus (kinds, branches, years) and each document's combination of them as one number:
/// `(branch × years + year) × kinds + kind`, indices into the lists of `search/meta.json`.
struct SearchFacets {
    /// Kinds present, in `SearchDocument.kinds` order; any other kind after them, sorted.
    let kinds: [String]
    /// By id; a branch's name is the smallest one its documents give, in case they disagree.
    let branches: [(id: String, name: String)]
    /// Newest first, as the year filter lists them.
    let years: [Int]
    private let kindIndex: [String: Int]
    private let branchIndex: [String: Int]
    private let yearIndex: [Int: Int]

    init(_ documents: [SearchDocument]) {
        let present = Set(documents.map(\.kind))
        kinds = SearchDocument.kinds.filter(present.contains) + present.subtracting(SearchDocument.kinds).sorted()
        var names: [String: String] = [:]
        for document in documents {
            if let name = names[document.branchID], name <= document.branchName { continue }
            names[document.branchID] = document.branchName
        }
        branches = names.keys.sorted().map { ($0, names[$0]!) }
        years = Set(documents.map(\.year)).sorted(by: >)
        kindIndex = Dictionary(uniqueKeysWithValues: kinds.enumerated().map { ($1, $0) })
        branchIndex = Dictionary(uniqueKeysWithValues: branches.enumerated().map { ($1.id, $0) })
        yearIndex = Dictionary(uniqueKeysWithValues: years.enumerated().map { ($1, $0) })
    }

    /// The combined facet number of a document of this corpus.
    func value(of document: SearchDocument) -> Int {
        (branchIndex[document.branchID]! * years.count + yearIndex[document.year]!) * kinds.count + kindIndex[document.kind]!
    }

    /// Base-64 digits per document in `search/facets.json`.
    var width: Int { PostingCodec.width(below: max(1, branches.count * years.count * kinds.count)) }
}
