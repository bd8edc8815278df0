import GongshiKit
import Yams

/// Whether the studio may edit a hand-written file: only when writing it back with `ContentCodec` loses nothing.
/// Otherwise the studio shows it read-only with `reason`, and never rewrites it.
public enum Representability: Sendable, Equatable {
    case editable
    case readOnly(reason: String)

    public var isEditable: Bool { self == .editable }

    /// The note shown above a read-only file.
    public var note: String? {
        guard case .readOnly(let reason) = self else { return nil }
        return "此文件\(reason)，编辑平台保存会改变或丢失这些内容，所以只能查看。请用文本编辑器修改；若去掉它们，即可在这里编辑。"
    }

    public static func of(_ bytes: [UInt8], kind: ContentKind, path: String = "") -> Representability {
        let yaml: String
        let body: String
        do {
            (yaml, body) = try ContentCodec.split(bytes, path: path)
        } catch {
            return .readOnly(reason: "无法读取 front matter（\((error as? ContentCodec.DecodeError)?.message ?? "格式错误")）")
        }
        if let (line, mark) = YAMLCommentFinder.first(yaml) {
            let what: String
            switch mark {
            case .comment: what = "注释（# …）"
            case .anchor: what = "YAML 锚点（&名称）"
            case .alias: what = "YAML 别名（*名称）"
            case .tag: what = "YAML 类型标签（!…）"
            }
            return .readOnly(reason: "第 \(line + 1) 行含有\(what)")
        }
        if let line = yaml.split(separator: "\n", omittingEmptySubsequences: false).firstIndex(where: { $0.hasPrefix("%") }) {
            return .readOnly(reason: "第 \(line + 2) 行含有 YAML 指令（%…）")
        }
        let root: Node?
        do {
            root = try ContentCodec.compose(yaml)
        } catch {
            return .readOnly(reason: "的 front matter 不是有效的 YAML")
        }
        if let root, let problem = unusual(root) { return .readOnly(reason: problem) }
        guard root == nil || root?.mapping != nil else { return .readOnly(reason: "的 front matter 不是键值映射") }
        guard let document = try? ContentCodec.decode(bytes, kind: kind, path: path) else {
            return .readOnly(reason: "的 front matter 含有编辑平台不支持的写法")
        }
        let written = ContentCodec.encode(document)
        guard let (writtenYAML, writtenBody) = try? ContentCodec.split(written, path: path),
            let writtenRoot = try? ContentCodec.compose(writtenYAML)
        else { return .readOnly(reason: "含有编辑平台无法原样写回的内容") }
        if let line = firstDifference(root ?? .mapping(.init([])), writtenRoot) {
            return .readOnly(reason: "第 \(line) 行的写法在保存后含义会变（例如空值、yes/no 之类）")
        }
        if writtenBody != body { return .readOnly(reason: "的正文无法原样写回") }
        return .editable
    }

    /// Anchors, aliases, explicit tags, keys that are not text, empty plain values.
    static func unusual(_ node: Node) -> String? {
        let line = (node.mark?.line ?? 0) + 1
        if node.anchor != nil { return "第 \(line) 行含有 YAML 锚点（&名称）" }
        switch node {
        case .alias: return "第 \(line) 行含有 YAML 别名（*名称）"
        case .scalar(let scalar):
            if !isTag(node, .str) && !isTag(node, .bool) { return "第 \(line) 行含有 YAML 类型标签（!…）" }
            if scalar.string.isEmpty && scalar.style == .plain { return "第 \(line) 行的键没有值" }
            return nil
        case .mapping(let mapping):
            if !isTag(node, .map) { return "第 \(line) 行含有 YAML 类型标签（!…）" }
            for (key, value) in mapping {
                guard case .scalar = key else { return "第 \(line) 行的键不是文本" }
                if let problem = unusual(key) ?? unusual(value) { return problem }
            }
            return nil
        case .sequence(let sequence):
            if !isTag(node, .seq) { return "第 \(line) 行含有 YAML 类型标签（!…）" }
            return sequence.lazy.compactMap(unusual).first
        }
    }

    static func isTag(_ node: Node, _ name: Tag.Name) -> Bool { node.tag.rawValue == name.rawValue }

    /// The 1-based front-matter line (of the original) where the trees differ, nil when they are the same.
    static func firstDifference(_ original: Node, _ written: Node) -> Int? {
        let line = (original.mark?.line ?? 0) + 1
        switch (original, written) {
        case (.scalar(let a), .scalar(let b)):
            return a.string == b.string && original.tag.rawValue == written.tag.rawValue ? nil : line
        case (.sequence(let a), .sequence(let b)):
            guard a.count == b.count else { return line }
            return zip(a, b).lazy.compactMap { firstDifference($0, $1) }.first
        case (.mapping(let a), .mapping(let b)):
            guard a.count == b.count else { return line }
            for (left, right) in zip(a, b) {
                if let difference = firstDifference(left.key, right.key) ?? firstDifference(left.value, right.value) {
                    return difference
                }
            }
            return nil
        default:
            return line
        }
    }
}
