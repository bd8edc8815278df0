import Foundation

/// The reload script that only preview responses carry: files on disk and `build` output never contain it.
public enum LiveReload {
    /// Answers the current build counter as plain text.
    public static let versionPath = "/__gongshi/version"
    /// Serves `source`; a file, not an inline script, so the site's Content-Security-Policy (`script-src 'self'`)
    /// allows it.
    public static let scriptPath = "/__gongshi/reload.js"

    /// Polls `versionPath` every second and reloads once the counter moves past the page's version.
    public static let source = """
        /* gongshi 预览：内容改动后自动刷新，只在预览中出现 */
        (function () {
          var shown = (document.currentScript && document.currentScript.getAttribute("data-version")) || "";
          setInterval(function () {
            fetch("\(versionPath)", { cache: "no-store" })
              .then(function (r) { return r.ok ? r.text() : shown; })
              .then(function (t) { if (t.trim() !== shown) { location.reload(); } })
              .catch(function () {});
          }, 1000);
        })();

        """

    /// The tag that loads the reload script for a page built as `version`.
    public static func script(version: Int) -> String {
        "<script src=\"\(scriptPath)\" data-version=\"\(version)\"></script>\n"
    }

    /// `html` with the script placed before the last `</body>` (any case), or appended when there is none.
    public static func inject(into html: String, version: Int) -> String {
        let script = script(version: version)
        guard let close = html.range(of: "</body>", options: [.caseInsensitive, .backwards]) else { return html + script }
        var result = html
        result.insert(contentsOf: script, at: close.lowerBound)
        return result
    }
}
