import Foundation
import Testing

@testable import GongshiKit

@Suite("QR codes as inline SVG")
struct QRCodeTests {
    static let url = "https://dangjian.example.gov.cn/qingxi/"

    @Test func sameInputGivesSameBytes() throws {
        let first = try #require(QRCode.svg(for: Self.url, title: "扫码访问"))
        #expect(QRCode.svg(for: Self.url, title: "扫码访问") == first)
        #expect(QRCode.svg(for: Self.url + "x", title: "扫码访问") != first)
    }

    @Test func svgIsSelfContainedAndSizedInModules() throws {
        let svg = try #require(QRCode.svg(for: Self.url, title: "扫码访问", moduleSize: 3, quietZone: 2))
        let symbol = try DecodedSymbol(svg)
        #expect(symbol.side == 29 + 2 * 2)
        #expect(svg.hasPrefix("<svg xmlns=\"http://www.w3.org/2000/svg\" role=\"img\" width=\"99\" height=\"99\" viewBox=\"0 0 33 33\""))
        #expect(svg.contains("shape-rendering=\"crispEdges\""))
        #expect(svg.contains("<title>扫码访问</title><rect width=\"33\" height=\"33\" fill=\"#fff\"/>"))
        #expect(svg.components(separatedBy: "<path ").count == 2)
        #expect(svg.contains("<path fill=\"none\" stroke=\"#000\" d=\"M2 2.5h7"), "top-left finder row, 2 modules in")
        #expect(!svg.contains("<?xml"))
        #expect(!svg.contains("href"))
        #expect(!svg.contains("url("))
        #expect(svg.hasSuffix("\"/></svg>"))
    }

    /// libqrencode picks the smallest version at level M: 20 bytes need version 2 (25×25; version 1 holds 14),
    /// 39 bytes version 3 (29×29; version 2 holds 26), and 40 Chinese characters are 120 UTF-8 bytes,
    /// version 7 (45×45; version 6 holds 106).
    @Test(arguments: [("https://example.org/", 25), (url, 29), (String(repeating: "公示", count: 20), 45)])
    func moduleCountMatchesVersion(text: String, modules: Int) throws {
        let symbol = try DecodedSymbol(try #require(QRCode.svg(for: text, title: "t", quietZone: 0)))
        #expect(symbol.side == modules)
    }

    @Test func longerInputGivesLargerSymbol() throws {
        let sides = try [10, 40, 100, 300, 1000].map { length in
            try DecodedSymbol(try #require(QRCode.svg(for: String(repeating: "a", count: length), title: "t", quietZone: 0))).side
        }
        #expect(sides == sides.sorted())
        #expect(Set(sides).count == sides.count, "\(sides)")
    }

    /// A poster carries 13 codes, so their size is most of its bytes: the path spends about 6 bytes a run (`m2 0h3`),
    /// plus one absolute move per row, not a closed rectangle per run (14 bytes).
    @Test(arguments: [url, "https://dangjian.example.org/bench/disclosures/anlin-shiye-00309-gk02/", "金桥社区党支部承诺栏"])
    func pathSpendsFewBytesPerRun(text: String) throws {
        let svg = try #require(QRCode.svg(for: text, title: "t", moduleSize: 3, quietZone: 2))
        let symbol = try DecodedSymbol(svg)
        let path = try #require(svg.firstMatch(of: /d="([^"]*)"/)).1
        #expect(path.utf8.count <= 7 * symbol.runs + 8 * symbol.side, "\(path.utf8.count) bytes for \(symbol.runs) runs")
    }

    @Test func titleIsEscaped() throws {
        let svg = try #require(QRCode.svg(for: Self.url, title: "<b onclick=\"x\">'金桥'&</b>"))
        #expect(svg.contains("<title>&lt;b onclick=&quot;x&quot;&gt;&#39;金桥&#39;&amp;&lt;/b&gt;</title>"))
        #expect(!svg.contains("<b"))
    }

    @Test func unencodableInputGivesNil() {
        #expect(QRCode.svg(for: "", title: "t") == nil)
        // Version 40 at level M holds 2331 bytes in 8-bit mode.
        #expect(QRCode.svg(for: String(repeating: "a", count: 2331), title: "t") != nil)
        #expect(QRCode.svg(for: String(repeating: "a", count: 2332), title: "t") == nil)
        #expect(QRCode.svg(for: Self.url, title: "t", moduleSize: 0) == nil)
        #expect(QRCode.svg(for: Self.url, title: "t", quietZone: -1) == nil)
    }

    @Test func pathDrawsFinderPatternsInsideALightQuietZone() throws {
        let quiet = 4
        let symbol = try DecodedSymbol(try #require(QRCode.svg(for: Self.url, title: "t", quietZone: quiet)))
        let width = symbol.side - 2 * quiet
        for (left, top) in [(quiet, quiet), (quiet + width - 7, quiet), (quiet, quiet + width - 7)] {
            for dy in -1...7 {
                for dx in -1...7 {
                    // Ring distance from the centre: 3 dark outer ring, 2 light ring, 0–1 dark 3×3 centre, 4 light separator.
                    let ring = max(abs(dx - 3), abs(dy - 3))
                    guard ring < 4 || (0..<symbol.side).contains(left + dx) && (0..<symbol.side).contains(top + dy) else { continue }
                    #expect(symbol.isDark(left + dx, top + dy) == (ring != 2 && ring != 4), "finder at \(left),\(top) offset \(dx),\(dy)")
                }
            }
        }
        // Timing patterns alternate between the finders along row and column 6.
        for i in 8..<(width - 8) {
            #expect(symbol.isDark(quiet + i, quiet + 6) == i.isMultiple(of: 2))
            #expect(symbol.isDark(quiet + 6, quiet + i) == i.isMultiple(of: 2))
        }
        for i in 0..<symbol.side {
            for j in 0..<quiet {
                #expect(!symbol.isDark(i, j) && !symbol.isDark(j, i) && !symbol.isDark(i, symbol.side - 1 - j) && !symbol.isDark(symbol.side - 1 - j, i))
            }
        }
    }

    @Test(.enabled(if: QRScanner.isAvailable, "needs zbarimg (zbar-tools) and rsvg-convert (librsvg2-bin)"))
    func scansBackToTheText() throws {
        for text in [Self.url, "https://example.org/promises/by-branch/jinqiao-shequ/?year=2026&x=<1>", "金桥社区党支部承诺栏"] {
            let svg = try #require(QRCode.svg(for: text, title: "扫码访问"))
            #expect(try QRScanner.scan(svg) == text)
        }
    }
}

/// The module grid read back from the SVG's single stroked path, so tests check what a browser would draw: the path
/// is interpreted command by command (`M x y`, `m dx dy`, `h length`), and every `h` paints the modules its one-unit
/// stroke covers, which must be whole modules of one row.
private struct DecodedSymbol {
    let side: Int
    private var dark: [[Bool]]

    init(_ svg: String) throws {
        let viewBox = try #require(svg.firstMatch(of: /viewBox="0 0 (\d+) (\d+)"/))
        side = try #require(Int(viewBox.1))
        #expect(viewBox.1 == viewBox.2)
        dark = Array(repeating: Array(repeating: false, count: side), count: side)
        #expect(!svg.contains("stroke-width"), "the stroke is one module wide only at the default width")
        let data = try #require(svg.firstMatch(of: /<path fill="none" stroke="#000" d="([^"]*)"\/>/)).1
        var (x, y) = (0.0, 0.0)
        var consumed = 0
        for command in data.matches(of: /([Mmh])(-?\d+(?:\.\d+)?)(?: (-?\d+(?:\.\d+)?))?/) {
            consumed += command.0.count
            let first = try #require(Double(command.2))
            switch command.1 {
            case "M", "m":
                let second = try #require(command.3.flatMap { Double($0) }, "move without y: \(command.0)")
                (x, y) = command.1 == "M" ? (first, second) : (x + first, y + second)
            default:
                #expect(command.3 == nil, "h takes one number: \(command.0)")
                let row = y - 0.5
                #expect(first > 0 && x == x.rounded() && first == first.rounded(), "run \(command.0) at \(x)")
                #expect(row == row.rounded() && row >= 0 && Int(row) < side, "stroke off the module rows at y \(y)")
                #expect(x >= 0 && Int(x + first) <= side, "run \(command.0) at \(x) leaves the symbol")
                for column in Int(x)..<min(Int(x + first), side) where (0..<side).contains(Int(row)) {
                    #expect(!dark[Int(row)][column], "module \(column),\(Int(row)) drawn twice")
                    dark[Int(row)][column] = true
                }
                x += first
            }
        }
        #expect(consumed == data.count, "path has commands other than moves and runs")
    }

    func isDark(_ x: Int, _ y: Int) -> Bool { dark[y][x] }

    /// Horizontal runs of dark modules: the fewest `h` commands any row-wise path needs.
    var runs: Int {
        dark.map { row in row.indices.filter { row[$0] && ($0 == 0 || !row[$0 - 1]) }.count }.reduce(0, +)
    }
}

/// Renders SVG to PNG with rsvg-convert and reads it with zbarimg, the way a phone camera would.
private enum QRScanner {
    static var isAvailable: Bool { tool("zbarimg") != nil && tool("rsvg-convert") != nil }

    static func scan(_ svg: String) throws -> String {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("gongshi-qr-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let svgFile = directory.appendingPathComponent("code.svg"), pngFile = directory.appendingPathComponent("code.png")
        try svg.write(to: svgFile, atomically: true, encoding: .utf8)
        _ = try run(tool("rsvg-convert")!, ["-o", pngFile.path, svgFile.path])
        let output = try run(tool("zbarimg")!, ["--quiet", "--raw", pngFile.path])
        return output.hasSuffix("\n") ? String(output.dropLast()) : output
    }

    private static func tool(_ name: String) -> URL? {
        let path = ProcessInfo.processInfo.environment["PATH"] ?? ""
        return path.split(separator: ":").map { URL(fileURLWithPath: String($0)).appendingPathComponent(name) }
            .first { FileManager.default.isExecutableFile(atPath: $0.path) }
    }

    private static func run(_ executable: URL, _ arguments: [String]) throws -> String {
        let process = Process()
        process.executableURL = executable
        process.arguments = arguments
        let output = Pipe()
        process.standardOutput = output
        process.standardError = FileHandle.nullDevice
        try process.run()
        let data = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        #expect(process.terminationStatus == 0, "\(executable.lastPathComponent) exited with \(process.terminationStatus)")
        return String(decoding: data, as: UTF8.self)
    }
}
