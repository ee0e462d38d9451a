import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Testing
@testable import Gongwen
@testable import GongwenService

/// `POST /api/templates/import`: an office's form file in, a template out, which then fills
/// like any other when sent back with the data; files that are no form are 4xx naming `file`.
@Suite("POST /api/templates/import")
struct TemplateImportRouteTests {
    /// The blank key-project form as `format`, as an office would receive it.
    static func blankForm(_ format: OutputFormat) throws -> Data {
        let library = ServiceFixtures.library
        let url = ServiceFixtures.temporaryFolder().appendingPathComponent("附件1." + format.fileExtension)
        try FormRenderer(library: library).write(try library.template(id: "key-project-2020"), values: .blank, format: format, to: url)
        return try Data(contentsOf: url)
    }

    /// A DOCX of one paragraph and no table.
    static func docxWithoutTable() throws -> Data {
        let url = ServiceFixtures.temporaryFolder().appendingPathComponent("letter.docx")
        let zip = try ZipArchiveWriter(path: url.path)
        try zip.add("[Content_Types].xml", text: """
            <?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">\
            <Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>\
            <Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>
            """)
        try zip.add("_rels/.rels", text: """
            <?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">\
            <Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>
            """)
        try zip.add("word/document.xml", text: """
            <?xml version="1.0" encoding="UTF-8"?><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">\
            <w:body><w:p><w:r><w:t>关于报送材料的通知</w:t></w:r></w:p></w:body></w:document>
            """)
        try zip.close()
        return try Data(contentsOf: url)
    }

    @Test func aFormFileBecomesATemplateThatFills() async throws {
        let (headers, body) = InlineTemplateRouteTests.multipart([
            ("file", "附件1.xlsx", OutputFormat.xlsx.mediaType, try Self.blankForm(.xlsx)),
        ])
        try await ServiceFixtures.withApp { client in
            let response = try await client.execute(uri: "/api/templates/import?id=key-project-2099", method: .post,
                                                    headers: headers, body: ServiceFixtures.buffer(body))
            #expect(response.status == .ok)
            let report = try JSONValue.parse(Data(buffer: response.body), source: "report")
            guard case .object(let members) = report, case .object(let template)? = members["template"],
                  case .array(let warnings)? = members["warnings"] else {
                Issue.record("not {template, warnings}: \(String(buffer: response.body).prefix(300))")
                return
            }
            #expect(template["id"] == .string("key-project-2099"))
            #expect(template["form"] == .string("key-project"), "its labels are the key-project form's")
            guard case .array(let fields)? = template["fields"] else { Issue.record("no fields"); return }
            let keys = fields.compactMap { field -> String? in
                if case .object(let f) = field, case .string(let key)? = f["key"] { return key }
                return nil
            }
            #expect(keys.contains("projectName") && keys.contains("postcode") && keys.contains("summary"))
            #expect(!warnings.isEmpty)

            // Sent back with the data, it fills as the built-in template does.
            let fill = try JSONEncoder().encode(JSONValue.object([
                "template": .object(template),
                "data": try JSONValue.parse(try ServiceFixtures.example("forms/key-project.json"), source: "data"),
            ]))
            try await client.execute(uri: "/api/render?format=docx", method: .post, headers: ServiceFixtures.jsonHeaders,
                                     body: ServiceFixtures.buffer(fill)) { response in
                #expect(response.status == .ok)
                #expect(response.headers[.contentType] == OutputFormat.docx.mediaType)
            }
        }
    }

    @Test func theFileAsTheBodyToo() async throws {
        try await ServiceFixtures.withApp { client in
            try await client.execute(uri: "/api/templates/import", method: .post,
                                     headers: [.contentType: OutputFormat.docx.mediaType],
                                     body: ServiceFixtures.buffer(try Self.blankForm(.docx))) { response in
                #expect(response.status == .ok)
                #expect(String(buffer: response.body).contains("\"projectName\""))
            }
        }
    }

    @Test func filesThatAreNoForm() async throws {
        try await ServiceFixtures.withApp { client in
            let noTable = InlineTemplateRouteTests.multipart([("file", "letter.docx", nil, try Self.docxWithoutTable())])
            try await client.execute(uri: "/api/templates/import", method: .post, headers: noTable.0,
                                     body: ServiceFixtures.buffer(noTable.1)) { response in
                let problem = try ServiceFixtures.problem(response, status: 422)
                #expect(problem.errors.map(\.field) == ["file"])
                #expect(problem.detail.contains("没有表格"))
            }
            let notOffice = InlineTemplateRouteTests.multipart([("file", "form.xlsx", nil, Data("not a workbook".utf8))])
            try await client.execute(uri: "/api/templates/import", method: .post, headers: notOffice.0,
                                     body: ServiceFixtures.buffer(notOffice.1)) { response in
                _ = try ServiceFixtures.problem(response, status: 400)
            }
            let pdf = InlineTemplateRouteTests.multipart([("file", "form.pdf", "application/pdf", Data("%PDF-1.7".utf8))])
            try await client.execute(uri: "/api/templates/import", method: .post, headers: pdf.0,
                                     body: ServiceFixtures.buffer(pdf.1)) { response in
                let problem = try ServiceFixtures.problem(response, status: 400)
                #expect(problem.detail.contains(".pdf"))
            }
            let noFile = InlineTemplateRouteTests.multipart([("other", nil, nil, Data("x".utf8))])
            try await client.execute(uri: "/api/templates/import", method: .post, headers: noFile.0,
                                     body: ServiceFixtures.buffer(noFile.1)) { response in
                let problem = try ServiceFixtures.problem(response, status: 422)
                #expect(problem.errors.map(\.field) == ["file"])
            }
            try await client.execute(uri: "/api/templates/import", method: .post, headers: [.contentType: "text/plain"],
                                     body: ServiceFixtures.buffer("表格")) { response in
                _ = try ServiceFixtures.problem(response, status: 415)
            }
            let form = InlineTemplateRouteTests.multipart([("file", "附件1.xlsx", nil, try Self.blankForm(.xlsx))])
            try await client.execute(uri: "/api/templates/import?id=Bad_ID", method: .post, headers: form.0,
                                     body: ServiceFixtures.buffer(form.1)) { response in
                let problem = try ServiceFixtures.problem(response, status: 400)
                #expect(problem.errors.map(\.field) == ["id"])
            }
        }
    }
}
