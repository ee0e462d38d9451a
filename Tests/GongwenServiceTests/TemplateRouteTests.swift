import Foundation
import Gongwen
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Testing
@testable import GongwenService

@Suite("Health, OpenAPI and templates")
struct TemplateRouteTests {
    @Test func healthIsOK() async throws {
        try await ServiceFixtures.withApp { client in
            try await client.execute(uri: "/healthz", method: .get) { response in
                #expect(response.status == .ok)
                #expect(response.headers[.contentType] == "application/json")
                #expect(String(buffer: response.body) == #"{"status":"ok"}"#)
                #expect(response.headers[HTTPField.Name("X-Request-ID")!] != nil)
            }
        }
    }

    @Test func openAPIDescribesEveryRoute() async throws {
        try await ServiceFixtures.withApp { client in
            try await client.execute(uri: "/openapi.json", method: .get) { response in
                #expect(response.status == .ok)
                let document = try JSONSerialization.jsonObject(with: Data(buffer: response.body)) as? [String: Any]
                #expect(document?["openapi"] as? String == "3.1.0")
                let paths = document?["paths"] as? [String: Any] ?? [:]
                #expect(Set(paths.keys) == ["/healthz", "/health", "/openapi.json", "/api/templates", "/api/templates/{id}",
                                            "/api/templates/{id}/blank", "/api/render/{id}", "/api/notices",
                                            "/api/batch/{id}", "/api/collect/{id}",
                                            "/api/render", "/api/batch", "/api/collect", "/api/templates/import",
                                            "/api/notices/preview", "/api/notices/import"])
                let schemas = (document?["components"] as? [String: Any])?["schemas"] as? [String: Any] ?? [:]
                #expect(schemas["Notice"] != nil && schemas["NoticeBodyBlock"] != nil)
                #expect(!String(buffer: response.body).contains("#/$defs/"))
            }
        }
    }

    @Test func listIsWhatTheCommandPrints() async throws {
        try await ServiceFixtures.withApp { client in
            try await client.execute(uri: "/api/templates", method: .get) { response in
                #expect(response.status == .ok)
                #expect(response.headers[.contentType] == "application/json")
                let encoder = JSONEncoder()
                encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
                let expected = try encoder.encode(ServiceFixtures.library.templates.map(TemplateSummary.init))
                #expect(Data(buffer: response.body) == expected + Data("\n".utf8))
            }
        }
    }

    @Test func oneTemplateWithItsFields() async throws {
        try await ServiceFixtures.withApp { client in
            try await client.execute(uri: "/api/templates/statistics-2022", method: .get) { response in
                #expect(response.status == .ok)
                let summary = try JSONDecoder().decode(TemplateSummary.self, from: Data(buffer: response.body))
                #expect(summary == TemplateSummary(try ServiceFixtures.library.template(id: "statistics-2022")))
                // The layout and header come along, so a client can group the fields as the form does.
                guard case .grid(let grid) = summary.layout else { Issue.record("statistics-2022 is a grid"); return }
                let first = try #require(grid.rows.first?.cells.first)
                #expect(first.text == "科普活动开展次数" && first.rowSpan == 2)
                #expect(grid.rows.first?.cells.last?.field == "activities.held")
                #expect(summary.header?.field == "reporter")
            }
        }
    }

    @Test func unknownTemplateIs404() async throws {
        try await ServiceFixtures.withApp { client in
            for uri in ["/api/templates/no-such-form", "/api/templates/no-such-form/blank?format=xlsx", "/api/templates/"] {
                try await client.execute(uri: uri, method: .get) { response in
                    let problem = try ServiceFixtures.problem(response, status: 404)
                    #expect(problem.type == "urn:gongwen:problem:unknown-template")
                    #expect(problem.detail.contains("key-project-2020"), "the known templates are listed")
                }
            }
        }
    }

    @Test func unknownRouteIs404AndWrongMethodIs405() async throws {
        try await ServiceFixtures.withApp { client in
            try await client.execute(uri: "/api/nothing", method: .get) { response in
                let problem = try ServiceFixtures.problem(response, status: 404)
                #expect(problem.type == "urn:gongwen:problem:not-found")
            }
            try await client.execute(uri: "/api/templates", method: .post) { response in
                _ = try ServiceFixtures.problem(response, status: 405)
                #expect(response.headers[.allow] == "GET, HEAD", "HEAD is served wherever GET is")
            }
        }
    }

    @Test(arguments: OutputFormat.allCases)
    func blankForm(format: OutputFormat) async throws {
        try await ServiceFixtures.withApp { client in
            try await client.execute(uri: "/api/templates/open-institution-2020/blank?format=\(format.rawValue)", method: .get) { response in
                #expect(response.status == .ok)
                #expect(response.headers[.contentType] == format.mediaType)
                let title = try ServiceFixtures.library.template(id: "open-institution-2020").title
                #expect(response.headers[.contentDisposition] == ContentDisposition(
                    title: title + "（空表）", fallback: "open-institution-2020-blank", fileExtension: format.rawValue).headerValue)
                #expect(response.headers[.contentDisposition]?.contains("filename=\"open-institution-2020-blank.\(format.rawValue)\"") == true)
                let url = try ServiceFixtures.save(response, as: format.rawValue)
                let template = try ServiceFixtures.library.template(id: "open-institution-2020")
                let read = try FormReader(template: template).read(url)
                #expect(read == .object([:]) || read == .object(["rows": .array([])]), "a blank form reads back empty: \(read)")
            }
        }
    }

    @Test func badFormatIs400NamingTheParameter() async throws {
        try await ServiceFixtures.withApp { client in
            try await client.execute(uri: "/api/templates/key-project-2020/blank?format=pdf", method: .get) { response in
                let problem = try ServiceFixtures.problem(response, status: 400)
                #expect(problem.errors.map(\.field) == ["format"])
                #expect(problem.errors.first?.rule == "enum")
                #expect(problem.errors.first?.label == "文件格式")
            }
        }
    }
}
