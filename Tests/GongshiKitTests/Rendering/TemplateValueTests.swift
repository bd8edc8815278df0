import Foundation
import Mustache
import Testing

@testable import GongshiKit

/// Pages render from typed `TemplateValue` trees through gongshi's renderer exactly as swift-mustache rendered the
/// `[String: Any]` trees before (the reference: the plain tree through swift-mustache 2.1.1).
@Suite("Typed template values and the renderer")
struct TemplateValueTests {
    /// A library of `templates` (name → text) beside empty required templates, and swift-mustache's of the same.
    struct Pair {
        let library: TemplateLibrary
        let reference: MustacheLibrary

        init(_ templates: [String: String]) throws {
            var all = Dictionary(uniqueKeysWithValues: TemplateLibrary.required.map { ($0, "") })
            all.merge(templates) { $1 }
            library = try #require(TemplateLibrary.make(from: TemplateSource(templates: all, assets: [:])).0)
            var reference = MustacheLibrary()
            for (name, text) in all { try reference.register(text, named: name) }
            self.reference = reference
        }

        /// Both renderings of `value` through `template`.
        func render(_ value: TemplateValue, _ template: String) -> (String, String) {
            (library.render(value, template: template), reference.render(value.plain, withTemplate: template) ?? "")
        }
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
        let (rendered, reference) = try Pair(Self.probes).render(try TemplateValueEncoder.encode(Probe()), template)
        #expect(rendered == reference)
        #expect(!rendered.isEmpty)
    }

    /// Printing a list or an object (no template of ours does) gives what the plain tree printed.
    @Test func listsAndObjectsPrintAsThePlainTree() throws {
        let lists = try Pair(["probe": "{{tags}}|{{grid}}|{{numbers}}"]).render(try TemplateValueEncoder.encode(Probe()), "probe")
        #expect(lists.0 == lists.1)
        let object = try Pair(["probe": "{{only}}"]).render(try TemplateValueEncoder.encode(["only": ["k": "v"]]), "probe")
        #expect(object.0 == object.1)
    }

    /// The template each page context of `SampleContexts.contexts` renders through; nil for the feeds.
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
        let (model, stats, _) = try SampleContexts.sampleSite()
        guard case .success(let source) = TemplateSource.read(from: TestSite.repoRoot.appendingPathComponent("templates"), label: "templates") else {
            Issue.record("the sample site's templates should load")
            return
        }
        let pair = try Pair(source.templates)
        var rendered = 0
        for (name, context) in SampleContexts.contexts(model, stats: stats) {
            guard let template = Self.template(of: name) else { continue }
            let (page, reference) = pair.render(try TemplateValueEncoder.encode(context), template)
            #expect(page == reference, "\(name)")
            #expect(page.contains("</html>"), "\(name) through \(template)")
            rendered += 1
        }
        #expect(rendered > 40)
    }

    /// Field values are escaped as swift-mustache escaped them, and a quote or bracket followed by a
    /// combining mark escaped too (swift-mustache compared characters, so `"` + U+0301 passed through unescaped
    /// and could end an attribute).
    @Test func escapingIsByteByByte() throws {
        let pair = try Pair(["probe": "<a title=\"{{text}}\">{{text}}</a>{{{text}}}"])
        let plain = pair.render(.object(["text": .string("甲&乙 <丙> \"丁\" '戊'")]), "probe")
        #expect(plain.0 == plain.1)
        #expect(plain.0 == "<a title=\"甲&amp;乙 &lt;丙&gt; &quot;丁&quot; &#39;戊&#39;\">甲&amp;乙 &lt;丙&gt; &quot;丁&quot; &#39;戊&#39;</a>甲&乙 <丙> \"丁\" '戊'")
        let marked = pair.library.render(.object(["text": .string("x\"\u{301} onmouseover=y <\u{301}")]), template: "probe")
        #expect(marked.hasPrefix("<a title=\"x&quot;\u{301} onmouseover=y &lt;\u{301}\">"), "\(marked)")
    }

    /// A template the parser reads differently from swift-mustache would render differently: templates of every
    /// construct the themes use, as users might vary them (standalone lines, indentation, CRLF, delimiters).
    @Test(arguments: [
        "a\n  {{#flag}}\n  in\n  {{/flag}}\nb", "a\r\n{{#items}}\r\n- {{name}}\r\n{{/items}}\r\nb", "  {{! note }}\n{{title}}\n",
        "x\n  {{>probe-row}}\ny", "<ul>\n  {{#items}}\n    {{>probe-row}}\n  {{/items}}\n</ul>", "{{=<% %>=}}<% title %>\n  <%={{ }}=%>\n{{count}}",
        "{{<probe-frame}}\n{{$body}}\n  体\n  {{title}}\n{{/body}}\n{{/probe-frame}}\n", "  {{$solo}}\n  默认\n  {{/solo}}\n",
        "{{#nested}}{{#items}}{{name}}{{/items}}{{/nested}}", "{{%CONTENT_TYPE:TEXT}}{{title}}", "\t{{^off}}\t\n否\n\t{{/off}}\t\n",
        "{{title}} {{> probe-row }}z",
    ])
    func templateVariantsRenderAsSwiftMustache(_ text: String) throws {
        let (rendered, reference) = try Pair(Self.probes.merging(["variant": text]) { $1 }).render(try TemplateValueEncoder.encode(Probe()), "variant")
        #expect(rendered == reference)
    }
}
