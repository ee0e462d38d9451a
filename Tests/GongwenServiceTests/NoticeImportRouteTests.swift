import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Testing
@testable import Gongwen
@testable import GongwenService

/// `POST /api/notices/import`: a draft in, as the notice page sends it (pasted text, or a file
/// in a multipart body), the notice the importer reads from it out; a draft that is no notice
/// is a 422 naming the part it lacks.
@Suite("POST /api/notices/import")
struct NoticeImportRouteTests {
    static func seed(_ number: String) throws -> String {
        try String(contentsOf: ServiceFixtures.repository.appendingPathComponent("examples/drafts/\(number).txt"), encoding: .utf8)
    }

    /// The notice the library's importer reads from `text`, as the service encodes it.
    static func imported(_ text: String, date: String? = nil) throws -> JSONValue {
        let result = try NoticeImporter(library: ServiceFixtures.library).importText(text, source: "草稿", date: date)
        return try JSONValue.parse(JSONOutput.encode(result.notice), source: "notice")
    }

    /// The answer's `notice` and its warnings' codes.
    static func answer(_ response: TestResponse) throws -> (notice: JSONValue, codes: [String], messages: [String]) {
        let answer = try JSONValue.parse(Data(buffer: response.body), source: "answer")
        guard case .object(let members) = answer, let notice = members["notice"], case .array(let warnings)? = members["warnings"] else {
            throw Failure(message: "not {notice, warnings}: \(String(buffer: response.body).prefix(300))")
        }
        let notes = warnings.compactMap { note -> (String, String)? in
            guard case .object(let n) = note, case .string(let code)? = n["code"], case .string(let message)? = n["message"] else { return nil }
            return (code, message)
        }
        return (notice, notes.map(\.0), notes.map(\.1))
    }

    struct Failure: Error, CustomStringConvertible { var message: String; var description: String { message } }

    @Test func pastedTextIsTheNoticeTheImporterReads() async throws {
        let text = try Self.seed("000")
        let expected = try Self.imported(text)
        try await ServiceFixtures.withApp { client in
            let response = try await client.execute(uri: "/api/notices/import", method: .post,
                                                    headers: [.contentType: "text/plain; charset=utf-8"], body: ServiceFixtures.buffer(text))
            #expect(response.status == .ok)
            #expect(response.headers[.contentType] == "application/json")
            let answer = try Self.answer(response)
            #expect(answer.notice == expected)
            guard case .object(let notice) = answer.notice else { return }
            #expect(notice["documentNumber"] == .string("郑科普联办〔2020〕2号"))
            #expect(notice["date"] == .string("2020-07-22"))
            #expect(answer.codes.allSatisfy { !$0.isEmpty } && answer.codes.count == answer.messages.count)
        }
    }

    /// A date in Chinese numerals with a one-figure day once stopped the whole service (a
    /// forced Int in the importer, where Swift's \d had taken 二 and 〇 for digits).
    @Test func aDateWithAOneFigureDayInChineseNumeralsIsRead() async throws {
        let text = try Self.seed("000").replacingOccurrences(of: "2020年 7月 22日", with: "二〇二〇年七月二日")
        try #require(text.contains("二〇二〇年七月二日"))
        try await ServiceFixtures.withApp { client in
            let response = try await client.execute(uri: "/api/notices/import", method: .post,
                                                    headers: [.contentType: "text/plain; charset=utf-8"], body: ServiceFixtures.buffer(text))
            #expect(response.status == .ok)
            guard case .object(let notice) = try Self.answer(response).notice else { return }
            #expect(notice["date"] == .string("2020-07-02"))
            #expect(try Self.answer(response).codes.contains("date-rewritten"))
        }
    }

    @Test func aFileInAMultipartBodyAsThePageSendsIt() async throws {
        let text = try Self.seed("002")
        let expected = try Self.imported(text)
        // Notepad on Chinese Windows saves GB18030; the name says it is text.
        let gb18030 = try #require(text.data(using: CSVEncoding.gb18030Encoding))
        let (headers, body) = InlineTemplateRouteTests.multipart([("file", "通知草稿.txt", "text/plain", gb18030)])
        try await ServiceFixtures.withApp { client in
            let response = try await client.execute(uri: "/api/notices/import", method: .post, headers: headers, body: ServiceFixtures.buffer(body))
            #expect(response.status == .ok)
            #expect(try Self.answer(response).notice == expected)
        }
    }

    @Test func aDraftWithoutItsDateIs422NamingTheDateUnlessOneIsGiven() async throws {
        let text = try Self.seed("001")
        try await ServiceFixtures.withApp { client in
            let refused = try await client.execute(uri: "/api/notices/import", method: .post,
                                                   headers: [.contentType: "text/plain"], body: ServiceFixtures.buffer(text))
            let problem = try ServiceFixtures.problem(refused, status: 422)
            #expect(problem.errors.map(\.field) == ["date"])
            #expect(problem.errors.first?.label == "成文日期" && problem.errors.first?.rule == "required")

            let dated = try await client.execute(uri: "/api/notices/import?date=2020-07-17", method: .post,
                                                 headers: [.contentType: "text/plain"], body: ServiceFixtures.buffer(text))
            #expect(dated.status == .ok)
            let answer = try Self.answer(dated)
            #expect(answer.notice == (try Self.imported(text, date: "2020-07-17")))
            #expect(answer.codes.contains("date-supplied"))

            let badDate = try await client.execute(uri: "/api/notices/import?date=2020-13-45", method: .post,
                                                   headers: [.contentType: "text/plain"], body: ServiceFixtures.buffer(text))
            let bad = try ServiceFixtures.problem(badDate, status: 400)
            #expect(bad.errors.map(\.field) == ["date"])

            let untitled = try await client.execute(uri: "/api/notices/import", method: .post, headers: [.contentType: "text/plain"],
                                                    body: ServiceFixtures.buffer("各有关单位：\n现将有关事项通知如下。\n"))
            let missing = try ServiceFixtures.problem(untitled, status: 422)
            #expect(missing.errors.map(\.field) == ["title", "date"])
            #expect(missing.errors.map(\.label) == ["标题", "成文日期"])
        }
    }

    @Test func whatIsNoDraftIsRefusedSayingWhy() async throws {
        try await ServiceFixtures.withApp { client in
            let html = try await client.execute(uri: "/api/notices/import", method: .post,
                                                headers: [.contentType: "text/html"], body: ServiceFixtures.buffer("<p>x</p>"))
            _ = try ServiceFixtures.problem(html, status: 415)

            let pdf = InlineTemplateRouteTests.multipart([("file", "通知.pdf", "application/pdf", Data("%PDF-1.7".utf8))])
            let refusedPDF = try await client.execute(uri: "/api/notices/import", method: .post, headers: pdf.0, body: ServiceFixtures.buffer(pdf.1))
            #expect(try ServiceFixtures.problem(refusedPDF, status: 415).detail.contains(".pdf"))

            let none = InlineTemplateRouteTests.multipart([("other", nil, nil, Data("x".utf8))])
            let empty = try await client.execute(uri: "/api/notices/import", method: .post, headers: none.0, body: ServiceFixtures.buffer(none.1))
            #expect(try ServiceFixtures.problem(empty, status: 422).errors.map(\.field) == ["file"])

            let long = String(repeating: "科", count: NoticeImporter.maxCharacters + 1)
            let tooLong = try await client.execute(uri: "/api/notices/import", method: .post,
                                                   headers: [.contentType: "text/plain"], body: ServiceFixtures.buffer(long))
            #expect(try ServiceFixtures.problem(tooLong, status: 422).errors.map(\.field) == ["draft"])

            let broken = InlineTemplateRouteTests.multipart([("file", "通知.docx", OutputFormat.docx.mediaType, Data("PK\u{3}\u{4}not a zip".utf8))])
            let unreadable = try await client.execute(uri: "/api/notices/import", method: .post, headers: broken.0, body: ServiceFixtures.buffer(broken.1))
            #expect(unreadable.status.code == 400, "a broken DOCX is a bad upload, not a server error: \(unreadable.status)")
        }
    }
}
