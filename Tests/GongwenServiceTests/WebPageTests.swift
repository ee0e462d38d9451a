import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Testing
@testable import GongwenService

/// The page is compiled into the binary: what it serves must be the files as they are in the
/// repository, under the content type a browser needs to run or apply them.
@Suite("The web page's files")
struct WebPageTests {
    static let resources = ServiceFixtures.repository.appendingPathComponent("Sources/GongwenService/Web/Resources")

    /// Each served path, the file it serves and its content type.
    static let served: [(path: String, file: String, contentType: String)] = [
        ("/", "index.html", "text/html; charset=utf-8"),
        ("/index.html", "index.html", "text/html; charset=utf-8"),
        ("/app.js", "app.js", "text/javascript; charset=utf-8"),
        ("/import.js", "import.js", "text/javascript; charset=utf-8"),
        ("/notice.js", "notice.js", "text/javascript; charset=utf-8"),
        ("/batch.js", "batch.js", "text/javascript; charset=utf-8"),
        ("/app.css", "app.css", "text/css; charset=utf-8"),
        ("/favicon.svg", "favicon.svg", "image/svg+xml"),
    ]

    @Test func servedAsInTheRepository() async throws {
        #expect(Set(WebAssets.files.keys) == Set(Self.served.map(\.path)))
        try await ServiceFixtures.withApp { client in
            for (path, file, contentType) in Self.served {
                let expected = try Data(contentsOf: Self.resources.appendingPathComponent(file))
                try await client.execute(uri: path, method: .get) { response in
                    #expect(response.status == .ok, "\(path)")
                    #expect(response.headers[.contentType] == contentType, "\(path)")
                    #expect(Data(buffer: response.body) == expected, "\(path) differs from \(file)")
                }
            }
        }
    }
}
