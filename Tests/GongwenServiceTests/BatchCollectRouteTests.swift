import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Testing
@testable import Gongwen
@testable import GongwenService

@Suite("POST /api/batch/{id} and /api/collect/{id}")
struct BatchCollectRouteTests {
    static let jsonLines = """
        {"projectName": "科普大篷车进社区", "organizer": "郑州市科学技术馆", "participants": 3000}
        {"projectName": "科技馆开放日", "organizer": "新乡市科技馆", "postcode": "453000"}
        {"projectName": "院士报告会", "organizer": "濮阳市科协"}

        """

    /// The members of a zip response.
    static func members(_ response: TestResponse) throws -> [String] {
        let url = try ServiceFixtures.save(response, as: "zip")
        return try ZipArchiveReader(path: url.path).names
    }

    @Test func jsonLinesToZip() async throws {
        try await ServiceFixtures.withApp { client in
            try await client.execute(uri: "/api/batch/key-project-2020?format=both", method: .post,
                                     headers: [.contentType: "application/x-ndjson"], body: ServiceFixtures.buffer(Self.jsonLines)) { response in
                #expect(response.status == .ok)
                #expect(response.headers[.contentType] == "application/zip")
                #expect(response.headers[.contentDisposition]?.contains("filename=\"key-project-2020-batch.zip\"") == true)
                #expect(response.headers[BatchRoutes.formsHeader] == "3")
                #expect(response.headers[BatchRoutes.invalidFormsHeader] == "0")
                let names = try Self.members(response)
                #expect(names.contains("manifest.csv"))
                #expect(names.filter { $0.hasSuffix(".xlsx") }.count == 3)
                #expect(names.filter { $0.hasSuffix(".docx") }.count == 3)
            }
        }
    }

    @Test func csvWithChineseHeaders() async throws {
        let csv = "项目名称,主办单位,拟参加人数\n科普大篷车进社区,郑州市科学技术馆,3000\n科技馆开放日,新乡市科技馆,200\n"
        try await ServiceFixtures.withApp { client in
            try await client.execute(uri: "/api/batch/key-project-2020", method: .post,
                                     headers: [.contentType: "text/csv; charset=utf-8"], body: ServiceFixtures.buffer(csv)) { response in
                #expect(response.status == .ok)
                let names = try Self.members(response)
                #expect(names.filter { $0.hasSuffix(".xlsx") }.count == 2)
            }
        }
    }

    @Test func badRecordIs422WithItsRow() async throws {
        let lines = Self.jsonLines + #"{"projectName": "坏记录", "postcode": "12"}"# + "\n"
        try await ServiceFixtures.withApp { client in
            try await client.execute(uri: "/api/batch/key-project-2020", method: .post,
                                     headers: [.contentType: "application/x-ndjson"], body: ServiceFixtures.buffer(lines)) { response in
                let problem = try ServiceFixtures.problem(response, status: 422)
                let error = try #require(problem.errors.first)
                #expect(error.field == "postcode" && error.label == "邮政编码" && error.rule == "postcode")
                #expect(error.record == "4", "JSON Lines count lines from 1")
            }
            try await client.execute(uri: "/api/batch/key-project-2020?keepGoing=true", method: .post,
                                     headers: [.contentType: "application/x-ndjson"], body: ServiceFixtures.buffer(lines)) { response in
                #expect(response.status == .ok)
                #expect(response.headers[BatchRoutes.formsHeader] == "3")
                #expect(response.headers[BatchRoutes.invalidFormsHeader] == "1")
                let names = try Self.members(response)
                #expect(names.filter { $0.hasSuffix(".xlsx") }.count == 3)
            }
        }
    }

    @Test func unusableListsAre400Or422() async throws {
        try await ServiceFixtures.withApp { client in
            try await client.execute(uri: "/api/batch/key-project-2020", method: .post,
                                     headers: [.contentType: "text/csv"], body: ServiceFixtures.buffer("名称,颜色\nA,红\n")) { response in
                _ = try ServiceFixtures.problem(response, status: 422)
            }
            try await client.execute(uri: "/api/batch/key-project-2020", method: .post,
                                     headers: [.contentType: OutputFormat.xlsx.mediaType], body: ServiceFixtures.buffer("not a workbook")) { response in
                _ = try ServiceFixtures.problem(response, status: 400)
            }
            try await client.execute(uri: "/api/batch/key-project-2020", method: .post,
                                     headers: [.contentType: "application/json"], body: ServiceFixtures.buffer("{}")) { response in
                let problem = try ServiceFixtures.problem(response, status: 415)
                #expect(problem.detail.contains("text/csv"))
            }
            try await client.execute(uri: "/api/batch/key-project-2020?format=png", method: .post,
                                     headers: [.contentType: "text/csv"], body: ServiceFixtures.buffer("a\n")) { response in
                _ = try ServiceFixtures.problem(response, status: 400)
            }
            try await client.execute(uri: "/api/batch/nope", method: .post,
                                     headers: [.contentType: "text/csv"], body: ServiceFixtures.buffer("a\n")) { response in
                _ = try ServiceFixtures.problem(response, status: 404)
            }
        }
    }

    @Test func uploadOverTheLimitIs413() async throws {
        let settings = ServiceFixtures.settings { $0.maxUploadBytes = 100 }
        try await ServiceFixtures.withApp(settings) { client in
            try await client.execute(uri: "/api/batch/key-project-2020", method: .post,
                                     headers: [.contentType: "application/x-ndjson"], body: ServiceFixtures.buffer(Self.jsonLines)) { response in
                _ = try ServiceFixtures.problem(response, status: 413)
            }
        }
    }

    /// A zip of statistics forms rendered from `values`, one per unit, plus a file that is not a form.
    static func returnedForms(_ reporters: [String: Int]) throws -> Data {
        let library = ServiceFixtures.library
        let template = try library.template(id: "statistics-2022")
        let folder = ServiceFixtures.temporaryFolder()
        let zipURL = folder.appendingPathComponent("returned.zip")
        let zip = try ZipArchiveWriter(path: zipURL.path)
        for (i, (reporter, held)) in reporters.sorted(by: { $0.key < $1.key }).enumerated() {
            let values = try library.validator(for: template).validate(.object([
                "reporter": .string(reporter), "activities": .object(["held": .number(Decimal(held))]),
            ])).values
            let url = folder.appendingPathComponent("\(i).xlsx")
            try FormRenderer(library: library).write(template, values: values, format: .xlsx, to: url)
            try zip.add("单位/\(reporter).xlsx", Data(contentsOf: url))
        }
        try zip.add("单位/说明.txt", Data("not a form".utf8))
        try zip.add("单位/坏表.xlsx", Data("not a workbook".utf8))
        try zip.close()
        return try Data(contentsOf: zipURL)
    }

    @Test func collectToSummaryXlsx() async throws {
        let body = try Self.returnedForms(["新乡市科学技术局": 86, "濮阳市科学技术局": 14])
        try await ServiceFixtures.withApp { client in
            try await client.execute(uri: "/api/collect/statistics-2022", method: .post,
                                     headers: [.contentType: "application/zip"], body: ServiceFixtures.buffer(body)) { response in
                #expect(response.status == .ok)
                #expect(response.headers[.contentType] == OutputFormat.xlsx.mediaType)
                #expect(response.headers[.contentDisposition]?.contains("filename=\"statistics-2022-summary.xlsx\"") == true)
                let url = try ServiceFixtures.save(response, as: "xlsx")
                let archive = try ZipArchiveReader(path: url.path)
                #expect(archive.names.contains("xl/workbook.xml"))
            }
        }
    }

    @Test func collectToJSON() async throws {
        let body = try Self.returnedForms(["新乡市科学技术局": 86, "濮阳市科学技术局": 14])
        try await ServiceFixtures.withApp { client in
            try await client.execute(uri: "/api/collect/statistics-2022", method: .post,
                                     headers: [.contentType: "application/zip", .accept: "application/json"],
                                     body: ServiceFixtures.buffer(body)) { response in
                #expect(response.status == .ok)
                #expect(response.headers[.contentType] == "application/json")
                let report = try JSONSerialization.jsonObject(with: Data(buffer: response.body)) as? [String: Any]
                #expect(report?["collected"] as? Int == 2)
                #expect(report?["notCollected"] as? Int == 1)
                #expect((report?["totals"] as? [String: Any])?["activities.held"] as? Int == 100)
                let files = report?["files"] as? [[String: Any]] ?? []
                #expect(files.map { $0["file"] as? String } == ["单位/坏表.xlsx", "单位/新乡市科学技术局.xlsx", "单位/濮阳市科学技术局.xlsx"])
                #expect(files.first?["status"] as? String == "refused")
                #expect((files.first?["detail"] as? String)?.hasPrefix("单位/坏表.xlsx：") == true, "named by its path in the zip")
                // The text file is not read, but named, so that the page can say it was passed over.
                let skipped = report?["skipped"] as? [[String: Any]] ?? []
                #expect(skipped.map { $0["file"] as? String } == ["单位/说明.txt"])
                #expect((skipped.first?["detail"] as? String)?.contains("不是 .xlsx 或 .docx") == true)
            }
        }
    }

    @Test func collectErrors() async throws {
        let empty = try {
            let url = ServiceFixtures.temporaryFolder().appendingPathComponent("empty.zip")
            let zip = try ZipArchiveWriter(path: url.path)
            try zip.add("readme.txt", Data("nothing".utf8))
            try zip.close()
            return try Data(contentsOf: url)
        }()
        try await ServiceFixtures.withApp { client in
            try await client.execute(uri: "/api/collect/statistics-2022", method: .post,
                                     headers: [.contentType: "application/zip"], body: ServiceFixtures.buffer("not a zip")) { response in
                _ = try ServiceFixtures.problem(response, status: 400)
            }
            try await client.execute(uri: "/api/collect/statistics-2022", method: .post,
                                     headers: [.contentType: "application/zip"], body: ServiceFixtures.buffer(empty)) { response in
                let problem = try ServiceFixtures.problem(response, status: 422)
                // The files it held instead are named.
                #expect(problem.detail.contains("其中只有 readme.txt"), "\(problem.detail)")
            }
            try await client.execute(uri: "/api/collect/statistics-2022", method: .post,
                                     headers: [.contentType: "text/plain"], body: ServiceFixtures.buffer(empty)) { response in
                _ = try ServiceFixtures.problem(response, status: 415)
            }
            try await client.execute(uri: "/api/collect/nope", method: .post,
                                     headers: [.contentType: "application/zip"], body: ServiceFixtures.buffer(empty)) { response in
                _ = try ServiceFixtures.problem(response, status: 404)
            }
        }
    }
}
