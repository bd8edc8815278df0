import Foundation

/// 附件: a file listed in front matter, relative to the content file's folder.
public struct Attachment: Sendable, Codable, Hashable {
    public let file: String
    public let title: String?

    enum CodingKeys: String, CodingKey, CaseIterable { case file, title }

    /// The extensions that may be published (documents and images residents can open on a phone).
    public static let allowedExtensions = ["pdf", "jpg", "jpeg", "png", "docx", "xlsx"]
    /// Larger attachments are refused.
    public static let maximumBytes = 20 * 1024 * 1024
}

/// An attachment checked and read by `AttachmentLoader`, ready to be copied into the site.
public struct AttachmentFile: Sendable, Hashable {
    /// What the page shows: the `title`, else the original file name.
    public let title: String
    /// `1.pdf`, `2.jpg`: safe, ASCII, unique within the item.
    public let outputName: String
    public let data: Data
    public let sha256: String

    /// `PDF`, `JPG`…
    public var typeLabel: String { String(outputName.split(separator: ".").last ?? "").uppercased() }

    /// `1.2 MB`, `350 KB`
    public var sizeText: String {
        data.count >= 1_048_576 ? String(format: "%.1f MB", Double(data.count) / 1_048_576) : "\(max(1, data.count / 1024)) KB"
    }
}
