import CAllocator

/// How the C allocator treats memory that document work frees. Each document allocates and
/// frees a few hundred kilobytes: zlib's deflate state (about 270 KB per zip member),
/// libxlsxwriter's worksheet tables, our XML buffers. glibc's defaults give anything above
/// 128 KB at the top of a heap back to the kernel on free, and serve requests above 128 KB
/// from fresh mappings, so every document paid for the same pages again in page faults and
/// zeroing: a quarter of the time of a form. Keeping freed memory for reuse removes that,
/// at the price of holding a bounded amount (the largest working set of the busiest moment).
public enum AllocatorTuning {
    /// Freed memory kept per heap before any is given back.
    public static let keptFreeBytes = 64 << 20
    /// Requests from this size up still get their own mapping (a list file read whole, a
    /// collected archive), so that one large request does not stay on a heap.
    public static let ownMappingBytes = 4 << 20

    /// Applies the settings to this process. Call once, at the start of a command, before
    /// threads start allocating; it is a no-op on C libraries other than glibc.
    @discardableResult
    public static func apply() -> Bool {
        gongwen_allocator_keep_freed_memory(keptFreeBytes, ownMappingBytes) == 1
    }
}
