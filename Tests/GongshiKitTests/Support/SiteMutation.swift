import Foundation

@testable import GongshiKit

/// One random change to the site, described so a failure can be replayed and read.
struct SiteMutation: CustomStringConvertible {
    var description: String
    /// An invalid value was written on purpose: the build must refuse it.
    var mustFail = false
    /// Files rewritten with their previous modification time (a copy or sync that keeps times).
    var keepTimes: Set<String> = []
    /// Files rewritten with the same bytes (only their times change).
    var touched: Set<String> = []
}

/// A field to edit: a record kind's key, or a `site.yaml` key (`kind == nil`).
struct FieldTarget: CustomStringConvertible {
    var kind: ContentKind?
    var key: String
    var description: String { "\(kind?.rawValue ?? "site.yaml").\(key)" }

    /// Every editable field of every kind and of `site.yaml`, in a seeded order (each taken once per round).
    static func round(_ g: inout SeededGenerator) -> [FieldTarget] {
        var all = RandomSite.siteKeys.map { FieldTarget(kind: nil, key: $0) }
        for kind in ContentKind.allCases { all += RandomSite.editableKeys[kind, default: []].map { FieldTarget(kind: kind, key: $0) } }
        return all.shuffled(using: &g)
    }
}
