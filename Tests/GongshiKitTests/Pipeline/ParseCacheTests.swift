import Foundation
import Testing

@testable import GongshiKit

#if canImport(Glibc)
    import Glibc
#endif

/// The parse cache: an unchanged file is never parsed again, anything that could change a file's load is noticed,
/// a cache that cannot be trusted is ignored with a note, and what comes out of it is what a fresh parse gives.
@Suite("Parse cache")
struct ParseCacheTests {
    static let contentFiles = 13

    static func build(_ site: TestSite, _ change: (inout BuildOptions) -> Void = { _ in }) throws -> BuildOutcome {
        var options = site.options
        options.allowShrink = true
        change(&options)
        return try SiteBuilder.build(options)
    }

    /// Files parsed and files reused. (Some files may also have been hashed again: those written less than the
    /// clock margin before the build started, which a test cannot avoid without waiting.)
    static func counts(_ outcome: BuildOutcome) -> (parsed: Int, reused: Int) {
        (outcome.sources?.parsed ?? -1, outcome.sources?.reused ?? -1)
    }

    static func cacheFile(_ site: TestSite) -> URL {
        ParseCache.file(in: site.options.resolvedCacheDirectory, source: site.root)
    }

    /// Sets the file's modification time (which also changes its status-change time, as any edit does).
    static func setModified(_ site: TestSite, _ path: String, seconds: Int, nanoseconds: Int) {
        var times = [timespec(tv_sec: seconds, tv_nsec: nanoseconds), timespec(tv_sec: seconds, tv_nsec: nanoseconds)]
        #expect(utimensat(AT_FDCWD, site.root.appendingPathComponent(path).path, &times, 0) == 0)
    }

    @Test func anUnchangedFileIsNotParsedAgain() throws {
        let site = try BuildEndToEndTests.smallSite()
        let first = try Self.build(site)
        #expect(Self.counts(first) == (Self.contentFiles, 0))
        #expect(first.notes.isEmpty)
        let second = try Self.build(site)
        #expect(Self.counts(second) == (0, Self.contentFiles))
        #expect(second.notes.isEmpty)
        #expect(second.phaseSeconds["load"] != nil)
        // `check` reads the cache too, and finds the same.
        #expect(site.check() == first.diagnostics)
    }

    @Test func editedFilesAreParsedAgainAndTheResultEqualsACleanBuild() throws {
        let site = try BuildEndToEndTests.smallSite()
        _ = try IncrementalBuildTests.buildBoth(site)
        // A different size.
        try site.write("content/disclosures/d1.md", Sample.disclosure("d1", title: "改过的标题", category: "党费管理"))
        #expect(try Self.build(site).sources?.parsed == 1)
        _ = try IncrementalBuildTests.buildBoth(site)
        #expect(try site.page("disclosures/d1/index.html").contains("改过的标题"))

        // The same size, and the modification time set back to what it was (as a same-second save on a file
        // system with one-second times would leave it): the status-change time still differs.
        let path = "content/disclosures/d1.md"
        let before = try #require(FileStatus(path: site.root.appendingPathComponent(path).path))
        try site.write(path, Sample.disclosure("d1", title: "改动的标题", category: "党费管理"))
        Self.setModified(site, path, seconds: before.modified.seconds, nanoseconds: before.modified.nanoseconds)
        let after = try #require(FileStatus(path: site.root.appendingPathComponent(path).path))
        #expect((after.size, after.modified) == (before.size, before.modified))
        #expect(try Self.build(site).sources?.parsed == 1)
        _ = try IncrementalBuildTests.buildBoth(site)
        #expect(try site.page("disclosures/d1/index.html").contains("改动的标题"))
    }

    @Test func aFileChangedWhileBeingReadIsHashedAgainNotTrusted() throws {
        let site = try BuildEndToEndTests.smallSite()
        let path = "content/pages/about.md"
        // A modification time after the build starts: such a file could still change without changing its status.
        Self.setModified(site, path, seconds: Int(Date().timeIntervalSince1970) + 3600, nanoseconds: 0)
        #expect(try Self.build(site).sources?.parsed == Self.contentFiles)
        let again = try Self.build(site)
        #expect(Self.counts(again) == (0, Self.contentFiles))
        #expect(again.sources?.rehashed ?? 0 >= 1)
        let third = try Self.build(site)
        #expect(Self.counts(third) == (0, Self.contentFiles))
        #expect(third.sources?.rehashed ?? 0 >= 1)
    }

    /// The rule itself, with a status that does not change: a file whose status was not settled when recorded is
    /// read and compared by hash, so a same-tick change of its text is parsed; a settled one is not even read.
    @Test func onlySettledStatusesAreTrusted() throws {
        let site = try TestSite(["content/pages/about.md": "x"])
        let status = try #require(FileStatus(path: site.root.appendingPathComponent("content/pages/about.md").path))
        let entry = SourceEntry(path: "content/pages/about.md", kind: .pages)
        let settings = LoaderSettings(config: try #require(ContentLoader.loadSiteConfig(Sample.site).0))
        func text(_ title: String) -> Result<SourceFile, Diagnostic> {
            .success(SourceFile(path: entry.path, kind: .pages, text: "---\nid: about\ntitle: \(title)\n---\n正文。\n"))
        }
        var cache = ParseCache(settings: settings)
        let first = cache.load(entry, status: status, start: nil, settings: settings) { _ in text("甲") }
        #expect(first.use == .parsed)
        #expect(first.entry?.settled == false)
        cache.entries[entry.path] = first.entry
        let changed = cache.load(entry, status: status, start: nil, settings: settings) { _ in text("乙") }
        #expect(changed.use == .parsed)
        #expect(changed.content.pages.first?.title == "乙")
        let same = cache.load(entry, status: status, start: nil, settings: settings) { _ in text("甲") }
        #expect(same.use == .rehashed)
        cache.entries[entry.path]?.settled = true
        var read = false
        let trusted = cache.load(entry, status: status, start: nil, settings: settings) { _ in
            read = true
            return text("乙")
        }
        #expect(trusted.use == .reused)
        #expect(!read)
        #expect(trusted.content.pages.first?.title == "甲")
    }

    @Test func deletedAndRenamedFilesDropOut() throws {
        let site = try BuildEndToEndTests.smallSite()
        _ = try IncrementalBuildTests.buildBoth(site)
        try site.remove("content/examples/e1.md")
        let moved = try String(contentsOf: site.root.appendingPathComponent("content/pages/about.md"), encoding: .utf8)
        try site.remove("content/pages/about.md")
        try site.write("content/pages/sub/about.md", moved)
        let outcome = try Self.build(site)
        #expect(Self.counts(outcome) == (1, Self.contentFiles - 2))
        let settings = LoaderSettings(config: try #require(ContentLoader.loadSiteConfig(Sample.site + "\ncategories: [乡村振兴]\n").0))
        let saved = ParseCache.read(from: site.options.resolvedCacheDirectory, source: site.root, settings: settings)
        #expect(saved.note == nil)
        #expect(saved.entries.count == Self.contentFiles - 1)
        #expect(saved.entries["content/examples/e1.md"] == nil)
        #expect(saved.entries["content/pages/about.md"] == nil)
        #expect(saved.entries["content/pages/sub/about.md"] != nil)
        _ = try IncrementalBuildTests.buildBoth(site)
        #expect(try site.page("pages/about/index.html").contains("本站说明"))
    }

    @Test func siteSettingsTheLoaderReadsInvalidateEveryEntry() throws {
        let site = try BuildEndToEndTests.smallSite()
        _ = try IncrementalBuildTests.buildBoth(site)
        // The title is not read by the loader: nothing is parsed again.
        try site.write("site.yaml", Sample.site.replacingOccurrences(of: "测试街道", with: "改名街道") + "\ncategories: [乡村振兴]\n")
        #expect(try Self.build(site).sources?.parsed == 0)
        // A category is: the disclosure using it would otherwise keep a stale verdict.
        try site.write("site.yaml", Sample.site + "\n")
        let withoutCategory = try Self.build(site)
        #expect(withoutCategory.sources?.parsed == Self.contentFiles)
        #expect(withoutCategory.notes == [ParseCache.settingsNote])
        #expect(withoutCategory.diagnostics.contains { $0.path == "content/disclosures/d2.md" && $0.severity == .error })
        // The privacy policy is too.
        try site.write("site.yaml", Sample.site + "\ncategories: [乡村振兴]\n")
        _ = try Self.build(site)
        try site.write("site.yaml", Sample.site + "\ncategories: [乡村振兴]\nprivacy: {mobile: allow}\n")
        #expect(try Self.build(site).sources?.parsed == Self.contentFiles)
        _ = try IncrementalBuildTests.buildBoth(site)
    }

    /// Damages the cache file in `damage`, then checks the next build ignores it with a note and parses everything,
    /// and its output equals a clean build's.
    func expectIgnored(note: String, _ damage: (TestSite, inout Data) throws -> Void) throws {
        let site = try BuildEndToEndTests.smallSite()
        try site.write("content/pages/about.md", "---\nid: about\ntitle: 关于本站\n---\n本站说明 ORIGINAL-TEXT。\n")
        _ = try IncrementalBuildTests.buildBoth(site)
        var data = try Data(contentsOf: Self.cacheFile(site))
        try damage(site, &data)
        try data.write(to: Self.cacheFile(site))
        let outcome = try Self.build(site)
        #expect(Self.counts(outcome) == (Self.contentFiles, 0))
        #expect(outcome.notes.count == 1)
        #expect(outcome.notes.first?.contains(note) == true, "\(outcome.notes)")
        let report = String(decoding: BuildReport(status: .ok, exitCode: 0, asOf: TestSite.asOf, duration: 0, outcome: outcome).json, as: UTF8.self)
        #expect(report.contains(note))
        #expect(try site.page("pages/about/index.html").contains("ORIGINAL-TEXT"))
        _ = try IncrementalBuildTests.buildBoth(site)
        // A fresh cache was written in its place.
        #expect(try Self.build(site).sources?.parsed == 0)
    }

    @Test func aCorruptedCacheIsIgnoredWithANote() throws {
        // One byte of a body changed, keeping the JSON valid: only the checksum tells.
        try expectIgnored(note: "已损坏或不完整") { _, data in
            let range = try #require(data.range(of: Data("ORIGINAL".utf8)))
            data.replaceSubrange(range, with: Data("ORIGINBL".utf8))
        }
    }

    @Test func aTruncatedCacheIsIgnoredWithANote() throws {
        try expectIgnored(note: "已损坏或不完整") { _, data in data = data.prefix(data.count / 2) }
        try expectIgnored(note: "已损坏或不完整") { _, data in data = Data() }
        try expectIgnored(note: "已损坏或不完整") { _, data in data = Data("gongshi-parse-cache \(ParseCache.format) 10 10 00\n".utf8) }
    }

    @Test func aCacheOfAnotherProgramIsIgnoredWithANote() throws {
        try expectIgnored(note: "另一个版本") { site, data in
            let settings = LoaderSettings(config: try #require(ContentLoader.loadSiteConfig(Sample.site + "\ncategories: [乡村振兴]\n").0))
            let cache = ParseCache.read(from: site.options.resolvedCacheDirectory, source: site.root, settings: settings)
            #expect(cache.entries.count == Self.contentFiles)
            data = cache.encoded(program: "0.1.0 123 456.789 42")
        }
        // A later format, format 2 (Codable pieces) and format 1 (JSON pieces, before the binary encoding).
        for format in [ParseCache.format + 1, 2, 1] {
            try expectIgnored(note: "缓存格式 \(format)") { _, data in
                let newline = try #require(data.firstIndex(of: 0x0A))
                let fields = String(decoding: data[..<newline], as: UTF8.self).split(separator: " ")
                data.replaceSubrange(..<newline, with: Data("\(fields[0]) \(format) \(fields[2...].joined(separator: " "))".utf8))
            }
        }
    }

    /// The command prints the note and the counts on standard error and writes them into `--report`.
    @Test func theCommandReportsTheCountsAndAnIgnoredCache() throws {
        let site = try CommandLineTests.site()
        let report = site.root.appendingPathComponent("report.json")
        let arguments = [
            "build", "--source", site.root.path, "--output", site.output.path, "--templates", TestSite.templates.path, "--as-of", "2026-11-21",
            "--report", report.path,
        ]
        let first = try CommandLineTests.run(arguments)
        #expect(first.status == 0, "\(first.stderr)")
        #expect(first.stderr.contains("读取内容文件：解析 2 个，沿用解析缓存 0 个。"))
        #expect(!first.stderr.contains("注意："))
        let second = try CommandLineTests.run(arguments)
        #expect(second.stderr.contains("读取内容文件：解析 0 个，沿用解析缓存 2 个。"), "\(second.stderr)")
        let file = Self.cacheFile(site)
        var data = try Data(contentsOf: file)
        data[data.count - 2] ^= 0x01
        try data.write(to: file)
        let third = try CommandLineTests.run(arguments)
        #expect(third.status == 0)
        #expect(third.stderr.contains("注意：解析缓存 \(file.lastPathComponent) 已损坏或不完整，已忽略"), "\(third.stderr)")
        #expect(third.stderr.contains("读取内容文件：解析 2 个，沿用解析缓存 0 个。"))
        let json = try #require(try JSONSerialization.jsonObject(with: Data(contentsOf: report)) as? [String: Any])
        #expect((json["notes"] as? [String])?.first?.contains("已损坏或不完整") == true)
        #expect((json["sources"] as? [String: Int])?["parsed"] == 2)
        // A cache written by another build of gongshi (this test process) is not trusted by the command.
        _ = try SiteBuilder.build(site.options)
        let fourth = try CommandLineTests.run(arguments)
        #expect(fourth.stderr.contains("另一个版本或另一次编译的 gongshi"), "\(fourth.stderr)")
    }

    @Test func cleanIgnoresTheCacheAndWritesAFreshOne() throws {
        let site = try BuildEndToEndTests.smallSite()
        _ = try Self.build(site)
        let clean = try Self.build(site) { $0.clean = true }
        #expect(clean.sources?.parsed == Self.contentFiles)
        #expect(try Self.build(site).sources?.parsed == 0)
    }

    @Test func cachedDiagnosticsAreReportedEveryBuild() throws {
        let site = try BuildEndToEndTests.smallSite()
        try site.write("content/pages/about.md", "---\nid: about\ntitle: 关于本站\nnmae: x\n---\n本站说明，电话 13812345678。\n")
        let first = try Self.build(site)
        #expect(first.diagnostics.contains { $0.kind == .unknownField })
        #expect(first.diagnostics.contains { $0.kind == .mobileMasked })
        let second = try Self.build(site)
        #expect(second.sources?.parsed == 0)
        #expect(second.diagnostics == first.diagnostics)

        // An ID-card number refuses the build, again and again, from the cache.
        try site.write("content/disclosures/d1.md", Sample.disclosure("d1", category: "党费管理", body: "困难党员 张三，身份证 520102199003071236"))
        let refused = try Self.build(site)
        #expect(refused.hasErrors)
        #expect(refused.publish == nil)
        let refusedAgain = try Self.build(site)
        #expect(Self.counts(refusedAgain) == (0, Self.contentFiles))
        #expect(refusedAgain.diagnostics == refused.diagnostics)
        #expect(refusedAgain.publish == nil)
        #expect(try !site.page("disclosures/d1/index.html").contains("1236"))

        // A YAML error gives no record; the file is still cached and its error reported.
        try site.write("content/branches/b.md", "---\nid: b\nname: [未闭合\n---\n")
        let broken = try Self.build(site)
        let brokenAgain = try Self.build(site)
        #expect(brokenAgain.sources?.parsed == 0)
        #expect(brokenAgain.diagnostics == broken.diagnostics)
        #expect(broken.diagnostics.contains { $0.path == "content/branches/b.md" && $0.severity == .error })
    }

    /// Every file's piece as decoded from the cache file is what a fresh load gives, field by field (including
    /// those outside the records' `CodingKeys`: source lines, body HTML, first paragraph).
    @Test(arguments: ["golden", "small"])
    func decodedPiecesEqualAFreshLoad(_ name: String) throws {
        let site = name == "golden" ? try TestSite(fixture: "golden") : try BuildEndToEndTests.smallSite()
        if name == "small" {
            try site.write("content/pages/about.md", "---\nid: about\ntitle: 关于本站\nnmae: x\n---\n电话 13812345678，[链接](../x/) ![图](a.png)\n")
            try site.write("content/branches/c.md", "---\nid: c\nname: [未闭合\n---\n")
        }
        _ = try Self.build(site)
        let scanner = ContentScanner(sourceDirectory: site.root)
        let config = try #require(ContentLoader.loadSiteConfig(try scanner.readSiteConfig().get()).0)
        let settings = LoaderSettings(config: config)
        let saved = ParseCache.read(from: site.options.resolvedCacheDirectory, source: site.root, settings: settings)
        let entries = scanner.list().entries
        #expect(saved.entries.count == entries.count)
        for entry in entries {
            let fresh = ContentLoader.loadFile(scanner.read(entry), settings: settings)
            let cached = try #require(saved.entries[entry.path]?.decoded(), "\(entry.path)")
            #expect(CanonicalDump.of(cached) == CanonicalDump.of(fresh), "\(entry.path)")
            #expect(saved.entries[entry.path]?.content == nil, "decoded from the file, not kept from the build")
        }
        // And the whole load through the cache equals the plain one.
        var cache = saved
        let viaCache = ContentLoader.load(entries, scanner: scanner, config: config, cache: &cache, start: nil)
        #expect(cache.statistics.parsed == 0)
        #expect(CanonicalDump.of(viaCache) == CanonicalDump.of(ContentLoader.load(entries, reading: scanner.read, config: config)))
    }
}

/// A value's every stored property, recursively, with dictionaries in key order, so that two values can be compared
/// whatever their types' conformances.
enum CanonicalDump {
    static func of(_ value: Any) -> String {
        let mirror = Mirror(reflecting: value)
        switch mirror.displayStyle {
        case .dictionary:
            let pairs = mirror.children.map { child -> (String, String) in
                let pair = Array(Mirror(reflecting: child.value).children)
                return (of(pair[0].value), of(pair[1].value))
            }
            return "[" + pairs.sorted { $0.0 < $1.0 }.map { "\($0.0): \($0.1)" }.joined(separator: ", ") + "]"
        case .set:
            return "{" + mirror.children.map { of($0.value) }.sorted().joined(separator: ", ") + "}"
        case .optional:
            return mirror.children.first.map { "some(\(of($0.value)))" } ?? "nil"
        case .collection, .tuple:
            return "(" + mirror.children.map { "\($0.label ?? ""):\(of($0.value))" }.joined(separator: ", ") + ")"
        case .struct, .class, .enum:
            if mirror.children.isEmpty { return "\(type(of: value)).\(value)" }
            return "\(type(of: value)){" + mirror.children.map { "\($0.label ?? ""): \(of($0.value))" }.joined(separator: ", ") + "}"
        default:
            return "\(type(of: value))(\(String(reflecting: value)))"
        }
    }
}
