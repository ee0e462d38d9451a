import CZip
import Foundation

/// Owns one libzip archive opened for writing, to a file or to memory. libzip reads a buffer
/// source only at `zip_close`, so every member's bytes are copied into memory that libzip
/// itself owns and frees (`freep = 1`): nothing the caller holds needs to outlive `add`.
final class ZipArchiveWriter {
    private var archive: OpaquePointer?
    /// The buffer source an in-memory archive is written into, kept past `zip_close` (which
    /// gives up the archive's reference) so that its bytes can be read out.
    private var memory: OpaquePointer?
    private let path: String

    /// zlib's level for deflated members: the fastest. On our parts (a DOCX form, 22 KB of
    /// XML) it wrote a package 6% larger than the default level 6 in 60% of the time, and
    /// a batch of thousands is waited for; the size difference is a few hundred bytes.
    static let deflateLevel: zip_uint32_t = 1

    init(path: String) throws(ZipError) {
        self.path = path
        var code: Int32 = 0
        guard let archive = zip_open(path, ZIP_CREATE | ZIP_TRUNCATE, &code) else {
            throw ZipError(openCode: code, context: "creating \(path)")
        }
        self.archive = archive
    }

    /// An archive built in memory; `closeInMemory` returns its bytes. For one document: a
    /// file archive goes through libzip's own temporary file, rename and `umask` calls (which
    /// are process-wide, so racy between threads), all of which cost more than the deflate of
    /// a small package, and the caller writes the bytes atomically anyway.
    init(inMemoryFor name: String) throws(ZipError) {
        path = name
        var error = zip_error_t()
        zip_error_init(&error)
        defer { zip_error_fini(&error) }
        guard let source = zip_source_buffer_create(nil, 0, 0, &error) else {
            throw ZipError(code: zip_error_code_zip(&error), message: String(cString: zip_error_strerror(&error)), context: "creating \(name) in memory")
        }
        guard let archive = zip_open_from_source(source, ZIP_TRUNCATE, &error) else {
            zip_source_free(source)
            throw ZipError(code: zip_error_code_zip(&error), message: String(cString: zip_error_strerror(&error)), context: "creating \(name) in memory")
        }
        zip_source_keep(source)
        self.archive = archive
        self.memory = source
    }

    deinit {
        if let archive { zip_discard(archive) }
        if let memory { zip_source_free(memory) }
    }

    /// Adds a member, deflated, with its name flagged as UTF-8.
    func add(_ name: String, _ data: Data) throws(ZipError) {
        let buffer = malloc(max(data.count, 1))!
        data.withUnsafeBytes { bytes in
            if let base = bytes.baseAddress { memcpy(buffer, base, data.count) }
        }
        try add(name, buffer: buffer, count: data.count)
    }

    /// Adds an XML or text member, its UTF-8 copied once, straight into libzip's buffer.
    func add(_ name: String, text: String) throws(ZipError) {
        var text = text
        let count = text.utf8.count
        let buffer = malloc(max(count, 1))!
        text.withUTF8 { bytes in
            if let base = bytes.baseAddress { memcpy(buffer, base, count) }
        }
        try add(name, buffer: buffer, count: count)
    }

    /// Hands `buffer` (from `malloc`) to libzip, which frees it.
    private func add(_ name: String, buffer: UnsafeMutableRawPointer, count: Int) throws(ZipError) {
        guard let archive else {
            free(buffer)
            throw ZipError(code: 0, message: "archive already closed", context: "adding \(name)")
        }
        guard let source = zip_source_buffer(archive, buffer, zip_uint64_t(count), 1) else {
            free(buffer)
            throw ZipError(archive: archive, context: "adding \(name) to \(path)")
        }
        let index = zip_file_add(archive, name, source, zip_flags_t(ZIP_FL_ENC_UTF_8 | ZIP_FL_OVERWRITE))
        if index < 0 {
            zip_source_free(source)
            throw ZipError(archive: archive, context: "adding \(name) to \(path)")
        }
        zip_set_file_compression(archive, zip_uint64_t(index), ZIP_CM_DEFLATE, Self.deflateLevel)
    }

    /// Adds the file at `path` as member `name`, without holding its bytes: libzip reads the
    /// file only at `close`, so it must stay in place until then. `compress: false` stores
    /// members that are zip archives already (XLSX, DOCX), which deflate would not shrink.
    func addFile(_ name: String, path: String, compress: Bool = true) throws(ZipError) {
        guard let archive else { throw ZipError(code: 0, message: "archive already closed", context: "adding \(name)") }
        guard let source = zip_source_file(archive, path, 0, -1) else {
            throw ZipError(archive: archive, context: "adding \(path) as \(name) to \(self.path)")
        }
        let index = zip_file_add(archive, name, source, zip_flags_t(ZIP_FL_ENC_UTF_8 | ZIP_FL_OVERWRITE))
        if index < 0 {
            zip_source_free(source)
            throw ZipError(archive: archive, context: "adding \(path) as \(name) to \(self.path)")
        }
        zip_set_file_compression(archive, zip_uint64_t(index), compress ? ZIP_CM_DEFLATE : ZIP_CM_STORE, 0)
    }

    /// Writes an in-memory archive and returns its bytes. After this the handle is gone,
    /// whether it succeeded or not.
    func closeInMemory() throws(ZipError) -> Data {
        guard let memory else { throw ZipError(code: 0, message: "not an in-memory archive", context: "closing \(path)") }
        try close()
        var stat = zip_stat_t()
        zip_stat_init(&stat)
        guard zip_source_open(memory) == 0 else { throw ZipError(source: memory, context: "reading \(path) from memory") }
        defer { zip_source_close(memory) }
        guard zip_source_stat(memory, &stat) == 0, stat.valid & zip_uint64_t(ZIP_STAT_SIZE) != 0 else {
            throw ZipError(source: memory, context: "reading \(path) from memory")
        }
        var data = Data(count: Int(stat.size))
        let read = data.withUnsafeMutableBytes { bytes in zip_source_read(memory, bytes.baseAddress, stat.size) }
        guard read == Int64(stat.size) else { throw ZipError(source: memory, context: "reading \(path) from memory") }
        return data
    }

    /// Writes an in-memory archive's bytes to `destination` (a temporary file of the caller's).
    func closeInMemory(writingTo destination: String) throws(ZipError) {
        let data = try closeInMemory()
        do {
            try data.write(to: URL(fileURLWithPath: destination))
        } catch {
            throw ZipError(code: ZIP_ER_WRITE, message: error.localizedDescription, context: "writing \(destination)")
        }
    }

    /// Writes the archive. After this the handle is gone, whether it succeeded or not.
    func close() throws(ZipError) {
        guard let archive else { return }
        if zip_close(archive) != 0 {
            let error = ZipError(archive: archive, context: "writing \(path)")
            zip_discard(archive)
            self.archive = nil
            throw error
        }
        self.archive = nil
    }
}
