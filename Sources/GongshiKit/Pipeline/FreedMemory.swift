#if canImport(Glibc)
    import Glibc
#endif

/// glibc keeps memory a stage freed for later allocations instead of returning it, so without this the peak of a
/// later stage stacks on the garbage of an earlier one.
enum FreedMemory {
    /// Returns the memory freed so far to the system (`malloc_trim`); nothing elsewhere.
    static func returnToSystem() {
        #if os(Linux)
            _ = linuxMallocTrim(0)
        #endif
    }
}

#if os(Linux)
    /// glibc's `malloc_trim(3)` (declared in `malloc.h`, which the Glibc module leaves out).
    @_silgen_name("malloc_trim")
    private func linuxMallocTrim(_ pad: Int) -> Int32
#endif
