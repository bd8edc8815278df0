import Foundation

extension PageRenderer {
    /// The pages every site has: home, organisations, promises, disclosures, examples, statistics, free pages, 404.
    /// Each declares the versions its context reads: a record's own page its full version and the entry of its
    /// organisation (whose name it shows); a list the listed versions of its rows, in order; a page with the
    /// organisation tree or names of many organisations the directory.
    func addCorePages(_ model: SiteModel, stats: SiteStatistics, statsPages: StatsPlan, to builder: inout PlanBuilder) {
        let v = builder.versions
        builder.add(.home, "home", HomeContext(model: model, stats: stats.value)) {
            [v.siteFacts, v.directory, v.pageList] + ModelVersions.list("disclosures", v.disclosures.prefix(6).map(\.listed))
                + ModelVersions.list("examples", v.examples.prefix(3).map(\.listed))
        }
        builder.add(.branchIndex, "branches", BranchIndexContext(model: model)) { [v.directory] }
        for branch in model.branches {
            builder.add(.branch(branch.id), "branch", BranchContext(model: model, branch: branch)) {
                // The trail names its ancestors; the tree and the member count are of everything below it.
                let id = branch.id
                let shown =
                    ModelVersions.list("ancestry", model.tree.ancestry(of: id).map(v.entry))
                    + ModelVersions.list("subtree", model.tree.subtree(of: id).map(v.entry))
                return [v.branches[id]?.full ?? ""] + shown + ModelVersions.list("letters", (v.lettersByBranch[id] ?? []).map(\.listed))
                    + ModelVersions.list("disclosures", (v.disclosuresByBranch[id] ?? []).map(\.listed))
                    + ModelVersions.list("examples", (v.examplesByBranch[id] ?? []).map(\.listed))
            }
        }
        for (id, folder) in statsPages.branches {
            builder.add(.branchStats(id), "branch-stats", folder.context.take(), dependencies: folder.dependencies)
        }
        builder.add(.promiseBoard, "promises", PromiseBoardContext(model: model, branch: nil)) {
            [v.directory] + ModelVersions.list("letters", v.letters.map(\.listed))
        }
        for id in Set(model.promises.map(\.branch)).sorted() {
            builder.add(.promisesOfBranch(id), "promises", PromiseBoardContext(model: model, branch: id)) {
                [v.entry(id)] + ModelVersions.list("letters", (v.lettersByBranch[id] ?? []).map(\.listed))
            }
        }
        for (letter, version) in zip(model.promises, v.letters) {
            builder.add(.promise(letter.id), "promise", PromiseContext(model: model, letter: letter)) { [version.full, v.entry(letter.branch)] }
        }
        builder.add(.disclosureIndex, "disclosures", DisclosureIndexContext(model: model, category: nil)) {
            [v.directory] + ModelVersions.list("disclosures", v.disclosures.map(\.listed))
        }
        for category in model.config.allCategories {
            let slug = CategorySlug.slug(for: category, config: model.config)
            builder.add(.disclosureCategory(slug), "disclosures", DisclosureIndexContext(model: model, category: category)) {
                // Every category's count is on the page, and the rows of this one.
                let rows = zip(model.disclosures, v.disclosures).filter { $0.0.category == category }.map(\.1.listed)
                return [v.directory, v.categories] + ModelVersions.list("disclosures", rows)
            }
        }
        let links = DisclosureLinks(model)
        let listed = Dictionary(zip(model.disclosures.map(\.id), v.disclosures.map(\.listed)), uniquingKeysWith: { first, _ in first })
        for (item, version) in zip(model.disclosures, v.disclosures) {
            builder.add(.disclosure(item.id), "disclosure", DisclosureContext(model: model, item: item, links: links)) {
                // The record names the approving organisation, and the linked items show their titles and dates.
                [version.full, v.entry(item.branch), item.approved?.org.map(v.entry) ?? "no approving organisation"]
                    + ModelVersions.list("follows", links.target(of: item).map { [listed[$0.id] ?? ""] } ?? [])
                    + ModelVersions.list("followers", links.followers(of: item.id).map { listed[$0.id] ?? "" })
            }
            addAttachments(item.attachmentFiles, of: .disclosure(item.id), to: &builder)
        }
        builder.add(.exampleIndex, "examples", ExampleIndexContext(model: model)) {
            [v.directory] + ModelVersions.list("examples", v.examples.map(\.listed))
        }
        for (example, version) in zip(model.examples, v.examples) {
            builder.add(.example(example.id), "example", ExampleContext(model: model, example: example)) { [version.full, v.entry(example.branch)] }
            addAttachments(example.attachmentFiles, of: .example(example.id), to: &builder)
        }
        builder.add(.stats, "stats", statsPages.site.context.take(), dependencies: statsPages.site.dependencies)
        for (page, version) in zip(model.pages, v.pages) {
            builder.add(.page(page.id), "page", FreePageContext(model: model, page: page)) { [version] }
        }
        builder.add(.notFound, "404", NotFoundContext(model: model))
    }

    /// Copies an item's attachments under its page, keyed by their content so unchanged files are reused.
    func addAttachments(_ files: [AttachmentFile], of page: Route, to builder: inout PlanBuilder) {
        for file in files {
            builder.add(
                PageDescriptor(path: Route.attachment(page, file.outputName).outputPath, kind: "attachment", dependencies: { [file.sha256] }) { file.data })
        }
    }
}
