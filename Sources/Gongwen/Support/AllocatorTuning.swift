import CAllocator

/// How the C allocator treats memory that document work frees. Each document allocates and
/// frees a few hundred kilobytes: zlib's deflate state (about 270 KB per zip member),
/// libxlsxwriter's worksheet tables, our XML buffers. glibc's defaults give anything above
/// 128 KB at the top of a heap back to the kernel on free, and serve requests above 128 KB
/// from fresh mappings, so every document paid for the same pages again in page faults and
/// zeroing: a quarter of the time of a form. Keeping a little freed memory for reuse removes
/// that.
///
/// The amounts are the smallest that keep the gain (measured on the key-project form: with
/// 512 KB kept and mappings from 256 KB an XLSX took 1.3 ms, with 256 KB kept 1.9 ms, with
/// 128 KB, as by default, 2.4 ms), so that a long-running service holds at most a few
/// megabytes per heap that it could have given back.
public enum AllocatorTuning {
    /// Freed memory at the top of a heap that is kept before any is given back.
    public static let keptFreeBytes = 2 << 20
    /// Requests from this size up get their own mapping, returned whole on free (a list file
    /// read at once, a collected archive), so that one large request does not stay on a heap.
    public static let ownMappingBytes = 512 << 10

    /// Applies the settings to this process. Call once, at the start of a command, before
    /// threads start allocating; it is a no-op on C libraries other than glibc.
    @discardableResult
    public static func apply() -> Bool {
        gongwen_allocator_keep_freed_memory(keptFreeBytes, ownMappingBytes) == 1
    }
}
