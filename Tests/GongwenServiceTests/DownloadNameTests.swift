import Foundation
import Gongwen
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Testing
@testable import GongwenService

/// A download is named by what the form is about, which a client chooses: a right-to-left
/// override in it must not make `….xlsx` show as `…xslx.exe` in the browser's download bar.
@Suite("Download names")
struct DownloadNameTests {
    @Test func aRightToLeftOverrideInTheSubjectNeverReachesContentDisposition() async throws {
        let body = #"{"projectName": "科普周\u202Eexe.xlsx"}"#
        let template = try ServiceFixtures.library.template(id: "key-project-2020")
        let named = ContentDisposition.percentEncoded(template.title + "-科普周exe.xlsx.xlsx")
        try await ServiceFixtures.withApp { client in
            try await client.execute(uri: "/api/render/key-project-2020?format=xlsx", method: .post,
                                     headers: ServiceFixtures.jsonHeaders, body: ServiceFixtures.buffer(body)) { response in
                #expect(response.status == .ok)
                let disposition = try #require(response.headers[.contentDisposition])
                #expect(!disposition.contains("%E2%80%AE"))
                #expect(disposition.hasSuffix("filename*=UTF-8''" + named))
            }
        }
    }

    @Test func aTitleHoldingBidiControlsIsNamedWithoutThem() {
        let header = ContentDisposition(title: "统计表\u{2067}\u{202E}fdp.exe\u{2069}", fallback: "statistics-2022", fileExtension: "docx").headerValue
        #expect(header == "attachment; filename=\"statistics-2022.docx\"; filename*=UTF-8''" + ContentDisposition.percentEncoded("统计表fdp.exe.docx"))
    }
}
