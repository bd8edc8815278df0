import Foundation

extension Publisher {
    /// Puts an archived release back in place of the published site, in one atomic swap. The site it replaces
    /// is archived in turn, so a second rollback undoes the first. `name` defaults to the newest release. A release
    /// whose files are not exactly those of its `manifest.json` (a hand edit through a shared hard link) is refused.
    public func rollback(to name: String?) throws(OutputError) -> (restored: String, archivedAs: String) {
        layout.migrateLegacyReleases()
        let names = layout.releaseNames()
        guard let target = name ?? names.last else {
            throw OutputError(message: "没有可回滚的旧版本：\(layout.releases.path) 为空")
        }
        guard names.contains(target) else {
            throw OutputError(message: "找不到旧版本 \(target)；可用版本：\(names.joined(separator: "、"))")
        }
        let fm = FileManager.default
        let release = layout.release(named: target)
        guard fm.fileExists(atPath: release.appendingPathComponent(Self.markerName).path) else {
            throw OutputError(message: "\(release.path) 不是 gongshi 生成的站点，拒绝使用")
        }
        guard let manifest = Manifest.read(from: release.appendingPathComponent(Manifest.fileName)) else {
            throw OutputError(message: "旧版本 \(target) 没有可读的 manifest.json，无法确认其中的文件未被改动，拒绝回滚，网站保持不变；请另选一个版本")
        }
        let changed = ReleaseVerifier.changedFiles(in: release, manifest: manifest)
        guard changed.isEmpty else { throw OutputError(message: ReleaseVerifier.refusal(target, changed: changed)) }
        try checkReplaceable()
        do {
            guard fm.fileExists(atPath: outputDirectory.path) else {
                try fm.moveItem(at: release, to: outputDirectory)
                return (target, "")
            }
            let archivedAs = layout.newReleaseName()
            try AtomicExchange.exchange(release, outputDirectory)
            try fm.createDirectory(at: layout.releases, withIntermediateDirectories: true)
            try fm.moveItem(at: release, to: layout.releases.appendingPathComponent(archivedAs))
            return (target, archivedAs)
        } catch {
            throw OutputError(message: "回滚失败（网站保持不变）：\(OutputLocation.reason(of: error))")
        }
    }
}
