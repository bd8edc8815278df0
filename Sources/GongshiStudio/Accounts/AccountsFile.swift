import Foundation
import Yams

/// Reads `accounts.yaml`:
///
/// ```yaml
/// sample: true            # optional: the sample site's file, served on loopback only
/// accounts:
///   - login: jinqiao-shuji
///     name: 李红梅
///     password: $2b$12$…  # bcrypt, written by `gongshi studio passwd`
///     roles:
///       - {org: jinqiao-shequ, role: 起草}
/// ```
public enum AccountsFile {
    static let passwordHint = "请用 gongshi studio passwd 设置密码（文件里只存 bcrypt 摘要，不存密码本身）"

    public static func load(_ url: URL, knownOrgs: Set<String>) throws -> AccountBook {
        let text: String
        do {
            text = try String(contentsOf: url, encoding: .utf8)
        } catch {
            throw AccountsFileError(
                file: url.lastPathComponent, problems: [.init(line: 1, message: "读不到账号文件：\(error.localizedDescription)")])
        }
        return try parse(text, file: url.lastPathComponent, knownOrgs: knownOrgs)
    }

    public static func parse(_ text: String, file: String, knownOrgs: Set<String>) throws -> AccountBook {
        var reader = Reader(knownOrgs: knownOrgs)
        let book = reader.read(text)
        guard reader.problems.isEmpty else {
            throw AccountsFileError(file: file, problems: reader.problems.sorted { $0.line < $1.line })
        }
        return book
    }

    /// Whether `text` looks like a bcrypt hash (`$2a$`, `$2b$`, `$2y$`, two-digit cost, 53 characters).
    public static func isBcryptHash(_ text: String) -> Bool {
        text.wholeMatch(of: /\$2[aby]\$[0-9]{2}\$[.\/A-Za-z0-9]{53}/) != nil
    }
}

/// Walks the YAML nodes, so every problem knows its line.
private struct Reader {
    let knownOrgs: Set<String>
    var problems: [AccountsFileError.Problem] = []

    init(knownOrgs: Set<String>) {
        self.knownOrgs = knownOrgs
    }

    mutating func read(_ text: String) -> AccountBook {
        let root: Node?
        do {
            root = try Yams.compose(yaml: text)
        } catch let error as YamlError {
            problem(Self.line(of: error), "不是有效的 YAML：\(error)")
            return AccountBook(accounts: [])
        } catch {
            problem(1, "不是有效的 YAML：\(error)")
            return AccountBook(accounts: [])
        }
        guard let mapping = root?.mapping else {
            problem(1, "账号文件应以 accounts: 开头，列出各个账号")
            return AccountBook(accounts: [])
        }
        let isSample = mapping["sample"]?.bool ?? false
        guard let list = mapping["accounts"]?.sequence else {
            problem(line(root), "缺少 accounts: 列表")
            return AccountBook(accounts: [], isSample: isSample)
        }
        var seen: [String: Int] = [:]
        var accounts: [Account] = []
        for node in list {
            guard let account = read(account: node) else { continue }
            if let first = seen[account.login] {
                problem(line(node), "登录名「\(account.login)」重复（第 \(first) 行已有）")
                continue
            }
            seen[account.login] = line(node)
            accounts.append(account)
        }
        return AccountBook(accounts: accounts, isSample: isSample)
    }

    private mutating func read(account node: Node) -> Account? {
        guard let entry = node.mapping else {
            problem(line(node), "每个账号应写成 login、name、password、roles 几项")
            return nil
        }
        for (key, _) in entry where !["login", "name", "password", "roles"].contains(key.string ?? "") {
            problem(line(key), "账号不认识「\(key.string ?? "")」这一项（可用：login、name、password、roles）")
        }
        guard let login = entry["login"]?.string, !login.isEmpty else {
            problem(line(node), "账号缺少 login（登录名）")
            return nil
        }
        let name = entry["name"]?.string ?? ""
        if name.isEmpty { problem(line(node), "账号「\(login)」缺少 name（真实姓名，写进签批记录）") }
        var hash: String?
        if let password = entry["password"] {
            let value = password.string ?? ""
            if AccountsFile.isBcryptHash(value) {
                hash = value
            } else if !value.isEmpty {
                problem(line(password), "账号「\(login)」的 password 不是 bcrypt 摘要，不能直接写密码。\(AccountsFile.passwordHint)")
            }
        }
        let roles = (entry["roles"]?.sequence).map { Array($0) } ?? []
        if roles.isEmpty { problem(line(node), "账号「\(login)」没有 roles（至少一个 {org, role}）") }
        let grants = roles.compactMap { read(grant: $0, login: login) }
        return Account(login: login, name: name, passwordHash: hash, roles: grants)
    }

    private mutating func read(grant node: Node, login: String) -> RoleGrant? {
        guard let entry = node.mapping, let org = entry["org"]?.string, let roleText = entry["role"]?.string else {
            problem(line(node), "账号「\(login)」的角色应写成 {org: 组织 id, role: 起草/审核/审批/管理}")
            return nil
        }
        guard let role = StudioRole(rawValue: roleText) else {
            problem(line(entry["role"]), "未知角色「\(roleText)」，可用：起草、审核、审批、管理")
            return nil
        }
        guard knownOrgs.contains(org) else {
            problem(line(entry["org"]), "未知组织「\(org)」：content/branches/ 里没有 id 为 \(org) 的组织")
            return nil
        }
        return RoleGrant(org: org, role: role)
    }

    private mutating func problem(_ line: Int, _ message: String) {
        problems.append(.init(line: line, message: message))
    }

    private func line(_ node: Node?) -> Int { node?.mark?.line ?? 1 }

    private static func line(of error: YamlError) -> Int {
        switch error {
        case .scanner(_, _, let mark, _), .parser(_, _, let mark, _), .composer(_, _, let mark, _): return mark.line
        default: return 1
        }
    }
}
