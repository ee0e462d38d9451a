import Foundation
import Gongwen
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import NIOCore
import Testing
@testable import GongwenService

/// The repository's templates and examples, and an application built on them the way
/// `gongwen serve` builds it, with a temporary folder of its own that tests check is empty.
enum ServiceFixtures {
    static let repository = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    static let templates = repository.appendingPathComponent("templates")

    static let library: TemplateLibrary = {
        try! TemplateLibrary.load(from: templates.appendingPathComponent("forms"))
    }()

    static func settings(_ change: (inout ServiceSettings) -> Void = { _ in }) -> ServiceSettings {
        var settings = ServiceSettings(templatesRoot: templates)
        settings.temporaryFolder = temporaryFolder()
        settings.pdf = .unavailable
        change(&settings)
        return settings
    }

    /// Runs `test` against the application built from `settings`, then checks that no
    /// request left a file behind.
    static func withApp(_ settings: ServiceSettings = settings(), _ test: @escaping @Sendable (any TestClientProtocol) async throws -> Void) async throws {
        let app = try buildApplication(settings)
        try await app.test(.router) { client in
            try await test(client)
        }
        let left = (try? FileManager.default.contentsOfDirectory(atPath: settings.temporaryFolder.path)) ?? []
        #expect(left.isEmpty, "temporary files left behind: \(left)")
    }

    static func temporaryFolder() -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("gongwen-service-tests-\(UUID().uuidString)")
        try! FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }

    static func example(_ name: String) throws -> Data {
        try Data(contentsOf: repository.appendingPathComponent("examples/" + name))
    }

    static let jsonHeaders: HTTPFields = [.contentType: "application/json"]

    static func buffer(_ data: Data) -> ByteBuffer { ByteBuffer(bytes: data) }
    static func buffer(_ text: String) -> ByteBuffer { ByteBuffer(string: text) }

    /// The response body as a problem, after checking the problem's media type and status.
    static func problem(_ response: TestResponse, status: Int, sourceLocation: SourceLocation = #_sourceLocation) throws -> ProblemDetails {
        #expect(response.status.code == status, sourceLocation: sourceLocation)
        #expect(response.headers[.contentType] == "application/problem+json", sourceLocation: sourceLocation)
        let problem = try JSONDecoder().decode(ProblemDetails.self, from: Data(buffer: response.body))
        #expect(problem.status == status, sourceLocation: sourceLocation)
        #expect(!problem.title.isEmpty && !problem.detail.isEmpty, sourceLocation: sourceLocation)
        return problem
    }

    /// Writes a response body to a file with `extension`, for the library's readers.
    static func save(_ response: TestResponse, as ext: String) throws -> URL {
        let url = temporaryFolder().appendingPathComponent("response." + ext)
        try Data(buffer: response.body).write(to: url)
        return url
    }
}

extension Data {
    init(buffer: ByteBuffer) {
        self.init(buffer.readableBytesView)
    }
}
