import Foundation

#if canImport(Glibc)
    import Glibc
#endif

/// Swaps two paths in one step with Linux's `renameat2(RENAME_EXCHANGE)`, so a reader always sees either the
/// old site or the new one. Where the call is missing (older kernels, other systems, some file systems) it
/// falls back to two renames, leaving the target missing for a moment.
enum AtomicExchange {
    private typealias RenameAt2 = @convention(c) (Int32, UnsafePointer<CChar>, Int32, UnsafePointer<CChar>, UInt32) -> Int32

    /// glibc declares `renameat2` only under `_GNU_SOURCE`, which Swift's Glibc module does not set: look it up.
    private static let renameat2: RenameAt2? = {
        #if os(Linux)
            guard let handle = dlopen(nil, RTLD_NOW), let symbol = dlsym(handle, "renameat2") else { return nil }
            return unsafeBitCast(symbol, to: RenameAt2.self)
        #else
            return nil
        #endif
    }()

    private static let exchangeFlag: UInt32 = 1 << 1  // RENAME_EXCHANGE
    private static let currentDirectory: Int32 = -100  // AT_FDCWD

    /// After this call `a` holds what was at `b` and `b` what was at `a`. Both must exist.
    static func exchange(_ a: URL, _ b: URL) throws {
        if let renameat2, renameat2(currentDirectory, a.path, currentDirectory, b.path, exchangeFlag) == 0 { return }
        let fm = FileManager.default
        let aside = b.deletingLastPathComponent().appendingPathComponent(".\(b.lastPathComponent).aside-\(getpid())")
        try fm.moveItem(at: b, to: aside)
        do {
            try fm.moveItem(at: a, to: b)
        } catch {
            try? fm.moveItem(at: aside, to: b)
            throw error
        }
        try fm.moveItem(at: aside, to: a)
    }
}
