import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Testing
@testable import GongwenService

/// `multipart/form-data` bodies read by `MultipartUpload` (RFC 2046/7578): what browsers and
/// curl send reads part by part, byte for byte; every malformed body is a 400, never a crash —
/// the package parser used before stopped the process on a header name with a byte ≥ 0x80,
/// which schemathesis sent.
@Suite("multipart/form-data bodies")
struct MultipartUploadTests {
    static let type = "multipart/form-data; boundary=XyZ"

    static func parse(_ text: String) throws -> MultipartUpload {
        try MultipartUpload.parse(Data(text.utf8), contentType: type)
    }

    /// The detail of the 400 a body gets; nil when it parsed.
    static func refusal(_ body: Data, contentType: String = type) -> String? {
        do {
            _ = try MultipartUpload.parse(body, contentType: contentType)
            return nil
        } catch ServiceError.malformedUpload(let detail) {
            return detail
        } catch {
            return "not a malformed upload: \(error)"
        }
    }

    @Test func partsAsCurlSendsThem() throws {
        let file = Data([0x50, 0x4B, 0x03, 0x04, 0x0D, 0x0A, 0x2D, 0x2D, 0x58, 0x79, 0xFF, 0x00, 0x0D])
        var body = Data("--XyZ\r\nContent-Disposition: form-data; name=\"template\"\r\n\r\nkey-project-2020\r\n".utf8)
        body += Data("--XyZ\r\nContent-Disposition: form-data; name=\"list\"; filename=\"名单.xlsx\"\r\n".utf8)
        body += Data("Content-Type: application/vnd.openxmlformats-officedocument.spreadsheetml.sheet\r\n\r\n".utf8)
        body += file + Data("\r\n--XyZ--\r\n".utf8)
        let upload = try MultipartUpload.parse(body, contentType: Self.type)
        #expect(upload.parts.map(\.name) == ["template", "list"])
        #expect(upload.part("template")?.body == Data("key-project-2020".utf8))
        #expect(upload.part("template")?.fileName == nil)
        let list = try #require(upload.part("list"))
        #expect(list.fileName == "名单.xlsx")
        #expect(list.fileNameExtension == "xlsx")
        #expect(MultipartUpload.mediaType(of: list) == "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")
        // CRLF, "--Xy" (a boundary's beginning), 0xFF and NUL inside a file are its bytes.
        #expect(list.body == file)
    }

    @Test func preambleEpiloguePaddingAndEmptyParts() throws {
        let upload = try Self.parse("ignored preamble\r\n--XyZ  \t\r\ncontent-disposition:form-data; name=a\r\n\r\n\r\n"
                                    + "--XyZ\r\n\r\nno headers\r\n--XyZ--  and an epilogue\r\n--XyZ\r\nnot a part")
        #expect(upload.parts.map(\.name) == ["a", ""])
        #expect(upload.parts.map(\.body) == [Data(), Data("no headers".utf8)])
        #expect(try Self.parse("--XyZ\r\nContent-Disposition: form-data; name=\"x\"\r\n\r\n1\r\n--XyZ--").part("x")?.body == Data("1".utf8))
        // A body that is a slice of a larger buffer (its indices do not start at 0) reads the same.
        let whole = Data("junk--XyZ\r\nContent-Disposition: form-data; name=\"x\"\r\n\r\n1\r\n--XyZ--".utf8)
        let slice = whole[whole.index(whole.startIndex, offsetBy: 4)...]
        #expect(try MultipartUpload.parse(slice, contentType: Self.type).part("x")?.body == Data("1".utf8))
    }

    /// Each way a body can be wrong, and the body schemathesis crashed the service with.
    @Test(arguments: [
        ("a header name with UTF-8 bytes", Data("--XyZ\r\nCont\u{E9}nt-Disposition: form-data; name=\"list\"\r\n\r\nx\r\n--XyZ--\r\n".utf8), "token"),
        ("a header name with a raw 0xFF", Data("--XyZ\r\n".utf8) + Data([0xFF, 0x3A, 0x20, 0x61, 0x0D, 0x0A, 0x0D, 0x0A]) + Data("x\r\n--XyZ--".utf8), "token"),
        ("a header line without a colon", Data("--XyZ\r\nContent-Disposition form-data\r\n\r\nx\r\n--XyZ--".utf8), "token"),
        ("an empty header name", Data("--XyZ\r\n: form-data\r\n\r\nx\r\n--XyZ--".utf8), "token"),
        ("a folded header", Data("--XyZ\r\nContent-Disposition: form-data;\r\n name=\"a\"\r\n\r\nx\r\n--XyZ--".utf8), "token"),
        ("a control character in a value", Data("--XyZ\r\nContent-Disposition: form-data; name=\"|\u{18}\"\r\n\r\n{}\r\n--XyZ--".utf8), "控制字符"),
        ("a value that is not UTF-8", Data("--XyZ\r\nContent-Type: ".utf8) + Data([0xC3, 0x28]) + Data("\r\n\r\nx\r\n--XyZ--".utf8), "UTF-8"),
        ("no boundary line", Data("just text".utf8), "no boundary line"),
        ("a boundary not followed by a line break", Data("--XyZ\tx\r\n\r\nx\r\n--XyZ--".utf8), "no line break"),
        ("a part never closed", Data("--XyZ\r\nContent-Disposition: form-data; name=\"a\"\r\n\r\nx".utf8), "not closed"),
        ("headers never ended", Data("--XyZ\r\nContent-Disposition: form-data; name=\"a\"".utf8), "headers"),
        ("headers of 20 KB", Data(("--XyZ\r\n" + String(repeating: "X-A: b\r\n", count: 3000) + "\r\nx\r\n--XyZ--").utf8), "too long"),
        ("seventeen parts", Data((String(repeating: "--XyZ\r\n\r\nx\r\n", count: 17) + "--XyZ--").utf8), "too many parts"),
    ] as [(String, Data, String)])
    func malformedBodiesAre400(_ what: String, _ body: Data, _ said: String) throws {
        let detail = try #require(Self.refusal(body), "\(what) parsed")
        #expect(detail.contains(said), "\(what): \(detail)")
    }

    @Test func noBoundaryOrNoParts() {
        #expect(Self.refusal(Data("--XyZ--".utf8)) != nil)
        #expect(Self.refusal(Data("--XyZ\r\n\r\nx\r\n--XyZ--".utf8), contentType: "multipart/form-data")?.contains("boundary") == true)
    }

    /// The request schemathesis sent when the service stopped: through the route, a 400, and
    /// the service still answers after it.
    @Test func theRequestThatStoppedTheServiceIs400() async throws {
        var sent = Data("--93fc\r\nContent-Disposition: form-data; name=\"list\"; filename=\"list\"\r\n\r\nZ\u{16}\r\n".utf8)
        sent += Data("--93fc\r\n".utf8) + Data([0xC2, 0xBB, 0xF3, 0x3A, 0x20, 0x78, 0x0D, 0x0A, 0x0D, 0x0A])
        sent += Data("VSG\r\n--93fc--\r\n".utf8)
        let body = sent
        let headers: HTTPFields = [.contentType: "multipart/form-data; boundary=93fc"]
        try await ServiceFixtures.withApp { client in
            try await client.execute(uri: "/api/batch?keepGoing=true", method: .post, headers: headers,
                                     body: ServiceFixtures.buffer(body)) { response in
                let problem = try ServiceFixtures.problem(response, status: 400)
                #expect(problem.detail.contains("token"))
            }
            try await client.execute(uri: "/healthz", method: .get) { response in
                #expect(response.status == .ok)
            }
        }
    }
}
