/// Decides when to rebuild: once watched files have changed and then stayed unchanged for `settle`,
/// so a burst of saves (several files, or an editor writing twice) triggers one rebuild.
/// Pure: the caller takes the snapshots and passes the time.
public struct SiteWatcher: Sendable {
    public let settle: Duration
    /// The most recent snapshot seen.
    public private(set) var latest: SourceSnapshot
    private var lastChange: ContinuousClock.Instant?
    private var pending: Set<String> = []

    public init(initial: SourceSnapshot, settle: Duration = .milliseconds(200)) {
        self.latest = initial
        self.settle = settle
    }

    /// Whether changes are waiting for the burst to end.
    public var hasPendingChanges: Bool { lastChange != nil }

    /// Feeds the snapshot taken at `now`; returns the changed paths (sorted) when it is time to rebuild, else nil.
    public mutating func observe(_ snapshot: SourceSnapshot, at now: ContinuousClock.Instant) -> [String]? {
        let changed = snapshot.changedPaths(since: latest)
        if !changed.isEmpty {
            latest = snapshot
            lastChange = now
            pending.formUnion(changed)
        }
        guard let lastChange, lastChange.duration(to: now) >= settle else { return nil }
        self.lastChange = nil
        defer { pending = [] }
        return pending.sorted()
    }
}
