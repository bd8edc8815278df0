import Foundation
import GongshiKit
import Hummingbird
import HummingbirdAuth
import Synchronization

/// The running studio: settings and the services the routes share.
public final class Studio: Sendable {
    public let settings: StudioSettings
    public let accounts: AccountBook
    public let tree: OrgTree
    public let authorizer: Authorizer
    /// Sessions live in memory: a restart signs everyone out.
    let sessionStore: MemoryPersistDriver<ContinuousClock>
    let throttle: LoginThrottle
    /// Reading, listing and saving content files (`Content/ContentStore`).
    public let content: ContentStore
    /// The audit log and git commits of every change (`Workflow/ChangeRecorder`).
    public let history: ChangeRecorder
    /// The 提出→审核→审批 rules with the site's procedure settings and notice rules.
    public let rules: WorkflowRules
    /// The site's settings (categories and topics for the forms' selects); nil in tests that do not need them.
    public let config: SiteConfig?
    /// The parse cache of the saves' checks (`Forms/EditRoutes.validate`): each save parses only what changed.
    let parseCache = Mutex(ParseCache())
    /// The build started from 生成 and the last report (`Publishing/StudioBuilds`).
    public let builds = StudioBuilds()
    /// Rendered previews of drafts, held for the account that asked (`Publishing/PreviewStore`).
    let previews = PreviewStore()

    /// A studio over accounts and a tree already loaded (tests; `load(settings:)` reads them from the source dir).
    public init(settings: StudioSettings, accounts: AccountBook, tree: OrgTree, config: SiteConfig? = nil, throttle: LoginThrottle = LoginThrottle()) {
        self.settings = settings
        self.accounts = accounts
        self.tree = tree
        let authorizer = Authorizer(tree: tree)
        self.authorizer = authorizer
        self.sessionStore = MemoryPersistDriver()
        self.throttle = throttle
        self.content = ContentStore(sourceDirectory: settings.sourceDirectory)
        self.history = ChangeRecorder(sourceDirectory: settings.sourceDirectory, stateDirectory: settings.stateDirectory, orgNames: tree.names)
        self.config = config
        self.rules = config.map { WorkflowRules(authorizer: authorizer, config: $0) } ?? WorkflowRules(authorizer: authorizer)
    }

    /// Every route of the studio. Each folder registers its own (`Server/` login and sessions, `Content/` forms and
    /// saves, `Workflow/` actions, 待办 and 历史, `Publishing/` builds and previews).
    public func makeRouter() -> Router<StudioContext> {
        let router = Router(context: StudioContext.self)
        router.add(middleware: SecurityHeadersMiddleware())
        router.add(
            middleware: SessionMiddleware(storage: sessionStore, configuration: StudioSessionSettings.configuration(secure: settings.secureCookies)))
        router.add(middleware: StudioGate(studio: self))
        router.get("/healthz") { _, _ in "ok" }
        StaticRoutes.register(on: router, studio: self)
        LoginRoutes.register(on: router, studio: self)
        InboxRoutes.register(on: router, studio: self)
        EditRoutes.register(on: router, studio: self)
        ProgressRoutes.register(on: router, studio: self)
        UploadRoutes.register(on: router, studio: self)
        BuildRoutes.register(on: router, studio: self)
        PreviewRoutes.register(on: router, studio: self)
        WorkflowRoutes.register(
            on: router, handler: WorkflowActionHandler(rules: rules, documents: content, history: history), today: settings.today)
        return router
    }

    /// Serves until cancelled.
    public func run() async throws {
        let app = Application(
            router: makeRouter(),
            configuration: .init(address: .hostname(settings.host, port: settings.port), serverName: nil),
            services: [sessionStore])
        try await app.runService()
    }
}
