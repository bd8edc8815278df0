import Foundation
import GongshiKit

/// How `gongshi studio` was started.
public struct StudioSettings: Sendable {
    /// The site's source dir (holds `site.yaml`, `content/`, `accounts.yaml`).
    public var sourceDirectory: URL
    public var templatesDirectory: URL?
    /// The published site that 生成 replaces (`--output`, like `gongshi build`'s); defaults to `<source>/output`.
    public var outputDirectory: URL
    public var host: String
    public var port: Int
    /// `Secure` cookies: on when the studio runs behind TLS (`--secure-cookies`, or any non-loopback host).
    public var secureCookies: Bool
    /// Today's date for the signoffs the studio writes (tests fix it).
    public var today: @Sendable () -> Day
    /// Behind a reverse proxy on this machine (`--behind-proxy`): a request from a loopback peer names its client
    /// in `X-Real-IP` (nginx: `proxy_set_header X-Real-IP $remote_addr;`), which the login throttle counts. Off,
    /// the header is ignored, so a client cannot choose the address it is counted under.
    public var behindProxy = false

    public init(
        sourceDirectory: URL, templatesDirectory: URL? = nil, host: String = "127.0.0.1", port: Int = 8080,
        secureCookies: Bool = false, outputDirectory: URL? = nil, today: @escaping @Sendable () -> Day = { Day.today() }
    ) {
        self.sourceDirectory = sourceDirectory
        self.templatesDirectory = templatesDirectory
        self.outputDirectory = outputDirectory ?? sourceDirectory.appendingPathComponent("output", isDirectory: true)
        self.host = host
        self.port = port
        self.secureCookies = secureCookies
        self.today = today
    }

    /// `accounts.yaml` of the source dir: never published, never inside `content/`.
    public var accountsFile: URL { sourceDirectory.appendingPathComponent("accounts.yaml") }

    /// The studio's own files (audit log, returned-item notes), outside `content/`.
    public var stateDirectory: URL { sourceDirectory.appendingPathComponent(".gongshi-studio", isDirectory: true) }

    /// The options of a build, check or preview of the studio's site into `output` (the site's own output by
    /// default), as of today.
    public func buildOptions(output: URL? = nil) -> BuildOptions {
        BuildOptions(
            sourceDirectory: sourceDirectory, outputDirectory: output ?? outputDirectory, templatesDirectory: templatesDirectory, asOf: today())
    }
}
