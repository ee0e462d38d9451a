import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Writes a file so that its destination gains either the whole file or nothing: the writer
/// writes a temporary file in the same folder, which is renamed over the final name only
/// when everything succeeded, and removed otherwise.
public enum AtomicFile {
    /// Calls `write` with a temporary path beside `destination`, then renames it into place.
    /// The temporary name starts with a dot, so a half-written file is never mistaken for
    /// output, and does not repeat the final name: a name near the file system's 255 bytes
    /// would otherwise be too long with the temporary suffix added.
    public static func write<T>(to destination: URL, _ write: (URL) throws -> T) throws -> T {
        // Paths as strings: URL's path arithmetic cost more than the rename, once per file
        // of a batch of thousands.
        let path = destination.path
        let slash = path.lastIndex(of: "/")
        let folder = slash.map { String(path[..<$0]) } ?? "."
        let temporaryPath = folder + "/.gongwen-" + UUID().uuidString + ".tmp"
        // Registered before the folder is made: an interrupted run makes no folder again.
        guard let pending = PendingPaths.shared.add(temporaryPath) else {
            throw OutputError(path: path, detail: "已中断（interrupted）")
        }
        defer { PendingPaths.shared.remove(pending) }
        try ensureFolder(atPath: folder.isEmpty ? "/" : folder)
        do {
            let result = try write(URL(fileURLWithPath: temporaryPath, isDirectory: false))
            guard rename(temporaryPath, path) == 0 else {
                throw OutputError(path: path, detail: String(cString: strerror(errno)))
            }
            return result
        } catch {
            unlink(temporaryPath)
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
        try ensureFolder(atPath: folder.path)
    }

    /// Creates the folder at `path` and its parents when missing. One `stat` when it exists,
    /// as it does for every file of a batch but the first.
    static func ensureFolder(atPath path: String) throws(OutputError) {
        var status = stat()
        if stat(path, &status) == 0 {
            guard status.st_mode & S_IFMT == S_IFDIR else { throw OutputError(path: path, detail: "不是目录（not a directory）") }
            return
        }
        do {
            try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        } catch {
            throw OutputError(path: path, detail: error.localizedDescription)
        }
    }
}
