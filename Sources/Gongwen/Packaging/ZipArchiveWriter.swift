import CZip
import Foundation

/// Owns one libzip archive opened for writing. libzip reads a buffer source only at
/// `zip_close`, so every member's bytes are copied into memory that libzip itself owns and
/// frees (`freep = 1`): nothing the caller holds needs to outlive the call to `add`.
final class ZipArchiveWriter {
    private var archive: OpaquePointer?
    private let path: String

    init(path: String) throws(ZipError) {
        self.path = path
        var code: Int32 = 0
        guard let archive = zip_open(path, ZIP_CREATE | ZIP_TRUNCATE, &code) else {
            throw ZipError(openCode: code, context: "creating \(path)")
        }
        self.archive = archive
    }

    deinit {
        if let archive { zip_discard(archive) }
    }

    /// Adds a member, deflated, with its name flagged as UTF-8.
    func add(_ name: String, _ data: Data) throws(ZipError) {
        guard let archive else { throw ZipError(code: 0, message: "archive already closed", context: "adding \(name)") }
        let buffer = malloc(max(data.count, 1))!
        data.withUnsafeBytes { bytes in
            if let base = bytes.baseAddress { memcpy(buffer, base, data.count) }
        }
        guard let source = zip_source_buffer(archive, buffer, zip_uint64_t(data.count), 1) else {
            free(buffer)
            throw ZipError(archive: archive, context: "adding \(name) to \(path)")
        }
        let index = zip_file_add(archive, name, source, zip_flags_t(ZIP_FL_ENC_UTF_8 | ZIP_FL_OVERWRITE))
        if index < 0 {
            zip_source_free(source)
            throw ZipError(archive: archive, context: "adding \(name) to \(path)")
        }
        zip_set_file_compression(archive, zip_uint64_t(index), ZIP_CM_DEFLATE, 0)
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
