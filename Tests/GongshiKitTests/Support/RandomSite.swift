import Foundation

@testable import GongshiKit

/// A generated site held as values: `files` writes it, the mutations change it, `problems` says whether a build must
/// refuse it.
struct RandomSite {
    var site = YAMLFields()
    var records: [RandomRecord] = []
    /// Attachment bytes and other non-content files, by path relative to the site's root.
    var extraFiles: [String: Data] = [:]
    /// The site's `templates/` folder (paths inside it); nil when the folder is removed (built-in theme).
    var templates: [String: Data]?
    var asOf: SimpleDate
    /// Counter for fresh names.
    var serial = 0

    static let builtInCategories = ["决策部署", "组织建设", "组织生活", "党费管理", "服务群众", "其他"]

    var categories: [String] { Self.builtInCategories + (site["categories"]?.items.compactMap(\.text) ?? []) }

    func records(_ kind: ContentKind) -> [RandomRecord] { records.filter { $0.kind == kind } }

    func ids(_ kind: ContentKind) -> [String] { records(kind).map(\.id) }

    func index(of kind: ContentKind, id: String) -> Int? { records.firstIndex { $0.kind == kind && $0.id == id } }

    /// Every file of the site: `site.yaml`, content, attachments, templates.
    var files: [String: Data] {
        var files = extraFiles
        files["site.yaml"] = Data((site.yaml + "\n").utf8)
        for record in records { files[record.path] = Data(record.text.utf8) }
        for (path, data) in templates ?? [:] { files["templates/\(path)"] = data }
        return files
    }

    /// 社会公开, reviewed and approved by someone, published on or before the as-of date and not retired by its topic's
    /// `retire_after_days` (PublicationPolicy).
    func isPublished(_ record: RandomRecord) -> Bool {
        // The studio's `workflow` mark withholds letters, disclosures and examples alike (their markers must not leak).
        if record.fields["workflow"] != nil { return false }
        guard record.kind == .disclosures else { return true }
        guard record.fields["scope"]?.text == "社会公开" else { return false }
        for key in ["reviewed", "approved"] {
            guard let by = record.fields[key]?["by"]?.text, !by.trimmingCharacters(in: .whitespaces).isEmpty else { return false }
        }
        guard let published = SimpleDate.parse(record.fields["published"]?.text) else { return false }
        return published <= asOf && !retirement(of: record).definitely
    }

    /// Whether `number` in `record` may appear as it is (privacy `allow`).
    func allows(_ number: PersonalNumber, in record: RandomRecord) -> Bool {
        guard number.kind == .mobile else { return false }
        let listed = (record.fields["privacy"]?["allow"]?.items ?? []) + (site["privacy"]?["allow"]?.items ?? [])
        if listed.contains(where: { $0.text?.filter(\.isNumber) == number.digits }) { return true }
        return (record.fields["privacy"]?["mobile"]?.text ?? site["privacy"]?["mobile"]?.text ?? "mask") == "allow"
    }

    /// Why a build of this site must fail, if it must (empty when it must succeed).
    var problems: [String] {
        var problems: [String] = []
        let branchIDs = Set(ids(.branches))
        let pageIDs = Set(ids(.pages))
        for kind in ContentKind.allCases {
            let all = ids(kind)
            if Set(all).count != all.count { problems.append("duplicate \(kind) id") }
        }
        for record in records {
            if let branch = record.fields["branch"]?.text, !branchIDs.contains(branch) { problems.append("\(record.path): no branch \(branch)") }
            if let parent = record.fields["parent"]?.text, !branchIDs.contains(parent) { problems.append("\(record.path): no parent \(parent)") }
            for page in record.links where !pageIDs.contains(page) { problems.append("\(record.path): link to missing page \(page)") }
            if record.kind == .disclosures, let category = record.fields["category"]?.text, !categories.contains(category) {
                problems.append("\(record.path): unknown category \(category)")
            }
            guard isPublished(record) else { continue }
            for entry in record.attachments where extraFiles["\(record.folder)/\(entry.file)"] == nil {
                problems.append("\(record.path): missing attachment \(entry.file)")
            }
            for number in record.numbers {
                switch number.kind {
                case .idCard, .bankCard: problems.append("\(record.path): \(number.kind.rawValue) in a published body")
                case .mobile:
                    let policy = record.fields["privacy"]?["mobile"]?.text ?? site["privacy"]?["mobile"]?.text ?? "mask"
                    if policy == "error" && !allows(number, in: record) { problems.append("\(record.path): mobile with privacy error") }
                }
            }
        }
        return problems
    }

    /// Counts the collapse guard compares (published disclosures only).
    var guardedCounts: [ContentKind: Int] {
        var counts: [ContentKind: Int] = [:]
        for record in records where isPublished(record) { counts[record.kind, default: 0] += 1 }
        return counts
    }

    /// Texts that must not appear in any published file: withheld disclosures' ids and markers, personal numbers
    /// that are not allowed (masked, refused, or in a withheld item).
    var unpublishable: [(what: String, text: String, isID: Bool)] {
        var texts: [(String, String, Bool)] = []
        for record in records {
            let published = isPublished(record)
            if !published {
                texts.append(("withheld \(record.id)", record.id, true))
                texts.append(("withheld \(record.id)'s marker", record.marker, false))
            }
            for number in record.numbers where !published || !allows(number, in: record) {
                texts.append(("\(number.kind.rawValue) in \(record.path)", number.digits, false))
                if number.typed != number.digits { texts.append(("\(number.kind.rawValue) in \(record.path) as typed", number.typed, false)) }
            }
        }
        return texts
    }
}
