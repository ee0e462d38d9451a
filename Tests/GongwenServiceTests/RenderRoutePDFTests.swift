import Foundation
import Gongwen
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Testing
@testable import GongwenService

/// `POST /api/render/{id}?format=pdf` with engines of the tests' own: the route hands the
/// engine the form's DOCX and answers its PDF; with no engine it is a 503 before any work.
@Suite("POST /api/render/{id}?format=pdf")
struct RenderRoutePDFTests {
    /// An engine that checks it is given a whole DOCX and answers a stand-in PDF.
    static func engine(calls: Calls) -> PDFEngine {
        PDFEngine(isAvailable: { true }, convert: { docx, pdf in
            calls.add()
            let data = try Data(contentsOf: docx)
            #expect(docx.pathExtension == "docx" && data.starts(with: [0x50, 0x4B]))
            try Data("%PDF-1.7 form".utf8).write(to: pdf)
        })
    }

    final class Calls: @unchecked Sendable {
        private let lock = NSLock()
        private var value = 0
        var count: Int { lock.withLock { value } }
        func add() { lock.withLock { value += 1 } }
    }

    @Test func theFormsDocxThroughTheEngine() async throws {
        let body = try ServiceFixtures.example("forms/key-project.json")
        let calls = Calls()
        try await ServiceFixtures.withApp(ServiceFixtures.settings { $0.pdf = Self.engine(calls: calls) }) { client in
            try await client.execute(uri: "/api/render/key-project-2020?format=pdf", method: .post,
                                     headers: ServiceFixtures.jsonHeaders, body: ServiceFixtures.buffer(body)) { response in
                #expect(response.status == .ok)
                #expect(response.headers[.contentType] == "application/pdf")
                #expect(String(buffer: response.body) == "%PDF-1.7 form")
                let disposition = try #require(response.headers[.contentDisposition])
                #expect(disposition.hasPrefix("attachment; filename=\"key-project-2020.pdf\"; filename*=UTF-8''"))
            }
        }
        #expect(calls.count == 1)
    }

    @Test func withoutLibreOfficeIs503() async throws {
        let body = try ServiceFixtures.example("forms/key-project.json")
        try await ServiceFixtures.withApp { client in
            try await client.execute(uri: "/api/render/key-project-2020?format=pdf", method: .post,
                                     headers: ServiceFixtures.jsonHeaders, body: ServiceFixtures.buffer(body)) { response in
                let problem = try ServiceFixtures.problem(response, status: 503)
                #expect(problem.type == "urn:gongwen:problem:pdf-unavailable")
                #expect(problem.detail.contains("LibreOffice"))
            }
        }
    }

    @Test func invalidDataIs422AndConvertsNothing() async throws {
        let calls = Calls()
        try await ServiceFixtures.withApp(ServiceFixtures.settings { $0.pdf = Self.engine(calls: calls) }) { client in
            try await client.execute(uri: "/api/render/key-project-2020?format=pdf", method: .post,
                                     headers: ServiceFixtures.jsonHeaders, body: ServiceFixtures.buffer(#"{"postcode": "4500"}"#)) { response in
                let problem = try ServiceFixtures.problem(response, status: 422)
                #expect(problem.errors.contains { $0.field == "postcode" })
            }
        }
        #expect(calls.count == 0)
    }
}
