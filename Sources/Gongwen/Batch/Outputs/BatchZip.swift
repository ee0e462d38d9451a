import Foundation

/// `batch.zip`: every file of a batch and its manifest in one archive, for sending on. Members
/// are added from their files, which libzip reads one at a time when it writes the archive,
/// so a batch of thousands never sits in memory; the archive appears whole or not at all.
enum BatchZip {
    static let fileName = "batch.zip"

    /// Zips `members` (file names inside `folder`) into `destination`.
    static func write(_ members: [String], in folder: URL, to destination: URL) throws {
        try AtomicFile.write(to: destination) { temporary in
            let zip = try ZipArchiveWriter(path: temporary.path)
            for name in members {
                let compress = !(name.hasSuffix(".xlsx") || name.hasSuffix(".docx"))
                try zip.addFile(name, path: folder.appendingPathComponent(name).path, compress: compress)
            }
            try zip.close()
        }
    }
}
