/// 典型事例
public struct Example: Sendable, Codable {
    public let id: String
    public let title: String
    public let branch: String
    public let date: Day
    public let field: Field?
    public let service: Service?
    public let people: [String]?
    public let honors: [String]?
    public let summary: String?
    /// 草稿 or 待审核 while the example is in the studio's workflow; such an example is never published.
    public var workflow: WorkflowMark? = nil
    /// 审核: who reviewed the example and when (written when its review passes).
    public var reviewed: Signoff? = nil
    /// This file's `privacy:` settings (already applied while loading).
    public var privacy: PrivacyPolicy? = nil
    /// 附件 as written in front matter; `attachmentFiles` once checked and read.
    public var attachments: [Attachment]? = nil
    public var attachmentFiles: [AttachmentFile] = []
    /// 照片 as written in front matter; `imageFiles` once the image stage has checked and processed them.
    public var images: [ImageRef]? = nil
    public var imageFiles: [ImageFile] = []
    public var source = SourceRef(path: "")
    public var bodyHTML = ""
    /// Markdown images of the body that point at files inside the source dir, by their `src` as written, once
    /// processed; the renderer replaces each `<img>` with the published versions.
    public var bodyImages: [String: ImageFile] = [:]
    /// Plain text of the body's first paragraph, used when `summary` is absent.
    public var firstParagraph = ""

    enum CodingKeys: String, CodingKey, CaseIterable {
        case id, title, branch, date, field, service, people, honors, summary, workflow, reviewed, privacy, attachments, images
    }

    public var displaySummary: String { summary ?? firstParagraph }
}

/// A free page such as 关于本站 or 办事指南.
public struct FreePage: Sendable, Codable {
    public let id: String
    public let title: String
    /// This file's `privacy:` settings (already applied while loading).
    public var privacy: PrivacyPolicy? = nil
    public var source = SourceRef(path: "")
    public var bodyHTML = ""
    /// Markdown images of the body that point at files inside the source dir, by their `src` as written, once
    /// processed; the renderer replaces each `<img>` with the published versions.
    public var bodyImages: [String: ImageFile] = [:]

    enum CodingKeys: String, CodingKey, CaseIterable { case id, title, privacy }
}
