import Foundation

/// The SHA-256 of a value's canonical form: the tree `TemplateValueEncoder` makes of it, written with every
/// object's keys sorted (a dictionary's order differs between runs) and every string length-prefixed, so two
/// values have the same digest exactly when they encode the same. It versions the records of the model
/// (`ModelVersions`); pages are keyed by the versions they read, never by their own contexts.
enum RecordDigest {
    /// The digest of `value`; encoding these plain value types cannot fail, and if it did the value would get a
    /// digest of its own (the type's name), which only makes its pages render again.
    static func hex(_ value: some Encodable) -> String {
        hex(tree: try? TemplateValueEncoder.encode(value), of: type(of: value))
    }

    /// The digest of a value's tree, made once for several digests (`ModelVersions`); nil when encoding failed.
    static func hex(tree: TemplateValue?, of type: Any.Type) -> String {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(512)
        if let tree {
            append(tree, to: &bytes)
        } else {
            TemplateLeaf.appendString("unencodable \(type)", to: &bytes)
        }
        return SHA256.hex(bytes)
    }

    /// The digest of a list of parts (digests, names), in order: `["ab"]` and `["a", "b"]` differ.
    static func hex(parts: [String]) -> String {
        var hasher = SHA256()
        for part in parts {
            var bytes: [UInt8] = []
            TemplateLeaf.appendString(part, to: &bytes)
            bytes.withUnsafeBytes { hasher.update($0) }
        }
        return hasher.finalizeHex()
    }

    static func append(_ value: TemplateValue, to bytes: inout [UInt8]) {
        switch value {
        case .object(let dictionary):
            bytes.append(0x7B)
            for key in dictionary.keys.sorted() {
                TemplateLeaf.appendString(key, to: &bytes)
                append(dictionary[key]!, to: &bytes)
            }
            bytes.append(0x7D)
        case .list(let array):
            bytes.append(0x5B)
            for element in array { append(element, to: &bytes) }
            bytes.append(0x5D)
        case .string(let string): TemplateLeaf.string(string).append(to: &bytes)
        case .bool(let bool): TemplateLeaf.bool(bool).append(to: &bytes)
        case .int(let int): TemplateLeaf.int(int).append(to: &bytes)
        case .double(let double): TemplateLeaf.double(double).append(to: &bytes)
        }
    }
}
