import Foundation
import Gongwen
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Testing
@testable import GongwenService

@Suite("POST /api/render/{id}")
struct RenderRouteTests {
    @Test(arguments: [("key-project-2020", "key-project.json"), ("statistics-2022", "statistics.json"),
                      ("open-institution-2021", "open-institution.json")], OutputFormat.allCases)
    func filledFormReadsBack(example: (id: String, file: String), format: OutputFormat) async throws {
        let body = try ServiceFixtures.example("forms/" + example.file)
        try await ServiceFixtures.withApp { client in
            try await client.execute(uri: "/api/render/\(example.id)?format=\(format.rawValue)", method: .post,
                                     headers: ServiceFixtures.jsonHeaders, body: ServiceFixtures.buffer(body)) { response in
                #expect(response.status == .ok)
                #expect(response.headers[.contentType] == format.mediaType)
                let disposition = try #require(response.headers[.contentDisposition])
                #expect(disposition.hasPrefix("attachment; filename=\"\(example.id).\(format.rawValue)\"; filename*=UTF-8''"))
                let library = ServiceFixtures.library
                let template = try library.template(id: example.id)
                let sent = try library.validator(for: template).validate(JSONValue.parse(body, source: "example")).values
                // Named by the title and what the form is about, never like the blank form.
                let named = FormRenderer.displayName(for: template, values: sent)
                #expect(named.hasPrefix(template.title + "-") && named.count > template.title.count + 1)
                #expect(disposition == ContentDisposition(title: named, fallback: example.id, fileExtension: format.rawValue).headerValue)
                let url = try ServiceFixtures.save(response, as: format.rawValue)
                let read = try library.validator(for: template).validate(FormReader(template: template).read(url)).values
                #expect(read == sent)
            }
        }
    }

    @Test func malformedJSONIs400() async throws {
        try await ServiceFixtures.withApp { client in
            try await client.execute(uri: "/api/render/key-project-2020", method: .post,
                                     headers: ServiceFixtures.jsonHeaders, body: ServiceFixtures.buffer(#"{"projectName": "#)) { response in
                let problem = try ServiceFixtures.problem(response, status: 400)
                #expect(problem.type == "urn:gongwen:problem:malformed-json")
                #expect(problem.errors.isEmpty)
            }
        }
    }

    @Test func invalidDataIs422NamingEveryField() async throws {
        let body = #"{"projectName": "", "postcode": "4500", "participants": -3, "email": "not-mail", "colour": "red", "summary": "\#(String(repeating: "长", count: 501))"}"#
        try await ServiceFixtures.withApp { client in
            try await client.execute(uri: "/api/render/key-project-2020?format=docx", method: .post,
                                     headers: ServiceFixtures.jsonHeaders, body: ServiceFixtures.buffer(body)) { response in
                let problem = try ServiceFixtures.problem(response, status: 422)
                #expect(problem.type == "urn:gongwen:problem:invalid-data")
                let byField = Dictionary(problem.errors.map { ($0.field, $0) }, uniquingKeysWith: { a, _ in a })
                #expect(byField["postcode"]?.rule == "postcode")
                #expect(byField["postcode"]?.label == "邮政编码")
                #expect(byField["participants"]?.rule == "non-negative")
                #expect(byField["email"]?.rule == "email")
                #expect(byField["colour"]?.rule == "unknown-key")
                #expect(byField["summary"]?.rule == "max-length")
                #expect(byField["summary"]?.message == "不得超过 500 字（现有 501 字）")
                #expect(byField["projectName"]?.rule == "required")
                #expect(byField["projectName"]?.label == "项目名称")
                #expect(problem.errors.allSatisfy { !$0.message.isEmpty })
            }
        }
    }

    @Test func notAnObjectIs422() async throws {
        try await ServiceFixtures.withApp { client in
            try await client.execute(uri: "/api/render/key-project-2020", method: .post,
                                     headers: ServiceFixtures.jsonHeaders, body: ServiceFixtures.buffer("[1, 2]")) { response in
                let problem = try ServiceFixtures.problem(response, status: 422)
                #expect(problem.errors.first?.rule == "kind")
            }
        }
    }

    @Test func unknownTemplateIs404() async throws {
        try await ServiceFixtures.withApp { client in
            try await client.execute(uri: "/api/render/nope", method: .post,
                                     headers: ServiceFixtures.jsonHeaders, body: ServiceFixtures.buffer("{}")) { response in
                _ = try ServiceFixtures.problem(response, status: 404)
            }
        }
    }

    @Test func wrongContentTypeIs415() async throws {
        try await ServiceFixtures.withApp { client in
            for headers: HTTPFields in [[.contentType: "text/plain"], [:], [.contentType: "application/x-www-form-urlencoded"]] {
                try await client.execute(uri: "/api/render/key-project-2020", method: .post,
                                         headers: headers, body: ServiceFixtures.buffer("{}")) { response in
                    let problem = try ServiceFixtures.problem(response, status: 415)
                    #expect(problem.detail.contains("application/json"))
                }
            }
        }
    }

    @Test func jsonWithCharsetIsAccepted() async throws {
        let body = try ServiceFixtures.example("forms/key-project.json")
        try await ServiceFixtures.withApp { client in
            try await client.execute(uri: "/api/render/key-project-2020", method: .post,
                                     headers: [.contentType: "application/json; charset=utf-8"], body: ServiceFixtures.buffer(body)) { response in
                #expect(response.status == .ok)
            }
        }
    }

    @Test func bodyOverTheLimitIs413() async throws {
        let settings = ServiceFixtures.settings { $0.maxJSONBytes = 1000 }
        let body = #"{"summary": "\#(String(repeating: "x", count: 2000))"}"#
        try await ServiceFixtures.withApp(settings) { client in
            try await client.execute(uri: "/api/render/key-project-2020", method: .post,
                                     headers: ServiceFixtures.jsonHeaders, body: ServiceFixtures.buffer(body)) { response in
                let problem = try ServiceFixtures.problem(response, status: 413)
                #expect(problem.detail.contains("1000"))
            }
        }
    }

    @Test func badFormatIs400() async throws {
        try await ServiceFixtures.withApp { client in
            try await client.execute(uri: "/api/render/key-project-2020?format=odt", method: .post,
                                     headers: ServiceFixtures.jsonHeaders, body: ServiceFixtures.buffer("{}")) { response in
                let problem = try ServiceFixtures.problem(response, status: 400)
                #expect(problem.errors.first?.field == "format")
            }
        }
    }
}
