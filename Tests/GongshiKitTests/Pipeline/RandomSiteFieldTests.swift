import Foundation
import Testing

@testable import GongshiKit

/// The random sites of `RandomIncrementalTests` really carry the fields of issue 15, within the rules: a generator
/// that never wrote a `follows` (or always wrote one the rules refuse) would leave that code path untested.
@Suite("Random sites and the 践诺 and procedure fields")
struct RandomSiteFieldTests {
    @Test func randomSequencesWriteEveryNewFieldWithinTheRules() {
        var seen: [String: Int] = [:]
        for seed in [7, 8, 9] { Self.walk(seed: UInt64(seed), steps: 300, seen: &seen) }
        for key in ["registered", "proposed", "topic", "outcome", "follows", "approved.org", "target", "progress", "notice_rules", "stale_days"] {
            #expect(seen[key, default: 0] > 0, "no random site had \(key)")
        }
    }

    /// Counts in `seen` the records and settings that carry each new field over `steps` mutations, checking the
    /// rules the generator keeps after each.
    static func walk(seed: UInt64, steps: Int, seen: inout [String: Int]) {
        var g = SeededGenerator(seed: seed)
        var site = RandomSite.generate(organisations: 30, &g)
        var queue: [FieldTarget] = []
        for _ in 0..<steps {
            let before = site
            let mutation = site.mutate(&g, fields: &queue)
            if mutation.mustFail { site = before }
            for record in site.records {
                for key in ["registered", "proposed", "topic", "outcome", "follows"] where record.fields[key] != nil { seen[key, default: 0] += 1 }
                if record.fields["approved"]?["org"] != nil { seen["approved.org", default: 0] += 1 }
                for item in record.fields["items"]?.items ?? [] {
                    if item["target"] != nil { seen["target", default: 0] += 1 }
                    if !(item["progress"]?.items ?? []).isEmpty { seen["progress", default: 0] += 1 }
                }
            }
            for key in ["notice_rules", "stale_days", "outcome_due_days", "topics", "procedure"] where site.site[key] != nil { seen[key, default: 0] += 1 }
            // The rules the generator keeps: records within the letter and the as-of date, links only to published,
            // earlier items.
            for record in site.records(.promises) {
                let published = SimpleDate.parse(record.fields["published"]?.text)!
                for item in record.fields["items"]?.items ?? [] {
                    for entry in item["progress"]?.items ?? [] {
                        let date = SimpleDate.parse(entry["date"]?.text)!
                        #expect(published <= date && date <= site.asOf, "\(record.path): \(entry.flow)")
                        #expect(entry["count"] == nil || item["target"] != nil, "\(record.path): a count without a target")
                    }
                }
            }
            for record in site.records(.disclosures) {
                guard let target = record.fields["follows"]?.text else { continue }
                #expect(site.records.contains { $0.id == target && site.isPublished($0) }, "\(record.path) follows \(target)")
            }
        }
    }
}
