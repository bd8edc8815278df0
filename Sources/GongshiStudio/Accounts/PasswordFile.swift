import Foundation
import HummingbirdBcrypt
import Yams

/// `gongshi studio passwd`: stores a bcrypt hash for one account of `accounts.yaml`, changing that account's
/// `password:` line (or adding one after its `login:` line) and nothing else of the file.
public enum PasswordFile {
    public struct Problem: Error, Sendable, CustomStringConvertible {
        public let description: String
    }

    /// Shorter passwords are refused.
    public static let minimumLength = 8
    /// bcrypt's work factor for new hashes.
    public static let cost: UInt8 = 12

    /// Checks a new password typed twice.
    public static func check(_ password: String, repeated: String) throws {
        guard password == repeated else { throw Problem(description: "两次输入的密码不一样，密码没有改动。") }
        guard password.count >= minimumLength else {
            throw Problem(description: "密码太短：至少 \(minimumLength) 个字符，密码没有改动。")
        }
    }

    public static func hash(_ password: String, cost: UInt8 = cost) -> String {
        Bcrypt.hash(password, cost: cost)
    }

    /// The file's text with `login`'s password set to `hash`.
    public static func setting(_ hash: String, for login: String, in text: String) throws -> String {
        guard let root = try? Yams.compose(yaml: text), let accounts = root.mapping?["accounts"]?.sequence else {
            throw Problem(description: "accounts.yaml 里没有 accounts 列表，无法设置密码。")
        }
        guard let entry = accounts.first(where: { $0.mapping?["login"]?.string == login })?.mapping else {
            throw Problem(description: "accounts.yaml 里没有登录名为「\(login)」的账号：请先在文件中添加这个账号。")
        }
        var lines = text.components(separatedBy: "\n")
        let quoted = "'\(hash)'"
        if let pair = entry.first(where: { $0.key.string == "password" }), let keyMark = pair.key.mark, let valueMark = pair.value.mark,
            keyMark.line == valueMark.line, pair.value.scalar != nil
        {
            let index = keyMark.line - 1
            let prefix = lines[index].prefix(while: { $0 != ":" })
            lines[index] = "\(prefix): \(quoted)"
        } else if let loginKey = entry.first(where: { $0.key.string == "login" })?.key, let mark = loginKey.mark {
            guard entry.first(where: { $0.key.string == "password" }) == nil else {
                throw Problem(description: "账号「\(login)」的 password 不是一行的文本，请改成一行后再设置密码。")
            }
            let indent = String(repeating: " ", count: mark.column - 1)
            lines.insert("\(indent)password: \(quoted)", at: mark.line)
        } else {
            throw Problem(description: "账号「\(login)」的写法无法识别，请检查 accounts.yaml。")
        }
        return lines.joined(separator: "\n")
    }

    /// Writes `text` over `url` atomically (temp file in the same folder, then rename), keeping the file's mode.
    public static func write(_ text: String, to url: URL) throws {
        let folder = url.deletingLastPathComponent()
        let temporary = folder.appendingPathComponent(".\(url.lastPathComponent).\(getpid()).tmp")
        let mode = (try? FileManager.default.attributesOfItem(atPath: url.path)[.posixPermissions] as? Int) ?? 0o600
        guard FileManager.default.createFile(atPath: temporary.path, contents: Data(text.utf8), attributes: [.posixPermissions: mode]) else {
            throw Problem(description: "无法写入 \(temporary.path)。")
        }
        guard rename(temporary.path, url.path) == 0 else {
            unlink(temporary.path)
            throw Problem(description: "无法替换 \(url.path)：\(String(cString: strerror(errno)))")
        }
    }
}
