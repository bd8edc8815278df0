import Foundation

/// The versions of everything a page can read, computed once per build: a digest of every record of the model and
/// of the site-wide inputs. A page's cache key is made from the versions of what it reads (`PageDescriptor`), so
/// a build learns which pages changed without making any page's context.
///
/// Each record has three versions, from the narrowest to the widest, so that a page that shows less of a record
/// is keyed by less of it:
/// - `counted`: the front matter the statistics count (every field of its `Codable` form but the wording they
///   never read: a disclosure's or an example's title, feedback channel, people, honours, summary, attachments,
///   and no record's photos);
/// - `listed`: what a row of it in a list or a data file shows (every front matter field but the photos, and an
///   example's first paragraph, its summary when it has none, and its first photo, on its card);
/// - `full`: all of it, with its body's HTML and body images, its photos (as processed: captions and published
///   versions, 践诺 entries' too), its attachments and its source file's path.
struct ModelVersions: Sendable {
    /// `site.yaml` (every setting) and the as-of date, which every page frame shows.
    let site: String
    /// Per template name: its text and that of every partial and parent it uses.
    let templates: [String: String]
    /// The template set as a whole (for a template name the set does not have).
    let templateSet: String

    struct Versions: Sendable {
        let counted, listed, full: String
    }

    /// By branch id: the branch record.
    let branches: [String: Versions]
    /// By branch id: what other pages show of an organisation — its name, type, 领域, secretary, members, 报到党员 and parent
    /// (names in rows and trails, the organisation tree, an example's 领域).
    let entries: [String: String]
    /// In the model's order (`model.promises`, `model.disclosures`, `model.examples`, `model.pages`).
    let letters: [Versions]
    let disclosures: [Versions]
    let examples: [Versions]
    let pages: [String]
    /// By branch id, in the model's order.
    let lettersByBranch: [String: [Versions]]
    let disclosuresByBranch: [String: [Versions]]
    let examplesByBranch: [String: [Versions]]
    /// By branch id: the counted versions of the branch and of its letters, disclosures and examples (what its
    /// statistics count).
    let factsByBranch: [String: String]
    /// Every organisation's entry, in order.
    let directory: String
    /// The counted version of every record: what the statistics of the whole site are made from.
    let siteFacts: String
    /// Every free page's id and title (the home page lists them).
    let pageList: String
    /// The category of every disclosure, in order: the counts on each category page.
    let categories: String

    init(model: SiteModel, templates library: TemplateLibrary) {
        site = RecordDigest.hex(ConfigVersion(model.config, asOf: model.asOf))
        templates = library.versions()
        templateSet = library.digest
        let branchVersions = model.branches.concurrentMap { b in
            (
                Self.versions(of: b, extra: [b.bodyHTML, b.source.path] + Self.parts(b.imageFiles) + Self.parts(b.bodyImages)),
                RecordDigest.hex(
                    Entry(
                        id: b.id, name: b.name, type: b.type.rawValue, field: b.field.rawValue, secretary: b.secretary, members: b.members,
                        registered: b.registered, parent: b.parent))
            )
        }
        letters = model.promises.concurrentMap {
            Self.versions(of: $0, extra: [$0.bodyHTML, $0.source.path] + Self.progressImageParts($0) + Self.parts($0.bodyImages))
        }
        disclosures = model.disclosures.concurrentMap {
            Self.versions(
                of: $0, uncounted: Self.uncountedDisclosureFields,
                extra: [$0.bodyHTML, $0.source.path] + Self.parts($0.attachmentFiles) + Self.parts($0.imageFiles) + Self.parts($0.bodyImages))
        }
        examples = model.examples.concurrentMap {
            Self.versions(
                of: $0, uncounted: Self.uncountedExampleFields, listed: [$0.firstParagraph] + Self.parts(Array($0.imageFiles.prefix(1))),
                extra: [$0.bodyHTML, $0.source.path] + Self.parts($0.attachmentFiles) + Self.parts($0.imageFiles) + Self.parts($0.bodyImages))
        }
        pages = model.pages.concurrentMap { RecordDigest.hex(parts: [RecordDigest.hex($0), $0.bodyHTML, $0.source.path] + Self.parts($0.bodyImages)) }
        var branches: [String: Versions] = [:]
        var entries: [String: String] = [:]
        for (b, (versions, entry)) in zip(model.branches, branchVersions) where branches[b.id] == nil {
            branches[b.id] = versions
            entries[b.id] = entry
        }
        self.branches = branches
        self.entries = entries
        func grouped<Record>(_ records: [Record], _ versions: [Versions], by branch: (Record) -> String) -> [String: [Versions]] {
            var groups: [String: [Versions]] = [:]
            for (record, version) in zip(records, versions) { groups[branch(record), default: []].append(version) }
            return groups
        }
        lettersByBranch = grouped(model.promises, letters, by: \.branch)
        disclosuresByBranch = grouped(model.disclosures, disclosures, by: \.branch)
        examplesByBranch = grouped(model.examples, examples, by: \.branch)
        var factsByBranch: [String: String] = [:]
        for id in branches.keys {
            let parts =
                ["branch", branches[id]!.counted, "letters"] + (lettersByBranch[id] ?? []).map(\.counted) + ["disclosures"]
                + (disclosuresByBranch[id] ?? []).map(\.counted) + ["examples"] + (examplesByBranch[id] ?? []).map(\.counted)
            factsByBranch[id] = RecordDigest.hex(parts: parts)
        }
        self.factsByBranch = factsByBranch
        directory = RecordDigest.hex(parts: model.branches.map { entries[$0.id]! })
        siteFacts = RecordDigest.hex(
            parts: ["branches"] + branchVersions.map(\.0.counted) + ["letters"] + letters.map(\.counted) + ["disclosures"]
                + disclosures.map(\.counted) + ["examples"] + examples.map(\.counted))
        pageList = RecordDigest.hex(parts: model.pages.flatMap { [$0.id, $0.title] })
        categories = RecordDigest.hex(parts: model.disclosures.map(\.category))
    }

    /// The entry of the organisation `id` (a record may name one the site does not have: then its id shows).
    func entry(_ id: String) -> String { entries[id] ?? "no branch \(id)" }

    /// A list of versions as dependencies: its name and length first, so that two lists never run together.
    static func list(_ name: String, _ versions: [String]) -> [String] { [name, String(versions.count)] + versions }

    /// The version of the template `name` with what it uses.
    func template(_ name: String) -> String { templates[name] ?? templateSet }

    /// Front matter fields of a disclosure that no statistic reads (`StatisticsCalculator`, `IndicatorCalculator`):
    /// editing them re-renders the pages that show them, not the statistics.
    static let uncountedDisclosureFields: Set<String> = ["title", "feedback", "attachments"]
    static let uncountedExampleFields: Set<String> = ["title", "people", "honors", "summary", "attachments"]

    /// The counted version (the record's `Codable` form without `uncounted`), the listed version (all of that form
    /// and `listed`) and the full version (listed and `extra`).
    static func versions(of record: some Encodable, uncounted: Set<String> = [], listed: [String] = [], extra: [String]) -> Versions {
        // The photos as written (`images`, at any depth: 践诺 entries have them) are read by no statistic and shown in
        // no row; what pages show of them, as processed, is in `listed` and `extra`.
        let tree = (try? TemplateValueEncoder.encode(record)).map { Self.removing(Self.photoField, from: $0) }
        let all = RecordDigest.hex(tree: tree, of: type(of: record))
        var counted = all
        if case .object(var fields) = tree, !uncounted.isEmpty {
            for key in uncounted { fields[key] = nil }
            counted = RecordDigest.hex(tree: .object(fields), of: type(of: record))
        }
        let listedVersion = listed.isEmpty ? all : RecordDigest.hex(parts: [all] + listed)
        return Versions(counted: counted, listed: listedVersion, full: RecordDigest.hex(parts: [listedVersion] + extra))
    }

    /// The front matter field of photos as written, on every kind that has them.
    static let photoField = "images"

    /// `tree` without the field `key` in any of its objects.
    static func removing(_ key: String, from tree: TemplateValue) -> TemplateValue {
        switch tree {
        case .object(var fields):
            fields[key] = nil
            return .object(fields.mapValues { removing(key, from: $0) })
        case .list(let items): return .list(items.map { removing(key, from: $0) })
        default: return tree
        }
    }

    /// Photos as pages show and publish them: each caption and published version, in order.
    static func parts(_ files: [ImageFile]) -> [String] {
        list("images", files.flatMap { [$0.caption, $0.sourceHash] + parts($0.small) + parts($0.large) })
    }

    static func parts(_ variant: ImageVariant) -> [String] { [variant.name, String(variant.width), String(variant.height)] }

    /// A body's images by their `src`, sorted (a dictionary has no order).
    static func parts(_ images: [String: ImageFile]) -> [String] {
        list("body images", images.keys.sorted().flatMap { [$0] + parts([images[$0]!]) })
    }

    /// The photos of every 践诺 entry of a letter, item by item (the thumbnails of its timeline).
    static func progressImageParts(_ letter: PromiseLetter) -> [String] {
        list("progress images", letter.items.flatMap { item in list("item", (item.progress ?? []).flatMap { parts($0.imageFiles) }) })
    }

    /// An item's attachments as the page shows and copies them.
    static func parts(_ files: [AttachmentFile]) -> [String] {
        files.flatMap { [$0.title, $0.outputName, $0.sha256, String($0.data.count)] }
    }

    /// What other pages show of an organisation.
    struct Entry: Encodable {
        let id, name, type, field: String
        let secretary: String?
        let members, registered: Int?
        let parent: String?
    }

    /// Every setting of `site.yaml` (`SiteConfig` is read, not written, so its fields are listed here; the holidays
    /// sorted, a set having no order) and the as-of date.
    struct ConfigVersion: Encodable {
        let title, baseURL, language: String
        let organizer, icp, contact: String?
        let categories: [String]
        let holidays: [Day]
        let privacy: PrivacyPolicy
        let topics: [String]
        let procedure: ProcedureSettings
        let noticeRules: [String: NoticeRule]
        let staleDays, outcomeDueDays: Int
        /// The logo as written and as processed (the default `og:image`) and the favicon, as pages show them.
        let logo: String?
        let logoFile: [String]
        let favicon: [String]
        let asOf: Day

        init(_ config: SiteConfig, asOf: Day) {
            title = config.title
            baseURL = config.baseURL
            language = config.language
            organizer = config.organizer
            icp = config.icp
            contact = config.contact
            categories = config.categories
            holidays = config.holidays.sorted()
            privacy = config.privacy
            topics = config.topics
            procedure = config.procedure
            noticeRules = config.noticeRules
            staleDays = config.staleDays
            outcomeDueDays = config.outcomeDueDays
            logo = config.logo
            logoFile = ModelVersions.parts(config.logoFile.map { [$0] } ?? [])
            favicon = config.favicon.map(ModelVersions.parts) ?? []
            self.asOf = asOf
        }
    }
}
