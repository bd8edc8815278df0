import Foundation
import GongshiKit
import Hummingbird

/// 上传照片、附件 (`GET /upload/<path>?list=images|attachments`, `POST /upload/<path>?list=…&name=…&label=…&version=…`):
/// the file is the request body, sent by `/static/upload.js` with the session's CSRF header, and streamed to a
/// temp file next to its place (`content/<kind>/照片/` or `附件/`) with the kit's size limit counted as it arrives.
/// The record then gets its `{file, caption}` (or `{file, title}`) row and is checked like every save — the image
/// stage and the attachment loader read the new file as a build would (type by content, size, pixels, metadata);
/// with errors the file is removed and nothing is written. One change: the file and the record, one commit.
enum UploadRoutes {
    /// The two lists a record can upload into, with their folder, limit, allowed types and the row's text key.
    enum Target: String, CaseIterable {
        case images, attachments

        var folder: String { self == .images ? "照片" : "附件" }
        var limit: Int { self == .images ? PhotoSettings.maximumBytes : Attachment.maximumBytes }
        var extensions: [String] { self == .images ? PhotoSettings.allowedExtensions : Attachment.allowedExtensions }
        var labelKey: String { self == .images ? "caption" : "title" }
        var noun: String { self == .images ? "照片" : "附件" }

        /// Whether `kind` has this list (branches have photos only; letters keep theirs in 践诺 records).
        func belongs(to kind: ContentKind) -> Bool {
            kind.rules().contains { $0.key == rawValue }
        }
    }

    static func register(on router: Router<StudioContext>, studio: Studio) {
        router.get("/upload/**") { request, context -> Response in
            guard let account = context.account else { return StudioPage.forbidden(context, "请先登录。") }
            let path = context.parameters.getCatchAll().joined(separator: "/")
            guard let target = request.uri.queryParameters["list"].flatMap({ Target(rawValue: String($0)) }) else {
                return StudioPage.forbidden(context, "不能上传到这里。")
            }
            switch EditRoutes.open(path, account: account, studio: studio) {
            case .failure(let refusal): return refusal.response(context)
            case .success(let file):
                guard target.belongs(to: file.document.kind) else { return StudioPage.forbidden(context, "这类内容没有\(target.noun)。") }
                return page(file, target: target, context: context)
            }
        }
        router.post("/upload/**") { request, context -> Response in
            guard let account = context.account else { return plain(.forbidden, "请先登录。") }
            let path = context.parameters.getCatchAll().joined(separator: "/")
            let query = request.uri.queryParameters
            guard let target = query["list"].flatMap({ Target(rawValue: String($0)) }) else { return plain(.forbidden, "不能上传到这里。") }
            let file: EditRoutes.OpenFile
            switch EditRoutes.open(path, account: account, studio: studio) {
            case .failure: return plain(.forbidden, "没有权限修改这份内容，或者它不存在。")
            case .success(let opened): file = opened
            }
            guard target.belongs(to: file.document.kind) else { return plain(.forbidden, "这类内容没有\(target.noun)。") }
            guard query["version"].map(String.init) == file.version else {
                return plain(.conflict, "这份内容在你打开之后已被修改过，没有上传。请刷新页面后再上传。")
            }
            let label = FormReader.normalised(query["label"].map(String.init) ?? "").trimmingCharacters(in: .whitespacesAndNewlines)
            guard !label.isEmpty else { return plain(.unprocessableContent, target == .images ? "请写照片说明。" : "请写附件的显示名称。") }
            let ext = ((query["name"].map(String.init) ?? "") as NSString).pathExtension.lowercased()
            guard target.extensions.contains(ext) else {
                return plain(.unprocessableContent, "只能上传 \(target.extensions.joined(separator: "、")) 文件。")
            }
            if let length = request.headers[.contentLength].flatMap(Int.init), length > target.limit {
                return plain(.contentTooLarge, tooLarge(target))
            }
            let folder = studio.settings.sourceDirectory.appendingPathComponent((path as NSString).deletingLastPathComponent)
                .appendingPathComponent(target.folder, isDirectory: true)
            let stored: URL
            do {
                stored = try await receive(request.body, into: folder, id: file.document.fields.text("id") ?? "file", ext: ext, limit: target.limit)
            } catch let problem as UploadProblem {
                return plain(problem.status, problem.message)
            }
            let relative = target.folder + "/" + stored.lastPathComponent
            var document = file.document
            let row = FrontValue.map(FrontMap([.init(key: "file", value: .text(relative)), .init(key: target.labelKey, value: .text(label))]))
            let rows = (document.fields[target.rawValue]?.listValue ?? []) + [row]
            ContentCodec.set(target.rawValue, .list(rows), in: &document.fields, kind: document.kind)
            let notice = try? WorkflowRules.prepareSave(old: file.document, new: &document, account: account, today: studio.settings.today())
            let bytes = ContentCodec.encode(document)
            let messages = EditRoutes.validate(bytes, path: path, studio: studio)
            guard !messages.hasErrors else {
                try? FileManager.default.removeItem(at: stored)
                return plain(.unprocessableContent, "没有上传：" + messages.all.filter(\.isError).map(\.text).joined(separator: "；"))
            }
            do {
                let after = try studio.content.write(path, bytes: bytes, expectedVersion: file.version)
                let uploaded = (path as NSString).deletingLastPathComponent + "/" + relative
                let event = AuditEvent(
                    account: account, action: AuditEvent.uploaded, path: path, id: document.fields.text("id"), org: document.org,
                    before: file.version, after: after)
                let warning = try? studio.history.record(event, paths: [path, uploaded])
                return EditRoutes.saved(path: path, notice: ["已上传\(target.noun)。", notice ?? nil, warning ?? nil].compactMap { $0 }.joined(separator: " "))
            } catch {
                try? FileManager.default.removeItem(at: stored)
                return plain(.conflict, "这份内容在上传时被修改过，没有上传。请刷新页面后再上传。")
            }
        }
    }

    struct UploadProblem: Error {
        let status: HTTPResponse.Status
        let message: String
    }

    static func tooLarge(_ target: Target) -> String {
        "文件太大：每个\(target.noun)不能超过 \(target.limit / 1_048_576) MB。请先在手机或电脑上缩小后再上传。"
    }

    /// Streams `body` into a new file `<id>-<n>.<ext>` in `folder`: written to a hidden temp file first, counted as it
    /// arrives and abandoned past `limit`, then linked under a name no other file has (never overwriting one).
    static func receive(_ body: RequestBody, into folder: URL, id: String, ext: String, limit: Int) async throws -> URL {
        do {
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        } catch {
            throw UploadProblem(status: .internalServerError, message: "无法建立目录 \(folder.lastPathComponent)。")
        }
        var random = SystemRandomNumberGenerator()
        let temp = folder.appendingPathComponent(".upload-\(String(random.next(), radix: 36)).tmp")
        guard FileManager.default.createFile(atPath: temp.path, contents: nil), let handle = try? FileHandle(forWritingTo: temp) else {
            throw UploadProblem(status: .internalServerError, message: "无法写入上传的文件。")
        }
        // The temp name goes in every case: on success the file lives on under its final name (a hard link).
        defer {
            try? handle.close()
            try? FileManager.default.removeItem(at: temp)
        }
        var size = 0
        for try await buffer in body {
            size += buffer.readableBytes
            guard size <= limit else {
                throw UploadProblem(status: .contentTooLarge, message: "文件太大：不能超过 \(limit / 1_048_576) MB。请先在手机或电脑上缩小后再上传。")
            }
            try handle.write(contentsOf: buffer.readableBytesView)
        }
        guard size > 0 else { throw UploadProblem(status: .unprocessableContent, message: "没有收到文件。") }
        try handle.synchronize()
        let safeID = String(id.unicodeScalars.filter { $0.isASCII && ($0.properties.isAlphabetic || ("0"..."9").contains($0) || $0 == "-") })
        for number in 1...999 {
            let target = folder.appendingPathComponent("\(safeID.isEmpty ? "file" : safeID)-\(number).\(ext)")
            // link(2) fails when the name exists: a file already there is never replaced.
            if link(temp.path, target.path) == 0 { return target }
            guard errno == EEXIST else { break }
        }
        throw UploadProblem(status: .internalServerError, message: "无法保存上传的文件。")
    }

    static func plain(_ status: HTTPResponse.Status, _ message: String) -> Response {
        var headers = HTTPFields()
        headers[.contentType] = "text/plain; charset=utf-8"
        headers[.cacheControl] = "no-store"
        return Response(status: status, headers: headers, body: .init(byteBuffer: ByteBuffer(string: message)))
    }

    static func page(_ file: EditRoutes.OpenFile, target: Target, context: StudioContext) -> Response {
        let action = "/upload/" + file.path
        let label = target == .images ? "照片说明（必填，如：党员志愿者清理楼道）" : "附件的显示名称（必填，如：第三季度党费收缴明细表）"
        let accept = target.extensions.map { "." + $0 }.joined(separator: ",")
        var html = "<form id=\"upload\" class=\"content-form\" method=\"post\" action=\"\(HTMLText.escape(action))\" "
        html += "data-list=\"\(target.rawValue)\" data-version=\"\(HTMLText.escape(file.version))\" data-csrf=\"\(HTMLText.escape(context.csrfToken ?? ""))\">"
        html += "<div class=\"field\"><label for=\"upload-file\">选择\(target.noun)</label>"
        html += "<p class=\"help\" id=\"upload-help\">\(target.extensions.joined(separator: "、")) 文件，不超过 \(target.limit / 1_048_576) MB"
        html += target == .images ? "；生成网站时会缩小并去掉拍摄位置等信息，原图不会发布" : ""
        html += "</p><input type=\"file\" id=\"upload-file\" name=\"file\" accept=\"\(accept)\" required aria-describedby=\"upload-help\"></div>"
        html += "<div class=\"field\"><label for=\"upload-label\">\(label)</label><input type=\"text\" id=\"upload-label\" name=\"label\" required></div>"
        html += "<p class=\"buttons\"><button type=\"submit\">上传</button></p>"
        html += "<p id=\"upload-status\" role=\"status\" aria-live=\"polite\"></p>"
        html += "<noscript><p class=\"note\">上传需要浏览器启用 JavaScript。</p></noscript></form>"
        html += "<p><a href=\"/view/\(HTMLText.escape(file.path))\">返回这份内容</a></p>"
        html += "<script src=\"/static/upload.js\"></script>"
        return StudioPage.response(title: "上传\(target.noun)", context: context, main: html)
    }
}
