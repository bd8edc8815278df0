import Foundation

#if canImport(Glibc)
    import Glibc
#endif

/// Checks and reads the attachments listed in front matter. Each must be a regular file inside the source dir,
/// reached without `..`, absolute paths or symlinks (a symlink is refused wherever it is on the path, and its target
/// is never read or named), with an allowed extension and size, must not be one of the site's own source files under
/// another name (a hard link), and its bytes must be what its extension says (`AttachmentSignature`): a content file,
/// `site.yaml` or any text copied to `x.pdf` is refused.
public enum AttachmentLoader {
    public static func resolve(_ content: inout LoadedContent, sourceDirectory: URL) {
        let root = sourceDirectory.standardizedFileURL.path
        var sources = SourceFileIdentities(root: root, paths: Self.sourcePaths(of: content))
        for index in content.disclosures.indices {
            let record = content.disclosures[index]
            let (files, diagnostics) = load(record.attachments ?? [], source: record.source, root: root, sources: &sources)
            content.disclosures[index].attachmentFiles = files
            content.diagnostics += diagnostics
        }
        for index in content.examples.indices {
            let record = content.examples[index]
            let (files, diagnostics) = load(record.attachments ?? [], source: record.source, root: root, sources: &sources)
            content.examples[index].attachmentFiles = files
            content.diagnostics += diagnostics
        }
    }

    /// `site.yaml` and every content file that was read.
    static func sourcePaths(of content: LoadedContent) -> [String] {
        ["site.yaml"] + content.branches.map(\.source.path) + content.promises.map(\.source.path)
            + content.disclosures.map(\.source.path) + content.examples.map(\.source.path) + content.pages.map(\.source.path)
    }

    static func load(_ attachments: [Attachment], source: SourceRef, root: String, sources: inout SourceFileIdentities)
        -> ([AttachmentFile], [Diagnostic])
    {
        var files: [AttachmentFile] = []
        var diagnostics: [Diagnostic] = []
        for (index, attachment) in attachments.enumerated() {
            switch read(attachment.file, from: source.path, root: root, sources: &sources) {
            case .failure(let refusal):
                diagnostics.append(.error(source, "attachments.\(index).file", "附件「\(attachment.file)」\(refusal.message)"))
            case .success(let (data, ext)):
                // The name as written in front matter: never a name read from the file system.
                let title = attachment.title ?? (attachment.file as NSString).lastPathComponent
                files.append(AttachmentFile(title: title, outputName: "\(index + 1).\(ext)", data: data, sha256: SHA256.hex(data)))
            }
        }
        return (files, diagnostics)
    }

    /// The file's bytes and lower-cased extension, or why it is refused.
    static func read(_ path: String, from contentPath: String, root: String, sources: inout SourceFileIdentities)
        -> Result<(Data, String), AttachmentRefusal>
    {
        let relative: String
        switch check(path, from: contentPath) {
        case .failure(let refusal): return .failure(refusal)
        case .success(let value): relative = value
        }
        let ext = (path as NSString).pathExtension.lowercased()
        switch FileBytes.read(relative, under: root, limit: Attachment.maximumBytes) {
        case .tooLarge(let size):
            return .failure("太大（\(size / 1_048_576) MB），每个附件不能超过 20 MB")
        case .missing:
            return .failure("不存在（相对于 \(contentPath) 所在目录）")
        case .bytes(let data):
            if let original = sources.original(of: relative) {
                let what = original == "site.yaml" ? "本站的配置文件 site.yaml " : "本站的一个内容文件"
                return .failure("是\(what)的硬链接（同一个文件的另一个名字），不能作为 \(ext) 附件发布；请放入真正的 \(ext) 文件")
            }
            if let expected = AttachmentSignature(extension: ext), AttachmentSignature(data) != expected {
                return .failure(Self.mismatch(expected: expected, data: data, ext: ext))
            }
            let metadata = AttachmentMetadata.blocks(in: [UInt8](data))
            if !metadata.isEmpty {
                return .failure(
                    AttachmentRefusal(
                        message: "带有 \(Set(metadata).sorted().joined(separator: "、")) 元数据（手机照片的拍摄位置 GPS、时间、机型都在其中），"
                            + "附件原样发布，这些信息会一起公开：照片请列在 images 中（发布时去掉全部元数据、缩小尺寸），不要作为附件"))
            }
            return .success((data, ext))
        case let refused:
            return .failure(AttachmentRefusal(message: refused.problem ?? "无法读取"))
        }
    }

    /// The path relative to the source dir, or why its spelling is refused (absolute, `..`, wrong type).
    static func check(_ path: String, from contentPath: String) -> Result<String, AttachmentRefusal> {
        if path.hasPrefix("/") || path.hasPrefix("~") || path.contains(":") {
            return .failure("不能用绝对路径：请写相对于内容文件所在目录的路径，如 附件/明细表.pdf")
        }
        if path.contains("\\") { return .failure("路径请用 / 分隔") }
        let parts = path.split(separator: "/").filter { $0 != "." }
        if parts.contains("..") { return .failure("路径中不能有 ..：附件必须放在源目录之内") }
        let ext = (path as NSString).pathExtension.lowercased()
        guard Attachment.allowedExtensions.contains(ext) else {
            return .failure("的类型不允许发布：只能是 \(Attachment.allowedExtensions.joined(separator: "、")) 文件")
        }
        let folder = contentPath.split(separator: "/").dropLast()
        return .success((folder + parts).joined(separator: "/"))
    }

    /// Why bytes that are not what the extension says are refused; names what they are, never what they say.
    static func mismatch(expected: AttachmentSignature, data: Data, ext: String) -> AttachmentRefusal {
        let found = AttachmentSignature(data)
        let what = found == .text && looksLikeContentFile(data) ? "文件开头是文字，像是本站的 Markdown 内容文件" : found.found
        return AttachmentRefusal(
            message: "的内容不是 \(expected.label)（\(what)）：gongshi 按文件内容而不是文件名检查附件，扩展名为 .\(ext) 的附件"
                + "必须是真正的 \(expected.label) 文件；请放入原始文件，或改正扩展名")
    }

    /// A Markdown file with front matter (optionally after a BOM, blank lines or spaces).
    static func looksLikeContentFile(_ data: Data) -> Bool {
        let bytes = data.starts(with: [0xEF, 0xBB, 0xBF]) ? data.dropFirst(3) : data[...]
        return bytes.drop { [0x20, 0x09, 0x0A, 0x0D].contains($0) }.starts(with: Array("---".utf8))
    }
}

/// The `(device, inode)` of the site's own source files, looked up only when an attachment has more than one name
/// (a hard link), so that a content file linked under `x.pdf` is recognised.
struct SourceFileIdentities {
    struct Identity: Hashable {
        let device: UInt64
        let inode: UInt64
    }

    let root: String
    let paths: [String]
    private var known: [Identity: String]?

    init(root: String, paths: [String]) {
        self.root = root
        self.paths = paths
    }

    /// The source file (`site.yaml` or a content file's path) that the file at `relative` (below `root`) is another
    /// name of, if any.
    mutating func original(of relative: String) -> String? {
        var info = stat()
        guard lstat(root + "/" + relative, &info) == 0, info.st_nlink > 1 else { return nil }
        if known == nil {
            var identities: [Identity: String] = [:]
            for path in paths {
                var file = stat()
                guard lstat(root + "/" + path, &file) == 0 else { continue }
                let identity = Identity(device: UInt64(file.st_dev), inode: UInt64(file.st_ino))
                if identities[identity] == nil { identities[identity] = path }
            }
            known = identities
        }
        return known![Identity(device: UInt64(info.st_dev), inode: UInt64(info.st_ino))]
    }
}

/// Why an attachment is refused, in Chinese.
struct AttachmentRefusal: Error, ExpressibleByStringLiteral, ExpressibleByStringInterpolation {
    let message: String
    init(message: String) { self.message = message }
    init(stringLiteral value: String) { message = value }
    init(stringInterpolation: DefaultStringInterpolation) { message = String(stringInterpolation: stringInterpolation) }
}
