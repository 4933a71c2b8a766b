#if canImport(Glibc)
import Glibc
#endif

/// Bytes the process heap holds in use, from glibc's `mallinfo2()` (arena chunks in use plus
/// mmapped chunks). Retained growth across a loop shows allocations it keeps; a transient
/// malloc/free pair within a step is not visible here (glibc counts tcache chunks as in use),
/// which is why docs/thermal.md also reports a valgrind count for S versus 2S steps.
enum HeapProbe {
    /// `struct mallinfo2`: ten `size_t` fields (glibc >= 2.33, malloc.h).
    private struct MallocInfo2 {
        var arena = 0, ordblks = 0, smblks = 0, hblks = 0, hblkhd = 0
        var usmblks = 0, fsmblks = 0, uordblks = 0, fordblks = 0, keepcost = 0
    }

    /// Nil where glibc's `mallinfo2` is unavailable.
    static func bytesInUse() -> Int? {
        #if os(Linux) && arch(x86_64)
        // Swift's Glibc module does not import malloc.h, so look the function up. On x86-64
        // SysV a C function returning an 80-byte struct takes the result's address as a hidden
        // first argument (rdi), so calling it as `(UnsafeMutableRawPointer) -> Void` is the
        // exact ABI.
        guard let symbol = dlsym(UnsafeMutableRawPointer(bitPattern: 0), "mallinfo2") else { return nil }
        typealias Function = @convention(c) (UnsafeMutableRawPointer) -> Void
        let function = unsafeBitCast(symbol, to: Function.self)
        var info = MallocInfo2()
        withUnsafeMutableBytes(of: &info) { function($0.baseAddress!) }
        return info.uordblks + info.hblkhd
        #else
        return nil
        #endif
    }
}
