import Foundation
import Testing
@testable import Gongwen

/// File names made safe code point by code point: a character Windows refuses stays refused
/// when a combining mark follows it, and what is left is NFC, bounded in bytes, and never
/// starts with a mark that belonged to a removed character.
@Suite("File names by code point")
struct SafeNameCodePointTests {
    /// What Windows refuses in a name (and `/`, which no system accepts).
    static let unsafe = ["/", "\\", ":", "*", "?", "\"", "<", ">", "|"]

    @Test(arguments: unsafe)
    func anUnsafeCharacterFollowedByACombiningMarkIsReplacedWithItsMark(character: String) {
        #expect(scalars(SafeFileName.stem("项目\(character)\u{301}名称")) == scalars("项目_名称"))
    }

    @Test func namesAreComposedToNFC() {
        #expect(scalars(SafeFileName.stem("Cafe\u{301} 郑州")) == scalars("Caf\u{E9} 郑州"))
    }

    @Test func marksLeftDanglingAtTheStartGoWithTheCharacterRemovedBeforeThem() {
        #expect(scalars(SafeFileName.stem("/\u{301}\u{302}郑州")) == scalars("郑州"))
        #expect(scalars(SafeFileName.stem(".\u{301}郑州")) == scalars("郑州"))
        #expect(SafeFileName.stem("\u{301}\u{301}") == "form")
        #expect(SafeFileName.stem("?\u{301}") == "form")
    }

    @Test func aLongNameIsCutInBytesAtACodePointAndKeepsWholeClustersWhereItCan() {
        // One grapheme cluster of 601 bytes: cut inside it, never to nothing.
        let marked = SafeFileName.stem("a" + String(repeating: "\u{301}", count: 300))
        #expect(marked.utf8.count <= SafeFileName.maxStemBytes)
        #expect(marked.unicodeScalars.first == "\u{E1}")
        // Families of 25 bytes: seven whole ones fit, no half family with a dangling joiner.
        let family = "👨\u{200D}👩\u{200D}👧\u{200D}👦"
        let families = SafeFileName.stem(String(repeating: family, count: 20))
        #expect(scalars(families) == scalars(String(repeating: family, count: 7)))
    }

    @Test func aRenderedFormWhoseSubjectHoldsMarkedUnsafeCharactersIsWrittenInItsFolder() throws {
        let subject = Self.unsafe.map { "甲\($0)\u{301}" }.joined() + "乙"
        let renderer = FormRenderer(library: Fixtures.library)
        let (template, validated) = try renderer.validate(templateID: "key-project-2020", data: .object(["projectName": .string(subject)]))
        let name = FormRenderer.fileName(for: template, values: validated.values, format: .docx)
        #expect(scalars(name) == scalars("key-project-2020-甲_甲_甲_甲_甲_甲_甲_甲_甲_乙.docx"))
        let folder = Fixtures.temporaryFolder()
        try renderer.write(template, values: validated.values, format: .docx, to: folder.appendingPathComponent(name))
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path).map(scalars) == [scalars(name)])
    }

    @Test func aBatchThatKeepsGoingWritesEveryFormAndTheManifest() throws {
        let lines = Self.unsafe.map { c in
            let escaped = c == "\"" || c == "\\" ? "\\" + c : c
            return #"{"projectName": "项目", "organizer": "单位\#(escaped)\#u{301}甲"}"#
        }
        let source = try JSONLinesList.open(.memory(Data(lines.joined(separator: "\n").utf8)), file: "list.jsonl")
        let folder = Fixtures.temporaryFolder()
        let template = try Fixtures.library.template(id: "key-project-2020")
        let batch = try BatchRunner(library: Fixtures.library, templateID: template.id, options: BatchOptions(
            formats: [.xlsx, .docx], folder: folder, keepGoing: true, jobs: 2))
        let summary = try batch.run(try batch.plan(source), list: source)
        #expect(summary.formsWritten == Self.unsafe.count)
        let written = try FileManager.default.contentsOfDirectory(atPath: folder.path)
        let expected = (1...Self.unsafe.count).flatMap { row in
            ["\(row)-单位_甲.xlsx", "\(row)-单位_甲.docx"]
        } + [Manifest.fileName]
        #expect(Set(written.map(scalars)) == Set(expected.map(scalars)))
    }

    @Test func aPatternValueWithMarkedUnsafeCharactersIsMadeSafe() throws {
        let pattern = try FileNamePattern("{row}-{organizer}", keys: ["organizer"])
        let values = FormValues(values: ["organizer": .text("\u{301}a/\u{301}b")])
        #expect(scalars(pattern.stem(row: 2, templateID: "t", values: values)) == scalars("2-a_b"))
    }
}
