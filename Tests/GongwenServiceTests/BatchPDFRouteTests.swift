import Foundation
import Gongwen
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import NIOCore
import Testing
@testable import GongwenService

/// The batch routes' PDF side: `format=pdf|all` and `print=` read as `gongwen batch` reads
/// `--format` and `--print`, a 503 before any work without LibreOffice (or pdfunite for the
/// print file), and each form's DOCX handed to the service's engine. The real conversion is
/// checked against LibreOffice in Tests/independent/check_serve_pdf.py.
@Suite("POST /api/batch with format=pdf|all and print=")
struct BatchPDFRouteTests {
    /// The options a batch request's query asks for.
    static func options(_ query: String) throws -> BatchRoutes.Options {
        let head = HTTPRequest(method: .post, scheme: "http", authority: "localhost", path: "/api/batch/key-project-2020" + query)
        return try BatchRoutes.options(Request(head: head, body: RequestBody(buffer: ByteBuffer())))
    }

    @Test func formatAndPrintAsTheCommandLineReadsThem() throws {
        #expect(try Self.options("") == .init(formats: [.xlsx], keepPDFs: false, printFile: false, keepGoing: false))
        #expect(try Self.options("?format=pdf") == .init(formats: [], keepPDFs: true, printFile: false, keepGoing: false))
        #expect(try Self.options("?format=all") == .init(formats: [.xlsx, .docx], keepPDFs: true, printFile: false, keepGoing: false))
        #expect(try Self.options("?format=both&print=true") == .init(formats: [.xlsx, .docx], keepPDFs: false, printFile: true, keepGoing: false))
        // The print file needs PDFs even when only XLSX is kept; they are made and not kept.
        let printOnly = try Self.options("?print=1&keepGoing=true")
        #expect(printOnly == .init(formats: [.xlsx], keepPDFs: false, printFile: true, keepGoing: true))
        #expect(printOnly.needsPDF)
        #expect(try !Self.options("?format=docx&print=false").needsPDF)
        #expect(try Self.options("?format=PDF").keepPDFs)
    }

    @Test func aBadFormatOrPrintIs400NamingTheParameter() async throws {
        try await ServiceFixtures.withApp { client in
            for query in ["format=png", "print=maybe"] {
                try await client.execute(uri: "/api/batch/key-project-2020?" + query, method: .post,
                                         headers: [.contentType: "application/x-ndjson"],
                                         body: ServiceFixtures.buffer(BatchCollectRouteTests.jsonLines)) { response in
                    let problem = try ServiceFixtures.problem(response, status: 400)
                    #expect(problem.detail.contains(String(query.prefix { $0 != "=" })), "\(query): \(problem.detail)")
                }
            }
        }
    }

    @Test func withoutLibreOfficeEveryPDFAskIs503BeforeAnyWork() async throws {
        try await ServiceFixtures.withApp { client in
            for query in ["format=pdf", "format=all", "print=true", "format=docx&print=true"] {
                try await client.execute(uri: "/api/batch/key-project-2020?" + query, method: .post,
                                         headers: [.contentType: "application/x-ndjson"],
                                         body: ServiceFixtures.buffer(BatchCollectRouteTests.jsonLines)) { response in
                    let problem = try ServiceFixtures.problem(response, status: 503)
                    #expect(problem.type == "urn:gongwen:problem:pdf-unavailable")
                    #expect(problem.detail.contains("LibreOffice"))
                }
            }
            // Before the body is read: an upload with no list part is still the 503, not a 422.
            let upload = InlineTemplateRouteTests.multipart([("template", nil, nil, Data("{}".utf8))])
            try await client.execute(uri: "/api/batch?format=pdf", method: .post, headers: upload.0,
                                     body: ServiceFixtures.buffer(upload.1)) { response in
                _ = try ServiceFixtures.problem(response, status: 503)
            }
            // XLSX alone needs no engine.
            try await client.execute(uri: "/api/batch/key-project-2020?format=xlsx&print=false", method: .post,
                                     headers: [.contentType: "application/x-ndjson"],
                                     body: ServiceFixtures.buffer(BatchCollectRouteTests.jsonLines)) { response in
                #expect(response.status == .ok)
            }
        }
    }

    @Test func thePrintFileWithoutPdfuniteIs503NamingIt() throws {
        let engine = RenderRoutePDFTests.engine(calls: .init())
        let printing = BatchRoutes.Options(formats: [.xlsx], keepPDFs: false, printFile: true, keepGoing: false)
        #expect {
            try BatchRoutes.checkEngines(for: printing, engine, merger: false)
        } throws: { error in
            guard case .pdfUnavailable(let detail) = error as? ServiceError else { return false }
            return detail.contains("pdfunite")
        }
        try BatchRoutes.checkEngines(for: printing, engine, merger: true)
        // Each form's PDF without the print file needs no pdfunite.
        try BatchRoutes.checkEngines(for: .init(formats: [], keepPDFs: true, printFile: false, keepGoing: false), engine, merger: false)
        #expect(throws: PDFConverter.Failure.self) {
            try BatchRoutes.checkEngines(for: printing, .unavailable, merger: true)
        }
    }

    @Test func formatPDFHandsEachFormsDocxToTheEngine() async throws {
        let calls = RenderRoutePDFTests.Calls()
        try await ServiceFixtures.withApp(ServiceFixtures.settings { $0.pdf = RenderRoutePDFTests.engine(calls: calls) }) { client in
            try await client.execute(uri: "/api/batch/key-project-2020?format=pdf", method: .post,
                                     headers: [.contentType: "application/x-ndjson"],
                                     body: ServiceFixtures.buffer(BatchCollectRouteTests.jsonLines)) { response in
                #expect(response.status == .ok)
                #expect(response.headers[BatchRoutes.formsHeader] == "3")
                let names = try BatchCollectRouteTests.members(response)
                #expect(names.filter { $0.hasSuffix(".pdf") }.count == 3)
                #expect(!names.contains { $0.hasSuffix(".xlsx") || $0.hasSuffix(".docx") })
                #expect(names.contains("manifest.csv") && !names.contains("print.pdf"))
            }
        }
        #expect(calls.count == 3)
    }

    @Test func formatAllKeepsTheThreeFormats() async throws {
        let calls = RenderRoutePDFTests.Calls()
        let template = try Data(contentsOf: InlineTemplateRouteTests.templateURL)
        try await ServiceFixtures.withApp(ServiceFixtures.settings { $0.pdf = RenderRoutePDFTests.engine(calls: calls) }) { client in
            try await client.execute(uri: "/api/batch/key-project-2020?format=all", method: .post,
                                     headers: [.contentType: "application/x-ndjson"],
                                     body: ServiceFixtures.buffer(BatchCollectRouteTests.jsonLines)) { response in
                #expect(response.status == .ok)
                let names = try BatchCollectRouteTests.members(response)
                for ext in [".xlsx", ".docx", ".pdf"] { #expect(names.filter { $0.hasSuffix(ext) }.count == 3, "\(ext)") }
            }
            // The same option on the route that takes the template beside the list.
            let upload = InlineTemplateRouteTests.multipart([("template", nil, nil, template), ("list", "名单.jsonl", nil, Data(InlineTemplateRouteTests.jsonLines.utf8))])
            try await client.execute(uri: "/api/batch?format=pdf", method: .post, headers: upload.0,
                                     body: ServiceFixtures.buffer(upload.1)) { response in
                #expect(response.status == .ok)
                let names = try BatchCollectRouteTests.members(response)
                #expect(names.filter { $0.hasSuffix(".pdf") }.count == 2)
            }
        }
        #expect(calls.count == 5)
    }
}
