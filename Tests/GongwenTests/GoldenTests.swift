import Foundation
import Testing
@testable import Gongwen

/// Each generated package compared with its golden copy part by part, as XML: the member
/// lists must match, and each part's canonical XML (attributes sorted) must be equal after the
/// volatile values (dates in docProps/core.xml) are blanked. Set GONGWEN_UPDATE_GOLDEN=1 to
/// write the golden parts anew after a deliberate change, and review the diff.
@Suite("Golden packages")
struct GoldenTests {
    static let folder = Fixtures.repository.appendingPathComponent("Tests/GongwenTests/Golden")

    @Test(arguments: [
        ("key-project-2020-blank.docx", "key-project-2020", false, OutputFormat.docx),
        ("statistics-2022-filled.docx", "statistics-2022", true, .docx),
        ("key-project-2020-filled.xlsx", "key-project-2020", true, .xlsx),
        ("open-institution-2020-blank.xlsx", "open-institution-2020", false, .xlsx),
    ])
    func matchesGolden(name: String, templateID: String, filled: Bool, format: OutputFormat) throws {
        let form = try Fixtures.library.template(id: templateID).form
        let package = try Fixtures.render(templateID, filled ? Fixtures.example(form) : nil, format: format)
        let golden = Self.folder.appendingPathComponent(name)
        if ProcessInfo.processInfo.environment["GONGWEN_UPDATE_GOLDEN"] == "1" {
            try? FileManager.default.removeItem(at: golden)
            for part in package.names {
                let url = golden.appendingPathComponent(part)
                try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
                try Self.normalised(part, package.data(part)).write(to: url)
            }
        }
        let expectedParts = try Self.partNames(in: golden)
        #expect(package.names.sorted() == expectedParts, "member list of \(name)")
        for part in package.names where expectedParts.contains(part) {
            let actual = try XMLNode.parse(Self.normalised(part, package.data(part))).canonical
            let expected = try XMLNode.parse(Data(contentsOf: golden.appendingPathComponent(part))).canonical
            if actual != expected {
                let at = zip(actual, expected).prefix { $0 == $1 }.count
                let got = String(actual.dropFirst(max(0, at - 60)).prefix(160))
                let want = String(expected.dropFirst(max(0, at - 60)).prefix(160))
                Issue.record("part \(part) of \(name) differs from its golden copy at character \(at): got …\(got)… expected …\(want)…")
            }
        }
    }

    /// Blanks the creation and modification dates, which change on every run.
    static func normalised(_ part: String, _ data: Data) -> Data {
        guard part == "docProps/core.xml" else { return data }
        let text = String(decoding: data, as: UTF8.self)
            .replacing(/<dcterms:(created|modified)([^>]*)>[^<]*</) { "<dcterms:\($0.1)\($0.2)>DATE<" }
        return Data(text.utf8)
    }

    static func partNames(in folder: URL) throws -> [String] {
        let base = folder.path + "/"
        let enumerator = FileManager.default.enumerator(atPath: folder.path)
        var names: [String] = []
        while let next = enumerator?.nextObject() as? String {
            var isDirectory: ObjCBool = false
            if FileManager.default.fileExists(atPath: base + next, isDirectory: &isDirectory), !isDirectory.boolValue {
                names.append(next)
            }
        }
        return names.sorted()
    }
}
