import Foundation
import Testing

@testable import GongshiKit

/// Pages render from typed `TemplateValue` trees exactly as they rendered from the `[String: Any]` trees before.
@Suite("Typed template values")
struct TemplateValueTests {
    /// The tree as the old encoder made it: `[String: Any]`, `[Any]` and leaves (the reference).
    static func plain(_ value: TemplateValue) -> Any {
        switch value {
        case .string(let string): string
        case .int(let int): int
        case .bool(let bool): bool
        case .double(let double): double
        case .list(let elements): elements.map(plain) as [Any]
        case .object(let fields): fields.mapValues(plain) as [String: Any]
        }
    }

    /// `templates` (name → text) beside empty required templates.
    static func library(_ templates: [String: String]) throws -> TemplateLibrary {
        var all = Dictionary(uniqueKeysWithValues: TemplateLibrary.required.map { ($0, "") })
        all.merge(templates) { $1 }
        return try #require(TemplateLibrary.make(from: TemplateSource(templates: all, assets: [:])).0)
    }

    /// What swift-mustache renders for the reference tree.
    static func reference(_ library: TemplateLibrary, _ value: TemplateValue, _ template: String) -> String {
        library.library.render(plain(value), withTemplate: template) ?? ""
    }

    @Test func contextsBecomeObjectsListsAndLeaves() throws {
        let tree = try TemplateValueEncoder.encode(FastPathTests.sample)
        let expected: TemplateValue = .object([
            "title": .string("承诺栏"), "flag": .bool(true), "ratio": .double(0.5), "present": .string("有"),
            "items": .list([.object(["name": .string("一"), "count": .int(1)]), .object(["name": .string("二"), "count": .int(2)])]),
            "nested": .object(["name": .string("内"), "count": .int(3)]),
        ])
        #expect(tree == expected, "a nil optional leaves its key out, so templates look it up further out")
        #expect(try TemplateValueEncoder.encode([String?.none, "a"]) == .list([.object([:]), .string("a")]))
        #expect(try TemplateValueEncoder.encode("根") == .string("根"))
    }

    /// Sections, inverted sections, dotted names, `{{.}}`, transforms on lists, objects, strings and numbers, the
    /// sequence context, partials and inheritance: each renders from the typed tree as from the plain one.
    static let probes: [String: String] = [
        "probe-leaves": "{{title}}|{{{title}}}|{{&title}}|{{count}}|{{ratio}}|{{flag}}|{{missing}}|{{nested.name}}|{{nested.missing.name}}",
        "probe-sections":
            "{{#items}}[{{name}}{{count}}{{title}}{{#first()}}F{{/first()}}{{#last()}}L{{/last()}}{{index()}}{{#even()}}E{{/even()}}]{{/items}}"
            + "{{^items}}none{{/items}}{{#empty}}x{{/empty}}{{^empty}}空{{/empty}}{{#nested}}<{{name}}{{title}}>{{/nested}}{{^nested}}!{{/nested}}"
            + "{{#flag}}T{{/flag}}{{^flag}}F{{/flag}}{{#off}}T{{/off}}{{^off}}F{{/off}}{{#zero}}0真{{/zero}}{{#blank}}空串真{{/blank}}",
        "probe-dots": "{{#tags}}({{.}}){{/tags}}{{#grid}}[{{#.}}{{.}}{{/.}}]{{/grid}}{{#numbers}}{{.}},{{/numbers}}{{#nested}}{{.name}}{{.title}}{{/nested}}",
        "probe-transforms":
            "{{^empty(items)}}有{{/empty(items)}}{{#empty(empty)}}无{{/empty(empty)}}{{count(items)}}|{{count(nested)}}|{{#empty(nested)}}e{{/empty(nested)}}"
            + "{{^equalzero(zero)}}非零{{/equalzero(zero)}}{{#equalzero(zero)}}零{{/equalzero(zero)}}{{plusone(count)}}{{#odd(count)}}奇{{/odd(count)}}"
            + "{{uppercased(latin)}}{{lowercased(latin)}}{{reversed(title)}}{{#empty(blank)}}空{{/empty(blank)}}"
            + "{{#first(items)}}{{name}}{{/first(items)}}{{#last(items)}}{{name}}{{/last(items)}}{{#reversed(items)}}{{name}}{{/reversed(items)}}"
            + "{{#sorted(tags)}}{{.}}{{/sorted(tags)}}{{#sorted(nested)}}{{key}}{{/sorted(nested)}}{{#nope(items)}}?{{/nope(items)}}",
        "probe-partials": "{{>probe-row}}{{#items}}{{>probe-row}}{{/items}}{{<probe-frame}}{{$body}}{{title}}{{$inner}}{{/inner}}{{/body}}{{/probe-frame}}",
        "probe-row": "<{{name}}>\n",
        "probe-frame": "<main>{{$body}}默认{{/body}}{{$tail}}{{count}}{{/tail}}</main>",
    ]

    struct Probe: Encodable {
        let title = "承<诺>&\"栏'"
        let latin = "Ab Cd"
        let count = 3
        let zero = 0
        let ratio = 0.25
        let flag = true
        let off = false
        let blank = ""
        let missing: String? = nil
        let items = [FastPathTests.Inner(name: "一", count: 1), FastPathTests.Inner(name: "二", count: 2), FastPathTests.Inner(name: "三", count: 0)]
        let empty: [String] = []
        let tags = ["丙", "甲", "乙"]
        let numbers = [1.5, -0.0, 2]
        let grid = [["a", "b"], [], ["c"]]
        let nested = FastPathTests.Inner(name: "内", count: 9)
    }

    @Test(arguments: ["probe-leaves", "probe-sections", "probe-dots", "probe-transforms", "probe-partials"])
    func probeRendersAsFromThePlainTree(_ template: String) throws {
        let library = try Self.library(Self.probes)
        let tree = try TemplateValueEncoder.encode(Probe())
        let rendered = library.render(tree, template: template)
        #expect(rendered == Self.reference(library, tree, template))
        #expect(!rendered.isEmpty)
    }

    /// Printing a list or an object (no template of ours does) gives what the plain tree printed.
    @Test func listsAndObjectsPrintAsThePlainTree() throws {
        let library = try Self.library(["probe": "{{tags}}|{{grid}}|{{numbers}}|{{#items}}{{.}}{{/items}}"])
        let tree = try TemplateValueEncoder.encode(Probe())
        #expect(library.render(tree, template: "probe") == Self.reference(library, tree, "probe"))
        let single = try TemplateValueEncoder.encode(["only": ["k": "v"]])
        let one = try Self.library(["probe": "{{only}}"])
        #expect(one.render(single, template: "probe") == Self.reference(one, single, "probe"))
    }

    /// The template each page context of `ContextDigestTests.contexts` renders through; nil for the feeds.
    static func template(of name: String) -> String? {
        let kind = String(name.split(separator: " ")[0])
        switch kind {
        case "feed": return nil
        case "stats" where name != "stats": return "branch-stats"
        case "category": return "disclosures"
        default: return name.hasSuffix(" feed") ? nil : kind
        }
    }

    @Test func everyPageOfTheSampleSiteRendersAsFromThePlainTree() throws {
        let (model, stats, templates) = try ContextDigestTests.sampleSite()
        var rendered = 0
        for (name, context) in ContextDigestTests.contexts(model, stats: stats) {
            guard let template = Self.template(of: name) else { continue }
            let tree = try TemplateValueEncoder.encode(context)
            let page = templates.render(tree, template: template)
            #expect(page == Self.reference(templates, tree, template), "\(name)")
            #expect(page.contains("</html>"), "\(name) through \(template)")
            rendered += 1
        }
        #expect(rendered > 40)
    }
}
