/// Files that stand in for the disk's in one `check` (`SiteBuilder.check(_:overlay:)`): the studio's unsaved form.
enum SourceOverlay {
    /// The listed entries plus each overlay file the disk does not have yet (a new file), in sorted path order, so
    /// the load sees the files in the order a scan after saving would list them. Paths that are not
    /// `content/<kind>/….md` are ignored.
    static func entries(_ listed: [SourceEntry], adding overlay: [String: String]) -> [SourceEntry] {
        let known = Set(listed.map(\.path))
        let added = overlay.keys.filter { !known.contains($0) }.compactMap { path -> SourceEntry? in
            let parts = path.split(separator: "/")
            guard parts.count >= 3, parts[0] == "content", let kind = ContentKind(rawValue: String(parts[1])), path.hasSuffix(".md")
            else { return nil }
            return SourceEntry(path: path, kind: kind)
        }
        guard !added.isEmpty else { return listed }
        return (listed + added).sorted { $0.path < $1.path }
    }
}
