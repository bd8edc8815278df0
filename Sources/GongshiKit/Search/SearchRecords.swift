import Foundation

/// The JSON of the index's small files: `meta.json`, `facets.json` and the document files. Compact, keys sorted.
enum SearchRecords {
    struct Meta: Encodable {
        let version: Int
        let docs: Int
        let shards: Int
        /// Documents per `search/docs/` file (`SearchIndexLayout.documentsPerFile`).
        let docsPerFile: Int
        let kinds: [String]
        /// `[id, name]` pairs.
        let branches: [[String]]
        let years: [Int]
        let facetWidth: Int
    }

    struct Facets: Encodable {
        let facets: String
    }

    struct Document: Encodable {
        let title: String
        let url: String
        let kind: String
        let branch: String
        let date: String
        /// Whitespace collapsed, at most `SearchIndexLayout.documentTextLimit` Unicode scalars.
        let text: String
        /// Present when `text` was cut: a match may lie beyond it, unhighlighted (matching uses the postings alone).
        let truncated: Bool?
    }

    static func meta(_ facets: SearchFacets, documents: Int, shards: Int) -> Data {
        encode(
            Meta(
                version: SearchIndexLayout.formatVersion, docs: documents, shards: shards,
                docsPerFile: SearchIndexLayout.documentsPerFile, kinds: facets.kinds,
                branches: facets.branches.map { [$0.id, $0.name] }, years: facets.years, facetWidth: facets.width))
    }

    static func facets(_ facets: SearchFacets, _ documents: [SearchDocument]) -> Data {
        var digits: [UInt8] = []
        digits.reserveCapacity(documents.count * facets.width)
        for document in documents { PostingCodec.appendFixed(facets.value(of: document), width: facets.width, to: &digits) }
        return encode(Facets(facets: String(decoding: digits, as: UTF8.self)))
    }

    /// One document file: the records of `documents` (consecutive numbers), in order.
    static func documents(_ documents: some Sequence<SearchDocument>) -> Data {
        encode(documents.map { record($0) })
    }

    /// One document file from records already made.
    static func documents(records: [Document]) -> Data { encode(records) }

    /// What a result shows of `document`; `text` is its `text`, when already at hand.
    static func record(_ document: SearchDocument, text: String? = nil) -> Document {
        let text = collapsingWhitespace(text ?? document.text)
        let limit = SearchIndexLayout.documentTextLimit
        let cut = text.unicodeScalars.count > limit
        return Document(
            title: document.title, url: document.url, kind: document.kind, branch: document.branchName,
            date: document.date.description, text: cut ? String(text.unicodeScalars.prefix(limit)) : text,
            truncated: cut ? true : nil)
    }

    /// `text` with each run of whitespace (Unicode White_Space) made one space, and none at either end. Written
    /// out because splitting into `Character`s or asking each scalar's properties costs more than the rest of the file.
    static func collapsingWhitespace(_ text: String) -> String {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(text.utf8.count)
        var space = false
        for scalar in text.unicodeScalars {
            switch scalar.value {
            case 0x09...0x0D, 0x20, 0x85, 0xA0, 0x1680, 0x2000...0x200A, 0x2028, 0x2029, 0x202F, 0x205F, 0x3000:
                space = !bytes.isEmpty
            default:
                if space { bytes.append(0x20) }
                space = false
                bytes.append(contentsOf: scalar.utf8)
            }
        }
        return String(decoding: bytes, as: UTF8.self)
    }

    private static func encode(_ value: some Encodable) -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        // These plain value types always encode.
        return try! encoder.encode(value)
    }
}
