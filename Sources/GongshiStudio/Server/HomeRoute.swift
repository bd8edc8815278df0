import Hummingbird

/// `/` until the workflow's 待办 replaces it: who is signed in and what they may do.
enum HomeRoute {
    static func register(on router: Router<StudioContext>, studio: Studio) {
        router.get("/") { _, context -> Response in
            let roles = context.roleLabels.map { "<li>\(HTMLText.escape($0))</li>" }.joined()
            return StudioPage.response(title: "待办", context: context, main: "<p>您的角色：</p><ul>\(roles)</ul>")
        }
    }
}
