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
