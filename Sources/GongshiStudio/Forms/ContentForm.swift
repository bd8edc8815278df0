import Foundation
import GongshiKit

/// One kind's form for one account: the field rules `check` uses (with the site's categories and topics), the keys
/// the form never writes, and the organisations the account may pick.
struct ContentForm {
    let kind: ContentKind
    let rules: [FieldRule]
    /// The organisations the account may write to (the `branch` select), nearest the root first.
    let organisations: [(id: String, name: String)]
    /// Every organisation of the site (a branch's `parent` select).
    let allOrganisations: [(id: String, name: String)]

    /// The workflow's records: written only by the workflow buttons (`WorkflowRules`), never by a form.
    static let workflowKeys = Set(WorkflowKey.all)
    /// Kinds the studio creates: the three that go through a review.
    static let creatable: [ContentKind] = [.disclosures, .promises, .examples]
    /// Kinds the studio edits: those, and the branch profiles.
    static let editable: Set<ContentKind> = [.disclosures, .promises, .examples, .branches]

    init(kind: ContentKind, studio: Studio, account: Account) {
        self.kind = kind
        let config = studio.config
        rules = kind.rules(categories: config?.allCategories ?? BuiltinCategory.all, topics: config?.allTopics ?? BuiltinTopic.all)
        allOrganisations = studio.tree.names.keys.sorted().map { (id: $0, name: studio.tree.names[$0] ?? $0) }
        organisations = allOrganisations.filter { studio.authorizer.allows(account, .write, org: $0.id) }
    }

    /// The rules the form shows (all but the workflow's records).
    var shownRules: [FieldRule] { rules.filter { !Self.workflowKeys.contains($0.key) } }

    /// A new file's first values: the account's organisation when it has one, today for the dates that are usually
    /// today, this year for a letter.
    func blank(today: Day) -> FrontMap {
        var map = FrontMap()
        if organisations.count == 1 { map["branch"] = .text(organisations[0].id) }
        switch kind {
        case .disclosures: map["published"] = .text(today.description)
        case .promises:
            map["year"] = .text(String(today.year))
            map["published"] = .text(today.description)
        case .examples: map["date"] = .text(today.description)
        default: break
        }
        return map
    }

    /// The form's fields over `values`, with `messages` beside them; `origins` when showing a submitted form again.
    func fieldsHTML(values: FrontMap, messages: inout FieldMessages, origins: [String: [Int?]]?, isNew: Bool) -> String {
        var renderer = FormRenderer(
            organisations: organisations, allOrganisations: allOrganisations, messages: messages, origins: origins, fixedKeys: isNew ? [] : ["id"])
        let html = renderer.html(shownRules, values: values)
        messages = renderer.messages
        return html
    }

    /// The submitted form read over `old` (the file on disk, or a blank for a new file).
    func read(_ form: FormData, over old: FrontMap, isNew: Bool) -> (fields: FrontMap, origins: [String: [Int?]]) {
        var reader = FormReader(form: form)
        let skipped = Self.workflowKeys.union(isNew ? [] : ["id"])
        let fields = reader.read(rules, over: old, skipping: skipped)
        return (fields, reader.origins)
    }

    /// The rule of the field named `name` (`items.0.progress`), nil when the schema has no such field.
    func rule(at name: String) -> ValueRule? {
        var rules = self.rules
        var current: ValueRule?
        for part in name.split(separator: ".").map(String.init) {
            if Int(part) != nil {
                guard case .list(let element, _)? = current else { return nil }
                current = element
            } else {
                guard let rule = rules.first(where: { $0.key == part }) else { return nil }
                current = rule.value
            }
            switch current {
            case .mapping(let inner)?: rules = inner
            case .list(.mapping(let inner), _)?: rules = inner
            default: rules = []
            }
        }
        return current
    }
}
