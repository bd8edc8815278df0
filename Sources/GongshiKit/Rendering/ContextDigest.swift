/// A page's cache key without its template tree: an `Encoder` that writes, straight from the context, the canonical
/// bytes `TemplateValue` would write for the tree `TemplateValueEncoder` builds, byte for byte. An incremental build
/// keys every page (~30,000 at 1000 organisations) and renders a few: each tree was built only to be hashed and
/// dropped, and boxing every value as `Any` and casting it back to hash it took as long again.
///
/// Leaves and the keys that go with them are written as they come. A keyed container whose keys did not come in
/// ascending order (a struct's declaration order, a dictionary's hash-seed order, which differs between runs) is
/// rewritten, sorted, when its value is done, as is any node the tree would store differently from how it was
/// written (a key written twice keeps the last value, as the tree's dictionary does).
enum ContextDigest {
    /// A container was written after its node was done (after a later sibling started, or after its value's
    /// `encode(to:)` returned): valid for the tree, which keeps every node until the end, but not for a walk that
    /// writes each node's bytes once.
    struct Unordered: Error {}

    /// Feeds the canonical bytes of `value`'s template tree into `hasher`, building the tree only when the walk
    /// cannot (`Unordered`) or encoding fails. The bytes are the tree's either way.
    static func digest(_ value: some Encodable, into hasher: inout SHA256) {
        if let bytes = try? canonicalBytes(of: value) {
            hasher.update(bytes)
        } else {
            // Encoding these plain value types cannot fail; a context that did would render as an empty one.
            TemplateValue.digest((try? TemplateValueEncoder.encode(value)) ?? .object([:]), into: &hasher)
        }
    }

    /// The bytes `TemplateValue.canonicalBytes` gives for `TemplateValueEncoder.encode(value)`.
    static func canonicalBytes(of value: some Encodable) throws -> [UInt8] {
        let walk = Walk()
        let root = walk.core.openRoot()
        // Like `TemplateValueEncoder.encode`, the root goes through its own `encode(to:)` even when it is a leaf.
        try value.encode(to: StreamEncoder(walk: walk, frame: root))
        return try walk.core.finish()
    }
}

/// The walk's state, shared by its encoders and containers, which name their node by its frame's id.
private final class Walk {
    var core = WalkCore()
}

/// The bytes written so far, the nodes still open (innermost last) and the pieces of each.
///
/// A node's bytes run from its frame's `start` to the end of `bytes` while it is innermost. A value encoded into a
/// container opens a frame that closes when its `encode(to:)` returns; a nested container or super encoder opens one
/// that closes when its parent is written to again or closes. Writing to a frame that is closed is `Unordered`.
private struct WalkCore {
    /// One child of a node, written at `start..<end`: a keyed entry (its key's bytes, then from `valueStart` its
    /// value's), an unkeyed element or a single value.
    struct Piece {
        enum Kind { case entry, element, leaf }
        let kind: Kind
        let key: String
        let start: Int
        let valueStart: Int
        var end = 0
    }

    struct Frame {
        let id: Int
        let start: Int
        /// Its pieces are `pieces[firstPiece...]` while it is innermost.
        let firstPiece: Int
        /// What it becomes in its parent when it closes (nil for the root).
        let role: Piece?
        /// Which containers were asked for: the tree's node is keyed if a keyed one was, else unkeyed if an unkeyed
        /// one was, else its last single value, else an empty dictionary.
        var keyed = false
        var unkeyed = false
        /// `{` or `[` when it was written at `start`, the container being asked for before anything else.
        var opened: UInt8 = 0
        /// Whether the bytes from `start`, closed by `}` or `]`, are already canonical: pieces of the opened kind
        /// only, keys strictly ascending, or a single leaf and no container.
        var plain = true
        var lastKey = ""
        var elements = 0
        var leaves = 0
    }

    /// The id of no frame: containers of a frame that could not open write nowhere.
    static let nowhere = Int.max

    var bytes: [UInt8] = []
    private var frames: [Frame] = []
    private var pieces: [Piece] = []
    private var nextID = 0
    private var failed = false
    /// Reused by every rewrite, so rewriting allocates nothing once they have grown.
    private var scratch: [UInt8] = []
    private var order: [Int] = []

    mutating func openRoot() -> Int {
        bytes.reserveCapacity(4096)
        return push(role: nil)
    }

    mutating func finish() throws -> [UInt8] {
        close(downTo: 0)
        if failed { throw ContextDigest.Unordered() }
        return bytes
    }

    /// Closes every frame opened since `id`, and `id`.
    mutating func close(downTo id: Int) {
        while let top = frames.last, top.id >= id { close() }
    }

    mutating func askKeyed(_ id: Int) {
        guard enter(id) else { return }
        let top = frames.count - 1
        frames[top].keyed = true
        if frames[top].opened == 0, bytes.count == frames[top].start {
            bytes.append(0x7B)
            frames[top].opened = 0x7B
        } else if frames[top].opened != 0x7B {
            // A leaf or elements came first; the keyed node replaces them.
            frames[top].plain = false
        }
    }

    mutating func askUnkeyed(_ id: Int) {
        guard enter(id) else { return }
        let top = frames.count - 1
        frames[top].unkeyed = true
        if frames[top].opened == 0 {
            if bytes.count == frames[top].start {
                bytes.append(0x5B)
                frames[top].opened = 0x5B
            } else {
                frames[top].plain = false
            }
        }
    }

    /// Writes a leaf as a piece of frame `id`.
    mutating func write(_ leaf: TemplateLeaf, in id: Int, as kind: Piece.Kind, key: String) throws {
        guard var piece = begin(id, kind, key) else { throw ContextDigest.Unordered() }
        leaf.append(to: &bytes)
        piece.end = bytes.count
        pieces.append(piece)
    }

    /// An unkeyed `nil`, which the tree stores as an empty dictionary.
    mutating func writeEmptyElement(in id: Int) throws {
        guard var piece = begin(id, .element, "") else { throw ContextDigest.Unordered() }
        bytes += [0x7B, 0x7D]
        piece.end = bytes.count
        pieces.append(piece)
    }

    /// Opens the frame of a child of frame `id`; `nowhere` if `id` is closed.
    mutating func open(in id: Int, as kind: Piece.Kind, key: String) -> Int {
        guard let piece = begin(id, kind, key) else { return Self.nowhere }
        return push(role: piece)
    }

    /// The number of elements of frame `id`, as the tree's unkeyed container counts them.
    mutating func elements(in id: Int) -> Int {
        if let frame = frames.last(where: { $0.id == id }) { return frame.elements }
        failed = true
        return 0
    }

    private mutating func push(role: Piece?) -> Int {
        let id = nextID
        nextID += 1
        frames.append(Frame(id: id, start: bytes.count, firstPiece: pieces.count, role: role))
        return id
    }

    /// Makes frame `id` the innermost, closing the frames opened since; false (and the walk failed) when it is closed.
    private mutating func enter(_ id: Int) -> Bool {
        while let top = frames.last, top.id > id { close() }
        if frames.last?.id == id { return true }
        failed = true
        return false
    }

    /// Starts a piece of frame `id` (writing an entry's key) and notes whether the frame stays plain.
    private mutating func begin(_ id: Int, _ kind: Piece.Kind, _ key: String) -> Piece? {
        guard enter(id) else { return nil }
        let top = frames.count - 1
        switch kind {
        case .entry:
            if frames[top].plain {
                if frames[top].opened != 0x7B || (frames[top].firstPiece < pieces.count && !(frames[top].lastKey < key)) {
                    frames[top].plain = false
                } else {
                    frames[top].lastKey = key
                }
            }
        case .element:
            frames[top].elements += 1
            if frames[top].opened != 0x5B || frames[top].keyed { frames[top].plain = false }
        case .leaf:
            frames[top].leaves += 1
            if frames[top].opened != 0 || frames[top].leaves > 1 { frames[top].plain = false }
        }
        let start = bytes.count
        if kind == .entry { TemplateLeaf.appendString(key, to: &bytes) }
        return Piece(kind: kind, key: key, start: start, valueStart: bytes.count)
    }

    /// Ends the innermost frame: its bytes become canonical and it becomes a piece of its parent.
    private mutating func close() {
        let frame = frames.removeLast()
        if frame.plain {
            switch frame.opened {
            case 0x7B: bytes.append(0x7D)
            case 0x5B: bytes.append(0x5D)
            default: if frame.leaves == 0 { bytes += [0x7B, 0x7D] }
            }
        } else {
            rewrite(frame)
            if frame.role == nil {
                // The root's bytes are all of them: keep the rewritten copy rather than copy it back.
                swap(&bytes, &scratch)
            } else {
                bytes.replaceSubrange(frame.start..<bytes.count, with: scratch)
            }
        }
        pieces.removeSubrange(frame.firstPiece...)
        if var role = frame.role {
            role.end = bytes.count
            pieces.append(role)
        }
    }

    /// Writes into `scratch` the node the tree would hold for `frame`: the keyed entries sorted by key (a key written
    /// twice: its first spelling, as the dictionary keeps, with its last value), else the elements in order, else the
    /// last single value, else `{}`.
    private mutating func rewrite(_ frame: Frame) {
        scratch.removeAll(keepingCapacity: true)
        let mine = frame.firstPiece..<pieces.count
        if frame.keyed {
            var order: [Int] = []
            swap(&order, &self.order)
            order.removeAll(keepingCapacity: true)
            for index in mine where pieces[index].kind == .entry { order.append(index) }
            let pieces = self.pieces
            order.sort { pieces[$0].key < pieces[$1].key }
            scratch.append(0x7B)
            var group = 0
            while group < order.count {
                // Equal keys are next to each other after sorting; pieces are in the order they were written.
                var first = order[group]
                var last = first
                var next = group + 1
                while next < order.count, pieces[order[next]].key == pieces[first].key {
                    first = min(first, order[next])
                    last = max(last, order[next])
                    next += 1
                }
                if first == last {
                    scratch += bytes[pieces[first].start..<pieces[first].end]
                } else {
                    TemplateLeaf.appendString(pieces[first].key, to: &scratch)
                    scratch += bytes[pieces[last].valueStart..<pieces[last].end]
                }
                group = next
            }
            scratch.append(0x7D)
            swap(&order, &self.order)
        } else if frame.unkeyed {
            scratch.append(0x5B)
            for index in mine where pieces[index].kind == .element {
                scratch += bytes[pieces[index].start..<pieces[index].end]
            }
            scratch.append(0x5D)
        } else if let leaf = pieces[mine].last(where: { $0.kind == .leaf }) {
            scratch += bytes[leaf.start..<leaf.end]
        } else {
            scratch += [0x7B, 0x7D]
        }
    }
}

/// Writes `value` as a piece of frame `frame`: a leaf as it is, anything else through its own `encode(to:)` in a frame
/// of its own, closed when that returns.
private func write(_ value: some Encodable, in frame: Int, as kind: WalkCore.Piece.Kind, key: String, walk: Walk) throws {
    if let leaf = TemplateLeaf(value) {
        try walk.core.write(leaf, in: frame, as: kind, key: key)
        return
    }
    let child = walk.core.open(in: frame, as: kind, key: key)
    guard child != WalkCore.nowhere else { throw ContextDigest.Unordered() }
    try value.encode(to: StreamEncoder(walk: walk, frame: child))
    walk.core.close(downTo: child)
}

// The encoder and containers mirror `TemplateValueEncoder`'s one for one (same coding path, same `nil` handling,
// `superEncoder()` writing into the same node), so both see a context encode itself the same way.

private struct StreamEncoder: Encoder {
    let walk: Walk
    let frame: Int
    var codingPath: [any CodingKey] { [] }
    var userInfo: [CodingUserInfoKey: Any] { [:] }

    func container<Key: CodingKey>(keyedBy type: Key.Type) -> KeyedEncodingContainer<Key> {
        walk.core.askKeyed(frame)
        return KeyedEncodingContainer(StreamKeyedContainer<Key>(walk: walk, frame: frame))
    }

    func unkeyedContainer() -> any UnkeyedEncodingContainer {
        walk.core.askUnkeyed(frame)
        return StreamUnkeyedContainer(walk: walk, frame: frame)
    }

    func singleValueContainer() -> any SingleValueEncodingContainer { StreamSingleContainer(walk: walk, frame: frame) }
}

private struct StreamKeyedContainer<Key: CodingKey>: KeyedEncodingContainerProtocol {
    let walk: Walk
    let frame: Int
    var codingPath: [any CodingKey] { [] }

    private func child(_ key: Key) -> StreamEncoder {
        StreamEncoder(walk: walk, frame: walk.core.open(in: frame, as: .entry, key: key.stringValue))
    }

    // The tree leaves the key out.
    mutating func encodeNil(forKey key: Key) throws {}
    mutating func encode<T: Encodable>(_ value: T, forKey key: Key) throws {
        try write(value, in: frame, as: .entry, key: key.stringValue, walk: walk)
    }
    mutating func nestedContainer<NestedKey: CodingKey>(keyedBy keyType: NestedKey.Type, forKey key: Key) -> KeyedEncodingContainer<NestedKey> {
        child(key).container(keyedBy: keyType)
    }
    mutating func nestedUnkeyedContainer(forKey key: Key) -> any UnkeyedEncodingContainer { child(key).unkeyedContainer() }
    mutating func superEncoder() -> any Encoder { StreamEncoder(walk: walk, frame: frame) }
    mutating func superEncoder(forKey key: Key) -> any Encoder { child(key) }
}

private struct StreamUnkeyedContainer: UnkeyedEncodingContainer {
    let walk: Walk
    let frame: Int
    var codingPath: [any CodingKey] { [] }
    var count: Int { walk.core.elements(in: frame) }

    private func next() -> StreamEncoder { StreamEncoder(walk: walk, frame: walk.core.open(in: frame, as: .element, key: "")) }

    mutating func encodeNil() throws { try walk.core.writeEmptyElement(in: frame) }
    mutating func encode<T: Encodable>(_ value: T) throws { try write(value, in: frame, as: .element, key: "", walk: walk) }
    mutating func nestedContainer<NestedKey: CodingKey>(keyedBy keyType: NestedKey.Type) -> KeyedEncodingContainer<NestedKey> {
        next().container(keyedBy: keyType)
    }
    mutating func nestedUnkeyedContainer() -> any UnkeyedEncodingContainer { next().unkeyedContainer() }
    mutating func superEncoder() -> any Encoder { next() }
}

private struct StreamSingleContainer: SingleValueEncodingContainer {
    let walk: Walk
    let frame: Int
    var codingPath: [any CodingKey] { [] }

    mutating func encodeNil() throws {}
    mutating func encode<T: Encodable>(_ value: T) throws {
        if let leaf = TemplateLeaf(value) {
            try walk.core.write(leaf, in: frame, as: .leaf, key: "")
        } else {
            try value.encode(to: StreamEncoder(walk: walk, frame: frame))
        }
    }
}
