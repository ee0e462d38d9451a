import Foundation

/// `print.pdf`: every unit's filled form in the list's order, one PDF to send to a printer.
/// The forms' own PDFs (LibreOffice's) are joined page for page by poppler's `pdfunite`, which
/// the machine has already for reading PDFs (poppler-utils); `qpdf` would do the same but is
/// one more package. Each form starts on a new page, so printed one-sided each starts on a
/// new sheet, and the page count is the sum of the forms'. No blank pages are put in: a
/// form of an odd number of pages printed on both sides shares its last sheet with the next
/// form, and the printer's one-sided setting is the way to keep them apart.
public enum PrintFile {
    public static let fileName = "print.pdf"

    /// How many PDFs one `pdfunite` opens at once: it holds every input open and in memory,
    /// so a province-sized list is joined in groups and then the groups.
    static let groupSize = 200

    public enum Failure: GongwenError {
        /// poppler's `pdfunite` is not installed.
        case mergerMissing
        /// `pdfunite` ran and made no PDF.
        case mergeFailed(status: Int32, output: String)

        public var description: String {
            switch self {
            case .mergerMissing:
                "合并打印文件需要 pdfunite（pdfunite not found）：apt-get install poppler-utils"
            case .mergeFailed(let status, let output):
                "合并打印文件失败（pdfunite exit \(status)）：\(output)"
            }
        }

        public var kind: ErrorKind {
            switch self {
            case .mergerMissing: .unavailable
            case .mergeFailed: .output
            }
        }
    }

    /// The `pdfunite` executable, if poppler's tools are installed.
    public static func merger() -> URL? {
        let path = ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin"
        for folder in path.split(separator: ":").map(String.init) + ["/usr/bin"] {
            let candidate = URL(fileURLWithPath: folder).appendingPathComponent("pdfunite")
            if FileManager.default.isExecutableFile(atPath: candidate.path) { return candidate }
        }
        return nil
    }

    /// Joins `pdfs`, in order, into `destination`, atomically; `work` is a folder for the
    /// groups' PDFs of a long list.
    static func merge(_ pdfs: [URL], to destination: URL, work: URL) throws {
        guard let merger = merger() else { throw Failure.mergerMissing }
        var inputs = pdfs
        var round = 0
        while inputs.count > groupSize {
            round += 1
            var joined: [URL] = []
            for (index, start) in stride(from: 0, to: inputs.count, by: groupSize).enumerated() {
                let part = work.appendingPathComponent("print-\(round)-\(index).pdf")
                try run(merger, Array(inputs[start..<min(start + groupSize, inputs.count)]), part)
                joined.append(part)
            }
            inputs = joined
        }
        try AtomicFile.write(to: destination) { temporary in
            if inputs.count == 1 {
                try FileManager.default.copyItem(at: inputs[0], to: temporary)
            } else {
                try run(merger, inputs, temporary)
            }
        }
    }

    private static func run(_ merger: URL, _ inputs: [URL], _ output: URL) throws {
        let process = Process()
        process.executableURL = merger
        process.arguments = inputs.map(\.path) + [output.path]
        let errors = Pipe()
        process.standardError = errors
        process.standardOutput = FileHandle.nullDevice
        try process.run()
        // pdfunite says little; reading to the end before waiting keeps the pipe from filling.
        let text = String(decoding: errors.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        guard process.terminationStatus == 0, FileManager.default.fileExists(atPath: output.path) else {
            throw Failure.mergeFailed(status: process.terminationStatus, output: text.trimmingCharacters(in: .whitespacesAndNewlines))
        }
    }
}
