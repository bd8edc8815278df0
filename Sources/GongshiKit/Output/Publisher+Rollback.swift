import Foundation

extension Publisher {
    /// Puts an archived release back in place of the published site, in one atomic swap. The site it replaces
    /// is archived in turn, so a second rollback undoes the first. `name` defaults to the newest release.
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
            throw OutputError(message: "回滚失败：\(error.localizedDescription)")
        }
    }
}
