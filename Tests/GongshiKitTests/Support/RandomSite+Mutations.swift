import Foundation

@testable import GongshiKit

extension RandomSite {
    /// Applies one random mutation; `fields` is the queue of field edits still to make this round. The records that
    /// depend on what changed are then brought back within the rules (`repairAll`).
    mutating func mutate(_ g: inout SeededGenerator, fields: inout [FieldTarget]) -> SiteMutation {
        let mutation = mutateOnce(&g, fields: &fields)
        repairAll()
        return mutation
    }

    mutating func mutateOnce(_ g: inout SeededGenerator, fields: inout [FieldTarget]) -> SiteMutation {
        let roll = g.int(0...99)
        switch roll {
        case 0..<38:
            if fields.isEmpty { fields = FieldTarget.round(&g) }
            return edit(fields.removeFirst(), &g)
        case 38..<44: return invalidValue(&g)
        case 44..<51: return add(g.pick([.branches, .promises, .promises, .disclosures, .disclosures, .examples, .pages]), &g)
        case 51..<56: return delete(g.pick(ContentKind.allCases), &g)
        case 56..<59: return rename(&g)
        case 59..<63: return move(&g)
        case 63..<70: return editTemplates(&g)
        case 70..<77: return moveAsOf(&g)
        case 77..<84: return typeNumber(&g)
        case 84..<87: return toggleWithheld(&g)
        case 87..<91: return editAttachment(&g)
        case 91..<94: return editImage(&g)
        case 94..<98: return sameSizeEdit(&g)
        default:
            let path = g.pick(records).path
            return SiteMutation(description: "touch \(path) (same bytes, new time)", touched: [path])
        }
    }

    // MARK: Fields

    mutating func edit(_ target: FieldTarget, _ g: inout SeededGenerator) -> SiteMutation {
        guard let kind = target.kind else {
            site[target.key] = siteValue(for: target.key, &g)
            return SiteMutation(description: "site.yaml: \(target.key) = \(site[target.key]?.flow ?? "(removed)")")
        }
        let candidates = records.indices.filter { records[$0].kind == kind }
        guard !candidates.isEmpty else { return add(kind, &g) }
        let index = g.pick(candidates)
        let path = records[index].path
        switch target.key {
        case "id": return changeID(index, &g)
        case "body":
            records[index].paragraphs = Self.paragraphs(&g)
            if g.chance(0.2), !ids(.pages).isEmpty { records[index].links = [g.pick(ids(.pages))] }
            if records[index].kind == .disclosures { records[index].paragraphs.append("（\(records[index].marker)）") }
            return SiteMutation(description: "\(path): new body")
        case "attachments": return editAttachment(&g, index: index)
        case "images": return editImage(&g, index: index)
        default:
            let root = String(target.key.prefix { $0 != "." })
            let value = value(for: target.key, of: records[index], &g)
            records[index].fields[root] = value
            repair(index)
            return SiteMutation(description: "\(path): \(target.key) → \(records[index].fields[root]?.flow ?? "(removed)")")
        }
    }

    /// Restores the cross-field rules the schema cannot express after an edit.
    mutating func repair(_ index: Int) {
        var r = records[index]
        switch r.kind {
        case .promises:
            if let published = SimpleDate.parse(r.fields["published"]?.text), case .map(var review)? = r.fields["review"],
                let i = review.firstIndex(where: { $0.key == "date" }), let date = SimpleDate.parse(review[i].value.text), date < published
            {
                review[i].value = .plain((published + 200).description)
                r.fields["review"] = .map(review)
            }
        case .disclosures:
            guard let published = SimpleDate.parse(r.fields["published"]?.text) else { break }
            var latest = published
            for key in ["approved", "reviewed"] {
                guard case .map(var signoff)? = r.fields[key], let i = signoff.firstIndex(where: { $0.key == "date" }),
                    let date = SimpleDate.parse(signoff[i].value.text)
                else { continue }
                if latest < date { signoff[i].value = .plain(latest.description) }
                latest = min(latest, date)
                r.fields[key] = .map(signoff)
            }
            if let until = SimpleDate.parse(r.fields["until"]?.text), until < published { r.fields["until"] = .plain(published.description) }
        default: break
        }
        records[index] = r
    }

    /// A new id; a branch's or page's referrers follow it (an invalid rename 10 % of the time leaves them behind).
    mutating func changeID(_ index: Int, _ g: inout SeededGenerator) -> SiteMutation {
        let old = records[index].id
        let kind = records[index].kind
        let new = freshID(String(old.prefix(2)), &g)
        records[index].fields["id"] = .plain(new)
        let follow = g.chance(0.9)
        if follow {
            for i in records.indices {
                for key in ["branch", "parent"] where kind == .branches && records[i].fields[key]?.text == old {
                    records[i].fields[key] = .plain(new)
                }
                if kind == .pages { records[i].links = records[i].links.map { $0 == old ? new : $0 } }
            }
        }
        return SiteMutation(description: "\(records[index].path): id \(old) → \(new)\(follow ? "" : " (references not updated)")")
    }

    /// A value the schema or the rules reject.
    mutating func invalidValue(_ g: inout SeededGenerator) -> SiteMutation {
        let kind = g.pick(ContentKind.allCases)
        let candidates = records.indices.filter { records[$0].kind == kind }
        if candidates.isEmpty || g.chance(0.1) {
            let (key, value) = g.pick([("base_url", YAMLValue.quoted("ftp:/dangjian")), ("title", .quoted("请填写站点名称")), ("holidays", .plain("元旦"))])
            site[key] = value
            return SiteMutation(description: "site.yaml: invalid \(key) = \(value.flow)", mustFail: true)
        }
        let index = g.pick(candidates)
        var choices: [(String, YAMLValue?)] = [("id", .plain("Da_Xie")), ("title", .quoted("请填写标题"))]
        switch kind {
        case .branches: choices += [("type", .plain("乱写")), ("members", .plain("-5")), ("established", .plain("2026-02-30")), ("name", nil)]
        case .promises:
            choices += [("year", .plain("1800")), ("role", .plain("群众")), ("promiser", nil), ("items", .list([]))]
            choices.append(("items", .list([.map([YAMLField(key: "text", value: .quoted("每月一次")), YAMLField(key: "status", value: .plain("已兑现"))])])))
        case .disclosures:
            choices += [("scope", .plain("内部")), ("published", .plain("2026-13-01")), ("category", .plain("不存在的类别")), ("branch", .plain("no-such-org"))]
        case .examples: choices += [("date", nil), ("service", .plain("服务自己")), ("people", .plain("张三"))]
        case .pages: choices += [("title", nil)]
        }
        let (key, value) = g.pick(choices.filter { $0.0 != "title" || records[index].fields["title"] != nil })
        records[index].fields[key] = value
        return SiteMutation(description: "\(records[index].path): invalid \(key) = \(value?.flow ?? "(removed)")", mustFail: true)
    }

    // MARK: Records

    /// A new record of `kind` under a random folder of its kind.
    mutating func add(_ kind: ContentKind, _ g: inout SeededGenerator) -> SiteMutation {
        let record = makeRecord(kind, &g)
        records.append(record)
        repair(records.count - 1)
        return SiteMutation(description: "add \(record.path)")
    }

    mutating func makeRecord(_ kind: ContentKind, _ g: inout SeededGenerator, parent: String? = nil) -> RandomRecord {
        let prefix = ["branches": "zz", "promises": "cn", "disclosures": "gk", "examples": "sl", "pages": "ym"][kind.rawValue]!
        let id = freshID(prefix, &g)
        let folder = "content/\(kind.rawValue)" + g.pick(["", "", "", "/2026", "/归档"])
        var record = RandomRecord(kind: kind, path: "\(folder)/\(id).md", marker: freshMarker(&g))
        record.fields["id"] = .plain(id)
        let keys = Self.editableKeys[kind]!.filter { !$0.contains(".") && !["id", "body", "attachments", "privacy", "images"].contains($0) }
        for key in keys {
            if key == "parent", let parent {
                record.fields["parent"] = .plain(parent)
            } else {
                record.fields[key] = value(for: key, of: record, &g)
            }
        }
        if g.chance(0.1) { record.fields["privacy"] = value(for: "privacy", of: record, &g) }
        record.paragraphs = Self.paragraphs(&g)
        if kind == .disclosures { record.paragraphs.append("（\(record.marker)）") }
        if g.chance(0.1), !ids(.pages).isEmpty { record.links = [g.pick(ids(.pages))] }
        if kind == .disclosures || kind == .examples, g.chance(0.2) {
            for _ in 0..<g.int(1...2) { addAttachment(to: &record, &g) }
        }
        if Self.imageKinds.contains(kind), g.chance(0.15) { record.images = [newImage(in: record.folder, id: id, &g)] }
        return record
    }

    /// Deletes a record; a branch's records and children move to another branch (10 % of the time they are left
    /// pointing at nothing, which the build must refuse).
    mutating func delete(_ kind: ContentKind, _ g: inout SeededGenerator) -> SiteMutation {
        let candidates = records.indices.filter { records[$0].kind == kind }
        guard candidates.count > 3 else { return add(kind, &g) }
        let index = g.pick(candidates)
        let wasPublished = isPublished(records[index])
        let record = records.remove(at: index)
        for entry in record.attachments { extraFiles["\(record.folder)/\(entry.file)"] = nil }
        var note = ""
        if kind == .branches, g.chance(0.9) {
            let heir = record.fields["parent"]?.text ?? g.pick(ids(.branches))
            for i in records.indices {
                for key in ["branch", "parent"] where records[i].fields[key]?.text == record.id {
                    records[i].fields[key] = records[i].id == heir ? nil : .plain(heir)
                }
            }
            note = " (its records move to \(heir))"
        }
        return SiteMutation(description: "delete \(record.path)\(wasPublished ? "" : " (withheld)")\(note)")
    }

    /// A new file name in the same folder.
    mutating func rename(_ g: inout SeededGenerator) -> SiteMutation {
        let index = g.int(0...records.count - 1)
        let old = records[index].path
        serial += 1
        let name = g.pick(["\(records[index].id)-\(serial)", "通知\(serial)", "\(g.letters(3))\(serial)"])
        records[index].path = "\(records[index].folder)/\(name).md"
        return SiteMutation(description: "rename \(old) → \(records[index].path)")
    }

    /// Moves a record (with its attachments) to another folder of its kind.
    mutating func move(_ g: inout SeededGenerator) -> SiteMutation {
        let index = g.int(0...records.count - 1)
        let record = records[index]
        let base = "content/\(record.kind.rawValue)"
        let folder = g.pick([base, "\(base)/2025", "\(base)/2026/上半年", "\(base)/归档"].filter { $0 != record.folder })
        records[index].path = "\(folder)/\((record.path as NSString).lastPathComponent)"
        // Forgetting the attachments is a mistake the build must catch (checked only for published records).
        let carry = !isPublished(record) || g.chance(0.9)
        for entry in record.attachments {
            let data = extraFiles.removeValue(forKey: "\(record.folder)/\(entry.file)")
            extraFiles["\(carry ? folder : record.folder)/\(entry.file)"] = data
        }
        // Photos always go with it (a missing photo is the image stage's error to test, not this generator's).
        for file in Self.imageFiles(of: record) {
            if let data = extraFiles.removeValue(forKey: "\(record.folder)/\(file)") { extraFiles["\(folder)/\(file)"] = data }
        }
        return SiteMutation(description: "move \(record.path) → \(records[index].path)\(carry || record.attachments.isEmpty ? "" : " without its attachments")")
    }

    /// Turns a published disclosure 党内公开 (or takes its approval away), or publishes a withheld one.
    mutating func toggleWithheld(_ g: inout SeededGenerator) -> SiteMutation {
        let disclosures = records.indices.filter { records[$0].kind == .disclosures }
        let index = g.pick(disclosures)
        let path = records[index].path
        if isPublished(records[index]) {
            if g.chance(0.7) {
                records[index].fields["scope"] = .plain("党内公开")
                return SiteMutation(description: "\(path): turns 党内公开")
            }
            records[index].fields["approved"] = nil
            return SiteMutation(description: "\(path): approval withdrawn")
        }
        records[index].fields["scope"] = .plain("社会公开")
        for key in ["reviewed", "approved"] where records[index].fields[key] == nil {
            records[index].fields[key] = value(for: "\(key).by", of: records[index], &g)
        }
        if let published = SimpleDate.parse(records[index].fields["published"]?.text), asOf < published {
            records[index].fields["published"] = .plain(asOf.description)
        }
        repair(index)
        return SiteMutation(description: "\(path): published (社会公开, reviewed and approved)")
    }

    /// Swaps the place name in a title (two characters for two): same size; the file keeps its old time.
    mutating func sameSizeEdit(_ g: inout SeededGenerator) -> SiteMutation {
        for _ in 0..<20 {
            let index = g.int(0...records.count - 1)
            let key = records[index].kind == .branches ? "name" : "title"
            guard let text = records[index].fields[key]?.text, let place = Self.places.first(where: { text.contains($0) }) else { continue }
            let other = g.pick(Self.places.filter { $0 != place })
            records[index].fields[key] = .quoted(text.replacingOccurrences(of: place, with: other))
            let path = records[index].path
            return SiteMutation(description: "\(path): \(key) \(place) → \(other), same size, old modification time kept", keepTimes: [path])
        }
        return moveAsOf(&g)
    }

    // MARK: Personal numbers

    /// Types a personal number into a body, or removes one that was typed.
    mutating func typeNumber(_ g: inout SeededGenerator) -> SiteMutation {
        let holders = records.indices.filter { !records[$0].numbers.isEmpty }
        if !holders.isEmpty, g.chance(0.45) {
            let index = g.pick(holders)
            let number = records[index].numbers.remove(at: g.int(0...records[index].numbers.count - 1))
            return SiteMutation(description: "\(records[index].path): \(number.kind.rawValue) \(number.typed) removed from the body")
        }
        let index = g.int(0...records.count - 1)
        let roll = g.int(0...99)
        let number = roll < 60 ? Self.mobile(&g) : roll < 85 ? Self.idCard(&g) : Self.bankCard(&g)
        records[index].numbers.append(number)
        return SiteMutation(description: "\(records[index].path): \(number.kind.rawValue) \(number.typed) typed into the body")
    }

    // MARK: Date

    /// A new as-of date: anywhere in range, or on (or beside) a due, until or publication date so that 逾期, 公示中
    /// and publication flip.
    mutating func moveAsOf(_ g: inout SeededGenerator) -> SiteMutation {
        let old = asOf
        var dates: [SimpleDate] = []
        for record in records {
            for key in ["until", "published"] { if let d = SimpleDate.parse(record.fields[key]?.text) { dates.append(d) } }
            for item in record.fields["items"]?.items ?? [] { if let d = SimpleDate.parse(item["due"]?.text) { dates.append(d) } }
        }
        let latest = SimpleDate(2026, 11, 30)
        if g.chance(0.6), !dates.isEmpty {
            asOf = min(latest, max(SimpleDate(2025, 9, 1), g.pick(dates) + g.int(-1...1)))
        } else {
            asOf = Self.date(&g, from: SimpleDate(2025, 9, 1), to: latest)
        }
        return SiteMutation(description: "as-of \(old) → \(asOf)")
    }
}
