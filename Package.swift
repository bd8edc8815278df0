// swift-tools-version:6.1
import Foundation
import PackageDescription

/// `GONGSHI_WITHOUT_STUDIO=1` leaves the studio (`gongshi studio`) and its HTTP stack (Hummingbird, swift-nio) out
/// of the build: `scripts/asan-test.sh` sets it, so the sanitised run instruments the engine, the preview and the
/// command line without compiling swift-nio a third time (README「模糊测试与内存检查」).
let withStudio = ProcessInfo.processInfo.environment["GONGSHI_WITHOUT_STUDIO"] == nil

let package = Package(
    name: "gongshi",
    platforms: [.macOS(.v13)],
    products: [
        .executable(name: "gongshi", targets: ["gongshi"]),
        .library(name: "GongshiKit", targets: ["GongshiKit"]),
    ],
    dependencies: [
        .package(url: "https://github.com/jpsim/Yams", from: "6.2.2"),
        .package(url: "https://github.com/hummingbird-project/swift-mustache", from: "2.1.1"),
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/swhitty/FlyingFox", from: "0.27.1"),
    ] + (withStudio ? studioPackages : []),
    targets: [
        .systemLibrary(
            name: "CCmark",
            pkgConfig: "libcmark",
            providers: [.apt(["libcmark-dev"])]
        ),
        .systemLibrary(
            name: "CQRencode",
            pkgConfig: "libqrencode",
            providers: [.apt(["libqrencode-dev"])]
        ),
        .systemLibrary(
            name: "CCrypto",
            pkgConfig: "libcrypto",
            providers: [.apt(["libssl-dev"])]
        ),
        // libvips (photos): the system library, and a small C target that wraps its variadic API for Swift.
        .systemLibrary(
            name: "CVips",
            pkgConfig: "vips",
            providers: [.apt(["libvips-dev"])]
        ),
        .target(
            name: "CVipsShim",
            dependencies: ["CVips"]
        ),
        .target(
            name: "GongshiKit",
            dependencies: [
                "CCmark",
                "CQRencode",
                "CCrypto",
                "CVipsShim",
                .product(name: "Yams", package: "Yams"),
                .product(name: "Mustache", package: "swift-mustache"),
            ]
        ),
        // The preview server (`gongshi serve`) lives apart so the engine does not link an HTTP server.
        .target(
            name: "GongshiPreview",
            dependencies: [
                "GongshiKit",
                .product(name: "FlyingFox", package: "FlyingFox"),
                .product(name: "FlyingSocks", package: "FlyingFox"),
            ]
        ),
        .executableTarget(
            name: "gongshi",
            dependencies: [
                "GongshiKit",
                "GongshiPreview",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ] + (withStudio ? ["GongshiStudio"] : []),
            swiftSettings: withStudio ? [.define("GONGSHI_STUDIO")] : [],
            // The release program allocates with jemalloc (Debian's libjemalloc-dev): a build makes and frees
            // millions of small strings and arrays on every core, and glibc's malloc was about 15 % of a clean build's
            // CPU samples; with jemalloc a clean build at 1000 organisations took 13 % less CPU (README 依赖).
            // Debug builds, which the tests and the sanitizers use, keep glibc's malloc.
            linkerSettings: [.linkedLibrary("jemalloc", .when(platforms: [.linux], configuration: .release))]
        ),
        // libFuzzer target over one content file (scripts/fuzz.sh); a plain build gives a replay tool instead.
        .executableTarget(
            name: "GongshiFuzz",
            dependencies: ["GongshiKit"]
        ),
        .testTarget(
            name: "GongshiKitTests",
            dependencies: ["GongshiKit"],
            exclude: ["Fixtures"]
        ),
        .testTarget(
            name: "GongshiPreviewTests",
            dependencies: ["GongshiPreview", "GongshiKit"]
        ),
    ] + (withStudio ? studioTargets : []),
    swiftLanguageModes: [.v6]
)

/// The studio's packages (named only when it is built).
var studioPackages: [Package.Dependency] {
    [
        // The studio (`gongshi studio`): Hummingbird's HTTP server, router, cookies and form decoding; hummingbird-auth
        // for sessions and bcrypt. Only the studio target links them (README「依赖」says why).
        .package(url: "https://github.com/hummingbird-project/hummingbird", from: "2.28.1", traits: ["FullFoundation"]),
        .package(url: "https://github.com/hummingbird-project/hummingbird-auth", from: "2.5.0"),
        // Already in the graph through Hummingbird; named for the studio tests' NIOEmbedded (no new package).
        .package(url: "https://github.com/apple/swift-nio", from: "2.101.3"),
    ]
}

/// The studio and its tests.
var studioTargets: [Target] {
    [
        // The web editor (`gongshi studio`): accounts, forms from the schema, the 提出→审核→审批 workflow.
        .target(
            name: "GongshiStudio",
            dependencies: [
                "GongshiKit",
                .product(name: "Yams", package: "Yams"),
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "HummingbirdAuth", package: "hummingbird-auth"),
                .product(name: "HummingbirdBcrypt", package: "hummingbird-auth"),
            ]
        ),
        .testTarget(
            name: "GongshiStudioTests",
            dependencies: [
                "GongshiStudio", "GongshiKit",
                // The in-process StudioClient runs requests over NIO's testing channel (HummingbirdTesting would
                // pull async-http-client and BoringSSL).
                .product(name: "NIOEmbedded", package: "swift-nio"),
            ]
        ),
    ]
}
