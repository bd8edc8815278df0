import Foundation

/// What an attachment's bytes are, from their first bytes (the file's signature), so that an attachment is checked
/// on what is actually read rather than on its name: a content file, `site.yaml` or any text renamed to `.pdf` is
/// refused. Office files are ZIP archives; a `.docx` must also hold `[Content_Types].xml` and `word/`, an `.xlsx`
/// `[Content_Types].xml` and `xl/` (names stored uncompressed in the archive). Never describes the content itself.
enum AttachmentSignature: Equatable {
    case pdf, jpeg, png, docx, xlsx
    /// A ZIP archive that is neither a Word nor an Excel file.
    case zip
    case empty
    /// UTF-8 text (Markdown, YAML, HTML, SVG, CSV…).
    case text
    case unknown

    /// The kind the bytes are.
    init(_ data: Data) {
        if data.isEmpty {
            self = .empty
        } else if data.starts(with: Array("%PDF-".utf8)) {
            self = .pdf
        } else if data.starts(with: [0xFF, 0xD8, 0xFF]) {
            self = .jpeg
        } else if data.starts(with: [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]) {
            self = .png
        } else if data.starts(with: [0x50, 0x4B, 0x03, 0x04]) {
            self = Self.office(data)
        } else if Self.isText(data.prefix(Self.sample), truncated: data.count > Self.sample) {
            self = .text
        } else {
            self = .unknown
        }
    }

    /// The kind a file with this (lower-cased) extension must be.
    init?(extension ext: String) {
        switch ext {
        case "pdf": self = .pdf
        case "jpg", "jpeg": self = .jpeg
        case "png": self = .png
        case "docx": self = .docx
        case "xlsx": self = .xlsx
        default: return nil
        }
    }

    /// 「PDF」「JPEG 图片」…, for 「内容不是 …」.
    var label: String {
        switch self {
        case .pdf: return "PDF"
        case .jpeg: return "JPEG 图片"
        case .png: return "PNG 图片"
        case .docx: return "Word 文档（docx）"
        case .xlsx: return "Excel 表格（xlsx）"
        case .zip: return "ZIP 压缩包"
        case .empty: return "空文件"
        case .text: return "文字"
        case .unknown: return "无法识别的格式"
        }
    }

    /// What the file turned out to be, for 「（…）」: never quotes the content.
    var found: String {
        switch self {
        case .empty: return "文件是空的"
        case .text: return "文件开头是文字"
        case .unknown: return "文件开头不是任何允许的附件格式"
        case .zip: return "文件是 ZIP 压缩包，但不是 Word 或 Excel 文件"
        default: return "文件其实是 \(label)"
        }
    }

    /// How many leading bytes decide whether a file is text.
    private static let sample = 4096

    private static func office(_ data: Data) -> AttachmentSignature {
        guard data.range(of: Data("[Content_Types].xml".utf8)) != nil else { return .zip }
        if data.range(of: Data("word/".utf8)) != nil { return .docx }
        if data.range(of: Data("xl/".utf8)) != nil { return .xlsx }
        return .zip
    }

    /// Valid UTF-8 (a character cut at the end of the sample is allowed) without NUL or control bytes other than
    /// tab, line feed, form feed and carriage return.
    private static func isText(_ sample: Data, truncated: Bool) -> Bool {
        let bytes = [UInt8](sample)
        let control = bytes.contains { ($0 < 0x20 && ![0x09, 0x0A, 0x0C, 0x0D].contains($0)) || $0 == 0x7F }
        if control { return false }
        for cut in 0...(truncated ? 3 : 0) where cut <= bytes.count {
            if String(bytes: bytes[0..<(bytes.count - cut)], encoding: .utf8) != nil { return true }
        }
        return false
    }
}
