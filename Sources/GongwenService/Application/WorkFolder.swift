import Foundation

/// A request's own temporary folder: created for its work, removed when the work ends,
/// whether it succeeded, threw or outlived its deadline.
enum WorkFolder {
    static func with<T>(in parent: URL, _ body: (URL) throws -> T) throws -> T {
        let folder = parent.appendingPathComponent("gongwen-\(UUID().uuidString)", isDirectory: true)
        do {
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        } catch {
            throw ServiceError.internalFailure(detail: "无法创建临时目录（cannot create a temporary folder）")
        }
        defer { try? FileManager.default.removeItem(at: folder) }
        return try body(folder)
    }
}
