import Foundation

@testable import GongshiKit

/// Attachments and the templates folder.
extension RandomSite {
    // MARK: Attachments

    mutating func addAttachment(to record: inout RandomRecord, _ g: inout SeededGenerator) {
        serial += 1
        let ext = g.pick(["pdf", "jpg", "png", "docx", "xlsx"])
        let file = "附件/\(record.id)-\(serial).\(ext)"
        extraFiles["\(record.folder)/\(file)"] = Self.attachmentBytes(ext, tail: g.letters(g.int(5...40)))
        record.attachments.append(AttachmentEntry(file: file, title: g.chance(0.6) ? "\(g.pick(["明细表", "现场照片", "会议纪要"]))\(serial)" : nil))
    }

    static func attachmentBytes(_ ext: String, tail: String) -> Data {
        switch ext {
        case "pdf": return AttachmentBytes.pdf(tail)
        case "jpg": return AttachmentBytes.jpeg(tail)
        case "png": return AttachmentBytes.png(tail)
        case "docx": return AttachmentBytes.docx(tail)
        default: return AttachmentBytes.xlsx(tail)
        }
    }

    /// Adds, removes, retitles or rewrites an attachment (new bytes; same size with the old time kept; or text in a
    /// `.pdf`, which the build must refuse).
    mutating func editAttachment(_ g: inout SeededGenerator, index: Int? = nil) -> SiteMutation {
        let owners = records.indices.filter { records[$0].kind == .disclosures || records[$0].kind == .examples }
        let index = index ?? g.pick(owners)
        let path = records[index].path
        let folder = records[index].folder
        guard !records[index].attachments.isEmpty, g.chance(0.75) else {
            var record = records[index]
            addAttachment(to: &record, &g)
            records[index] = record
            return SiteMutation(description: "\(path): attachment \(records[index].attachments.last!.file) added")
        }
        let n = g.int(0...records[index].attachments.count - 1)
        let entry = records[index].attachments[n]
        let file = "\(folder)/\(entry.file)"
        let ext = (entry.file as NSString).pathExtension
        switch g.int(0...4) {
        case 0:
            records[index].attachments.remove(at: n)
            if g.chance(0.7) { extraFiles[file] = nil }
            return SiteMutation(description: "\(path): attachment \(entry.file) removed")
        case 1:
            records[index].attachments[n].title = g.chance(0.8) ? "附件\(g.letters(3))" : nil
            return SiteMutation(description: "\(path): attachment \(entry.file) title → \(records[index].attachments[n].title ?? "(none)")")
        case 2:
            extraFiles[file] = Self.attachmentBytes(ext, tail: g.letters(g.int(41...80)))
            return SiteMutation(description: "\(file): new bytes")
        case 3:
            let size = extraFiles[file]?.count ?? 0
            let head = Self.attachmentBytes(ext, tail: "")
            extraFiles[file] = Self.attachmentBytes(ext, tail: g.letters(max(0, size - head.count)))
            return SiteMutation(description: "\(file): new bytes of the same size, old modification time kept", keepTimes: [file])
        default:
            guard isPublished(records[index]) else { return editAttachment(&g, index: index) }
            extraFiles[file] = Data("---\ntitle: 不是附件\n---\n".utf8)
            return SiteMutation(description: "\(file): text instead of a .\(ext)", mustFail: true)
        }
    }

    // MARK: Templates

    /// Edits the site's copy of the templates (text, a comment, the style sheet, a syntax error the build must
    /// refuse), removes the folder (the built-in theme is used), or puts the default copy back.
    mutating func editTemplates(_ g: inout SeededGenerator) -> SiteMutation {
        guard var theme = templates else {
            templates = Self.defaultTemplates
            return SiteMutation(description: "templates/ restored from the default theme")
        }
        let names = theme.keys.filter { $0.hasSuffix(".mustache") }.sorted()
        let name = g.pick(names)
        var text = String(decoding: theme[name]!, as: UTF8.self)
        serial += 1
        var mutation = SiteMutation(description: "")
        switch g.int(0...9) {
        case 0...4:
            var lines = text.components(separatedBy: "\n")
            let candidates = lines.indices.filter { i in
                !lines[i].contains("{{") && lines[i].unicodeScalars.contains { (0x4E00...0x9FFF).contains($0.value) }
            }
            if let i = candidates.isEmpty ? nil : g.pick(candidates),
                let cjk = lines[i].firstIndex(where: { $0.unicodeScalars.first.map { (0x4E00...0x9FFF).contains($0.value) } ?? false })
            {
                lines[i].insert(contentsOf: "改\(serial)", at: lines[i].index(after: cjk))
                text = lines.joined(separator: "\n")
                mutation.description = "templates/\(name): text on line \(i + 1) edited"
            } else {
                text = "{{! 注释 \(serial) }}" + text
                mutation.description = "templates/\(name): comment added"
            }
        case 5:
            text = "{{! 注释 \(serial) }}" + text
            mutation.description = "templates/\(name): comment added"
        case 6, 7:
            let css = "assets/site.css"
            theme[css] = (theme[css] ?? Data()) + Data("\n/* 改 \(serial) */\n".utf8)
            templates = theme
            return SiteMutation(description: "templates/\(css): rule appended")
        case 8:
            text += "{{#unclosed}}"
            mutation = SiteMutation(description: "templates/\(name): unclosed section (syntax error)", mustFail: true)
        default:
            templates = nil
            return SiteMutation(description: "templates/ removed (built-in theme)")
        }
        theme[name] = Data(text.utf8)
        templates = theme
        return mutation
    }

    /// The repository's `templates/` folder, path → bytes.
    static let defaultTemplates: [String: Data] = {
        var files: [String: Data] = [:]
        for path in TestSite.listFiles(under: TestSite.templates) {
            files[path] = FileManager.default.contents(atPath: TestSite.templates.appendingPathComponent(path).path)
        }
        return files
    }()
}
