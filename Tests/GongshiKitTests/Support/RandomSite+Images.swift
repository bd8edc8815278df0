import Foundation

@testable import GongshiKit

/// Photos: `images` of branches, disclosures and examples, 践诺 entries' `images`, Markdown images in bodies, and
/// `site.yaml`'s `logo`, each added, re-captioned, given new bytes (another of `TinyImages`) or removed. Every file a
/// record names is kept in its folder (and moved with it), so every step builds.
extension RandomSite {
    static let imageKinds: Set<ContentKind> = [.branches, .disclosures, .examples]
    static let captions = ["入户走访现场", "志愿服务活动", "党群服务站内景", "主题党日合影", "修缮后的楼道", "议事会现场"]

    /// A new photo file in `record`'s folder, of one of the tiny images, and its entry.
    mutating func newImage(in folder: String, id: String, _ g: inout SeededGenerator) -> ImageEntry {
        serial += 1
        let image = g.pick(TinyImages.all)
        let file = "照片/\(id)-\(serial).\(image.extension)"
        extraFiles["\(folder)/\(file)"] = image.data
        return ImageEntry(file: file, caption: "\(g.pick(Self.captions))（\(serial)）")
    }

    /// Every photo file `record` names, relative to its folder.
    static func imageFiles(of record: RandomRecord) -> [String] {
        var files = (record.images + record.bodyImages).map(\.file)
        for item in record.fields["items"]?.items ?? [] {
            for entry in item["progress"]?.items ?? [] { files += (entry["images"]?.items ?? []).compactMap { $0["file"]?.text } }
        }
        return files
    }

    /// One edit of a photo somewhere in the site.
    mutating func editImage(_ g: inout SeededGenerator, index: Int? = nil) -> SiteMutation {
        if index == nil, g.chance(0.15) { return editLogo(&g) }
        let promises = records.indices.filter { records[$0].kind == .promises }
        if index == nil, g.chance(0.2), !promises.isEmpty { return editProgressImage(g.pick(promises), &g) }
        let index = index ?? g.pick(Array(records.indices))
        let record = records[index]
        let body = !Self.imageKinds.contains(record.kind) || g.chance(0.3)
        let list = body ? record.bodyImages : record.images
        let what = body ? "body image" : "image"
        func set(_ images: [ImageEntry]) { if body { records[index].bodyImages = images } else { records[index].images = images } }
        guard !list.isEmpty, g.chance(0.7) else {
            set(list + [newImage(in: record.folder, id: record.id, &g)])
            return SiteMutation(description: "\(record.path): \(what) \((body ? records[index].bodyImages : records[index].images).last!.file) added")
        }
        let n = g.int(0...list.count - 1)
        var images = list
        switch g.int(0...3) {
        case 0:
            images.remove(at: n)
            set(images)
            return SiteMutation(description: "\(record.path): \(what) \(list[n].file) removed")
        case 1:
            serial += 1
            images[n].caption = "\(g.pick(Self.captions))（改\(serial)）"
            set(images)
            return SiteMutation(description: "\(record.path): \(what) \(list[n].file) caption → \(images[n].caption)")
        case 2:
            let file = "\(record.folder)/\(list[n].file)"
            let ext = (list[n].file as NSString).pathExtension
            let others = TinyImages.all.filter { $0.extension == ext && $0.data != extraFiles[file] }
            extraFiles[file] = g.pick(others.isEmpty ? TinyImages.all.filter { $0.extension == ext } : others).data
            return SiteMutation(description: "\(file): new bytes")
        default:
            // Another record's photo file, copied: the same bytes under two names are one published file.
            let sources = extraFiles.keys.filter { $0.contains("/照片/") }.sorted()
            guard !sources.isEmpty else { return editImage(&g, index: index) }
            let source = g.pick(sources)
            serial += 1
            let file = "照片/\(record.id)-\(serial).\((source as NSString).pathExtension)"
            extraFiles["\(record.folder)/\(file)"] = extraFiles[source]
            images.append(ImageEntry(file: file, caption: "\(g.pick(Self.captions))（\(serial)）"))
            set(images)
            return SiteMutation(description: "\(record.path): \(what) \(file) added, a copy of \(source)")
        }
    }

    /// Adds a photo to a 践诺 entry of the letter at `index`, re-captions one or removes one.
    mutating func editProgressImage(_ index: Int, _ g: inout SeededGenerator) -> SiteMutation {
        let record = records[index]
        var items = record.fields["items"]?.items ?? []
        let places = items.indices.flatMap { i in (items[i]["progress"]?.items ?? []).indices.map { (i, $0) } }
        guard let (i, e) = places.isEmpty ? nil : g.pick(places) else { return editImage(&g, index: index) }
        var entries = items[i]["progress"]!.items
        var photos = entries[e]["images"]?.items ?? []
        let description: String
        if photos.isEmpty || g.chance(0.5) {
            let image = newImage(in: record.folder, id: record.id, &g)
            photos.append(.map([YAMLField(key: "file", value: .quoted(image.file)), YAMLField(key: "caption", value: .quoted(image.caption))]))
            description = "践诺 photo \(image.file) added"
        } else if g.chance(0.5) {
            let n = g.int(0...photos.count - 1)
            serial += 1
            photos[n] = photos[n].setting("caption", .quoted("\(g.pick(Self.captions))（改\(serial)）"))
            description = "践诺 photo caption edited"
        } else {
            photos.removeLast()
            description = "践诺 photo removed"
        }
        entries[e] = entries[e].setting("images", photos.isEmpty ? nil : .list(photos))
        items[i] = items[i].setting("progress", .list(entries))
        records[index].fields["items"] = .list(items)
        return SiteMutation(description: "\(record.path): item \(i + 1) entry \(e + 1): \(description)")
    }

    /// Sets, replaces (new bytes) or removes `site.yaml`'s `logo`.
    mutating func editLogo(_ g: inout SeededGenerator) -> SiteMutation {
        site["logo"] = siteValue(for: "logo", &g)
        return SiteMutation(description: "site.yaml: logo = \(site["logo"]?.flow ?? "(removed)")")
    }

    /// The `logo` value: a tiny image at the site's root (new bytes each time), or none.
    mutating func logoValue(_ g: inout SeededGenerator) -> YAMLValue? {
        guard g.chance(0.75) else { return nil }
        let image = g.pick(TinyImages.all)
        let file = "标志.\(image.extension)"
        extraFiles[file] = image.data
        return .quoted(file)
    }
}
