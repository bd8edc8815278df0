import GongshiKit

/// The inputs of a content form, made from the kind's field rules (`ContentKind.rules`, the rules `check` uses)
/// and labelled by `FieldLabels`: enumerations as selects, dates as date inputs, 六有 as checkboxes, numbers as
/// number inputs, lists of records as rows with 删除这一项 and 增加一项, lists of names as one-per-line text areas.
/// Each input shows its messages (`FieldMessages`) beside it. No script: 增加一项 is a submit button.
struct FormRenderer {
    /// The organisations a `branch` select offers (those the account writes to), id and name.
    var organisations: [(id: String, name: String)]
    /// Every organisation, for a branch's `parent`.
    var allOrganisations: [(id: String, name: String)] = []
    var messages: FieldMessages
    /// Row origins of a form shown again (`FormReader.origins`); nil when showing the file as on disk.
    var origins: [String: [Int?]]?
    /// Keys shown as text, not inputs (an existing file's `id`).
    var fixedKeys: Set<String> = []

    /// Keys whose text is long enough for a text area.
    static let longTextKeys: Set<String> = ["text", "note", "summary", "feedback", "method"]

    /// Top-level fields a secretary seldom needs, folded under 更多设置 (open when one has a value or a message).
    static let advancedKeys: Set<String> = ["privacy"]

    mutating func html(_ rules: [FieldRule], values: FrontMap) -> String {
        var main: [String] = []
        var advanced: [String] = []
        var open = false
        for rule in rules {
            if Self.advancedKeys.contains(rule.key) {
                open = open || values[rule.key] != nil || messages.has(prefix: rule.key)
                advanced.append(field(rule, name: rule.key, value: values[rule.key]))
            } else {
                main.append(field(rule, name: rule.key, value: values[rule.key]))
            }
        }
        guard !advanced.isEmpty else { return main.joined(separator: "\n") }
        return main.joined(separator: "\n")
            + "\n<details class=\"advanced\"\(open ? " open" : "")><summary>更多设置（隐私处理，一般不用填）</summary>\(advanced.joined(separator: "\n"))</details>"
    }

    private mutating func field(_ rule: FieldRule, name: String, value: FrontValue?) -> String {
        let label = FieldLabels.label(FieldName.schemaPath(name)) ?? rule.key
        let required = rule.required ? "<span class=\"req\">（必填）</span>" : ""
        let id = FieldName.inputID(name)
        if fixedKeys.contains(name) {
            return "<div class=\"field\"><p><span class=\"label\">\(HTMLText.escape(label))</span> \(HTMLText.escape(value?.textValue ?? ""))</p></div>"
        }
        switch rule.value {
        case .mapping(let rules):
            var inner = ""
            for child in rules {
                let childName = FieldName.child(name, child.key)
                inner += field(child, name: childName, value: value?.mapValue?[child.key])
            }
            return fieldset(name: name, legend: label + required, inner: inner)
        case .keyedBy(let keys, .boolean):
            var inner = "<input type=\"hidden\" name=\"\(HTMLText.escape(FieldName.present(name)))\" value=\"1\">"
            for key in keys {
                let childName = FieldName.child(name, key)
                let checked = value?.mapValue?.text(key) == "true" ? " checked" : ""
                inner += "<div class=\"check\"><input type=\"checkbox\" id=\"\(HTMLText.escape(FieldName.inputID(childName)))\" "
                inner += "name=\"\(HTMLText.escape(childName))\" value=\"true\"\(checked)>"
                inner += "<label for=\"\(HTMLText.escape(FieldName.inputID(childName)))\">\(HTMLText.escape(key))</label></div>"
            }
            return fieldset(name: name, legend: label + required, inner: inner)
        case .keyedBy(let keys, let valueRule):
            var inner = ""
            for key in keys {
                inner += field(FieldRule.optional(key, valueRule), name: FieldName.child(name, key), value: value?.mapValue?[key])
            }
            return fieldset(name: name, legend: label + required, inner: inner)
        case .list(.mapping(let rowRules), let nonEmpty):
            return rows(rowRules, name: name, legend: label + required, value: value, nonEmpty: nonEmpty)
        case .list:
            let lines = value?.listValue?.compactMap(\.textValue).joined(separator: "\n") ?? ""
            let control =
                "<textarea id=\"\(id)\" name=\"\(HTMLText.escape(name))\" rows=\"3\"\(described(name))>\(HTMLText.escape(lines))</textarea>"
            return wrap(name: name, label: label + required, control: control, takingNested: true)
        default:
            return wrap(name: name, label: label + required, control: scalar(rule, name: name, text: value?.textValue))
        }
    }

    /// One input for a scalar field.
    private func scalar(_ rule: FieldRule, name: String, text: String?, helpPath: [String]? = nil) -> String {
        let id = FieldName.inputID(name)
        let common = "id=\"\(id)\" name=\"\(HTMLText.escape(name))\"\(rule.required ? " required" : "")\(described(name, helpPath: helpPath))"
        let value = HTMLText.escape(text ?? "")
        switch rule.value {
        case .oneOf(let options):
            return select(common, options: options.map { ($0, $0) }, current: text, required: rule.required)
        case .identifier where rule.key == "branch":
            return select(common, options: organisations.map { ($0.id, "\($0.name)（\($0.id)）") }, current: text, required: rule.required)
        case .identifier where rule.key == "parent":
            return select(common, options: allOrganisations.map { ($0.id, "\($0.name)（\($0.id)）") }, current: text, required: rule.required)
        case .date:
            return "<input type=\"date\" \(common) value=\"\(value)\">"
        case .integer(let min):
            return "<input type=\"number\" inputmode=\"numeric\" step=\"1\" min=\"\(min)\" \(common) value=\"\(value)\">"
        case .number(let range):
            return "<input type=\"number\" step=\"any\" min=\"\(range.lowerBound)\" max=\"\(range.upperBound)\" \(common) value=\"\(value)\">"
        case .absoluteURL:
            return "<input type=\"url\" \(common) value=\"\(value)\">"
        case .text where Self.longTextKeys.contains(rule.key):
            return "<textarea \(common) rows=\"3\">\(value)</textarea>"
        default:
            return "<input type=\"text\" \(common) value=\"\(value)\">"
        }
    }

    private func select(_ common: String, options: [(value: String, label: String)], current: String?, required: Bool) -> String {
        var html = "<select \(common)><option value=\"\">（请选择）</option>"
        var known = false
        for option in options {
            let selected = option.value == current ? " selected" : ""
            known = known || option.value == current
            html += "<option value=\"\(HTMLText.escape(option.value))\"\(selected)>\(HTMLText.escape(option.label))</option>"
        }
        // A value the list does not offer (a typo on disk, another branch) stays selected, so saving keeps it.
        if let current, !current.isEmpty, !known {
            html += "<option value=\"\(HTMLText.escape(current))\" selected>\(HTMLText.escape(current))</option>"
        }
        return html + "</select>"
    }

    /// Rows of a list of records, each with 删除这一项, then 增加一项.
    private mutating func rows(_ rules: [FieldRule], name: String, legend: String, value: FrontValue?, nonEmpty: Bool) -> String {
        var items = value?.listValue ?? []
        var from: [Int?] = origins?[name] ?? Array(items.indices)
        if items.isEmpty && nonEmpty {
            items = [.map(FrontMap())]
            from = [nil]
        }
        var inner = "<input type=\"hidden\" name=\"\(HTMLText.escape(FieldName.rows(name)))\" value=\"\(items.count)\">"
        let rowLabel = FieldLabels.label(FieldName.schemaPath(name)) ?? name
        for (index, item) in items.enumerated() {
            let row = FieldName.child(name, String(index))
            var rowInner = ""
            if let origin = from.indices.contains(index) ? from[index] : nil {
                rowInner += "<input type=\"hidden\" name=\"\(HTMLText.escape(FieldName.origin(row)))\" value=\"\(origin)\">"
            }
            for rule in rules {
                rowInner += field(rule, name: FieldName.child(row, rule.key), value: item.mapValue?[rule.key])
            }
            let removeID = FieldName.inputID(FieldName.remove(row))
            rowInner +=
                "<div class=\"check remove\"><input type=\"checkbox\" id=\"\(removeID)\" name=\"\(HTMLText.escape(FieldName.remove(row)))\" value=\"1\">"
            rowInner += "<label for=\"\(removeID)\">删除这一项</label></div>"
            inner += fieldset(name: row, legend: "\(HTMLText.escape(rowLabel)) 第 \(index + 1) 项", inner: rowInner, escapedLegend: true, row: true)
        }
        inner += "<p><button type=\"submit\" name=\"__add\" value=\"\(HTMLText.escape(name))\" formnovalidate>增加一项\(HTMLText.escape(rowLabel))</button></p>"
        return fieldset(name: name, legend: legend, inner: inner)
    }

    private mutating func fieldset(name: String, legend: String, inner: String, escapedLegend: Bool = false, row: Bool = false) -> String {
        let errors = messages.take(exactly: name)
        let legendHTML = escapedLegend ? legend : legendText(legend)
        return "<fieldset class=\"\(row ? "row" : "group")\" id=\"\(FieldName.inputID(name))\"><legend>\(legendHTML)</legend>"
            + Self.messageList(errors, name: name) + inner + "</fieldset>"
    }

    /// A legend is a label plus the 必填 mark, which is already HTML.
    private func legendText(_ legend: String) -> String {
        guard let mark = legend.range(of: "<span class=\"req\">") else { return HTMLText.escape(legend) }
        return HTMLText.escape(String(legend[..<mark.lowerBound])) + legend[mark.lowerBound...]
    }

    /// One scalar field named `name` whose label and help are those of the schema field `path` (a small form of
    /// its own, like 记一笔践诺's `date` for `items.progress.date`).
    mutating func single(_ rule: FieldRule, name: String, path: [String], value: FrontValue?) -> String {
        let label = (FieldLabels.label(path) ?? rule.key) + (rule.required ? "<span class=\"req\">（必填）</span>" : "")
        return wrap(name: name, label: label, control: scalar(rule, name: name, text: value?.textValue, helpPath: path), helpPath: path)
    }

    private mutating func wrap(name: String, label: String, control: String, takingNested: Bool = false, helpPath: [String]? = nil) -> String {
        let errors = takingNested ? messages.take(under: name) : messages.take(exactly: name)
        let help = FieldLabels.help(helpPath ?? FieldName.schemaPath(name)).map {
            "<p class=\"help\" id=\"h-\(FieldName.inputID(name))\">\(HTMLText.escape($0))</p>"
        }
        let invalid = errors.isEmpty ? "" : " invalid"
        return "<div class=\"field\(invalid)\"><label for=\"\(FieldName.inputID(name))\">\(legendText(label))</label>"
            + (help ?? "") + Self.messageList(errors, name: name) + control + "</div>"
    }

    /// `aria-describedby` for the help and the messages of `name`, when it has them.
    private func described(_ name: String, helpPath: [String]? = nil) -> String {
        var ids: [String] = []
        if FieldLabels.help(helpPath ?? FieldName.schemaPath(name)) != nil { ids.append("h-" + FieldName.inputID(name)) }
        if messages.has(name) { ids.append("e-" + FieldName.inputID(name)) }
        let invalid = messages.has(name) ? " aria-invalid=\"true\"" : ""
        return ids.isEmpty ? "" : " aria-describedby=\"\(ids.joined(separator: " "))\"\(invalid)"
    }

    static func messageList(_ messages: [String], name: String) -> String {
        guard !messages.isEmpty else { return "" }
        return "<ul class=\"errors\" id=\"e-\(FieldName.inputID(name))\">"
            + messages.map { "<li>\(HTMLText.escape($0))</li>" }.joined() + "</ul>"
    }
}

extension FormRenderer {
    /// The element a message about `field` links to: the input, or for an element of a list of names the list's
    /// text area.
    static func anchor(for field: String, in form: ContentForm) -> String {
        var parts = field.split(separator: ".").map(String.init)
        while let last = parts.last, Int(last) != nil, parts.count > 1 {
            let parent = parts.dropLast().joined(separator: ".")
            guard case .list(let element, _)? = form.rule(at: parent), !element.isMapping else { break }
            parts.removeLast()
        }
        return parts.joined(separator: ".")
    }
}

extension ValueRule {
    var isMapping: Bool {
        if case .mapping = self { return true }
        return false
    }
}

extension FrontValue {
    var textValue: String? {
        if case .text(let text) = self { return text }
        return nil
    }
}
