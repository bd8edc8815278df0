import Foundation

/// `gongshi init`: a new, empty site with a copy of a theme in `templates/`; it builds once site.yaml's placeholders are replaced.
public enum SiteInitializer {
    /// Creates `directory` (or fills it when it exists and is empty); returns the paths written, relative to it.
    @discardableResult
    public static func create(at directory: URL, theme: TemplateSource = DefaultTheme.source) throws(ScaffoldError) -> [String] {
        let fm = FileManager.default
        var isDirectory: ObjCBool = false
        if fm.fileExists(atPath: directory.path, isDirectory: &isDirectory) {
            guard isDirectory.boolValue else { throw ScaffoldError(.conflict, "\(directory.path) 已存在且不是目录，未做任何改动") }
            let entries = (try? fm.contentsOfDirectory(atPath: directory.path)) ?? []
            guard entries.isEmpty else {
                throw ScaffoldError(.conflict, "目录 \(directory.path) 已存在且不是空目录，未做任何改动：init 只在新目录或空目录中创建站点，以免覆盖已有文件")
            }
        }
        let files = files(of: theme)
        do {
            for (path, contents) in files {
                let url = directory.appendingPathComponent(path)
                try fm.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
                try contents.write(to: url, options: .withoutOverwriting)
            }
        } catch {
            throw ScaffoldError(.io, "无法在 \(directory.path) 中写入新站点：\(error.localizedDescription)")
        }
        return files.map(\.0)
    }

    /// Every file of a new site, in writing order.
    static func files(of theme: TemplateSource) -> [(String, Data)] {
        var files: [(String, Data)] = [("site.yaml", Data(siteConfig.utf8))]
        files += ContentKind.allCases.map { ("content/\($0.rawValue)/.gitkeep", Data()) }
        files += theme.templates.sorted { $0.key < $1.key }.map { ("templates/\($0.key).mustache", Data($0.value.utf8)) }
        files += theme.assets.sorted { $0.key < $1.key }.map { ("templates/assets/\($0.key)", $0.value) }
        return files
    }

    /// `site.yaml` with placeholders (`ScaffoldPlaceholder`) and a Chinese comment on every key; well-formed as written.
    static var siteConfig: String {
        var yaml = SkeletonText()
        yaml.note("站点配置。字段说明见 README「site.yaml」。以 # 开头的行是说明，不会被读取。")
        yaml.field("title", ScaffoldPlaceholder.siteTitle.text, "站点名称（必填），如 青溪街道党务公开网")
        yaml.field("base_url", ScaffoldPlaceholder.baseURL.text, "站点完整网址（必填），以 http:// 或 https:// 开头，用于 sitemap.xml 和 404 页；请改为实际网址")
        yaml.field("language", "zh-CN", "网页语言（可选），默认 zh-CN")
        yaml.field("organizer", "", "主办单位（可选），显示在页脚，如 中共青溪街道工作委员会")
        yaml.field("icp", "", "备案号（可选），显示在页脚")
        yaml.field("contact", "", "联系方式（可选），显示在页脚")
        yaml.field(
            "categories", "[]",
            "在内置党务公开类别（\(BuiltinCategory.all.joined(separator: "、"))）之外增加的类别（可选），如 [乡村振兴]")
        yaml.field(
            "holidays", "[]",
            "法定节假日（可选），日期列表，如 [2026-10-01, 2026-10-02]：计算公示期是否满 5 个工作日时，除周六、周日外这些日期也不算工作日")
        yaml.field(
            "privacy", "",
            "隐私设置（可选，不填用默认值）：生成时检查正文和各字段中的身份证号、银行卡号（一律不允许生成）和手机号、电子邮箱（默认打码显示并警告）。"
                + "mobile、email 可设为 mask、allow 或 error；allow 列出可以原样公开的号码；emails 列出可以公开的邮箱（@ 开头表示整个域名）；"
                + "small_cell_threshold 是小数保护的界限（默认 5，评议票数 1–4 显示为「<5」；0 表示不保护）。"
                + "如 {mobile: mask, emails: [office@example.gov.cn], small_cell_threshold: 5}。详见 README「安全与隐私」")
        yaml.field(
            "topics", "[]", "在内置党务公开事项主题（\(BuiltinTopic.all.joined(separator: "、"))）之外增加的主题（可选），事项用 topic 选择")
        yaml.field(
            "procedure", "",
            "公开程序设置（可选）：默认同一人不能既审核（或提出）又审批；确需一人兼任时写 {allow_same_reviewer_approver: true}")
        yaml.field(
            "notice_rules", "",
            "按主题的公示规则（可选），如 {发展党员: {min_working_days: 5, until_required: true, approver_level: parent, retire_after_days: 30}}；"
                + "内置：发展党员 至少 5 个工作日、必须写公示截止日期 until。详见 README「site.yaml」")
        yaml.field("stale_days", "\(SiteConfig.defaultStaleDays)", "进行中的承诺事项多少天没有践诺记录算“久未更新”（可选），默认 \(SiteConfig.defaultStaleDays)")
        yaml.field(
            "outcome_due_days", "\(SiteConfig.defaultOutcomeDueDays)",
            "公示期结束多少天后还没有结果公开（outcome）算“结果待公开”（可选），默认 \(SiteConfig.defaultOutcomeDueDays)")
        yaml.field(
            "logo", "",
            "站点标志图片（可选），相对于本文件所在目录的路径，如 照片/站标.png（"
                + PhotoSettings.allowedExtensions.joined(separator: "、") + " 文件）；"
                + "用来生成网站图标（favicon），没有照片的页面在微信里分享时也显示它")
        return yaml.lines.joined(separator: "\n") + "\n"
    }
}
