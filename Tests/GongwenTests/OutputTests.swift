import Foundation
import Testing
@testable import Gongwen

@Suite("Output files")
struct OutputTests {
    struct Boom: Error {}

    @Test func aFailedWriteLeavesNothing() throws {
        let folder = Fixtures.temporaryFolder()
        let destination = folder.appendingPathComponent("form.xlsx")
        #expect(throws: Boom.self) {
            try AtomicFile.write(to: destination) { temporary in
                try Data("half".utf8).write(to: temporary)
                throw Boom()
            }
        }
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path).isEmpty)
    }

    @Test func aSuccessfulWriteLeavesOnlyTheFile() throws {
        let folder = Fixtures.temporaryFolder().appendingPathComponent("new/deeper")
        let destination = folder.appendingPathComponent("form.docx")
        _ = try Fixtures.render("key-project-2020", format: .docx)
        try AtomicFile.write(Data("x".utf8), to: destination)
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path) == ["form.docx"])
    }

    @Test func aFolderThatIsAFileIsAnOutputError() throws {
        let file = Fixtures.temporaryFolder().appendingPathComponent("plain")
        try Data().write(to: file)
        #expect(throws: OutputError.self) { try AtomicFile.write(Data("x".utf8), to: file.appendingPathComponent("a.xlsx")) }
    }

    @Test func anArchiveBuiltInMemoryIsWrittenWhole() throws {
        let path = Fixtures.temporaryFolder().appendingPathComponent("parts.zip").path
        let zip = try ZipArchiveWriter(inMemoryFor: "parts.zip")
        let text = "<w:t>通知 & 附件 𠀀</w:t>"
        try zip.add("word/document.xml", text: text)
        try zip.add("media/blob.bin", Data((0..<4096).map { UInt8($0 % 251) }))
        try zip.closeInMemory(writingTo: path)
        let reader = try ZipArchiveReader(path: path)
        #expect(try reader.read("word/document.xml") == Data(text.utf8))
        #expect(try reader.read("media/blob.bin") == Data((0..<4096).map { UInt8($0 % 251) }))
    }

    @Test func anInMemoryArchiveThatCannotBeWrittenSaysWhere() throws {
        let zip = try ZipArchiveWriter(inMemoryFor: "x.docx")
        try zip.add("a.xml", text: "<a/>")
        let path = Fixtures.temporaryFolder().appendingPathComponent("missing/x.docx").path
        let error = #expect(throws: ZipError.self) { try zip.closeInMemory(writingTo: path) }
        #expect(error?.context.contains(path) == true)
    }

    /// Without it every document pays its allocations again in page faults (AllocatorTuning).
    @Test func theAllocatorKeepsFreedMemoryOnGlibc() {
        #if os(Linux)
        #expect(AllocatorTuning.apply())
        #endif
    }

    @Test(arguments: [
        ("../../etc/passwd", "etc_passwd"),
        ("a/b", "a_b"),
        ("CON", "_CON"),
        ("con.txt", "_con.txt"),
        (".hidden", "hidden"),
        ("郑州大学：<第一>|分部?*", "郑州大学：_第一_分部_"),
        ("", "form"),
        ("tab\there\nnew", "tab_here_new"),
    ])
    func safeFileNames(input: String, expected: String) {
        #expect(SafeFileName.stem(input) == expected)
    }

    @Test func longNamesAreBounded() {
        let name = SafeFileName.stem(String(repeating: "郑州市科学技术协会", count: 30))
        #expect(name.utf8.count <= SafeFileName.maxStemBytes)
        #expect(name.hasPrefix("郑州市科学技术协会"))
    }
}
