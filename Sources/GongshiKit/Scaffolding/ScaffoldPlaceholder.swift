import Foundation

/// Every placeholder `gongshi init` and `gongshi new` write: the scaffold takes its text from here, and `check`
/// refuses any front-matter value or body line that still contains one (a phrase such as `请填写标题` or
/// `在此填写页面内容` with text added around it, in any brackets, bold or not), and any `base_url` on the example
/// host, so none reaches the public site, its feeds or the posters' QR codes. Real examples a secretary may keep (the review method, attachment names, dates, the
/// enumeration defaults) are not placeholders.
public enum ScaffoldPlaceholder: String, CaseIterable, Sendable {
    case siteTitle = "请填写站点名称"
    case baseURL = "https://dangjian.example.gov.cn/"
    case branchName = "请填写组织全称"
    case promiser = "请填写承诺人姓名"
    case itemText = "请填写承诺内容"
    case itemNote = "请说明原因"
    case title = "请填写标题"
    case pageTitle = "请填写页面标题"
    case reviewer = "请填写审核人"
    case approver = "请填写审批人"
    case parentID = "shangji-zuzhi-id"
    case branchID = "zuzhi-id"
    case branchBody = "（在此填写组织简介：成立时间、党员构成、主要工作和特色。）"
    case promiseBody = "（在此填写承诺书全文。）"
    case disclosureBody = "（在此填写公开的具体内容。）"
    case exampleBody = "（在此填写事例经过。不填 summary 时，这一段作为摘要显示在列表中。）"
    case pageBody = "（在此填写页面内容。）"

    /// The text as the scaffold writes it.
    public var text: String { rawValue }

    /// Whether it stands for the Markdown body rather than a field.
    public var isBody: Bool { [.branchBody, .promiseBody, .disclosureBody, .exampleBody, .pageBody].contains(self) }

    /// The command that writes it, for messages.
    var writer: String { self == .siteTitle || self == .baseURL ? "gongshi init" : "gongshi new" }

    /// The names the scaffold's comments give as examples (`people: [金桥社区党委书记 张某某, 网格员 李某某]`): a
    /// front-matter value holding one was copied from the comment.
    public static let exampleNames = ["张某某", "李某某"]

    /// The words that give the placeholder away inside a longer value: the whole text of a field placeholder, the
    /// instruction inside the brackets of a body placeholder (`在此填写页面内容`); nil for the address and the ids,
    /// which are compared whole.
    public var phrase: String? {
        switch self {
        case .baseURL, .parentID, .branchID: return nil
        default:
            let inner = isBody ? rawValue.drop(while: { "（(".contains($0) }) : Substring(rawValue)
            return String(inner.prefix(while: { !"：:。，,）)".contains($0) }))
        }
    }

    /// The host of the example address, `dangjian.example.gov.cn`.
    public static var exampleHost: String { WebAddress.host(of: baseURL.rawValue) ?? "" }

    /// The placeholder `value` still holds: an id placeholder as the whole value, the example address in any
    /// spelling of its host (any path, port, scheme case or trailing dot), or any other placeholder's phrase
    /// anywhere in the value, spaces and the Markdown emphasis marks `*`, `_`, `` ` `` ignored.
    public static func matching(_ value: String) -> ScaffoldPlaceholder? {
        // Every body line and field goes through here (100,000 lines on a large page). Text of plain scalars (see
        // `UTF8Text`), which is nearly all text, is compared byte by byte; any other text as characters, through
        // Foundation.
        if let result = UTF8Text.withBytes(value, plainMatching) { return result }
        return characterMatching(value)
    }

    /// `matching` for text of plain scalars, on its bytes: there every character is one scalar and equal text is equal
    /// bytes. nil (rather than `.some(nil)`) for text that is not plain.
    private static func plainMatching(_ bytes: UnsafeBufferPointer<UInt8>) -> ScaffoldPlaceholder?? {
        var hasTelltale = false
        var index = 0
        while index < bytes.count {
            let (scalar, length) = UTF8Text.scalar(bytes, at: index)
            guard UTF8Text.isPlain(scalar) else { return nil }
            if length > 1, telltaleValues.contains(scalar) { hasTelltale = true }
            index += length
        }
        let hasScheme = UTF8Text.occurs(schemeBytes, in: bytes)
        guard hasScheme || hasTelltale || bytes.count <= longestWhole else { return .some(nil) }
        let trimmed = UnsafeBufferPointer(rebasing: bytes[UTF8Text.plainTrimmed(bytes)])
        if let exact = rawBytes.first(where: { $0.bytes.elementsEqual(trimmed) }) { return exact.placeholder }
        if hasScheme, WebAddress.host(of: String(decoding: trimmed, as: UTF8.self)) == exampleHost { return .baseURL }
        guard hasTelltale else { return .some(nil) }
        // Without whitespace (among plain scalars: tab, LF, CR, space, U+3000) and the marks `*`, `_`, `` ` ``.
        var plain: [UInt8] = []
        plain.reserveCapacity(trimmed.count)
        var k = 0
        while k < trimmed.count {
            switch trimmed[k] {
            case 0x09, 0x0A, 0x0D, 0x20, 0x2A, 0x5F, 0x60:
                k += 1
            case 0xE3 where k + 2 < trimmed.count && trimmed[k + 1] == 0x80 && trimmed[k + 2] == 0x80:
                k += 3
            case let byte:
                plain.append(byte)
                k += 1
            }
        }
        return plain.withUnsafeBufferPointer { plain in .some(phraseBytes.first { UTF8Text.occurs($0.bytes, in: plain) }?.placeholder) }
    }

    /// `matching` on characters, for text that is not plain.
    private static func characterMatching(_ value: String) -> ScaffoldPlaceholder? {
        let scalars = value.unicodeScalars
        let hasScheme = value.utf8.contains(UInt8(ascii: ":")) && value.contains("://")
        guard hasScheme || scalars.contains(where: telltales.contains) || value.utf8.count <= longestWhole else { return nil }
        let trimmed = value.trimmingCharacters(in: .whitespaces)
        if let exact = ScaffoldPlaceholder(rawValue: trimmed) { return exact }
        if hasScheme, WebAddress.host(of: trimmed) == exampleHost { return .baseURL }
        guard scalars.contains(where: telltales.contains) else { return nil }
        let plain = String(trimmed.filter { !$0.isWhitespace && !"*_`".contains($0) })
        return phrases.first { plain.contains($0.phrase) }?.placeholder
    }

    private static let schemeBytes = Array("://".utf8)
    /// Each placeholder's text and each phrase, as bytes.
    private static let rawBytes = allCases.map { (placeholder: $0, bytes: Array($0.rawValue.utf8)) }
    private static let phraseBytes = phrases.map { (placeholder: $0.placeholder, bytes: Array($0.phrase.utf8)) }
    /// The telltales as scalar values (each a CJK ideograph: three bytes of UTF-8).
    private static let telltaleValues = telltales.map(\.value)

    /// Each placeholder with its phrase, made once.
    private static let phrases = allCases.compactMap { item in item.phrase.map { (placeholder: item, phrase: $0) } }

    /// A character of every phrase after its first (`填` of 请填写…, `说` of 请说明原因, `此` of 在此填写…): a value
    /// holding a phrase, even with spaces or emphasis marks inside it, holds that character.
    private static let telltales = Set(phrases.compactMap { $0.phrase.unicodeScalars.dropFirst().first })

    /// The longest placeholder compared whole (the ids), in UTF-8 bytes, with room for surrounding spaces.
    private static let longestWhole = allCases.filter { $0.phrase == nil }.map(\.rawValue.utf8.count).max()! + 16

    /// The example name of the scaffold's comments that `value` holds, if any.
    public static func exampleName(in value: String) -> String? {
        let plain = UTF8Text.withBytes(value) { bytes in
            UTF8Text.isPlain(bytes) ? exampleNameBytes.first { UTF8Text.occurs($0.bytes, in: bytes) }.map(\.name) ?? "" : nil
        }
        guard let plain else { return exampleNames.first { value.contains($0) } }
        return plain.isEmpty ? nil : plain
    }

    private static let exampleNameBytes = exampleNames.map { (name: $0, bytes: Array($0.utf8)) }

    /// The error for a field (`字段 title`) or the body (`正文中`) still holding this placeholder.
    func message(field: String?) -> String {
        switch (self, field) {
        case (.baseURL, let field?):
            return "\(field) 仍是 \(writer) 写入的示例网址「\(rawValue)」（主机 \(Self.exampleHost)）："
                + "请改为站点的实际网址（sitemap.xml、404 页和打印海报的二维码都用它）"
        case (.parentID, let field?), (.branchID, let field?):
            return "\(field) 仍是 \(writer) 写入的示例 id「\(rawValue)」：请改为 content/branches/ 中实际组织的 id"
        case (_, let field?):
            return "\(field) 仍是 \(writer) 写入的占位文字「\(rawValue)」：请改为实际内容，否则它会原样出现在网站上"
        case (_, nil):
            return "正文中还有 \(writer) 写入的占位文字「\(rawValue)」：请改为实际内容或删去这一行，否则它会原样出现在网站上"
        }
    }
}
