import Foundation
import GongshiKit
import GongshiStudio
import HummingbirdBcrypt
import Testing

/// A studio over the sample site's organisation tree and five accounts, all with the password `TestStudio.password`
/// (bcrypt cost 4, so tests stay fast). `source` is a temp dir unless a test passes its own.
enum TestStudio {
    static let password = "gongshi-sample"
    static let hash = Bcrypt.hash(password, cost: 4)

    /// 青溪街道 → 金桥社区 → 第一网格; 青溪街道 → 水口村 → 上寨.
    static let tree = OrgTree(
        parents: [
            "jinqiao-shequ": "qingxi-jiedao", "jinqiao-wangge-1": "jinqiao-shequ",
            "shuikou-cun": "qingxi-jiedao", "shuikou-shangzhai": "shuikou-cun",
        ],
        names: [
            "qingxi-jiedao": "青溪街道工委", "jinqiao-shequ": "金桥社区党委", "jinqiao-wangge-1": "金桥社区第一网格支部",
            "shuikou-cun": "水口村党总支", "shuikou-shangzhai": "水口村上寨支部",
        ])

    /// login → (name, grants).
    static let accounts = AccountBook(accounts: [
        Account(login: "jinqiao-shuji", name: "李红梅", passwordHash: hash, roles: [RoleGrant(org: "jinqiao-shequ", role: .drafter)]),
        Account(login: "jinqiao-shenhe", name: "王建国", passwordHash: hash, roles: [RoleGrant(org: "jinqiao-shequ", role: .reviewer)]),
        Account(login: "jinqiao-shenpi", name: "张志强", passwordHash: hash, roles: [RoleGrant(org: "jinqiao-shequ", role: .approver)]),
        Account(login: "shuikou-shuji", name: "陈秀英", passwordHash: hash, roles: [RoleGrant(org: "shuikou-cun", role: .drafter)]),
        Account(
            login: "jiedao-guanli", name: "刘洋", passwordHash: hash,
            roles: [RoleGrant(org: "qingxi-jiedao", role: .approver), RoleGrant(org: "qingxi-jiedao", role: .admin)]),
    ])

    static func make(
        source: URL? = nil, secureCookies: Bool = false, throttle: LoginThrottle = LoginThrottle(),
        today: Day = Day("2026-12-01")!, behindProxy: Bool = false
    ) -> Studio {
        let source = source ?? FileManager.default.temporaryDirectory.appendingPathComponent("studio-\(UUID().uuidString)")
        var settings = StudioSettings(sourceDirectory: source, secureCookies: secureCookies, today: { today })
        settings.behindProxy = behindProxy
        return Studio(settings: settings, accounts: accounts, tree: tree, throttle: throttle)
    }

    /// A studio over `source`, a copy of the sample site, with its real organisation tree and site settings (the
    /// same five accounts).
    static func onSample(_ source: URL, today: Day = Day("2026-12-01")!) throws -> Studio {
        let settings = StudioSettings(sourceDirectory: source, today: { today })
        let options = BuildOptions(sourceDirectory: source, outputDirectory: settings.stateDirectory, asOf: today)
        let model = try #require(SiteBuilder.check(options).0)
        return Studio(settings: settings, accounts: accounts, tree: OrgTree(branches: model.branches), config: model.config)
    }
}
