import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Writes a file so that its destination gains either the whole file or nothing: the writer
/// writes a temporary file in the same folder, which is renamed over the final name only
/// when everything succeeded, and removed otherwise.
public enum AtomicFile {
    /// Calls `write` with a temporary path beside `destination`, then renames it into place.
    /// The temporary name starts with a dot, so a half-written file is never mistaken for output.
    public static func write<T>(to destination: URL, _ write: (URL) throws -> T) throws -> T {
        let folder = destination.deletingLastPathComponent()
        try ensureFolder(folder)
        let temporary = folder.appendingPathComponent(".\(destination.lastPathComponent).\(UUID().uuidString).tmp")
        do {
            let result = try write(temporary)
            guard rename(temporary.path, destination.path) == 0 else {
                throw OutputError(path: destination.path, detail: String(cString: strerror(errno)))
            }
            return result
        } catch {
            try? FileManager.default.removeItem(at: temporary)
            throw error
        }
    }

    /// Writes `data` atomically.
    public static func write(_ data: Data, to destination: URL) throws {
        try write(to: destination) { temporary in
            do {
                try data.write(to: temporary)
            } catch {
                throw OutputError(path: destination.path, detail: error.localizedDescription)
            }
        }
    }

    /// Creates `folder` and its parents when missing.
    public static func ensureFolder(_ folder: URL) throws(OutputError) {
        var isDirectory: ObjCBool = false
        if FileManager.default.fileExists(atPath: folder.path, isDirectory: &isDirectory) {
            guard isDirectory.boolValue else { throw OutputError(path: folder.path, detail: "不是目录（not a directory）") }
            return
        }
        do {
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        } catch {
            throw OutputError(path: folder.path, detail: error.localizedDescription)
        }
    }
}
