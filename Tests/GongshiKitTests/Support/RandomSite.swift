import Foundation

@testable import GongshiKit

/// A YAML value as the random site writes it.
indirect enum YAMLValue {
    /// Dates, numbers, booleans, enum values: written as they are.
    case plain(String)
    /// Free text: written in double quotes.
    case quoted(String)
    case list([YAMLValue])
    case map([YAMLField])

    var text: String? {
        switch self {
        case .plain(let s), .quoted(let s): return s
        default: return nil
        }
    }

    var items: [YAMLValue] {
        if case .list(let items) = self { return items }
        return []
    }

    subscript(key: String) -> YAMLValue? {
        if case .map(let fields) = self { return fields.first { $0.key == key }?.value }
        return nil
    }

    /// The value in YAML's flow style (for values nested in a list item).
    var flow: String {
        switch self {
        case .plain(let s): return s
        case .quoted(let s): return "\"" + s.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"") + "\""
        case .list(let items): return "[" + items.map(\.flow).joined(separator: ", ") + "]"
        case .map(let fields): return "{" + fields.map { "\($0.key): \($0.value.flow)" }.joined(separator: ", ") + "}"
        }
    }

    /// `key: value` lines at `indent` spaces, in block style.
    func lines(key: String, indent: Int) -> [String] {
        let pad = String(repeating: " ", count: indent)
        switch self {
        case .plain, .quoted: return ["\(pad)\(key): \(flow)"]
        case .list(let items) where items.isEmpty: return ["\(pad)\(key): []"]
        case .map(let fields) where fields.isEmpty: return ["\(pad)\(key): {}"]
        case .list(let items):
            var lines = ["\(pad)\(key):"]
            for item in items {
                if case .map(let fields) = item, !fields.isEmpty {
                    for (n, field) in fields.enumerated() {
                        lines.append("\(pad)  \(n == 0 ? "- " : "  ")\(field.key): \(field.value.flow)")
                    }
                } else {
                    lines.append("\(pad)  - \(item.flow)")
                }
            }
            return lines
        case .map(let fields):
            return ["\(pad)\(key):"] + fields.flatMap { $0.value.lines(key: $0.key, indent: indent + 2) }
        }
    }
}

struct YAMLField {
    var key: String
    var value: YAMLValue
}

/// An ordered list of front-matter fields.
struct YAMLFields {
    var fields: [YAMLField] = []

    subscript(key: String) -> YAMLValue? {
        get { fields.first { $0.key == key }?.value }
        set {
            if let index = fields.firstIndex(where: { $0.key == key }) {
                if let newValue { fields[index].value = newValue } else { fields.remove(at: index) }
            } else if let newValue {
                fields.append(YAMLField(key: key, value: newValue))
            }
        }
    }

    var yaml: String { fields.flatMap { $0.value.lines(key: $0.key, indent: 0) }.joined(separator: "\n") }
}

/// An attachment a record lists: `file` is relative to the record's folder.
struct AttachmentEntry {
    var file: String
    var title: String?
}

/// One content file of the random site.
struct RandomRecord {
    var kind: ContentKind
    /// Relative to the site's root, e.g. `content/disclosures/2026/gk-qrstv.md`.
    var path: String
    var fields = YAMLFields()
    var paragraphs: [String] = []
    /// Free pages this body links to (`../../pages/<id>/`).
    var links: [String] = []
    var attachments: [AttachmentEntry] = []
    /// Personal numbers typed into the body, as typed.
    var numbers: [PersonalNumber] = []
    /// Text only this record carries (for the withheld check), also in its title.
    var marker: String

    var id: String { fields["id"]?.text ?? "" }
    var folder: String { (path as NSString).deletingLastPathComponent }

    var body: String {
        var parts = paragraphs
        for page in links { parts.append("详见[办事指南](../../pages/\(page)/)。") }
        for number in numbers { parts.append("如有疑问请联系 \(number.typed)。") }
        return parts.joined(separator: "\n\n")
    }

    var text: String {
        var yaml = fields
        if !attachments.isEmpty {
            yaml["attachments"] = .list(
                attachments.map { entry in
                    .map([YAMLField(key: "file", value: .quoted(entry.file))] + (entry.title.map { [YAMLField(key: "title", value: .quoted($0))] } ?? []))
                })
        }
        return "---\n\(yaml.yaml)\n---\n\(body)\n"
    }
}

/// A personal number typed into a body.
struct PersonalNumber {
    enum Kind: String { case mobile = "手机号", idCard = "身份证号", bankCard = "银行卡号" }
    let kind: Kind
    /// The bare digits (and X), which must never be published unless allowed.
    let digits: String
    /// As written, e.g. `139 1234 5678`.
    let typed: String
}

/// A calendar day as an ordinal, enough for the generator's date arithmetic.
struct SimpleDate: Comparable, CustomStringConvertible {
    let ordinal: Int

    private static let base = 1900
    private static func isLeap(_ y: Int) -> Bool { (y % 4 == 0 && y % 100 != 0) || y % 400 == 0 }
    private static func monthLengths(_ y: Int) -> [Int] { [31, isLeap(y) ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31] }

    init(ordinal: Int) { self.ordinal = ordinal }

    init(_ year: Int, _ month: Int, _ day: Int) {
        var n = 0
        for y in Self.base..<year { n += Self.isLeap(y) ? 366 : 365 }
        n += Self.monthLengths(year).prefix(month - 1).reduce(0, +)
        ordinal = n + day - 1
    }

    var parts: (year: Int, month: Int, day: Int) {
        var n = ordinal
        var year = Self.base
        while n >= (Self.isLeap(year) ? 366 : 365) {
            n -= Self.isLeap(year) ? 366 : 365
            year += 1
        }
        var month = 1
        for length in Self.monthLengths(year) {
            if n < length { break }
            n -= length
            month += 1
        }
        return (year, month, n + 1)
    }

    var year: Int { parts.year }

    var description: String {
        let (y, m, d) = parts
        return String(format: "%04d-%02d-%02d", y, m, d)
    }

    static func + (date: SimpleDate, days: Int) -> SimpleDate { SimpleDate(ordinal: date.ordinal + days) }
    static func < (a: SimpleDate, b: SimpleDate) -> Bool { a.ordinal < b.ordinal }

    static func parse(_ text: String?) -> SimpleDate? {
        guard let parts = text?.split(separator: "-").compactMap({ Int($0) }), parts.count == 3 else { return nil }
        return SimpleDate(parts[0], parts[1], parts[2])
    }
}

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

    /// 社会公开, reviewed and approved by someone, published on or before the as-of date (PublicationPolicy).
    func isPublished(_ record: RandomRecord) -> Bool {
        guard record.kind == .disclosures else { return true }
        guard record.fields["scope"]?.text == "社会公开" else { return false }
        for key in ["reviewed", "approved"] {
            guard let by = record.fields[key]?["by"]?.text, !by.trimmingCharacters(in: .whitespaces).isEmpty else { return false }
        }
        guard let published = SimpleDate.parse(record.fields["published"]?.text) else { return false }
        return published <= asOf
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
