import Foundation
import Gongwen

/// A zip of returned forms, unpacked into a request's folder with bounds: at most
/// `maxMembers` forms, each read through libzip with a cap on its inflated size (a zip bomb
/// is refused, not inflated), and each written under a name of ours, so that no member name
/// (`../../x`, an absolute path) can place a file outside the folder. The member's own path
/// stays as the name reports use.
enum ReturnedArchive {
    static let maxMembers = 5_000
    /// The most bytes all members may inflate to together.
    static let maxTotalBytes = 512 << 20

    /// The forms of the archive and the other members it holds, which are not read: a
    /// coordinator who zipped a 说明.txt or a scanned .pdf with the forms should see that it
    /// was passed over, not lose it without a word.
    static func extract(_ archive: URL, into folder: URL) throws -> (forms: [ReturnedFile], skipped: [String]) {
        let reader: ZipArchiveReader
        do {
            reader = try ZipArchiveReader(path: archive.path)
        } catch {
            throw ServiceError.malformedUpload(detail: "上传的不是 zip 压缩包（not a zip archive）：\(error.message)")
        }
        // Number-aware order (单位2 before 单位10), as `gongwen collect` walks a folder.
        let names = reader.names.filter(isForm).sorted { $0.compare($1, options: [.numeric]) == .orderedAscending }
        // Named up to the forms' bound: a zip of a million empty files answers a short report.
        let skipped = reader.names.filter(isSkipped).sorted { $0.compare($1, options: [.numeric]) == .orderedAscending }
            .prefix(maxMembers)
        guard names.count <= maxMembers else {
            throw ServiceError.malformedUpload(detail: "压缩包含 \(names.count) 个表格，超过 \(maxMembers) 个的上限（too many files）")
        }
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        var files: [ReturnedFile] = []
        var total = 0
        for (index, name) in names.enumerated() {
            let data: Data?
            do {
                data = try reader.read(name, limit: ReadLimits.form.partBytes)
            } catch {
                throw ServiceError.malformedUpload(detail: "\(name)：无法解压，或解压后超过 \(ReadLimits.form.partBytes >> 20) MiB（\(error.message)）")
            }
            guard let data else { continue }
            total += data.count
            guard total <= maxTotalBytes else {
                throw ServiceError.malformedUpload(detail: "压缩包解压后超过 \(maxTotalBytes >> 20) MiB（archive inflates too far）")
            }
            let ext = (name as NSString).pathExtension.lowercased()
            let url = folder.appendingPathComponent("\(index + 1).\(ext)")
            try data.write(to: url)
            files.append(ReturnedFile(url: url, displayPath: name))
        }
        guard !files.isEmpty else {
            // What the zip held instead, so the coordinator sees the scans or notes they sent.
            let held = skipped.isEmpty ? "" : "（其中只有 " + skipped.prefix(10).joined(separator: "、") + (skipped.count > 10 ? " 等 \(skipped.count) 个文件" : "") + "）"
            throw CollectInputError.noForms(paths: ["上传的压缩包" + held])
        }
        return (files, Array(skipped))
    }

    /// A file of the person's that is not a form (not a folder, not macOS's resource forks, not
    /// a hidden or lock file, which no one put there on purpose).
    static func isSkipped(_ name: String) -> Bool {
        guard !name.hasSuffix("/"), !name.hasPrefix("__MACOSX/") else { return false }
        let last = (name as NSString).lastPathComponent
        return !last.hasPrefix(".") && !last.hasPrefix("~$") && !isForm(name)
    }

    /// An `.xlsx` or `.docx` member, not a folder, not hidden, not an Office or WPS lock file,
    /// not macOS's resource forks.
    static func isForm(_ name: String) -> Bool {
        guard !name.hasSuffix("/"), !name.hasPrefix("__MACOSX/") else { return false }
        return ReturnedFiles.isFormName((name as NSString).lastPathComponent)
    }
}
