import Foundation
import Gongwen
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Testing
@testable import GongwenService

@Suite("POST /api/notices")
struct NoticeRouteTests {
    /// A notice from examples/notices with its seals as PNG data URLs, as a client sends them.
    static func sealedNotice(seal: String? = nil) throws -> Data {
        var notice = try JSONSerialization.jsonObject(with: ServiceFixtures.example("notices/demo-sealed.json")) as! [String: Any]
        let png = try ServiceFixtures.example("seals/sample-seal-a.png").base64EncodedString()
        var signature = notice["signature"] as! [String: Any]
        signature["organs"] = (signature["organs"] as! [[String: Any]]).map { organ in
            var organ = organ
            organ["seal"] = seal ?? "data:image/png;base64," + png
            return organ
        }
        notice["signature"] = signature
        return try JSONSerialization.data(withJSONObject: notice)
    }

    @Test func docxPacket() async throws {
        let body = try ServiceFixtures.example("notices/000.json")
        try await ServiceFixtures.withApp { client in
            try await client.execute(uri: "/api/notices", method: .post, headers: ServiceFixtures.jsonHeaders,
                                     body: ServiceFixtures.buffer(body)) { response in
                #expect(response.status == .ok)
                #expect(response.headers[.contentType] == OutputFormat.docx.mediaType)
                let title = "郑州市科普联席办关于举办2020年全市科技活动周的通知"
                #expect(response.headers[.contentDisposition] == ContentDisposition(title: title, fallback: "notice", fileExtension: "docx").headerValue)
                let url = try ServiceFixtures.save(response, as: "docx")
                let content = try DocxTableReader(path: url).content()
                #expect(content.paragraphs.contains { $0.contains("关于举办2020年全市科技活动周的通知") })
                #expect(!content.tables.isEmpty, "the attached forms are in the packet")
            }
        }
    }

    @Test func sealsAsDataURLs() async throws {
        let body = try Self.sealedNotice()
        try await ServiceFixtures.withApp { client in
            try await client.execute(uri: "/api/notices?format=docx", method: .post, headers: ServiceFixtures.jsonHeaders,
                                     body: ServiceFixtures.buffer(body)) { response in
                #expect(response.status == .ok)
                let url = try ServiceFixtures.save(response, as: "docx")
                let archive = try ZipArchiveReader(path: url.path)
                #expect(archive.names.contains { $0.hasPrefix("word/media/") }, "the seal image is in the package")
            }
        }
    }

    @Test func sealPathsAreRefused() async throws {
        let body = try Self.sealedNotice(seal: "/etc/hostname")
        try await ServiceFixtures.withApp { client in
            try await client.execute(uri: "/api/notices", method: .post, headers: ServiceFixtures.jsonHeaders,
                                     body: ServiceFixtures.buffer(body)) { response in
                let problem = try ServiceFixtures.problem(response, status: 422)
                #expect(problem.errors.map(\.field) == ["signature.organs[0].seal", "signature.organs[1].seal"])
                #expect(problem.errors.allSatisfy { $0.label == "印章" && $0.rule == "image-file" && $0.message.contains("data:image/png;base64") })
            }
        }
    }

    @Test func pdfWithoutLibreOfficeIs503() async throws {
        let body = try ServiceFixtures.example("notices/000.json")
        try await ServiceFixtures.withApp { client in
            try await client.execute(uri: "/api/notices?format=pdf", method: .post, headers: ServiceFixtures.jsonHeaders,
                                     body: ServiceFixtures.buffer(body)) { response in
                let problem = try ServiceFixtures.problem(response, status: 503)
                #expect(problem.type == "urn:gongwen:problem:pdf-unavailable")
                #expect(problem.detail.contains("LibreOffice"))
            }
        }
    }

    @Test func pdfFromTheEngine() async throws {
        let body = try ServiceFixtures.example("notices/000.json")
        let settings = ServiceFixtures.settings {
            $0.pdf = PDFEngine(isAvailable: { true }, convert: { docx, pdf in
                #expect(FileManager.default.fileExists(atPath: docx.path))
                try Data("%PDF-1.7 test".utf8).write(to: pdf)
            })
        }
        try await ServiceFixtures.withApp(settings) { client in
            try await client.execute(uri: "/api/notices?format=pdf", method: .post, headers: ServiceFixtures.jsonHeaders,
                                     body: ServiceFixtures.buffer(body)) { response in
                #expect(response.status == .ok)
                #expect(response.headers[.contentType] == "application/pdf")
                #expect(String(buffer: response.body) == "%PDF-1.7 test")
                #expect(response.headers[.contentDisposition]?.hasSuffix(".pdf") == true)
            }
        }
    }

    @Test func invalidNoticeIs422() async throws {
        let body = #"{"issuer": {"organs": ["示例市科学技术局"]}, "title": "通知", "documentNumber": "示科〔25〕03号", "signature": {"organs": [{"name": "示例市科学技术局"}]}, "date": "2025-02-30", "layout": "../../etc/passwd", "attachments": [{"name": "表", "form": {"template": "nope"}}]}"#
        try await ServiceFixtures.withApp { client in
            try await client.execute(uri: "/api/notices", method: .post, headers: ServiceFixtures.jsonHeaders,
                                     body: ServiceFixtures.buffer(body)) { response in
                let problem = try ServiceFixtures.problem(response, status: 422)
                let rules = Dictionary(problem.errors.map { ($0.field, $0.rule) }, uniquingKeysWith: { a, _ in a })
                #expect(rules["documentNumber"] == "document-number")
                #expect(rules["date"] == "date")
                #expect(rules["layout"] == "unknown-layout")
                #expect(rules["attachments[0].form.template"] == "unknown-template")
            }
        }
    }

    @Test func missingMemberIs422AndBrokenJSONIs400() async throws {
        try await ServiceFixtures.withApp { client in
            try await client.execute(uri: "/api/notices", method: .post, headers: ServiceFixtures.jsonHeaders,
                                     body: ServiceFixtures.buffer(#"{"title": "通知"}"#)) { response in
                let problem = try ServiceFixtures.problem(response, status: 422)
                #expect(problem.errors.first?.rule == "required")
            }
            try await client.execute(uri: "/api/notices", method: .post, headers: ServiceFixtures.jsonHeaders,
                                     body: ServiceFixtures.buffer(#"{"title": "#)) { response in
                _ = try ServiceFixtures.problem(response, status: 400)
            }
            try await client.execute(uri: "/api/notices", method: .post, headers: [.contentType: "text/plain"],
                                     body: ServiceFixtures.buffer("{}")) { response in
                _ = try ServiceFixtures.problem(response, status: 415)
            }
        }
    }
}
