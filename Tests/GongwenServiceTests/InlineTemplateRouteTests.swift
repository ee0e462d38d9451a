import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Testing
@testable import Gongwen
@testable import GongwenService

/// Templates sent with the request (`POST /api/render`, `/api/batch`, `/api/collect`): a form
/// the service does not carry is rendered, batched and collected like one it does, and a
/// template that is not one is a 422 naming `template` and the rule.
@Suite("Inline templates: render, batch and collect with the template in the request")
struct InlineTemplateRouteTests {
    /// A template of a kind the service's templates root does not hold.
    static let templateURL = ServiceFixtures.repository.appendingPathComponent("Tests/NewKinds/forms/science-base-2026.json")
    static let data = #"{"baseName": "郑州市青少年科技馆", "visitors": 86000, "funds": {"own": 12.35}, "phone": "0371-67180000"}"#

    static func templateJSON() throws -> JSONValue {
        try JSONValue.parse(Data(contentsOf: templateURL), source: "template")
    }

    /// `{"template": …, "data": …}`.
    static func renderBody(template: JSONValue, data: String = data) throws -> Data {
        let body = JSONValue.object(["template": template, "data": try JSONValue.parse(Data(data.utf8), source: "data")])
        return try JSONEncoder().encode(body)
    }

    /// A multipart/form-data body of `parts` (name, file name, media type, bytes).
    static func multipart(_ parts: [(String, String?, String?, Data)], boundary: String = "gongwen-test-boundary") -> (HTTPFields, Data) {
        var body = Data()
        for (name, fileName, type, bytes) in parts {
            body.append(Data("--\(boundary)\r\nContent-Disposition: form-data; name=\"\(name)\"".utf8))
            if let fileName { body.append(Data("; filename=\"\(fileName)\"".utf8)) }
            body.append(Data("\r\n".utf8))
            if let type { body.append(Data("Content-Type: \(type)\r\n".utf8)) }
            body.append(Data("\r\n".utf8))
            body.append(bytes)
            body.append(Data("\r\n".utf8))
        }
        body.append(Data("--\(boundary)--\r\n".utf8))
        return ([.contentType: "multipart/form-data; boundary=\(boundary)"], body)
    }

    @Test func renderWithTheTemplateInTheBody() async throws {
        let body = try Self.renderBody(template: try Self.templateJSON())
        try await ServiceFixtures.withApp { client in
            try await client.execute(uri: "/api/render/science-base-2026", method: .post,
                                     headers: ServiceFixtures.jsonHeaders, body: ServiceFixtures.buffer(Self.data)) { response in
                _ = try ServiceFixtures.problem(response, status: 404)  // not a template of this service
            }
            try await client.execute(uri: "/api/render?format=xlsx", method: .post,
                                     headers: ServiceFixtures.jsonHeaders, body: ServiceFixtures.buffer(body)) { response in
                #expect(response.status == .ok)
                #expect(response.headers[.contentDisposition]?.contains("filename=\"science-base-2026.xlsx\"") == true)
                let url = try ServiceFixtures.save(response, as: "xlsx")
                let template = try TemplateLibrary.template(from: Data(contentsOf: Self.templateURL), name: "t")
                let library = ServiceFixtures.library.including(template)
                let validator = library.validator(for: template)
                let read = try validator.validate(FormReader(template: template).read(url)).values
                #expect(read == (try validator.validate(JSONValue.parse(Data(Self.data.utf8), source: "sent")).values))
            }
            try await client.execute(uri: "/api/render?format=docx", method: .post,
                                     headers: ServiceFixtures.jsonHeaders, body: ServiceFixtures.buffer(body)) { response in
                #expect(response.status == .ok)
                #expect(response.headers[.contentType] == OutputFormat.docx.mediaType)
            }
        }
    }

    @Test func theDataIsValidatedByTheSentTemplate() async throws {
        let body = try Self.renderBody(template: try Self.templateJSON(), data: #"{"visitors": "many"}"#)
        try await ServiceFixtures.withApp { client in
            try await client.execute(uri: "/api/render", method: .post,
                                     headers: ServiceFixtures.jsonHeaders, body: ServiceFixtures.buffer(body)) { response in
                let problem = try ServiceFixtures.problem(response, status: 422)
                #expect(Set(problem.errors.map(\.field)) == ["baseName", "visitors"])
                #expect(problem.errors.first { $0.field == "baseName" }?.label == "基地名称")
            }
        }
    }

    /// The template with one member replaced (by a path of object keys).
    static func changed(_ path: [String], to value: JSONValue) throws -> JSONValue {
        func set(_ node: JSONValue, _ path: ArraySlice<String>) -> JSONValue {
            guard let key = path.first, case .object(var members) = node else { return value }
            members[key] = set(members[key] ?? .null, path.dropFirst())
            return .object(members)
        }
        return set(try templateJSON(), path[...])
    }

    @Test func aTemplateThatIsNotOneIs422NamingTemplate() async throws {
        let tooWide = JSONValue.array([.object(["height": .number(30), "cells": .array([.object(["text": .string("名称"), "colSpan": .number(9)])])])])
        let cases: [(JSONValue?, String)] = [
            (nil, "required"),
            (.string("science-base-2026"), "required"),
            (try Self.changed(["layout", "rows"], to: tooWide), "wider"),
            (try Self.changed(["layout", "columns"], to: .array(Array(repeating: .number(10), count: 101))), "more than 100 columns"),
            (try Self.changed(["layout", "columns"], to: .array([.number(16), .number(24), .number(16), .number(900)])), "at most 255"),
            (try Self.changed(["fields"], to: .array([])), "not declared"),
            (try Self.changed(["id"], to: .number(7)), "id"),
        ]
        try await ServiceFixtures.withApp { client in
            for (template, expected) in cases {
                var members: [String: JSONValue] = ["data": .object([:])]
                if let template { members["template"] = template }
                let body = try JSONEncoder().encode(JSONValue.object(members))
                try await client.execute(uri: "/api/render", method: .post,
                                         headers: ServiceFixtures.jsonHeaders, body: ServiceFixtures.buffer(body)) { response in
                    let problem = try ServiceFixtures.problem(response, status: 422)
                    #expect(problem.errors.map(\.field) == ["template"], "\(expected)")
                    #expect(problem.errors.first?.label == "模板")
                    #expect(problem.detail.contains(expected) || problem.errors.first?.rule == expected, "\(expected): \(problem.detail)")
                }
            }
            // Found by the service's schema fuzzer (a 500 before): a number no Decimal holds.
            try await client.execute(uri: "/api/render", method: .post, headers: ServiceFixtures.jsonHeaders,
                                     body: ServiceFixtures.buffer(#"{"template": {"x": 1.1009468490233514e-306}, "data": {}}"#)) { response in
                let problem = try ServiceFixtures.problem(response, status: 422)
                #expect(problem.errors.map(\.field) == ["template"] && problem.detail.contains("Decimal"), "\(problem.detail)")
            }
            // A list form of a thousand million blank rows is refused before anything is laid out.
            var list = try JSONValue.parse(Data(contentsOf: ServiceFixtures.repository
                .appendingPathComponent("Tests/NewKinds/forms/activity-list-2026.json")), source: "list")
            if case .object(var members) = list, case .object(var layout)? = members["layout"] {
                layout["blankRows"] = .number(1_000_000_000)
                members["layout"] = .object(layout)
                list = .object(members)
            }
            try await client.execute(uri: "/api/render", method: .post, headers: ServiceFixtures.jsonHeaders,
                                     body: ServiceFixtures.buffer(try JSONEncoder().encode(JSONValue.object(["template": list])))) { response in
                let problem = try ServiceFixtures.problem(response, status: 422)
                #expect(problem.detail.contains("blankRows must be at most 1000"))
            }
        }
    }

    static let jsonLines = """
        {"baseName": "郑州市青少年科技馆", "visitors": 86000}
        {"baseName": "新乡市科技馆", "visitors": 14000}

        """

    @Test func batchAndCollectWithTheTemplateBeside() async throws {
        let template = try Data(contentsOf: Self.templateURL)
        try await ServiceFixtures.withApp { client in
            let (headers, body) = Self.multipart([
                ("template", "science-base-2026.json", "application/json", template),
                ("list", "名单.jsonl", nil, Data(Self.jsonLines.utf8)),
            ])
            let zip = try await client.execute(uri: "/api/batch?format=xlsx", method: .post, headers: headers,
                                               body: ServiceFixtures.buffer(body))
            #expect(zip.status == .ok)
            #expect(zip.headers[.contentType] == "application/zip")
            let url = try ServiceFixtures.save(zip, as: "zip")
            let forms = try ZipArchiveReader(path: url.path).names.filter { $0.hasSuffix(".xlsx") }
            #expect(forms.count == 2)

            // The batch's own forms, returned, collected with the same template sent again.
            let (collectHeaders, collectBody) = Self.multipart([
                ("template", nil, nil, template),
                ("archive", "returned.zip", "application/zip", Data(buffer: zip.body)),
            ])
            var withAccept = collectHeaders
            withAccept[.accept] = "application/json"
            try await client.execute(uri: "/api/collect", method: .post, headers: withAccept,
                                     body: ServiceFixtures.buffer(collectBody)) { response in
                #expect(response.status == .ok)
                let report = try JSONSerialization.jsonObject(with: Data(buffer: response.body)) as? [String: Any]
                #expect(report?["collected"] as? Int == 2)
                #expect((report?["totals"] as? [String: Any])?["visitors"] as? Int == 100_000)
            }
        }
    }

    @Test func uploadsThatAreNotTheRightShape() async throws {
        let template = try Data(contentsOf: Self.templateURL)
        try await ServiceFixtures.withApp { client in
            let noList = Self.multipart([("template", nil, nil, template)])
            try await client.execute(uri: "/api/batch", method: .post, headers: noList.0, body: ServiceFixtures.buffer(noList.1)) { response in
                let problem = try ServiceFixtures.problem(response, status: 422)
                #expect(problem.errors.map(\.field) == ["list"])
            }
            let oddList = Self.multipart([("template", nil, nil, template), ("list", "名单.pdf", "application/pdf", Data("%PDF".utf8))])
            try await client.execute(uri: "/api/batch", method: .post, headers: oddList.0, body: ServiceFixtures.buffer(oddList.1)) { response in
                _ = try ServiceFixtures.problem(response, status: 415)
            }
            let noTemplate = Self.multipart([("archive", "a.zip", "application/zip", Data("PK".utf8))])
            try await client.execute(uri: "/api/collect", method: .post, headers: noTemplate.0, body: ServiceFixtures.buffer(noTemplate.1)) { response in
                let problem = try ServiceFixtures.problem(response, status: 422)
                #expect(problem.errors.map(\.field) == ["template"])
            }
            try await client.execute(uri: "/api/batch", method: .post, headers: [.contentType: "text/csv"],
                                     body: ServiceFixtures.buffer("a,b\n")) { response in
                let problem = try ServiceFixtures.problem(response, status: 415)
                #expect(problem.detail.contains("multipart/form-data"))
            }
            for contentType in ["multipart/form-data", "multipart/form-data; boundary=\"\""] {
                try await client.execute(uri: "/api/batch", method: .post, headers: [.contentType: contentType],
                                         body: ServiceFixtures.buffer("--x\r\n\r\n")) { response in
                    let problem = try ServiceFixtures.problem(response, status: 400)
                    #expect(problem.detail.contains("boundary"))
                }
            }
            try await client.execute(uri: "/api/batch", method: .post, headers: [.contentType: "multipart/form-data; boundary=b"],
                                     body: ServiceFixtures.buffer("no parts here")) { response in
                _ = try ServiceFixtures.problem(response, status: 400)
            }
        }
    }
}
