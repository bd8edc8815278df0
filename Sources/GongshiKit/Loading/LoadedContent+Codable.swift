import Foundation

/// A loaded record in the parse cache: its front-matter fields through the record's own `Codable` (the same
/// `CodingKeys` the YAML decoder uses), and beside them what loading added (source lines, rendered body).
struct StoredRecord<Record: LoadedRecord>: Codable {
    var record: Record
    var source: SourceRef
    var bodyHTML: String
    var firstParagraph: String?

    init(_ record: Record) {
        self.record = record
        (source, bodyHTML, firstParagraph) = (record.source, record.bodyHTML, record.loadedFirstParagraph)
    }

    /// The record as the loader made it.
    var loaded: Record {
        var value = record
        (value.source, value.bodyHTML) = (source, bodyHTML)
        if let firstParagraph { value.loadedFirstParagraph = firstParagraph }
        return value
    }
}

/// A record kind `ContentLoader` makes: decoded front matter plus what loading fills in.
protocol LoadedRecord: Codable {
    var source: SourceRef { get set }
    var bodyHTML: String { get set }
    /// Only examples keep their body's first paragraph.
    var loadedFirstParagraph: String? { get set }
}

extension LoadedRecord {
    var loadedFirstParagraph: String? {
        get { nil }
        set {}
    }
}

extension Branch: LoadedRecord {}
extension PromiseLetter: LoadedRecord {}
extension Disclosure: LoadedRecord {}
extension FreePage: LoadedRecord {}
extension Example: LoadedRecord {
    var loadedFirstParagraph: String? {
        get { firstParagraph }
        set { firstParagraph = newValue ?? "" }
    }
}

/// One file's piece of `LoadedContent`, as the parse cache stores it; empty parts are left out.
extension LoadedContent: Codable {
    enum CodingKeys: String, CodingKey {
        case branches, promises, disclosures, examples, pages, diagnostics, privacyFindings, unloadedBranches, bodyLinks
    }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        func records<R: LoadedRecord>(_ key: CodingKeys) throws -> [R] {
            try (c.decodeIfPresent([StoredRecord<R>].self, forKey: key) ?? []).map(\.loaded)
        }
        self.init()
        branches = try records(.branches)
        promises = try records(.promises)
        disclosures = try records(.disclosures)
        examples = try records(.examples)
        pages = try records(.pages)
        diagnostics = try c.decodeIfPresent([Diagnostic].self, forKey: .diagnostics) ?? []
        privacyFindings = try c.decodeIfPresent([String: [Diagnostic]].self, forKey: .privacyFindings) ?? [:]
        unloadedBranches = try c.decodeIfPresent([UnloadedBranch].self, forKey: .unloadedBranches) ?? []
        bodyLinks = try c.decodeIfPresent([String: [BodyLink]].self, forKey: .bodyLinks) ?? [:]
    }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        func records<R: LoadedRecord>(_ values: [R], _ key: CodingKeys) throws {
            guard !values.isEmpty else { return }
            var stored: [StoredRecord<R>] = []
            for value in values { stored.append(StoredRecord(value)) }
            try c.encode(stored, forKey: key)
        }
        try records(branches, .branches)
        try records(promises, .promises)
        try records(disclosures, .disclosures)
        try records(examples, .examples)
        try records(pages, .pages)
        if !diagnostics.isEmpty { try c.encode(diagnostics, forKey: .diagnostics) }
        if !privacyFindings.isEmpty { try c.encode(privacyFindings, forKey: .privacyFindings) }
        if !unloadedBranches.isEmpty { try c.encode(unloadedBranches, forKey: .unloadedBranches) }
        if !bodyLinks.isEmpty { try c.encode(bodyLinks, forKey: .bodyLinks) }
    }
}
