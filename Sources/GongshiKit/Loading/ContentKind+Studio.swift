/// Temporary accessor for the studio (issue 17, content helper) until the kit publishes the field rules with their
/// Chinese labels (`kit-cut2`); remove it then.
extension ContentKind {
    public func studioRules(categories: [String] = [], topics: [String] = BuiltinTopic.all) -> [FieldRule] {
        rules(categories: categories, topics: topics)
    }
}
