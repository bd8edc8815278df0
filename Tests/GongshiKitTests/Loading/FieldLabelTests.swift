import Foundation
import Testing

@testable import GongshiKit

/// Every field of every kind has a Chinese label (the studio's forms are made from the schema, so a new field
/// without one would show its English key to a secretary).
@Suite struct FieldLabelTests {
    /// Every key path of `rules`, without list indices; keys of a `keyedBy` mapping are the allowed words themselves.
    static func paths(_ rules: [FieldRule], prefix: [String] = []) -> [[String]] {
        rules.flatMap { rule -> [[String]] in
            let path = prefix + [rule.key]
            return [path] + nested(rule.value, path)
        }
    }

    static func nested(_ value: ValueRule, _ path: [String]) -> [[String]] {
        switch value {
        case .mapping(let rules): return paths(rules, prefix: path)
        case .list(let element, _): return nested(element, path)
        default: return []
        }
    }

    @Test(arguments: ContentKind.allCases)
    func everyFieldHasALabel(kind: ContentKind) {
        let paths = Self.paths(kind.rules(categories: BuiltinCategory.all))
        #expect(paths.count >= 3)
        let unlabelled = paths.filter { FieldLabels.label($0) == nil }.map { $0.joined(separator: ".") }
        #expect(unlabelled == [])
    }

    @Test func aPathLabelOverridesTheKeysLabel() {
        #expect(FieldLabels.label(["items", "progress", "date"]) == "践诺日期")
        #expect(FieldLabels.label(["published"]) == "公开日期")
        #expect(FieldLabels.label(["date"]) == "日期")
        #expect(FieldLabels.label(["no_such_field"]) == nil)
    }
}
