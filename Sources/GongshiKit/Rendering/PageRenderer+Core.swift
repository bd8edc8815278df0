import Foundation

extension PageRenderer {
    /// The pages every site has: home, organisations, promises, disclosures, examples, statistics, free pages, 404.
    func addCorePages(_ model: SiteModel, stats: Statistics, statsPages: StatsPages, to builder: inout PlanBuilder) {
        builder.add(.home, "home", HomeContext(model: model, stats: stats))
        builder.add(.branchIndex, "branches", BranchIndexContext(model: model))
        for branch in model.branches {
            builder.add(.branch(branch.id), "branch", BranchContext(model: model, branch: branch))
        }
        for (id, context) in statsPages.branches { builder.add(.branchStats(id), "branch-stats", context) }
        builder.add(.promiseBoard, "promises", PromiseBoardContext(model: model, branch: nil))
        for id in Set(model.promises.map(\.branch)).sorted() {
            builder.add(.promisesOfBranch(id), "promises", PromiseBoardContext(model: model, branch: id))
        }
        for letter in model.promises {
            builder.add(.promise(letter.id), "promise", PromiseContext(model: model, letter: letter))
        }
        builder.add(.disclosureIndex, "disclosures", DisclosureIndexContext(model: model, category: nil))
        for category in model.config.allCategories {
            let slug = CategorySlug.slug(for: category, config: model.config)
            builder.add(.disclosureCategory(slug), "disclosures", DisclosureIndexContext(model: model, category: category))
        }
        for item in model.disclosures {
            builder.add(.disclosure(item.id), "disclosure", DisclosureContext(model: model, item: item))
            addAttachments(item.attachmentFiles, of: .disclosure(item.id), to: &builder)
        }
        builder.add(.exampleIndex, "examples", ExampleIndexContext(model: model))
        for example in model.examples {
            builder.add(.example(example.id), "example", ExampleContext(model: model, example: example))
            addAttachments(example.attachmentFiles, of: .example(example.id), to: &builder)
        }
        builder.add(.stats, "stats", statsPages.site)
        for page in model.pages {
            builder.add(.page(page.id), "page", FreePageContext(model: model, page: page))
        }
        builder.add(.notFound, "404", NotFoundContext(model: model))
    }

    /// Copies an item's attachments under its page, keyed by their content so unchanged files are reused.
    func addAttachments(_ files: [AttachmentFile], of page: Route, to builder: inout PlanBuilder) {
        for file in files {
            builder.addKeyed(Route.attachment(page, file.outputName).outputPath, salt: "attachment", inputs: file.sha256) { file.data }
        }
    }
}
