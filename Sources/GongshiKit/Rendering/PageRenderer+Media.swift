import Foundation

extension PageRenderer {
    /// Publishes every version of every photo the site shows, under `media/` (`Route.media`): the photos of the
    /// published examples, disclosures, organisations and 践诺 entries, their bodies' images, and the logo and favicon.
    /// The model holds only what may be published, so a withheld item's photos are never planned. Each file is named
    /// and keyed by its version's `name` (derived from the source's content and the settings), so a photo used twice
    /// is one file, and an unchanged one is never copied again; its bytes are read from the cache only when made.
    func addMedia(_ model: SiteModel, to builder: inout PlanBuilder) {
        for variant in Self.mediaVariants(of: model) {
            let file = variant.cachedFile
            builder.add(PageDescriptor(path: variant.route.outputPath, kind: "image", dependencies: { [variant.name] }) { Self.cachedBytes(file) })
        }
    }

    /// Every published version, each name once, sorted by name.
    static func mediaVariants(of model: SiteModel) -> [ImageVariant] {
        var files: [ImageFile] = []
        func add(_ photos: [ImageFile], body: [String: ImageFile]) {
            files += photos
            files += body.keys.sorted().map { body[$0]! }
        }
        for b in model.branches { add(b.imageFiles, body: b.bodyImages) }
        for l in model.promises { add(l.items.flatMap { ($0.progress ?? []).flatMap(\.imageFiles) }, body: l.bodyImages) }
        for d in model.disclosures { add(d.imageFiles, body: d.bodyImages) }
        for e in model.examples { add(e.imageFiles, body: e.bodyImages) }
        for p in model.pages { add([], body: p.bodyImages) }
        var variants = files.flatMap(\.variants) + (model.config.logoFile?.variants ?? [])
        if let favicon = model.config.favicon { variants.append(favicon) }
        var byName: [String: ImageVariant] = [:]
        for variant in variants where byName[variant.name] == nil { byName[variant.name] = variant }
        return byName.keys.sorted().map { byName[$0]! }
    }

    /// The encoded bytes the image stage left in the cache: it made or found them in this build, before any page is
    /// planned. (A cache file deleted between the two would publish an empty file.)
    static func cachedBytes(_ path: String) -> Data {
        (try? Data(contentsOf: URL(fileURLWithPath: path))) ?? Data()
    }
}
