import CZip
import Foundation

/// Owns one libzip archive opened for reading, and reads members with a bound on their
/// inflated size, so that a zip bomb is refused instead of filling memory.
public final class ZipArchiveReader {
    private let archive: OpaquePointer
    private let path: String

    public init(path: String) throws(ZipError) {
        self.path = path
        var code: Int32 = 0
        guard let archive = zip_open(path, ZIP_RDONLY | ZIP_CHECKCONS, &code) else {
            throw ZipError(openCode: code, context: "opening \(path)")
        }
        self.archive = archive
    }

    deinit { zip_discard(archive) }

    /// The names of all members, in the archive's order.
    public var names: [String] {
        let count = zip_get_num_entries(archive, 0)
        guard count > 0 else { return [] }
        return (0..<count).compactMap { i in
            zip_get_name(archive, zip_uint64_t(i), zip_flags_t(ZIP_FL_ENC_GUESS)).map { String(cString: $0) }
        }
    }

    /// The inflated bytes of `name`, or nil when the archive has no such member. Refuses a
    /// member whose inflated size passes `limit`, counting what actually comes out rather
    /// than trusting the size the archive declares.
    public func read(_ name: String, limit: Int = 64 << 20) throws(ZipError) -> Data? {
        guard let file = zip_fopen(archive, name, 0) else {
            if zip_error_code_zip(zip_get_error(archive)) == ZIP_ER_NOENT { return nil }
            throw ZipError(archive: archive, context: "opening \(name) in \(path)")
        }
        defer { zip_fclose(file) }
        var data = Data()
        var chunk = [UInt8](repeating: 0, count: 64 << 10)
        while true {
            let n = chunk.withUnsafeMutableBytes { zip_fread(file, $0.baseAddress, zip_uint64_t($0.count)) }
            if n < 0 {
                let error = zip_file_get_error(file)
                throw ZipError(code: zip_error_code_zip(error), message: String(cString: zip_error_strerror(error)),
                               context: "reading \(name) in \(path)")
            }
            if n == 0 { break }
            guard data.count + Int(n) <= limit else {
                throw ZipError(code: 0, message: "member inflates past \(limit) bytes (possible zip bomb)",
                               context: "reading \(name) in \(path)")
            }
            data.append(contentsOf: chunk[0..<Int(n)])
        }
        return data
    }
}
