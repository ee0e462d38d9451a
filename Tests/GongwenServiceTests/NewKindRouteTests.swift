import Foundation
import Gongwen
import HTTPTypes
import HummingbirdTesting
import Testing
@testable import GongwenService

/// The service on a templates root that also holds templates of kinds the seeds do not have
/// (`Tests/NewKinds/forms/`): they are listed, rendered and collected like any other, and the
/// OpenAPI document's example body validates for every template.
@Suite("Form kinds as data, over HTTP")
struct NewKindRouteTests {
    /// A copy of the repository's templates root with the new kinds' files added.
    static func rootWithNewKinds() throws -> URL {
        let root = ServiceFixtures.temporaryFolder().appendingPathComponent("templates")
        try FileManager.default.copyItem(at: ServiceFixtures.templates, to: root)
        let extra = ServiceFixtures.repository.appendingPathComponent("Tests/NewKinds/forms")
        for name in try FileManager.default.contentsOfDirectory(atPath: extra.path) {
            try FileManager.default.copyItem(at: extra.appendingPathComponent(name), to: root.appendingPathComponent("forms/" + name))
        }
        return root
    }

    @Test func aNewKindIsListedAndRendered() async throws {
        let root = try Self.rootWithNewKinds()
        let settings = ServiceFixtures.settings { $0.templatesRoot = root }
        try await ServiceFixtures.withApp(settings) { client in
            try await client.execute(uri: "/api/templates/activity-list-2026", method: .get) { response in
                #expect(response.status == .ok)
                let summary = try JSONDecoder().decode(TemplateSummary.self, from: Data(buffer: response.body))
                #expect(summary.form.rawValue == "activity-list")
                #expect(summary.formName == "主要活动一览表")
                #expect(summary.subject == "reporter")
                #expect(summary.totals == ["rows[].participants", "rows[].funds"])
            }
            let body = #"{"baseName": "郑州市青少年科技馆", "visitors": 86000, "funds": {"own": 12.35}}"#
            try await client.execute(uri: "/api/render/science-base-2026?format=xlsx", method: .post,
                                     headers: ServiceFixtures.jsonHeaders, body: ServiceFixtures.buffer(body)) { response in
                #expect(response.status == .ok)
                let disposition = try #require(response.headers[.contentDisposition])
                #expect(disposition.contains("filename=\"science-base-2026.xlsx\""))
                let url = try ServiceFixtures.save(response, as: "xlsx")
                let library = try TemplatesRoot(folder: root).library
                let template = try library.template(id: "science-base-2026")
                let validator = library.validator(for: template)
                let read = try validator.validate(FormReader(template: template).read(url)).values
                #expect(read == (try validator.validate(JSONValue.parse(Data(body.utf8), source: "sent")).values))
            }
        }
    }

    @Test func theOpenAPIExampleValidatesForEveryTemplate() throws {
        let library = try TemplatesRoot(folder: try Self.rootWithNewKinds()).library
        for template in library.templates {
            let data = OpenAPIExamples.data(for: template)
            let validated = try library.validator(for: template).validate(data)
            #expect(validated.warnings.isEmpty, "\(template.id): \(validated.warnings)")
        }
    }
}
