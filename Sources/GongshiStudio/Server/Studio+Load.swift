import Foundation
import GongshiKit

/// Why the studio will not start.
public struct StudioStartupError: Error, Sendable, CustomStringConvertible {
    public let description: String
}

extension Studio {
    /// Reads the site's branches and `accounts.yaml` from the source dir, refusing to start without a valid file,
    /// with one under `content/`, or with the sample file on a non-loopback address.
    public static func load(settings: StudioSettings) throws -> Studio {
        let content = settings.sourceDirectory.appendingPathComponent("content")
        if FileManager.default.fileExists(atPath: content.appendingPathComponent("accounts.yaml").path) {
            throw StudioStartupError(description: "content/accounts.yaml 会随网站发布：账号文件只能放在源目录根下（accounts.yaml），请移出 content/")
        }
        guard FileManager.default.fileExists(atPath: settings.accountsFile.path) else {
            throw StudioStartupError(
                description: "没有账号文件 \(settings.accountsFile.path)：请先写好 accounts.yaml（见 README「编辑平台」），再用 gongshi studio passwd 设置密码")
        }
        let (model, _, _) = SiteBuilder.check(settings.buildOptions())
        guard let model else {
            throw StudioStartupError(description: "网站内容有错误，请先用 gongshi check 检查并改正")
        }
        let tree = OrgTree(branches: model.branches)
        let accounts = try AccountsFile.load(settings.accountsFile, knownOrgs: Set(tree.names.keys))
        if accounts.isSample, !isLoopback(settings.host) {
            throw StudioStartupError(
                description: "accounts.yaml 是示例账号文件（sample: true，密码公开），只能在本机地址（127.0.0.1、::1、localhost）上使用；"
                    + "对外提供服务前请换成真实账号并删去 sample: true")
        }
        return Studio(settings: settings, accounts: accounts, tree: tree, config: model.config)
    }

    /// 127.0.0.0/8, ::1 and localhost.
    public static func isLoopback(_ host: String) -> Bool {
        host == "localhost" || host == "::1" || host == "[::1]" || host.hasPrefix("127.")
    }
}
