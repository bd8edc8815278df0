import Foundation
import Testing

@testable import GongshiKit

/// The streaming cache key must be the key of the page's template tree: the same for contexts that give the same tree,
/// whatever order a dictionary lists its keys in, and different whenever the tree, and so the page, differs.
@Suite("Streaming cache keys")
struct ContextDigestTests {
    struct Row: Encodable, Sendable {
        var name: String
        var tags: [String]
    }

    struct Page: Encodable, Sendable {
        var title = "承诺栏"
        var count = 3
        var flag = true
        var ratio = 0.5
        var rows = [Row(name: "一", tags: ["a", "b"]), Row(name: "二", tags: [])]
        var note: String? = "备注"
        var extras = ["x": 1, "y": 2]
    }

    /// `Page` with `title` spelled `heading`.
    struct RenamedPage: Encodable, Sendable {
        var heading = "承诺栏"
        var count = 3
        var flag = true
        var ratio = 0.5
        var rows = [Row(name: "一", tags: ["a", "b"]), Row(name: "二", tags: [])]
        var note: String? = "备注"
        var extras = ["x": 1, "y": 2]
    }

    /// The streamed key; fails (rather than falling back to the tree) when the value cannot be streamed.
    static func key(_ value: some Encodable) throws -> String {
        SHA256.hex(try ContextDigest.canonicalBytes(of: value))
    }

    /// The bytes of the tree the page is rendered from.
    static func treeBytes(_ value: some Encodable) throws -> [UInt8] {
        TemplateValue.canonicalBytes(try TemplateValueEncoder.encode(value))
    }

    // MARK: - Keys

    @Test func dictionariesGiveTheSameKeyWhateverTheirOrder() throws {
        struct Context: Encodable {
            let counts: [String: Int]
            let rows: [String: Row]
            let title: String
        }
        var random = SyntheticCorpus.Random(seed: 20_261_123)
        let names = (0..<40).map { "键\($0)" } + ["a", "b", "ab", ""]
        var variants: [[String: Int]] = []
        for (capacity, order) in [
            (0, names), (0, names.reversed()), (500, names), (64, names.shuffled(using: &random)), (3000, names.shuffled(using: &random)),
        ] {
            var counts = [String: Int](minimumCapacity: capacity)
            for name in order { counts[name] = name.utf8.count }
            variants.append(counts)
        }
        try #require(Set(variants.map { Array($0.keys) }).count > 1, "the dictionaries should list their keys in different orders")
        let contexts = variants.map { counts in
            Context(counts: counts, rows: counts.mapValues { Row(name: "\($0)", tags: ["t"]) }, title: "标题")
        }
        let keys = try contexts.map { try Self.key($0) }
        #expect(Set(keys).count == 1)
        for context in contexts { #expect(try ContextDigest.canonicalBytes(of: context) == Self.treeBytes(context)) }
    }

    @Test func everyChangeOfTheTreeChangesTheKey() throws {
        let base = Page()
        var changes: [(String, Page)] = []
        func change(_ name: String, _ edit: (inout Page) -> Void) {
            var page = base
            edit(&page)
            changes.append((name, page))
        }
        change("string") { $0.title = "承诺榜" }
        change("int") { $0.count = 4 }
        change("bool") { $0.flag = false }
        change("double") { $0.ratio = 0.25 }
        change("nested string") { $0.rows[1].name = "三" }
        change("nested array element") { $0.rows[0].tags[1] = "c" }
        change("array element added") { $0.rows[1].tags.append("") }
        change("optional becomes nil") { $0.note = nil }
        change("optional becomes empty") { $0.note = "" }
        change("dictionary value") { $0.extras["y"] = 3 }
        change("dictionary key renamed") { $0.extras = ["x": 1, "z": 2] }
        change("dictionary key removed") { $0.extras = ["x": 1] }
        change("rows swapped") { $0.rows.reverse() }
        let keys = try [Self.key(base), Self.key(RenamedPage())] + changes.map { try Self.key($0.1) }
        #expect(Set(keys).count == keys.count, "every change should give a key of its own")
        for (name, page) in changes {
            #expect(try Self.key(page) != Self.key(base), "\(name)")
            #expect(try ContextDigest.canonicalBytes(of: page) == Self.treeBytes(page), "\(name)")
        }
    }

    @Test func stringsCannotImitateStructureAndEmptyIsNotAbsent() throws {
        struct Optional1: Encodable { let note: String? }
        #expect(try Self.key(["a", "b"]) != Self.key(["ab"]))
        #expect(try Self.key([["a"], ["b"]]) != Self.key([["a", "b"]]))
        #expect(try Self.key([""]) != Self.key([String]()))
        #expect(try Self.key(["a": "b"]) != Self.key(["ab": ""]))
        #expect(try Self.key(Optional1(note: "")) != Self.key(Optional1(note: nil)))
        #expect(try Self.key(Optional1(note: nil)) == Self.key([String: String]()), "a nil optional leaves its key out, as in the tree")
        #expect(try Self.key(["1"]) != Self.key([1]))
        #expect(try Self.key([true]) != Self.key([1]))
        #expect(try Self.key([1.0]) != Self.key([1]))
        #expect(try Self.key([0.0]) != Self.key([-0.0]))
    }

    @Test func numbersAreWrittenAsTheirDescription() {
        for value in [0, 1, -1, 9, 10, -10, 99, 100, 12_345, Int.max, Int.min, Int.min + 1] {
            var bytes: [UInt8] = []
            TemplateLeaf.int(value).append(to: &bytes)
            #expect(bytes == Array("I\(value);".utf8))
        }
        for value in [0.0, -0.0, 0.5, 1e300, .infinity, .nan] {
            var bytes: [UInt8] = []
            TemplateLeaf.double(value).append(to: &bytes)
            #expect(bytes == Array("D\(value.bitPattern);".utf8))
        }
        var bytes: [UInt8] = []
        TemplateLeaf.string("党务").append(to: &bytes)
        #expect(bytes == Array("S6:党务".utf8))
    }

    // MARK: - The tree's bytes

    /// A key that is any string.
    struct AnyKey: CodingKey {
        let stringValue: String
        init(_ string: String) { stringValue = string }
        init?(stringValue: String) { self.stringValue = stringValue }
        var intValue: Int? { nil }
        init?(intValue: Int) { nil }
    }

    /// A random value that encodes itself through every kind of container and its odd uses: nested containers, super
    /// encoders, keys written twice, `nil`s, several containers asked of one encoder.
    indirect enum Shape: Encodable {
        case string(String), int(Int), bool(Bool), double(Double)
        /// `encodeIfPresent(nil)` under a key (left out), `encodeNil()` elsewhere.
        case absent
        /// `encode(nil as String?)`: a key the tree keeps, with an empty node.
        case explicitNil
        case keyed([(key: String, value: Shape, how: Int)])
        case unkeyed([(value: Shape, how: Int)])
        /// Through a single value container.
        case wrapped(Shape)
        /// Each part encoded into the same encoder.
        case mixed([Shape])

        static let keys = ["a", "b", "ab", "", "Z", "键", "é", "e\u{301}", "a\u{0}"]
        static let strings = ["", "a", "ab", "S1:a", "{", "]", "党务", "e\u{301}"]
        static let ints = [0, 1, -1, 42, Int.min, Int.max]
        static let doubles = [0.0, -0.0, 0.5, 1e300, -.infinity]

        static func random(depth: Int, using generator: inout SyntheticCorpus.Random) -> Shape {
            let pick = Int.random(in: 0..<(depth == 0 ? 6 : 10), using: &generator)
            switch pick {
            case 0: return .string(strings.randomElement(using: &generator)!)
            case 1: return .int(ints.randomElement(using: &generator)!)
            case 2: return .bool(Bool.random(using: &generator))
            case 3: return .double(doubles.randomElement(using: &generator)!)
            case 4: return .absent
            case 5: return .explicitNil
            case 6, 7:
                return .keyed(
                    (0..<Int.random(in: 0...5, using: &generator)).map { _ in
                        (keys.randomElement(using: &generator)!, random(depth: depth - 1, using: &generator), Int.random(in: 0..<12, using: &generator))
                    })
            case 8:
                return .unkeyed(
                    (0..<Int.random(in: 0...4, using: &generator)).map { _ in
                        (random(depth: depth - 1, using: &generator), Int.random(in: 0..<12, using: &generator))
                    })
            default:
                return Bool.random(using: &generator)
                    ? .wrapped(random(depth: depth - 1, using: &generator))
                    : .mixed((0..<Int.random(in: 1...3, using: &generator)).map { _ in random(depth: depth - 1, using: &generator) })
            }
        }

        func encode(to encoder: any Encoder) throws {
            switch self {
            case .string(let string):
                var container = encoder.singleValueContainer()
                try container.encode(string)
            case .int(let int):
                var container = encoder.singleValueContainer()
                try container.encode(int)
            case .bool(let bool):
                var container = encoder.singleValueContainer()
                try container.encode(bool)
            case .double(let double):
                var container = encoder.singleValueContainer()
                try container.encode(double)
            case .absent:
                var container = encoder.singleValueContainer()
                try container.encodeNil()
            case .explicitNil: try String?.none.encode(to: encoder)
            case .keyed(let entries):
                var container = encoder.container(keyedBy: AnyKey.self)
                try Self.write(entries, into: &container)
            case .unkeyed(let elements):
                var container = encoder.unkeyedContainer()
                try Self.write(elements, into: &container)
            case .wrapped(let inner):
                var container = encoder.singleValueContainer()
                try container.encode(inner)
            case .mixed(let parts):
                for part in parts { try part.encode(to: encoder) }
            }
        }

        static func write(_ entries: [(key: String, value: Shape, how: Int)], into container: inout KeyedEncodingContainer<AnyKey>) throws {
            for (name, value, how) in entries {
                let key = AnyKey(name)
                switch (how, value) {
                case (_, .absent): try container.encodeIfPresent(String?.none, forKey: key)
                case (_, .explicitNil): try container.encode(String?.none, forKey: key)
                case (1, .keyed(let inner)):
                    var nested = container.nestedContainer(keyedBy: AnyKey.self, forKey: key)
                    try write(inner, into: &nested)
                case (1, .unkeyed(let inner)):
                    var nested = container.nestedUnkeyedContainer(forKey: key)
                    try write(inner, into: &nested)
                case (2, _): try value.encode(to: container.superEncoder(forKey: key))
                case (3, _):
                    try container.encode(Shape.string("overwritten"), forKey: key)
                    try container.encode(value, forKey: key)
                case (4, _):
                    try container.encodeNil(forKey: key)
                    try container.encode(value, forKey: key)
                case (5, .keyed(let inner)):
                    // Into this node, beside the other keys.
                    var merged = container.superEncoder().container(keyedBy: AnyKey.self)
                    try write(inner, into: &merged)
                case (6, _): try container.encode(Optional(value), forKey: key)
                case (7, _):
                    // A nested container left open while later keys are written, as synthesized enum cases do.
                    var nested = container.nestedContainer(keyedBy: AnyKey.self, forKey: key)
                    try nested.encode(value, forKey: AnyKey("_0"))
                default: try container.encode(value, forKey: key)
                }
            }
        }

        static func write(_ elements: [(value: Shape, how: Int)], into container: inout any UnkeyedEncodingContainer) throws {
            for (value, how) in elements {
                switch (how, value) {
                case (_, .absent): try container.encodeNil()
                case (1, .keyed(let inner)):
                    var nested = container.nestedContainer(keyedBy: AnyKey.self)
                    try write(inner, into: &nested)
                case (1, .unkeyed(let inner)):
                    var nested = container.nestedUnkeyedContainer()
                    try write(inner, into: &nested)
                case (2, _): try value.encode(to: container.superEncoder())
                case (3, _): try container.encode(Optional(value))
                case (4, _):
                    let count = container.count
                    try container.encode(count)
                    try container.encode(value)
                default: try container.encode(value)
                }
            }
        }
    }

    @Test func randomValuesStreamTheBytesOfTheirTree() throws {
        var random = SyntheticCorpus.Random(seed: 20_261_124)
        var rewritten = 0
        for _ in 0..<3000 {
            let shape = Shape.random(depth: 4, using: &random)
            let streamed = try ContextDigest.canonicalBytes(of: shape)
            #expect(streamed == (try Self.treeBytes(shape)), "\(shape)")
            if case .keyed(let entries) = shape, entries.count > 1 { rewritten += 1 }
        }
        #expect(rewritten > 300, "many values should be keyed containers to sort (\(rewritten) were)")
    }

    @Test func containersOfEveryKindStreamTheBytesOfTheirTree() throws {
        struct Odd: Encodable {
            func encode(to encoder: any Encoder) throws {
                var container = encoder.container(keyedBy: AnyKey.self)
                try container.encode(1, forKey: AnyKey("z"))
                var list = container.nestedUnkeyedContainer(forKey: AnyKey("list"))
                var item = list.nestedContainer(keyedBy: AnyKey.self)
                try item.encode("x", forKey: AnyKey("b"))
                try item.encode("y", forKey: AnyKey("a"))
                var inner = list.nestedUnkeyedContainer()
                try inner.encodeNil()
                try inner.encode(2.5)
                let count = list.count
                try list.encode(count)
                try "super".encode(to: list.superEncoder())
                try container.encode(FastPathTests.sample, forKey: AnyKey("sample"))
                try container.encode(Day("2026-11-21")!, forKey: AnyKey("day"))
                var single = container.superEncoder(forKey: AnyKey("single")).singleValueContainer()
                try single.encode(true)
                try container.encode(String?.none, forKey: AnyKey("explicit"))
                try container.encodeIfPresent(String?.none, forKey: AnyKey("absent"))
                try container.encode("first", forKey: AnyKey("z"))
            }
        }
        let streamed = try ContextDigest.canonicalBytes(of: Odd())
        #expect(streamed == (try Self.treeBytes(Odd())))
        let text = String(decoding: streamed, as: UTF8.self)
        #expect(text.hasPrefix("{S3:dayS10:2026-11-21S8:explicit{}S4:list[{S1:aS1:yS1:bS1:x}[{}D"), "\(text)")
        #expect(text.hasSuffix("S1:zS5:first}") && !text.contains("absent"), "\(text)")
        // Leaves and lists at the root, as `TemplateValueEncoder.encode` takes them.
        for value in ["a", "", "键"] { #expect(try ContextDigest.canonicalBytes(of: value) == Self.treeBytes(value)) }
        #expect(try ContextDigest.canonicalBytes(of: [1, 2]) == Self.treeBytes([1, 2]))
        #expect(try ContextDigest.canonicalBytes(of: String?.none) == Self.treeBytes(String?.none))
    }

    /// A container written after a later sibling began cannot be streamed; the key then comes from the tree.
    @Test func containersWrittenOutOfOrderFallBackToTheTree() throws {
        struct Interleaved: Encodable {
            func encode(to encoder: any Encoder) throws {
                var container = encoder.container(keyedBy: AnyKey.self)
                var first = container.nestedContainer(keyedBy: AnyKey.self, forKey: AnyKey("first"))
                var second = container.nestedUnkeyedContainer(forKey: AnyKey("second"))
                try second.encode(1)
                try first.encode("late", forKey: AnyKey("x"))
                try container.encode("after", forKey: AnyKey("z"))
            }
        }
        #expect(throws: ContextDigest.Unordered.self) { try ContextDigest.canonicalBytes(of: Interleaved()) }
        var streamed = SHA256()
        ContextDigest.digest(Interleaved(), into: &streamed)
        var tree = SHA256()
        TemplateValue.digest(try TemplateValueEncoder.encode(Interleaved()), into: &tree)
        #expect(streamed.finalizeHex() == tree.finalizeHex())
        #expect(String(decoding: try Self.treeBytes(Interleaved()), as: UTF8.self).contains("late"), "the tree kept the late write")
    }

    // MARK: - The sample site

    /// The sample site's model, loaded afresh from disk.
    static func sampleSite() throws -> (SiteModel, Statistics, TemplateLibrary) {
        let output = FileManager.default.temporaryDirectory.appendingPathComponent("gongshi-keys-\(UUID().uuidString)")
        let (model, templates, diagnostics) = SiteBuilder.check(BuildOptions(sourceDirectory: TestSite.repoRoot, outputDirectory: output, asOf: TestSite.asOf))
        #expect(diagnostics.errorCount == 0, "\(diagnostics)")
        let site = try #require(model)
        return (site, StatisticsCalculator.calculate(site), try #require(templates))
    }

    /// The context of every templated page and feed, as `PageRenderer.plan` makes them.
    static func contexts(_ model: SiteModel, stats: Statistics) -> [(String, any Encodable & Sendable)] {
        let statsPages = StatsPages(model: model, stats: stats)
        let feeds = FeedMaker(model: model)
        var contexts: [(String, any Encodable & Sendable)] = [
            ("home", HomeContext(model: model, stats: stats)), ("branches", BranchIndexContext(model: model)),
            ("promises", PromiseBoardContext(model: model, branch: nil)), ("disclosures", DisclosureIndexContext(model: model, category: nil)),
            ("examples", ExampleIndexContext(model: model)), ("stats", statsPages.site), ("404", NotFoundContext(model: model)),
            ("search", SearchContext(model: model)), ("definitions", DefinitionsContext(model: model, tables: statsPages.site.tables)),
            ("disclosure feed", feeds.disclosures()), ("example feed", feeds.examples()),
        ]
        for branch in model.branches {
            contexts += [
                ("branch \(branch.id)", BranchContext(model: model, branch: branch)), ("poster \(branch.id)", PosterContext(model: model, branch: branch)),
                ("feed \(branch.id)", feeds.branch(branch)),
            ]
        }
        contexts += statsPages.branches.map { ("stats \($0.id)", $0.context) }
        contexts += Set(model.promises.map(\.branch)).sorted().map { ("promises \($0)", PromiseBoardContext(model: model, branch: $0)) }
        contexts += model.promises.map { ("promise \($0.id)", PromiseContext(model: model, letter: $0)) }
        contexts += model.config.allCategories.map { ("category \($0)", DisclosureIndexContext(model: model, category: $0)) }
        contexts += model.disclosures.map { ("disclosure \($0.id)", DisclosureContext(model: model, item: $0)) }
        contexts += model.examples.map { ("example \($0.id)", ExampleContext(model: model, example: $0)) }
        contexts += model.pages.map { ("page \($0.id)", FreePageContext(model: model, page: $0)) }
        return contexts
    }

    @Test func everyPageOfTheSampleSiteStreamsTheBytesOfItsTree() throws {
        let (model, stats, templates) = try Self.sampleSite()
        let contexts = Self.contexts(model, stats: stats)
        #expect(contexts.count == PageRenderer(templates: templates).plan(model, stats: stats, previous: nil).jobs.count, "one context per page job")
        let (again, againStats, _) = try Self.sampleSite()
        let contextsAgain = Self.contexts(again, stats: againStats)
        try #require(contexts.count == contextsAgain.count)
        var types = Set<String>()
        for ((name, context), (_, contextAgain)) in zip(contexts, contextsAgain) {
            types.insert("\(type(of: context))")
            let streamed = try ContextDigest.canonicalBytes(of: context)
            #expect(streamed == (try Self.treeBytes(context)), "\(name)")
            #expect(streamed == (try ContextDigest.canonicalBytes(of: contextAgain)), "\(name) keyed differently when made again")
        }
        #expect(types.count >= 17, "every kind of page: \(types.sorted())")
    }

    @Test func aSecondPlanOfTheSampleSiteReusesEveryPage() throws {
        let (model, stats, templates) = try Self.sampleSite()
        let first = PageRenderer(templates: templates).plan(model, stats: stats, previous: nil)
        let pages = first.jobs.map(\.path)
        let keys = first.materialized().keys
        let (again, againStats, _) = try Self.sampleSite()
        let second = PageRenderer(templates: templates).plan(again, stats: againStats, previous: keys).materialized()
        #expect(second.keys == keys)
        #expect(Set(pages).isSubset(of: Set(second.reused)), "\(Set(pages).subtracting(second.reused).sorted())")
        #expect(pages.count > 40)
    }
}
