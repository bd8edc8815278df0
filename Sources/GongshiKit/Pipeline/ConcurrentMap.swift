import Foundation

extension Array where Element: Sendable {
    /// `map` on every core (`DispatchQueue.concurrentPerform`); results keep the elements' order.
    func concurrentMap<T>(_ transform: @Sendable (Element) -> T) -> [T] {
        let slots = Slots<T>(count: count)
        DispatchQueue.concurrentPerform(iterations: count) { index in slots.set(index, transform(self[index])) }
        return slots.values
    }
}

/// Fixed slots that concurrent iterations fill, each index written by exactly one iteration.
private final class Slots<Value>: @unchecked Sendable {
    private let storage: UnsafeMutablePointer<Value?>
    private let count: Int

    init(count: Int) {
        self.count = count
        storage = .allocate(capacity: max(count, 1))
        storage.initialize(repeating: nil, count: count)
    }

    deinit {
        storage.deinitialize(count: count)
        storage.deallocate()
    }

    func set(_ index: Int, _ value: Value) { storage[index] = value }

    var values: [Value] { (0..<count).map { storage[$0]! } }
}
