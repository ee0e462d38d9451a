import Foundation
import Gongwen
import HummingbirdTesting
import Testing
@testable import GongwenService

/// A value over Excel's cell limit is invalid data like any other: 422 naming the field, its
/// label and the rule, in either format, never a failed write.
@Suite("Excel's cell limit over HTTP")
struct CellLimitRouteTests {
    @Test(arguments: OutputFormat.allCases)
    func aValueOverTheCellLimitIs422(format: OutputFormat) async throws {
        // 500 characters as a person counts them, 35,500 UTF-16 code units.
        let summary = String(repeating: "a" + String(repeating: "\u{0301}", count: 70), count: 500)
        let body = #"{"projectName": "甲", "summary": "\#(summary)"}"#
        try await ServiceFixtures.withApp { client in
            try await client.execute(uri: "/api/render/key-project-2020?format=\(format.rawValue)", method: .post,
                                     headers: ServiceFixtures.jsonHeaders, body: ServiceFixtures.buffer(body)) { response in
                let problem = try ServiceFixtures.problem(response, status: 422)
                #expect(problem.type == "urn:gongwen:problem:invalid-data")
                #expect(problem.errors.map(\.field) == ["summary"])
                #expect(problem.errors.first?.label == "项目简介")
                #expect(problem.errors.first?.rule == "cell-limit")
                #expect(problem.errors.first?.message.contains("32767") == true)
            }
        }
    }
}
