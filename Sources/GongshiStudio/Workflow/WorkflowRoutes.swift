import Foundation
import GongshiKit
import Hummingbird

/// `POST /action` and `GET /history/<path>`. Thin: parse the form, ask `WorkflowActionHandler`, render.
public enum WorkflowRoutes {
    /// The hidden fields of a workflow button's form.
    struct ActionForm: Decodable {
        var path: String
        var version: String
        var action: String
        var reason: String?
    }

    public static func register(on router: Router<StudioContext>, handler: WorkflowActionHandler, today: @escaping @Sendable () -> Day) {
        router.post("/action") { request, context -> Response in
            guard let account = context.account else { return StudioPage.forbidden(context, "请先登录。") }
            let body = try await request.body.collect(upTo: 64 * 1024)
            guard let form = try? URLEncodedFormDecoder().decode(ActionForm.self, from: String(buffer: body)),
                let action = WorkflowAction(rawValue: form.action)
            else {
                return StudioPage.response(title: "无法处理", context: context, main: "<p>表单不完整，请回到原页面重试。</p>", status: .badRequest)
            }
            do {
                let result = try handler.perform(
                    action, path: form.path, version: form.version, reason: form.reason, account: account, today: today())
                let warning = result.warning.map { "<p role=\"alert\">\(HTMLText.escape($0))</p>" } ?? ""
                let main =
                    "<p>已\(action.label)，现在是「\(result.state?.rawValue ?? "")」。</p>\(warning)"
                    + "<p><a href=\"/view/\(HTMLText.escape(form.path))\">返回这份内容</a> · <a href=\"/\">返回待办</a></p>"
                return StudioPage.response(title: action.label, context: context, main: main)
            } catch let error as WorkflowError {
                return error == .conflict
                    ? StudioPage.response(title: "内容已变化", context: context, main: "<p>\(HTMLText.escape(error.message))</p>", status: .conflict)
                    : StudioPage.forbidden(context, error.message)
            }
        }
    }
}
