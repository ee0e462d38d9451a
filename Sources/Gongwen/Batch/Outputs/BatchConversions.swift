import Foundation

/// The PDF side of one batch run: where each form's DOCX and PDF go, the queue that converts
/// them, and the print file at the end. A DOCX that the batch does not keep (`--format pdf`)
/// and a PDF that it does not keep (`--print` alone) live in a staging folder inside the
/// batch folder, removed when the run ends however it ends.
final class BatchConversions: @unchecked Sendable {
    let pdf: BatchPDF
    let folder: URL
    let staging: URL
    /// The DOCX is one of the batch's formats: convert that file, write no other.
    let docxKept: Bool
    private let queue: ConversionQueue
    /// The forms of the print file, in the list's order; touched only by the run's own thread.
    private var printStems: [String] = []
    private(set) var printFile: URL?
    /// The staging folder's entry in `PendingPaths`, so that an interrupted run removes it too.
    private let pending: UInt64

    init(_ pdf: BatchPDF, folder: URL, formats: [OutputFormat]) throws {
        self.pdf = pdf
        self.folder = folder
        staging = folder.appendingPathComponent(".gongwen-batch-\(UUID().uuidString)")
        guard let pending = PendingPaths.shared.add(staging.path) else {
            throw OutputError(path: staging.path, detail: "已中断（interrupted）")
        }
        self.pending = pending
        try AtomicFile.ensureFolder(staging)
        docxKept = formats.contains(.docx)
        queue = ConversionQueue(workers: pdf.conversions, capacity: pdf.queueCapacity, convert: pdf.convert)
    }

    /// Where to write the DOCX of form `stem` for its PDF alone; nil when the kept DOCX serves.
    func stagedDocx(_ stem: String) -> URL? {
        docxKept ? nil : staging.appendingPathComponent(stem + ".docx")
    }

    func pdfURL(_ stem: String) -> URL {
        (pdf.keepForms ? folder : staging).appendingPathComponent(stem + ".pdf")
    }

    /// Queues the PDF of form `stem`, whose DOCX is written; waits while the queue is full.
    func submit(_ stem: String) throws {
        let source = stagedDocx(stem) ?? folder.appendingPathComponent(stem + ".docx")
        try queue.submit(.init(source: source, destination: pdfURL(stem), discardSource: !docxKept))
    }

    /// Form `stem` is the next of the print file.
    func printed(_ stem: String) {
        if pdf.printFile { printStems.append(stem) }
    }

    /// Waits for the last PDF, then joins the print file, named `name`.
    func finish(printFileName name: String) throws {
        try queue.finish()
        guard pdf.printFile, !printStems.isEmpty else { return }
        let url = folder.appendingPathComponent(name)
        try PrintFile.merge(printStems.map(pdfURL), to: url, work: staging)
        printFile = url
    }

    /// Stops the conversions (the run failed elsewhere) and removes the staging folder.
    func removeStaging() {
        queue.abandon()
        try? FileManager.default.removeItem(at: staging)
        PendingPaths.shared.remove(pending)
    }
}
