import Foundation

/// `gongshi new`: writes the skeleton of one record into `content/<kind>/<id>.md`, never over an existing file.
public enum ScaffoldWriter {
    /// What to create.
    public struct Request: Sendable {
        public var sourceDirectory: URL
        public var kind: ContentKind
        public var id: String
        /// The organisation to refer to (`parent` for a new branch); nil picks one, see `reference(for:in:)`.
        public var branch: String?
        /// 今天, for the date placeholders.
        public var today: Day

        public init(sourceDirectory: URL, kind: ContentKind, id: String, branch: String? = nil, today: Day) {
            self.sourceDirectory = sourceDirectory
            self.kind = kind
            self.id = id
            self.branch = branch
            self.today = today
        }
    }

    /// What was written.
    public struct Result: Sendable, Equatable {
        /// Relative to the source directory, e.g. `content/promises/zhang-2026.md`.
        public let path: String
        /// Things the writer should check, in Chinese (e.g. which branch was filled in).
        public let notes: [String]
    }

    /// Validates the request, then writes the file.
    public static func write(_ request: Request) throws(ScaffoldError) -> Result {
        guard request.id.isValidIdentifier else {
            throw ScaffoldError(.usage, "id「\(request.id)」不合规：只能使用小写英文字母、数字和连字符（-），且以字母或数字开头，例如 jinqiao-2026")
        }
        if SiteAssembler.reservedIDs[request.kind]?.contains(request.id) == true {
            throw ScaffoldError(.usage, "id「\(request.id)」是网站保留路径，请换一个 id")
        }
        let inventory = SiteInventory.read(request.sourceDirectory)
        guard inventory.hasSiteConfig else {
            throw ScaffoldError(
                .usage, "源目录 \(request.sourceDirectory.path) 中没有 site.yaml，不是 gongshi 站点：请用 --source 指定站点目录，或先用 gongshi init 新建站点")
        }
        let path = "content/\(request.kind.rawValue)/\(request.id).md"
        let url = request.sourceDirectory.appendingPathComponent(path)
        if FileManager.default.fileExists(atPath: url.path) {
            throw ScaffoldError(.conflict, "\(path) 已存在，未做任何改动；要新建请换一个 id，要修改请直接编辑该文件")
        }
        if let other = inventory.ids[request.kind]?[request.id] {
            throw ScaffoldError(.conflict, "\(request.kind.chineseName) id「\(request.id)」已被 \(other) 使用，未做任何改动；请换一个 id")
        }
        let (reference, notes) = try reference(for: request, in: inventory)
        let skeleton = ContentSkeleton(
            kind: request.kind, id: request.id, today: request.today, categories: inventory.categories, topics: inventory.topics,
            branch: reference)
        do {
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try Data(skeleton.text.utf8).write(to: url, options: .withoutOverwriting)
        } catch {
            throw ScaffoldError(.io, "无法写入 \(path)：\(error.localizedDescription)")
        }
        return Result(path: path, notes: notes)
    }

    /// The `branch` (or `parent`) to write: the one asked for, which must exist; else, for records that need one,
    /// the first existing branch by id; else commented out.
    static func reference(for request: Request, in inventory: SiteInventory) throws(ScaffoldError) -> (BranchReference, [String]) {
        let known = inventory.branchIDs
        let key = request.kind == .branches ? "parent" : "branch"
        if let branch = request.branch {
            guard request.kind != .pages else { throw ScaffoldError(.usage, "页面没有所属组织，不能使用 --branch") }
            guard known.contains(branch) else {
                let list = known.isEmpty ? "content/branches/ 中还没有组织" : "已有的组织：\(known.joined(separator: "、"))"
                throw ScaffoldError(.usage, "--branch 指定的组织「\(branch)」不存在（\(list)）")
            }
            return (.filled(branch), [])
        }
        switch (request.kind, known.first) {
        case (.pages, _):
            return (.commentedOut(example: nil), [])
        case (.branches, let example):
            return (.commentedOut(example: example), [])
        case (_, let first?):
            let which = known.count == 1 ? "站点中唯一的组织" : "按 id 排序的第一个组织"
            return (.filled(first), ["\(key) 已填为 \(first)（\(which)），如不是所属组织请修改，或用 --branch 指定"])
        case (_, nil):
            return (.commentedOut(example: nil), ["content/branches/ 中还没有组织，\(key) 字段已注释掉：请先用 gongshi new branch 新建组织，再填写 \(key)，否则 check 会报错"])
        }
    }
}
