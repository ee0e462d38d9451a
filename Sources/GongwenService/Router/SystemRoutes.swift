import Foundation
import HTTPTypes
import Hummingbird

/// `/healthz` (the probe), `/health` (queues and the PDF pool), `/openapi.json` and the web
/// page's files.
struct SystemRoutes {
    let openAPI: Data
    let environment: ServiceEnvironment

    func addRoutes<Context: RequestContext>(to routes: RouteRegistry<Context>) {
        routes.get("/healthz") { _, _ in
            Self.json(Data(#"{"status":"ok"}"#.utf8))
        }
        let environment = self.environment
        routes.get("/health") { _, _ in
            Self.json(HealthReport(environment).json)
        }
        let openAPI = self.openAPI
        routes.get("/openapi.json") { _, _ in
            Self.json(openAPI)
        }
        for (path, asset) in WebAssets.files {
            routes.get(path) { request, _ in
                // Revalidated on each load (no-cache), answered 304 while the binary is the same.
                let headers: HTTPFields = [.contentType: asset.contentType, .eTag: asset.etag, .cacheControl: "no-cache"]
                if let match = request.headers[.ifNoneMatch], match.split(separator: ",").contains(where: {
                    $0.trimmingCharacters(in: .whitespaces) == asset.etag || $0.trimmingCharacters(in: .whitespaces) == "*"
                }) {
                    return Response(status: .notModified, headers: headers)
                }
                return Response(status: .ok, headers: headers, body: ResponseBody(byteBuffer: ByteBuffer(bytes: asset.body)))
            }
        }
    }

    static func json(_ data: Data) -> Response {
        Response(status: .ok, headers: [.contentType: "application/json"], body: ResponseBody(byteBuffer: ByteBuffer(bytes: data)))
    }
}
