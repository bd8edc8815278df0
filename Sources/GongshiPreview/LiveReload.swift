import Foundation

/// The reload script that only preview responses carry: files on disk and `build` output never contain it.
public enum LiveReload {
    /// Answers the current build counter as plain text.
    public static let versionPath = "/__gongshi/version"

    /// A tiny inline script that polls `versionPath` every second and reloads once the counter moves past `version`.
    public static func script(version: Int) -> String {
        """
        <script>/* gongshi 预览：内容改动后自动刷新，只在预览中出现 */
        (function () {
          var shown = "\(version)";
          setInterval(function () {
            fetch("\(versionPath)", { cache: "no-store" })
              .then(function (r) { return r.ok ? r.text() : shown; })
              .then(function (t) { if (t.trim() !== shown) { location.reload(); } })
              .catch(function () {});
          }, 1000);
        })();
        </script>

        """
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
