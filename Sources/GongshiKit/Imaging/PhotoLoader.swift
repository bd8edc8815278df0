import Foundation

#if canImport(Glibc)
    import Glibc
#endif

/// The rules a photo's file and caption must follow before any byte of it is decoded: the attachments' path rules
/// (inside the source dir, no `..`, no absolute path, no symlink anywhere on the path, a regular file, not another name
/// of one of the site's own source files), an allowed extension, at most `PhotoSettings.maximumBytes`, bytes that are
/// the type the extension says (`PhotoSignature`), and a caption that says what the photo shows.
enum PhotoLoader {
    /// The path relative to the source dir, or why its spelling is refused (absolute, `..`, wrong type).
    /// `contentPath` is the file that names the photo (`site.yaml` for the logo): the path is relative to its folder.
    static func check(_ path: String, from contentPath: String) -> Result<String, AttachmentRefusal> {
        if path.hasPrefix("/") || path.hasPrefix("~") || path.contains(":") {
            return .failure("不能用绝对路径：请写相对于 \(contentPath) 所在目录的路径，如 照片/活动现场.jpg")
        }
        if path.contains("\\") { return .failure("路径请用 / 分隔") }
        let parts = path.split(separator: "/").filter { $0 != "." }
        if parts.contains("..") { return .failure("路径中不能有 ..：照片必须放在源目录之内、\(contentPath) 所在目录或其下的目录中") }
        guard !parts.isEmpty else { return .failure("没有写文件名") }
        let ext = (path as NSString).pathExtension.lowercased()
        guard PhotoSettings.allowedExtensions.contains(ext) else {
            return .failure("的类型不能作为照片：只能是 \(extensionList) 文件（按文件内容检查）")
        }
        let folder = contentPath.split(separator: "/").dropLast()
        return .success((folder + parts).joined(separator: "/"))
    }

    /// 「jpg、jpeg、png、webp、heic、heif」
    static var extensionList: String { PhotoSettings.allowedExtensions.joined(separator: "、") }

    /// The status of the regular file at `relative` below `root`, refusing a symlink in any component (as
    /// `FileBytes.read` does) without reading it.
    static func status(_ relative: String, under root: String, contentPath: String) -> Result<FileStatus, AttachmentRefusal> {
        let parts = relative.split(separator: "/").map(String.init)
        let missing = AttachmentRefusal(message: "不存在（相对于 \(contentPath) 所在目录）")
        guard !parts.isEmpty, !parts.contains(".."), !parts.contains(".") else { return .failure(missing) }
        var path = root
        for (index, part) in parts.enumerated() {
            path += "/" + part
            var info = stat()
            guard lstat(path, &info) == 0 else { return .failure(missing) }
            let kind = FileBytes.EntryKind(mode: info.st_mode)
            if kind == .symlink { return .failure(AttachmentRefusal(message: FileBytes.Outcome.symlink.problem!)) }
            if index < parts.count - 1 {
                guard kind == .directory else { return .failure(missing) }
            } else if kind != .regular {
                return .failure(AttachmentRefusal(message: FileBytes.Outcome.notRegular(kind).problem!))
            }
        }
        guard let status = FileStatus(path: path) else { return .failure(missing) }
        return .success(status)
    }

    /// The bytes of the photo at `relative`, when they are within the size limit and the type its extension says.
    static func read(_ relative: String, under root: String, contentPath: String) -> Result<Data, AttachmentRefusal> {
        switch FileBytes.read(relative, under: root, limit: PhotoSettings.maximumBytes) {
        case .tooLarge(let size):
            return .failure(
                "太大（\(megabytes(size)) MB），每张照片不能超过 \(PhotoSettings.maximumBytes / 1_048_576) MB：请先在手机或电脑上把照片缩小或另存一份")
        case .missing:
            return .failure("不存在（相对于 \(contentPath) 所在目录）")
        case .bytes(let data):
            let ext = (relative as NSString).pathExtension.lowercased()
            if let expected = PhotoSignature(extension: ext) {
                let found = PhotoSignature(data)
                if found != expected { return .failure(mismatch(expected: expected, found: found, ext: ext)) }
            }
            return .success(data)
        case let refused:
            return .failure(AttachmentRefusal(message: refused.problem ?? "无法读取"))
        }
    }

    static func megabytes(_ size: Int) -> String {
        String(format: "%.1f", Double(size) / 1_048_576)
    }

    /// Why bytes that are not what the extension says are refused; names what they are, never what they say.
    static func mismatch(expected: PhotoSignature, found: PhotoSignature, ext: String) -> AttachmentRefusal {
        var text = "的内容不是 \(expected.label)（\(found.found)）：gongshi 按文件内容而不是文件名检查照片，扩展名为 .\(ext) 的照片必须是真正的 \(expected.label)；"
        if let rightExtension = Self.extensionFor(found) {
            text += "请把扩展名改为 .\(rightExtension)"
        } else {
            text += "请放入原始照片（JPEG、PNG、WebP 或 HEIC）"
        }
        return AttachmentRefusal(message: text)
    }

    /// The extension a photo of this kind should have, when it is an accepted kind.
    static func extensionFor(_ kind: PhotoSignature) -> String? {
        let ext: String
        switch kind {
        case .jpeg: ext = "jpg"
        case .png: ext = "png"
        case .webp: ext = "webp"
        case .heif: ext = "heic"
        default: return nil
        }
        return PhotoSettings.allowedExtensions.contains(ext) ? ext : nil
    }

    /// Why a caption is refused: empty, or only the file's name (with or without its extension or folders, in any
    /// case or width: 「ＩＭＧ_0001」 for `img_0001.JPG`). Nil when it is a caption.
    static func captionProblem(_ caption: String, file: String) -> CaptionProblem? {
        let said = normalised(caption)
        if said.isEmpty { return .empty }
        let name = (file as NSString).lastPathComponent
        let names = [file, name, (file as NSString).deletingPathExtension, (name as NSString).deletingPathExtension]
        if names.map(normalised).contains(said) { return .fileName }
        return nil
    }

    enum CaptionProblem: Equatable {
        case empty, fileName
    }

    /// NFKC (full-width letters and digits as ASCII), lower-cased, without surrounding spaces.
    static func normalised(_ text: String) -> String {
        text.precomposedStringWithCompatibilityMapping.lowercased().trimmingCharacters(in: .whitespacesAndNewlines)
    }
}
