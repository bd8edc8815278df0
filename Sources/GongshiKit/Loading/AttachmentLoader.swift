import Foundation

/// Checks and reads the attachments listed in front matter. Each must be a regular file inside the source dir,
/// reached without `..`, absolute paths or symlinks leading out, with an allowed extension and size.
public enum AttachmentLoader {
    public static func resolve(_ content: inout LoadedContent, sourceDirectory: URL) {
        let root = sourceDirectory.standardizedFileURL.resolvingSymlinksInPath()
        for index in content.disclosures.indices {
            let record = content.disclosures[index]
            let (files, diagnostics) = load(record.attachments ?? [], source: record.source, root: root)
            content.disclosures[index].attachmentFiles = files
            content.diagnostics += diagnostics
        }
        for index in content.examples.indices {
            let record = content.examples[index]
            let (files, diagnostics) = load(record.attachments ?? [], source: record.source, root: root)
            content.examples[index].attachmentFiles = files
            content.diagnostics += diagnostics
        }
    }

    static func load(_ attachments: [Attachment], source: SourceRef, root: URL) -> ([AttachmentFile], [Diagnostic]) {
        var files: [AttachmentFile] = []
        var diagnostics: [Diagnostic] = []
        for (index, attachment) in attachments.enumerated() {
            let key = "attachments.\(index).file"
            switch check(attachment.file, from: source.path, root: root) {
            case .failure(let message):
                diagnostics.append(.error(source, key, "附件「\(attachment.file)」\(message.message)"))
            case .success(let (url, ext)):
                guard let data = FileManager.default.contents(atPath: url.path) else {
                    diagnostics.append(.error(source, key, "附件「\(attachment.file)」无法读取"))
                    continue
                }
                let title = attachment.title ?? url.lastPathComponent
                files.append(AttachmentFile(title: title, outputName: "\(index + 1).\(ext)", data: data, sha256: SHA256.hex(data)))
            }
        }
        return (files, diagnostics)
    }

    /// The file's URL and lower-cased extension, or why it is refused.
    static func check(_ path: String, from contentPath: String, root: URL) -> Result<(URL, String), AttachmentRefusal> {
        if path.hasPrefix("/") || path.hasPrefix("~") || path.contains(":") {
            return .failure("不能用绝对路径：请写相对于内容文件所在目录的路径，如 附件/明细表.pdf")
        }
        if path.contains("\\") { return .failure("路径请用 / 分隔") }
        if path.split(separator: "/").contains("..") { return .failure("路径中不能有 ..：附件必须放在源目录之内") }
        let ext = (path as NSString).pathExtension.lowercased()
        guard Attachment.allowedExtensions.contains(ext) else {
            return .failure("的类型不允许发布：只能是 \(Attachment.allowedExtensions.joined(separator: "、")) 文件")
        }
        let folder = root.appendingPathComponent(contentPath).deletingLastPathComponent()
        let url = folder.appendingPathComponent(path).standardizedFileURL
        let fm = FileManager.default
        guard let attributes = try? fm.attributesOfItem(atPath: url.path) else { return .failure("不存在（相对于 \(contentPath) 所在目录）") }
        let resolved = url.resolvingSymlinksInPath()
        guard resolved.path.hasPrefix(root.path + "/") else { return .failure("是指向源目录之外的链接，不能发布") }
        let target = (try? fm.attributesOfItem(atPath: resolved.path)) ?? attributes
        guard target[.type] as? FileAttributeType == .typeRegular else { return .failure("不是普通文件") }
        if let size = target[.size] as? Int, size > Attachment.maximumBytes {
            return .failure("太大（\(size / 1_048_576) MB），每个附件不能超过 20 MB")
        }
        return .success((resolved, ext))
    }
}

/// Why an attachment is refused, in Chinese.
struct AttachmentRefusal: Error, ExpressibleByStringLiteral, ExpressibleByStringInterpolation {
    let message: String
    init(stringLiteral value: String) { message = value }
    init(stringInterpolation: DefaultStringInterpolation) { message = String(stringInterpolation: stringInterpolation) }
}
