import Foundation

/// Why writing the site failed; the previously published site is left as it was.
public struct OutputError: Error, CustomStringConvertible {
    public let message: String
    public var description: String { message }
}

/// Writes rendered pages into a staging folder beside the output, then swaps it in with renames,
/// so readers never see a half-written site and a failure leaves the old site untouched.
public struct SiteWriter: Sendable {
    /// Written into every output so that a later build knows the folder is safe to replace.
    public static let markerName = ".gongshi-site"

    public let outputDirectory: URL

    public init(outputDirectory: URL) { self.outputDirectory = outputDirectory.standardizedFileURL }

    /// Refuses to replace a folder that gongshi did not create (unless it is empty or holds only dotfiles).
    public func checkReplaceable() throws(OutputError) {
        let fm = FileManager.default
        var isDirectory: ObjCBool = false
        guard fm.fileExists(atPath: outputDirectory.path, isDirectory: &isDirectory) else { return }
        guard isDirectory.boolValue else { throw OutputError(message: "输出路径 \(outputDirectory.path) 已存在且不是目录，拒绝覆盖") }
        let entries = (try? fm.contentsOfDirectory(atPath: outputDirectory.path)) ?? []
        if entries.contains(Self.markerName) || entries.allSatisfy({ $0.hasPrefix(".") }) { return }
        throw OutputError(message: "输出目录 \(outputDirectory.path) 不是 gongshi 生成的站点（没有 \(Self.markerName) 标记），为防止误删，拒绝覆盖；请换一个空目录")
    }

    /// Writes `pages`; returns the count of files written.
    @discardableResult
    public func publish(_ pages: [RenderedPage]) throws(OutputError) -> Int {
        try checkReplaceable()
        let fm = FileManager.default
        let parent = outputDirectory.deletingLastPathComponent()
        let name = outputDirectory.lastPathComponent
        let pid = ProcessInfo.processInfo.processIdentifier
        let staging = parent.appendingPathComponent(".\(name).staging-\(pid)")
        let retired = parent.appendingPathComponent(".\(name).old-\(pid)")
        do {
            try? fm.removeItem(at: staging)
            try fm.createDirectory(at: staging, withIntermediateDirectories: true)
            for page in pages {
                let url = staging.appendingPathComponent(page.path)
                try fm.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
                try page.contents.write(to: url)
            }
            try keepDotfiles(into: staging)
            try Data("gongshi output; this folder is replaced on every build\n".utf8).write(to: staging.appendingPathComponent(Self.markerName))
            if fm.fileExists(atPath: outputDirectory.path) {
                try? fm.removeItem(at: retired)
                try fm.moveItem(at: outputDirectory, to: retired)
                do {
                    try fm.moveItem(at: staging, to: outputDirectory)
                } catch {
                    try? fm.moveItem(at: retired, to: outputDirectory)
                    throw error
                }
                try? fm.removeItem(at: retired)
            } else {
                try fm.moveItem(at: staging, to: outputDirectory)
            }
        } catch {
            try? fm.removeItem(at: staging)
            throw OutputError(message: "写入输出目录失败（原站点保持不变）：\(error.localizedDescription)")
        }
        return pages.count
    }

    /// Keeps hand-placed dotfiles of the old output's top level (e.g. `.gitkeep`, `.htaccess`).
    private func keepDotfiles(into staging: URL) throws {
        let fm = FileManager.default
        let entries = (try? fm.contentsOfDirectory(atPath: outputDirectory.path)) ?? []
        for entry in entries.sorted() where entry.hasPrefix(".") && entry != Self.markerName {
            try fm.copyItem(at: outputDirectory.appendingPathComponent(entry), to: staging.appendingPathComponent(entry))
        }
    }
}
