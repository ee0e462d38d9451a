import Foundation
import Testing
@testable import Gongwen

/// The PDF side of a batch without LibreOffice: a converter of the test's own stands in for
/// it, so what is asserted is the batch's part (which DOCX goes in, where the PDF lands, the
/// manifest's lines, what is left after a failure, how many conversions run at once).
@Suite("Batch PDF")
struct BatchPDFTests {
    let library = Fixtures.library

    /// What the stand-in converter saw, shared by its calls on the queue's threads.
    final class Conversions: @unchecked Sendable {
        private let lock = NSLock()
        private var sources: [URL] = []
        private var running = 0
        private(set) var peak = 0

        var seen: [URL] { lock.withLock { sources } }

        /// Copies the DOCX to the "PDF" after `delay`; fails on the source named `failing`.
        func converter(delay: TimeInterval = 0, failing: String? = nil) -> @Sendable (URL, URL) throws -> Void {
            { source, destination in
                self.lock.withLock {
                    self.sources.append(source)
                    self.running += 1
                    self.peak = max(self.peak, self.running)
                }
                defer { self.lock.withLock { self.running -= 1 } }
                if delay > 0 { Thread.sleep(forTimeInterval: delay) }
                let data = try Data(contentsOf: source)
                #expect(data.starts(with: [0x50, 0x4B]), "the converter is given a whole DOCX (a zip)")
                if let failing, source.lastPathComponent.hasPrefix(failing) {
                    throw PDFConverter.Failure.failed(status: 1, output: "stand-in failure")
                }
                try AtomicFile.write(data, to: destination)
            }
        }
    }

    func list(_ count: Int) throws -> ListSource {
        let lines = (1...count).map { #"{"projectName": "项目\#($0)", "organizer": "单位\#($0)"}"# }
        return try JSONLinesList.open(.memory(Data(lines.joined(separator: "\n").utf8)), file: "list.jsonl")
    }

    func runner(_ folder: URL, formats: [OutputFormat], pdf: BatchPDF, zip: Bool = false) throws -> BatchRunner {
        try BatchRunner(library: library, templateID: "key-project-2020",
                        options: BatchOptions(formats: formats, folder: folder, zip: zip, jobs: 2, pdf: pdf))
    }

    func manifestFiles(in folder: URL) throws -> [String] {
        let text = String(decoding: try Data(contentsOf: folder.appendingPathComponent(Manifest.fileName)).dropFirst(3), as: UTF8.self)
        return text.components(separatedBy: "\r\n").dropFirst().filter { !$0.isEmpty }.map { $0.components(separatedBy: ",")[1] }
    }

    func files(in folder: URL) throws -> [String] {
        try FileManager.default.contentsOfDirectory(atPath: folder.path).sorted()
    }

    @Test func formatPDFKeepsOnlyThePDFsAndTheManifestNamesThem() throws {
        let folder = Fixtures.temporaryFolder()
        let seen = Conversions()
        let batch = try runner(folder, formats: [], pdf: BatchPDF(keepForms: true, printFile: false, conversions: 2,
                                                                  convert: seen.converter()))
        let source = try list(5)
        let summary = try batch.run(try batch.plan(source), list: source)
        #expect(summary.filesWritten == 5 && summary.printFile == nil)
        let pdfs = (1...5).map { "\($0)-单位\($0).pdf" }
        #expect(try manifestFiles(in: folder) == pdfs)
        // The DOCX made for each PDF, and the folder they were made in, are gone.
        #expect(try files(in: folder) == (pdfs + [Manifest.fileName]).sorted())
        #expect(seen.seen.count == 5 && seen.seen.allSatisfy { $0.deletingLastPathComponent().standardizedFileURL.path != folder.standardizedFileURL.path })
    }

    @Test func formatAllConvertsTheKeptDocxAndListsThreeFilesAForm() throws {
        let folder = Fixtures.temporaryFolder()
        let seen = Conversions()
        let batch = try runner(folder, formats: [.xlsx, .docx], pdf: BatchPDF(keepForms: true, printFile: false, conversions: 2,
                                                                               convert: seen.converter()), zip: true)
        let source = try list(3)
        let summary = try batch.run(try batch.plan(source), list: source)
        #expect(summary.filesWritten == 9)
        let expected = (1...3).flatMap { i in ["xlsx", "docx", "pdf"].map { "\(i)-单位\(i).\($0)" } }
        #expect(try manifestFiles(in: folder) == expected)
        #expect(Set(seen.seen.map(\.lastPathComponent)) == Set((1...3).map { "\($0)-单位\($0).docx" }))
        #expect(seen.seen.allSatisfy { $0.deletingLastPathComponent().standardizedFileURL.path == folder.standardizedFileURL.path })
        let zip = try ZipArchiveReader(path: folder.appendingPathComponent(BatchZip.fileName).path)
        #expect(zip.names == expected + [Manifest.fileName])
    }

    @Test func aFailedConversionStopsTheBatchAndLeavesNoManifestOrStaging() throws {
        let folder = Fixtures.temporaryFolder()
        let seen = Conversions()
        let batch = try runner(folder, formats: [], pdf: BatchPDF(keepForms: true, printFile: false, conversions: 2,
                                                                  convert: seen.converter(failing: "7-")))
        let source = try list(40)
        #expect(throws: PDFConverter.Failure.self) { try batch.run(try batch.plan(source), list: source) }
        let left = try files(in: folder)
        #expect(!left.contains(Manifest.fileName))
        #expect(left.allSatisfy { $0.hasSuffix(".pdf") && !$0.hasPrefix(".") }, "only whole PDFs: \(left)")
    }

    @Test func noMoreConversionsRunAtOnceThanAsked() throws {
        for conversions in [1, 2] {
            let folder = Fixtures.temporaryFolder()
            let seen = Conversions()
            let batch = try runner(folder, formats: [.docx], pdf: BatchPDF(keepForms: true, printFile: false, conversions: conversions,
                                                                            convert: seen.converter(delay: 0.02)))
            let source = try list(12)
            _ = try batch.run(try batch.plan(source), list: source)
            #expect(seen.seen.count == 12)
            #expect(seen.peak == conversions, "peak \(seen.peak) with \(conversions) conversions")
        }
    }

    @Test func theQueueMakesAWriterWaitWhenFull() throws {
        let seen = Conversions()
        let queue = ConversionQueue(workers: 1, capacity: 2, convert: seen.converter(delay: 0.1))
        let folder = Fixtures.temporaryFolder()
        try AtomicFile.ensureFolder(folder)
        let docx = folder.appendingPathComponent("a.docx")
        try Data([0x50, 0x4B, 3, 4]).write(to: docx)
        let started = Date()
        // One converting and two waiting fit; the fourth waits for the first to finish.
        for i in 0..<4 {
            try queue.submit(.init(source: docx, destination: folder.appendingPathComponent("\(i).pdf"), discardSource: false))
        }
        #expect(Date().timeIntervalSince(started) >= 0.09)
        try queue.finish()
        #expect(seen.seen.count == 4)
    }
}
