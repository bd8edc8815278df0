import Yams

/// A record `FrontMatterReader` reads; each mirrors its type's synthesized `Decodable` field by field (the keys are
/// its `CodingKeys`, which a test holds equal to the schema in `ContentSchema`).
protocol FrontMatterReadable {
    /// The record, or `FrontMatterReader.Unreadable`.
    static func read(_ node: Node) throws -> Self
}

private typealias R = FrontMatterReader

extension Branch: FrontMatterReadable {
    static func read(_ node: Node) throws -> Branch {
        let r = try R(node)
        typealias K = CodingKeys
        return Branch(
            id: try r.required(K.id.rawValue, R.string), name: try r.required(K.name.rawValue, R.string),
            type: try r.required(K.type.rawValue, R.word), field: try r.required(K.field.rawValue, R.word),
            parent: try r.optional(K.parent.rawValue, R.string), secretary: try r.optional(K.secretary.rawValue, R.string),
            members: try r.optional(K.members.rawValue, R.int), registered: try r.optional(K.registered.rawValue, R.int),
            established: try r.optional(K.established.rawValue, R.day),
            address: try r.optional(K.address.rawValue, R.string), phone: try r.optional(K.phone.rawValue, R.string),
            venue: try r.optional(K.venue.rawValue, R.string),
            liuyou: try r.optional(K.liuyou.rawValue) { try R.dictionary($0, R.bool) },
            ratings: try r.optional(K.ratings.rawValue) { try R.list($0, Rating.read) },
            privacy: try r.optional(K.privacy.rawValue, PrivacyPolicy.read),
            images: try r.optional(K.images.rawValue) { try R.list($0, ImageRef.read) })
    }
}

extension Rating: FrontMatterReadable {
    /// `Rating` has synthesized keys, named as in `ContentSchema.branch`.
    static func read(_ node: Node) throws -> Rating {
        let r = try R(node)
        return Rating(
            year: try r.required("year", R.int), satisfaction: try r.required("satisfaction", R.double),
            respondents: try r.required("respondents", R.int), grade: try r.optional("grade", R.string))
    }
}

extension PromiseLetter: FrontMatterReadable {
    static func read(_ node: Node) throws -> PromiseLetter {
        let r = try R(node)
        typealias K = CodingKeys
        return PromiseLetter(
            id: try r.required(K.id.rawValue, R.string), branch: try r.required(K.branch.rawValue, R.string),
            year: try r.required(K.year.rawValue, R.int), promiser: try r.required(K.promiser.rawValue, R.string),
            role: try r.required(K.role.rawValue, R.word), post: try r.optional(K.post.rawValue, R.string),
            published: try r.required(K.published.rawValue, R.day),
            items: try r.required(K.items.rawValue) { try R.list($0, PromiseItem.read) },
            review: try r.optional(K.review.rawValue, Review.read), workflow: try r.optional(K.workflow.rawValue, R.word),
            reviewed: try r.optional(K.reviewed.rawValue, Signoff.read), privacy: try r.optional(K.privacy.rawValue, PrivacyPolicy.read))
    }
}

extension PromiseItem: FrontMatterReadable {
    static func read(_ node: Node) throws -> PromiseItem {
        let r = try R(node)
        typealias K = CodingKeys
        return PromiseItem(
            text: try r.required(K.text.rawValue, R.string), service: try r.required(K.service.rawValue, R.word),
            due: try r.required(K.due.rawValue, R.day), status: try r.required(K.status.rawValue, R.word),
            done: try r.optional(K.done.rawValue, R.day), note: try r.optional(K.note.rawValue, R.string),
            target: try r.optional(K.target.rawValue, PromiseTarget.read),
            progress: try r.optional(K.progress.rawValue) { try R.list($0, ProgressEntry.read) })
    }
}

extension PromiseTarget: FrontMatterReadable {
    static func read(_ node: Node) throws -> PromiseTarget {
        let r = try R(node)
        return PromiseTarget(count: try r.required(CodingKeys.count.rawValue, R.int), unit: try r.required(CodingKeys.unit.rawValue, R.string))
    }
}

extension ProgressEntry: FrontMatterReadable {
    static func read(_ node: Node) throws -> ProgressEntry {
        let r = try R(node)
        typealias K = CodingKeys
        return ProgressEntry(
            date: try r.required(K.date.rawValue, R.day), text: try r.required(K.text.rawValue, R.string),
            count: try r.optional(K.count.rawValue, R.int),
            images: try r.optional(K.images.rawValue) { try R.list($0, ImageRef.read) })
    }
}

extension Outcome: FrontMatterReadable {
    static func read(_ node: Node) throws -> Outcome {
        let r = try R(node)
        typealias K = CodingKeys
        return Outcome(
            date: try r.required(K.date.rawValue, R.day), text: try r.required(K.text.rawValue, R.string),
            received: try r.optional(K.received.rawValue, R.int))
    }
}

extension Review: FrontMatterReadable {
    static func read(_ node: Node) throws -> Review {
        let r = try R(node)
        typealias K = CodingKeys
        return Review(
            date: try r.required(K.date.rawValue, R.day), method: try r.optional(K.method.rawValue, R.string),
            votes: try r.required(K.votes.rawValue) { try R.dictionary($0, R.int) })
    }
}

extension Disclosure: FrontMatterReadable {
    static func read(_ node: Node) throws -> Disclosure {
        let r = try R(node)
        typealias K = CodingKeys
        return Disclosure(
            id: try r.required(K.id.rawValue, R.string), branch: try r.required(K.branch.rawValue, R.string),
            title: try r.required(K.title.rawValue, R.string), category: try r.required(K.category.rawValue, R.string),
            scope: try r.required(K.scope.rawValue, R.word), published: try r.required(K.published.rawValue, R.day),
            reviewed: try r.optional(K.reviewed.rawValue, Signoff.read), approved: try r.optional(K.approved.rawValue, Signoff.read),
            cadence: try r.optional(K.cadence.rawValue, R.word), period: try r.optional(K.period.rawValue, R.string),
            until: try r.optional(K.until.rawValue, R.day), feedback: try r.optional(K.feedback.rawValue, R.string),
            proposed: try r.optional(K.proposed.rawValue, Signoff.read), topic: try r.optional(K.topic.rawValue, R.string),
            outcome: try r.optional(K.outcome.rawValue, Outcome.read), follows: try r.optional(K.follows.rawValue, R.string),
            privacy: try r.optional(K.privacy.rawValue, PrivacyPolicy.read),
            attachments: try r.optional(K.attachments.rawValue) { try R.list($0, Attachment.read) },
            images: try r.optional(K.images.rawValue) { try R.list($0, ImageRef.read) },
            workflow: try r.optional(K.workflow.rawValue, R.word))
    }
}

extension Signoff: FrontMatterReadable {
    static func read(_ node: Node) throws -> Signoff {
        let r = try R(node)
        return Signoff(
            by: try r.required(CodingKeys.by.rawValue, R.string), date: try r.required(CodingKeys.date.rawValue, R.day),
            org: try r.optional(CodingKeys.org.rawValue, R.string))
    }
}

extension Attachment: FrontMatterReadable {
    static func read(_ node: Node) throws -> Attachment {
        let r = try R(node)
        return Attachment(file: try r.required(CodingKeys.file.rawValue, R.string), title: try r.optional(CodingKeys.title.rawValue, R.string))
    }
}

extension ImageRef: FrontMatterReadable {
    static func read(_ node: Node) throws -> ImageRef {
        let r = try R(node)
        return ImageRef(file: try r.required(CodingKeys.file.rawValue, R.string), caption: try r.required(CodingKeys.caption.rawValue, R.string))
    }
}

extension Example: FrontMatterReadable {
    static func read(_ node: Node) throws -> Example {
        let r = try R(node)
        typealias K = CodingKeys
        return Example(
            id: try r.required(K.id.rawValue, R.string), title: try r.required(K.title.rawValue, R.string),
            branch: try r.required(K.branch.rawValue, R.string), date: try r.required(K.date.rawValue, R.day),
            field: try r.optional(K.field.rawValue, R.word), service: try r.optional(K.service.rawValue, R.word),
            people: try r.optional(K.people.rawValue) { try R.list($0, R.string) },
            honors: try r.optional(K.honors.rawValue) { try R.list($0, R.string) },
            summary: try r.optional(K.summary.rawValue, R.string), workflow: try r.optional(K.workflow.rawValue, R.word),
            reviewed: try r.optional(K.reviewed.rawValue, Signoff.read), privacy: try r.optional(K.privacy.rawValue, PrivacyPolicy.read),
            attachments: try r.optional(K.attachments.rawValue) { try R.list($0, Attachment.read) },
            images: try r.optional(K.images.rawValue) { try R.list($0, ImageRef.read) })
    }
}

extension FreePage: FrontMatterReadable {
    static func read(_ node: Node) throws -> FreePage {
        let r = try R(node)
        typealias K = CodingKeys
        return FreePage(
            id: try r.required(K.id.rawValue, R.string), title: try r.required(K.title.rawValue, R.string),
            privacy: try r.optional(K.privacy.rawValue, PrivacyPolicy.read))
    }
}

extension PrivacyPolicy: FrontMatterReadable {
    static func read(_ node: Node) throws -> PrivacyPolicy {
        let r = try R(node)
        typealias K = CodingKeys
        var policy = PrivacyPolicy(
            mobile: try r.optional(K.mobile.rawValue, R.word), email: try r.optional(K.email.rawValue, R.word),
            allow: try r.optional(K.allow.rawValue) { try R.list($0, R.string) },
            emails: try r.optional(K.emails.rawValue) { try R.list($0, R.string) })
        policy.idCard = try r.optional(K.idCard.rawValue, R.word)
        policy.bankCard = try r.optional(K.bankCard.rawValue, R.word)
        policy.smallCellThreshold = try r.optional(K.smallCellThreshold.rawValue, R.int)
        return policy
    }
}
