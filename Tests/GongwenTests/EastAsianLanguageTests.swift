import Foundation
import Testing
@testable import Gongwen

/// Every run of text in a notice or a DOCX form says its East Asian text is Chinese (PRC):
/// Word, WPS and LibreOffice pick the Chinese or the Japanese forms of 直骨角写画 from the run's
/// language (a run in ja-JP printed the Japanese forms even from Noto Serif CJK SC). The
/// language is on each run, not only in the document defaults, so that text copied into
/// another document keeps it.
@Suite("East Asian language (zh-CN)")
struct EastAsianLanguageTests {
    static let notices = ["000", "001", "002", "003", "004", "demo-sealed", "demo-upward"]

    /// The parts of a DOCX that hold runs: the document and its footers.
    static func runParts(_ package: OfficePackage) -> [String] {
        package.names.filter { $0 == "word/document.xml" || ($0.hasPrefix("word/footer") && $0.hasSuffix(".xml")) }
    }

    /// Checks each run that carries text (a seal's picture run has none): its properties end
    /// with `w:lang w:eastAsia="zh-CN"`, where CT_RPr puts the language after sizes and colour.
    static func expectChineseRuns(_ package: OfficePackage, _ label: String) throws {
        var checked = 0
        var wrong: [String] = []
        for part in runParts(package) {
            for run in try package.xml(part).all("w:r") where !run.children("w:t").isEmpty || !run.children("w:instrText").isEmpty {
                checked += 1
                let properties = run.first("w:rPr")
                let lang = properties?.children("w:lang").first
                if lang?["w:eastAsia"] != "zh-CN" || properties?.children.last?.name != "w:lang" {
                    wrong.append("\(part): \(run.allText.debugDescription) ends \(properties?.children.last?.name ?? "without w:rPr")")
                }
            }
        }
        #expect(checked > 0, "\(label): no run with text")
        #expect(wrong.isEmpty, "\(label): \(wrong.count) of \(checked) runs without a last w:lang w:eastAsia=\"zh-CN\", first \(wrong.prefix(3))")
        let defaults = try package.xml("word/styles.xml").first("w:rPrDefault")?.first("w:lang")
        #expect(defaults?["w:eastAsia"] == "zh-CN", "\(label): document defaults without zh-CN")
    }

    @Test(arguments: notices)
    func noticeRunsAreChinese(_ name: String) throws {
        try Self.expectChineseRuns(try NoticeTests.render(NoticeTests.notice(name)), "notice \(name)")
    }

    @Test func blankAndFilledFormRunsAreChinese() throws {
        for template in Fixtures.library.templates {
            try Self.expectChineseRuns(try Fixtures.render(template.id, format: .docx), "\(template.id) blank")
        }
        let filled: [(String, FormKind)] = [
            ("key-project-2020", .keyProject), ("open-institution-2021", .openInstitution), ("statistics-2022", .statistics),
        ]
        for (id, kind) in filled {
            try Self.expectChineseRuns(try Fixtures.render(id, Fixtures.example(kind), format: .docx), "\(id) filled")
        }
    }
}
