import Foundation
import Yams

/// Checks a composed front-matter node against its `FieldRule`s and reports every problem, with lines.
struct FrontMatterChecker {
    let path: String
    /// Lines in the file before the YAML text starts (the opening `---`).
    let lineOffset: Int
    private(set) var diagnostics: [Diagnostic] = []
    private(set) var keyLines: [String: Int] = [:]
    /// The largest integer a field takes, so totals over any number of files cannot overflow `Int`.
    static let largestInteger = 1_000_000_000

    init(path: String, lineOffset: Int) {
        self.path = path
        self.lineOffset = lineOffset
    }

    /// Errors that leave the record undecodable; a placeholder still in place is an error, but the record is
    /// decoded so that what refers to it is checked as usual.
    var hasBlockingErrors: Bool { diagnostics.contains { $0.severity == .error && $0.kind != .placeholder } }

    mutating func check(_ root: Node, rules: [FieldRule]) {
        checkMapping(root, rules: rules, keyPath: "", line: 1)
    }

    private func line(of node: Node) -> Int { (node.mark?.line ?? 1) + lineOffset }

    private mutating func report(_ severity: Diagnostic.Severity, _ line: Int, _ message: String, kind: Diagnostic.Kind = .other) {
        diagnostics.append(Diagnostic(severity, path, line: line, message, kind: kind))
    }

    private mutating func checkMapping(_ node: Node, rules: [FieldRule], keyPath: String, line parentLine: Int) {
        guard let mapping = node.mapping else {
            let name = keyPath.isEmpty ? "front matter" : "字段 \(keyPath.displayKey)"
            report(.error, line(of: node), "\(name) 应为键值映射（key: value），实际为「\(node.preview)」")
            return
        }
        var seen: Set<String> = []
        for (keyNode, value) in mapping {
            let key = keyNode.string ?? ""
            let path = keyPath.isEmpty ? key : "\(keyPath).\(key)"
            keyLines[path] = line(of: keyNode)
            seen.insert(key)
            // Yams' decoder would merge a `<<` mapping's keys in after these checks, unchecked.
            if keyNode.scalar?.style == .plain, key == "<<" {
                let name = keyPath.isEmpty ? "front matter" : "字段 \(keyPath.displayKey)"
                report(.error, line(of: keyNode), "\(name) 中不能使用 YAML 合并键 <<：请把字段直接写出来")
                continue
            }
            if key.contains(where: { !$0.isASCII }), rules.first(where: { $0.key == key }) == nil {
                // 「title　」「状态」: a key typed with a Chinese input method is never ignored silently.
                let ascii = String(key.filter(\.isASCII)).trimmingCharacters(in: .whitespaces)
                let guess = rules.map(\.key).contains(ascii) ? ascii : rules.map(\.key).nearest(to: ascii)
                let hint = guess.map { "；是否应为 \($0)？" } ?? "；字段名一律用英文，见 README「内容格式」"
                report(.error, line(of: keyNode), "字段名「\(key)」含有中文或全角字符（如全角空格、全角冒号）\(hint)")
                continue
            }
            guard let rule = rules.first(where: { $0.key == key }) else {
                let known = rules.map(\.key)
                var message = "未知字段 \(path.displayKey)，已忽略"
                if let guess = known.nearest(to: key) {
                    message += "；是否应为 \(guess)？"
                } else if let parent = rules.parent(of: key) {
                    message += "；\(key) 是 \(parent) 之下的字段，是否缩进不对？应与 \(parent) 中同一层的字段左端对齐"
                }
                report(.warning, line(of: keyNode), message, kind: .unknownField)
                continue
            }
            // Blank counts as empty, and so do zero-width characters (「\u{200B}」 is no reviewer's name).
            if value.isNull || (rule.required && value.scalar.map({ !$0.string.hasVisibleCharacter }) == true) {
                let invisible = !value.isNull && value.scalar?.string.contains { !$0.isWhitespace } == true
                let written = value.scalar?.string ?? ""
                let note =
                    invisible
                    ? "：只有看不见的字符（如零宽空格），请填写实际内容"
                    : value.isNull && !written.isEmpty ? "（写的是 \(written)，YAML 把它读作“没有值”）：请填写实际内容" : ""
                if rule.required { report(.error, line(of: keyNode), "必填字段 \(path.displayKey) 的值为空\(note)") }
                continue
            }
            checkValue(value, rule: rule.value, keyPath: path, keyLine: line(of: keyNode))
        }
        for rule in rules where rule.required && !seen.contains(rule.key) {
            let full = keyPath.isEmpty ? rule.key : "\(keyPath).\(rule.key)"
            report(.error, parentLine, "缺少必填字段 \(full.displayKey)")
        }
    }

    private mutating func checkValue(_ node: Node, rule: ValueRule, keyPath: String, keyLine: Int) {
        // Only error messages need the field's display name.
        func field() -> String { "字段 \(keyPath.displayKey)" }
        switch rule {
        case .mapping(let rules):
            checkMapping(node, rules: rules, keyPath: keyPath, line: keyLine)
        case .keyedBy(let allowed, let valueRule):
            guard let mapping = node.mapping else {
                return report(.error, keyLine, "\(field()) 应为键值映射，实际为「\(node.preview)」")
            }
            for (keyNode, value) in mapping {
                let key = keyNode.string ?? ""
                let path = "\(keyPath).\(key)"
                keyLines[path] = line(of: keyNode)
                if allowed.contains(key) {
                    checkValue(value, rule: valueRule, keyPath: path, keyLine: line(of: keyNode))
                } else {
                    report(.error, line(of: keyNode), "\(field()) 中的键「\(key)」不在允许范围内，可选值：\(allowed.joined(separator: "、"))")
                }
            }
        case .list(let element, let nonEmpty):
            guard let sequence = node.sequence else {
                return report(.error, keyLine, "\(field()) 应为列表（每项以 - 开头），实际为「\(node.preview)」")
            }
            if nonEmpty && sequence.isEmpty { report(.error, keyLine, "\(field()) 至少需要一项") }
            for (index, item) in sequence.enumerated() {
                let path = "\(keyPath).\(index)"
                keyLines[path] = line(of: item)
                checkValue(item, rule: element, keyPath: path, keyLine: line(of: item))
            }
        default:
            checkScalar(node, rule: rule, field: field(), line: keyLine)
            if case .text = rule, Self.holdsName(keyPath), let scalar = node.scalar, scalar.style == .plain,
                let what = Self.nonText(scalar)
            {
                report(
                    .error, keyLine,
                    "\(field()) 应为文字（姓名或名称），实际为「\(scalar.string)」：不加引号的 \(scalar.string) 在 YAML 中是\(what)，不是名字；请填写实际的名字")
            }
        }
    }

    /// Fields that hold a person's or an organisation's name (审核人、审批人、承诺人、书记…): YAML's `true` or `123`
    /// is nobody's name.
    static let nameKeys: Set<String> = ["by", "promiser", "name", "secretary", "post", "organizer"]

    /// Whether the field at `keyPath` holds a name (`reviewed.by`, `people.2`).
    static func holdsName(_ keyPath: String) -> Bool {
        let parts = keyPath.split(separator: ".").map(String.init)
        return parts.first == "people" || parts.last.map(nameKeys.contains) == true
    }

    /// What YAML reads a plain scalar as when it is not text: 真假值 (`true`, `no`) or 数字 (`123`, `1.5`).
    static func nonText(_ scalar: Node.Scalar) -> String? {
        if Bool.construct(from: scalar) != nil { return "真假值" }
        if Int.construct(from: scalar) != nil || Double.construct(from: scalar) != nil { return "数字" }
        return nil
    }

    private mutating func checkScalar(_ node: Node, rule: ValueRule, field: @autoclosure () -> String, line: Int) {
        guard let text = node.scalar?.string else {
            // `- 社区书记: 王芳` in a list of names: YAML reads an unquoted colon as a key.
            if let pairs = node.mapping, pairs.count == 1, let (key, value) = pairs.first, let left = key.scalar?.string,
                let right = value.scalar?.string
            {
                let name = field().hasSuffix("的") ? String(field().dropLast()) : field()
                return report(
                    .error, line,
                    "\(name) 的值里有冒号「: 」，YAML 把它读成了「键: 值」：请给整个值加引号，写成 \(YAMLQuoting.quoted("\(left): \(right)"))")
            }
            return report(.error, line, "\(field()) 应为\(rule.expectation)，实际为列表或映射")
        }
        if let placeholder = ScaffoldPlaceholder.matching(text) {
            report(.error, line, placeholder.message(field: field()), kind: .placeholder)
        } else if let name = ScaffoldPlaceholder.exampleName(in: text) {
            report(
                .error, line, "\(field()) 里的「\(name)」是 gongshi new 注释中的示例姓名：请改为实际的职务和姓名，否则它会原样出现在网站上",
                kind: .placeholder)
        } else if case .absoluteURL = rule, let host = WebAddress.host(of: text), let reserved = WebAddress.reservedName(host) {
            report(
                .error, line,
                "\(field()) 的主机 \(host) 属于保留给示例和测试的域名（\(reserved)），不会是站点的实际网址：请改为站点的实际网址（sitemap.xml、404 页和打印海报的二维码都用它）",
                kind: .placeholder)
        }
        switch rule {
        case .identifier where !text.isValidIdentifier:
            var message = "\(field()) 的值「\(text)」不合规：只能使用小写英文字母、数字和连字符（-），且以字母或数字开头"
            if text.contains(where: { !$0.isASCII }) {
                message += "。网址由 id 生成，不能用汉字：请用拼音或英文，如「金桥社区」写作 jinqiao-shequ"
            } else if text.lowercased().isValidIdentifier {
                message += "；是否应为 \(text.lowercased())？"
            }
            report(.error, line, message)
        case .integer(let min):
            // YAML reads `012` as octal: accept only plain decimal digits.
            guard text.isPlainDecimal, let value = Int(text), value >= min else {
                return report(.error, line, "\(field()) 应为\(rule.expectation)，实际为「\(text)」")
            }
            if value > Self.largestInteger {
                report(.error, line, "\(field()) 的值「\(text)」过大：不能超过 \(Self.largestInteger)")
            }
        case .number(let range):
            if let value = Double(text), range.contains(value) { break }
            report(.error, line, "\(field()) 应为\(rule.expectation)，实际为「\(text)」")
        case .date where Day(text) == nil:
            report(.error, line, "\(field()) 的日期「\(text)」无效：应为 YYYY-MM-DD 格式的真实日期，例如 2026-03-05")
        case .boolean where Bool.construct(from: Node.Scalar(text)) == nil:
            report(.error, line, "\(field()) 应为 true 或 false，实际为「\(text)」")
        case .absoluteURL where !WebAddress.hasWebScheme(text):
            report(.error, line, "\(field()) 应为以 http:// 或 https:// 开头的完整网址，实际为「\(text)」")
        case .oneOf(let allowed) where !allowed.contains(text):
            report(.error, line, "\(field()) 的值「\(text)」不在允许范围内，可选值：\(allowed.joined(separator: "、"))")
        default:
            break
        }
    }
}

extension Node {
    var isNull: Bool {
        guard let scalar else { return false }
        return scalar.style == .plain && ["", "~", "null", "Null", "NULL"].contains(scalar.string)
    }

    /// A short rendering of a node for messages.
    var preview: String {
        if let scalar { return String(scalar.string.prefix(40)) }
        if sequence != nil { return "列表" }
        return "映射"
    }
}

extension String {
    /// `[a-z0-9][a-z0-9-]*`
    var isValidIdentifier: Bool {
        guard let first = unicodeScalars.first, first.isLowerAlnum else { return false }
        return unicodeScalars.allSatisfy { $0.isLowerAlnum || $0 == "-" }
    }

    /// `0`, `12`, `-3`; not `012`, `+1`, `1_000` or `0x1F`.
    var isPlainDecimal: Bool {
        let digits = hasPrefix("-") ? dropFirst() : Substring(self)
        guard let first = digits.first, digits.allSatisfy({ $0.isASCII && $0.isNumber }) else { return false }
        return first != "0" || digits.count == 1
    }

    /// `items.2.done` → `items 第 3 项的 done`, for messages.
    var displayKey: String {
        var out = ""
        for part in split(separator: ".") {
            // A list index; a longer run of digits is a key written as a number (`13912345678: x`), shown as written.
            if part.count <= 5, let index = Int(part) {
                out += " 第 \(index + 1) 项的"
            } else {
                out += out.isEmpty || out.hasSuffix("的") ? " \(part)" : ".\(part)"
            }
        }
        return out.trimmingCharacters(in: .whitespaces)
    }
}

extension Unicode.Scalar {
    fileprivate var isLowerAlnum: Bool { ("a"..."z").contains(self) || ("0"..."9").contains(self) }
}

extension [FieldRule] {
    /// The key whose nested fields (a mapping, or a list of mappings) include `key`, e.g. `items` for `due`.
    func parent(of key: String) -> String? {
        func nested(_ rule: ValueRule) -> [FieldRule] {
            switch rule {
            case .mapping(let rules): return rules
            case .list(let element, _): return nested(element)
            default: return []
            }
        }
        return first { rule in nested(rule.value).contains { $0.key == key } }?.key
    }
}

extension [String] {
    /// The closest candidate by edit distance, if close enough to be a plausible typo.
    func nearest(to word: String) -> String? {
        let scored = map { ($0, $0.editDistance(to: word)) }.min { $0.1 < $1.1 }
        guard let (best, distance) = scored, distance <= Swift.max(2, word.count / 3) else { return nil }
        return best
    }
}

extension String {
    func editDistance(to other: String) -> Int {
        let a = Array(self), b = Array(other)
        var previous = Array(0...b.count)
        for i in 1...max(a.count, 1) where !a.isEmpty {
            var current = [i] + Array(repeating: 0, count: b.count)
            for j in stride(from: 1, through: b.count, by: 1) {
                current[j] = Swift.min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1))
            }
            previous = current
        }
        return a.isEmpty ? b.count : previous[b.count]
    }
}
