import GongshiKit

/// The workflow writes through the content store: the same path checks, version check and atomic write as a form
/// save. A hand-written file the codec cannot write back exactly is never rewritten by a button either.
extension ContentStore: WorkflowDocuments {
    public func load(_ path: String) throws -> (document: EditableDocument, version: String) {
        let (_, kind) = try location(of: path)
        let (bytes, version) = try read(path)
        if let note = Representability.of(bytes, kind: kind, path: path).note { throw WorkflowError(note) }
        return (try ContentCodec.decode(bytes, kind: kind, path: path), version)
    }

    public func save(_ document: EditableDocument, to path: String, expectedVersion: String) throws -> String {
        do {
            return try write(path, bytes: ContentCodec.encode(document), expectedVersion: expectedVersion)
        } catch is ContentStore.Conflict {
            throw WorkflowError.conflict
        }
    }
}
