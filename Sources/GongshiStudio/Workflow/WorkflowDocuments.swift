import GongshiKit

/// What the workflow needs from the content store (`Content/`): read a file with its version, write it back.
/// The content helper's `ContentStore` conforms; tests use an in-memory one.
public protocol WorkflowDocuments: Sendable {
    /// The document at `path` (relative to the source dir) and its current version.
    func load(_ path: String) throws -> (document: EditableDocument, version: String)
    /// Writes `document` to `path` if the file is still `expectedVersion` (else throws); returns the new version.
    func save(_ document: EditableDocument, to path: String, expectedVersion: String) throws -> String
}

/// The core of `POST /action`: the version must be the file's current one, the rules are checked on the server
/// whatever the form said, then the file is written and the change recorded.
public struct WorkflowActionHandler: Sendable {
    public let rules: WorkflowRules
    public let documents: any WorkflowDocuments
    public let history: ChangeRecorder

    public init(rules: WorkflowRules, documents: any WorkflowDocuments, history: ChangeRecorder) {
        self.rules = rules
        self.documents = documents
        self.history = history
    }

    /// Takes `action` on `path` as `account`; returns the new state and any warning (a failed git commit).
    public func perform(
        _ action: WorkflowAction, path: String, version: String, reason: String?, account: Account, today: Day
    ) throws -> (state: WorkflowState?, warning: String?) {
        let (old, current) = try documents.load(path)
        guard current == version else { throw WorkflowError.conflict }
        var document = old
        try rules.apply(action, to: &document, by: account, creator: history.creator(of: path), today: today, reason: reason)
        let after = try documents.save(document, to: path, expectedVersion: version)
        let event = AuditEvent(
            account: account, action: action.label, path: path, id: document.fields.text("id"), org: document.org,
            reason: action == .reject ? reason : nil, before: version, after: after)
        let warning = try history.record(event)
        return (WorkflowState(of: document), warning)
    }
}
