import Foundation
import Gongwen
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Testing
@testable import GongwenService

/// `POST /api/notices/preview`: the notice's PDF (here from a fake engine that writes a PDF of
/// a known number of pages, each a known size) drawn by the real pdftoppm, every page in one
/// JSON answer; and the 503s and 400s around it.
@Suite("POST /api/notices/preview")
struct NoticePreviewRouteTests {
    /// A well-formed PDF of `pages` empty A4 pages (595 × 842 pt), with a correct xref table.
    static func blankPDF(pages: Int) -> Data {
        var objects = ["<< /Type /Catalog /Pages 2 0 R >>",
                       "<< /Type /Pages /Kids [\((0..<pages).map { "\($0 + 3) 0 R" }.joined(separator: " "))] /Count \(pages) >>"]
        objects += (0..<pages).map { _ in "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] >>" }
        var text = "%PDF-1.4\n"
        var offsets: [Int] = []
        for (index, object) in objects.enumerated() {
            offsets.append(text.utf8.count)
            text += "\(index + 1) 0 obj\n\(object)\nendobj\n"
        }
        let xref = text.utf8.count
        text += "xref\n0 \(objects.count + 1)\n0000000000 65535 f \n"
        text += offsets.map { String(format: "%010d 00000 n \n", $0) }.joined()
        text += "trailer\n<< /Size \(objects.count + 1) /Root 1 0 R >>\nstartxref\n\(xref)\n%%EOF\n"
        return Data(text.utf8)
    }

    /// A PDF engine that writes a blank PDF of `pages` pages, after checking it was given the DOCX.
    static func engine(pages: Int) -> PDFEngine {
        PDFEngine(isAvailable: { true }, convert: { docx, pdf in
            #expect(try Data(contentsOf: docx).starts(with: [0x50, 0x4B]), "the notice's DOCX is converted")
            try blankPDF(pages: pages).write(to: pdf)
        })
    }

    struct Answer: Decodable {
        struct Page: Decodable { var number: Int; var width: Int; var height: Int; var image: String }
        var pageCount: Int
        var dpi: Int
        var truncated: Bool
        var pages: [Page]
    }

    static var hasPoppler: Bool { PageRasterizer.poppler.isAvailable() }

    @Test(.enabled(if: hasPoppler, "needs poppler-utils"))
    func everyPageAsPNG() async throws {
        let body = try ServiceFixtures.example("notices/000.json")
        let settings = ServiceFixtures.settings { $0.pdf = Self.engine(pages: 3) }
        try await ServiceFixtures.withApp(settings) { client in
            try await client.execute(uri: "/api/notices/preview?dpi=50", method: .post, headers: ServiceFixtures.jsonHeaders,
                                     body: ServiceFixtures.buffer(body)) { response in
                #expect(response.status == .ok)
                #expect(response.headers[.contentType] == "application/json")
                #expect(response.headers[HTTPField.Name("X-Page-Count")!] == "3")
                let answer = try JSONDecoder().decode(Answer.self, from: Data(buffer: response.body))
                #expect(answer.pageCount == 3 && answer.dpi == 50 && !answer.truncated)
                #expect(answer.pages.map(\.number) == [1, 2, 3])
                for page in answer.pages {
                    // A4 at 50 dpi: 595 pt × 50/72 ≈ 413 px wide, 842 pt ≈ 585 px high.
                    #expect(abs(page.width - 413) <= 1 && abs(page.height - 585) <= 1, "page \(page.number): \(page.width)×\(page.height)")
                    #expect(page.image.hasPrefix("data:image/png;base64,"))
                    let png = Data(base64Encoded: String(page.image.dropFirst("data:image/png;base64,".count)))
                    #expect(png.map { NoticePreviewRoute.pngSize($0) == (page.width, page.height) } == true)
                }
            }
        }
    }

    @Test(.enabled(if: hasPoppler, "needs poppler-utils"))
    func pagesAreBounded() async throws {
        let body = try ServiceFixtures.example("notices/000.json")
        let settings = ServiceFixtures.settings { $0.pdf = Self.engine(pages: 4) }
        try await ServiceFixtures.withApp(settings) { client in
            try await client.execute(uri: "/api/notices/preview?pages=2", method: .post, headers: ServiceFixtures.jsonHeaders,
                                     body: ServiceFixtures.buffer(body)) { response in
                #expect(response.status == .ok)
                let answer = try JSONDecoder().decode(Answer.self, from: Data(buffer: response.body))
                #expect(answer.pageCount == 4 && answer.truncated && answer.pages.count == 2)
                #expect(answer.dpi == NoticePreviewRoute.defaultDPI)
            }
        }
    }

    @Test func dpiAndPagesOutOfBoundsAre400() async throws {
        let body = try ServiceFixtures.example("notices/000.json")
        let settings = ServiceFixtures.settings { $0.pdf = Self.engine(pages: 1) }
        try await ServiceFixtures.withApp(settings) { client in
            for (query, name) in [("dpi=600", "dpi"), ("dpi=abc", "dpi"), ("dpi=5", "dpi"), ("pages=0", "pages"), ("pages=21", "pages")] {
                try await client.execute(uri: "/api/notices/preview?" + query, method: .post, headers: ServiceFixtures.jsonHeaders,
                                         body: ServiceFixtures.buffer(body)) { response in
                    let problem = try ServiceFixtures.problem(response, status: 400)
                    #expect(problem.errors.first?.field == name, "\(query)")
                }
            }
        }
    }

    @Test func withoutLibreOfficeIs503() async throws {
        let body = try ServiceFixtures.example("notices/000.json")
        try await ServiceFixtures.withApp { client in
            try await client.execute(uri: "/api/notices/preview", method: .post, headers: ServiceFixtures.jsonHeaders,
                                     body: ServiceFixtures.buffer(body)) { response in
                let problem = try ServiceFixtures.problem(response, status: 503)
                #expect(problem.type == ServiceError.type("pdf-unavailable"))
            }
        }
    }

    @Test func withoutPdftoppmIs503() async throws {
        let body = try ServiceFixtures.example("notices/000.json")
        let settings = ServiceFixtures.settings {
            $0.pdf = Self.engine(pages: 1)
            $0.rasterizer = .unavailable
        }
        try await ServiceFixtures.withApp(settings) { client in
            try await client.execute(uri: "/api/notices/preview", method: .post, headers: ServiceFixtures.jsonHeaders,
                                     body: ServiceFixtures.buffer(body)) { response in
                let problem = try ServiceFixtures.problem(response, status: 503)
                #expect(problem.type == ServiceError.type("pdf-unavailable"))
                #expect(problem.detail.contains("pdftoppm"))
            }
        }
    }

    @Test func invalidNoticeIs422NamingTheField() async throws {
        var notice = try JSONSerialization.jsonObject(with: ServiceFixtures.example("notices/000.json")) as! [String: Any]
        notice["date"] = "2020-02-30"
        let body = try JSONSerialization.data(withJSONObject: notice)
        let settings = ServiceFixtures.settings { $0.pdf = Self.engine(pages: 1) }
        try await ServiceFixtures.withApp(settings) { client in
            try await client.execute(uri: "/api/notices/preview", method: .post, headers: ServiceFixtures.jsonHeaders,
                                     body: ServiceFixtures.buffer(body)) { response in
                let problem = try ServiceFixtures.problem(response, status: 422)
                #expect(problem.errors.contains { $0.field == "date" && $0.rule == "date" })
            }
        }
    }

    /// The preview waits on the PDF queue: with its one instance converting and no room to
    /// wait, the next preview is refused as pdf-busy, as a PDF download would be.
    @Test func onThePDFQueue() async throws {
        let body = try ServiceFixtures.example("notices/000.json")
        let settings = ServiceFixtures.settings {
            $0.pdf = PDFEngine(isAvailable: { true }, convert: { _, pdf in
                Thread.sleep(forTimeInterval: 1.5)
                try Self.blankPDF(pages: 1).write(to: pdf)
            })
            $0.pdfQueueLimit = 0
        }
        try await ServiceFixtures.withApp(settings) { client in
            async let first: HTTPResponse.Status = client.execute(uri: "/api/notices?format=pdf", method: .post,
                                                                  headers: ServiceFixtures.jsonHeaders,
                                                                  body: ServiceFixtures.buffer(body)) { $0.status }
            try await Task.sleep(for: .milliseconds(400))
            try await client.execute(uri: "/api/notices/preview", method: .post, headers: ServiceFixtures.jsonHeaders,
                                     body: ServiceFixtures.buffer(body)) { response in
                let problem = try ServiceFixtures.problem(response, status: 503)
                #expect(problem.type == ServiceError.type("pdf-busy"))
                #expect(response.headers[.retryAfter] != nil)
            }
            #expect(try await first == .ok)
        }
    }
}
