import Foundation
import GongshiKit
import Hummingbird

/// The running studio: settings and the services the routes share.
public final class Studio: Sendable {
    public let settings: StudioSettings
    /// The audit log and git commits of every change (`Workflow/ChangeRecorder`).
    public let history: ChangeRecorder

    public init(settings: StudioSettings) {
        self.settings = settings
        self.history = ChangeRecorder(sourceDirectory: settings.sourceDirectory, stateDirectory: settings.stateDirectory)
    }

    /// Every route of the studio. Each folder registers its own (`Server/` login and sessions, `Content/` forms and
    /// saves, `Workflow/` actions, 待办 and 历史, `Publishing/` builds and previews).
    public func makeRouter() -> Router<StudioContext> {
        let router = Router(context: StudioContext.self)
        router.get("/healthz") { _, _ in "ok" }
        return router
    }

    /// Serves until cancelled.
    public func run() async throws {
        let app = Application(
            router: makeRouter(),
            configuration: .init(address: .hostname(settings.host, port: settings.port), serverName: nil))
        try await app.runService()
    }
}
