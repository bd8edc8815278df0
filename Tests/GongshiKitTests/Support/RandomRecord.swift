import Foundation

@testable import GongshiKit

/// An attachment a record lists: `file` is relative to the record's folder.
struct AttachmentEntry {
    var file: String
    var title: String?
}

/// A photo a record lists (`images`) or shows in its body (`![caption](file)`): `file` is relative to the record's folder.
struct ImageEntry {
    var file: String
    var caption: String
}

/// One content file of the random site.
struct RandomRecord {
    var kind: ContentKind
    /// Relative to the site's root, e.g. `content/disclosures/2026/gk-qrstv.md`.
    var path: String
    var fields = YAMLFields()
    var paragraphs: [String] = []
    /// Free pages this body links to (`../../pages/<id>/`).
    var links: [String] = []
    var attachments: [AttachmentEntry] = []
    /// `images` (branches, disclosures, examples) and the body's Markdown images.
    var images: [ImageEntry] = []
    var bodyImages: [ImageEntry] = []
    /// Personal numbers typed into the body, as typed.
    var numbers: [PersonalNumber] = []
    /// Text only this record carries (for the withheld check), also in its title.
    var marker: String

    var id: String { fields["id"]?.text ?? "" }
    var folder: String { (path as NSString).deletingLastPathComponent }

    var body: String {
        var parts = paragraphs
        for page in links { parts.append("详见[办事指南](../../pages/\(page)/)。") }
        for number in numbers { parts.append("如有疑问请联系 \(number.typed)。") }
        for image in bodyImages { parts.append("![\(image.caption)](\(image.file))") }
        return parts.joined(separator: "\n\n")
    }

    var text: String {
        var yaml = fields
        if !attachments.isEmpty {
            yaml["attachments"] = .list(
                attachments.map { entry in
                    .map([YAMLField(key: "file", value: .quoted(entry.file))] + (entry.title.map { [YAMLField(key: "title", value: .quoted($0))] } ?? []))
                })
        }
        if !images.isEmpty {
            yaml["images"] = .list(
                images.map { .map([YAMLField(key: "file", value: .quoted($0.file)), YAMLField(key: "caption", value: .quoted($0.caption))]) })
        }
        return "---\n\(yaml.yaml)\n---\n\(body)\n"
    }
}

/// A personal number typed into a body.
struct PersonalNumber {
    enum Kind: String { case mobile = "手机号", idCard = "身份证号", bankCard = "银行卡号" }
    let kind: Kind
    /// The bare digits (and X), which must never be published unless allowed.
    let digits: String
    /// As written, e.g. `139 1234 5678`.
    let typed: String
}
