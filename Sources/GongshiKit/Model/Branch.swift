/// 支部概况: one organisation of the tree.
public struct Branch: Sendable, Codable {
    public let id: String
    public let name: String
    public let type: OrgType
    public let field: Field
    public let parent: String?
    public let secretary: String?
    public let members: Int?
    /// 报到党员: members of other organisations who report here (在职党员 reporting to a community, a 功能型党支部),
    /// never added to 党员 totals.
    public var registered: Int? = nil
    public let established: Day?
    public let address: String?
    public let phone: String?
    public let venue: String?
    public let liuyou: [String: Bool]?
    public let ratings: [Rating]?
    /// This file's `privacy:` settings (already applied while loading).
    public var privacy: PrivacyPolicy? = nil
    /// 阵地 and venue photos as written; `imageFiles` once processed.
    public var images: [ImageRef]? = nil
    public var imageFiles: [ImageFile] = []
    public var source = SourceRef(path: "")
    public var bodyHTML = ""
    /// Markdown images of the body that point at files inside the source dir, by their `src` as written, once
    /// processed; the renderer replaces each `<img>` with the published versions.
    public var bodyImages: [String: ImageFile] = [:]

    enum CodingKeys: String, CodingKey, CaseIterable {
        case id, name, type, field, parent, secretary, members, established, address, phone, venue
        case liuyou, ratings, privacy, registered, images
    }

    /// 六有 达标: all six goals self-assessed as met.
    public var meetsLiuyou: Bool {
        guard let liuyou else { return false }
        return LiuyouGoal.allCases.allSatisfy { liuyou[$0.rawValue] == true }
    }

    /// The most recent yearly rating.
    public var latestRating: Rating? { ratings?.max { $0.year < $1.year } }
}

/// 群众测评: one year's residents' rating.
public struct Rating: Sendable, Codable {
    public let year: Int
    /// Percent, 0–100.
    public let satisfaction: Double
    public let respondents: Int
    public let grade: String?
}
