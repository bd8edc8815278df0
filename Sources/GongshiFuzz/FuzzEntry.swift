import Foundation
import GongshiKit

/// One fuzz input through the per-file pipeline: split, compose and check YAML, decode, render Markdown, assemble.
/// The first byte picks the content kind (byte % 5; `A` branches, `B` promises, `C` disclosures, `D` examples,
/// `E` pages); the rest, decoded leniently as UTF-8, is the file.
enum FuzzPipeline {
    static let config: SiteConfig = {
        guard let config = ContentLoader.loadSiteConfig("title: t\nbase_url: https://e.org/\n").0 else {
            fatalError("the fixed fuzz site.yaml must be valid")
        }
        return config
    }()

    static let asOf = Day(year: 2026, month: 6, day: 30)!

    static func run(_ bytes: UnsafeBufferPointer<UInt8>) {
        guard let first = bytes.first else { return }
        let kinds = ContentKind.allCases
        let kind = kinds[Int(first) % kinds.count]
        let text = String(decoding: UnsafeBufferPointer(rebasing: bytes.dropFirst()), as: UTF8.self)
        let file = SourceFile(path: "content/\(kind.rawValue)/fuzz.md", kind: kind, text: text)
        let content = ContentLoader.load([file], config: config)
        _ = SiteAssembler.assemble(content, config: config, asOf: asOf)
    }
}

/// libFuzzer's entry point: called once per generated input.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    FuzzPipeline.run(UnsafeBufferPointer(start: data, count: size))
    return 0
}

#if GONGSHI_LIBFUZZER
    /// libFuzzer's public driver. SwiftPM binds `main` to this target's `@main`, so libFuzzer's own `main`
    /// never runs: the fuzz build (`scripts/fuzz.sh`) hands control to the driver from there instead.
    @_extern(c, "LLVMFuzzerRunDriver")
    func runFuzzerDriver(
        _ argc: UnsafeMutablePointer<CInt>,
        _ argv: UnsafeMutablePointer<UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>>,
        _ testOneInput: @convention(c) (UnsafePointer<UInt8>, Int) -> CInt
    ) -> CInt
#endif

/// With `-DGONGSHI_LIBFUZZER` (the fuzz build) runs libFuzzer; in a plain `swift build`, replays the files named
/// on the command line through the same pipeline, e.g. a saved crash: `.build/debug/GongshiFuzz Tests/Fuzz/crashes/…`.
@main
enum FuzzMain {
    static func main() throws {
        #if GONGSHI_LIBFUZZER
            var argc = CommandLine.argc
            var argv = CommandLine.unsafeArgv
            exit(runFuzzerDriver(&argc, &argv, fuzz))
        #else
            for path in CommandLine.arguments.dropFirst() {
                let data = try Data(contentsOf: URL(fileURLWithPath: path))
                data.withUnsafeBytes { FuzzPipeline.run($0.bindMemory(to: UInt8.self)) }
                print("ok: \(path)")
            }
        #endif
    }
}
