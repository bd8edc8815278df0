#if GONGSHI_STUDIO
    import ArgumentParser
    import Foundation
    import GongshiKit
    import GongshiStudio

    /// `gongshi studio`
    struct StudioCommand: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "studio",
            abstract: "编辑平台：书记在浏览器里写内容，按 提出→审核→审批 的程序审核发布（默认只在 127.0.0.1 上提供）。",
            subcommands: [StudioServe.self, StudioPasswd.self],
            defaultSubcommand: StudioServe.self)
    }

    /// `gongshi studio [serve]`
    struct StudioServe: AsyncParsableCommand {
        static let configuration = CommandConfiguration(commandName: "serve", abstract: "启动编辑平台。")

        @Option(name: .long, help: "源目录（含 site.yaml、content/ 和 accounts.yaml）。")
        var source: String = "."

        @Option(name: .long, help: "模板目录，默认为 <源目录>/templates。")
        var templates: String?

        @Option(name: .long, help: "「生成」发布到的输出目录，与 gongshi build 的 --output 相同。")
        var output: String = "output"

        @Option(name: .long, help: "监听地址；默认只有本机可以访问。放在 nginx 后面时仍用 127.0.0.1。")
        var host: String = "127.0.0.1"

        @Option(name: .long, help: "端口。")
        var port: Int = 8080

        @Flag(name: .customLong("secure-cookies"), help: "会话 Cookie 加 Secure（经 HTTPS 访问时，例如在 nginx 的 TLS 后面）。")
        var secureCookies = false

        @Flag(name: .customLong("behind-proxy"), help: "在本机的 nginx 等反向代理后面：登录限流按代理转来的 X-Real-IP 计算客户端地址。")
        var behindProxy = false

        func run() async throws {
            var settings = StudioSettings(
                sourceDirectory: URL(fileURLWithPath: source), templatesDirectory: templates.map { URL(fileURLWithPath: $0) },
                host: host, port: port, secureCookies: secureCookies || !Studio.isLoopback(host),
                outputDirectory: URL(fileURLWithPath: output))
            settings.behindProxy = behindProxy
            let studio: Studio
            do {
                studio = try Studio.load(settings: settings)
            } catch {
                Report.line("错误：\(error)")
                throw ExitCode(ExitStatus.usage)
            }
            Report.line("编辑平台地址：http://\(host):\(port)/（按 Ctrl-C 停止）")
            try await studio.run()
        }
    }

    /// `gongshi studio passwd LOGIN`
    struct StudioPasswd: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "passwd", abstract: "设置一个账号的密码（不回显；以 bcrypt 存入 accounts.yaml）。")

        @Argument(help: "登录名（accounts.yaml 中的 login）。")
        var login: String

        @Option(name: .long, help: "源目录（accounts.yaml 所在的目录）。")
        var source: String = "."

        func run() throws {
            let file = URL(fileURLWithPath: source).appendingPathComponent("accounts.yaml")
            do {
                let text = try String(contentsOf: file, encoding: .utf8)
                let password = PasswordPrompt.read("新密码：")
                let repeated = PasswordPrompt.read("再输入一次：")
                try PasswordFile.check(password, repeated: repeated)
                let updated = try PasswordFile.setting(PasswordFile.hash(password), for: login, in: text)
                try PasswordFile.write(updated, to: file)
                Report.line("已设置「\(login)」的密码（bcrypt，cost \(PasswordFile.cost)）。")
            } catch let problem as PasswordFile.Problem {
                Report.line("错误：\(problem.description)")
                throw ExitCode(ExitStatus.usage)
            } catch {
                Report.line("错误：无法读写 \(file.path)：\(error.localizedDescription)")
                throw ExitCode(ExitStatus.ioFailure)
            }
        }
    }

    /// Reads one line from standard input with echo turned off when it is a terminal.
    enum PasswordPrompt {
        static func read(_ prompt: String) -> String {
            FileHandle.standardError.write(Data(prompt.utf8))
            var saved = termios()
            let isTerminal = isatty(STDIN_FILENO) == 1 && tcgetattr(STDIN_FILENO, &saved) == 0
            if isTerminal {
                var silent = saved
                silent.c_lflag &= ~tcflag_t(ECHO)
                tcsetattr(STDIN_FILENO, TCSAFLUSH, &silent)
            }
            let line = readLine(strippingNewline: true) ?? ""
            if isTerminal {
                tcsetattr(STDIN_FILENO, TCSAFLUSH, &saved)
                FileHandle.standardError.write(Data("\n".utf8))
            }
            return line
        }
    }
#endif
