import Foundation
import Gongwen

/// Many different filled key-project forms as DOCX, and the check that a PDF made from one
/// is a PDF and holds its own record: a figure is never given for files that are not there
/// or are not what was asked.
struct PDFFixture: Sendable {
    /// The DOCX files, record `i + 1` in `files[i]`.
    let files: [URL]
    /// The example's project name, from which each record's own is made.
    let exampleName: String

    /// Writes `count` DOCX into `folder`, each from its own record (`KeyProjectFixture.recordValues`).
    init(_ fixture: KeyProjectFixture, count: Int, in folder: URL) throws {
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        guard let name = fixture.exampleProjectName else { throw BenchFailure("the example record has no projectName") }
        exampleName = name
        let renderer = FormRenderer(library: fixture.library)
        files = try fixture.recordValues(count).enumerated().map { i, record in
            let (template, validated) = try renderer.validate(templateID: KeyProjectFixture.templateID, data: record)
            let file = folder.appendingPathComponent(String(format: "form-%04d.docx", i + 1))
            try renderer.write(template, values: validated.values, format: .docx, to: file)
            return file
        }
    }

    /// The PDF that `files[i]` becomes in `folder`.
    func pdf(_ i: Int, in folder: URL) -> URL {
        folder.appendingPathComponent(files[i].deletingPathExtension().lastPathComponent + ".pdf")
    }

    /// Every PDF of `folder` is there and starts as a PDF does; the first and the last hold
    /// their record's project name in the text that poppler's pdftotext reads.
    func verify(_ folder: URL, what: String) throws {
        for i in files.indices {
            let pdf = pdf(i, in: folder)
            guard let handle = FileHandle(forReadingAtPath: pdf.path) else {
                throw BenchFailure("\(what): \(pdf.lastPathComponent) was not written")
            }
            let head = handle.readData(ofLength: 5)
            try? handle.close()
            guard head == Data("%PDF-".utf8) else { throw BenchFailure("\(what): \(pdf.lastPathComponent) is not a PDF") }
        }
        for i in Set([0, files.count - 1]) {
            let expected = KeyProjectFixture.projectName(exampleName, i + 1)
            let text = try Self.pdftotext(pdf(i, in: folder))
            guard text.filter({ !$0.isWhitespace }).contains(expected.filter { !$0.isWhitespace }) else {
                throw BenchFailure("\(what): \(pdf(i, in: folder).lastPathComponent) does not hold “\(expected)”")
            }
        }
    }

    /// The text of a PDF as poppler reads it (a reader we did not write).
    static func pdftotext(_ pdf: URL) throws -> String {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["pdftotext", "-enc", "UTF-8", pdf.path, "-"]
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = FileHandle.nullDevice
        do { try process.run() } catch { throw BenchFailure("pdftotext (poppler-utils) cannot run: \(error)") }
        let data = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        guard process.terminationStatus == 0 else {
            throw BenchFailure("pdftotext exited \(process.terminationStatus) on \(pdf.lastPathComponent) (apt-get install poppler-utils)")
        }
        return String(decoding: data, as: UTF8.self)
    }
}
