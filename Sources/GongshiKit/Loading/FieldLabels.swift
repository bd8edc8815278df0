/// The Chinese name of every front-matter field, for the studio's forms (one table beside the schema in
/// `ContentKind.swift`; `FieldLabelTests` fails when a field of any kind has none, so adding a field to a kind
/// means naming it here, and the form gets it).
///
/// A field is looked up by its key path without list indices (`items.progress.date`), then by its own key
/// (`date`); keys of a `keyedBy` mapping (六有's goals, the votes) are Chinese already and name themselves.
public enum FieldLabels {
    /// The label of the field at `path` (`["items", "progress", "date"]`), nil when the table has none.
    public static func label(_ path: [String]) -> String? {
        let key = path.joined(separator: ".")
        return byPath[key] ?? path.last.flatMap { byKey[$0] }
    }

    /// A line of help under the field, for the fields a secretary most often gets wrong.
    public static func help(_ path: [String]) -> String? {
        helpByPath[path.joined(separator: ".")] ?? path.last.flatMap { helpByKey[$0] }
    }

    static let byKey: [String: String] = [
        "id": "编号", "name": "组织全称", "type": "组织类型", "field": "领域", "parent": "上级组织", "secretary": "书记",
        "members": "党员人数（直接管理）", "registered": "报到党员人数", "established": "成立日期", "address": "地址",
        "phone": "办公电话（公开）", "venue": "服务场所", "liuyou": "六有自评", "ratings": "群众测评",
        "year": "年度", "satisfaction": "满意度（%）", "respondents": "参评人数", "grade": "等次",
        "branch": "所属组织", "promiser": "承诺人", "role": "承诺人身份", "post": "岗位", "published": "公开日期",
        "items": "承诺事项", "text": "内容", "service": "五个服务", "due": "承诺期限", "status": "状态", "done": "兑现日期",
        "note": "原因说明", "target": "量化目标", "count": "数量", "unit": "单位", "progress": "践诺记录",
        "review": "述职评议", "method": "评议方式", "votes": "票数", "date": "日期",
        "workflow": "流程状态", "proposed": "提出", "reviewed": "审核", "approved": "审批", "by": "签名人", "org": "审批组织",
        "title": "标题", "category": "类别", "scope": "公开范围", "cadence": "公开方式", "period": "所属期间",
        "until": "公示截止日期", "feedback": "意见反馈渠道", "topic": "事项类型", "outcome": "结果公开", "received": "收到意见数",
        "follows": "落实的事项（编号）", "attachments": "附件", "file": "文件", "caption": "照片说明", "images": "照片",
        "people": "人物", "honors": "荣誉", "summary": "摘要",
        "privacy": "隐私设置", "mobile": "手机号", "email": "电子邮箱", "id_card": "身份证号", "bank_card": "银行卡号",
        "allow": "允许公开的号码", "emails": "允许公开的邮箱",
    ]

    static let byPath: [String: String] = [
        "items.text": "承诺内容", "items.progress.text": "做了什么", "items.progress.count": "本次完成数量",
        "items.progress.date": "践诺日期", "items.target.count": "目标数量", "review.date": "评议日期",
        "outcome.date": "结果公开日期", "outcome.text": "结果", "attachments.title": "显示名称",
        "promiser": "承诺人（姓名，组织承诺填组织名称）", "published": "公开日期",
    ]

    static let helpByKey: [String: String] = [
        "id": "只用小写字母、数字和 -，如 dangfei-2026-q3；保存后不能再改",
        "period": "如 2026-Q3",
        "until": "公示期的最后一天；发展党员等事项必须填写",
        "done": "只有状态为“已兑现”时填写",
        "note": "状态为“未兑现”“延期”时必须填写",
        "people": "每行一个名字（只写公开职务人员）", "honors": "每行一个",
        "allow": "每行一个", "emails": "每行一个",
    ]

    static let helpByPath: [String: String] = [
        "items.text": "要具体、可检查，如“每月组织一次环境卫生清理”",
        "items.progress.count": "只有写了量化目标的事项才填",
        "scope": "党内公开的事项不会出现在公开网站上",
    ]
}
