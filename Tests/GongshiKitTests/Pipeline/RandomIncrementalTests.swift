import Foundation
import Testing

@testable import GongshiKit

/// A seeded random sequence of edits to a generated site; after each step the `gongshi` binary builds it twice, once
/// incrementally (the same output and cache as every step before) and once with `--clean` into a fresh output and
/// cache, and the two published trees must be byte-for-byte the same, with nothing unpublishable in either.
///
/// `GONGSHI_RANDOM_STEPS` (default 30; `.ci/run` uses 200) and `GONGSHI_RANDOM_SEED` (default 1) replay a run.
@Suite("Randomised incremental builds")
struct RandomIncrementalTests {
    static let environment = ProcessInfo.processInfo.environment
    static let steps = environment["GONGSHI_RANDOM_STEPS"].flatMap { Int($0) } ?? 30
    static let seed = environment["GONGSHI_RANDOM_SEED"].flatMap { UInt64($0) } ?? 1
    static let organisations = 50
    /// `GONGSHI_RANDOM_VERBOSE=1` prints every step and its outcome.
    static let verbose = environment["GONGSHI_RANDOM_VERBOSE"] == "1"
    /// `GONGSHI_RANDOM_KEEP=1` keeps the source and outputs of the run (its folder is printed) for a closer look.
    static let keep = environment["GONGSHI_RANDOM_KEEP"] == "1"

    /// One build by the binary.
    struct BuildRun {
        let status: Int32
        let stderr: String
    }

    /// Starts `gongshi build` with `arguments`; `wait()` returns its status (killed after 10 minutes: a hang).
    final class RunningBuild {
        let process = Process()
        let errFile: URL

        init(_ arguments: [String], log: URL) throws {
            errFile = log
            FileManager.default.createFile(atPath: log.path, contents: nil)
            process.executableURL = CommandLineTests.binary
            process.arguments = ["build"] + arguments
            process.standardOutput = FileHandle.nullDevice
            process.standardError = try FileHandle(forWritingTo: log)
            try process.run()
        }

        func wait() -> BuildRun {
            let end = Date().addingTimeInterval(600)
            while process.isRunning && Date() < end { usleep(10_000) }
            if process.isRunning { kill(process.processIdentifier, SIGKILL) }
            process.waitUntilExit()
            let stderr = (try? String(contentsOf: errFile, encoding: .utf8)) ?? ""
            return BuildRun(status: process.terminationStatus, stderr: stderr)
        }
    }

    /// Where one sequence works: the source, the incremental output and cache, and a scratch folder for clean builds.
    struct Workspace {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("gongshi-random-\(UUID().uuidString)")
        var source: URL { root.appendingPathComponent("site") }
        var output: URL { root.appendingPathComponent("incremental/site") }
        var cache: URL { root.appendingPathComponent("incremental-cache") }
        var scratch: URL { root.appendingPathComponent("clean") }
        var cleanOutput: URL { scratch.appendingPathComponent("site") }

        func incremental(asOf: SimpleDate) throws -> RunningBuild {
            try RunningBuild(
                ["--source", source.path, "--output", output.path, "--cache", cache.path, "--keep", "1", "--as-of", asOf.description],
                log: root.appendingPathComponent("incremental.log"))
        }

        func clean(asOf: SimpleDate) throws -> RunningBuild {
            try? FileManager.default.removeItem(at: scratch)
            try FileManager.default.createDirectory(at: scratch, withIntermediateDirectories: true)
            return try RunningBuild(
                [
                    "--source", source.path, "--output", cleanOutput.path, "--cache", scratch.appendingPathComponent("cache").path, "--clean",
                    "--keep", "0", "--as-of", asOf.description,
                ], log: root.appendingPathComponent("clean.log"))
        }
    }

    /// Makes the files under `root` what `new` says, given that they are what `old` says.
    static func sync(_ root: URL, from old: [String: Data], to new: [String: Data], mutation: SiteMutation) throws {
        let fm = FileManager.default
        for (path, data) in new where old[path] != data || mutation.touched.contains(path) {
            let url = root.appendingPathComponent(path)
            var before = stat()
            let keepTime = mutation.keepTimes.contains(path) && lstat(url.path, &before) == 0
            try fm.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try data.write(to: url)
            if keepTime {
                var times = [before.st_atim, before.st_mtim]
                #expect(utimensat(AT_FDCWD, url.path, &times, 0) == 0)
            }
        }
        for path in old.keys where new[path] == nil {
            try fm.removeItem(at: root.appendingPathComponent(path))
            // Empty folders go too: an empty templates/ would be a theme without templates.
            var folder = root.appendingPathComponent(path).deletingLastPathComponent()
            while folder.path.count > root.path.count, (try? fm.contentsOfDirectory(atPath: folder.path))?.isEmpty == true {
                try fm.removeItem(at: folder)
                folder = folder.deletingLastPathComponent()
            }
        }
    }

    /// The unpublishable texts of `site` found in `tree`, one line each.
    static func leaks(in tree: PublishedTree, of site: RandomSite, name: String) -> [String] {
        site.unpublishable.flatMap { item in
            tree.occurrences(of: item.text, isID: item.isID).prefix(3).map { "\(name): \(item.what) (\(item.text)) in \($0)" }
        }
    }

    @Test func incrementalBuildsEqualCleanBuildsThroughARandomSequence() throws {
        var g = SeededGenerator(seed: Self.seed)
        var site = RandomSite.generate(organisations: Self.organisations, &g)
        let work = Workspace()
        var failed = true
        defer {
            if Self.keep || failed { print("[random \(Self.seed)] kept \(work.root.path)") } else { try? FileManager.default.removeItem(at: work.root) }
        }
        var files = site.files
        try Self.sync(work.source, from: [:], to: files, mutation: SiteMutation(description: "initial site"))
        var published = PublishedTree(work.output)
        var publishedCounts: [ContentKind: Int] = [:]
        var queue: [FieldTarget] = []
        var history: [String] = []
        var refused = 0
        for step in 0...Self.steps {
            // Step 0 builds the generated site as it is.
            let before = site
            var mutation = SiteMutation(description: "initial site of \(Self.organisations) organisations")
            if step > 0 {
                // A change that would trip the collapse guard (a kind halved or emptied) is drawn again.
                for _ in 0..<50 {
                    mutation = site.mutate(&g, fields: &queue)
                    let counts = site.guardedCounts
                    if publishedCounts.allSatisfy({ kind, n in (counts[kind] ?? 0) * 2 >= n && (counts[kind] ?? 0) > 0 }) { break }
                    site = before
                }
            }
            let newFiles = site.files
            try Self.sync(work.source, from: files, to: newFiles, mutation: mutation)
            files = newFiles
            history.append("\(step): \(mutation)")
            let problems = site.problems
            let mustFail = mutation.mustFail || !problems.isEmpty
            let incremental = try work.incremental(asOf: site.asOf)
            let clean = try work.clean(asOf: site.asOf)
            let (a, b) = (incremental.wait(), clean.wait())
            let context = """
                step \(step) of seed \(Self.seed): \(mutation)
                expected: \(mustFail ? "refused (\(mutation.mustFail ? "invalid on purpose" : problems.joined(separator: "; ")))" : "published")
                replay: GONGSHI_RANDOM_SEED=\(Self.seed) GONGSHI_RANDOM_STEPS=\(step) swift test --disable-xctest --filter RandomIncrementalTests
                (GONGSHI_RANDOM_KEEP=1 keeps the site and both outputs; this run's are kept in \(work.root.path))
                incremental build exit \(a.status):
                \(a.stderr.split(separator: "\n").filter { $0.contains("error") || $0.contains("错误") }.prefix(8).joined(separator: "\n"))
                clean build exit \(b.status):
                \(b.stderr.split(separator: "\n").filter { $0.contains("error") || $0.contains("错误") }.prefix(8).joined(separator: "\n"))
                last steps:
                \(history.suffix(8).joined(separator: "\n"))
                """
            let expected: Int32 = mustFail ? 1 : 0
            if Self.verbose {
                let outcome = a.stderr.split(separator: "\n").last.map(String.init) ?? ""
                print("[random \(Self.seed)] \(step) \(mustFail ? "REFUSE" : "ok") exit \(a.status)/\(b.status): \(mutation) — \(outcome)")
            }
            guard a.status == expected, b.status == expected else {
                Issue.record("exit codes \(a.status) (incremental) and \(b.status) (clean), expected \(expected)\n\(context)")
                return
            }
            let incrementalTree = PublishedTree(work.output)
            if mustFail {
                // Refused: the published site is exactly what it was, and the clean build published nothing.
                let changed = incrementalTree.differences(from: published)
                let cleanFiles = PublishedTree(work.cleanOutput).files.keys.filter { !$0.hasPrefix(".") }
                guard changed.isEmpty, cleanFiles.isEmpty else {
                    Issue.record("a refused build changed a published site: \((changed + cleanFiles).prefix(10))\n\(context)")
                    return
                }
                refused += 1
                // The mistake is corrected before the next step.
                site = before
                let restored = site.files
                try Self.sync(work.source, from: files, to: restored, mutation: SiteMutation(description: "undo"))
                files = restored
                history.append("\(step): undone")
                continue
            }
            let cleanTree = PublishedTree(work.cleanOutput)
            let differences = incrementalTree.differences(from: cleanTree)
            let leaks = Self.leaks(in: incrementalTree, of: site, name: "incremental") + Self.leaks(in: cleanTree, of: site, name: "clean")
            guard differences.isEmpty, leaks.isEmpty, !cleanTree.files.isEmpty else {
                let shown: [String] = Array(differences.prefix(10)) + Array(leaks.prefix(10))
                let listing = shown.joined(separator: "\n")
                Issue.record("incremental and clean builds differ (\(differences.count) files) or leak:\n\(listing)\n\(context)")
                return
            }
            published = incrementalTree
            publishedCounts = site.guardedCounts
        }
        failed = false
        #expect(refused < Self.steps / 2 + 1, "most steps were refused: the generator is off (\(refused) of \(Self.steps))")
    }

    /// The generator knows every front-matter key of every kind, so a new field cannot escape the random edits.
    @Test func theGeneratorEditsEveryFieldOfEveryKind() {
        for kind in ContentKind.allCases {
            let edited = Set(RandomSite.editableKeys[kind, default: []].map { String($0.prefix { $0 != "." }) })
            let schema = kind.rules(categories: []).map(\.key)
            #expect(schema.filter { !edited.contains($0) } == [], "\(kind)")
        }
        #expect(ContentSchema.site.map(\.key).filter { !RandomSite.siteKeys.contains($0) } == [])
    }
}
