import Foundation

/// One file's piece of `LoadedContent` as the parse cache stores it, written and read field by field
/// (`BinaryWriter`, `BinaryReader`; decoding through `Codable` was nearly all of reading the cache back). Each record
/// keeps its front-matter fields and what loading added (source lines, rendered body, an example's first paragraph);
/// attachment files are read after loading and are not stored.
extension LoadedContent {
    func write(to w: inout BinaryWriter) {
        w.list(branches) { $1.write(to: &$0) }
        w.list(promises) { $1.write(to: &$0) }
        w.list(disclosures) { $1.write(to: &$0) }
        w.list(examples) { $1.write(to: &$0) }
        w.list(pages) { $1.write(to: &$0) }
        w.list(diagnostics) { $1.write(to: &$0) }
        w.dictionary(privacyFindings) { w, found in w.list(found) { $1.write(to: &$0) } }
        w.list(unloadedBranches) { $1.write(to: &$0) }
        w.dictionary(bodyLinks) { w, links in w.list(links) { $1.write(to: &$0) } }
    }

    static func read(_ r: inout BinaryReader) throws -> LoadedContent {
        var content = LoadedContent()
        content.branches = try r.list(Branch.read)
        content.promises = try r.list(PromiseLetter.read)
        content.disclosures = try r.list(Disclosure.read)
        content.examples = try r.list(Example.read)
        content.pages = try r.list(FreePage.read)
        content.diagnostics = try r.list(Diagnostic.read)
        content.privacyFindings = try r.dictionary { try $0.list(Diagnostic.read) }
        content.unloadedBranches = try r.list(UnloadedBranch.read)
        content.bodyLinks = try r.dictionary { try $0.list(BodyLink.read) }
        return content
    }

    /// The piece's bytes in the cache file.
    var binary: Data {
        var writer = BinaryWriter()
        write(to: &writer)
        return writer.data
    }

    /// The piece in `data`; throws when the bytes are not one.
    init(binary data: Data) throws { self = try BinaryReader.read(data, Self.read) }
}

extension Branch {
    func write(to w: inout BinaryWriter) {
        w.string(id)
        w.string(name)
        w.word(type)
        w.word(field)
        w.optional(parent) { $0.string($1) }
        w.optional(secretary) { $0.string($1) }
        w.optional(members) { $0.int($1) }
        w.optional(registered) { $0.int($1) }
        w.optional(established) { $0.day($1) }
        w.optional(address) { $0.string($1) }
        w.optional(phone) { $0.string($1) }
        w.optional(venue) { $0.string($1) }
        w.optional(liuyou) { w, goals in w.dictionary(goals) { $0.bool($1) } }
        w.optional(ratings) { w, ratings in w.list(ratings) { $1.write(to: &$0) } }
        w.optional(privacy) { $1.write(to: &$0) }
        w.optional(images) { w, images in w.list(images) { $1.write(to: &$0) } }
        source.write(to: &w)
        w.string(bodyHTML)
    }

    static func read(_ r: inout BinaryReader) throws -> Branch {
        Branch(
            id: try r.string(), name: try r.string(), type: try r.word(), field: try r.word(), parent: try r.optional { try $0.string() },
            secretary: try r.optional { try $0.string() }, members: try r.optional { try $0.int() },
            registered: try r.optional { try $0.int() }, established: try r.optional { try $0.day() }, address: try r.optional { try $0.string() },
            phone: try r.optional { try $0.string() }, venue: try r.optional { try $0.string() },
            liuyou: try r.optional { try $0.dictionary { try $0.bool() } }, ratings: try r.optional { try $0.list(Rating.read) },
            privacy: try r.optional(PrivacyPolicy.read), images: try r.optional { try $0.list(ImageRef.read) }, source: try SourceRef.read(&r),
            bodyHTML: try r.string())
    }
}

extension Rating {
    func write(to w: inout BinaryWriter) {
        w.int(year)
        w.double(satisfaction)
        w.int(respondents)
        w.optional(grade) { $0.string($1) }
    }

    static func read(_ r: inout BinaryReader) throws -> Rating {
        Rating(year: try r.int(), satisfaction: try r.double(), respondents: try r.int(), grade: try r.optional { try $0.string() })
    }
}

extension PromiseLetter {
    func write(to w: inout BinaryWriter) {
        w.string(id)
        w.string(branch)
        w.int(year)
        w.string(promiser)
        w.word(role)
        w.optional(post) { $0.string($1) }
        w.day(published)
        w.list(items) { $1.write(to: &$0) }
        w.optional(review) { $1.write(to: &$0) }
        w.optional(workflow) { $0.word($1) }
        w.optional(reviewed) { $1.write(to: &$0) }
        w.optional(privacy) { $1.write(to: &$0) }
        source.write(to: &w)
        w.string(bodyHTML)
    }

    static func read(_ r: inout BinaryReader) throws -> PromiseLetter {
        PromiseLetter(
            id: try r.string(), branch: try r.string(), year: try r.int(), promiser: try r.string(), role: try r.word(),
            post: try r.optional { try $0.string() }, published: try r.day(), items: try r.list(PromiseItem.read),
            review: try r.optional(Review.read), workflow: try r.optional { try $0.word() }, reviewed: try r.optional(Signoff.read),
            privacy: try r.optional(PrivacyPolicy.read), source: try SourceRef.read(&r),
            bodyHTML: try r.string())
    }
}

extension PromiseItem {
    func write(to w: inout BinaryWriter) {
        w.string(text)
        w.word(service)
        w.day(due)
        w.word(status)
        w.optional(done) { $0.day($1) }
        w.optional(note) { $0.string($1) }
        w.optional(target) { w, target in
            w.int(target.count)
            w.string(target.unit)
        }
        w.optional(progress) { w, entries in
            w.list(entries) { w, entry in
                w.day(entry.date)
                w.string(entry.text)
                w.optional(entry.count) { $0.int($1) }
                w.optional(entry.images) { w, images in w.list(images) { $1.write(to: &$0) } }
            }
        }
    }

    static func read(_ r: inout BinaryReader) throws -> PromiseItem {
        PromiseItem(
            text: try r.string(), service: try r.word(), due: try r.day(), status: try r.word(), done: try r.optional { try $0.day() },
            note: try r.optional { try $0.string() }, target: try r.optional { PromiseTarget(count: try $0.int(), unit: try $0.string()) },
            progress: try r.optional {
                try $0.list {
                    ProgressEntry(
                        date: try $0.day(), text: try $0.string(), count: try $0.optional { try $0.int() },
                        images: try $0.optional { try $0.list(ImageRef.read) })
                }
            })
    }
}

extension Outcome {
    func write(to w: inout BinaryWriter) {
        w.day(date)
        w.string(text)
        w.optional(received) { $0.int($1) }
    }

    static func read(_ r: inout BinaryReader) throws -> Outcome {
        Outcome(date: try r.day(), text: try r.string(), received: try r.optional { try $0.int() })
    }
}

extension Review {
    func write(to w: inout BinaryWriter) {
        w.day(date)
        w.optional(method) { $0.string($1) }
        w.dictionary(votes) { $0.int($1) }
    }

    static func read(_ r: inout BinaryReader) throws -> Review {
        Review(date: try r.day(), method: try r.optional { try $0.string() }, votes: try r.dictionary { try $0.int() })
    }
}

extension Disclosure {
    func write(to w: inout BinaryWriter) {
        w.string(id)
        w.string(branch)
        w.string(title)
        w.string(category)
        w.word(scope)
        w.day(published)
        w.optional(reviewed) { $1.write(to: &$0) }
        w.optional(approved) { $1.write(to: &$0) }
        w.optional(cadence) { $0.word($1) }
        w.optional(period) { $0.string($1) }
        w.optional(until) { $0.day($1) }
        w.optional(feedback) { $0.string($1) }
        w.optional(proposed) { $1.write(to: &$0) }
        w.optional(topic) { $0.string($1) }
        w.optional(outcome) { $1.write(to: &$0) }
        w.optional(follows) { $0.string($1) }
        w.optional(privacy) { $1.write(to: &$0) }
        w.optional(attachments) { w, files in w.list(files) { $1.write(to: &$0) } }
        w.optional(images) { w, images in w.list(images) { $1.write(to: &$0) } }
        source.write(to: &w)
        w.string(bodyHTML)
        w.optional(workflow) { $0.word($1) }
    }

    static func read(_ r: inout BinaryReader) throws -> Disclosure {
        Disclosure(
            id: try r.string(), branch: try r.string(), title: try r.string(), category: try r.string(), scope: try r.word(),
            published: try r.day(), reviewed: try r.optional(Signoff.read), approved: try r.optional(Signoff.read),
            cadence: try r.optional { try $0.word() }, period: try r.optional { try $0.string() }, until: try r.optional { try $0.day() },
            feedback: try r.optional { try $0.string() }, proposed: try r.optional(Signoff.read),
            topic: try r.optional { try $0.string() }, outcome: try r.optional(Outcome.read), follows: try r.optional { try $0.string() },
            privacy: try r.optional(PrivacyPolicy.read), attachments: try r.optional { try $0.list(Attachment.read) },
            images: try r.optional { try $0.list(ImageRef.read) }, source: try SourceRef.read(&r), bodyHTML: try r.string(),
            workflow: try r.optional { try $0.word() })
    }
}

extension Signoff {
    func write(to w: inout BinaryWriter) {
        w.string(by)
        w.day(date)
        w.optional(org) { $0.string($1) }
    }

    static func read(_ r: inout BinaryReader) throws -> Signoff {
        Signoff(by: try r.string(), date: try r.day(), org: try r.optional { try $0.string() })
    }
}

extension Attachment {
    func write(to w: inout BinaryWriter) {
        w.string(file)
        w.optional(title) { $0.string($1) }
    }

    static func read(_ r: inout BinaryReader) throws -> Attachment {
        Attachment(file: try r.string(), title: try r.optional { try $0.string() })
    }
}

extension ImageRef {
    func write(to w: inout BinaryWriter) {
        w.string(file)
        w.string(caption)
    }

    static func read(_ r: inout BinaryReader) throws -> ImageRef {
        ImageRef(file: try r.string(), caption: try r.string())
    }
}

extension Example {
    func write(to w: inout BinaryWriter) {
        w.string(id)
        w.string(title)
        w.string(branch)
        w.day(date)
        w.optional(field) { $0.word($1) }
        w.optional(service) { $0.word($1) }
        w.optional(people) { w, names in w.list(names) { $0.string($1) } }
        w.optional(honors) { w, names in w.list(names) { $0.string($1) } }
        w.optional(summary) { $0.string($1) }
        w.optional(workflow) { $0.word($1) }
        w.optional(reviewed) { $1.write(to: &$0) }
        w.optional(privacy) { $1.write(to: &$0) }
        w.optional(attachments) { w, files in w.list(files) { $1.write(to: &$0) } }
        w.optional(images) { w, images in w.list(images) { $1.write(to: &$0) } }
        source.write(to: &w)
        w.string(bodyHTML)
        w.string(firstParagraph)
    }

    static func read(_ r: inout BinaryReader) throws -> Example {
        Example(
            id: try r.string(), title: try r.string(), branch: try r.string(), date: try r.day(), field: try r.optional { try $0.word() },
            service: try r.optional { try $0.word() }, people: try r.optional { try $0.list { try $0.string() } },
            honors: try r.optional { try $0.list { try $0.string() } }, summary: try r.optional { try $0.string() },
            workflow: try r.optional { try $0.word() }, reviewed: try r.optional(Signoff.read),
            privacy: try r.optional(PrivacyPolicy.read), attachments: try r.optional { try $0.list(Attachment.read) },
            images: try r.optional { try $0.list(ImageRef.read) }, source: try SourceRef.read(&r), bodyHTML: try r.string(), firstParagraph: try r.string())
    }
}

extension FreePage {
    func write(to w: inout BinaryWriter) {
        w.string(id)
        w.string(title)
        w.optional(privacy) { $1.write(to: &$0) }
        source.write(to: &w)
        w.string(bodyHTML)
    }

    static func read(_ r: inout BinaryReader) throws -> FreePage {
        FreePage(
            id: try r.string(), title: try r.string(), privacy: try r.optional(PrivacyPolicy.read), source: try SourceRef.read(&r),
            bodyHTML: try r.string())
    }
}

extension PrivacyPolicy {
    func write(to w: inout BinaryWriter) {
        for handling in [mobile, email, idCard, bankCard] { w.optional(handling) { $0.word($1) } }
        w.optional(allow) { w, list in w.list(list) { $0.string($1) } }
        w.optional(emails) { w, list in w.list(list) { $0.string($1) } }
        w.optional(smallCellThreshold) { $0.int($1) }
    }

    static func read(_ r: inout BinaryReader) throws -> PrivacyPolicy {
        let (mobile, email, idCard, bankCard): (PrivacyHandling?, PrivacyHandling?, PrivacyHandling?, PrivacyHandling?) = (
            try r.optional { try $0.word() }, try r.optional { try $0.word() }, try r.optional { try $0.word() },
            try r.optional { try $0.word() }
        )
        var policy = PrivacyPolicy(
            mobile: mobile, email: email, allow: try r.optional { try $0.list { try $0.string() } },
            emails: try r.optional { try $0.list { try $0.string() } })
        (policy.idCard, policy.bankCard) = (idCard, bankCard)
        policy.smallCellThreshold = try r.optional { try $0.int() }
        return policy
    }
}

extension SourceRef {
    func write(to w: inout BinaryWriter) {
        w.string(path)
        w.dictionary(keyLines) { $0.int($1) }
    }

    static func read(_ r: inout BinaryReader) throws -> SourceRef {
        SourceRef(path: try r.string(), keyLines: try r.dictionary { try $0.int() })
    }
}

extension Diagnostic {
    func write(to w: inout BinaryWriter) {
        w.string(severity.rawValue)
        w.string(path)
        w.int(line)
        w.string(message)
        w.string(kind.rawValue)
    }

    static func read(_ r: inout BinaryReader) throws -> Diagnostic {
        let severity = Severity(rawValue: try r.string())
        let (path, line, message) = (try r.string(), try r.int(), try r.string())
        guard let severity, let kind = Kind(rawValue: try r.string()) else { throw BinaryReader.Damaged() }
        return Diagnostic(severity, path, line: line, message, kind: kind)
    }
}

extension UnloadedBranch {
    func write(to w: inout BinaryWriter) {
        w.string(path)
        w.list(ids) { $0.string($1) }
    }

    static func read(_ r: inout BinaryReader) throws -> UnloadedBranch {
        UnloadedBranch(path: try r.string(), ids: try r.list { try $0.string() })
    }
}

extension BodyLink {
    func write(to w: inout BinaryWriter) {
        w.string(url)
        w.int(line)
        w.bool(isImage)
        w.string(text)
    }

    static func read(_ r: inout BinaryReader) throws -> BodyLink {
        BodyLink(url: try r.string(), line: try r.int(), isImage: try r.bool(), text: try r.string())
    }
}
