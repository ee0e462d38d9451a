import Foundation
import Testing
@testable import Gongwen

@Suite("Reading filled forms back")
struct ReaderTests {
    static var cases: [(String, OutputFormat)] {
        Fixtures.library.templates.flatMap { t in OutputFormat.allCases.map { (t.id, $0) } }
    }

    @Test(arguments: cases)
    func roundTrip(templateID: String, format: OutputFormat) throws {
        let library = Fixtures.library
        let template = try library.template(id: templateID)
        let validator = library.validator(for: template)
        let sent = try validator.validate(Fixtures.example(template.form)).values
        let renderer = FormRenderer(library: library)
        let url = Fixtures.temporaryFolder().appendingPathComponent("form.\(format.rawValue)")
        try renderer.write(template, values: sent, format: format, to: url)
        let read = try validator.validate(FormReader(template: template).read(url)).values
        #expect(read == sent)
    }

    @Test func textThatMustSurviveComesBackExactly() throws {
        let library = Fixtures.library
        let template = try library.template(id: "key-project-2020")
        let data = JSONValue.object([
            "projectName": .string("A<B & \"C\" 𠀀𪚥😀（）〔〕："),
            "summary": .string("第一行\n第二行\t制表"),
            "participants": .number(3000),
            "budget": .string("5万元"),
        ])
        let sent = try library.validator(for: template).validate(data).values
        for format in OutputFormat.allCases {
            let url = Fixtures.temporaryFolder().appendingPathComponent("form.\(format.rawValue)")
            try FormRenderer(library: library).write(template, values: sent, format: format, to: url)
            let read = try library.validator(for: template).validate(FormReader(template: template).read(url)).values
            #expect(read == sent, "\(format)")
        }
    }

    @Test func blankFormsReadAsEmpty() throws {
        let library = Fixtures.library
        let template = try library.template(id: "key-project-2020")
        let url = Fixtures.temporaryFolder().appendingPathComponent("blank.xlsx")
        try FormRenderer(library: library).write(template, values: .blank, format: .xlsx, to: url)
        #expect(try FormReader(template: template).read(url) == .object([:]))
    }

    @Test func numbersLoseTheirBinaryNoise() {
        #expect(FormReader.number("12.349999999999999") == "12.35")
        #expect(FormReader.number("3000") == "3000")
        #expect(FormReader.number("1E-3") == "0.001")
        #expect(FormReader.number("52.36") == "52.36")
    }

    @Test func notAZipIsRefused() throws {
        let url = Fixtures.temporaryFolder().appendingPathComponent("x.xlsx")
        try Data("not a zip".utf8).write(to: url)
        #expect(throws: ReadError.self) { try XlsxReader(path: url) }
    }

    @Test func aDocxRenamedXlsxIsReadAsWhatItIs() throws {
        let template = try Fixtures.library.template(id: "key-project-2020")
        let docx = try Fixtures.render("key-project-2020", Fixtures.example(.keyProject), format: .docx)
        let renamed = docx.url.deletingLastPathComponent().appendingPathComponent("renamed.xlsx")
        try FileManager.default.moveItem(at: docx.url, to: renamed)
        #expect(throws: ReadError.self) { try XlsxReader(path: renamed) }
        // The form reader goes by content, so the file is still read.
        #expect(try FormReader(template: template).read(renamed) != .object([:]))
    }

    @Test func entityDeclarationsAreRefused() {
        let bomb = Data(#"<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol">]><worksheet/>"#.utf8)
        #expect(OfficeArchive.declaresDocumentType(bomb))
        #expect(!OfficeArchive.declaresDocumentType(Data(#"<?xml version="1.0"?><worksheet><c>&lt;!DOCTYPE</c></worksheet>"#.utf8)))
    }
}
